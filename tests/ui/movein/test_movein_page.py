"""Move-in checklist saved half-done and completed; a double-booked moving slot refused;
move-out refused with arrears for a clerk and recorded with a manager's waiver."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from propdesk.auth.actor import Actor, Role
from propdesk.db.engine import Database
from propdesk.fees.charges import post_one_off_charge
from propdesk.registry import services as reg
from tests.ui.helpers import CLERK, SmallEstate, make_ctx, type_text
from ui.movein.checklist_dialog import MoveInDialog
from ui.movein.moving_tab import BookingDialog
from ui.movein.page import MoveInPage
from ui.printing.preview import PdfPreviewDialog
from ui.renovation.widgets import desk_today

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
MANAGER = Actor(user_id=None, username="mgr", display_name="王经理", role=Role.MANAGER)


def _close_previews() -> list[str]:
    """Titles of the open print previews, which are then closed."""
    previews = [w for w in QApplication.topLevelWidgets() if isinstance(w, PdfPreviewDialog)]
    titles = [w.windowTitle() for w in previews if w.isVisible()]
    for w in previews:
        w.close()
    return titles


def _pick(qtbot: QtBot, picker: object, code: str) -> None:
    box = picker.box  # type: ignore[attr-defined]
    qtbot.keyClicks(box, code)
    qtbot.keyClick(box, Qt.Key.Key_Return)


def test_checklist_half_done_then_complete(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    page = MoveInPage(ctx=make_ctx(sqlite_db, CLERK))
    qtbot.addWidget(page)
    page.show()
    qtbot.mouseClick(page.moveins.new_button, Qt.MouseButton.LeftButton)
    dlg = page.moveins.dialog
    assert isinstance(dlg, MoveInDialog)
    _pick(qtbot, dlg.unit, "1501")
    assert dlg.unit.unit_id == small_estate.unit_1501
    type_text(qtbot, dlg.person_name, "赵六")
    qtbot.keyClicks(dlg.person_phone, "13511112222")
    dlg.documents.setChecked(True)
    qtbot.keyClicks(dlg.water, "123.4")
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert dlg.info is not None
    assert dlg.info.status == "draft"
    assert "费用结清" in dlg.missing.text()
    assert page.moveins.model.rowCount() == 1

    qtbot.mouseClick(dlg.complete_button, Qt.MouseButton.LeftButton)  # refused: items missing
    assert "电表底数" in dlg.errors.visible_messages()[""]
    with sqlite_db.begin(CLERK) as s:
        assert reg.get_unit_dossier(s, small_estate.unit_1501).current == ()
    dlg.close()

    # resume the saved checklist from the list (Enter) and finish it
    page.moveins.table.selectRow(0)
    qtbot.keyClick(page.moveins.table, Qt.Key.Key_Return)
    dlg = page.moveins.dialog
    assert isinstance(dlg, MoveInDialog)
    assert dlg.water.text() == "123.40"
    assert dlg.documents.isChecked()
    dlg.fees.setChecked(True)
    qtbot.keyClicks(dlg.electricity, "4567")
    dlg.key_spins["入户门钥匙"].setValue(3)
    qtbot.keyClicks(dlg.cards, "A001,A002")
    dlg.signed.setChecked(True)
    qtbot.mouseClick(dlg.complete_button, Qt.MouseButton.LeftButton)
    assert dlg.info is not None
    assert dlg.info.status == "completed", dlg.errors.visible_messages()
    assert not dlg.complete_button.isEnabled()
    with sqlite_db.begin(CLERK) as s:
        current = reg.get_unit_dossier(s, small_estate.unit_1501).current
    assert [o.person_name for o in current] == ["赵六"]
    # the handover form and the notice print
    for button in (dlg.handover_button, dlg.notice_button):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    titles = _close_previews()
    assert any("3-2-1501" in t for t in titles)
    assert len(titles) == 2


def test_double_booking_refused(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    page = MoveInPage(ctx=make_ctx(sqlite_db, CLERK))
    qtbot.addWidget(page)
    page.show()
    tab = page.moving
    page.tabs.setCurrentWidget(tab)
    for code, ok in (("1502", True), ("1501", False)):
        qtbot.mouseClick(tab.book_button, Qt.MouseButton.LeftButton)
        dlg = tab.dialog
        assert isinstance(dlg, BookingDialog)
        _pick(qtbot, dlg.unit, code)
        if not dlg.contact.text():
            type_text(qtbot, dlg.contact, "赵六")
        qtbot.mouseClick(
            dlg.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
        )
        if ok:
            assert not dlg.isVisible()
        else:
            assert "3-2-1502" in dlg.errors.visible_messages()[""]
            dlg.reject()
    assert tab.model.rowCount() == 1
    assert tab.model.index(0, 1).data() == "3-2-1502"
    qtbot.mouseClick(tab.print_button, Qt.MouseButton.LeftButton)
    assert len(_close_previews()) == 1


def test_move_out_needs_manager_waiver(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    with sqlite_db.begin(MANAGER) as s:
        post_one_off_charge(
            s,
            unit_id=small_estate.unit_101,
            amount_fen=8_800,
            description="有偿维修",
            source="test",
            source_id=1,
            on=desk_today() - timedelta(days=45),
        )
    for ctx_actor in (CLERK, MANAGER):
        page = MoveInPage(ctx=make_ctx(sqlite_db, ctx_actor))
        qtbot.addWidget(page)
        page.show()
        tab = page.moveout
        page.tabs.setCurrentWidget(tab)
        _pick(qtbot, tab.unit, "3-1-101")
        assert "88.00" in tab.arrears_label.text()
        assert tab.occupant.currentText().startswith("王五")
        qtbot.keyClicks(tab.water, "500")
        qtbot.keyClicks(tab.electricity, "900.5")
        tab.keys_returned.setValue(2)
        if ctx_actor is CLERK:
            assert tab.approval is not None  # a clerk's release needs a manager's password
            qtbot.mouseClick(tab.record_button, Qt.MouseButton.LeftButton)
            assert "须结清或经理批准" in tab.errors.visible_messages()[""]
            assert not tab.print_button.isEnabled()
        else:
            type_text(qtbot, tab.waiver, "业主已承诺月底转账")
            qtbot.mouseClick(tab.record_button, Qt.MouseButton.LeftButton)
            assert "FX" in tab.message.text()
            assert tab.print_button.isEnabled()
            qtbot.mouseClick(tab.print_button, Qt.MouseButton.LeftButton)
            assert [t for t in _close_previews() if "FX" in t]
            assert tab.history.rowCount() == 1
            assert tab.history.index(0, 5).data() == "王经理"
            tab.history_table.selectRow(0)
            qtbot.keyClick(tab.history_table, Qt.Key.Key_Return)  # reprint
            assert len(_close_previews()) == 1
    with sqlite_db.begin(CLERK) as s:
        dossier = reg.get_unit_dossier(s, small_estate.unit_101)
    ended = [o for o in (*dossier.current, *dossier.history) if o.end_date is not None]
    assert [o.person_name for o in ended] == ["王五"]


def test_move_out_form_resets_so_it_cannot_be_repeated(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    page = MoveInPage(ctx=make_ctx(sqlite_db, MANAGER))
    qtbot.addWidget(page)
    page.show()
    tab = page.moveout
    page.tabs.setCurrentWidget(tab)
    _pick(qtbot, tab.unit, "3-2-1502")  # 张三 and 李四 live here
    assert tab.occupant.count() == 2
    assert tab.record_button.isEnabled()
    qtbot.keyClicks(tab.water, "500")
    qtbot.keyClicks(tab.electricity, "900")
    qtbot.mouseClick(tab.record_button, Qt.MouseButton.LeftButton)
    assert "FX" in tab.message.text()
    # The form is empty; the next family member is not pre-selected for a second move-out.
    assert tab.unit.unit_id is None
    assert tab.occupant.count() == 0
    assert tab.water.text() == tab.electricity.text() == ""
    assert not tab.record_button.isEnabled()
    assert tab.print_button.isEnabled() and tab.focusWidget() is tab.print_button
    with sqlite_db.begin(MANAGER) as s:
        dossier = reg.get_unit_dossier(s, small_estate.unit_1502)
    assert sum(o.end_date is not None for o in (*dossier.current, *dossier.history)) == 1
    # Choosing a unit again turns Record back on.
    _pick(qtbot, tab.unit, "3-2-1502")
    assert tab.occupant.count() == 1 and tab.record_button.isEnabled()
