"""The desk's demo step: routes, a month of patrols, vacant checks, shifts, parcels, visitors."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from propdesk.db.engine import Database
from propdesk.demo import build, steps
from propdesk.desk import parcels, patrols, shiftlog, vacant
from propdesk.desk.models import Patrol, PatrolFinding, Shift, VacantCheckPlan, Visitor
from propdesk.registry.models import Unit, UnitStatus
from propdesk.tickets.models import Ticket
from tests.propdesk.desk.helpers import CLERK

TODAY = date(2026, 3, 2)  # a month end falls inside the demo month


@pytest.fixture
def demo(db: Database, monkeypatch: pytest.MonkeyPatch) -> Database:
    monkeypatch.setattr(
        steps,
        "DEMO_STEPS",
        [s for s in steps.DEMO_STEPS if s[1] in ("propdesk.demo.registry", "propdesk.auth.demo")]
        + [
            (30, "propdesk.tickets.demo", "build_tickets"),
            (60, "propdesk.desk.demo", "build_desk"),
        ],
    )
    build.generate_demo(db, units=150, seed=3, today=TODAY)
    return db


def test_demo_desk_data_is_consistent(demo: Database) -> None:
    with demo.begin(CLERK) as s:
        days = s.scalar(select(func.count(func.distinct(Patrol.local_day))))
        assert days is not None
        assert days >= 30
        # finished patrols have no checkpoint left pending; only today's round is under way
        pending = s.scalar(
            select(func.count(PatrolFinding.id))
            .join(Patrol, Patrol.id == PatrolFinding.patrol_id)
            .where(Patrol.status == "finished", PatrolFinding.result == "pending")
        )
        assert pending == 0
        assert s.scalar(
            select(func.count(PatrolFinding.id)).where(PatrolFinding.result == "missed")
        )
        # anomalies raised as tickets are linked both ways
        linked = s.execute(
            select(PatrolFinding.id, PatrolFinding.ticket_id).where(
                PatrolFinding.ticket_id.is_not(None)
            )
        ).all()
        assert linked
        for fid, tid in linked:
            assert s.scalar(select(Ticket.source).where(Ticket.id == tid)) == "patrol"
            back = patrols.finding_for_ticket(s, tid)
            assert back is not None
            assert back.id == fid
        assert patrols.open_anomalies(s)
        # every vacant unit has a plan; some are due
        vacant_units = s.scalar(
            select(func.count(Unit.id)).where(Unit.status == UnitStatus.VACANT.value)
        )
        assert s.scalar(select(func.count(VacantCheckPlan.unit_id))) == vacant_units
        assert vacant.vacant_due(s, today=TODAY)
        # one open shift; every earlier one was handed over and acknowledged
        current = shiftlog.current_shift(s)
        assert current is not None
        assert current.previous_id is not None
        unacknowledged = s.scalar(
            select(func.count(Shift.id)).where(
                Shift.closed_at.is_not(None), Shift.acknowledged_at.is_(None)
            )
        )
        assert unacknowledged == 0
        assert shiftlog.shift_detail(s, current.previous_id).items
        waiting, long_held = parcels.count_waiting(s, today=TODAY)
        assert waiting > 0
        assert long_held > 0
        assert s.scalar(select(func.count(Visitor.id)))
