"""The printing settings dialog: values stored for every desk; a refused value keeps the form."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from propdesk.auth.actor import Actor, Role
from propdesk.db.engine import Database
from propdesk.fees.settings import get_fee_settings
from tests.ui.helpers import SmallEstate, make_ctx
from ui.fees.print_settings import PrintSettingsDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
MANAGER = Actor(user_id=None, username="boss", display_name="经理", role=Role.MANAGER)


def test_printing_settings_are_saved_and_a_bad_value_keeps_the_form(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    ctx = make_ctx(sqlite_db, MANAGER)
    dialog = PrintSettingsDialog(ctx=ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.copies.text() == "存根联,客户联,记账联"
    dialog.copies.setText(" , ")
    dialog.save()
    assert dialog.isVisible()  # refused: no copy left
    assert "一联" in dialog.errors.labels["receipt_copies"].text()
    dialog.prefix.setText("翠物催字")
    dialog.gap.setValue(20)
    dialog.accounts.setPlainText("工商银行翠湖支行 户名：翠湖物业 账号：1202021209001234567")
    dialog.qr.setText("https://pay.example.com/cuihu")
    dialog.copies.setText("存根联，客户联")
    dialog.hotline.setText("0571-88880000")
    dialog.save()
    assert not dialog.isVisible()
    with sqlite_db.begin(MANAGER) as s:
        cfg = get_fee_settings(s)
    assert cfg.letter_prefix == "翠物催字"
    assert cfg.reminder_gap_days == 20
    assert cfg.copies() == ("存根联", "客户联")
    assert cfg.accounts() == ("工商银行翠湖支行 户名：翠湖物业 账号：1202021209001234567",)
    assert cfg.payment_qr == "https://pay.example.com/cuihu"
    assert cfg.supervision_hotline == "0571-88880000"
