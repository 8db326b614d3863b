"""Archive tables: document kinds (the checklist), stored scans, documents and the paper log.

A document belongs to the unit, the household (occupancy) or the person (``scope``); the
unit's own papers stay with the unit when a household moves out. Scans are stored in the
database (``archive_file``, one row per distinct content) so every desk sees them.
``archive_document.on_loan`` is only set by a conditional ``UPDATE ... WHERE on_loan = false``
so two desks can never lend the same paper twice.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
)
from sqlalchemy.orm import Mapped, deferred, mapped_column

from propdesk.archive.values import Scope, Source, Stage
from propdesk.models_base import Base, Versioned
from propdesk.models_base import one_of as _in


class ArchiveKind(Versioned, Base):
    """A kind of document on the checklist (defined by a manager)."""

    __tablename__ = "archive_kind"
    __table_args__ = (
        CheckConstraint(_in("stage", Stage), name="stage"),
        CheckConstraint(_in("scope", Scope), name="scope"),
        CheckConstraint("validity_months IS NULL OR validity_months > 0", name="validity_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(30), default="")  # set for printed kinds
    name: Mapped[str] = mapped_column(String(50), unique=True)
    stage: Mapped[str] = mapped_column(String(12))
    scope: Mapped[str] = mapped_column(String(12), default=Scope.UNIT.value)
    required: Mapped[bool] = mapped_column(Boolean, default=True)
    validity_months: Mapped[int | None] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    sort_key: Mapped[int] = mapped_column(Integer, default=0)


class ArchiveFile(Base):
    """A stored scan or printed PDF; identical content is stored once (``sha256``)."""

    __tablename__ = "archive_file"

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    file_name: Mapped[str] = mapped_column(String(200))
    size: Mapped[int] = mapped_column(Integer)
    content: Mapped[bytes] = deferred(mapped_column(LargeBinary))


class ArchiveDocument(Versioned, Base):
    __tablename__ = "archive_document"
    __table_args__ = (
        CheckConstraint(_in("scope", Scope), name="scope"),
        CheckConstraint(_in("source", Source), name="source"),
        CheckConstraint(
            "(scope = 'unit' AND unit_id IS NOT NULL)"
            " OR (scope = 'household' AND occupancy_id IS NOT NULL)"
            " OR (scope = 'person' AND person_id IS NOT NULL)",
            name="owner_given",
        ),
        CheckConstraint("expires_on IS NULL OR expires_on >= doc_date", name="dates_in_order"),
        Index("ix_archive_document_unit", "unit_id", "kind_id"),
        Index("ix_archive_document_occupancy", "occupancy_id"),
        Index("ix_archive_document_person", "person_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind_id: Mapped[int] = mapped_column(ForeignKey("archive_kind.id", ondelete="RESTRICT"))
    scope: Mapped[str] = mapped_column(String(12))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"))
    occupancy_id: Mapped[int | None] = mapped_column(
        ForeignKey("occupancy.id", ondelete="RESTRICT")
    )
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"))
    title: Mapped[str] = mapped_column(String(100), default="")
    doc_date: Mapped[date] = mapped_column(Date)
    expires_on: Mapped[date | None] = mapped_column(Date)
    file_id: Mapped[int | None] = mapped_column(
        ForeignKey("archive_file.id", ondelete="RESTRICT"), index=True
    )
    cabinet: Mapped[str] = mapped_column(String(20), default="")
    box: Mapped[str] = mapped_column(String(20), default="")
    source: Mapped[str] = mapped_column(String(10), default=Source.MANUAL.value)
    note: Mapped[str] = mapped_column(String(200), default="")
    on_loan: Mapped[bool] = mapped_column(Boolean, default=False)
    filed_by: Mapped[str] = mapped_column(String(50), default="")


class ArchiveLoan(Base):
    """One lending of a paper original: who, when, due back, returned."""

    __tablename__ = "archive_loan"
    __table_args__ = (Index("ix_archive_loan_document", "document_id", "returned_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("archive_document.id", ondelete="CASCADE"))
    borrower: Mapped[str] = mapped_column(String(50))
    purpose: Mapped[str] = mapped_column(String(100), default="")
    lent_at: Mapped[datetime] = mapped_column()
    due_on: Mapped[date] = mapped_column(Date)
    lent_by: Mapped[str] = mapped_column(String(50), default="")
    returned_at: Mapped[datetime | None] = mapped_column()
    returned_to: Mapped[str] = mapped_column(String(50), default="")
