"""The ticket page's conditions, decided in the core."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from propdesk.db.engine import Database
from propdesk.privacy import mask_phone
from propdesk.tickets import services as svc
from propdesk.tickets.queries import ticket_detail
from propdesk.tickets.rules import is_masked_phone, met_late, page_actions
from tests.propdesk.tickets.helpers import CLERK, category_id


def test_page_actions_follow_status_kind_and_permission(sqlite_db: Database) -> None:
    with sqlite_db.begin(CLERK) as s:
        intake = svc.Intake(
            kind="repair",
            category_id=category_id(sqlite_db, "repair", "plumbing"),
            description="水龙头坏了",
            location="3栋大堂",
            reporter_name="张三",
        )
        t = ticket_detail(s, svc.create_ticket(s, intake).id)
    received = page_actions(t, may_approve=False)
    assert {"dispatch", "cancel", "costs", "print", "note", "attach"} <= received
    assert not {"findings", "quality", "complete"} & received
    closed = replace(t, status="closed")
    assert "quality" in page_actions(closed, may_approve=True)
    assert "quality" not in page_actions(closed, may_approve=False)
    assert "costs" not in page_actions(closed, may_approve=True)
    complaint = replace(t, kind="complaint")
    assert "findings" in page_actions(complaint, may_approve=False)
    cancelled = replace(complaint, status="cancelled")
    assert not {"findings", "print"} & page_actions(cancelled, may_approve=False)


def test_met_late_and_masked_phone() -> None:
    due = datetime(2026, 6, 15, 2, 0, tzinfo=UTC)
    assert not met_late(due, None)
    assert not met_late(due, due)
    assert met_late(due, due + timedelta(minutes=1))
    assert is_masked_phone(mask_phone("13812345678"))
    assert not is_masked_phone("13812345678")
