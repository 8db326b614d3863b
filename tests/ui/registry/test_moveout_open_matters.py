"""Moving out from the unit page names the unit's unpaid bills and held deposits first.

The tryout of issue #19 moved the occupant of a unit ¥1,181.58 overdue out with the reason and
Enter, without a word about the debt. Now the dialog shows a warning line and Enter asks to
confirm (Back by default); a unit with nothing open moves out as before, without a question.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from propdesk import clock
from propdesk.db.engine import Database
from propdesk.deposits.ledger import receive_deposit
from propdesk.fees.charges import post_one_off_charge
from propdesk.keys import services as keys
from propdesk.registry import services as reg
from propdesk.registry.values import OccupancyInfo
from tests.ui.helpers import SUPERVISOR, SmallEstate, read, type_text
from ui.context import AppContext
from ui.registry.dialogs import EndOccupancyDialog
from ui.renovation.widgets import desk_today

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _tenant(ctx: AppContext, unit_id: int) -> OccupancyInfo:
    current = read(ctx, lambda s: reg.get_unit_dossier(s, unit_id)).current
    return next(o for o in current if o.person_name == "李四")


def _still_living(ctx: AppContext, unit_id: int) -> list[str]:
    return [o.person_name for o in read(ctx, lambda s: reg.get_unit_dossier(s, unit_id)).current]


def _owner_moved_away(db: Database, ctx: AppContext, unit_id: int) -> None:
    """张三 (the owner) left earlier: 李四, the tenant, is the household now."""
    current = read(ctx, lambda s: reg.get_unit_dossier(s, unit_id)).current
    owner = next(o for o in current if o.person_name == "张三")
    with db.begin(SUPERVISOR) as s:
        reg.end_occupancy(s, owner.id, end_date=desk_today(), reason="出售")


def _open(qtbot: QtBot, ctx: AppContext, unit_id: int) -> EndOccupancyDialog:
    dialog = EndOccupancyDialog(ctx=ctx, occupancy=_tenant(ctx, unit_id))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    type_text(qtbot, dialog.reason, "租约到期")
    return dialog


def test_arrears_are_shown_and_moving_out_needs_a_confirmation(
    qtbot: QtBot, ui_ctx: AppContext, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    unit = small_estate.unit_1502
    with sqlite_db.begin(SUPERVISOR) as s:
        post_one_off_charge(
            s,
            unit_id=unit,
            amount_fen=118_158,
            description="有偿维修",
            source="test",
            source_id=1,
            on=desk_today() - timedelta(days=45),
        )
        receive_deposit(s, kind="key", unit_id=unit, amount_fen=20_000, method="cash")
    _owner_moved_away(sqlite_db, ui_ctx, unit)
    dialog = _open(qtbot, ui_ctx, unit)
    assert dialog.warning.isVisible()
    assert "overdue ¥1,181.58" in dialog.warning.text()
    assert "deposits held ¥200.00" in dialog.warning.text()
    assert dialog.warning.height() >= dialog.warning.heightForWidth(dialog.warning.width())

    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    box = dialog.confirm_box
    assert box is not None
    assert box.isVisible()
    assert "overdue ¥1,181.58" in box.text()
    assert "李四" in box.text()
    qtbot.keyClick(box, Qt.Key.Key_Return)  # the default is Back
    assert dialog.confirm_box is None
    assert dialog.isVisible()
    assert _still_living(ui_ctx, unit) == ["李四"]
    assert dialog.reason.text() == "租约到期"  # the input stays

    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    box = dialog.confirm_box
    assert box is not None
    go = next(b for b in box.buttons() if b is not box.defaultButton())
    go.setFocus()
    qtbot.keyClick(go, Qt.Key.Key_Space)
    assert not dialog.isVisible()
    assert _still_living(ui_ctx, unit) == []


def test_keys_the_desk_holds_are_named_and_need_a_confirmation(
    qtbot: QtBot, ui_ctx: AppContext, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    """No money open, but the desk holds two deposits of the unit's keys, one lent out."""
    unit = small_estate.unit_1502
    now = clock.now()
    with sqlite_db.begin(SUPERVISOR) as s:
        keys.deposit_key(s, unit_id=unit, deposited_by="张三", authorised="张三", key_count=2)
        lent = keys.deposit_key(s, unit_id=unit, deposited_by="李四", authorised="李四、周工")
        keys.lend_key(
            s,
            deposit_id=lent,
            borrower="周工",
            due_at=now + timedelta(hours=3),
            signature="周工",
            at=now - timedelta(hours=1),
        )
        gone = keys.deposit_key(s, unit_id=unit, deposited_by="张三", authorised="张三")
        keys.withdraw_key(s, deposit_id=gone, withdrawn_by="张三")  # handed back: not counted
    _owner_moved_away(sqlite_db, ui_ctx, unit)
    dialog = _open(qtbot, ui_ctx, unit)
    assert dialog.warning.isVisible()
    assert "3 key(s) in the desk's custody" in dialog.warning.text()
    assert "1 key(s) lent out, not returned" in dialog.warning.text()
    assert "¥" not in dialog.warning.text()

    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    box = dialog.confirm_box
    assert box is not None
    assert "3 key(s) in the desk's custody" in box.text()
    qtbot.keyClick(box, Qt.Key.Key_Return)  # the default is Back
    assert dialog.isVisible()
    assert _still_living(ui_ctx, unit) == ["李四"]


def test_no_open_bills_moves_out_without_a_question(
    qtbot: QtBot, ui_ctx: AppContext, small_estate: SmallEstate
) -> None:
    dialog = _open(qtbot, ui_ctx, small_estate.unit_1502)
    assert not dialog.warning.isVisible()
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert dialog.confirm_box is None
    assert not dialog.isVisible()
    assert _still_living(ui_ctx, small_estate.unit_1502) == ["张三"]


def test_one_of_the_household_leaving_is_not_asked_about_the_units_bills(
    qtbot: QtBot, ui_ctx: AppContext, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    """The unit owes money, but 张三 (the owner) stays: the tenant 李四 moving out is not
    asked to settle the unit's bills (a family member leaving does not settle the unit)."""
    unit = small_estate.unit_1502
    with sqlite_db.begin(SUPERVISOR) as s:
        post_one_off_charge(
            s,
            unit_id=unit,
            amount_fen=50_000,
            description="有偿维修",
            source="test",
            source_id=2,
            on=desk_today() - timedelta(days=45),
        )
    dialog = _open(qtbot, ui_ctx, unit)
    qtbot.waitUntil(lambda: dialog.matters is not None, timeout=2000)
    assert not dialog.warning.isVisible()
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert dialog.confirm_box is None
    assert not dialog.isVisible()
    assert _still_living(ui_ctx, unit) == ["张三"]
