"""Confirming a letter's delivery by hand logs it with its channel; a future date is refused."""

from __future__ import annotations

from datetime import timedelta

from propdesk import clock
from propdesk.db.engine import Database
from propdesk.fees.notices import list_notices
from tests.ui.helpers import CLERK, SmallEstate, make_ctx
from ui.common.dates import to_qdate
from ui.fees.delivery_dialog import DeliveryDialog


def test_a_letter_handed_over_is_logged_with_its_channel(
    qtbot: object, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    ctx = make_ctx(sqlite_db, CLERK)
    unit = small_estate.unit_1502
    dialog = DeliveryDialog(ctx=ctx, unit_id=unit, unit_code="3-2-1502")
    today = clock.today()
    dialog.day.setDate(to_qdate(today + timedelta(days=1)))
    dialog.save()
    assert "不能晚于今天" in dialog.error.text()
    dialog.day.setDate(to_qdate(today))
    dialog.number.setText("翠物催字〔2026〕第007号")
    dialog.save()
    with sqlite_db.begin(CLERK) as s:
        logged = list_notices(s, unit)
    assert [(n.title, n.channel_zh, n.doc_no) for n in logged] == [
        ("第一次催缴函", "当面送达", "翠物催字〔2026〕第007号")
    ]
    dialog.deleteLater()
