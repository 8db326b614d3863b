"""Every command that reads or changes data asks who you are (issue 14.1).

Commands run through ``ui.cli.main(argv)`` with stdin and the environment of the test;
the users have cheap test hashes (``tests.cli_login``).
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from sqlalchemy import func, select

from propdesk.audit.models import AuditEntry
from propdesk.auth import machine
from propdesk.auth.actor import Role
from propdesk.auth.models import User
from propdesk.auth.users import WRONG_CREDENTIALS
from propdesk.db.engine import Database, open_database
from tests.cli_login import PASSWORD, AddUser, add_user, cli_user_fixture  # noqa: F401
from ui import cli
from ui.commands.login import LOGIN_REQUIRED


class MemoryKeyring(KeyringBackend):
    """An in-memory keyring backend for tests (the OS keyring is never touched)."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.entries.pop((service, username), None)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(before)


@pytest.fixture
def dbfile(sqlite_db: Database, cli_user: AddUser) -> Path:
    """A migrated database with an administrator ``cli_admin`` (logged in through the
    environment) and a clerk ``xiao``."""
    path = Path(str(sqlite_db.engine.url.database))
    add_user(path, username="xiao", role=Role.CLERK)
    cli_user(path)  # the administrator
    return path


@pytest.fixture
def nobody(dbfile: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No user in the environment (after ``dbfile`` made its users)."""
    monkeypatch.delenv("PROPDESK_USER", raising=False)
    monkeypatch.delenv("PROPDESK_PASSWORD", raising=False)


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _user(path: Path, username: str) -> User:
    database = open_database(f"sqlite:///{path}")
    try:
        with database.begin() as s:
            user = s.scalars(select(User).where(User.username == username)).one()
            s.expunge(user)
            return user
    finally:
        database.dispose()


COMMANDS = [
    ["user", "list"],
    ["user", "unlock", "xiao"],
    ["user", "add", "mallory", "--role", "admin", "--new-password-stdin"],
    ["user", "passwd", "cli_admin", "--new-password-stdin"],
    ["bill", "--month", "2026-06", "--yes"],
    ["bill-runs"],
    ["export", "owners", "OUT.xlsx"],
    ["export", "prepaid", "-o", "OUT.xlsx"],
    ["deposits"],
    ["check", "money"],
    ["backup", "--list"],
]


@pytest.mark.usefixtures("nobody")
@pytest.mark.parametrize("argv", COMMANDS, ids=lambda a: " ".join(a[:2]))
def test_without_login_every_data_command_is_refused(
    argv: list[str],
    dbfile: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("Mallory2026\n"))
    argv = [str(tmp_path / a) if a.startswith("OUT.") else a for a in argv]
    code, out, err = _run(capsys, *argv, "--db", str(dbfile))
    assert (code, out) == (2, "")
    assert err == f"propdesk: {LOGIN_REQUIRED}\n"
    database = open_database(f"sqlite:///{dbfile}")
    with database.begin() as s:
        assert s.scalar(select(func.count(User.id))) == 2  # no mallory
    database.dispose()


def test_help_needs_no_login(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        cli.main(["user", "add", "--help"])
    assert done.value.code == 0
    assert "--user" in capsys.readouterr().out


@pytest.mark.usefixtures("nobody")
def test_password_from_stdin_env_and_refusals(
    dbfile: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    code, out, _err = _run(
        capsys, "user", "list", "--user", "cli_admin", "--password-stdin", "--db", str(dbfile)
    )
    assert code == 0
    assert "xiao" in out
    # the environment, and the user given before the command
    monkeypatch.setenv("PROPDESK_PASSWORD", PASSWORD)
    assert _run(capsys, "--user", "cli_admin", "user", "list", "--db", str(dbfile))[0] == 0
    # a wrong password, an unknown user and a deactivated one: the same line, exit 2
    monkeypatch.setenv("PROPDESK_PASSWORD", "wrong-pass-1")
    wrong = _run(capsys, "user", "list", "--user", "cli_admin", "--db", str(dbfile))
    unknown = _run(capsys, "user", "list", "--user", "ghost", "--db", str(dbfile))
    assert wrong == unknown == (2, "", f"propdesk: {WRONG_CREDENTIALS}\n")
    assert _user(dbfile, "cli_admin").failed_attempts == 1  # counted as in the GUI
    # no password anywhere and no terminal: refused, nothing asked
    monkeypatch.delenv("PROPDESK_PASSWORD")
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code, _out, err = _run(capsys, "user", "list", "--user", "cli_admin", "--db", str(dbfile))
    assert code == 2
    assert "没有提供密码" in err


def test_a_clerk_runs_with_a_clerks_rights(
    dbfile: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PROPDESK_USER", "xiao")
    monkeypatch.setattr("sys.stdin", io.StringIO("Mallory2026\n"))
    for argv in (
        ["user", "add", "mallory", "--role", "admin", "--new-password-stdin"],
        ["user", "passwd", "cli_admin", "--new-password-stdin"],
        ["user", "unlock", "cli_admin"],
        ["user", "list"],
        ["bill", "--month", "2026-06", "--yes"],
        ["backup", "--list"],
    ):
        code, out, err = _run(capsys, *argv, "--db", str(dbfile))
        assert (code, out) == (2, ""), argv
        assert "无权" in err, argv
    assert _user(dbfile, "cli_admin").password_hash == _user(dbfile, "cli_admin").password_hash


def test_admin_adds_a_user_who_must_change_the_password_first(
    dbfile: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("Wang2026pw\n"))
    code, out, _err = _run(
        capsys,
        *("user", "add", "wang", "--role", "clerk", "--new-password-stdin", "--db", str(dbfile)),
    )
    assert code == 0
    assert "首次登录时须修改密码" in out
    wang = _user(dbfile, "wang")
    assert wang.must_change_password
    monkeypatch.setenv("PROPDESK_USER", "wang")
    monkeypatch.setenv("PROPDESK_PASSWORD", "Wang2026pw")
    code, out, err = _run(capsys, "check", "money", "--db", str(dbfile))
    assert (code, out) == (2, "")
    assert "须先修改" in err


def test_audit_rows_name_the_user_the_os_user_and_the_host(
    dbfile: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("Wang2026pw\n"))
    assert (
        _run(
            capsys,
            *("user", "add", "wang", "--role", "clerk", "--new-password-stdin"),
            *("--db", str(dbfile)),
        )[0]
        == 0
    )
    database = open_database(f"sqlite:///{dbfile}")
    with database.begin() as s:
        row = s.scalars(
            select(AuditEntry)
            .where(AuditEntry.table_name == "app_user", AuditEntry.action == "insert")
            .order_by(AuditEntry.id.desc())
        ).first()
    database.dispose()
    assert row is not None
    assert json.loads(row.changes)["username"][1] == "wang"
    assert (row.username, row.os_user, row.host) == ("cli_admin", machine.os_user(), machine.host())
    assert row.os_user
    assert row.host


def test_demo_into_an_empty_database_needs_no_login(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from propdesk.demo import steps

    monkeypatch.setattr(steps, "DEMO_STEPS", [(10, "propdesk.demo.registry", "build_registry")])
    target = tmp_path / "new.sqlite3"
    assert _run(capsys, "demo", "--units", "3", "--db", str(target))[0] == 0


def test_scheduled_backup_logs_in_with_the_keyring(
    dbfile: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    memory_keyring: MemoryKeyring,
    tmp_path: Path,
) -> None:
    code, out, _err = _run(
        capsys, "user", "add", "nightly", "--role", "admin", "--service", "--db", str(dbfile)
    )
    assert code == 0
    assert "系统钥匙串" in out
    ((service, username), secret) = next(iter(memory_keyring.entries.items()))
    assert (service.startswith("propdesk:sqlite:"), username) == (True, "nightly")
    nightly = _user(dbfile, "nightly")
    assert nightly.service_account
    assert not nightly.must_change_password
    assert secret not in dbfile.read_bytes().decode("latin-1")  # only its hash is stored
    monkeypatch.delenv("PROPDESK_PASSWORD")
    monkeypatch.delenv("PROPDESK_USER")
    target = tmp_path / "nightly.sqlite3"
    code, out, err = _run(
        capsys, "backup", "-o", str(target), "--user", "nightly", "--keyring", "--db", str(dbfile)
    )
    assert code == 0, err
    assert target.exists()
    # a new secret for the service account replaces the old one in the keyring
    monkeypatch.setenv("PROPDESK_USER", "cli_admin")
    monkeypatch.setenv("PROPDESK_PASSWORD", PASSWORD)
    assert _run(capsys, "user", "passwd", "nightly", "--service", "--db", str(dbfile))[0] == 0
    assert memory_keyring.entries[(service, "nightly")] != secret


def test_no_keyring_backend_is_a_clear_line(
    dbfile: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        code, out, err = _run(
            capsys, "user", "add", "nightly", "--role", "admin", "--service", "--db", str(dbfile)
        )
        assert (code, out) == (2, "")
        assert "没有可用的系统钥匙串" in err
        assert len(err.strip().splitlines()) == 1
        monkeypatch.delenv("PROPDESK_PASSWORD")
        code, _out, err = _run(
            capsys, "backup", "--list", "--user", "nightly", "--keyring", "--db", str(dbfile)
        )
        assert code == 2
        assert "没有可用的系统钥匙串" in err
    finally:
        keyring.set_keyring(before)
    database = open_database(f"sqlite:///{dbfile}")
    with database.begin() as s:
        assert s.scalar(select(User.id).where(User.username == "nightly")) is None
    database.dispose()
