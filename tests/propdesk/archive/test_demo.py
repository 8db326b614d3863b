"""The archive's demo step: most units filed, some missing or expired, a few papers on loan;
deterministic and consistent with the checklist."""

from __future__ import annotations

from datetime import date, time

import pytest
from sqlalchemy import func, select

from propdesk import clock
from propdesk.archive import queries as q
from propdesk.archive.models import ArchiveDocument, ArchiveLoan
from propdesk.db.engine import Database
from propdesk.demo import build, steps
from tests.propdesk.archive.helpers import CLERK

TODAY = date(2026, 6, 15)
STEPS = ("propdesk.demo.registry", "propdesk.auth.demo", "propdesk.renovation.demo")


@pytest.fixture
def demo(sqlite_db: Database, monkeypatch: pytest.MonkeyPatch) -> Database:
    monkeypatch.setattr(
        steps,
        "DEMO_STEPS",
        [s for s in steps.DEMO_STEPS if s[1] in STEPS]
        + [(120, "propdesk.archive.demo", "build_archive")],
    )
    build.generate_demo(sqlite_db, units=120, seed=5, today=TODAY)
    return sqlite_db


def test_demo_archive(demo: Database, test_clock: clock.FixedClock) -> None:
    test_clock.set(clock.local_datetime(TODAY, time(18, 30)))
    with demo.begin(CLERK) as s:
        docs = int(s.scalar(select(func.count(ArchiveDocument.id))) or 0)
        out = s.execute(select(ArchiveDocument.id).where(ArchiveDocument.on_loan.is_(True))).all()
        open_loans = s.scalar(
            select(func.count(ArchiveLoan.id)).where(ArchiveLoan.returned_at.is_(None))
        )
        units = [
            u
            for b, _name in q.buildings(s)
            for u in q.completeness(s, b).units
            if u.present or u.missing or u.expired
        ]
    assert docs > 200
    assert len(out) == open_loans == 6
    complete = sum(1 for u in units if u.complete)
    assert 0 < complete < len(units)  # most units filed, some not
    assert any(u.missing for u in units)
    assert any(u.expired for u in units)
    assert sum(len(u.present) for u in units) > 3 * sum(len(u.missing) for u in units)
