"""Service-desk tables: tickets, their timeline, categories, SLA rules, staff and settings."""

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
from propdesk.models_base import Base, Versioned
from propdesk.models_base import one_of as _in
from propdesk.pii.columns import Encrypted
from propdesk.tickets.values import (
    CostKind,
    Department,
    TicketKind,
    TicketSource,
    TicketStatus,
    Urgency,
)


class TicketCategory(Base):
    """A category of one kind (e.g. repair/plumbing). Editable in settings; never deleted."""

    __tablename__ = "ticket_category"
    __table_args__ = (
        UniqueConstraint("kind", "code"),
        CheckConstraint(_in("kind", TicketKind), name="kind"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(50))
    default_department: Mapped[str] = mapped_column(String(20), default="")
    sort_key: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class SlaRule(Base):
    """Response and completion deadline for a kind (and optionally a category) and urgency."""

    __tablename__ = "ticket_sla_rule"
    __table_args__ = (
        UniqueConstraint("kind", "category_id", "urgency"),
        CheckConstraint(_in("urgency", Urgency), name="urgency"),
        CheckConstraint("response_minutes > 0", name="response_positive"),
        CheckConstraint("resolve_minutes > 0 OR resolve_working_days > 0", name="resolve_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    category_id: Mapped[int | None] = mapped_column(
        ForeignKey("ticket_category.id", ondelete="CASCADE")
    )
    urgency: Mapped[str] = mapped_column(String(20))
    response_minutes: Mapped[int] = mapped_column(Integer)
    resolve_minutes: Mapped[int] = mapped_column(Integer, default=0)
    resolve_working_days: Mapped[int] = mapped_column(Integer, default=0)


class TicketSetting(Base):
    """Service-desk settings as JSON text (repeat-complaint window, holidays, due-soon window)."""

    __tablename__ = "ticket_setting"

    key: Mapped[str] = mapped_column(String(50), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Staff(Versioned, Base):
    """A member of staff tickets are dispatched to (not a login account)."""

    __tablename__ = "ticket_staff"
    __table_args__ = (CheckConstraint(_in("department", Department), name="department"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    department: Mapped[str] = mapped_column(String(20))
    phone: Mapped[str] = mapped_column(Encrypted("ticket_staff.phone"), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class TicketCounter(Base):
    """The last number given per prefix and day (``BX20261123`` → 7), so numbers are gap-free."""

    __tablename__ = "ticket_counter"

    prefix: Mapped[str] = mapped_column(String(20), primary_key=True)
    last: Mapped[int] = mapped_column(Integer, default=0)


class Ticket(Versioned, Base):
    """A repair, complaint, inquiry or suggestion and where its workflow stands."""

    __tablename__ = "ticket"
    __table_args__ = (
        CheckConstraint(_in("kind", TicketKind), name="kind"),
        CheckConstraint(_in("source", TicketSource), name="source"),
        CheckConstraint(_in("status", TicketStatus), name="status"),
        CheckConstraint(_in("urgency", Urgency), name="urgency"),
        CheckConstraint("unit_id IS NOT NULL OR location <> ''", name="unit_or_location"),
        # The board lists newest first under one filter: (filter column, created_at) lets
        # SQLite walk the index in order and stop after one batch instead of sorting.
        Index("ix_ticket_created", "created_at", "status"),
        Index("ix_ticket_status_created", "status", "created_at"),
        Index("ix_ticket_kind_created", "kind", "created_at", "status"),
        Index("ix_ticket_category_created", "category_id", "created_at"),
        Index("ix_ticket_staff_created", "staff_id", "created_at"),
        Index("ix_ticket_department_created", "department", "created_at"),
        Index("ix_ticket_status_due", "status", "resolve_due"),
        Index("ix_ticket_status_done", "status", "done_at"),
        Index("ix_ticket_unit", "unit_id", "created_at"),
        # Per-status counts under one filter read only these (covering) indexes.
        Index("ix_ticket_kind_status", "kind", "status"),
        Index("ix_ticket_category_status", "category_id", "status"),
        Index("ix_ticket_staff_status", "staff_id", "status"),
        Index("ix_ticket_department_status", "department", "status"),
        Index("ix_ticket_search_created", "created_at", "search_text"),
        Index("ix_ticket_search_status", "status", "search_text"),
        Index("ix_ticket_person", "person_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    source: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20), default=TicketStatus.RECEIVED.value)
    urgency: Mapped[str] = mapped_column(String(20), default=Urgency.NORMAL.value)
    category_id: Mapped[int] = mapped_column(ForeignKey("ticket_category.id", ondelete="RESTRICT"))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"))
    location: Mapped[str] = mapped_column(String(100), default="")
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"))
    reporter_name: Mapped[str] = mapped_column(String(50), default="")
    reporter_phone: Mapped[str] = mapped_column(Encrypted("ticket.reporter_phone"), default="")
    description: Mapped[str] = mapped_column(Text)
    # number, unit code, reporter, place and description in one column, so the board's
    # free-text filter scans a narrow covering index instead of the whole table.
    search_text: Mapped[str] = mapped_column(String(2300), default="", server_default="")
    period: Mapped[str] = mapped_column(String(7))  # local YYYY-MM of intake, for statistics
    owner_user_id: Mapped[int | None] = mapped_column(
        ForeignKey("app_user.id", ondelete="SET NULL")
    )
    owner_name: Mapped[str] = mapped_column(String(50), default="")
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("ticket_staff.id", ondelete="RESTRICT"))
    department: Mapped[str] = mapped_column(String(20), default="")
    response_due: Mapped[datetime] = mapped_column()
    resolve_due: Mapped[datetime] = mapped_column()
    dispatched_at: Mapped[datetime | None] = mapped_column()
    responded_at: Mapped[datetime | None] = mapped_column()
    done_at: Mapped[datetime | None] = mapped_column()
    called_back_at: Mapped[datetime | None] = mapped_column()
    closed_at: Mapped[datetime | None] = mapped_column()
    cancelled_at: Mapped[datetime | None] = mapped_column()
    cancel_reason: Mapped[str] = mapped_column(String(200), default="")
    work_done: Mapped[str] = mapped_column(Text, default="")
    reopen_count: Mapped[int] = mapped_column(Integer, default=0)
    is_paid: Mapped[bool] = mapped_column(Boolean, default=False)
    charge_id: Mapped[int | None] = mapped_column(Integer)
    # Complaints (投诉) only.
    responsible_department: Mapped[str] = mapped_column(String(20), default="")
    complaint_valid: Mapped[bool | None] = mapped_column(Boolean)
    validity_reason: Mapped[str] = mapped_column(String(200), default="")
    root_cause: Mapped[str] = mapped_column(Text, default="")
    resolution: Mapped[str] = mapped_column(Text, default="")
    repeat_of_id: Mapped[int | None] = mapped_column(ForeignKey("ticket.id", ondelete="SET NULL"))


class TicketEvent(Base):
    """One step of a ticket's timeline: who did what, when, with a note."""

    __tablename__ = "ticket_event"
    __table_args__ = (Index("ix_ticket_event_ticket", "ticket_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("ticket.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(default=clock.column_now)
    action: Mapped[str] = mapped_column(String(30))
    from_status: Mapped[str] = mapped_column(String(20), default="")
    to_status: Mapped[str] = mapped_column(String(20), default="")
    actor_user_id: Mapped[int | None] = mapped_column(
        ForeignKey("app_user.id", ondelete="SET NULL")
    )
    actor_name: Mapped[str] = mapped_column(String(50), default="")
    note: Mapped[str] = mapped_column(Text, default="")


class TicketCostLine(Base):
    """A labour or materials line of a paid repair (有偿服务), in fen."""

    __tablename__ = "ticket_cost_line"
    __table_args__ = (
        CheckConstraint(_in("kind", CostKind), name="kind"),
        CheckConstraint("quantity > 0", name="quantity_positive"),
        CheckConstraint("unit_price_fen >= 0", name="price_not_negative"),
        Index("ix_ticket_cost_line_ticket", "ticket_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("ticket.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    description: Mapped[str] = mapped_column(String(100))
    quantity: Mapped[int] = mapped_column(Integer, default=1)
    unit_price_fen: Mapped[int] = mapped_column(Integer)
    amount_fen: Mapped[int] = mapped_column(Integer)


class TicketCallback(Base):
    """A callback (回访): three ratings 1–5, whether it is fixed, and a comment."""

    __tablename__ = "ticket_callback"
    __table_args__ = (
        CheckConstraint("overall BETWEEN 1 AND 5", name="overall_range"),
        CheckConstraint("speed BETWEEN 1 AND 5", name="speed_range"),
        CheckConstraint("attitude BETWEEN 1 AND 5", name="attitude_range"),
        Index("ix_ticket_callback_ticket", "ticket_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("ticket.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(default=clock.column_now)
    by_user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id", ondelete="SET NULL"))
    by_name: Mapped[str] = mapped_column(String(50), default="")
    overall: Mapped[int] = mapped_column(Integer)
    speed: Mapped[int] = mapped_column(Integer)
    attitude: Mapped[int] = mapped_column(Integer)
    fixed: Mapped[bool] = mapped_column(Boolean, default=True)
    comment: Mapped[str] = mapped_column(Text, default="")
    reopened: Mapped[bool] = mapped_column(Boolean, default=False)


class TicketQualityCheck(Base):
    """A supervisor's quality check (质检) of a closed ticket."""

    __tablename__ = "ticket_quality_check"
    __table_args__ = (Index("ix_ticket_quality_check_ticket", "ticket_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("ticket.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(default=clock.column_now)
    by_user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id", ondelete="SET NULL"))
    by_name: Mapped[str] = mapped_column(String(50), default="")
    passed: Mapped[bool] = mapped_column(Boolean)
    note: Mapped[str] = mapped_column(Text, default="")


class TicketAttachment(Base):
    """A photo or file copied into the data folder (``stored_path`` is relative to it)."""

    __tablename__ = "ticket_attachment"
    __table_args__ = (Index("ix_ticket_attachment_ticket", "ticket_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("ticket.id", ondelete="CASCADE"))
    file_name: Mapped[str] = mapped_column(String(200))
    stored_path: Mapped[str] = mapped_column(String(400))
    size: Mapped[int] = mapped_column(Integer)
    added_at: Mapped[datetime] = mapped_column(default=clock.column_now)
    added_by: Mapped[str] = mapped_column(String(50), default="")
