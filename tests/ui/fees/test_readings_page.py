from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QTableView
from pytestqt.qtbot import QtBot

from propdesk.auth.actor import Actor, Role
from propdesk.db.engine import Database
from propdesk.fees.meters import create_meter, reading_grid, record_reading
from reports.excel.fees_readings import write_reading_sheet
from tests.ui.helpers import CLERK, SmallEstate, make_ctx
from ui.fees.readings_page import READING_COL, ROLLOVER_COL, ReadingsPage

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
MANAGER = Actor(user_id=None, username="mgr", display_name="经理", role=Role.MANAGER)


def _type(qtbot: QtBot, view: QTableView, text: str) -> None:
    """Type into the current cell: the first key opens the editor, the rest go to it, Enter saves."""
    qtbot.keyClick(view, text[0])
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    if text[1:]:
        qtbot.keyClicks(editor, text[1:])
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # the delegate commits the editor through a queued call
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not editor, timeout=2000)


def _meters(db: Database, estate: SmallEstate) -> None:
    with db.begin(MANAGER) as s:
        for code, uid, last in (
            ("W-1501", estate.unit_1501, 500_00),
            ("W-1502", estate.unit_1502, 99_990_00),
        ):
            m = create_meter(s, code=code, kind="water", unit_id=uid)
            record_reading(s, meter_id=m, period="2026-02", reading_centi=last)


def test_grid_entry_by_keyboard_with_roll_over(
    qtbot: QtBot, qtmodeltester: object, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    _meters(sqlite_db, small_estate)
    page = ReadingsPage(ctx=make_ctx(sqlite_db, CLERK))
    qtbot.addWidget(page)
    page.period.setText("2026-03")
    page.reload()
    qtmodeltester.check(page.model)  # type: ignore[attr-defined]
    assert page.model.rowCount() == 2
    view = page.view
    with qtbot.waitActive(page):
        page.show()
        page.activateWindow()
    view.setFocus()
    assert view.currentIndex().row() == 0
    _type(qtbot, view, "512.5")
    assert page.error.text() == ""
    assert page.model.row_value(0).consumption_centi == 12_50
    assert view.currentIndex().row() == 1  # moved on to the next meter
    # the second meter rolled over: refused first, accepted once marked 翻零
    _type(qtbot, view, "4")
    assert "翻零或换表" in page.error.text()
    assert page.model.row_value(1).reading_centi is None
    page.model.setData(
        page.model.index(1, ROLLOVER_COL),
        Qt.CheckState.Checked.value,
        Qt.ItemDataRole.CheckStateRole,
    )
    view.setCurrentIndex(page.model.index(1, READING_COL))
    _type(qtbot, view, "4")
    assert page.model.row_value(1).consumption_centi == 14_00
    assert page.error.text() == ""


def test_import_reports_bad_rows(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate, tmp_path: Path
) -> None:
    _meters(sqlite_db, small_estate)
    page = ReadingsPage(ctx=make_ctx(sqlite_db, CLERK))
    qtbot.addWidget(page)
    page.period.setText("2026-03")
    page.reload()
    from openpyxl import load_workbook

    path = tmp_path / "r.xlsx"
    with sqlite_db.begin() as s:
        write_reading_sheet(reading_grid(s, "2026-03", "water"), path)
    wb = load_workbook(path)
    wb["抄表"]["B4"] = 400  # lower than 500 (rows 1-3: title rows and the header)
    wb["抄表"]["B5"] = 3
    wb["抄表"]["C5"] = "翻零"
    wb.save(path)
    page.import_file(str(path))
    assert "第 4 行" in page.error.text()
    assert page.model.row_value(1).reading_centi is None  # nothing imported
    wb["抄表"]["B4"] = 501
    wb.save(path)
    page.import_file(str(path))
    assert page.model.row_value(0).consumption_centi == 1_00
    assert page.model.row_value(1).consumption_centi == 13_00


def test_a_bad_month_is_told_on_the_page(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    ctx = make_ctx(sqlite_db, CLERK)
    page = ReadingsPage(ctx=ctx)
    qtbot.addWidget(page)
    assert page.model.period == "2026-06"  # from the test clock, not the real date
    page.period.setText("2026-13")
    page.reload()
    assert "格式不对" in page.error.text()
    assert ctx.errors.shown == []


def test_meter_replaced_dialog_accepts_only_on_success(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    from PySide6.QtWidgets import QDialog, QDialogButtonBox

    _meters(sqlite_db, small_estate)
    ctx = make_ctx(sqlite_db, CLERK)
    page = ReadingsPage(ctx=ctx)
    qtbot.addWidget(page)
    page.period.setText("2026-03")
    page.reload()
    page.view.setCurrentIndex(page.model.index(0, READING_COL))
    page.replacement()
    dialog = page.findChild(QDialog)
    assert dialog is not None
    assert dialog.isVisible()
    old, new, now = dialog.findChildren(QLineEdit)
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    ok = box.button(QDialogButtonBox.StandardButton.Ok)
    old.setText("400")  # lower than the last reading (500): refused in the dialog
    new.setText("0")
    now.setText("10")
    with qtbot.assertNotEmitted(ctx.hub.changed):
        ok.click()
    assert dialog.isVisible()
    assert "旧表止码" in " ".join(lbl.text() for lbl in dialog.findChildren(QLabel))
    assert ok.isEnabled()
    old.setText("510")
    with qtbot.waitSignal(ctx.hub.changed) as signal:
        ok.click()
    assert signal.args[0].fees
    assert not dialog.isVisible()
    assert page.model.row_value(0).consumption_centi == 20_00
    assert ctx.errors.shown == []
