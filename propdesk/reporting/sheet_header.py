"""What heads every exported sheet: the estate, the sheet's title and period, who made it
and when (制表人, 制表日期). Read in the export's transaction; the writer only prints it."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.registry.models import Estate
from propdesk.reporting.export_values import SheetHeader as SheetHeader
from propdesk.reporting.export_values import day_text as day_text
from propdesk.reporting.export_values import period_text as period_text
from propdesk.session_info import actor_name


def sheet_header(session: Session, title: str, period: str = "") -> SheetHeader:
    """The header of a sheet exported now by the session's user (the estate's first name)."""
    estate = session.scalar(select(Estate.name).order_by(Estate.id).limit(1)) or ""
    return SheetHeader(
        title=title,
        estate=estate,
        period=period,
        prepared_by=actor_name(session),
        prepared_on=clock.today(session),
    )
