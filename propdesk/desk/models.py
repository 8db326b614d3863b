"""Desk tables: patrol routes and records, vacant-unit checks, shifts and handovers,
parcels and visitors, desk settings."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from propdesk import clock
from propdesk.desk.values import (
    CheckpointArea,
    EntryKind,
    EntryStatus,
    FindingResult,
    HandoverItemKind,
    ParcelStatus,
    PatrolStatus,
)
from propdesk.models_base import Base, Versioned
from propdesk.models_base import one_of as _in
from propdesk.pii.columns import Encrypted


class PatrolRoute(Versioned, Base):
    """A patrol route (巡查路线); its checkpoints are walked in ``seq`` order."""

    __tablename__ = "patrol_route"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50), unique=True)
    description: Mapped[str] = mapped_column(String(200), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    sort_key: Mapped[int] = mapped_column(Integer, default=0)


class PatrolCheckpoint(Base):
    """One stop of a route and what to check there; a vacant-unit stop names its unit."""

    __tablename__ = "patrol_checkpoint"
    __table_args__ = (
        CheckConstraint(_in("area", CheckpointArea), name="area"),
        Index("ix_patrol_checkpoint_route", "route_id", "seq"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    route_id: Mapped[int] = mapped_column(ForeignKey("patrol_route.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(50))
    area: Mapped[str] = mapped_column(String(20), default=CheckpointArea.OTHER.value)
    what_to_check: Mapped[str] = mapped_column(String(300), default="")
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id", ondelete="SET NULL"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Patrol(Versioned, Base):
    """One walk of a route by a clerk or guard: started, ticked, finished."""

    __tablename__ = "patrol"
    __table_args__ = (
        CheckConstraint(_in("status", PatrolStatus), name="status"),
        Index("ix_patrol_day", "local_day", "id"),
        Index("ix_patrol_status", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    route_id: Mapped[int] = mapped_column(ForeignKey("patrol_route.id", ondelete="RESTRICT"))
    route_name: Mapped[str] = mapped_column(String(50))
    local_day: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default=PatrolStatus.IN_PROGRESS.value)
    started_at: Mapped[datetime] = mapped_column(default=clock.column_now)
    finished_at: Mapped[datetime | None] = mapped_column()
    patroller: Mapped[str] = mapped_column(String(50), default="")
    by_user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id", ondelete="SET NULL"))
    note: Mapped[str] = mapped_column(Text, default="")


class PatrolFinding(Base):
    """What was found at one checkpoint of one patrol (pending until ticked or missed).

    An abnormal finding may raise one service ticket (``ticket_id``, unique); the
    ticket's page finds its way back with ``finding_for_ticket``.
    """

    __tablename__ = "patrol_finding"
    __table_args__ = (
        CheckConstraint(_in("result", FindingResult), name="result"),
        Index("ix_patrol_finding_patrol", "patrol_id", "seq"),
        Index("ix_patrol_finding_result", "result", "resolved_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    patrol_id: Mapped[int] = mapped_column(ForeignKey("patrol.id", ondelete="CASCADE"))
    checkpoint_id: Mapped[int | None] = mapped_column(
        ForeignKey("patrol_checkpoint.id", ondelete="SET NULL")
    )
    seq: Mapped[int] = mapped_column(Integer)
    checkpoint_name: Mapped[str] = mapped_column(String(50))
    what_to_check: Mapped[str] = mapped_column(String(300), default="")
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id", ondelete="SET NULL"))
    result: Mapped[str] = mapped_column(String(20), default=FindingResult.PENDING.value)
    note: Mapped[str] = mapped_column(Text, default="")
    photo_path: Mapped[str] = mapped_column(String(400), default="")
    checked_at: Mapped[datetime | None] = mapped_column()
    # The service ticket raised from it. No FOREIGN KEY: the desk's migration branch does
    # not depend on the service desk's (tickets are cancelled, never deleted).
    ticket_id: Mapped[int | None] = mapped_column(Integer, unique=True)
    resolved_at: Mapped[datetime | None] = mapped_column()
    resolved_note: Mapped[str] = mapped_column(String(200), default="")


class VacantCheckPlan(Base):
    """A vacant unit's check interval and when it is next due (``next_due`` = last + interval)."""

    __tablename__ = "vacant_check_plan"
    __table_args__ = (
        CheckConstraint("interval_days > 0", name="interval_positive"),
        Index("ix_vacant_check_plan_due", "next_due"),
    )

    unit_id: Mapped[int] = mapped_column(
        ForeignKey("unit.id", ondelete="CASCADE"), primary_key=True
    )
    interval_days: Mapped[int] = mapped_column(Integer)
    last_checked: Mapped[date | None] = mapped_column(Date)
    next_due: Mapped[date | None] = mapped_column(Date)


class VacantCheck(Base):
    """One check of a vacant unit (空置房检查): doors/windows, water, electricity, leaks."""

    __tablename__ = "vacant_check"
    __table_args__ = (Index("ix_vacant_check_unit", "unit_id", "checked_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="CASCADE"))
    checked_on: Mapped[date] = mapped_column(Date)
    checked_at: Mapped[datetime] = mapped_column(default=clock.column_now)
    checked_by: Mapped[str] = mapped_column(String(50), default="")
    doors_windows_ok: Mapped[bool] = mapped_column(Boolean, default=True)
    water_ok: Mapped[bool] = mapped_column(Boolean, default=True)
    electricity_ok: Mapped[bool] = mapped_column(Boolean, default=True)
    no_leaks: Mapped[bool] = mapped_column(Boolean, default=True)
    note: Mapped[str] = mapped_column(Text, default="")


class Shift(Base):
    """A duty shift (班次): opened by a clerk, closed with a handover the next one acknowledges."""

    __tablename__ = "desk_shift"
    __table_args__ = (Index("ix_desk_shift_open", "closed_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    started_at: Mapped[datetime] = mapped_column(default=clock.column_now)
    started_by: Mapped[str] = mapped_column(String(50), default="")
    started_by_user_id: Mapped[int | None] = mapped_column(
        ForeignKey("app_user.id", ondelete="SET NULL")
    )
    previous_id: Mapped[int | None] = mapped_column(
        ForeignKey("desk_shift.id", ondelete="SET NULL")
    )
    closed_at: Mapped[datetime | None] = mapped_column()
    closed_by: Mapped[str] = mapped_column(String(50), default="")
    handover_note: Mapped[str] = mapped_column(Text, default="")
    acknowledged_at: Mapped[datetime | None] = mapped_column()
    acknowledged_by: Mapped[str] = mapped_column(String(50), default="")
    acknowledged_by_user_id: Mapped[int | None] = mapped_column(
        ForeignKey("app_user.id", ondelete="SET NULL")
    )


class ShiftEntry(Base):
    """One line of the shift log (值班日志); an open entry carries over at handover."""

    __tablename__ = "desk_shift_entry"
    __table_args__ = (
        CheckConstraint(_in("kind", EntryKind), name="kind"),
        CheckConstraint(_in("status", EntryStatus), name="status"),
        Index("ix_desk_shift_entry_shift", "shift_id", "at"),
        Index("ix_desk_shift_entry_status", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    shift_id: Mapped[int] = mapped_column(ForeignKey("desk_shift.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(default=clock.column_now)
    kind: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id", ondelete="SET NULL"))
    ticket_id: Mapped[int | None] = mapped_column(Integer)  # a linked ticket (no FK, see above)
    status: Mapped[str] = mapped_column(String(20), default=EntryStatus.INFO.value)
    by_name: Mapped[str] = mapped_column(String(50), default="")
    carried_from_id: Mapped[int | None] = mapped_column(
        ForeignKey("desk_shift_entry.id", ondelete="SET NULL")
    )
    done_at: Mapped[datetime | None] = mapped_column()
    done_by: Mapped[str] = mapped_column(String(50), default="")


class HandoverItem(Base):
    """One line of a shift's handover, composed from live data when the shift was closed."""

    __tablename__ = "desk_handover_item"
    __table_args__ = (
        CheckConstraint(_in("kind", HandoverItemKind), name="kind"),
        Index("ix_desk_handover_item_shift", "shift_id", "seq"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    shift_id: Mapped[int] = mapped_column(ForeignKey("desk_shift.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))
    ref_id: Mapped[int | None] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(String(300))


class Parcel(Versioned, Base):
    """A parcel held at the desk (快递代收): received, notified, collected."""

    __tablename__ = "desk_parcel"
    __table_args__ = (
        CheckConstraint(_in("status", ParcelStatus), name="status"),
        Index("ix_desk_parcel_status", "status", "received_at"),
        Index("ix_desk_parcel_unit", "unit_id", "received_at"),
        Index("ix_desk_parcel_tracking", "tracking_no"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    carrier: Mapped[str] = mapped_column(String(30))
    tracking_no: Mapped[str] = mapped_column(String(40))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"))
    recipient: Mapped[str] = mapped_column(String(50), default="")
    recipient_phone: Mapped[str] = mapped_column(
        Encrypted("desk_parcel.recipient_phone"), default=""
    )
    shelf: Mapped[str] = mapped_column(String(20), default="")
    status: Mapped[str] = mapped_column(String(20), default=ParcelStatus.WAITING.value)
    received_at: Mapped[datetime] = mapped_column(default=clock.column_now)
    received_by: Mapped[str] = mapped_column(String(50), default="")
    notified_at: Mapped[datetime | None] = mapped_column()
    collected_at: Mapped[datetime | None] = mapped_column()
    collected_by: Mapped[str] = mapped_column(String(50), default="")
    handed_by: Mapped[str] = mapped_column(String(50), default="")


class Visitor(Base):
    """A visitor (访客登记): who, to which unit, why, in and out."""

    __tablename__ = "desk_visitor"
    __table_args__ = (
        Index("ix_desk_visitor_in", "in_at"),
        Index("ix_desk_visitor_unit", "unit_id", "in_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    phone: Mapped[str] = mapped_column(Encrypted("desk_visitor.phone"), default="")
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"))
    purpose: Mapped[str] = mapped_column(String(100))
    people: Mapped[int] = mapped_column(Integer, default=1)
    in_at: Mapped[datetime] = mapped_column(default=clock.column_now)
    out_at: Mapped[datetime | None] = mapped_column()
    registered_by: Mapped[str] = mapped_column(String(50), default="")


class DeskSetting(Base):
    """Desk settings as JSON text (parcel hold days, vacant-check interval)."""

    __tablename__ = "desk_setting"

    key: Mapped[str] = mapped_column(String(50), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
