"""Household visits (走访) and the rules that plan them.

A visit is to a household: the unit and the occupancy standing for the household living
there at the time. ``visited_at`` is stored in UTC; ``visited_on`` is its local date (the
plan compares dates). The findings are personal: encrypted at rest, the column name ends in
``_enc`` so the audit trail keeps the text hidden. ``reason`` and ``trigger_id`` name the
plan item the visit fulfils (the flag, occupancy, ticket or earlier visit that planned it).
A finding raised as a ticket keeps the ticket's id.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from propdesk.care.visit_values import RULE_REASONS, VisitReason
from propdesk.models_base import Base, Versioned
from propdesk.models_base import one_of as _in
from propdesk.pii.columns import Encrypted
from propdesk.registry.models import Occupancy


class CareVisitRule(Versioned, Base):
    """A manager's setting of one planning rule (see :class:`VisitRule`); absent: defaults."""

    __tablename__ = "care_visit_rule"
    __table_args__ = (
        CheckConstraint(_in("reason", RULE_REASONS), name="reason"),
        CheckConstraint("days BETWEEN 1 AND 365", name="days"),
        CheckConstraint("lookback_days BETWEEN 1 AND 3650", name="lookback"),
    )

    reason: Mapped[str] = mapped_column(String(20), primary_key=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    days: Mapped[int] = mapped_column(Integer)
    lookback_days: Mapped[int] = mapped_column(Integer)
    flagged_only: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_by: Mapped[str] = mapped_column(String(50), default="")


class CareVisit(Versioned, Base):
    __tablename__ = "care_visit"
    __table_args__ = (
        CheckConstraint(_in("reason", tuple(VisitReason)), name="reason"),
        CheckConstraint("rating IS NULL OR rating BETWEEN 1 AND 5", name="rating"),
        Index("ix_care_visit_unit", "unit_id", "visited_at"),
        Index("ix_care_visit_day", "visited_on"),
        Index("ix_care_visit_ticket", "ticket_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"))
    occupancy_id: Mapped[int | None] = mapped_column(
        ForeignKey("occupancy.id", ondelete="SET NULL")
    )
    reason: Mapped[str] = mapped_column(String(20))
    trigger_id: Mapped[int | None] = mapped_column(Integer)
    visited_at: Mapped[datetime] = mapped_column()
    visited_on: Mapped[date] = mapped_column(Date)
    visitor_user_id: Mapped[int | None] = mapped_column(
        ForeignKey("app_user.id", ondelete="SET NULL")
    )
    visitor_name: Mapped[str] = mapped_column(String(50))
    companions: Mapped[str] = mapped_column(String(100), default="")
    findings_enc: Mapped[str] = mapped_column(Encrypted("care_visit.findings_enc"), default="")
    rating: Mapped[int | None] = mapped_column(Integer)
    next_visit_on: Mapped[date | None] = mapped_column(Date)
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("ticket.id", ondelete="RESTRICT"))
    recorded_by: Mapped[str] = mapped_column(String(50), default="")


# The visit plan's new-household rule (visit_plan._new_households) counts current owners' and
# tenants' occupancies that started in a date window: this index seeks exactly those rows
# (end_date IS NULL, role, start_date range) and covers the unit, where without it the overdue
# count scanned every occupancy. It lives here, with the rule it serves (care_0003 adds it).
Index(
    "ix_occupancy_current_start",
    Occupancy.end_date,
    Occupancy.role,
    Occupancy.start_date,
    Occupancy.unit_id,
)
