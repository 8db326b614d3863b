"""Notice templates (通知模板) and the history of posted notices (张贴记录)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from propdesk import clock
from propdesk.models_base import Base, Versioned


class NoticeTemplate(Versioned, Base):
    """An editable notice template: title and body with ``{field}`` placeholders.

    ``fields`` is JSON: a list of ``{"key", "label", "kind", "default"}`` describing the
    form a clerk fills in (kind: ``text``, ``date``, ``time``, ``multiline``).
    """

    __tablename__ = "notice_template"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(50))
    title: Mapped[str] = mapped_column(String(100))
    body: Mapped[str] = mapped_column(Text)
    fields: Mapped[str] = mapped_column(Text, default="[]")
    sort_key: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class PostedNotice(Base):
    """One notice as it was printed and posted: its text, where, how many copies, when."""

    __tablename__ = "notice_posted"
    __table_args__ = (Index("ix_notice_posted_on", "posted_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    template_id: Mapped[int | None] = mapped_column(
        ForeignKey("notice_template.id", ondelete="SET NULL")
    )
    template_name: Mapped[str] = mapped_column(String(50), default="")
    title: Mapped[str] = mapped_column(String(100))
    body: Mapped[str] = mapped_column(Text)
    audiences: Mapped[str] = mapped_column(Text, default="")  # one line per posted copy group
    copies: Mapped[int] = mapped_column(Integer, default=1)
    pages: Mapped[int] = mapped_column(Integer, default=1)
    posted_on: Mapped[date] = mapped_column(Date)
    posted_at: Mapped[datetime] = mapped_column(default=clock.column_now)
    posted_by: Mapped[str] = mapped_column(String(50), default="")
