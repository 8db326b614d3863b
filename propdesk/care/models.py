"""Attention flags (关注标记) and the custom kinds a manager defines.

A flag is on a household (``target = 'household'``: the unit and the occupancy that stands
for the household living there when it was set, so the flag leaves the unit page when that
household moves out) or on a person (``target = 'person'``; ``unit_id`` is the unit the
person lived in when it was set, for lists by building and floor).

The reason is personal: it is encrypted at rest (:mod:`propdesk.pii`) and its column name
ends in ``_enc`` so the audit trail keeps it hidden. A flag is ended, never deleted.
"""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, Index, String, Time
from sqlalchemy.orm import Mapped, mapped_column

from propdesk.care.values import FlagKind, FlagSource, Visibility
from propdesk.models_base import Base, Versioned
from propdesk.models_base import one_of as _in
from propdesk.pii.columns import Encrypted


class CareKind(Versioned, Base):
    """A custom kind of flag defined by a manager (e.g. 孕妇, 独居残障)."""

    __tablename__ = "care_kind"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20), unique=True)
    sensitive: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class CareFlag(Versioned, Base):
    __tablename__ = "care_flag"
    __table_args__ = (
        CheckConstraint(_in("kind", FlagKind), name="kind"),
        CheckConstraint(_in("source", FlagSource), name="source"),
        CheckConstraint(_in("visibility", Visibility), name="visibility"),
        CheckConstraint("target IN ('household', 'person')", name="target"),
        CheckConstraint(
            "(target = 'household' AND unit_id IS NOT NULL AND person_id IS NULL)"
            " OR (target = 'person' AND person_id IS NOT NULL)",
            name="target_set",
        ),
        CheckConstraint("kind <> 'custom' OR custom_kind_id IS NOT NULL", name="custom_named"),
        Index("ix_care_flag_unit", "unit_id", "ended_at"),
        Index("ix_care_flag_person", "person_id", "ended_at"),
        Index("ix_care_flag_kind", "kind", "ended_at"),
        Index("ix_care_flag_review", "ended_at", "review_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    target: Mapped[str] = mapped_column(String(10))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"))
    occupancy_id: Mapped[int | None] = mapped_column(
        ForeignKey("occupancy.id", ondelete="SET NULL")
    )
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"))
    kind: Mapped[str] = mapped_column(String(20))
    custom_kind_id: Mapped[int | None] = mapped_column(
        ForeignKey("care_kind.id", ondelete="RESTRICT")
    )
    sensitive: Mapped[bool] = mapped_column(Boolean, default=False)
    reason_enc: Mapped[str] = mapped_column(Encrypted("care_flag.reason_enc"), default="")
    source: Mapped[str] = mapped_column(String(10), default=FlagSource.OBSERVED.value)
    consent: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_on: Mapped[date | None] = mapped_column(Date)
    review_on: Mapped[date | None] = mapped_column(Date)
    visibility: Mapped[str] = mapped_column(String(12), default=Visibility.ALL_STAFF.value)
    dnd_start: Mapped[time | None] = mapped_column(Time)
    dnd_end: Mapped[time | None] = mapped_column(Time)
    created_by: Mapped[str] = mapped_column(String(50), default="")
    ended_at: Mapped[datetime | None] = mapped_column()
    ended_by: Mapped[str] = mapped_column(String(50), default="")
    end_reason: Mapped[str] = mapped_column(String(200), default="")
    #: The last review (已复查): when and by whom; it moved ``review_on`` into the future.
    reviewed_at: Mapped[datetime | None] = mapped_column()
    reviewed_by: Mapped[str] = mapped_column(String(50), default="", server_default="")
