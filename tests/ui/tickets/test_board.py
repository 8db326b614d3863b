"""Board filters and counts, the list model, queues, panels, statistics and the overdue counter."""

from __future__ import annotations

import io
from datetime import datetime, timedelta

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from propdesk import clock
from propdesk.db.engine import Database
from propdesk.tickets import services as svc
from propdesk.tickets.staff import save_staff
from tests.propdesk.tickets.helpers import MANAGER, category_id
from tests.ui.helpers import CLERK, SmallEstate, make_ctx, type_text
from ui.context import AppContext
from ui.events import Changes
from ui.registrations import default_features
from ui.tickets.board import TicketBoard
from ui.tickets.models import TicketListModel
from ui.tickets.module import ServiceDeskPage
from ui.tickets.panels import TicketHistoryPanel
from ui.tickets.queues import CallbackQueue, DueView
from ui.tickets.stats_view import ComplaintStatsView, stats_pdf

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _tickets(db: Database, estate: SmallEstate) -> dict[str, int]:
    with db.begin(MANAGER) as s:
        plumber = save_staff(s, staff_id=None, name="刘师傅", department="engineering")
    leak = category_id(db, "repair", "plumbing")
    noise = category_id(db, "complaint", "noise")
    now = clock.now()
    ids: dict[str, int] = {}
    with db.begin(CLERK) as s:

        def new(key: str, at: datetime, **kw: object) -> None:
            base = {
                "kind": "repair",
                "category_id": leak,
                "description": "厨房漏水",
                "unit_id": estate.unit_1502,
                "person_id": estate.zhang_san,
            }
            base.update(kw)
            ids[key] = svc.create_ticket(s, svc.Intake(**base), at=at).id  # type: ignore[arg-type]

        new("old_open", now - timedelta(days=5))  # response due after 24 h: overdue
        new("fresh", now - timedelta(minutes=5), description="卫生间灯不亮")
        new(
            "complaint",
            now - timedelta(hours=1),
            kind="complaint",
            category_id=noise,
            description="楼上噪音",
            unit_id=estate.unit_101,
            person_id=estate.wang_wu,
        )
        new("done", now - timedelta(days=2), description="门锁坏了")
        svc.dispatch(s, ids["done"], staff_id=plumber, at=now - timedelta(days=2))
        svc.start(s, ids["done"], at=now - timedelta(days=2))
        svc.complete(s, ids["done"], at=now - timedelta(days=1))
    ids["plumber"] = plumber
    return ids


def overdue_counter_text(ctx: AppContext) -> str:
    """The status bar's overdue figure, as the main window computes it."""
    counter = next(c for c in default_features().status_counters if c.key == "overdue_tickets")
    with ctx.db.begin(ctx.actor) as s:
        value = counter.count(s)
    return counter.text(value)


def _shown(board: TicketBoard) -> set[str]:
    return {board.model.index(r, 0).data() for r in range(board.model.rowCount())}


def test_list_model_passes_the_model_tester(
    qtmodeltester, sqlite_db: Database, small_estate: SmallEstate
) -> None:  # type: ignore[no-untyped-def]
    _tickets(sqlite_db, small_estate)
    model = TicketListModel(ctx=make_ctx(sqlite_db, CLERK), batch_size=2)
    qtmodeltester.check(model)
    assert model.rowCount() >= 2


def test_board_filters_counts_and_overdue(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    ids = _tickets(sqlite_db, small_estate)
    board = TicketBoard(ctx=make_ctx(sqlite_db, CLERK))
    qtbot.addWidget(board)
    assert board.model.rowCount() == 4
    assert "All 4" in board.counts_label.text()
    assert "Overdue 1" in board.counts_label.text()
    # Overdue rows are red and say so in the status column.
    row = board.model.find_row(ids["old_open"])
    assert board.model.is_overdue(row)
    assert board.model.index(row, 2).data() == "Received · Overdue"
    assert (
        board.model.index(row, 0).data(Qt.ItemDataRole.ForegroundRole).color().name() == "#b00020"
    )
    assert board.model.index(row, 7).data() == "138****5678"  # a clerk sees masked phones

    board.kind.setCurrentIndex(board.kind.findData("complaint"))
    assert board.model.rowCount() == 1
    assert board.category.itemText(1) == "噪音扰民"  # categories follow the kind
    board.kind.setCurrentIndex(0)
    board.overdue.setChecked(True)
    assert board.model.rowCount() == 1
    board.overdue.setChecked(False)
    board.assignee.setCurrentIndex(board.assignee.findData(f"s:{ids['plumber']}"))
    assert board.model.rowCount() == 1
    board.assignee.setCurrentIndex(0)
    board.status.setCurrentIndex(board.status.findData("open"))
    assert board.model.rowCount() == 3
    board.status.setCurrentIndex(0)
    type_text(qtbot, board.text, "灯不亮")
    qtbot.keyClick(board.text, Qt.Key.Key_Return)
    assert board.model.rowCount() == 1
    board.text.clear()
    qtbot.keyClicks(board.text, "3-1-")
    qtbot.waitUntil(lambda: board.model.rowCount() == 1)  # debounced while typing
    board.text.clear()
    board.apply_filters()
    board.use_dates.setChecked(True)
    board.date_from.setDate(board.date_to.date().addDays(-1))
    assert board.model.rowCount() == 2  # fresh + complaint (today/yesterday local)


def test_queues_panels_counter_and_stats(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    ids = _tickets(sqlite_db, small_estate)
    ctx: AppContext = make_ctx(sqlite_db, CLERK)
    due = DueView(ctx=ctx)
    qtbot.addWidget(due)
    due.show()
    shown = {due.model.row_id(r) for r in range(due.model.rowCount())}
    assert ids["old_open"] in shown
    assert ids["done"] not in shown
    assert due.summary.text().startswith("1 overdue")
    queue = CallbackQueue(ctx=ctx)
    qtbot.addWidget(queue)
    assert [queue.model.row_id(r) for r in range(queue.model.rowCount())] == [ids["done"]]
    assert overdue_counter_text(ctx) == "Overdue tickets: 1"

    panel = TicketHistoryPanel(ctx=ctx, kind="unit", record_id=small_estate.unit_1502)
    qtbot.addWidget(panel)
    panel.show()
    assert panel.model.rowCount() == 3
    assert panel.title.text() == "Service tickets (3)"
    person_panel = TicketHistoryPanel(ctx=ctx, kind="person", record_id=small_estate.wang_wu)
    qtbot.addWidget(person_panel)
    assert person_panel.model.rowCount() == 1

    # A change from the ticket page refreshes every list through the hub.
    ctx.op(
        lambda s: svc.cancel(s, ids["old_open"], reason="重复登记"), changes=Changes(tickets=True)
    ).run()
    assert overdue_counter_text(ctx) == ""
    assert due.summary.text().startswith("0 overdue")
    assert panel.model.index(panel.model.find_row(ids["old_open"]), 2).data() == "Cancelled"

    page = ServiceDeskPage(ctx=ctx)
    qtbot.addWidget(page)
    stats = page.show_tab(3)
    assert isinstance(stats, ComplaintStatsView)
    assert stats.stats is not None
    assert stats.stats.total == 1
    assert stats.by_category.index(0, 0).data() == "噪音扰民"
    assert stats.by_category.index(0, 2).data() == "100.0%"
    with sqlite_db.begin(CLERK) as s:
        pdf = PdfReader(io.BytesIO(stats_pdf(s, stats.stats)))
    assert "噪音扰民" in pdf.pages[0].extract_text()
    assert page.show_tab(1).objectName() == "due_view"


def test_f2_and_panels_are_registered() -> None:
    from ui.registrations import default_features

    assert any(m.key == "tickets" for m in default_features().nav_modules)
    assert any(a.shortcut == "F2" for a in default_features().menu_actions)
    assert any(p.key == "tickets" for p in default_features().unit_panels)
    assert any(p.key == "tickets" for p in default_features().person_panels)
    assert any(c.key == "overdue_tickets" for c in default_features().status_counters)


def test_unit_and_person_pages_show_ticket_history(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    from ui.registry.person_page import PersonPage
    from ui.registry.unit_page import UnitPage

    _tickets(sqlite_db, small_estate)
    ctx = make_ctx(sqlite_db, CLERK)
    unit_page = UnitPage(ctx=ctx, unit_id=small_estate.unit_1502)
    qtbot.addWidget(unit_page)
    panel = unit_page.findChild(TicketHistoryPanel, "panel_tickets")
    assert panel is not None
    assert panel.model.rowCount() == 3
    person_page = PersonPage(ctx=ctx, person_id=small_estate.wang_wu)
    qtbot.addWidget(person_page)
    person_panel = person_page.findChild(TicketHistoryPanel, "panel_tickets")
    assert person_panel is not None
    assert person_panel.model.index(0, 8).data() == "楼上噪音"


def test_a_record_without_tickets_shows_one_line_not_an_empty_table(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    """No tickets: "No service tickets yet." instead of an empty ten-column table; the table
    comes back with the first ticket (the hub refreshes the panel)."""
    ctx = make_ctx(sqlite_db, CLERK)
    panel = TicketHistoryPanel(ctx=ctx, kind="unit", record_id=small_estate.unit_1502)
    qtbot.addWidget(panel)
    panel.show()
    assert panel.title.text() == "Service tickets (0)"
    assert panel.empty.isVisible()
    assert not panel.table.isVisible()
    intake = svc.Intake(
        kind="repair",
        category_id=category_id(sqlite_db, "repair", "plumbing"),
        description="厨房漏水",
        unit_id=small_estate.unit_1502,
        person_id=small_estate.zhang_san,
    )
    ctx.op(lambda s: svc.create_ticket(s, intake), changes=Changes(tickets=True)).run()
    qtbot.waitUntil(lambda: panel.title.text() == "Service tickets (1)", timeout=2000)
    assert panel.table.isVisible()
    assert not panel.empty.isVisible()
    assert panel.model.rowCount() == 1
    one = panel.table.height()  # one row's height, not a tall empty box
    ctx.op(lambda s: svc.create_ticket(s, intake), changes=Changes(tickets=True)).run()
    qtbot.waitUntil(lambda: panel.title.text() == "Service tickets (2)", timeout=2000)
    assert panel.table.height() == one + panel.table.verticalHeader().defaultSectionSize()
