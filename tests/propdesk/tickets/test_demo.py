"""The demo's tickets follow the diagram, span a year and every state, and numbering continues."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date

from sqlalchemy import func, select

from propdesk.auth.actor import Actor
from propdesk.auth.demo import build_users
from propdesk.db.engine import Database
from propdesk.demo.registry import build_registry
from propdesk.demo.steps import DemoContext
from propdesk.tickets import services as svc
from propdesk.tickets.demo import build_tickets
from propdesk.tickets.models import Ticket, TicketEvent
from propdesk.tickets.values import TicketStatus
from propdesk.tickets.workflow import ALLOWED_EDGES
from tests.propdesk.tickets.helpers import CLERK


def test_demo_tickets_are_consistent(sqlite_db: Database) -> None:
    # Only the steps this one reads from (registry, users), then the tickets step.
    with sqlite_db.begin(Actor.system()) as s:
        ctx = DemoContext(rng=random.Random(3), today=date(2026, 11, 23), units=600)
        build_registry(s, ctx)
        build_users(s, ctx)
        build_tickets(s, ctx)
    with sqlite_db.begin(CLERK) as s:
        tickets = s.execute(
            select(Ticket.id, Ticket.status, Ticket.period, Ticket.number, Ticket.kind)
        ).all()
        events: dict[int, list[tuple[str, str, str]]] = defaultdict(list)
        for tid, action, src, dst in s.execute(
            select(
                TicketEvent.ticket_id,
                TicketEvent.action,
                TicketEvent.from_status,
                TicketEvent.to_status,
            ).order_by(TicketEvent.id)
        ):
            events[tid].append((action, src, dst))
        statuses = {t.status for t in tickets}
        assert len(tickets) == 450
        assert statuses == {st.value for st in TicketStatus}
        assert len({t.period for t in tickets}) >= 12
        assert len({t.number for t in tickets}) == len(tickets)
        assert {t.kind for t in tickets} == {"repair", "complaint", "inquiry", "suggestion"}
        for t in tickets:
            chain = events[t.id]
            assert chain[0] == ("create", "", "received")
            for _action, src, dst in chain[1:]:
                assert (TicketStatus(src), TicketStatus(dst)) in ALLOWED_EDGES
            assert chain[-1][2] == t.status
        # The next registered ticket continues the day's sequence without a clash.
        last = s.scalar(
            select(Ticket.number)
            .where(Ticket.kind == "repair")
            .order_by(Ticket.created_at.desc())
            .limit(1)
        )
        assert last is not None
        cat = s.scalar(select(Ticket.category_id).where(Ticket.kind == "repair").limit(1))
        unit = s.scalar(select(Ticket.unit_id).where(Ticket.unit_id.is_not(None)).limit(1))
        assert s.scalar(select(func.count()).select_from(TicketEvent)) > len(tickets) * 3
        from datetime import UTC, datetime

        day = datetime.strptime(last[2:10], "%Y%m%d").replace(hour=4, tzinfo=UTC)
        new = svc.create_ticket(
            s,
            svc.Intake(
                kind="repair",
                category_id=cat,
                description="新报修",
                unit_id=unit,
                reporter_name="业主",
            ),
            at=day,
        )
        assert new.number == f"{last[:11]}{int(last[11:]) + 1:04d}"


def test_demo_tickets_fit_who_reported_them(sqlite_db: Database) -> None:
    """Public-area tickets say something about a public area; staff rounds report them
    (patrol, inspection) and nobody rates them; only residents are called back, with a
    comment fitting the kind; complaint conclusions fit their category and verdict."""
    from propdesk.tickets.demo import (
        CALLBACK_COMMENTS,
        DESCRIPTIONS,
        PLACE_HINTS,
        PUBLIC_DESCRIPTIONS,
        PUBLIC_PLACES,
        ROOT_CAUSES,
        STAFF_REPORTERS,
    )
    from propdesk.tickets.models import TicketCallback, TicketCategory

    with sqlite_db.begin(Actor.system()) as s:
        ctx = DemoContext(rng=random.Random(4), today=date(2026, 11, 23), units=600)
        build_registry(s, ctx)
        build_users(s, ctx)
        build_tickets(s, ctx)
    interior = {text for key in PUBLIC_DESCRIPTIONS for text in DESCRIPTIONS.get(key, ())} - {
        text for texts in PUBLIC_DESCRIPTIONS.values() for text in texts
    }
    assert "外墙渗水，卧室墙面起皮" in interior
    with sqlite_db.begin(CLERK) as s:
        tickets = s.execute(select(Ticket, TicketCategory.code).join(TicketCategory)).all()
        rated = {c.ticket_id: c for c in s.scalars(select(TicketCallback))}
    by_source: dict[str, int] = defaultdict(int)
    not_upheld_rated = 0
    for t, code in tickets:
        if t.source in ("patrol", "inspection"):
            assert t.unit_id is None
            assert t.reporter_name in STAFF_REPORTERS
            assert STAFF_REPORTERS[t.reporter_name] == t.source
        if t.unit_id is None:
            by_source[t.source] += 1
            assert t.location in PUBLIC_PLACES
            for hint, place in PLACE_HINTS:  # the place the text names, not another
                if hint in t.description:
                    assert t.location == place, (t.description, t.location)
                    break
            assert t.person_id is None
            assert t.description not in interior, t.description
            assert t.kind != "inquiry"
        callback = rated.get(t.id)
        if callback is not None:
            assert t.person_id is not None  # a resident with a phone rated it
            assert t.reporter_phone
            if callback.fixed and callback.overall > 2:
                key = "complaint_not_upheld" if t.complaint_valid is False else t.kind
                assert callback.comment in CALLBACK_COMMENTS[key], (t.kind, callback.comment)
                not_upheld_rated += t.complaint_valid is False
        if t.kind == "complaint" and t.complaint_valid is not None:
            assert t.resolution
            assert t.validity_reason
            if t.complaint_valid:
                assert t.responsible_department
                assert t.root_cause in ROOT_CAUSES[code], (code, t.root_cause)
            else:
                assert t.responsible_department == ""
                assert t.root_cause == ""
        if t.status in ("called_back", "closed") and t.id not in rated:
            assert t.person_id is None  # checked on site: no resident to call
    assert by_source["patrol"]
    assert by_source["inspection"]
    assert not_upheld_rated
    closed_unrated = [t for t, _c in tickets if t.status == "closed" and t.id not in rated]
    assert closed_unrated  # public tickets still close after the on-site check
