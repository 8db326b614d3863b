"""A callback records only what the resident said: every rating and "fixed?" is required."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from propdesk.db.engine import Database
from propdesk.errors import ValidationError
from propdesk.tickets import services as svc
from propdesk.tickets.models import Ticket, TicketCallback, TicketEvent
from tests.propdesk.tickets.helpers import CLERK, category_id, make_desk

T0 = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)


def _done(db: Database) -> int:
    desk = make_desk(db)
    intake = svc.Intake(
        kind="repair",
        category_id=category_id(db, "repair", "plumbing"),
        description="卫生间地漏堵塞",
        unit_id=desk.unit_id,
        person_id=desk.person_id,
    )
    with db.begin(CLERK) as s:
        tid = svc.create_ticket(s, intake, at=T0).id
        svc.dispatch(s, tid, staff_id=desk.plumber_id, at=T0 + timedelta(minutes=3))
        svc.start(s, tid, at=T0 + timedelta(minutes=40))
        svc.complete(s, tid, work_done="疏通地漏", at=T0 + timedelta(hours=2))
    return tid


def _counts(db: Database, tid: int) -> tuple[str, int, int]:
    with db.begin(CLERK) as s:
        status = str(s.scalar(select(Ticket.status).where(Ticket.id == tid)))
        cbs = s.scalar(select(func.count()).where(TicketCallback.ticket_id == tid)) or 0
        events = s.scalar(select(func.count()).where(TicketEvent.ticket_id == tid)) or 0
    return status, cbs, events


@pytest.mark.parametrize(
    ("scores", "field", "message"),
    [
        ({"overall": None, "speed": 4, "attitude": 4}, "overall", "请选择总体评价评分（1–5分）。"),
        ({"overall": 4, "speed": None, "attitude": 4}, "speed", "请选择处理速度评分（1–5分）。"),
        ({"overall": 4, "speed": 4, "attitude": None}, "attitude", "请选择服务态度评分（1–5分）。"),
        ({"overall": 4, "speed": 0, "attitude": 4}, "speed", "处理速度评分应为1到5分。"),
    ],
)  # fmt: skip
def test_a_callback_without_a_score_is_refused(
    db: Database, scores: dict[str, int | None], field: str, message: str
) -> None:
    tid = _done(db)
    before = _counts(db, tid)
    with pytest.raises(ValidationError) as raised, db.begin(CLERK) as s:
        svc.callback(s, tid, fixed=True, **scores)  # type: ignore[arg-type]
    assert (raised.value.field, raised.value.message) == (field, message)
    assert _counts(db, tid) == before == ("done", 0, before[2])


def test_a_callback_without_fixed_or_not_is_refused(db: Database) -> None:
    tid = _done(db)
    before = _counts(db, tid)
    with pytest.raises(ValidationError) as raised, db.begin(CLERK) as s:
        svc.callback(s, tid, overall=5, speed=5, attitude=5, fixed=None)
    assert (raised.value.field, raised.value.message) == ("fixed", "请选择问题是否已解决。")
    assert _counts(db, tid) == before
    with db.begin(CLERK) as s:
        assert not svc.callback(s, tid, overall=5, speed=4, attitude=5, fixed=True)
    status, cbs, _events = _counts(db, tid)
    assert (status, cbs) == ("called_back", 1)
