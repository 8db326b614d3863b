"""The audit log table: append-only (database triggers refuse UPDATE and DELETE), hash-chained,
written in the same transaction as the change."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from propdesk import clock
from propdesk.models_base import Base


class AuditEntry(Base):
    __tablename__ = "audit_log"
    __table_args__ = (
        Index("ix_audit_log_record", "table_name", "record_id"),
        Index("ix_audit_log_at", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=clock.column_now)
    user_id: Mapped[int | None] = mapped_column()
    username: Mapped[str] = mapped_column(String(50))
    os_user: Mapped[str] = mapped_column(String(64), default="", server_default="")
    host: Mapped[str] = mapped_column(String(120), default="", server_default="")
    action: Mapped[str] = mapped_column(String(20))  # insert / update / delete / reveal
    table_name: Mapped[str] = mapped_column(String(60))
    record_id: Mapped[str] = mapped_column(String(60))
    changes: Mapped[str] = mapped_column(Text, default="{}")  # JSON {field: [old, new]}
    # PostgreSQL: the server login that wrote the row (set by the seal trigger); SQLite: "".
    db_user: Mapped[str] = mapped_column(String(63), default="", server_default="")
    # The hash chain (propdesk.audit.chain), filled by the database's seal trigger.
    prev_hash: Mapped[str] = mapped_column(String(64), default="", server_default="")
    row_hash: Mapped[str] = mapped_column(String(64), default="", server_default="")
