"""The occupancy demo step: permits in every state, an overdue violation, an overdue key,
move-ins in progress and moving appointments."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from propdesk.db.engine import Database
from propdesk.db.types import utcnow
from propdesk.demo import build, steps
from propdesk.keys.services import keys_out
from propdesk.movein.models import MoveIn, MoveOut, MovingAppointment
from propdesk.registry.models import Unit
from propdesk.renovation.common import today
from propdesk.renovation.models import RenovationPermit
from propdesk.renovation.queries import attention_counts, overdue_violations
from tests.propdesk.renovation.fixtures import CLERK


@pytest.mark.parametrize("demo_today", [None, date(2026, 3, 2)])
def test_demo_occupancy_data(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch, demo_today: date | None
) -> None:
    monkeypatch.setattr(
        steps,
        "DEMO_STEPS",
        [s for s in steps.DEMO_STEPS if s[1] in ("propdesk.demo.registry", "propdesk.auth.demo")]
        + [(50, "propdesk.renovation.demo", "build_occupancy")],
    )
    build.generate_demo(sqlite_db, units=120, seed=5, today=demo_today)
    with sqlite_db.begin(CLERK) as s:
        states = dict(
            s.execute(
                select(RenovationPermit.status, func.count(RenovationPermit.id)).group_by(
                    RenovationPermit.status
                )
            ).all()
        )
        assert set(states) == {
            "applied",
            "approved",
            "rejected",
            "cancelled",
            "accepted",
            "refunded",
        }
        renovating = s.scalar(select(func.count(Unit.id)).where(Unit.status == "renovating"))
        assert renovating == states["approved"]
        assert overdue_violations(s, today())
        assert attention_counts(s, today())[0] >= 1
        out = keys_out(s, now=utcnow())
        assert [k.overdue for k in out] == [True, False]
        drafts = s.scalar(select(func.count(MoveIn.id)).where(MoveIn.status == "draft"))
        assert (drafts or 0) >= 3
        assert s.scalar(select(func.count(MovingAppointment.id)))
        moved_out = s.scalar(select(func.count(MoveOut.id)))
        assert moved_out
        assert 1 <= moved_out <= 3
