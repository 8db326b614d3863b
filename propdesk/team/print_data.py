"""What the team's printed documents carry: plain data for ``reports.pdf.team_assessment``
and ``reports.pdf.team_roster`` (no Qt, no ReportLab here)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.errors import NotFound
from propdesk.registry.services import get_estate
from propdesk.team import assessment, roster
from propdesk.team.values import (
    AssessmentSheetData as AssessmentSheetData,
)
from propdesk.team.values import (
    RosterPrintData as RosterPrintData,
)
from propdesk.team.volume import volume_by_hour


def _estate(session: Session) -> tuple[str, str]:
    try:
        estate = get_estate(session)
    except NotFound:
        return "", ""
    return estate.name, estate.company


def assessment_sheet_data(session: Session, *, user_id: int, period: str) -> AssessmentSheetData:
    """One clerk's month: figures, the manager's comment and the acknowledgement (the same
    visibility as on screen: a clerk prints only their own sheet)."""
    name, company = _estate(session)
    return AssessmentSheetData(
        name,
        company,
        assessment.sheet(session, user_id=user_id, period=period),
        clock.now(session),
    )


def roster_print_data(session: Session, *, year: int, month: int) -> RosterPrintData:
    """The month's roster grid and its hourly volume, for the printed roster."""
    name, company = _estate(session)
    return RosterPrintData(
        name,
        company,
        roster.month_grid(session, year, month),
        volume_by_hour(session, f"{year:04d}-{month:02d}"),
        clock.now(session),
    )
