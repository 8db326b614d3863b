"""Reads started while a page is built share one read transaction (``ctx.reads_together``),
on SQLite and PostgreSQL: every operation still ends in its own success or failure handler,
in order; a failed read does not spoil the others; a write keeps a transaction of its own."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import event, func, select, text
from sqlalchemy.orm import Session

from propdesk.changes import Changes
from propdesk.db.engine import Database
from propdesk.errors import NotFound
from propdesk.registry.models import Unit
from tests.ui.helpers import SmallEstate, build_small_estate, captured_selects, make_ctx
from ui.worker import ThreadExecutor


def _begins(db: Database) -> tuple[list[str], Any]:
    seen: list[str] = []

    def record(_c: Any, _cur: Any, statement: str, *_a: Any) -> None:
        if statement.startswith(("BEGIN", "SELECT set_config")):
            seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", record)
    return seen, record


def test_reads_share_one_transaction_and_deliver_in_order(db: Database) -> None:
    ctx = make_ctx(db)
    build_small_estate(db)
    got: list[tuple[str, object]] = []

    def units(s: Session) -> int:
        return int(s.scalar(select(func.count(Unit.id))) or 0)

    def txid(s: Session) -> object:
        if s.get_bind().dialect.name == "postgresql":
            return s.execute(
                text("select txid_current_if_assigned() is null, pg_backend_pid()")
            ).one()
        return id(s.connection().connection.dbapi_connection)

    seen, record = _begins(db)
    try:
        with ctx.reads_together():
            for name in ("a", "b", "c"):
                ctx.query(lambda s: (units(s), txid(s))).success(
                    lambda r, n=name: got.append((n, r))
                ).run()
            assert got == []  # nothing read yet: the reads wait for the block's end
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
    assert [n for n, _r in got] == ["a", "b", "c"]
    assert len({r for _n, r in got}) == 1  # same counts, same transaction (connection)
    begins = [s for s in seen if s.startswith("BEGIN")]
    assert len(begins) <= 1  # SQLite: one BEGIN; PostgreSQL begins implicitly


def test_a_failed_read_reaches_its_own_handler_and_the_others_still_read(db: Database) -> None:
    ctx = make_ctx(db)
    build_small_estate(db)
    handled: list[str] = []
    got: list[int] = []

    def broken(s: Session) -> int:
        s.execute(text("select * from no_such_table"))  # spoils a PostgreSQL transaction
        return 0

    def missing(_s: Session) -> int:
        raise NotFound("找不到这套房屋。")

    with ctx.reads_together():
        ctx.query(lambda s: int(s.scalar(select(func.count(Unit.id))) or 0)).success(
            got.append
        ).run()
        ctx.query(broken).failure(lambda exc: handled.append(type(exc).__name__) or True).run()
        ctx.query(lambda s: int(s.scalar(select(func.count(Unit.id))) or 0)).success(
            got.append
        ).run()
        ctx.query(missing).failure(lambda exc: handled.append(str(exc)) or True).run()
    assert handled == [
        "ProgrammingError" if db.engine.dialect.name == "postgresql" else "OperationalError",
        "找不到这套房屋。",
    ]
    assert got == [got[0], got[0]]
    assert got[0] > 0
    assert ctx.errors.shown == []


def test_a_write_started_meanwhile_keeps_its_own_transaction(db: Database, qtbot: QtBot) -> None:
    ctx = make_ctx(db)
    estate = build_small_estate(db)
    seen: list[object] = []
    with qtbot.wait_signal(ctx.hub.changed) as blocker, ctx.reads_together():
        ctx.op(
            lambda s: s.execute(
                text("update unit set notes = '已巡查' where id = :u"), {"u": estate.unit_101}
            ),
            changes=Changes(units=True),
        ).run()
        with ctx.reads_together():  # a nested block joins the outer one
            ctx.query(
                lambda s: s.scalar(select(Unit.notes).where(Unit.id == estate.unit_101))
            ).success(lambda notes: seen.append(notes)).run()
        seen: list[object] = []
    assert blocker.args == [Changes(units=True)]
    assert seen == ["已巡查"]  # the write committed before the reads after it began
    with db.begin() as s:
        assert s.scalar(select(Unit.notes).where(Unit.id == estate.unit_101)) == "已巡查"


def test_on_the_worker_thread_the_callbacks_come_back_on_the_ui_thread(
    sqlite_db: Database, qtbot: QtBot
) -> None:
    ctx = make_ctx(sqlite_db)
    build_small_estate(sqlite_db)
    ctx.executor = ThreadExecutor()
    app = QApplication.instance()
    threads: list[bool] = []
    got: list[int] = []
    with ctx.reads_together():
        for i in range(3):
            ctx.query(lambda s, i=i: i).success(
                lambda r: (got.append(r), threads.append(app.thread().isCurrentThread()))
            ).run()
    qtbot.waitUntil(lambda: len(got) == 3, timeout=5000)
    assert got == [0, 1, 2]
    assert all(threads)


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_the_unit_page_reads_in_one_transaction(
    sqlite_db: Database, small_estate: SmallEstate, qtbot: QtBot
) -> None:
    from ui.registry.unit_page import UnitPage

    ctx = make_ctx(sqlite_db)
    seen, record = _begins(sqlite_db)
    try:
        with captured_selects(sqlite_db) as selects:
            page = UnitPage(ctx=ctx, unit_id=small_estate.unit_101)
            qtbot.addWidget(page)
    finally:
        event.remove(sqlite_db.engine, "before_cursor_execute", record)
    assert page.title.text()  # the dossier arrived
    assert len(page.panels) >= 10
    # every read of the page, the ticket and parcel lists' first rows included: one transaction
    assert len(seen) == 1, seen
    assert len(selects) > 20
