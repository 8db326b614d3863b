"""The dashboard: this month's report figures, clickable to their lists, live on changes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from propdesk import clock
from propdesk.auth.actor import Actor, Role
from propdesk.db.engine import Database
from propdesk.demo.build import generate_demo
from propdesk.desk import parcels
from propdesk.fees.periods import period_of
from propdesk.reporting.monthly import monthly_report
from tests.ui.helpers import make_ctx
from ui.dashboard.page import DashboardPage
from ui.events import Changes
from ui.fees.requests import CollectionRequest
from ui.main_window import MainWindow
from ui.navigation import Navigate
from ui.printing.preview import PdfPreviewDialog
from ui.registrations import default_features

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
MANAGER = Actor(user_id=None, username="mgr", display_name="经理老陈", role=Role.MANAGER)
TODAY = date(2026, 11, 20)


@pytest.fixture
def demo_db(sqlite_db: Database) -> Database:
    generate_demo(sqlite_db, units=40, seed=5, today=TODAY)
    return sqlite_db


def test_dashboard_is_the_first_module() -> None:
    first = default_features().nav_modules[0]
    assert first.key == "dashboard"


def test_tiles_and_charts_show_the_months_figures(qtbot: QtBot, demo_db: Database) -> None:
    ctx = make_ctx(demo_db, actor=MANAGER)
    page = DashboardPage(ctx=ctx, today=TODAY)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded):
        page.show()
    with demo_db.begin(MANAGER) as s:
        r = monthly_report(s, "2026-11", today=TODAY)
    assert page.title.text() == "Management dashboard · 2026-11"
    assert page.tile_buttons["tickets"].text().startswith(f"{r.tickets.total}\n")
    assert page.tile_buttons["parcels"].text().startswith(f"{r.desk.parcels_waiting_at_end}\n")
    rate = r.fees.total.rate
    assert rate is not None
    assert page.tile_buttons["collection"].text().startswith(f"{rate * 100:.1f}%")
    y, c = divmod(r.fees.arrears_fen, 100)
    assert page.tile_buttons["arrears"].text().startswith(f"¥{y:,}.{c:02d}")
    assert page.kind_chart.labels() == [f"{k.label} {k.count}" for k in r.tickets.by_kind]
    assert page.fee_chart.categories() == [b.building for b in r.fees.by_building[:12]]
    assert page.ageing_chart.series.barSets()[0].at(1) == r.fees.ageing_fen[1] // 100
    assert page.month_box.currentText() == "2026-11"  # this month by default


def test_a_change_elsewhere_refreshes_the_figures(qtbot: QtBot, demo_db: Database) -> None:
    ctx = make_ctx(demo_db, actor=MANAGER)
    page = DashboardPage(ctx=ctx)  # the real current month: parcels received now count
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded):
        page.show()
    before = page.report
    assert before is not None
    with qtbot.waitSignal(page.loaded, timeout=3000):
        ctx.op(
            lambda s: parcels.receive_parcel(
                s, carrier="顺丰", tracking_no="SF1234567", unit_id=None, recipient="张三"
            ),
            changes=Changes(parcels=True),
        ).run()
    assert page.report is not None
    assert page.report.desk.parcels_received == before.desk.parcels_received + 1
    assert page.report.period == period_of(clock.today())


def test_clicking_a_figure_opens_its_list(qtbot: QtBot, demo_db: Database) -> None:
    window = MainWindow(ctx=make_ctx(demo_db, actor=MANAGER))
    qtbot.addWidget(window)
    window.show()
    page = window.stack.currentWidget()
    assert isinstance(page, DashboardPage)
    qtbot.mouseClick(page.tile_buttons["complaints"], Qt.MouseButton.LeftButton)
    tickets = window.stack.currentWidget()
    assert tickets.objectName() == "module_tickets"
    assert tickets.tabs.currentIndex() == 0  # the board, filtered to the month's complaints
    assert tickets.board.current_filter().kind == "complaint"
    window.show_module("dashboard")
    qtbot.mouseClick(page.tile_buttons["arrears"], Qt.MouseButton.LeftButton)
    fees = window.stack.currentWidget()
    assert fees.objectName() == "module_fees"
    assert fees.tabs.currentWidget() is fees.arrears
    window.show_module("dashboard")
    with qtbot.waitSignal(window.ctx.hub.navigate) as nav:
        page.fee_chart.series.clicked.emit(0, page.fee_chart.series.barSets()[0])
    building = page.fee_chart.categories()[0]
    assert nav.args == [Navigate("fees", CollectionRequest(page.period(), building=building))]
    assert window.stack.currentWidget().tabs.currentWidget() is fees.collection
    window.show_module("dashboard")
    qtbot.mouseClick(page.tile_buttons["tickets"], Qt.MouseButton.LeftButton)
    board = window.stack.currentWidget().board
    f = board.current_filter()
    month = page.period()
    assert (f.date_from.isoformat()[:7], f.date_to.isoformat()[:7], f.kind) == (month, month, None)
    assert f.date_from.day == 1
    assert page.report is not None
    assert board.model.rowCount() == page.report.tickets.total
    window.show_module("dashboard")
    complaint = page.kind_chart.series.slices()[1]
    page.kind_chart.series.clicked.emit(complaint)
    assert board.current_filter().kind == "complaint"
    window.show_module("dashboard")
    qtbot.mouseClick(page.tile_buttons["parcels"], Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget().objectName() == "module_parcels"


def test_monthly_report_pdf_and_excel_from_the_dashboard(
    qtbot: QtBot, demo_db: Database, tmp_path: Path
) -> None:
    ctx = make_ctx(demo_db, actor=MANAGER)
    page = DashboardPage(ctx=ctx, today=TODAY)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded):
        page.show()
    target = tmp_path / "月报.xlsx"
    page.choose_xlsx_path = lambda _parent, _suggested: str(target)
    qtbot.mouseClick(page.excel_button, Qt.MouseButton.LeftButton)
    assert target.exists()
    assert load_workbook(target).sheetnames[0] == "概览"
    assert page.status.text().startswith("Saved")
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    previews = [w for w in QApplication.topLevelWidgets() if isinstance(w, PdfPreviewDialog)]
    visible = [w for w in previews if w.isVisible()]
    assert len(visible) == 1
    assert visible[0].document.pageCount() >= 3
    assert visible[0].pdf.startswith(b"%PDF")
    assert "2026-11" in visible[0].windowTitle()
    for w in previews:
        w.close()


def test_fee_chart_keeps_the_buildings_with_the_lowest_rate(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    from dataclasses import replace

    from propdesk.fees.collection import CollectionRow
    from tests.reports.monthly_sample import sample_report

    rows = tuple(
        CollectionRow(f"{i}栋", "", 100_000, 100_000 - i * 5_000, 0, 0, 0) for i in range(1, 15)
    )
    report = sample_report()
    report = replace(report, fees=replace(report.fees, by_building=rows))
    page = DashboardPage(ctx=make_ctx(sqlite_db, actor=MANAGER), today=TODAY)
    qtbot.addWidget(page)
    page._show(report)
    assert page.fee_chart.categories() == [f"{i}栋" for i in range(14, 2, -1)]
    assert "12" in page.fee_chart.chart().title()
