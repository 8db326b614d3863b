"""Activity tables: the activity and its sign-ups (one per unit), with attendance and
feedback on the sign-up.

``activity.taken`` is the number of persons on confirmed sign-ups; it is only ever changed
by a conditional ``UPDATE ... WHERE taken + n <= capacity`` so two desks racing for the
last place can never exceed the capacity (the UPDATE row-locks on PostgreSQL).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from propdesk import clock
from propdesk.activities.values import ActivityKind, ActivityStatus, Channel, SignupState
from propdesk.models_base import Base, Versioned
from propdesk.models_base import one_of as _in


class Activity(Versioned, Base):
    __tablename__ = "activity"
    __table_args__ = (
        CheckConstraint(_in("kind", ActivityKind), name="kind"),
        CheckConstraint(_in("status", ActivityStatus), name="status"),
        CheckConstraint("capacity > 0", name="capacity_positive"),
        CheckConstraint("taken >= 0 AND taken <= capacity", name="taken_within_capacity"),
        CheckConstraint("budget_fen >= 0", name="budget_not_negative"),
        CheckConstraint("spent_fen >= 0", name="spent_not_negative"),
        Index("ix_activity_starts_at", "starts_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(100))
    starts_at: Mapped[datetime] = mapped_column()
    ends_at: Mapped[datetime | None] = mapped_column()
    venue: Mapped[str] = mapped_column(String(100))
    capacity: Mapped[int] = mapped_column(Integer)
    taken: Mapped[int] = mapped_column(Integer, default=0)
    budget_fen: Mapped[int] = mapped_column(Integer, default=0)
    spent_fen: Mapped[int] = mapped_column(Integer, default=0)
    organiser: Mapped[str] = mapped_column(String(50))
    description: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(10), default=ActivityStatus.PLANNED.value)
    cancel_reason: Mapped[str] = mapped_column(String(200), default="")
    notice_printed_at: Mapped[datetime | None] = mapped_column()


class ActivitySignup(Base):
    __tablename__ = "activity_signup"
    __table_args__ = (
        UniqueConstraint("activity_id", "unit_id"),
        CheckConstraint(_in("state", SignupState), name="state"),
        CheckConstraint(_in("channel", Channel), name="channel"),
        CheckConstraint("persons > 0", name="persons_positive"),
        CheckConstraint("rating IS NULL OR (rating >= 1 AND rating <= 5)", name="rating_range"),
        Index("ix_activity_signup_queue", "activity_id", "state", "queued_at"),
        Index("ix_activity_signup_unit", "unit_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = mapped_column(ForeignKey("activity.id", ondelete="CASCADE"))
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    contact_name: Mapped[str] = mapped_column(String(50), default="")
    persons: Mapped[int] = mapped_column(Integer, default=1)
    channel: Mapped[str] = mapped_column(String(10), default=Channel.DESK.value)
    state: Mapped[str] = mapped_column(String(10))
    queued_at: Mapped[datetime] = mapped_column()
    attended: Mapped[bool | None] = mapped_column(Boolean)
    rating: Mapped[int | None] = mapped_column(Integer)
    comment: Mapped[str] = mapped_column(String(500), default="")
    cancelled_at: Mapped[datetime | None] = mapped_column()
    clerk_name: Mapped[str] = mapped_column(String(50), default="")
    created_at: Mapped[datetime] = mapped_column(default=clock.column_now)
