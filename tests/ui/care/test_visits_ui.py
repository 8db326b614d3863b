"""Visits (走访) by keyboard: a visit finding becomes a ticket in one save, a refused visit keeps
its input and saves nothing, a saved visit raises its ticket later, the desk overview's
overdue-visits tile opens the overdue plan, and the unit page's visits panel."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFormLayout, QLabel, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from propdesk import clock
from propdesk.care import services as care
from propdesk.care.services import FlagSpec
from propdesk.care.visit_models import CareVisit
from propdesk.care.visits import VisitSpec, record_visit
from propdesk.db.engine import Database
from propdesk.tickets.models import Ticket
from tests.ui.helpers import CLERK, SmallEstate, make_ctx, type_text
from ui.app import load_translations
from ui.care.visit_dialogs import VisitDialog, VisitTicketDialog
from ui.care.visit_panel import UnitVisitsPanel
from ui.care.visits import VisitsPage
from ui.desk.overview import DeskOverviewPage
from ui.main_window import MainWindow
from ui.tickets.ticket_page import TicketPage

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def _overdue_elderly(db: Database, estate: SmallEstate, test_clock: clock.FixedClock) -> None:
    with db.begin(CLERK) as s:
        care.add_household_flag(
            s, estate.unit_1502, FlagSpec("elderly_alone", "八十岁独居", confirmed=True)
        )
    test_clock.advance(days=35)  # a month and more without a visit


def _visits(db: Database) -> list[tuple[int, int | None, str]]:
    with db.begin(CLERK) as s:
        rows = s.execute(select(CareVisit.unit_id, CareVisit.ticket_id, CareVisit.reason))
        return [(int(u), t, str(r)) for u, t, r in rows]


def _alt(qtbot: QtBot, key: Qt.Key) -> None:
    """Alt+key to the focused widget (a mnemonic: the shortcut map of the active window)."""
    focus = QApplication.focusWidget()
    assert focus is not None
    qtbot.keyClick(focus, key, ALT)


def _open_dialog(qtbot: QtBot, dialog: QWidget | None) -> None:
    assert dialog is not None
    qtbot.waitExposed(dialog)
    dialog.activateWindow()

    def focused() -> bool:
        focus = QApplication.focusWidget()
        return focus is not None and dialog.isAncestorOf(focus)

    qtbot.waitUntil(focused, timeout=2000)


def _page(qtbot: QtBot, db: Database) -> VisitsPage:
    page = VisitsPage(ctx=make_ctx(db, CLERK))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_a_visit_finding_becomes_a_ticket(
    qtbot: QtBot,
    sqlite_db: Database,
    small_estate: SmallEstate,
    test_clock: clock.FixedClock,
) -> None:
    _overdue_elderly(sqlite_db, small_estate, test_clock)
    page = _page(qtbot, sqlite_db)
    ModelTester(None).check(page.plan_model)
    assert [(i.unit_code, i.reason, i.overdue) for i in page.plan_model.items] == [
        ("3-2-1502", "elderly_alone", True)
    ]
    page.plan_table.setFocus()
    qtbot.keyClick(page.plan_table, Qt.Key.Key_Return)  # Enter records the selected item
    dialog = page.dialog
    assert isinstance(dialog, VisitDialog)
    _open_dialog(qtbot, dialog)
    _alt(qtbot, Qt.Key.Key_F)
    assert dialog.findings.hasFocus()
    type_text(qtbot, dialog.findings, "卫生间漏水，楼下天花板有水渍")
    _alt(qtbot, Qt.Key.Key_K)  # 转工单
    qtbot.waitUntil(dialog.raise_ticket.isChecked, timeout=1000)
    assert dialog.category.isEnabled()
    # no kind or category is preselected: saving asks for one, and saves nothing
    assert dialog.category.currentData() is None
    qtbot.keyClick(dialog.category, Qt.Key.Key_Return, CTRL)
    assert dialog.isVisible()
    assert dialog.errors.labels["category_id"].text() == "Choose the ticket's category."
    assert _visits(sqlite_db) == []
    qtbot.keyClick(dialog.category, Qt.Key.Key_Down)  # the first category: 报修
    assert dialog.category.currentText().startswith("报修")
    qtbot.keyClick(dialog.category, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)

    ((unit_id, ticket_id, reason),) = _visits(sqlite_db)
    assert (unit_id, reason) == (small_estate.unit_1502, "elderly_alone")
    assert ticket_id is not None
    with sqlite_db.begin(CLERK) as s:
        ticket = s.get(Ticket, ticket_id)
        assert ticket is not None
        assert "卫生间漏水" in ticket.description
        assert ticket.unit_id == small_estate.unit_1502
        number = ticket.number
    assert number in page.message.text()
    # the visit fulfils the overdue item; the history row shows its ticket
    qtbot.waitUntil(lambda: page.plan_model.items == [], timeout=3000)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow, timeout=2000)
    qtbot.keyClick(page.plan_table, Qt.Key.Key_O, ALT)  # 走访记录(&O)
    qtbot.waitUntil(lambda: page.tabs.currentIndex() == 1, timeout=1000)
    assert page.history_model.rowCount() == 1
    ticket_column = page.history_model.columnCount() - 1
    assert page.history_model.index(0, ticket_column).data() == number
    # the ticket says where it came from: 走访 (it said 其他)
    assert _ticket_facts(qtbot, sqlite_db, ticket_id)["来源"] == "走访"


def _ticket_facts(qtbot: QtBot, db: Database, ticket_id: int) -> dict[str, str]:
    """The ticket page's facts (label → text) as a clerk reading Chinese sees them."""
    locale = QLocale()
    translators = load_translations(QCoreApplication.instance(), "zh_CN")  # type: ignore[arg-type]
    try:
        ticket_page = TicketPage(ctx=make_ctx(db, CLERK), ticket_id=ticket_id)
        qtbot.addWidget(ticket_page)
        ticket_page.show()
        qtbot.waitUntil(lambda: ticket_page.facts.rowCount() > 0, timeout=3000)
        facts: dict[str, str] = {}
        for row in range(ticket_page.facts.rowCount()):
            label = ticket_page.facts.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = ticket_page.facts.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if label is None or field is None:
                continue
            name, value = label.widget(), field.widget()
            if isinstance(name, QLabel) and isinstance(value, QLabel):
                facts[name.text()] = value.text()
        return facts
    finally:
        for translator in translators:
            QCoreApplication.removeTranslator(translator)
        QLocale.setDefault(locale)


def test_a_refused_visit_keeps_its_input_and_saves_nothing(
    qtbot: QtBot,
    sqlite_db: Database,
    small_estate: SmallEstate,
    test_clock: clock.FixedClock,
) -> None:
    _overdue_elderly(sqlite_db, small_estate, test_clock)
    page = _page(qtbot, sqlite_db)
    page.plan_table.setFocus()
    qtbot.keyClick(page.plan_table, Qt.Key.Key_Return)
    dialog = page.dialog
    assert isinstance(dialog, VisitDialog)
    _open_dialog(qtbot, dialog)
    # a ticket without findings
    _alt(qtbot, Qt.Key.Key_K)
    qtbot.waitUntil(dialog.raise_ticket.isChecked, timeout=1000)
    qtbot.keyClick(dialog.category, Qt.Key.Key_Down)  # a category chosen
    qtbot.keyClick(dialog.category, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: dialog.errors.labels["findings"].isVisible(), timeout=2000)
    assert "请先填写走访发现的问题" in dialog.errors.labels["findings"].text()
    assert dialog.isVisible()
    assert _visits(sqlite_db) == []
    # a visit in the future
    _alt(qtbot, Qt.Key.Key_K)  # no ticket after all
    qtbot.waitUntil(lambda: not dialog.raise_ticket.isChecked(), timeout=1000)
    type_text(qtbot, dialog.findings, "一切正常")
    dialog.when.setDateTime(dialog.when.dateTime().addDays(1))
    qtbot.keyClick(dialog.findings, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: dialog.errors.labels["visited_at"].isVisible(), timeout=2000)
    assert "不能晚于现在" in dialog.errors.labels["visited_at"].text()
    # the focus is in the refused time, its year selected: the time typed replaces it
    assert dialog.when.hasFocus()
    assert dialog.when.lineEdit().selectedText() == dialog.when.text()[:4]
    assert dialog.findings.toPlainText() == "一切正常"
    assert _visits(sqlite_db) == []
    # back to now, typed as it reads: saved
    earlier = dialog.when.dateTime().addDays(-1).addSecs(-60)
    QTest.keyClicks(dialog.when, earlier.toString("yyyy-MM-dd HH:mm"))
    assert dialog.when.dateTime().toString("yyyy-MM-dd HH:mm") == earlier.toString(
        "yyyy-MM-dd HH:mm"
    )
    qtbot.keyClick(dialog.findings, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    assert _visits(sqlite_db) == [(small_estate.unit_1502, None, "elderly_alone")]


def test_a_saved_visit_raises_its_ticket_from_the_history(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    with sqlite_db.begin(CLERK) as s:
        older = record_visit(
            s,
            VisitSpec(
                unit_id=small_estate.unit_101,
                visited_at=clock.now(s) - timedelta(hours=3),
                findings="楼道里邻居堆放杂物，多次劝说无效",
                rating=3,
            ),
        ).id
        for hours in (2, 1):  # newer visits listed above it
            record_visit(
                s,
                VisitSpec(
                    unit_id=small_estate.unit_1502,
                    visited_at=clock.now(s) - timedelta(hours=hours),
                    findings="一切正常",
                ),
            )
    page = _page(qtbot, sqlite_db)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow, timeout=2000)
    qtbot.keyClick(page.plan_table, Qt.Key.Key_T, CTRL)  # to the history
    assert page.tabs.currentIndex() == 1
    row = page.history_model.find_row(older)
    assert row == 2
    page.history_table.selectRow(row)
    qtbot.keyClick(page.history_table, Qt.Key.Key_T, CTRL)
    dialog = page.dialog
    assert isinstance(dialog, VisitTicketDialog)
    _open_dialog(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.category.count() > 1, timeout=2000)
    # nothing preselected (it used to be 报修 · 水暖管道 whatever the finding): Enter asks
    assert dialog.category.currentData() is None
    qtbot.keyClick(dialog.category, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.errors.labels["category_id"].text() == "Choose the ticket's kind and category."
    assert _visits(sqlite_db)[0][1] is None
    # the clerk picks a complaint's category by keyboard
    target = next(
        i for i in range(dialog.category.count()) if dialog.category.itemText(i).startswith("投诉")
    )
    for _ in range(target):
        qtbot.keyClick(dialog.category, Qt.Key.Key_Down)
    kind, category_id = dialog.category.currentData()
    assert kind == "complaint"
    qtbot.keyClick(dialog.category, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    with sqlite_db.begin(CLERK) as s:
        visit = s.get(CareVisit, older)
        assert visit is not None
        assert visit.ticket_id is not None
        ticket = s.get(Ticket, visit.ticket_id)
        assert ticket is not None
        assert (ticket.kind, ticket.category_id) == ("complaint", category_id)
    ticket_column = page.history_model.columnCount() - 1
    qtbot.waitUntil(lambda: page.history_model.index(row, ticket_column).data() != "", timeout=2000)
    # the selection stays on the visit just used, not back on the first row
    assert page.current_visit_id() == older
    assert page.history_table.selectionModel().selectedRows()[0].row() == row


def test_the_overview_tile_opens_the_overdue_visits(
    qtbot: QtBot,
    sqlite_db: Database,
    small_estate: SmallEstate,
    test_clock: clock.FixedClock,
) -> None:
    _overdue_elderly(sqlite_db, small_estate, test_clock)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    win = MainWindow(ctx=make_ctx(sqlite_db, CLERK))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    overview = win.stack.currentWidget()
    assert isinstance(overview, DeskOverviewPage)
    tile = overview.visits_tile
    qtbot.waitUntil(lambda: tile.text().endswith("1"), timeout=3000)
    assert "color: #b00020" in tile.styleSheet()
    tile.setFocus()
    qtbot.keyClick(tile, Qt.Key.Key_Space)
    page = win.stack.currentWidget()
    assert isinstance(page, VisitsPage)
    assert page.show_combo.currentData() == "overdue"
    qtbot.waitUntil(lambda: len(page.plan_model.items) == 1, timeout=3000)
    win.close()


def test_unit_page_panel_shows_what_is_due_and_the_last_visits(
    qtbot: QtBot,
    sqlite_db: Database,
    small_estate: SmallEstate,
    test_clock: clock.FixedClock,
) -> None:
    _overdue_elderly(sqlite_db, small_estate, test_clock)
    panel = UnitVisitsPanel(ctx=make_ctx(sqlite_db, CLERK), unit_id=small_estate.unit_1502)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: panel.data is not None, timeout=2000)
    assert panel.data is not None
    assert [i.reason for i in panel.data.due] == ["elderly_alone"]
    assert "独居老人定期走访" in panel.text.text()
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow, timeout=2000)
    qtbot.keyClick(panel.record_button, Qt.Key.Key_V, ALT)
    qtbot.waitUntil(lambda: panel.dialog is not None, timeout=1000)
    dialog = panel.dialog
    assert isinstance(dialog, VisitDialog)
    _open_dialog(qtbot, dialog)
    assert dialog.item is not None
    type_text(qtbot, dialog.findings, "精神不错")
    qtbot.keyClick(dialog.findings, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    qtbot.waitUntil(lambda: panel.data is not None and len(panel.data.visits) == 1, timeout=3000)
    assert panel.data is not None
    # monthly: the next visit is due a month after this one, not overdue
    assert [(i.reason, i.overdue) for i in panel.data.due] == [("elderly_alone", False)]
    assert "精神不错" in panel.text.text()
    with sqlite_db.begin(CLERK) as s:
        assert s.execute(select(func.count(CareVisit.id))).scalar_one() == 1


def test_tab_leaves_the_visit_plan_for_the_next_control(
    qtbot: QtBot,
    sqlite_db: Database,
    small_estate: SmallEstate,
    test_clock: clock.FixedClock,
) -> None:
    # seen on the desk: Tab walked the plan's cells and wrapped round to the first one, so
    # the keyboard never left a list (rows are chosen here, never cells)
    _overdue_elderly(sqlite_db, small_estate, test_clock)
    page = _page(qtbot, sqlite_db)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow, timeout=2000)
    page.plan_table.setFocus()
    qtbot.waitUntil(page.plan_table.hasFocus, timeout=1000)
    row = page.plan_table.currentIndex().row()
    qtbot.keyClick(page.plan_table, Qt.Key.Key_Tab)
    focus = QApplication.focusWidget()
    assert focus is not None
    assert focus is not page.plan_table
    assert page.plan_table.currentIndex().row() == row  # the chosen item stays
