"""The ``propdesk`` command line: help for every command, ``demo`` and ``db upgrade``, and
how every failure ends (one Chinese line, an exit code, the detail in the log)."""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from propdesk import clock
from propdesk.demo import steps
from propdesk.pii import cipher, keys
from tests.cli_login import AddUser, cli_user_fixture  # noqa: F401 (the cli_user fixture)
from ui import cli


def _command_paths(
    parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()
) -> Iterator[tuple[str, ...]]:
    """Every command and sub-command the parser knows, e.g. ("db",), ("db", "upgrade")."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                path = (*prefix, name)
                yield path
                yield from _command_paths(sub, path)


@pytest.fixture
def registry_step_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Build only the registry part of the demo (for tests about choosing the database)."""
    monkeypatch.setattr(steps, "DEMO_STEPS", [(10, "propdesk.demo.registry", "build_registry")])


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_every_command_has_help(capsys: pytest.CaptureFixture[str]) -> None:
    paths = [(), *_command_paths(cli.build_parser())]
    assert ("demo",) in paths
    assert ("db", "upgrade") in paths
    for path in paths:
        with pytest.raises(SystemExit) as done:
            cli.main([*path, "--help"])
        assert done.value.code == 0, path
        out = capsys.readouterr().out
        assert out.startswith("usage: propdesk"), path
        assert " ".join(("propdesk", *path)) in out.splitlines()[0], path


def test_every_leaf_command_runs_something_and_ours_take_db(
    capsys: pytest.CaptureFixture[str],
) -> None:
    parser = cli.build_parser()
    for path in _command_paths(parser):
        sub = parser
        for name in path:
            sub = next(
                a for a in sub._actions if isinstance(a, argparse._SubParsersAction)
            ).choices[name]
        has_children = any(isinstance(a, argparse._SubParsersAction) for a in sub._actions)
        if path in {("demo",), ("db", "upgrade")}:
            assert any("--db" in a.option_strings for a in sub._actions), path
        assert has_children or sub.get_default("func") is not None, path


def test_demo_builds_then_refuses_a_second_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "demo.sqlite3"
    code, out, err = _run(capsys, "demo", "--units", "40", "--seed", "3", "--db", str(target))
    assert code == 0
    assert "已生成演示小区「翠湖花园」" in out
    assert "房屋 40 套" in out
    assert "[100%]" in err
    with sqlite3.connect(target) as conn:
        assert conn.execute("SELECT count(*) FROM unit").fetchone() == (40,)
        assert conn.execute("SELECT name FROM estate").fetchone() == ("翠湖花园",)

    # a database with users is someone's: no login, no demo
    code, out, err = _run(capsys, "demo", "--units", "40", "--db", str(target))
    assert (code, out) == (2, "")
    assert err.startswith("propdesk: 此命令需要登录")
    monkeypatch.setenv("PROPDESK_PASSWORD", "admin123")  # the documented demo administrator
    code, out, err = _run(capsys, "demo", "--units", "40", "--db", str(target), "--user", "admin")
    assert code == 2
    assert out == ""
    assert err.startswith("propdesk: 该数据库已有小区资料")
    with sqlite3.connect(target) as conn:
        assert conn.execute("SELECT count(*) FROM unit").fetchone() == (40,)


@pytest.mark.usefixtures("registry_step_only")
def test_db_given_before_the_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "top.sqlite3"
    code, out, _err = _run(
        capsys, "--db", str(target), "demo", "--units", "5", "--estate-name", "碧水湾"
    )
    assert code == 0
    assert "碧水湾" in out
    assert target.exists()


@pytest.mark.usefixtures("registry_step_only")
def test_demo_uses_the_configured_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _err = _run(capsys, "demo", "--units", "3")
    assert code == 0
    # conftest points PROPDESK_DATA_DIR at tmp_path / "data" for every test
    assert str(tmp_path / "data" / "propdesk.sqlite3") in out


@pytest.mark.parametrize("units", ["0", "-1", "200001"])
def test_demo_bad_unit_count(
    units: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "bad.sqlite3"
    code, out, err = _run(capsys, "demo", "--units", units, "--db", str(target))
    assert code == 2
    assert out == ""
    assert "房屋数量应在 1 到 200,000 套之间" in err
    assert not target.exists(), "a refused command must not create the database"


@pytest.mark.parametrize(
    "argv", [["--units", "many"], [], ["--units", "5", "--today", "2026-13-01"]]
)
def test_demo_unparsable_arguments(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        cli.main(["demo", *argv])
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert "usage: propdesk demo" in err
    assert "--units" in err or "YYYY-MM-DD" in err


def test_demo_missing_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "no" / "such" / "demo.sqlite3"
    code, _out, err = _run(capsys, "demo", "--units", "5", "--db", str(target))
    assert code == 2
    assert err.strip() == f"propdesk: 文件夹不存在：{target.parent}"


def test_demo_not_a_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "notes.sqlite3"
    target.write_text("这不是数据库" * 200, encoding="utf-8")
    code, _out, err = _run(capsys, "demo", "--units", "5", "--db", str(target))
    assert code == 2
    assert err.startswith("propdesk: ")
    assert "notes.sqlite3" in err
    assert "Traceback" not in err


def test_demo_read_only_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        if _can_write(folder):
            pytest.skip("running as a user who can write anywhere (root)")
        code, _out, err = _run(capsys, "demo", "--units", "5", "--db", str(folder / "d.sqlite3"))
    finally:
        folder.chmod(0o700)
    assert code == 1  # the database refused: not the user's typing
    assert err.startswith("propdesk: 无法打开或写入数据库")


def _can_write(folder: Path) -> bool:
    try:
        (folder / "probe").write_text("x")
    except OSError:
        return False
    (folder / "probe").unlink()
    return True


def test_demo_directory_as_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = _run(capsys, "demo", "--units", "5", "--db", str(tmp_path))
    assert code == 2
    assert "不是数据库文件" in err


def test_db_upgrade_creates_then_reports_up_to_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "fresh.sqlite3"
    code, out, _err = _run(capsys, "db", "upgrade", "--db", str(target))
    assert code == 0
    assert "数据库已是最新结构" in out
    first = int(out.split("应用了 ")[1].split(" ")[0])
    assert first >= 1
    with sqlite3.connect(target) as conn:
        assert conn.execute("SELECT count(*) FROM unit").fetchone() == (0,)
    code, out, _err = _run(capsys, "db", "upgrade", "--db", str(target))
    assert code == 0
    assert "应用了 0 个迁移" in out


def test_db_upgrade_bad_target(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = _run(capsys, "db", "upgrade", "--db", str(tmp_path / "x" / "y.sqlite3"))
    assert code == 2
    assert "文件夹不存在" in err
    code, _out, err = _run(capsys, "db", "upgrade", "--db", "nosuchdriver://host/db")
    assert code == 2
    assert err.startswith("propdesk: ")
    assert "Traceback" not in err


def test_db_requires_an_action(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        cli.main(["db"])
    assert done.value.code == 2
    assert "ACTION" in capsys.readouterr().err


def test_db_upgrade_refuses_a_foreign_sqlite_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    before = other.read_bytes()
    assert cli.main(["db", "upgrade", "--db", str(other)]) != 0
    assert "propdesk:" in capsys.readouterr().err
    assert other.read_bytes() == before


# --- every failure: one line on stderr, an exit code, the detail in the log -----------------

BOGUS_PG = "postgresql+psycopg://x:y@127.0.0.1:1/nope"


def _one_clean_line(err: str) -> str:
    """The single ``propdesk: …`` line of ``err`` (no traceback, no SQL, no parameters)."""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    line = lines[0]
    assert line.startswith("propdesk: "), line
    for leak in ("Traceback", "SQL", "[parameters", "INSERT", "SELECT", "Error", "sqlalche.me"):
        assert leak not in line, line
    return line


def _log_file() -> Path:
    """The log file of this test's data folder (see ``_data_dir`` in conftest)."""
    return Path(os.environ["PROPDESK_DATA_DIR"]) / "logs" / "propdesk.log"


def _log_text() -> str:
    return _log_file().read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "argv",
    [
        ["db", "upgrade"],
        ["demo", "--units", "5"],
        ["user", "list"],
        ["bill", "--month", "2026-01"],
        ["report", "monthly", "--month", "2026-01", "--xlsx", "OUT.xlsx"],
    ],
)
def test_server_down_is_one_line_and_exit_1(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = [str(tmp_path / a) if a == "OUT.xlsx" else a for a in argv]
    code, out, err = _run(capsys, *argv, "--db", BOGUS_PG)
    assert code == 1
    assert out == ""
    line = _one_clean_line(err)
    assert line.startswith(
        "propdesk: 无法打开或写入数据库 postgresql+psycopg://x:***@127.0.0.1:1/nope"
    )
    assert "连接不上数据库" in line
    assert ":y@" not in line  # the password never shows
    log = _log_text()
    assert "OperationalError" in log
    assert ":y@" not in log


def test_locked_sqlite_is_one_line_and_exit_1(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    cli_user: AddUser,
) -> None:
    from propdesk.db import engine as engine_mod

    target = tmp_path / "locked.sqlite3"
    assert _run(capsys, "db", "upgrade", "--db", str(target))[0] == 0
    cli_user(target)
    monkeypatch.setattr(engine_mod, "SQLITE_BUSY_TIMEOUT_MS", 200)
    monkeypatch.setattr("sys.stdin", io.StringIO("geheim12345\n"))
    other = sqlite3.connect(target, isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")
        code, out, err = _run(
            capsys,
            "user",
            "add",
            "bob",
            "--role",
            "clerk",
            "--new-password-stdin",
            "--db",
            str(target),
        )
        bill = _run(capsys, "bill", "--month", "2026-01", "--yes", "--db", str(target))
    finally:
        other.rollback()
        other.close()
    assert code == 1
    assert out == ""
    assert "数据库正忙" in _one_clean_line(err) or "正被另一项操作" in err
    assert "geheim" not in err
    assert bill[0] == 1
    assert "正被另一项操作" in _one_clean_line(bill[2])
    assert "database is locked" in _log_text()


def test_extreme_date_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "d.sqlite3"
    assert _run(capsys, "db", "upgrade", "--db", str(target))[0] == 0
    pdf = tmp_path / "r.pdf"
    code, out, err = _run(
        capsys, "print", "reminders", "--as-of", "0001-01-01", "-o", str(pdf), "--db", str(target)
    )
    assert code == 2
    assert out == ""
    line = _one_clean_line(err)
    assert "0001-01-01 超出范围" in line  # refused before any date arithmetic
    assert "Traceback" not in err


def test_demo_today_out_of_range_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        cli.main(["demo", "--units", "5", "--today", "9999-12-31"])
    assert done.value.code == 2
    assert "2000-01-01 到 2100-12-31" in capsys.readouterr().err


def test_unwritable_output_file_is_one_line_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], cli_user: AddUser
) -> None:
    target = tmp_path / "d.sqlite3"
    assert _run(capsys, "db", "upgrade", "--db", str(target))[0] == 0
    cli_user(target)
    out_file = tmp_path / "fees.xlsx"
    out_file.mkdir()  # a folder where the file should go: the write fails with an OSError
    code, out, err = _run(
        capsys, "export", "fees", "--month", "2026-01", "-o", str(out_file), "--db", str(target)
    )
    assert code == 1
    assert out == ""
    line = _one_clean_line(err)
    assert line.startswith(f"propdesk: 无法读写文件 {out_file}")
    assert "IsADirectoryError" in _log_text() or "PermissionError" in _log_text()


def test_a_bug_is_one_line_with_the_log_path_and_exit_1(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from ui.commands import db as db_command

    def broken(_args: argparse.Namespace) -> int:
        raise RuntimeError("select secret from t where id=13812345678")

    monkeypatch.setattr(db_command, "_upgrade", broken)
    code, out, err = _run(capsys, "db", "upgrade", "--db", str(tmp_path / "d.sqlite3"))
    assert code == 1
    assert out == ""
    line = _one_clean_line(err)
    assert str(_log_file()) in line
    assert "13812345678" not in line
    log = _log_text()
    assert "RuntimeError" in log
    assert "Traceback" in log
    assert "13812345678" not in log  # redacted


def test_a_refused_action_is_exit_2(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    cli_user: AddUser,
) -> None:
    target = tmp_path / "d.sqlite3"
    assert _run(capsys, "db", "upgrade", "--db", str(target))[0] == 0
    cli_user(target)
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    code, out, err = _run(
        capsys,
        "user",
        "add",
        "bob",
        "--role",
        "clerk",
        "--new-password-stdin",
        "--db",
        str(target),
    )
    assert code == 2
    assert out == ""
    assert "密码" in _one_clean_line(err)


# --- demo --today: the same day and seed give the same database -----------------------------


# Random by design: a password hash has a fresh salt each time.
RANDOM_BY_DESIGN = {("app_user", "password_hash")}


def _plain(table: str, column: str, value: object) -> object:
    """An encrypted value as its plain text: AES-GCM's random nonce makes every ciphertext
    differ between two builds, the values themselves must not."""
    if isinstance(value, str) and value.startswith(f"{cipher.PREFIX}:"):
        return cipher.decrypt(keys.current(), value, f"{table}.{column}")
    return value


def _fingerprint(path: Path) -> dict[str, str]:
    """A digest of every table's rows (sorted), by table name."""
    out: dict[str, str] = {}
    with sqlite3.connect(path) as conn:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        for table in sorted(tables):
            columns = [
                f'"{c[1]}"'
                for c in conn.execute(f'PRAGMA table_info("{table}")')
                if (table, c[1]) not in RANDOM_BY_DESIGN
            ]
            names = [c.strip('"') for c in columns]
            query = f'SELECT {", ".join(columns)} FROM "{table}"'
            rows = sorted(
                repr(tuple(_plain(table, n, v) for n, v in zip(names, r, strict=True)))
                for r in conn.execute(query)
            )
            out[table] = hashlib.sha256("\n".join(rows).encode()).hexdigest()
    return out


def test_demo_with_today_and_seed_is_reproducible(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], test_clock: clock.FixedClock
) -> None:
    first, second = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    argv = ("demo", "--units", "40", "--seed", "5", "--today", "2025-11-20")
    assert _run(capsys, *argv, "--db", str(first))[0] == 0
    test_clock.advance(days=40, hours=5, seconds=17)  # the wall clock must not matter
    assert _run(capsys, *argv, "--db", str(second))[0] == 0
    a, b = _fingerprint(first), _fingerprint(second)
    assert a.keys() == b.keys()
    assert sorted(t for t in a if a[t] != b[t]) == []


def test_usage_errors_read_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    """Found by the new-user trial: argparse's own errors were English."""
    from ui.cli import main

    with pytest.raises(SystemExit) as exit_info:
        main(["bill"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "缺少必填参数：--month" in err
    assert "error:" not in err
