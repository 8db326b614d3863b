"""Renovation permits, workers' passes, inspections, violations and deposit deductions."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from propdesk import clock
from propdesk.models_base import Base, Versioned
from propdesk.pii.columns import Encrypted

PERMIT_STATES = ("applied", "approved", "rejected", "accepted", "refunded", "cancelled")


class RenovationPermit(Versioned, Base):
    """A renovation application and, once approved, the permit (装修许可证)."""

    __tablename__ = "renovation_permit"
    __table_args__ = (
        CheckConstraint(
            "status IN (" + ", ".join(f"'{s}'" for s in PERMIT_STATES) + ")", name="status"
        ),
        CheckConstraint("planned_end >= planned_start", name="dates_in_order"),
        CheckConstraint("deposit_fen >= 0", name="deposit_not_negative"),
        Index("ix_renovation_permit_unit", "unit_id"),
        Index("ix_renovation_permit_status_end", "status", "planned_end"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    permit_no: Mapped[str] = mapped_column(String(30), unique=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"))
    owner_name: Mapped[str] = mapped_column(String(50))
    owner_phone: Mapped[str] = mapped_column(Encrypted("renovation_permit.owner_phone"), default="")
    contractor: Mapped[str] = mapped_column(String(100))
    contractor_contact: Mapped[str] = mapped_column(String(50), default="")
    contractor_phone: Mapped[str] = mapped_column(
        Encrypted("renovation_permit.contractor_phone"), default=""
    )
    scope: Mapped[str] = mapped_column(Text)
    planned_start: Mapped[date] = mapped_column(Date)
    planned_end: Mapped[date] = mapped_column(Date)
    deposit_fen: Mapped[int] = mapped_column(Integer, default=0)
    deposit_line_id: Mapped[int | None] = mapped_column(Integer)
    deposit_receipt_no: Mapped[str] = mapped_column(String(30), default="")
    status: Mapped[str] = mapped_column(String(20), default="applied")
    decision_reason: Mapped[str] = mapped_column(String(300), default="")
    decided_by: Mapped[str] = mapped_column(String(50), default="")
    decided_at: Mapped[datetime | None] = mapped_column()
    previous_unit_status: Mapped[str] = mapped_column(String(20), default="")
    accepted_on: Mapped[date | None] = mapped_column(Date)
    accepted_by: Mapped[str] = mapped_column(String(50), default="")
    acceptance_note: Mapped[str] = mapped_column(String(300), default="")
    refund_id: Mapped[int | None] = mapped_column(Integer)
    refund_fen: Mapped[int | None] = mapped_column(Integer)
    refunded_on: Mapped[date | None] = mapped_column(Date)
    created_by: Mapped[str] = mapped_column(String(50), default="")


class RenovationWorker(Base):
    """A worker registered on a permit, with the number of the pass (出入证) issued."""

    __tablename__ = "renovation_worker"
    __table_args__ = (Index("ix_renovation_worker_permit", "permit_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    permit_id: Mapped[int] = mapped_column(ForeignKey("renovation_permit.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(50))
    phone: Mapped[str] = mapped_column(Encrypted("renovation_worker.phone"), default="")
    pass_no: Mapped[str] = mapped_column(String(30), unique=True)


class ViolationType(Base):
    """A kind of renovation violation (违规类型) the inspectors choose from; configurable."""

    __tablename__ = "renovation_violation_type"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(30), unique=True)
    name: Mapped[str] = mapped_column(String(50))
    default_days: Mapped[int] = mapped_column(Integer, default=3)
    active: Mapped[bool] = mapped_column(default=True)
    sort_key: Mapped[int] = mapped_column(Integer, default=0)


class Inspection(Base):
    """A site inspection (巡查) of a permit's unit."""

    __tablename__ = "renovation_inspection"
    __table_args__ = (
        CheckConstraint("result IN ('ok', 'violation', 'follow_up')", name="result"),
        Index("ix_renovation_inspection_permit", "permit_id", "inspected_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    permit_id: Mapped[int] = mapped_column(ForeignKey("renovation_permit.id", ondelete="CASCADE"))
    inspected_on: Mapped[date] = mapped_column(Date)
    inspector: Mapped[str] = mapped_column(String(50))
    result: Mapped[str] = mapped_column(String(20))
    notes: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[str] = mapped_column(String(50), default="")
    created_at: Mapped[datetime] = mapped_column(default=clock.column_now)


class InspectionPhoto(Base):
    """A photo taken at an inspection (stored in the database so every desk sees it)."""

    __tablename__ = "renovation_photo"
    __table_args__ = (Index("ix_renovation_photo_inspection", "inspection_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    inspection_id: Mapped[int] = mapped_column(
        ForeignKey("renovation_inspection.id", ondelete="CASCADE")
    )
    file_name: Mapped[str] = mapped_column(String(200))
    content: Mapped[bytes] = mapped_column(LargeBinary)


class Violation(Base):
    """A violation found at an inspection, with its rectification deadline and follow-up."""

    __tablename__ = "renovation_violation"
    __table_args__ = (
        CheckConstraint("status IN ('open', 'rectified')", name="status"),
        Index("ix_renovation_violation_open", "status", "deadline"),
        Index("ix_renovation_violation_permit", "permit_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    inspection_id: Mapped[int] = mapped_column(
        ForeignKey("renovation_inspection.id", ondelete="CASCADE")
    )
    permit_id: Mapped[int] = mapped_column(ForeignKey("renovation_permit.id", ondelete="CASCADE"))
    type_id: Mapped[int] = mapped_column(
        ForeignKey("renovation_violation_type.id", ondelete="RESTRICT")
    )
    description: Mapped[str] = mapped_column(String(300), default="")
    deadline: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="open")
    rectified_on: Mapped[date | None] = mapped_column(Date)
    follow_up_note: Mapped[str] = mapped_column(String(300), default="")
    followed_up_by: Mapped[str] = mapped_column(String(50), default="")
    ticket_id: Mapped[int | None] = mapped_column(Integer)


class DepositDeduction(Base):
    """One itemised deduction (扣款) from a permit's deposit at refund."""

    __tablename__ = "renovation_deduction"
    __table_args__ = (
        CheckConstraint("amount_fen > 0", name="amount_positive"),
        Index("ix_renovation_deduction_permit", "permit_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    permit_id: Mapped[int] = mapped_column(ForeignKey("renovation_permit.id", ondelete="CASCADE"))
    reason: Mapped[str] = mapped_column(String(100))
    amount_fen: Mapped[int] = mapped_column(Integer)
