"""Move-in checklists, their handed-over keys, moving appointments and move-outs."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from propdesk import clock
from propdesk.models_base import Base, Versioned
from propdesk.pii.columns import Encrypted


class MoveIn(Versioned, Base):
    """A move-in checklist (入伙交接) for one unit and one new occupant.

    Saved half-done as ``draft``; ``completed`` once every mandatory item is done and the
    occupancy (``occupancy_id``) has started. Meter readings are hundredths of m³/kWh.
    """

    __tablename__ = "movein"
    __table_args__ = (
        CheckConstraint("status IN ('draft', 'completed', 'cancelled')", name="status"),
        Index("ix_movein_unit", "unit_id"),
        Index("ix_movein_status", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"))
    role: Mapped[str] = mapped_column(String(20), default="owner")
    status: Mapped[str] = mapped_column(String(20), default="draft")
    planned_on: Mapped[date] = mapped_column(Date)
    documents_checked: Mapped[bool] = mapped_column(default=False)
    documents_note: Mapped[str] = mapped_column(String(200), default="")
    fees_settled: Mapped[bool] = mapped_column(default=False)
    water_reading_centi: Mapped[int | None] = mapped_column(Integer)
    electricity_reading_centi: Mapped[int | None] = mapped_column(Integer)
    card_numbers: Mapped[str] = mapped_column(String(300), default="")
    parking_requested: Mapped[bool] = mapped_column(default=False)
    parking_note: Mapped[str] = mapped_column(String(200), default="")
    signed_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    occupancy_id: Mapped[int | None] = mapped_column(
        ForeignKey("occupancy.id", ondelete="RESTRICT")
    )
    created_by: Mapped[str] = mapped_column(String(50), default="")
    completed_at: Mapped[datetime | None] = mapped_column()


class MoveInKey(Base):
    """Keys handed over at a move-in, counted by type (入户门, 单元门, 信箱…)."""

    __tablename__ = "movein_key"
    __table_args__ = (
        CheckConstraint("count > 0", name="count_positive"),
        Index("ix_movein_key_movein", "movein_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    movein_id: Mapped[int] = mapped_column(ForeignKey("movein.id", ondelete="CASCADE"))
    key_type: Mapped[str] = mapped_column(String(30))
    count: Mapped[int] = mapped_column(Integer)


class MovingAppointment(Base):
    """A booked moving slot (搬家预约): one entrance's elevator for one slot of one day."""

    __tablename__ = "moving_appointment"
    __table_args__ = (
        CheckConstraint("direction IN ('in', 'out')", name="direction"),
        Index("ix_moving_appointment_day", "day", "building_id", "entrance"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"))
    building_id: Mapped[int] = mapped_column(ForeignKey("building.id", ondelete="RESTRICT"))
    entrance: Mapped[int] = mapped_column(Integer)
    day: Mapped[date] = mapped_column(Date)
    slot: Mapped[str] = mapped_column(String(20))
    direction: Mapped[str] = mapped_column(String(10), default="in")
    elevator: Mapped[str] = mapped_column(String(30), default="")
    contact_name: Mapped[str] = mapped_column(String(50), default="")
    contact_phone: Mapped[str] = mapped_column(
        Encrypted("moving_appointment.contact_phone"), default=""
    )
    mover_company: Mapped[str] = mapped_column(String(100), default="")
    vehicle_plate: Mapped[str] = mapped_column(String(20), default="")
    notes: Mapped[str] = mapped_column(String(200), default="")
    cancelled: Mapped[bool] = mapped_column(default=False)
    created_by: Mapped[str] = mapped_column(String(50), default="")
    created_at: Mapped[datetime] = mapped_column(default=clock.column_now)


class MoveOut(Base):
    """A completed move-out (迁出): final readings, returned keys and cards, arrears check."""

    __tablename__ = "moveout"
    __table_args__ = (Index("ix_moveout_unit", "unit_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    slip_no: Mapped[str] = mapped_column(String(30), unique=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"))
    occupancy_id: Mapped[int] = mapped_column(ForeignKey("occupancy.id", ondelete="RESTRICT"))
    person_name: Mapped[str] = mapped_column(String(50), default="")
    moved_out_on: Mapped[date] = mapped_column(Date)
    water_reading_centi: Mapped[int] = mapped_column(Integer)
    electricity_reading_centi: Mapped[int] = mapped_column(Integer)
    keys_returned: Mapped[int] = mapped_column(Integer, default=0)
    cards_returned: Mapped[str] = mapped_column(String(300), default="")
    open_arrears_fen: Mapped[int] = mapped_column(Integer, default=0)
    waiver_reason: Mapped[str] = mapped_column(String(200), default="")
    waiver_by: Mapped[str] = mapped_column(String(50), default="")
    items_note: Mapped[str] = mapped_column(String(200), default="")
    created_by: Mapped[str] = mapped_column(String(50), default="")
    created_at: Mapped[datetime] = mapped_column(default=clock.column_now)
