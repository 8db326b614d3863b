"""The unit's renovation-and-keys panel, and the violation-types settings dialog."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from propdesk import clock
from propdesk.auth.actor import Actor, Role
from propdesk.db.engine import Database
from propdesk.keys import services as keys
from propdesk.renovation import inspections, permits
from propdesk.renovation.values import PermitApplication
from tests.ui.helpers import CLERK, SmallEstate, make_ctx, type_text
from ui.renovation.dialogs import ApplicationDialog
from ui.renovation.page import attention_label, count_attention
from ui.renovation.settings_dialog import ViolationTypesDialog, can_manage
from ui.renovation.unit_panel import RenovationKeysPanel
from ui.renovation.widgets import desk_today

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
MANAGER = Actor(user_id=None, username="mgr", display_name="王经理", role=Role.MANAGER)


def test_unit_panel_lists_permits_and_keys(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    uid = small_estate.unit_1502
    now = clock.now()
    with sqlite_db.begin(CLERK) as s:
        permits.apply_for_permit(
            s,
            PermitApplication(
                unit_id=uid,
                owner_name="张三",
                contractor="安居装饰",
                scope="刷墙",
                planned_start=desk_today(),
                planned_end=desk_today() + timedelta(days=20),
                deposit_fen=0,
            ),
        )
        dep = keys.deposit_key(
            s, unit_id=uid, deposited_by="张三", authorised="张三、周工", at=now - timedelta(days=1)
        )
        keys.lend_key(
            s,
            deposit_id=dep,
            borrower="周工",
            due_at=now - timedelta(minutes=30),
            signature="周工",
            at=now - timedelta(hours=2),
        )
    panel = RenovationKeysPanel(ctx=make_ctx(sqlite_db, CLERK), unit_id=uid)
    qtbot.addWidget(panel)
    assert "待审批" in panel.permits_text.text() or "Awaiting approval" in panel.permits_text.text()
    assert "K0001" in panel.keys_text.text()
    assert "周工" in panel.keys_text.text()
    assert "OVERDUE" in panel.keys_text.text()
    qtbot.mouseClick(panel.apply_button, Qt.MouseButton.LeftButton)
    assert isinstance(panel.dialog, ApplicationDialog)
    assert panel.dialog.unit.unit_id == uid
    panel.dialog.reject()


def test_violation_types_dialog(qtbot: QtBot, sqlite_db: Database) -> None:
    assert not can_manage(make_ctx(sqlite_db, CLERK))
    ctx = make_ctx(sqlite_db, MANAGER)
    assert can_manage(ctx)
    dialog = ViolationTypesDialog(ctx=ctx)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 5
    qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.code, "smoking")
    type_text(qtbot, dialog.name, "现场吸烟")
    dialog.days.setValue(0)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.model.rowCount() == 6
    dialog.table.selectRow(0)
    assert dialog.code.text() == "working_hours"
    dialog.active.setChecked(False)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with sqlite_db.begin(CLERK) as s:
        codes = [t.code for t in inspections.list_violation_types(s)]
    assert codes == ["load_bearing", "debris", "fire_safety", "noise", "smoking"]


def attention_counter_text(db: Database) -> str:
    """The status bar's figure, counted as the main window counts it."""
    with db.begin(MANAGER) as s:
        return attention_label(count_attention(s))


def test_status_counter_counts_what_needs_attention(
    sqlite_db: Database, small_estate: SmallEstate
) -> None:
    assert attention_counter_text(sqlite_db) == ""
    with sqlite_db.begin(MANAGER) as s:
        pid = permits.apply_for_permit(
            s,
            PermitApplication(
                unit_id=small_estate.unit_1501,
                owner_name="李四",
                contractor="安居装饰",
                scope="刷墙",
                planned_start=desk_today() - timedelta(days=30),
                planned_end=desk_today() - timedelta(days=1),
                deposit_fen=0,
            ),
        )
        permits.approve_permit(s, pid)
    assert attention_counter_text(sqlite_db) == (
        "Renovation: 1 overdue, 0 expiring, 1 to inspect, 0 violations past deadline"
    )
