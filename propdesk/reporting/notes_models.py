"""The written part of a monthly report (月报文字): summary, problems and next month's plan."""

from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from propdesk.models_base import Base, Versioned


class MonthReportNote(Versioned, Base):
    """What the manager wrote for one month's report; one row per month (``YYYY-MM``)."""

    __tablename__ = "month_report_note"

    id: Mapped[int] = mapped_column(primary_key=True)
    period: Mapped[str] = mapped_column(String(7), unique=True)
    summary: Mapped[str] = mapped_column(Text, default="")
    problems: Mapped[str] = mapped_column(Text, default="")
    plan: Mapped[str] = mapped_column(Text, default="")
    updated_by: Mapped[str] = mapped_column(String(50), default="")
