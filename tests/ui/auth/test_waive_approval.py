"""A clerk waives part of a line on a manager's password typed in the waive dialog; the
approval is checked in the service (issue 14.3)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from propdesk.auth.actor import Actor
from propdesk.auth.users import authenticate
from propdesk.db.engine import Database
from propdesk.fees.charges import post_one_off_charge
from propdesk.fees.models import Waiver
from tests.ui.helpers import SmallEstate, make_ctx
from ui.fees.arrears_page import WaiveDialog
from ui.renovation.widgets import desk_today

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_clerk_waives_with_a_managers_password(
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
        clerk = authenticate(s, "clerk", "clerk123").actor
    assert clerk is not None
    dialog = WaiveDialog(ctx=make_ctx(sqlite_db, clerk), unit_id=small_estate.unit_101)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.approval is not None
    dialog.amount.setText("10.00")
    dialog.reason.setText("维修延误补偿")
    dialog.approval.username.setText("manager")
    dialog.approval.password.setText("wrong999")
    dialog.save()
    assert dialog.isVisible()
    assert "授权人用户名或密码不正确" in dialog.error.text()
    assert dialog.approval.password.text() == ""
    dialog.approval.password.setText("manager123")
    with qtbot.waitSignal(dialog.accepted):
        dialog.save()
    with sqlite_db.begin() as s:
        waivers = s.scalars(select(Waiver)).all()
        assert [(w.amount_fen, w.approved_by) for w in waivers] == [(1_000, "王经理")]
