"""Editing a building from the registry page: Ctrl+E / button / context menu, inline errors, saved."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel
from pytestqt.qtbot import QtBot

from propdesk.auth.actor import Actor, Role
from propdesk.db.engine import Database
from propdesk.registry import services as reg
from tests.ui.helpers import SmallEstate, make_ctx, read, type_text
from ui.context import AppContext
from ui.registry.dialogs import BuildingDialog
from ui.registry.lists import RegistryPage

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

FINANCE = Actor(user_id=None, username="fin", display_name="财务小陈", role=Role.FINANCE)


def _ok(dialog: QDialog, qtbot: QtBot) -> None:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)  # type: ignore[attr-defined]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _when_modal(handle: Callable[[BuildingDialog], None]) -> None:
    """Drive the next modal dialog (opened with exec()) from the event loop; always close it."""

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, run)
            return
        assert isinstance(dialog, BuildingDialog)
        try:
            handle(dialog)
        finally:
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, run)


def _page(qtbot: QtBot, ctx: AppContext) -> RegistryPage:
    page = RegistryPage(ctx=ctx)
    qtbot.addWidget(page)
    with qtbot.waitActive(page):  # Ctrl+E works while the focus is inside the page
        page.show()
        page.activateWindow()
    return page


def _set_spin(qtbot: QtBot, spin: object, text: str) -> None:
    spin.setFocus()  # type: ignore[attr-defined]
    spin.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClicks(spin, text)


def test_ctrl_e_edits_the_building_bad_floors_inline_then_saved(
    qtbot: QtBot, ui_ctx: AppContext, small_estate: SmallEstate
) -> None:
    page = _page(qtbot, ui_ctx)
    assert not page.edit_building_button.isEnabled()  # "All units" is selected: nothing to edit
    page.buildings.setFocus()
    page.buildings.setCurrentRow(1)  # building 3
    assert page.edit_building_button.isEnabled()
    seen: dict[str, object] = {}

    def edit(dialog: BuildingDialog) -> None:
        seen["title"] = dialog.windowTitle()
        seen["code"] = dialog.findChild(QLabel, "code").text()  # type: ignore[union-attr]
        seen["start"] = (dialog.name.text(), dialog.floors.value(), dialog.entrances.value())
        _set_spin(qtbot, dialog.floors, "10")  # 3-2-1501 and 3-2-1502 are on floor 15
        _ok(dialog, qtbot)
        seen["errors"] = dialog.errors.visible_messages()
        seen["still_open"] = dialog.isVisible()
        seen["floors_kept"] = dialog.floors.value()
        seen["focus_on_floors"] = dialog.focusWidget() is dialog.floors
        dialog.name.selectAll()
        type_text(qtbot, dialog.name, "三号楼")
        _set_spin(qtbot, dialog.floors, "16")
        _ok(dialog, qtbot)
        seen["result"] = dialog.result()

    _when_modal(edit)
    with qtbot.waitSignal(ui_ctx.hub.changed, timeout=5000):
        qtbot.keyClick(page.buildings, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert seen["start"] == ("3栋", 18, 2)
    assert seen["code"] == "3"
    assert seen["title"] in ("编辑楼栋", "Edit building")
    errors = seen["errors"]
    assert isinstance(errors, dict)
    assert list(errors) == ["floors"]
    assert "3-2-1501" in errors["floors"]  # the first blocking unit, by code
    assert "第 15 层" in errors["floors"]
    assert seen["still_open"] is True
    assert seen["floors_kept"] == 10  # nothing the clerk typed is lost
    assert seen["focus_on_floors"] is True
    assert seen["result"] == QDialog.DialogCode.Accepted

    # the list shows the new name at once, and the same building stays selected
    assert "三号楼" in page.buildings.item(1).text()
    assert page.buildings.currentRow() == 1
    assert page.model.building_id == small_estate.building_id
    saved = read(ui_ctx, lambda s: reg.get_building(s, small_estate.building_id))
    assert (saved.name, saved.floors, saved.code) == ("三号楼", 16, "3")


def test_button_and_context_menu_open_the_same_edit(
    qtbot: QtBot, ui_ctx: AppContext, small_estate: SmallEstate
) -> None:
    page = _page(qtbot, ui_ctx)
    rect = page.buildings.visualItemRect(page.buildings.item(1))
    menu = page.building_menu(rect.center())  # a right-click on building 3 selects it
    qtbot.addWidget(menu)
    assert page.buildings.currentRow() == 1
    assert page.edit_building_action in menu.actions()
    assert page.edit_building_action.isEnabled()
    assert page.edit_building_action.shortcut().toString() == "Ctrl+E"

    def cancel_after_entrance_error(dialog: BuildingDialog) -> None:
        _set_spin(qtbot, dialog.entrances, "1")  # 3-2-1501 and 3-2-1502 are in entrance 2
        _ok(dialog, qtbot)
        message = dialog.errors.visible_messages()["entrances"]
        assert "3-2-1501" in message  # the first blocking unit by code
        dialog.reject()

    _when_modal(cancel_after_entrance_error)
    qtbot.mouseClick(page.edit_building_button, Qt.MouseButton.LeftButton)
    saved = read(ui_ctx, lambda s: reg.get_building(s, small_estate.building_id))
    assert saved.entrances == 2  # cancelled: nothing saved


def test_edit_building_disabled_without_edit_registry(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    page = _page(qtbot, make_ctx(sqlite_db, actor=FINANCE))
    page.buildings.setCurrentRow(1)
    assert not page.edit_building_button.isEnabled()
    assert not page.edit_building_action.isEnabled()
    page.edit_building()  # a stray call opens nothing either
    assert QApplication.activeModalWidget() is None
    assert not page.building_button.isEnabled()


def test_stale_building_edit_is_a_clear_message(
    qtbot: QtBot, ui_ctx: AppContext, small_estate: SmallEstate
) -> None:
    dialog = BuildingDialog(ctx=ui_ctx, building_id=small_estate.building_id)
    qtbot.addWidget(dialog)
    dialog.show()
    with ui_ctx.db.begin(ui_ctx.actor) as s:  # another desk saves the building meanwhile
        reg.update_building(s, small_estate.building_id, expected_version=None, name="A座")
    dialog.name.setText("B座")
    _ok(dialog, qtbot)
    # Both desks changed the name: both versions side by side, the clerk's input kept.
    conflict = dialog.conflict_dialog
    assert conflict is not None
    assert [(r.key, r.theirs, r.mine) for r in conflict.rows if r.clash] == [("name", "A座", "B座")]
    assert dialog.name.text() == "B座"
    assert dialog.isVisible()
    qtbot.mouseClick(conflict.keep_mine, Qt.MouseButton.LeftButton)
    assert read(ui_ctx, lambda s: reg.get_building(s, small_estate.building_id)).name == "B座"
