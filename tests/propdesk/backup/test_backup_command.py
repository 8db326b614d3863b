"""``propdesk backup`` / ``propdesk restore`` / ``propdesk user`` on the command line."""

from __future__ import annotations

import io
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from propdesk.auth.actor import Actor, Role
from propdesk.db.engine import Database
from propdesk.registry import services as reg
from tests.cli_login import AddUser, cli_user_fixture  # noqa: F401 (the cli_user fixture)
from ui.cli import main


def _names(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as conn:
        return [r[0] for r in conn.execute("SELECT name FROM person ORDER BY id")]


def _live(db: Database) -> Path:
    return Path(str(db.engine.url.database))


def _add(db: Database, name: str) -> None:
    with db.begin(Actor.system()) as s:
        reg.create_person(s, name=name)


def test_backup_to_file_then_restore_with_yes(
    sqlite_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str], cli_user: AddUser
) -> None:
    cli_user(sqlite_db.url)
    live = _live(sqlite_db)
    _add(sqlite_db, "张三")
    out = tmp_path / "copy.sqlite3"
    assert main(["backup", "-o", str(out), "--db", str(live)]) == 0
    assert "已备份到" in capsys.readouterr().out
    _add(sqlite_db, "李四")
    sqlite_db.dispose()
    assert main(["restore", str(out), "--yes", "--db", str(live)]) == 0
    printed = capsys.readouterr().out
    assert "原数据库另存为" in printed
    assert _names(live) == ["张三"]
    aside = next(live.parent.glob("*.before-restore-*"))
    assert _names(aside) == ["张三", "李四"]


def test_backup_into_folder_and_list(
    sqlite_db: Database, capsys: pytest.CaptureFixture[str], cli_user: AddUser
) -> None:
    cli_user(sqlite_db.url)
    live = _live(sqlite_db)
    assert main(["backup", "--db", str(live)]) == 0
    capsys.readouterr()
    assert main(["backup", "--list", "--db", str(live)]) == 0
    assert "手动" in capsys.readouterr().out


def test_restore_asks_and_no_keeps_everything(
    sqlite_db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    cli_user: AddUser,
) -> None:
    cli_user(sqlite_db.url)
    live = _live(sqlite_db)
    out = tmp_path / "copy.sqlite3"
    assert main(["backup", "-o", str(out), "--db", str(live)]) == 0
    _add(sqlite_db, "李四")
    sqlite_db.dispose()
    monkeypatch.setattr("sys.stdin", io.StringIO("n\n"))
    assert main(["restore", str(out), "--db", str(live)]) == 2
    assert "已取消" in capsys.readouterr().err
    assert _names(live) == ["李四"]


def test_restore_refuses_a_foreign_file(
    sqlite_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str], cli_user: AddUser
) -> None:
    cli_user(sqlite_db.url)
    live = _live(sqlite_db)
    junk = tmp_path / "photo.jpg"
    junk.write_bytes(b"\xff\xd8\xff\xe0" + b"0" * 100)
    _add(sqlite_db, "张三")
    sqlite_db.dispose()
    assert main(["restore", str(junk), "--yes", "--db", str(live)]) == 2
    assert "不是 SQLite" in capsys.readouterr().err
    assert _names(live) == ["张三"]


def test_restore_over_a_damaged_live_database(
    sqlite_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str], cli_user: AddUser
) -> None:
    cli_user(sqlite_db.url)
    live = _live(sqlite_db)
    for i in range(40):
        _add(sqlite_db, f"住户{i:02d}")
    out = tmp_path / "copy.sqlite3"
    assert main(["backup", "-o", str(out), "--db", str(live)]) == 0
    sqlite_db.dispose()
    with closing(sqlite3.connect(live)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(live.read_bytes())
    for offset in range(2 * 4096, min(len(data), 6 * 4096), 7):
        data[offset] = 0xFF
    live.write_bytes(bytes(data))
    assert main(["restore", str(out), "--yes", "--db", str(live)]) == 0
    assert len(_names(live)) == 40


def test_user_add_passwd_list(
    sqlite_db: Database,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    cli_user: AddUser,
) -> None:
    cli_user(sqlite_db.url)
    live = str(_live(sqlite_db))
    monkeypatch.setattr("sys.stdin", io.StringIO("desk2026\n"))
    assert (
        main(["user", "add", "xiaowang", "--role", "clerk", "--new-password-stdin", "--db", live])
        == 0
    )
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert main(["user", "passwd", "xiaowang", "--new-password-stdin", "--db", live]) == 2
    assert "8" in capsys.readouterr().err
    assert main(["user", "list", "--db", live]) == 0
    assert "xiaowang" in capsys.readouterr().out
    assert main(["user", "unlock", "nobody", "--db", live]) == 2


def test_restore_says_what_it_undoes_before_asking(
    sqlite_db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    cli_user: AddUser,
) -> None:
    from tests.cli_login import add_user

    cli_user(sqlite_db.url)
    live = _live(sqlite_db)
    out = tmp_path / "copy.sqlite3"
    assert main(["backup", "-o", str(out), "--db", str(live)]) == 0
    add_user(live, username="zhao", role=Role.FINANCE)  # added after the backup
    sqlite_db.dispose()
    monkeypatch.setattr("sys.stdin", io.StringIO("n\n"))
    assert main(["restore", str(out), "--db", str(live)]) == 2
    asked = capsys.readouterr().out
    assert "用户 zhao（财务）是备份之后添加的，将不复存在。" in asked
    assert "继续恢复吗？" in asked


def test_restore_refuses_a_newer_schema_and_changes_nothing(
    sqlite_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str], cli_user: AddUser
) -> None:
    cli_user(sqlite_db.url)
    live = _live(sqlite_db)
    _add(sqlite_db, "张三")
    out = tmp_path / "copy.sqlite3"
    assert main(["backup", "-o", str(out), "--db", str(live)]) == 0
    with closing(sqlite3.connect(out)) as conn:
        conn.execute("INSERT INTO alembic_version VALUES ('zz_9999')")
        conn.commit()
    _add(sqlite_db, "李四")
    sqlite_db.dispose()
    assert main(["restore", str(out), "--yes", "--db", str(live)]) == 2
    assert "zz_9999" in capsys.readouterr().err
    assert _names(live) == ["张三", "李四"]
    assert not list(live.parent.glob("*.before-restore-*"))


def test_audit_verify_on_the_command_line(
    sqlite_db: Database, capsys: pytest.CaptureFixture[str], cli_user: AddUser
) -> None:
    cli_user(sqlite_db.url)
    live = _live(sqlite_db)
    _add(sqlite_db, "张三")
    _add(sqlite_db, "李四")
    assert main(["audit", "verify", "--db", str(live)]) == 0
    assert "操作日志校验通过" in capsys.readouterr().out
    with closing(sqlite3.connect(live)) as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM audit_log ORDER BY id")]
        conn.execute("DROP TRIGGER audit_log_no_update")
        conn.execute("UPDATE audit_log SET username = 'x' WHERE id = ?", (ids[1],))
        conn.commit()
    sqlite_db.dispose()
    assert main(["audit", "verify", "--db", str(live)]) == 1
    printed = capsys.readouterr().out
    assert f"操作日志编号 {ids[1]} 的内容在写入后被改动过" in printed
    assert "缺少审计触发器：audit_log 表的 audit_log_no_update" in printed
