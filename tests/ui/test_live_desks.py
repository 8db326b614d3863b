"""Several desks on one PostgreSQL server (issue 20): a change at one desk reaches the other's
open views, overlapping transactions are run again, a lost server shows a banner and a save
waits for it, and nothing is lost or saved twice.

Two desks are two app contexts with their own engines, as two processes would have. The lost
server is a throwaway cluster of the test's own (``tests/pg_cluster.py``), so the suite's
server is never stopped.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from propdesk.changes import Changes
from propdesk.db.engine import Database, open_database
from propdesk.db.live import LinkState
from propdesk.registry.models import Estate
from propdesk.registry.services import create_estate
from tests.pg_cluster import ThrowawayCluster
from tests.ui.helpers import make_ctx
from ui.context import AppContext
from ui.live import ConnectionBanner, LiveLink, install_live_link

pytestmark = pytest.mark.postgres


@pytest.fixture
def two_desks(request: pytest.FixtureRequest) -> Iterator[tuple[AppContext, AppContext]]:
    if not os.environ.get("PROPDESK_TEST_PG_URL"):
        pytest.skip("PROPDESK_TEST_PG_URL not set (CI sets it)")
    url = request.getfixturevalue("_pg_migrated")
    first, second = open_database(url, upgrade=False), open_database(url, upgrade=False)
    with first.engine.begin() as conn:
        conn.execute(text("TRUNCATE estate RESTART IDENTITY CASCADE"))
    yield make_ctx(first), make_ctx(second)
    first.dispose()
    second.dispose()


def _estates(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(Estate)) or 0)


def test_a_change_at_one_desk_reaches_the_other_desk_within_two_seconds(
    qtbot: QtBot, two_desks: tuple[AppContext, AppContext]
) -> None:
    here, there = two_desks
    link = LiveLink(there, poll_seconds=0.2)
    link.start()
    try:
        assert link.listener.listening.wait(5)
        heard: list[Changes] = []
        there.hub.changed.connect(heard.append)
        mine: list[Changes] = []
        here.hub.changed.connect(mine.append)

        with qtbot.waitSignal(there.hub.changed, timeout=2000):
            here.op(lambda s: create_estate(s, name="翠湖苑"), changes=Changes(estate=True)).run()

        assert heard == [Changes(estate=True)]
        assert mine == [Changes(estate=True)]  # the saving desk refreshes once, locally
    finally:
        link.stop()


def test_a_rolled_back_change_is_never_announced(
    qtbot: QtBot, two_desks: tuple[AppContext, AppContext]
) -> None:
    here, there = two_desks
    link = LiveLink(there, poll_seconds=0.2)
    link.start()
    try:
        assert link.listener.listening.wait(5)
        heard: list[Changes] = []
        there.hub.changed.connect(heard.append)

        def fails(session: Session) -> None:
            create_estate(session, name="不会保存")
            raise ValueError("the clerk's action failed after its insert")

        here.op(fails, changes=Changes(estate=True)).run()
        assert here.errors.shown  # the failure reached the clerk
        here.op(lambda s: create_estate(s, name="翠湖苑"), changes=Changes(units=True)).run()
        qtbot.waitUntil(lambda: bool(heard), timeout=2000)
        assert heard == [Changes(units=True)]  # only the committed one, never the rolled back
    finally:
        link.stop()


def test_a_deadlock_between_two_desks_is_run_again_and_both_go_through(
    two_desks: tuple[AppContext, AppContext],
) -> None:
    """Two desks take the same two locks in opposite order: PostgreSQL kills one transaction
    as a deadlock; the operation runs it again, so the clerk sees no error and both finish.

    Read transactions, because every PostgreSQL write transaction first takes the audit
    chain's lock (one writer at a time), so two writes can no longer deadlock each other."""
    here, there = two_desks
    both_hold_one = threading.Barrier(2, timeout=20)

    def locks(first: int, second: int) -> Callable[[Session], int]:
        runs = {"n": 0}

        def work(session: Session) -> int:
            runs["n"] += 1
            session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": first})
            if runs["n"] == 1:
                both_hold_one.wait()
            session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": second})
            return runs["n"]

        return work

    results: list[int] = []

    def desk(ctx: AppContext, work: Callable[[Session], int]) -> None:
        ctx.query(work).success(results.append).run()

    t1 = threading.Thread(target=desk, args=(here, locks(914_001, 914_002)))
    t2 = threading.Thread(target=desk, args=(there, locks(914_002, 914_001)))
    t1.start()
    t2.start()
    t1.join(60)
    t2.join(60)

    assert sorted(results) == [1, 2]  # one went through at once, the deadlocked one on its rerun
    assert not here.errors.shown
    assert not there.errors.shown


# --- a lost server ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def cluster() -> Iterator[ThrowawayCluster]:
    server = ThrowawayCluster()
    open_database(server.url).dispose()  # the first desk creates and migrates the schema
    yield server
    server.remove()


@pytest.fixture
def lone_desk(cluster: ThrowawayCluster) -> Iterator[AppContext]:
    database: Database = open_database(cluster.url, upgrade=False)
    with database.engine.begin() as conn:
        conn.execute(text("TRUNCATE estate RESTART IDENTITY CASCADE"))
    yield make_ctx(database)
    database.dispose()


def test_a_lost_server_shows_the_banner_within_five_seconds_and_hides_it_when_back(
    qtbot: QtBot, cluster: ThrowawayCluster, lone_desk: AppContext
) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    link = install_live_link(window, lone_desk)
    assert link is not None
    banner = window.findChild(ConnectionBanner)
    assert banner is not None

    def shown() -> bool:
        return banner.isVisibleTo(window)

    try:
        assert link.listener.listening.wait(5)
        assert not shown()
        with qtbot.waitSignal(link.state_changed, timeout=5000) as lost:
            cluster.stop()
        assert lost.args == [LinkState.DOWN]
        qtbot.waitUntil(shown, timeout=1000)
        assert "cannot be reached" in banner.label.text() or "无法连接" in banner.label.text()

        refreshed: list[Changes] = []
        lone_desk.hub.changed.connect(refreshed.append)
        with qtbot.waitSignal(link.state_changed, timeout=10000) as back:
            cluster.start()
        assert back.args == [LinkState.UP]
        qtbot.waitUntil(lambda: not shown(), timeout=1000)
        # What other desks saved while this one was cut off was not heard: refresh everything.
        qtbot.waitUntil(lambda: Changes.everything() in refreshed, timeout=2000)
    finally:
        link.stop()
        if not _running(cluster):
            cluster.start()


def _running(cluster: ThrowawayCluster) -> bool:
    try:
        open_database(cluster.url, upgrade=False).engine.connect().close()
    except Exception:
        return False
    return True


def test_a_save_cut_off_by_a_server_restart_waits_then_lands_exactly_once(
    qtbot: QtBot, cluster: ThrowawayCluster, lone_desk: AppContext
) -> None:
    """The server stops in the middle of the save: the clerk is told it waits, the server
    comes back, the same save goes through once, and nothing half-written remains."""
    calls = {"n": 0}

    def save(session: Session) -> int:
        calls["n"] += 1
        estate_id = create_estate(session, name="翠湖苑")
        if calls["n"] == 1:
            cluster.stop()  # the server goes away after the insert, before the commit
        session.execute(text("SELECT 1"))
        return estate_id

    saved: list[int] = []
    op = lone_desk.op(save, changes=Changes(estate=True)).success(saved.append)
    op.run()
    assert not saved  # waiting, not failing
    assert not lone_desk.errors.shown
    assert op._waiting is not None
    assert op._waiting.tries >= 1
    cluster.start()
    qtbot.waitUntil(lambda: bool(saved), timeout=15000)

    assert not lone_desk.errors.shown
    with lone_desk.db.begin(lone_desk.actor) as session:
        assert _estates(session) == 1


def test_the_clerk_can_cancel_a_save_waiting_for_the_server(
    qtbot: QtBot, cluster: ThrowawayCluster, lone_desk: AppContext
) -> None:
    cluster.stop()
    try:
        op = lone_desk.op(
            lambda s: create_estate(s, name="翠湖苑"), changes=Changes(estate=True)
        ).success(lambda _r: pytest.fail("nothing may be saved"))
        op.run()
        waiting = op._waiting
        assert waiting is not None
        cancel = waiting._dialog.findChild(QPushButton)
        assert cancel is not None
        assert "Cancel" in cancel.text()
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
        assert op._waiting is None
        kinds = [failure.title for failure in lone_desk.errors.shown]
        assert kinds == ["已取消"] or not kinds  # cancelling says nothing was saved, or nothing
    finally:
        cluster.start()
    with lone_desk.db.begin(lone_desk.actor) as session:
        assert _estates(session) == 0


def test_the_cli_says_one_clear_line_when_the_server_is_down(
    cluster: ThrowawayCluster, tmp_path: Path
) -> None:
    secret_url = cluster.url.replace("postgres@", "postgres:s3cret-pw@")
    cluster.stop()
    try:
        result = subprocess.run(
            [sys.executable, "-m", "ui.cli", "--db", secret_url, "check", "money"],
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, "PROPDESK_PASSWORD": "x"},
            stdin=subprocess.DEVNULL,
        )
    finally:
        cluster.start()
    assert result.returncode != 0
    assert "Traceback" not in result.stderr + result.stdout
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert "连接不上数据库" in lines[0]
    assert "s3cret-pw" not in result.stderr + result.stdout  # never the password
