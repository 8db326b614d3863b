"""Random action sequences never leave the state diagram, and each transition is one event."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from propdesk.db.engine import Database
from propdesk.errors import InvalidTransition
from propdesk.tickets import services as svc
from propdesk.tickets.models import Ticket, TicketEvent
from propdesk.tickets.values import TicketStatus
from propdesk.tickets.workflow import ALLOWED_EDGES, TRANSITIONS, Action
from tests.propdesk.tickets.helpers import CLERK, Desk, category_id, make_desk

_DESKS: dict[str, Desk] = {}

ACTIONS = [
    "dispatch",
    "start",
    "complete",
    "callback_ok",
    "callback_bad",
    "not_fixed",
    "close",
    "cancel",
]
ACTION_OF = {
    "dispatch": Action.DISPATCH,
    "start": Action.START,
    "complete": Action.COMPLETE,
    "callback_ok": Action.CALLBACK,
    "callback_bad": Action.REOPEN,
    "not_fixed": Action.REOPEN,
    "close": Action.CLOSE,
    "cancel": Action.CANCEL,
}


def _do(s, tid: int, name: str, staff_id: int, at: datetime) -> bool:
    """Perform ``name``; returns whether the ticket was reopened by it."""
    if name == "dispatch":
        svc.dispatch(s, tid, staff_id=staff_id, at=at)
    elif name == "start":
        svc.start(s, tid, at=at)
    elif name == "complete":
        svc.complete(s, tid, work_done="已处理", at=at)
    elif name == "callback_ok":
        return svc.callback(s, tid, overall=5, speed=4, attitude=5, at=at)
    elif name == "callback_bad":
        return svc.callback(s, tid, overall=2, speed=3, attitude=3, at=at)
    elif name == "not_fixed":
        return svc.callback(s, tid, overall=4, speed=4, attitude=4, fixed=False, at=at)
    elif name == "close":
        svc.close(s, tid, at=at)
    elif name == "cancel":
        svc.cancel(s, tid, reason="业主自行解决", at=at)
    return False


@pytest.mark.parametrize("db", ["sqlite"], indirect=True)
@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(steps=st.lists(st.sampled_from(ACTIONS), min_size=1, max_size=14))
def test_random_sequences_follow_the_diagram(db: Database, steps: list[str]) -> None:
    # Hypothesis runs every example on the same database: set the desk up once per database.
    desk = _DESKS.get(db.url) or _DESKS.setdefault(db.url, make_desk(db))
    cat = category_id(db, "repair", "plumbing")
    at = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    with db.begin(CLERK) as s:
        tid = svc.create_ticket(
            s,
            svc.Intake(
                kind="repair",
                category_id=cat,
                description="厨房水管漏水",
                unit_id=desk.unit_id,
                person_id=desk.person_id,
            ),
            at=at,
        ).id
    reopens = 0
    for i, name in enumerate(steps):
        with db.begin(CLERK) as s:
            before = s.get(Ticket, tid)
            assert before is not None
            status_before = TicketStatus(before.status)
            events_before = s.scalar(select(func.count()).where(TicketEvent.ticket_id == tid))
        sources, target = TRANSITIONS[ACTION_OF[name]]
        expected_ok = status_before in sources
        try:
            with db.begin(CLERK) as s:
                reopened = _do(s, tid, name, desk.plumber_id, at + timedelta(minutes=10 * (i + 1)))
        except InvalidTransition:
            assert not expected_ok, f"{name} refused from {status_before}"
            reopened = False
        else:
            assert expected_ok, f"{name} allowed from {status_before}"
        with db.begin(CLERK) as s:
            after = s.get(Ticket, tid)
            assert after is not None
            status_after = TicketStatus(after.status)
            events_after = s.scalar(select(func.count()).where(TicketEvent.ticket_id == tid))
            if expected_ok:
                assert status_after == target
                assert (status_before, status_after) in ALLOWED_EDGES
                assert events_after == events_before + 1
                last = s.scalars(
                    select(TicketEvent)
                    .where(TicketEvent.ticket_id == tid)
                    .order_by(TicketEvent.id.desc())
                ).first()
                assert last is not None
                assert (last.from_status, last.to_status) == (
                    status_before.value,
                    status_after.value,
                )
                assert last.actor_name == CLERK.display_name
            else:
                assert status_after == status_before
                assert events_after == events_before
            reopens += int(reopened)
            assert after.reopen_count == reopens


def test_diagram_has_no_exit_from_closed_or_cancelled() -> None:
    sources = {src for src, _dst in ALLOWED_EDGES}
    assert TicketStatus.CLOSED not in sources
    assert TicketStatus.CANCELLED not in sources
    assert (TicketStatus.DONE, TicketStatus.DISPATCHED) in ALLOWED_EDGES  # reopen
    assert (TicketStatus.RECEIVED, TicketStatus.DONE) not in ALLOWED_EDGES
