"""Creating and editing a unit through the real dialog: inline errors, nothing lost, then saved."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from propdesk.registry import services as reg
from tests.ui.helpers import SmallEstate, read
from ui.context import AppContext
from ui.events import Changes
from ui.registry.dialogs import PersonDialog, UnitDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _ok(dialog: QDialog, qtbot: QtBot) -> None:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)  # type: ignore[attr-defined]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_bad_area_shows_inline_error_then_fix_saves(
    qtbot: QtBot, ui_ctx: AppContext, small_estate: SmallEstate
) -> None:
    dialog = UnitDialog(ctx=ui_ctx, building_id=small_estate.building_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.entrance.setValue(1)
    qtbot.keyClicks(dialog.room, "1203")
    qtbot.keyClicks(dialog.area, "abc")
    _ok(dialog, qtbot)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.isVisible()
    messages = dialog.errors.visible_messages()
    assert list(messages) == ["area"]
    assert "不是数字" in messages["area"]
    assert dialog.errors.labels["area"].isVisible()
    assert dialog.room.text() == "1203"  # nothing the clerk typed is lost
    assert dialog.focusWidget() is dialog.area

    dialog.area.selectAll()
    with qtbot.waitSignal(ui_ctx.hub.changed) as changed:
        qtbot.keyClicks(dialog.area, "76.25")
        _ok(dialog, qtbot)
    assert isinstance(changed.args[0], Changes)
    assert changed.args[0].units
    assert dialog.result() == QDialog.DialogCode.Accepted
    unit = read(ui_ctx, lambda s: reg.get_unit(s, reg.unit_id_by_code(s, "3-1-1203")))
    assert (unit.area_centi, unit.floor) == (7625, 12)
    assert dialog.saved_id == unit.id


def test_duplicate_room_is_shown_next_to_room(
    qtbot: QtBot, ui_ctx: AppContext, small_estate: SmallEstate
) -> None:
    dialog = UnitDialog(ctx=ui_ctx, building_id=small_estate.building_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.entrance.setValue(2)
    qtbot.keyClicks(dialog.room, "1502")
    qtbot.keyClicks(dialog.area, "90")
    _ok(dialog, qtbot)
    assert "已存在" in dialog.errors.visible_messages()["room"]


def test_edit_conflict_is_a_clear_message_and_keeps_input(
    qtbot: QtBot, ui_ctx: AppContext, small_estate: SmallEstate
) -> None:
    dialog = UnitDialog(ctx=ui_ctx, unit_id=small_estate.unit_1502)
    qtbot.addWidget(dialog)
    dialog.show()
    # another desk saves the same unit meanwhile
    with ui_ctx.db.begin(ui_ctx.actor) as s:
        version = reg.get_unit(s, small_estate.unit_1502).version
        reg.update_unit(s, small_estate.unit_1502, expected_version=version, notes="别处修改")
    dialog.area.setText("91")
    _ok(dialog, qtbot)
    # The other desk changed the notes, the clerk the area: both shown, nothing lost.
    conflict = dialog.conflict_dialog
    assert conflict is not None
    changed = {r.key: (r.they_changed, r.i_changed) for r in conflict.rows}
    assert changed["notes"] == (True, False)
    assert changed["area"] == (False, True)
    assert dialog.area.text() == "91"
    qtbot.mouseClick(conflict.merge, Qt.MouseButton.LeftButton)
    unit = read(ui_ctx, lambda s: reg.get_unit(s, small_estate.unit_1502))
    assert unit.notes == "别处修改"
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_person_dialog_bad_phone_inline(qtbot: QtBot, ui_ctx: AppContext) -> None:
    dialog = PersonDialog(ctx=ui_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.setText("赵六")
    qtbot.keyClicks(dialog.phone, "12345")
    _ok(dialog, qtbot)
    assert list(dialog.errors.visible_messages()) == ["phone"]
    dialog.phone.setText("13612345678")
    _ok(dialog, qtbot)
    assert dialog.result() == QDialog.DialogCode.Accepted
    person = read(ui_ctx, lambda s: reg.get_person(s, dialog.saved_id)).person
    assert (person.name, person.phone) == ("赵六", "13612345678")
