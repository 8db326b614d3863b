"""The household forms by keyboard, as a new clerk met them: the type a new-energy plate
picked goes back when the plate is corrected (a type chosen by hand stays); the phone error
shows whole; a monthly-pass date typed as digits is taken."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from propdesk.household import queries as hq
from tests.ui.helpers import CLERK, SmallEstate, make_ctx, read, type_text
from ui.household.dialogs import EmergencyContactDialog, VehicleDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _vehicle_dialog(qtbot: QtBot, db: object, unit_id: int) -> VehicleDialog:
    ctx = make_ctx(db, CLERK)  # type: ignore[arg-type]
    dialog = VehicleDialog(ctx=ctx, unit_id=unit_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.plate.hasFocus())
    return dialog


def test_a_corrected_plate_gives_back_the_type_it_changed(
    qtbot: QtBot, sqlite_db: object, small_estate: SmallEstate
) -> None:
    dialog = _vehicle_dialog(qtbot, sqlite_db, small_estate.unit_1502)
    type_text(qtbot, dialog.plate, "粤b123456")  # one digit too many: looks new-energy
    assert dialog.kind.currentData() == "nev"
    qtbot.keyClick(dialog.plate, Qt.Key.Key_Backspace)  # corrected: 粤B12345
    assert dialog.kind.currentData() == "small"
    type_text(qtbot, dialog.plate, "6")  # and again
    assert dialog.kind.currentData() == "nev"
    qtbot.keyClick(dialog.plate, Qt.Key.Key_Backspace)
    qtbot.keyClick(dialog.plate, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted
    saved = read(dialog.ctx, lambda s: hq.unit_vehicles(s, small_estate.unit_1502))
    assert [(v.plate, v.kind) for v in saved] == [("粤B12345", "small")]


def test_a_type_chosen_by_hand_is_never_changed_by_the_plate(
    qtbot: QtBot, sqlite_db: object, small_estate: SmallEstate
) -> None:
    dialog = _vehicle_dialog(qtbot, sqlite_db, small_estate.unit_1502)
    type_text(qtbot, dialog.plate, "粤bd12345")
    assert dialog.kind.currentData() == "nev"
    # the clerk picks 新能源 by hand (the keyboard on the combo: Down then Up)
    dialog.kind.setFocus()
    qtbot.keyClick(dialog.kind, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.kind, Qt.Key.Key_Up)
    assert dialog.kind.currentData() == "nev"
    dialog.plate.setFocus()
    dialog.plate.end(False)
    qtbot.keyClick(dialog.plate, Qt.Key.Key_Backspace)  # 粤BD1234: the type stays
    assert dialog.kind.currentData() == "nev"
    # a motorcycle chosen by hand stays a motorcycle whatever the plate's length
    dialog.kind.setFocus()
    qtbot.keyClick(dialog.kind, Qt.Key.Key_Down)  # 摩托车
    assert dialog.kind.currentData() == "moto"
    dialog.plate.setFocus()
    type_text(qtbot, dialog.plate, "5")
    assert dialog.kind.currentData() == "moto"
    qtbot.keyClick(dialog.plate, Qt.Key.Key_Backspace)
    assert dialog.kind.currentData() == "moto"


def test_monthly_pass_dates_typed_as_digits(
    qtbot: QtBot, sqlite_db: object, small_estate: SmallEstate
) -> None:
    dialog = _vehicle_dialog(qtbot, sqlite_db, small_estate.unit_1502)
    type_text(qtbot, dialog.plate, "粤b54321")
    dialog.pass_from.setFocus()
    type_text(qtbot, dialog.pass_from, "20261201")
    dialog.pass_to.setFocus()
    type_text(qtbot, dialog.pass_to, "2027/5/31")
    qtbot.keyClick(dialog.pass_to, Qt.Key.Key_Return)
    assert dialog.errors.visible_messages() == {}
    assert dialog.result() == dialog.DialogCode.Accepted
    saved = read(dialog.ctx, lambda s: hq.unit_vehicles(s, small_estate.unit_1502))
    assert [(v.pass_from, v.pass_to) for v in saved] == [(date(2026, 12, 1), date(2027, 5, 31))]


def test_a_wrong_date_is_refused_by_its_field(
    qtbot: QtBot, sqlite_db: object, small_estate: SmallEstate
) -> None:
    dialog = _vehicle_dialog(qtbot, sqlite_db, small_estate.unit_1502)
    type_text(qtbot, dialog.plate, "粤b54321")
    dialog.pass_from.setFocus()
    type_text(qtbot, dialog.pass_from, "20261301")
    qtbot.keyClick(dialog.pass_from, Qt.Key.Key_Return)
    message = dialog.errors.visible_messages()["pass_from"]
    assert "20261301" in message
    assert "20260601" in message
    assert dialog.isVisible()
    assert dialog.pass_from.text() == "20261301"


def _shows_whole(label: QLabel) -> bool:
    """The label is as tall as its wrapped text needs and lies inside the dialog, above its
    buttons."""
    dialog = label.window()
    assert isinstance(dialog, EmergencyContactDialog)
    bottom = label.mapTo(dialog, QPoint(0, label.height())).y()
    return (
        label.isVisible()
        and label.height() >= label.heightForWidth(label.width())
        and bottom <= dialog.buttons.geometry().top()
        and bottom <= dialog.height()
    )


def test_the_phone_error_shows_whole(
    qtbot: QtBot, sqlite_db: object, small_estate: SmallEstate
) -> None:
    ctx = make_ctx(sqlite_db, CLERK)  # type: ignore[arg-type]
    dialog = EmergencyContactDialog(ctx=ctx, unit_id=small_estate.unit_1502)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.name.hasFocus())
    type_text(qtbot, dialog.name, "孙丽")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Tab)
    type_text(qtbot, dialog.relation, "女儿")
    qtbot.keyClick(dialog.relation, Qt.Key.Key_Tab)
    type_text(qtbot, dialog.phone, "1381234")
    height = dialog.height()
    qtbot.keyClick(dialog.phone, Qt.Key.Key_Return)
    label = dialog.errors.labels["phone"]
    assert "1381234" in label.text()
    assert label.heightForWidth(label.width()) > label.fontMetrics().height() * 1.5  # 2 lines
    qtbot.waitUntil(lambda: _shows_whole(label))
    assert dialog.height() > height
    assert dialog.phone.text() == "1381234"  # the input stays


def test_an_old_vaccination_warns_but_saves(
    qtbot: QtBot, sqlite_db: object, small_estate: SmallEstate
) -> None:
    from datetime import timedelta

    from propdesk import clock
    from ui.household.dialogs import PetDialog

    ctx = make_ctx(sqlite_db, CLERK)  # type: ignore[arg-type]
    dialog = PetDialog(ctx=ctx, unit_id=small_estate.unit_1502)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.kind.hasFocus())
    qtbot.keyClick(dialog.kind, Qt.Key.Key_Tab)
    type_text(qtbot, dialog.name, "旺财")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Tab)
    today = clock.today()
    recent = today - timedelta(days=200)
    type_text(qtbot, dialog.vaccinated, f"{recent:%Y%m%d}")
    assert not dialog.vaccination_hint.isVisible()
    old = today - timedelta(days=400)
    dialog.vaccinated.selectAll()
    type_text(qtbot, dialog.vaccinated, f"{old:%Y-%m-%d}")
    assert dialog.vaccination_hint.isVisible()
    assert "year" in dialog.vaccination_hint.text()
    qtbot.keyClick(dialog.vaccinated, Qt.Key.Key_Return)  # a warning, not a refusal
    assert dialog.result() == dialog.DialogCode.Accepted
    saved = read(ctx, lambda s: hq.unit_pets(s, small_estate.unit_1502))
    assert [(p.name, p.vaccinated_on, p.vaccination_overdue) for p in saved] == [
        ("旺财", old, True)
    ]
    from ui.household.panels import UnitPetsPanel

    panel = UnitPetsPanel(ctx=ctx, unit_id=small_estate.unit_1502)
    qtbot.addWidget(panel)
    assert panel.tr("(over a year ago)") in panel.text()
