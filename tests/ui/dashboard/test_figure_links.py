"""Each dashboard figure opens the list behind it, already filtered to that figure's records."""

from __future__ import annotations

from datetime import date, time

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from propdesk import clock
from propdesk.auth.actor import Actor, Role
from propdesk.db.engine import Database
from propdesk.demo.build import generate_demo
from propdesk.keys.services import keys_out
from propdesk.reporting.values import MonthlyReport
from propdesk.tickets import services as tickets
from propdesk.tickets.catalog import list_categories
from tests.ui.helpers import make_ctx
from ui.dashboard.page import DashboardPage
from ui.fees.requests import CollectionRequest
from ui.main_window import MainWindow
from ui.navigation import Navigate

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
MANAGER = Actor(user_id=None, username="mgr", display_name="经理老陈", role=Role.MANAGER)
TODAY = date(2026, 11, 20)


@pytest.fixture
def window(qtbot: QtBot, sqlite_db: Database, test_clock: clock.FixedClock) -> MainWindow:
    test_clock.set(clock.local_datetime(TODAY, time(10, 0)))  # the demo's day is today
    generate_demo(sqlite_db, units=40, seed=5, today=TODAY)
    with sqlite_db.begin(MANAGER) as s:  # the demo month has no complaint yet
        noise = list_categories(s, "complaint")[0].id
        intake = tickets.Intake(
            kind="complaint",
            category_id=noise,
            description="楼上噪音",
            location="3栋大堂",
            reporter_name="李四",
        )
        tickets.create_ticket(s, intake)
    win = MainWindow(ctx=make_ctx(sqlite_db, actor=MANAGER))
    qtbot.addWidget(win)
    win.show()
    return win


def _dashboard(window: MainWindow) -> tuple[DashboardPage, MonthlyReport]:
    page = window.show_module("dashboard")
    assert isinstance(page, DashboardPage)
    assert page.report is not None
    return page, page.report


def _click(qtbot: QtBot, window: MainWindow, key: str) -> object:
    page, _ = _dashboard(window)
    qtbot.mouseClick(page.tile_buttons[key], Qt.MouseButton.LeftButton)
    return window.stack.currentWidget()


def test_arrears_tile_lists_the_units_behind_the_total(qtbot: QtBot, window: MainWindow) -> None:
    page, report = _dashboard(window)
    fees = window.show_module("fees")
    fees.arrears.min_days.setValue(400)  # a stale threshold the click must reset
    fees.arrears.code.setText("9-")
    fees.arrears.refresh()
    assert _click(qtbot, window, "arrears") is fees
    arrears = fees.arrears
    assert fees.tabs.currentWidget() is arrears
    assert (arrears.min_days.value(), arrears.code.text()) == (0, "")
    assert arrears.as_of.date().toPython() == page.today()
    rows = [arrears.model.row_value(i) for i in range(arrears.model.rowCount())]
    assert len(rows) == report.fees.arrears_units > 0
    assert sum(r.owed_fen for r in rows) == report.fees.arrears_fen


def test_ageing_bar_opens_the_same_arrears_list(qtbot: QtBot, window: MainWindow) -> None:
    page, report = _dashboard(window)
    page.ageing_chart.series.clicked.emit(3, page.ageing_chart.series.barSets()[0])
    fees = window.stack.currentWidget()
    assert fees.tabs.currentWidget() is fees.arrears
    assert fees.arrears.model.rowCount() == report.fees.arrears_units


def test_collection_tile_and_building_bar(qtbot: QtBot, window: MainWindow) -> None:
    page, report = _dashboard(window)
    fees = window.show_module("fees")
    fees.collection.first.setText("2025-01")
    fees.collection.group.setCurrentIndex(fees.collection.group.findData("item"))
    assert _click(qtbot, window, "collection") is fees
    col = fees.collection
    assert fees.tabs.currentWidget() is col
    assert (col.first.text(), col.last.text()) == (page.period(), page.period())
    assert col.group.currentData() == "building"
    rows = [col.model.row_value(i) for i in range(col.model.rowCount())]
    assert [r.building for r in rows[:-1]] == [b.building for b in report.fees.by_building]
    assert rows[-1].rate == report.fees.total.rate  # the tile's figure is the total row
    assert not col.view.selectionModel().hasSelection()

    page, _ = _dashboard(window)
    bar = len(page.fee_chart.categories()) - 1
    name = page.fee_chart.categories()[bar]
    with qtbot.waitSignal(window.ctx.hub.navigate) as nav:
        page.fee_chart.series.clicked.emit(bar, page.fee_chart.series.barSets()[0])
    assert nav.args == [Navigate("fees", CollectionRequest(page.period(), building=name))]
    selected = col.view.selectionModel().selectedRows()
    assert [col.model.row_value(i.row()).building for i in selected] == [name]


@pytest.mark.parametrize("key", ["complaints", "sla", "response"])
def test_ticket_figures_filter_the_board_to_the_month(
    qtbot: QtBot, window: MainWindow, key: str
) -> None:
    page, report = _dashboard(window)
    desk = window.show_module("tickets")
    desk.board.text.setText("no such ticket")
    desk.board.overdue.setChecked(True)
    assert _click(qtbot, window, key) is desk
    assert desk.tabs.currentWidget() is desk.board
    f = desk.board.current_filter()
    month = page.period()
    assert (f.date_from.isoformat()[:7], f.date_to.isoformat()[:7]) == (month, month)
    assert (f.text, f.overdue, f.status) == ("", False, None)
    if key == "complaints":  # the tile's number is the month's complaint tickets
        assert f.kind == "complaint"
        assert desk.board.model.rowCount() == report.complaints.total > 0
        by_kind = next(k.count for k in report.tickets.by_kind if k.key == "complaint")
        assert report.complaints.total == by_kind
    else:  # SLA and response time are computed over the month's intake
        assert f.kind is None
        assert desk.board.model.rowCount() == report.tickets.total > 0


def test_parcels_tile_lists_the_waiting_parcels(qtbot: QtBot, window: MainWindow) -> None:
    _, report = _dashboard(window)
    module = window.show_module("parcels")
    tab = module.parcels
    tab.show_filter.setCurrentIndex(tab.show_filter.findData("all"))
    module.tabs.setCurrentWidget(module.visitors)
    all_rows = tab.model.rowCount()
    assert _click(qtbot, window, "parcels") is module
    assert module.tabs.currentWidget() is tab
    assert tab.show_filter.currentData() == "waiting"
    assert tab.model.rowCount() == report.desk.parcels_waiting_at_end
    assert 0 < tab.model.rowCount() < all_rows


def test_keys_tile_lists_overdue_loans(qtbot: QtBot, window: MainWindow) -> None:
    page = window.show_module("keys")
    page.show_combo.setCurrentIndex(page.show_combo.findData("all"))
    all_rows = page.model.rowCount()
    assert _click(qtbot, window, "keys") is page
    assert page.show_combo.currentData() == "overdue"
    with window.ctx.db.begin(MANAGER) as s:
        late = [k for k in keys_out(s, now=clock.now(s)) if k.overdue]
    assert page.model.rowCount() == len(late) < all_rows


def test_other_figures_open_their_lists(qtbot: QtBot, window: MainWindow) -> None:
    desk = _click(qtbot, window, "satisfaction")
    assert desk.tabs.currentIndex() == 2  # the callback list
    page, _ = _dashboard(window)
    page.score_chart.series.clicked.emit(4, page.score_chart.series.barSets()[0])
    assert window.stack.currentWidget().tabs.currentIndex() == 2
    renovation = _click(qtbot, window, "violations")
    assert renovation.tabs.currentWidget() is renovation.glance
    for key in ("patrols", "anomalies"):
        assert _click(qtbot, window, key).objectName() == "module_overview"


def test_arrears_of_a_past_month_open_as_of_its_last_day(
    qtbot: QtBot, window: MainWindow
) -> None:
    page, _ = _dashboard(window)
    october = page.month_box.findText("2026-10")
    assert october >= 0
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.month_box.setCurrentIndex(october)
    report = page.report
    assert report is not None
    assert report.fees.arrears_as_of == date(2026, 10, 31)
    fees = _click(qtbot, window, "arrears")
    arrears = fees.arrears  # type: ignore[attr-defined]
    assert arrears.as_of.date().toPython() == date(2026, 10, 31)
    qtbot.waitUntil(lambda: arrears.model.rowCount() == report.fees.arrears_units, timeout=5000)
    rows = [arrears.model.row_value(i) for i in range(arrears.model.rowCount())]
    assert sum(r.owed_fen for r in rows) == report.fees.arrears_fen
