"""A clerk releases a move-out with arrears on a manager's password typed at the desk: the
manager's approval is checked in the service (issue 14.3); a wrong password keeps the form."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from propdesk.auth.actor import Actor
from propdesk.auth.users import authenticate
from propdesk.db.engine import Database
from propdesk.fees.charges import post_one_off_charge
from tests.ui.helpers import SmallEstate, make_ctx, type_text
from ui.movein.page import MoveInPage
from ui.renovation.widgets import desk_today

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_clerk_releases_with_a_managers_password(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate, desk_users: dict[str, int]
) -> None:
    with sqlite_db.begin(Actor.system()) as s:
        post_one_off_charge(
            s,
            unit_id=small_estate.unit_101,
            amount_fen=8_800,
            description="有偿维修",
            source="test",
            source_id=1,
            on=desk_today() - timedelta(days=45),
        )
    with sqlite_db.begin() as s:
        clerk = authenticate(s, "clerk", "clerk123").actor
    assert clerk is not None
    page = MoveInPage(ctx=make_ctx(sqlite_db, clerk))
    qtbot.addWidget(page)
    page.show()
    tab = page.moveout
    page.tabs.setCurrentWidget(tab)
    qtbot.keyClicks(tab.unit.box, "3-1-101")
    qtbot.keyClick(tab.unit.box, Qt.Key.Key_Return)
    qtbot.keyClicks(tab.water, "500")
    qtbot.keyClicks(tab.electricity, "900.5")
    type_text(qtbot, tab.waiver, "业主已承诺月底转账")
    assert tab.approval is not None
    qtbot.keyClicks(tab.approval.username, "manager")
    qtbot.keyClicks(tab.approval.password, "wrong999")
    qtbot.mouseClick(tab.record_button, Qt.MouseButton.LeftButton)
    assert "授权人用户名或密码不正确" in tab.errors.general.text()
    assert tab.approval.password.text() == ""
    assert tab.waiver.text() == "业主已承诺月底转账"  # the form is kept
    assert not tab.print_button.isEnabled()
    qtbot.keyClicks(tab.approval.password, "manager123")
    qtbot.mouseClick(tab.record_button, Qt.MouseButton.LeftButton)
    assert "FX" in tab.message.text()
    assert tab.history.rowCount() == 1
    assert tab.history.index(0, 5).data() == "王经理"  # released by the manager
