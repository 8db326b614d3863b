"""Team tables: shift definitions, the roster, and the monthly assessment sheet's sign-off."""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import Boolean, Date, ForeignKey, Index, String, Text, Time, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from propdesk.models_base import Base, Versioned


class TeamShift(Versioned, Base):
    """A shift (班次): 早/中/夜 with local wall times; ``ends`` <= ``starts`` crosses midnight."""

    __tablename__ = "team_shift"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(10), unique=True)
    name: Mapped[str] = mapped_column(String(20))
    starts: Mapped[time] = mapped_column(Time)
    ends: Mapped[time] = mapped_column(Time)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class TeamRosterEntry(Base):
    """One clerk on one shift starting on one local day."""

    __tablename__ = "team_roster_entry"
    __table_args__ = (
        UniqueConstraint("user_id", "day", "shift_id", name="uq_team_roster_entry_slot"),
        Index("ix_team_roster_entry_day", "day"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date)
    shift_id: Mapped[int] = mapped_column(ForeignKey("team_shift.id", ondelete="RESTRICT"))


class TeamAssessment(Versioned, Base):
    """A clerk's monthly assessment sheet: the manager's comment and the clerk's acknowledgement."""

    __tablename__ = "team_assessment"
    __table_args__ = (UniqueConstraint("user_id", "period", name="uq_team_assessment_month"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete="CASCADE"))
    period: Mapped[str] = mapped_column(String(7))
    comment: Mapped[str] = mapped_column(Text, default="")
    comment_by_user_id: Mapped[int | None] = mapped_column(
        ForeignKey("app_user.id", ondelete="SET NULL")
    )
    comment_by_name: Mapped[str] = mapped_column(String(50), default="")
    comment_at: Mapped[datetime | None] = mapped_column()
    ack_at: Mapped[datetime | None] = mapped_column()
    ack_by_name: Mapped[str] = mapped_column(String(50), default="")
