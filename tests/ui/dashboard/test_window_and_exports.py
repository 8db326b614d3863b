"""The dashboard's month picker and rolling 30 days, whole-step axes, the month's written
notes, and every Excel export reachable from the app with a save dialog that remembers its
folder."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from propdesk.auth.actor import Actor, Role
from propdesk.db.engine import Database
from propdesk.demo.build import generate_demo
from propdesk.reporting.monthly import rolling_report
from propdesk.reporting.notes import month_notes
from tests.reports.excel_reading import HEADER_ROW, header
from tests.ui.helpers import make_ctx, read, type_text
from ui.common.keyboard import DialogKeys
from ui.dashboard.exports import FOLDER_KEY, ask_xlsx_path, export_prepaid
from ui.dashboard.notes import NotesDialog
from ui.dashboard.page import ROLLING_DAYS, DashboardPage
from ui.navigation import Navigate
from ui.registrations import default_features
from ui.tickets.requests import TicketBoardRequest

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
MANAGER = Actor(user_id=None, username="mgr", display_name="经理老陈", role=Role.MANAGER)
CLERK = Actor(user_id=None, username="clerk", display_name="前台小李", role=Role.CLERK)
TODAY = date(2026, 11, 20)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One demo estate for the module, copied per test (the demo takes seconds)."""
    from propdesk.db.engine import open_database

    path = tmp_path_factory.mktemp("dash") / "demo.sqlite3"
    db = open_database(f"sqlite:///{path}")
    generate_demo(db, units=40, seed=5, today=TODAY)
    db.dispose()
    return path


@pytest.fixture
def demo_db(demo_file: Path, tmp_path: Path) -> Iterator[Database]:
    import shutil

    from propdesk.db.engine import open_database

    copy = tmp_path / "demo.sqlite3"
    shutil.copy(demo_file, copy)
    db = open_database(f"sqlite:///{copy}")
    yield db
    db.dispose()


def _close_boxes() -> list[str]:
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    texts = [b.text() for b in boxes if b.isVisible()]
    for b in boxes:
        b.close()
    return texts


def test_rolling_30_days_and_month_picker(qtbot: QtBot, demo_db: Database) -> None:
    ctx = make_ctx(demo_db, actor=MANAGER)
    page = DashboardPage(ctx=ctx, today=TODAY)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded):
        page.show()
    assert page.month_box.currentText() == "2026-11"  # this month by default
    assert page.month_box.itemText(0) == f"Last {ROLLING_DAYS} days"
    with qtbot.waitSignal(page.loaded):
        page.month_box.setCurrentIndex(0)
    with demo_db.begin(MANAGER) as s:
        rolling = rolling_report(s, days=ROLLING_DAYS, today=TODAY)
    assert page.report is not None
    assert page.report.rolling_days == ROLLING_DAYS
    assert page.tile_buttons["tickets"].text().startswith(f"{rolling.tickets.total}\n")
    assert "last 30 days" in page.title.text()
    assert not page.notes_button.isEnabled()  # notes belong to a month
    start = TODAY - timedelta(days=ROLLING_DAYS - 1)
    with qtbot.waitSignal(ctx.hub.navigate) as nav:
        qtbot.mouseClick(page.tile_buttons["complaints"], Qt.MouseButton.LeftButton)
    assert nav.args == [
        Navigate("tickets", TicketBoardRequest(date_from=start, date_to=TODAY, kind="complaint"))
    ]
    with qtbot.waitSignal(page.loaded):
        page.month_box.setCurrentIndex(page.month_box.findData("2026-10"))
    assert page.report.period == "2026-10"
    assert page.report.rolling_days is None
    assert page.title.text().endswith("2026-10")
    assert page.notes_button.isEnabled()
    with qtbot.waitSignal(ctx.hub.navigate) as nav:
        qtbot.mouseClick(page.tile_buttons["tickets"], Qt.MouseButton.LeftButton)
    assert nav.args == [
        Navigate(
            "tickets", TicketBoardRequest(date_from=date(2026, 10, 1), date_to=date(2026, 10, 31))
        )
    ]


def test_bar_axes_step_by_whole_numbers_with_separators(qtbot: QtBot, sqlite_db: Database) -> None:
    page = DashboardPage(ctx=make_ctx(sqlite_db, actor=MANAGER), today=TODAY)
    qtbot.addWidget(page)
    chart = page.score_chart
    chart.set_data(["1", "2"], [("x", [1, 1])])
    assert chart.value_labels() == ["0", "1"]  # never "0, 0, 1, 1"
    assert (chart.y_axis.min(), chart.y_axis.max()) == (0, 1)
    chart.set_data(["1", "2"], [("x", [3, 7])])  # whole steps, never 0.5
    assert chart.value_labels() == ["0", "2", "4", "6", "8"]
    page.fee_chart.set_data(["1栋"], [("应收", [123_456])])
    assert page.fee_chart.value_labels() == ["0", "50,000", "100,000", "150,000"]
    assert page.fee_chart.y_axis.max() == 150_000


def test_month_notes_are_written_and_saved(qtbot: QtBot, demo_db: Database) -> None:
    ctx = make_ctx(demo_db, actor=MANAGER)
    dialog = NotesDialog(ctx=ctx, month="2026-10")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.save_button.isEnabled()  # the stored texts arrived
    assert dialog.focusWidget() is dialog.summary  # opens in its first field
    type_text(qtbot, dialog.summary, "完成消防演练")
    dialog.plan.setPlainText("更换3栋电梯主板")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    notes = read(ctx, lambda s: month_notes(s, "2026-10"))
    assert (notes.summary, notes.plan, notes.version) == ("完成消防演练", "更换3栋电梯主板", 1)
    # a clerk reads them, cannot change them
    clerk = NotesDialog(ctx=make_ctx(demo_db, actor=CLERK), month="2026-10")
    qtbot.addWidget(clerk)
    assert clerk.summary.toPlainText() == "完成消防演练"
    assert clerk.summary.isReadOnly()
    assert not clerk.save_button.isVisible()


def test_a_failed_save_keeps_the_dialog_and_the_text(qtbot: QtBot, demo_db: Database) -> None:
    ctx = make_ctx(demo_db, actor=MANAGER)
    first = NotesDialog(ctx=ctx, month="2026-10")
    second = NotesDialog(ctx=ctx, month="2026-10")  # another desk opened it too
    for d in (first, second):
        qtbot.addWidget(d)
        d.show()
    first.summary.setPlainText("A")
    first.save()
    second.summary.setPlainText("B")
    second.save()
    assert second.isVisible()
    assert second.summary.toPlainText() == "B"
    assert "他人修改" in second.errors.general.text()
    assert read(ctx, lambda s: month_notes(s, "2026-10")).summary == "A"
    keys = DialogKeys.of(second)
    assert keys is not None
    assert keys.is_dirty()  # Esc would ask before dropping "B"
    keys.discard()


def test_save_dialog_opens_in_the_last_folder(tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    seen: list[str] = []

    def dialog(_parent: QWidget | None, _title: str, start: str, _filter: str) -> str:
        seen.append(start)
        return str(tmp_path / "out" / "fees")

    (tmp_path / "out").mkdir()
    assert ask_xlsx_path(None, "t", "a.xlsx", settings=settings, dialog=dialog) == str(
        tmp_path / "out" / "fees.xlsx"
    )
    assert settings.value(FOLDER_KEY) == str(tmp_path / "out")
    ask_xlsx_path(None, "t", "b.xlsx", settings=settings, dialog=dialog)
    assert seen[1] == str(tmp_path / "out" / "b.xlsx")
    assert ask_xlsx_path(None, "t", "c.xlsx", settings=settings, dialog=lambda *_a: "") == ""


def test_fee_sheet_from_the_collection_page(
    qtbot: QtBot, demo_db: Database, tmp_path: Path
) -> None:
    from ui.fees.collection_page import CollectionPage

    page = CollectionPage(ctx=make_ctx(demo_db, actor=MANAGER))
    qtbot.addWidget(page)
    target = tmp_path / "fees.xlsx"
    page.ask_xlsx_path = lambda _p, _t, _n: str(target)
    page.first.setText("2026-10")
    page.last.setText("2026-10")
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert target.exists()
    ws = load_workbook(target).worksheets[0]
    assert "收费明细表" in ws["A1"].value
    assert "2026年10月" in ws["A2"].value
    cols = header(ws)
    assert cols[-3:] == ["收据号", "收款日期", "收款方式"]
    assert any(ws.cell(r, len(cols) - 2).value for r in range(HEADER_ROW + 1, ws.max_row))
    (message,) = _close_boxes()
    assert str(target) in message


def test_arrears_sheet_and_call_list_from_the_arrears_page(
    qtbot: QtBot, demo_db: Database, tmp_path: Path
) -> None:
    from ui.fees.arrears_page import ArrearsPage

    page = ArrearsPage(ctx=make_ctx(demo_db, actor=MANAGER))
    qtbot.addWidget(page)
    for name, start in (("arrears.xlsx", page.export), ("calls.xlsx", page.export_call_list)):
        target = tmp_path / name
        page.ask_xlsx_path = lambda _p, _t, _n, target=target: str(target)
        start()
        assert target.exists()
        _close_boxes()
    calls = load_workbook(tmp_path / "calls.xlsx").worksheets[0]
    assert header(calls)[:5] == ["楼栋", "房号", "联系人", "身份", "电话"]
    phones = [calls.cell(r, 5).value for r in range(HEADER_ROW + 1, calls.max_row)]
    assert any(p and "*" not in p for p in phones)  # a manager sees full numbers
    button = page.findChild(QWidget, "export_call_list")
    assert button is not None


def test_prepaid_balances_export(qtbot: QtBot, demo_db: Database, tmp_path: Path) -> None:
    done: list[str] = []
    parent = QWidget()
    qtbot.addWidget(parent)
    target = tmp_path / "prepaid.xlsx"
    export_prepaid(
        make_ctx(demo_db, actor=MANAGER),
        parent,
        ask=lambda _p, _t, _n: str(target),
        on_done=done.append,
    )
    assert target.exists()
    assert done
    assert "预收余额表" in load_workbook(target).worksheets[0]["A1"].value


def test_every_excel_export_is_in_the_reports_menu() -> None:
    import importlib

    actions = [a for a in default_features().menu_actions if a.menu == "reports"]
    titles = {a.title for a in actions}
    assert {
        "Fee collection sheet (Excel)…",
        "Arrears sheet (Excel)…",
        "Arrears call list (Excel)…",
        "Prepaid balances (Excel)…",
    } <= titles
    for a in actions:
        target = getattr(a.run, "target", None)
        if target is not None:
            module, name = target
            assert callable(getattr(importlib.import_module(module), name))


def test_fee_sheet_dialog_checks_the_months(qtbot: QtBot) -> None:
    from ui.dashboard.exports import MonthRangeDialog

    dialog = MonthRangeDialog(this_month="2026-11")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.focusWidget() is dialog.first
    dialog.first.setText("2026-10")
    dialog.last.setText("2026-09")
    qtbot.keyClick(dialog.last, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.error.text()
    dialog.last.setText("2026-13")
    qtbot.keyClick(dialog.last, Qt.Key.Key_Return)
    assert "年-月" in dialog.error.text()
    dialog.last.setText("2026-12")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.last, Qt.Key.Key_Return)
    assert dialog.months() == ("2026-10", "2026-12")
