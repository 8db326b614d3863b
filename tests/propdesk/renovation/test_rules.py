"""The overdue permit and violation rules, in Python and in SQL."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from propdesk.db.engine import Database
from propdesk.renovation.models import RenovationPermit
from propdesk.renovation.rules import overdue_permit_clause, permit_overdue, violation_overdue


def test_permit_overdue() -> None:
    end = date(2026, 6, 30)
    assert not permit_overdue("approved", end, end)
    assert permit_overdue("approved", end, date(2026, 7, 1))
    assert not permit_overdue("applied", end, date(2026, 7, 1))
    assert not permit_overdue("accepted", end, date(2026, 7, 1))


def test_violation_overdue() -> None:
    deadline = date(2026, 2, 28)
    assert not violation_overdue("open", deadline, deadline)
    assert violation_overdue("open", deadline, date(2026, 3, 1))
    assert not violation_overdue("rectified", deadline, date(2026, 3, 1))


def test_overdue_permit_clause_runs(db: Database) -> None:
    with db.begin() as s:
        n = s.scalar(
            select(func.count(RenovationPermit.id)).where(overdue_permit_clause(date(2026, 7, 1)))
        )
    assert n == 0
