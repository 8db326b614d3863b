"""The ``propdesk`` command line: help for every command, ``demo`` and ``db upgrade``."""

from __future__ import annotations

import argparse
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from propdesk.demo import steps
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
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
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

    code, out, err = _run(capsys, "demo", "--units", "40", "--db", str(target))
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
    assert code == 2
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
