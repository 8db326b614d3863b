"""When a lent key is late: the one rule the register, the unit panel and the dashboard share.

A loan is *overdue* when it has not come back and its due time has passed. Callers give
``now`` (from :func:`propdesk.clock.now` of their transaction); nothing here reads a clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, func, select
from sqlalchemy.orm import Session

from propdesk.keys.models import KeyLoan


def loan_overdue(due_at: datetime | None, now: datetime, *, returned: bool = False) -> bool:
    """Whether a loan due at ``due_at`` is late at ``now`` (a returned loan never is)."""
    return not returned and due_at is not None and due_at < now


def overdue_loan_clause(now: datetime, loan: Any = KeyLoan) -> ColumnElement[bool]:
    """The same rule in SQL, for ``loan`` (the KeyLoan class or an alias of it)."""
    return and_(loan.id.is_not(None), loan.returned_at.is_(None), loan.due_at < now)


@dataclass(frozen=True)
class KeyCounts:
    """Keys lent out now and how many of them are overdue."""

    out: int
    overdue: int


def key_counts(session: Session, *, now: datetime) -> KeyCounts:
    """Two COUNTs over the open loans (the register's summary line)."""
    open_loans = KeyLoan.returned_at.is_(None)
    out = session.scalar(select(func.count(KeyLoan.id)).where(open_loans)) or 0
    late = session.scalar(select(func.count(KeyLoan.id)).where(overdue_loan_clause(now))) or 0
    return KeyCounts(out=int(out), overdue=int(late))
