"""Online backups while the app writes, rotation, and restore that refuses damaged files."""

from __future__ import annotations

import sqlite3
import threading
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from propdesk import clock
from propdesk.auth.actor import Actor, Role
from propdesk.backup.integrity import DatabaseFileError, check_file
from propdesk.backup.schedule import backup_due
from propdesk.backup.sqlite_backup import (
    auto_backup,
    backup_now,
    daily_backup_if_due,
    database_path,
    list_backups,
    restore_backup,
)
from propdesk.db.engine import Database, open_database
from propdesk.errors import NotAllowed
from propdesk.registry import services as reg

ADMIN = Actor(user_id=1, username="root", display_name="管理员", role=Role.ADMIN)


def _sql(path: Path, query: str) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute(query).fetchall()


def _people(path: Path) -> list[str]:
    return [str(r[0]) for r in _sql(path, "SELECT name FROM person ORDER BY id")]


def _add_person(db: Database, name: str) -> None:
    with db.begin(ADMIN) as s:
        reg.create_person(s, name=name)


def test_backup_while_another_connection_writes_is_consistent(
    sqlite_db: Database, tmp_path: Path
) -> None:
    live = database_path(sqlite_db)
    with closing(sqlite3.connect(live)) as conn:
        conn.execute("CREATE TABLE bk_item (id INTEGER PRIMARY KEY, payload TEXT)")
        conn.execute("CREATE TABLE bk_total (n INTEGER)")
        conn.execute("INSERT INTO bk_total VALUES (0)")
        conn.executemany(
            "INSERT INTO bk_item (payload) VALUES (?)", [("x" * 200,) for _ in range(5000)]
        )
        conn.execute("UPDATE bk_total SET n = 5000")
        conn.commit()
    stop = threading.Event()
    written = [0]

    def writer() -> None:
        with closing(sqlite3.connect(live, timeout=10, isolation_level=None)) as conn:
            while not stop.is_set():
                conn.execute("BEGIN IMMEDIATE")
                conn.execute("INSERT INTO bk_item (payload) VALUES ('y')")
                conn.execute("UPDATE bk_total SET n = n + 1")
                conn.execute("COMMIT")
                written[0] += 1

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        backups = [
            auto_backup(sqlite_db, kind="start", keep=10, folder=tmp_path / "b") for _ in range(4)
        ]
    finally:
        stop.set()
        thread.join()
    assert written[0] > 0
    for b in backups:
        assert _sql(b.path, "PRAGMA integrity_check") == [("ok",)]
        ((count,),) = _sql(b.path, "SELECT count(*) FROM bk_item")
        ((total,),) = _sql(b.path, "SELECT n FROM bk_total")
        assert count == total
        assert _sql(b.path, "PRAGMA journal_mode") == [("delete",)]
    # restore the last one into the live database: consistent and complete
    result = restore_backup(sqlite_db, backups[-1].path, actor=ADMIN)
    assert _sql(live, "PRAGMA integrity_check") == [("ok",)]
    ((count,),) = _sql(live, "SELECT count(*) FROM bk_item")
    ((total,),) = _sql(live, "SELECT n FROM bk_total")
    assert count == total
    assert result.kept_aside.exists()


def test_restore_brings_back_the_backup_and_keeps_current_aside(
    sqlite_db: Database, tmp_path: Path
) -> None:
    _add_person(sqlite_db, "张三")
    backup = backup_now(sqlite_db, actor=ADMIN, folder=tmp_path / "b")
    _add_person(sqlite_db, "李四")
    result = restore_backup(sqlite_db, backup.path, actor=ADMIN)
    live = database_path(sqlite_db)
    assert _people(live) == ["张三"]
    assert _people(result.kept_aside) == ["张三", "李四"]
    assert ".before-restore-" in result.kept_aside.name
    # the app keeps working on the restored file (and reopening it passes the checks)
    _add_person(sqlite_db, "王五")
    sqlite_db.dispose()
    reopened = open_database(sqlite_db.url)
    reopened.dispose()
    assert _people(live) == ["张三", "王五"]


def _damaged_copy(sqlite_db: Database, tmp_path: Path) -> Path:
    good = backup_now(sqlite_db, actor=ADMIN, dest=tmp_path / "good.sqlite3").path
    data = bytearray(good.read_bytes())
    page = 4096
    for offset in range(2 * page, min(len(data), 6 * page), 7):
        data[offset] = 0xFF
    bad = tmp_path / "damaged.sqlite3"
    bad.write_bytes(bytes(data))
    return bad


def test_restoring_a_damaged_file_is_refused_and_current_untouched(
    sqlite_db: Database, tmp_path: Path
) -> None:
    for i in range(40):
        _add_person(sqlite_db, f"住户{i:02d}")
    bad = _damaged_copy(sqlite_db, tmp_path)
    _add_person(sqlite_db, "最后一位")
    live = database_path(sqlite_db)
    before = _people(live)
    with pytest.raises(DatabaseFileError) as err:
        restore_backup(sqlite_db, bad, actor=ADMIN)
    assert "damaged.sqlite3" in str(err.value)
    assert _people(live) == before
    assert list(live.parent.glob("*.before-restore-*")) == []


def test_foreign_and_non_sqlite_files_are_refused_without_writing(tmp_path: Path) -> None:
    text = tmp_path / "notes.sqlite3"
    text.write_text("这不是数据库", encoding="utf-8")
    other = tmp_path / "other_app.db"
    with closing(sqlite3.connect(other)) as conn:
        conn.execute("CREATE TABLE contacts (id INTEGER, name TEXT)")
        conn.commit()
    other_bytes = other.read_bytes()
    with pytest.raises(DatabaseFileError, match="不是 SQLite"):
        open_database(f"sqlite:///{text}")
    with pytest.raises(DatabaseFileError, match="不是 PropDesk"):
        open_database(f"sqlite:///{other}")
    assert other.read_bytes() == other_bytes
    assert text.read_text(encoding="utf-8") == "这不是数据库"
    with pytest.raises(DatabaseFileError, match="不是 PropDesk"):
        check_file(other, full=True)


def test_corrupt_live_database_gets_a_clear_message(sqlite_db: Database, tmp_path: Path) -> None:
    for i in range(40):
        _add_person(sqlite_db, f"住户{i:02d}")
    bad = _damaged_copy(sqlite_db, tmp_path)
    with pytest.raises(DatabaseFileError, match="损坏"):
        open_database(f"sqlite:///{bad}")


def test_rotation_keeps_the_newest(sqlite_db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "b"
    made = [auto_backup(sqlite_db, kind="start", keep=3, folder=folder) for _ in range(5)]
    kept = list_backups(folder)
    assert [b.path for b in kept] == [m.path for m in reversed(made[-3:])]
    assert all(not m.path.exists() for m in made[:2])


def test_rotation_keeps_the_backup_just_made_when_the_clock_was_set_back(
    sqlite_db: Database, tmp_path: Path, test_clock: clock.FixedClock
) -> None:
    folder = tmp_path / "b"
    made = [auto_backup(sqlite_db, kind="start", keep=3, folder=folder)]
    test_clock.advance(minutes=10)
    made += [auto_backup(sqlite_db, kind="start", keep=3, folder=folder) for _ in range(2)]
    test_clock.advance(hours=-1)  # someone sets the desk's clock back an hour
    newest = backup_now(sqlite_db, actor=ADMIN, keep=3, folder=folder)
    assert newest.path.exists()
    assert newest.created_at == test_clock.now()
    kept = list_backups(folder)
    assert [b.path for b in kept] == [newest.path, made[2].path, made[1].path]
    assert not made[0].path.exists()
    assert [b.seq for b in kept] == [4, 3, 2]


def test_backup_time_comes_from_the_database_clock(sqlite_db: Database, tmp_path: Path) -> None:
    at = datetime(2027, 1, 31, 23, 59, 30, tzinfo=clock.estate_zone())
    made = auto_backup(sqlite_db, kind="start", folder=tmp_path / "b", now=at)
    assert "-20270131-235930-000000-start" in made.path.name
    assert list_backups(tmp_path / "b")[0].created_at == at


def test_daily_backup_only_when_due(
    sqlite_db: Database, tmp_path: Path, test_clock: clock.FixedClock
) -> None:
    folder = tmp_path / "b"
    first = daily_backup_if_due(sqlite_db, folder=folder)
    assert first is not None
    assert first.kind == "daily"
    assert daily_backup_if_due(sqlite_db, folder=folder) is None
    tomorrow = test_clock.now() + timedelta(days=1, minutes=1)
    assert daily_backup_if_due(sqlite_db, folder=folder, now=tomorrow) is not None


def test_backup_due_is_pure() -> None:
    now = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    assert backup_due(None, now)
    assert not backup_due(now - timedelta(hours=23), now)
    assert backup_due(now - timedelta(hours=24), now)
    assert backup_due(now + timedelta(days=2), now)


def test_cli_style_backup_to_a_chosen_file(sqlite_db: Database, tmp_path: Path) -> None:
    _add_person(sqlite_db, "张三")
    out = backup_now(sqlite_db, actor=ADMIN, dest=tmp_path / "copy.sqlite3")
    assert _people(out.path) == ["张三"]
    check_file(out.path, full=True)


def test_postgres_explains_pg_dump(db: Database, tmp_path: Path) -> None:
    if db.is_sqlite:
        backup_now(db, actor=ADMIN, folder=tmp_path)
        return
    with pytest.raises(NotAllowed, match="pg_dump"):
        backup_now(db, actor=ADMIN, folder=tmp_path)
    with pytest.raises(NotAllowed, match="pg_dump"):
        restore_backup(db, tmp_path / "x.sqlite3", actor=ADMIN)
