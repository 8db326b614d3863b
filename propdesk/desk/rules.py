"""Desk rules the screens show: how long a parcel has been held, whether it stands out, how
overdue a vacant unit's check is, which visitors the desk still lists; and the checkpoints
a route editor typed, with their unit codes resolved.

Plain functions of values (and SQL conditions), so the UI colours and counts rows by the
same rule as the services and the handover.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import ColumnElement, or_
from sqlalchemy.orm import Session

from propdesk.clock import local_date
from propdesk.desk.models import Visitor
from propdesk.desk.routes import CheckpointSpec
from propdesk.desk.values import ParcelStatus
from propdesk.errors import DomainError, ValidationError
from propdesk.registry.services import unit_id_by_code

VISITOR_WINDOW = timedelta(hours=24)
"""A night shift still sees the evening's visitors."""


def days_held(received_at: datetime, today: date) -> int:
    """Whole local days a parcel received at ``received_at`` has waited by ``today``."""
    return (today - local_date(received_at)).days


def is_long_held(status: str, received_at: datetime | None, cutoff: datetime) -> bool:
    """Still waiting and received before the hold-days cutoff (``parcels.long_held_cutoff``)."""
    return status == ParcelStatus.WAITING.value and received_at is not None and received_at < cutoff


def check_days_overdue(next_due: date | None, today: date) -> int | None:
    """Days a vacant unit's check is past its due date (``None``: never checked)."""
    return None if next_due is None else (today - next_due).days


def check_is_late(next_due: date | None, today: date) -> bool:
    """Never checked, or due before ``today`` (due today is on time)."""
    return next_due is None or next_due < today


def recent_visitors_condition(now: datetime) -> ColumnElement[bool]:
    """Came in within :data:`VISITOR_WINDOW` of ``now``, or still inside."""
    return or_(Visitor.in_at >= now - VISITOR_WINDOW, Visitor.out_at.is_(None))


@dataclass(frozen=True)
class CheckpointRow:
    """One checkpoint as typed in the route editor: the vacant unit by its code."""

    name: str
    area: str
    what_to_check: str
    unit_code: str = ""
    id: int | None = None


def checkpoint_specs(session: Session, rows: Sequence[CheckpointRow]) -> list[CheckpointSpec]:
    """The rows as :class:`CheckpointSpec`; an unknown unit code is refused with its row."""
    specs = []
    for number, row in enumerate(rows, start=1):
        code = row.unit_code.strip()
        unit_id = None
        if code:
            try:
                unit_id = unit_id_by_code(session, code)
            except DomainError:
                raise ValidationError(
                    "checkpoints", f"第{number}个巡查点的房屋 {code} 不存在。"
                ) from None
        specs.append(
            CheckpointSpec(
                row.name.strip(), row.area or "other", row.what_to_check.strip(), unit_id, row.id
            )
        )
    return specs
