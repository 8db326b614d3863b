"""Logging in on the command line in tests: a user with a cheap hash, and the environment.

``cli_user`` (a fixture: import ``cli_user_fixture`` into the test module) sets ``PROPDESK_USER``/``PROPDESK_PASSWORD`` and the cheap test
cost for the login; call it with a database (path or URL) to create the user there::

    def test_x(cli_user):
        cli_user(dbfile)            # an administrator "cli_admin"
        cli_user(dbfile, role=Role.FINANCE, username="fin")   # and log in as finance
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from propdesk.auth.actor import Role
from propdesk.auth.models import User
from propdesk.auth.passwords import TEST_COST, hash_password
from propdesk.db.engine import open_database
from ui.commands import login as cli_login_module

PASSWORD = "cli-pass-123"
AddUser = Callable[..., str]


def add_user(
    db: str | Path,
    *,
    username: str = "cli_admin",
    role: Role = Role.ADMIN,
    password: str = PASSWORD,
    must_change: bool = False,
) -> str:
    """Create (or reset) ``username`` in ``db``; returns the username."""
    url = str(db) if "://" in str(db) else f"sqlite:///{db}"
    database = open_database(url)
    try:
        with database.begin() as s:
            user = s.scalar(select(User).where(func.lower(User.username) == username.lower()))
            if user is None:
                user = User(username=username, display_name=username, role=role.value)
                s.add(user)
            user.role = role.value
            user.active = True
            user.password_hash = hash_password(password, cost=TEST_COST)
            user.must_change_password = must_change
    finally:
        database.dispose()
    return username


@pytest.fixture(name="cli_user")
def cli_user_fixture(monkeypatch: pytest.MonkeyPatch) -> AddUser:
    """Returns ``add(db, username=..., role=...)``: creates the user and logs in as them."""
    monkeypatch.setattr(cli_login_module, "KDF_COST", TEST_COST)
    monkeypatch.setenv("PROPDESK_PASSWORD", PASSWORD)

    def add(db: str | Path, **kwargs: object) -> str:
        name = add_user(db, **kwargs)  # type: ignore[arg-type]
        monkeypatch.setenv("PROPDESK_USER", name)
        return name

    return add
