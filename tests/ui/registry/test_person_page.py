"""The person page and the other registry dialogs (building, estate info)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel
from pytestqt.qtbot import QtBot

from propdesk.db.engine import Database
from propdesk.registry import services as reg
from propdesk.registry.models import Person
from tests.ui.helpers import CLERK, SUPERVISOR, SmallEstate, make_ctx, read
from ui.context import AppContext
from ui.registry import labels
from ui.registry.dialogs import BuildingDialog, EstateDialog, PersonDialog
from ui.registry.person_page import PersonPage

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _ok(qtbot: QtBot, dialog: QDialog) -> None:
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),  # type: ignore[attr-defined]
        Qt.MouseButton.LeftButton,
    )


def test_person_page_lists_units_and_enter_opens_one(
    qtbot: QtBot, ui_ctx: AppContext, small_estate: SmallEstate
) -> None:
    page = PersonPage(ctx=ui_ctx, person_id=small_estate.zhang_san)
    qtbot.addWidget(page)
    page.show()
    assert page.title.text() == "张三"
    assert page.subtitle.text() == "3-2-1502"
    assert page.facts.values["phone"].text() == "13812345678"
    assert page.units_model.index(0, 1).data() == labels.role("owner")
    with qtbot.waitSignal(page.open_record) as opened:
        page.units.setFocus()
        page.units.selectRow(0)
        qtbot.keyClick(page.units, Qt.Key.Key_Return)
    assert opened.args == ["unit", small_estate.unit_1502]


def test_clerk_sees_masked_phone_and_edit_keeps_it(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    ctx = make_ctx(sqlite_db, actor=CLERK)
    page = PersonPage(ctx=ctx, person_id=small_estate.zhang_san)
    qtbot.addWidget(page)
    page.show()  # a hidden page only marks itself stale on a change
    assert page.facts.values["phone"].text() == "138****5678"
    dialog = PersonDialog(ctx=ctx, person_id=small_estate.zhang_san)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.phone.text() == "138****5678"
    dialog.notes.setPlainText("常住")
    _ok(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert page.facts.values["notes"].text() == "常住"  # the page refreshed on the change
    with sqlite_db.begin() as s:
        person = s.get(Person, small_estate.zhang_san)
        assert person is not None
        assert person.phone == "13812345678"  # the masked value sent back changed nothing


def test_building_dialog_inline_error_then_create(
    qtbot: QtBot, ui_ctx: AppContext, small_estate: SmallEstate
) -> None:
    dialog = BuildingDialog(ctx=ui_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.code, "3")
    _ok(qtbot, dialog)
    assert "已存在" in dialog.errors.visible_messages()["code"]
    dialog.code.setText("5")
    _ok(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    names = [b.name for b in read(ui_ctx, reg.list_buildings)]
    assert names == ["3栋", "5栋"]


def test_estate_dialog_saves_and_shows_bad_phone(
    qtbot: QtBot, ui_ctx: AppContext, small_estate: SmallEstate
) -> None:
    dialog = EstateDialog(ctx=ui_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.name.text() == "翠湖花园"
    qtbot.keyClicks(dialog.phone, "12")
    _ok(qtbot, dialog)
    assert list(dialog.errors.visible_messages()) == ["phone"]
    dialog.phone.setText("0755-12345678")
    _ok(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert read(ui_ctx, reg.get_estate).phone == "0755-12345678"


def test_personal_data_is_said_once_and_the_phones_as_the_role_may_see_them(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    """A new-user walk-through: a manager saw the phones in full under 联系方式 and masked
    again under 个人信息 with a logged "show in full" — a reveal that protected nothing.
    The phones are in the contact facts (as the role may see them); the personal-data panel
    holds the ID number alone, masked, with its audited reveal."""
    from ui.auth.personal_data import PersonalDataPanel

    for actor, phone in ((SUPERVISOR, "13812345678"), (CLERK, "138****5678")):
        page = PersonPage(ctx=make_ctx(sqlite_db, actor=actor), person_id=small_estate.zhang_san)
        qtbot.addWidget(page)
        assert page.facts.values["phone"].text() == phone
        assert "id_number" not in page.facts.values
        panel = page.findChild(PersonalDataPanel, "panel_personal_data")
        assert panel is not None
        texts = [label.text() for label in panel.findChildren(QLabel)]
        assert not any("138" in t for t in texts), texts  # no phone repeated in the panel
