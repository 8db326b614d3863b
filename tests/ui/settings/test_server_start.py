"""Starting a desk on a real server: the server login doubles as the PropDesk login, the
owner's start builds the database and leaves the login to the regular dialog, and a
PropDesk user other than the connected login is refused."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import make_url

from propdesk.auth import users
from propdesk.auth.actor import Actor, Role
from propdesk.auth.passwords import TEST_COST
from propdesk.config import ServerSettings
from propdesk.db.server import open_server
from propdesk.errors import NotAllowed
from tests.conftest import PG_URL
from tests.propdesk.db.pg_roles_database import empty_and_drop_roles, roles_database
from ui.settings.server_login import ServerLoginDialog, login_matches_connection, open_and_log_in

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not PG_URL, reason="PROPDESK_TEST_PG_URL not set (CI sets it)"),
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]

PASSWORD = "Desk-pass-2026"
OWN = "Own-choice-2026"


@dataclass(frozen=True)
class Site:
    server: ServerSettings
    owner: tuple[str, str]
    clerk: str


@pytest.fixture(scope="module")
def site() -> Iterator[Site]:
    url, name = roles_database()
    parsed = make_url(url)
    prefix = f"pdu{zlib.crc32(name.encode()) % 100000}_"
    logins = [f"{prefix}admin", f"{prefix}clerk"]
    server = ServerSettings(host=parsed.host or "", port=parsed.port or 5432, database=name)
    owner = (parsed.username or "", parsed.password or "")
    empty_and_drop_roles(url, name, logins)
    try:
        start = open_and_log_in(server, *owner)  # the first desk: builds the database
        assert start.actor is None  # nobody to log in yet: the first-run set-up follows
        with start.database.begin() as s:
            admin = users.create_first_admin(
                s, username=logins[0], display_name="管理员", password=PASSWORD, cost=TEST_COST
            )
        with start.database.begin(admin) as s:
            users.create_user(
                s,
                username=logins[1],
                display_name="前台",
                role="clerk",
                password=PASSWORD,
                cost=TEST_COST,
            )
        start.database.dispose()
        yield Site(server, owner, logins[1])
    finally:
        empty_and_drop_roles(url, name, logins)


def test_the_server_login_is_the_propdesk_login(qtbot: QtBot, site: Site) -> None:
    first = open_and_log_in(site.server, site.clerk, PASSWORD)
    try:  # an administrator set this password: the regular dialog follows, to change it
        assert first.actor is None
        clerk = Actor(user_id=None, username=site.clerk, display_name="前台", role=Role.CLERK)
        with first.database.begin() as s:
            outcome = users.authenticate(s, site.clerk, PASSWORD, cost=TEST_COST)
            assert outcome.must_change_password
            clerk = outcome.actor or clerk
        with first.database.begin(clerk) as s:  # on the clerk's own login
            users.change_password(s, old_password=PASSWORD, new_password=OWN, cost=TEST_COST)
    finally:
        first.database.dispose()
    with pytest.raises(NotAllowed):  # the old password is gone from the server login too
        open_server(site.server, site.clerk, PASSWORD)
    dialog = ServerLoginDialog(server=site.server, username=site.clerk)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.password, OWN)  # the server login changed with it
    dialog.submit()
    start = dialog.result_start
    assert start is not None
    assert OWN not in repr(start)  # the password stays inside the engine
    try:
        assert start.actor is not None
        assert start.actor.username == site.clerk
        assert start.actor.role is Role.CLERK
        assert login_matches_connection(start.database, start.actor)
        someone_else = Actor(user_id=None, username="boss", display_name="x", role=Role.ADMIN)
        assert not login_matches_connection(start.database, someone_else)
    finally:
        start.database.dispose()


def test_the_owner_may_log_in_as_anyone_after_building(site: Site) -> None:
    start = open_and_log_in(site.server, *site.owner)
    try:
        assert start.actor is None  # no PropDesk user of that name: the login dialog follows
        admin = Actor(user_id=None, username="anyone", display_name="x", role=Role.ADMIN)
        assert login_matches_connection(start.database, admin)
    finally:
        start.database.dispose()


def test_a_wrong_password_is_shown_in_the_dialog(qtbot: QtBot, site: Site) -> None:
    dialog = ServerLoginDialog(server=site.server, username=site.clerk)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.password, "Not-the-pass-1")
    dialog.submit()
    assert dialog.result_start is None
    assert dialog.error.text() == "用户名或密码不正确。"
