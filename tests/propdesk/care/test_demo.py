"""The care demo steps: flags of every kind across the buildings, some overdue, some only
supervisors may see; visits, some done and some overdue, a few raised as tickets;
deterministic."""

from __future__ import annotations

from datetime import date, time

import pytest
from sqlalchemy import func, select

from propdesk import clock
from propdesk.auth.actor import Actor, Role
from propdesk.care import queries as cq
from propdesk.care.models import CareFlag
from propdesk.care.print_data import evacuation_rows
from propdesk.care.values import FlagKind
from propdesk.care.visit_models import CareVisit
from propdesk.care.visit_plan import count_overdue_visits, plan_items
from propdesk.db.engine import Database
from propdesk.demo import build, steps
from propdesk.registry.models import Occupancy, Person
from propdesk.tickets.models import Ticket

TODAY = date(2026, 6, 15)
CLERK = Actor(user_id=None, username="wang", display_name="王前台", role=Role.CLERK)


@pytest.fixture
def demo(sqlite_db: Database, monkeypatch: pytest.MonkeyPatch) -> Database:
    monkeypatch.setattr(
        steps,
        "DEMO_STEPS",
        [
            s
            for s in steps.DEMO_STEPS
            if s[1] in ("propdesk.demo.registry", "propdesk.renovation.demo", "propdesk.care.demo")
        ],
    )
    build.generate_demo(sqlite_db, units=300, seed=5, today=TODAY)
    return sqlite_db


def test_demo_flags(demo: Database, test_clock: clock.FixedClock) -> None:
    test_clock.set(clock.local_datetime(TODAY, time(10)))
    with demo.begin(CLERK) as s:
        kinds = dict(
            s.execute(select(CareFlag.kind, func.count(CareFlag.id)).group_by(CareFlag.kind)).all()
        )
        units = s.scalar(select(func.count(func.distinct(CareFlag.unit_id))))
        overdue = cq.overdue_reviews(s)
        restricted = s.scalar(
            select(func.count(CareFlag.id)).where(CareFlag.visibility == "supervisors")
        )
        evacuation = evacuation_rows(s)
    assert set(kinds) == {k.value for k in FlagKind}
    assert (units or 0) >= 20  # spread over the estate
    assert overdue
    assert restricted
    assert evacuation
    assert all(r.person_name for r in evacuation)


def test_demo_visits(demo: Database, test_clock: clock.FixedClock) -> None:
    test_clock.set(clock.local_datetime(TODAY, time(10)))
    with demo.begin(CLERK) as s:
        reasons = dict(
            s.execute(
                select(CareVisit.reason, func.count(CareVisit.id)).group_by(CareVisit.reason)
            ).all()
        )
        ticketed = s.scalar(
            select(func.count(CareVisit.id)).where(CareVisit.ticket_id.is_not(None))
        )
        latest = s.scalar(select(func.max(CareVisit.visited_at)))
        items = plan_items(s)
        overdue = count_overdue_visits(s)
    assert reasons.get("elderly_alone", 0) >= 2
    assert reasons.get("other", 0) >= 4
    assert ticketed == 3
    assert latest is not None
    assert clock.local_date(latest) <= TODAY
    assert {i.reason for i in items} >= {"elderly_alone", "follow_up"}
    assert 0 < overdue < len(items)  # some overdue, some only due
    assert overdue == sum(i.overdue for i in items)


def test_demo_visit_tickets_are_reported_by_the_household(demo: Database) -> None:
    """Like a real 转工单: the household's person reports (name, phone, link), the staff
    member who visited and recorded it is the ticket's 首问负责人, never 系统."""
    with demo.begin(CLERK) as s:
        raised = s.execute(
            select(CareVisit, Ticket, Person)
            .join(Ticket, Ticket.id == CareVisit.ticket_id)
            .join(Occupancy, Occupancy.id == CareVisit.occupancy_id)
            .join(Person, Person.id == Occupancy.person_id)
        ).all()
        assert len(raised) == 3
        for visit, ticket, person in raised:
            assert ticket.source == "visit"
            assert ticket.unit_id == visit.unit_id
            assert ticket.person_id == person.id
            assert ticket.reporter_name == person.name
            assert ticket.reporter_phone == person.phone
            assert ticket.owner_name == visit.visitor_name == visit.recorded_by
            assert ticket.owner_name not in ("系统", "")
            assert visit.visitor_name in ticket.description
            assert visit.visited_at <= ticket.created_at


def test_demo_elderly_alone_live_alone(demo: Database) -> None:
    """独居老人 is only flagged on a household with one current occupant (no 家属, spouse or
    tenant living there too)."""
    with demo.begin(CLERK) as s:
        flagged = list(
            s.scalars(select(CareFlag.unit_id).where(CareFlag.kind == FlagKind.ELDERLY_ALONE.value))
        )
        assert flagged
        for unit_id in flagged:
            living = s.scalar(
                select(func.count(Occupancy.id)).where(
                    Occupancy.unit_id == unit_id, Occupancy.end_date.is_(None)
                )
            )
            assert living == 1, unit_id


@pytest.fixture
def demo_with_users(sqlite_db: Database, monkeypatch: pytest.MonkeyPatch) -> Database:
    wanted = ("propdesk.demo.registry", "propdesk.auth.demo", "propdesk.care.demo")
    monkeypatch.setattr(steps, "DEMO_STEPS", [s for s in steps.DEMO_STEPS if s[1] in wanted])
    build.generate_demo(sqlite_db, units=300, seed=5, today=TODAY)
    return sqlite_db


def test_demo_flags_follow_their_household_and_name_who_set_them(
    demo_with_users: Database,
) -> None:
    """A demo flag is not older than the household it is on (and is linked to the household
    the services would link: the tenant's occupancy, else the owner's); it names a demo
    staff member as 登记人, never the role 前台; visits' wording fits their reason."""
    from propdesk.auth.models import User
    from propdesk.care.services import household_occupancy
    from propdesk.care.visit_values import VisitReason

    with demo_with_users.begin(CLERK) as s:
        staff = set(s.scalars(select(User.display_name)))
        flags = s.execute(
            select(
                CareFlag.target,
                CareFlag.unit_id,
                CareFlag.person_id,
                CareFlag.occupancy_id,
                CareFlag.created_at,
                CareFlag.created_by,
            )
        ).all()
        assert flags
        for target, unit_id, person_id, occupancy_id, created_at, created_by in flags:
            assert created_by in staff, created_by
            if target == "household":
                assert occupancy_id == household_occupancy(s, unit_id)
                start = s.scalar(select(Occupancy.start_date).where(Occupancy.id == occupancy_id))
            else:
                start = s.scalar(
                    select(func.min(Occupancy.start_date)).where(
                        Occupancy.person_id == person_id,
                        Occupancy.unit_id == unit_id,
                        Occupancy.end_date.is_(None),
                    )
                )
            assert start is not None
            assert clock.to_local(created_at).date() > start, (unit_id, start, created_at)
        visits = s.execute(
            select(CareVisit.reason, CareVisit.findings_enc, CareVisit.recorded_by)
        ).all()
        assert visits
        for reason, findings, recorded_by in visits:
            assert recorded_by in staff, recorded_by
            assert ("新入住" in findings) == (reason == VisitReason.NEW_HOUSEHOLD.value), (
                reason,
                findings,
            )
