"""Call desk tables: calls, outages and what they affect, knowledge base entries and the
searches that found nothing, the directory of useful numbers, reminders and the log of
Today items ticked done."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from propdesk import clock
from propdesk.calls.values import (
    CallState,
    Direction,
    DirectoryCategory,
    OutageKind,
    Outcome,
    Recurrence,
    ReminderKind,
    Topic,
)
from propdesk.models_base import Base, Versioned
from propdesk.models_base import one_of as _in
from propdesk.pii.columns import Encrypted


class CallRecord(Base):
    """One phone call, in or out. A call that rang but is not yet logged is ``missed``.

    ``number`` holds the normalised digits (``13812345678``, ``075512345678``), encrypted at
    rest like every phone; ``number_hmac`` is its lookup hash (the same as
    ``person.phone_hmac`` for the same number) and ``number_tail`` its last four in clear,
    so a lookup by the whole number or by its tail uses an index.
    """

    __tablename__ = "call_record"
    __table_args__ = (
        CheckConstraint(_in("direction", Direction), name="direction"),
        CheckConstraint(_in("state", CallState), name="state"),
        CheckConstraint(_in("topic", Topic, blank=True), name="topic"),
        CheckConstraint(_in("outcome", Outcome, blank=True), name="outcome"),
        Index("ix_call_record_at", "at"),
        Index("ix_call_record_number_hmac", "number_hmac", "at"),
        Index("ix_call_record_tail", "number_tail", "at"),
        Index("ix_call_record_topic", "topic", "at"),
        Index("ix_call_record_unit", "unit_id", "at"),
        Index("ix_call_record_queue", "state", "callback_done_at"),
        Index("ix_call_record_callback_due", "callback_due"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    direction: Mapped[str] = mapped_column(String(3), default=Direction.IN.value)
    state: Mapped[str] = mapped_column(String(10), default=CallState.LOGGED.value)
    at: Mapped[datetime] = mapped_column()
    number: Mapped[str] = mapped_column(Encrypted("call_record.number"), default="")
    number_hmac: Mapped[str] = mapped_column(String(32), default="", server_default="")
    number_tail: Mapped[str] = mapped_column(String(4), default="")
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id", ondelete="SET NULL"))
    caller_name: Mapped[str] = mapped_column(String(50), default="")
    topic: Mapped[str] = mapped_column(String(20), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(String(20), default="")
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("ticket.id", ondelete="SET NULL"))
    contact_log_id: Mapped[int | None] = mapped_column(
        ForeignKey("fee_contact_log.id", ondelete="SET NULL")
    )
    transfer_to: Mapped[str] = mapped_column(String(100), default="")
    transfer_ext: Mapped[str] = mapped_column(String(20), default="")
    callback_due: Mapped[datetime | None] = mapped_column()
    callback_done_at: Mapped[datetime | None] = mapped_column()
    # an outbound call returning an earlier call (a callback or a missed call returned)
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("call_record.id", ondelete="SET NULL"), index=True
    )
    clerk_user_id: Mapped[int | None] = mapped_column(
        ForeignKey("app_user.id", ondelete="SET NULL")
    )
    clerk_name: Mapped[str] = mapped_column(String(50), default="")
    created_at: Mapped[datetime] = mapped_column(default=clock.column_now)


class Outage(Versioned, Base):
    """A water, power, lift or gas outage, planned or an emergency (停水停电登记)."""

    __tablename__ = "outage"
    __table_args__ = (
        CheckConstraint(_in("kind", OutageKind), name="kind"),
        Index("ix_outage_open", "closed", "starts_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    planned: Mapped[bool] = mapped_column(Boolean, default=True)
    title: Mapped[str] = mapped_column(String(100), default="")
    starts_at: Mapped[datetime] = mapped_column()
    ends_at: Mapped[datetime | None] = mapped_column()
    actual_end_at: Mapped[datetime | None] = mapped_column()
    reason: Mapped[str] = mapped_column(String(500), default="")
    script: Mapped[str] = mapped_column(Text, default="")
    whole_estate: Mapped[bool] = mapped_column(Boolean, default=False)
    closed: Mapped[bool] = mapped_column(Boolean, default=False)
    created_by: Mapped[str] = mapped_column(String(50), default="")


class OutageTarget(Base):
    """A building or a unit an outage affects."""

    __tablename__ = "outage_target"
    __table_args__ = (
        CheckConstraint("(building_id IS NULL) <> (unit_id IS NULL)", name="building_or_unit"),
        Index("ix_outage_target_outage", "outage_id"),
        Index("ix_outage_target_building", "building_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    outage_id: Mapped[int] = mapped_column(ForeignKey("outage.id", ondelete="CASCADE"))
    building_id: Mapped[int | None] = mapped_column(ForeignKey("building.id", ondelete="CASCADE"))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id", ondelete="CASCADE"))


class KbEntry(Versioned, Base):
    """A knowledge-base entry (答客问): a question and the answer or script the desk gives.

    ``search_key`` is what search matches: the text lower-cased, its pinyin initials and
    its Chinese bigrams (:func:`propdesk.calls.textkeys.search_key`).
    """

    __tablename__ = "kb_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    question: Mapped[str] = mapped_column(String(200))
    answer: Mapped[str] = mapped_column(Text)
    category: Mapped[str] = mapped_column(String(30), default="", index=True)
    tags: Mapped[str] = mapped_column(String(200), default="")
    ticket_categories: Mapped[str] = mapped_column(String(200), default="")
    owner_user_id: Mapped[int | None] = mapped_column(
        ForeignKey("app_user.id", ondelete="SET NULL")
    )
    owner_name: Mapped[str] = mapped_column(String(50), default="")
    last_checked: Mapped[date | None] = mapped_column(Date)
    expires_on: Mapped[date | None] = mapped_column(Date, index=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    search_key: Mapped[str] = mapped_column(Text, default="")


class KbTerm(Base):
    """A term a knowledge-base entry is found by (bigram, word, pinyin): search looks terms
    up through the primary key's index instead of scanning every entry's text."""

    __tablename__ = "kb_term"
    __table_args__ = (Index("ix_kb_term_entry", "entry_id"),)

    term: Mapped[str] = mapped_column(String(40), primary_key=True)
    entry_id: Mapped[int] = mapped_column(
        ForeignKey("kb_entry.id", ondelete="CASCADE"), primary_key=True
    )


class KbMiss(Base):
    """A knowledge-base search that found nothing (listed for the manager)."""

    __tablename__ = "kb_miss"
    __table_args__ = (Index("ix_kb_miss_query", "query"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    query: Mapped[str] = mapped_column(String(100))
    at: Mapped[datetime] = mapped_column(default=clock.column_now)
    by_name: Mapped[str] = mapped_column(String(50), default="")


class DirectoryEntry(Versioned, Base):
    """A useful number (常用电话): utilities, police, community office, contractors."""

    __tablename__ = "phone_directory"
    __table_args__ = (CheckConstraint(_in("category", DirectoryCategory), name="category"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    category: Mapped[str] = mapped_column(String(20), default=DirectoryCategory.OTHER.value)
    phone: Mapped[str] = mapped_column(String(30))
    extension: Mapped[str] = mapped_column(String(20), default="")
    notes: Mapped[str] = mapped_column(String(300), default="")
    search_key: Mapped[str] = mapped_column(Text, default="")


class Reminder(Versioned, Base):
    """A dated note on a household or person (事务提醒) or a resident's instruction with an
    end date (嘱托), one-off or recurring, for a clerk or the whole desk (no assignee)."""

    __tablename__ = "call_reminder"
    __table_args__ = (
        CheckConstraint(_in("kind", ReminderKind), name="kind"),
        CheckConstraint(_in("recurrence", Recurrence), name="recurrence"),
        Index("ix_call_reminder_due", "active", "due_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), default=ReminderKind.REMINDER.value)
    title: Mapped[str] = mapped_column(String(100))
    note: Mapped[str] = mapped_column(Text, default="")
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id", ondelete="CASCADE"))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    due_on: Mapped[date] = mapped_column(Date)
    recurrence: Mapped[str] = mapped_column(String(10), default=Recurrence.NONE.value)
    valid_until: Mapped[date | None] = mapped_column(Date)
    assignee_user_id: Mapped[int | None] = mapped_column(
        ForeignKey("app_user.id", ondelete="SET NULL")
    )
    assignee_name: Mapped[str] = mapped_column(String(50), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_by: Mapped[str] = mapped_column(String(50), default="")


class TodayDone(Base):
    """A Today item ticked done: what it was, for which day, by whom and when."""

    __tablename__ = "today_done"
    __table_args__ = (Index("ix_today_done_item", "item_kind", "item_ref", "for_day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    item_kind: Mapped[str] = mapped_column(String(20))
    item_ref: Mapped[int] = mapped_column(Integer)
    for_day: Mapped[date] = mapped_column(Date)
    title: Mapped[str] = mapped_column(String(200), default="")
    done_at: Mapped[datetime] = mapped_column(default=clock.column_now)
    done_by: Mapped[str] = mapped_column(String(50), default="")
