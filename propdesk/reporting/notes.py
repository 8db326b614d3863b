"""The month's written summary, problems and plan, saved with the month and printed in
its report (:class:`propdesk.reporting.values.MonthNotes`)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from propdesk.auth.permissions import Permission, require
from propdesk.errors import Conflict
from propdesk.fees.periods import parse_period
from propdesk.reporting.notes_models import MonthReportNote
from propdesk.reporting.values import MonthNotes
from propdesk.session_info import actor_name, actor_or_none
from propdesk.validate import clean_text

#: Characters each text may hold (a page of the report at most).
TEXT_LIMIT = 2000


def month_notes(session: Session, period: str) -> MonthNotes:
    """The notes of ``period``; empty (version 0) when nothing was written yet."""
    period = parse_period(period, "month")
    row = session.scalar(select(MonthReportNote).where(MonthReportNote.period == period))
    if row is None:
        return MonthNotes(period=period)
    return MonthNotes(
        period=period,
        summary=row.summary,
        problems=row.problems,
        plan=row.plan,
        updated_by=row.updated_by,
        version=row.version,
    )


def save_month_notes(
    session: Session,
    period: str,
    *,
    summary: str,
    problems: str,
    plan: str,
    expected_version: int,
) -> MonthNotes:
    """Save the month's texts (manager). ``expected_version`` is the version the writer
    started from (0 for a month without notes): another desk's save in between is refused."""
    require(actor_or_none(session), Permission.WRITE_REPORT)
    period = parse_period(period, "month")
    texts = {
        "summary": clean_text(summary, "summary", TEXT_LIMIT, label="工作总结"),
        "problems": clean_text(problems, "problems", TEXT_LIMIT, label="存在问题"),
        "plan": clean_text(plan, "plan", TEXT_LIMIT, label="下月计划"),
    }
    row = session.scalar(
        select(MonthReportNote).where(MonthReportNote.period == period).with_for_update()
    )
    stored = 0 if row is None else row.version
    if stored != expected_version:
        raise Conflict(f"{period} 的月报文字已被他人修改，请重新打开后再编辑。")
    if row is None:
        row = MonthReportNote(period=period)
        session.add(row)
    row.summary, row.problems, row.plan = texts["summary"], texts["problems"], texts["plan"]
    row.updated_by = actor_name(session)
    session.flush()
    return month_notes(session, period)
