"""Users, tickets, callbacks and calls made directly for the team tests."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from propdesk.auth.actor import Actor, Role
from propdesk.auth.models import User
from propdesk.calls.models import CallRecord
from propdesk.tickets.models import Ticket, TicketCallback, TicketCategory


def add_user(session: Session, username: str, name: str, role: Role = Role.CLERK) -> Actor:
    user = User(username=username, display_name=name, role=role.value)
    session.add(user)
    session.flush()
    return Actor(user_id=user.id, username=username, display_name=name, role=role)


def category(session: Session) -> int:
    cat = TicketCategory(kind="repair", code="water", name="水电")
    session.add(cat)
    session.flush()
    return cat.id


def ticket(
    session: Session,
    *,
    n: int,
    category_id: int,
    owner: int | None,
    created: datetime,
    responded_after: timedelta | None = None,
    done_after: timedelta | None = None,
) -> int:
    t = Ticket(
        number=f"T{n:05d}",
        kind="repair",
        source="phone",
        category_id=category_id,
        location="1号楼",
        description="漏水",
        period=created.strftime("%Y-%m"),
        owner_user_id=owner,
        response_due=created + timedelta(hours=1),
        resolve_due=created + timedelta(days=1),
        responded_at=created + responded_after if responded_after is not None else None,
        done_at=created + done_after if done_after is not None else None,
        created_at=created,
    )
    session.add(t)
    session.flush()
    return t.id


def callback(
    session: Session, *, ticket_id: int, by: int | None, at: datetime, overall: int
) -> int:
    c = TicketCallback(
        ticket_id=ticket_id, by_user_id=by, at=at, overall=overall, speed=5, attitude=5
    )
    session.add(c)
    session.flush()
    return c.id


def call(
    session: Session,
    *,
    clerk: int | None,
    at: datetime,
    outcome: str = "answered",
    direction: str = "in",
    state: str = "logged",
) -> int:
    c = CallRecord(at=at, clerk_user_id=clerk, direction=direction, state=state, outcome=outcome)
    session.add(c)
    session.flush()
    return c.id
