"""The occupancy dialogs offer only the dates the core accepts (1950-01-01 to a year ahead)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from tests.ui.helpers import SmallEstate
from ui.context import AppContext
from ui.registry.dialogs import AddOccupantDialog


def test_start_date_is_bounded(qtbot: QtBot, ui_ctx: AppContext, small_estate: SmallEstate) -> None:
    dialog = AddOccupantDialog(ctx=ui_ctx, unit_id=small_estate.unit_1501)
    qtbot.addWidget(dialog)
    assert dialog.start.minimumDate() == QDate(1950, 1, 1)
    assert dialog.start.maximumDate() == QDate(2027, 6, 15)  # the test clock: 2026-06-15
    assert dialog.start.date().toPython() == date(2026, 6, 15)
    dialog.start.setDate(QDate(2100, 1, 1))
    assert dialog.start.date() == QDate(2027, 6, 15)
