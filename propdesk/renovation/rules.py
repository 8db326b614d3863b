"""When a permit or a violation is late: the rules the permit list, the permit page and the
at-a-glance view share.

A permit is *overdue* while it is under way (approved) and its planned end is before today;
a violation is overdue while it is open and its rectification deadline is before today.
``today`` is the estate's local date, given by the caller (:func:`propdesk.clock.today`).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_

from propdesk.renovation.models import RenovationPermit, Violation
from propdesk.renovation.values import PermitStatus


def permit_overdue(status: str, planned_end: date, today: date) -> bool:
    """Whether a permit in ``status`` planned to end on ``planned_end`` is overdue on ``today``."""
    return status == PermitStatus.APPROVED and planned_end < today


def overdue_permit_clause(today: date, permit: Any = RenovationPermit) -> ColumnElement[bool]:
    """The same rule in SQL, for ``permit`` (the RenovationPermit class or an alias of it)."""
    return and_(permit.status == PermitStatus.APPROVED, permit.planned_end < today)


def violation_overdue(status: str, deadline: date, today: date) -> bool:
    """Whether a violation in ``status`` with ``deadline`` is past it on ``today``."""
    return status == "open" and deadline < today


def overdue_violation_clause(today: date, violation: Any = Violation) -> ColumnElement[bool]:
    """The same rule in SQL."""
    return and_(violation.status == "open", violation.deadline < today)
