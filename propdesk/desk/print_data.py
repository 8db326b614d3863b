"""What the handover sheet (交接班记录) prints: plain data for ``reports.pdf.handover_sheet``."""

from __future__ import annotations

from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.desk import shiftlog
from propdesk.desk.values import (
    ENTRY_KIND_ZH,
    ENTRY_STATUS_ZH,
    HANDOVER_KIND_ZH,
    EntryInfo,
    HandoverLine,
    label,
)
from propdesk.desk.values import HandoverSheetData as HandoverSheetData
from propdesk.desk.values import SheetEntry as SheetEntry
from propdesk.desk.values import SheetLine as SheetLine
from propdesk.errors import NotFound
from propdesk.fees.daily_close import handed_over_cash
from propdesk.registry.services import get_estate


def _entry(e: EntryInfo) -> SheetEntry:
    return SheetEntry(
        e.at,
        label(ENTRY_KIND_ZH, e.kind),
        e.text,
        e.unit_code,
        e.ticket_number,
        label(ENTRY_STATUS_ZH, e.status),
        e.by_name,
    )


def _line(line: HandoverLine) -> SheetLine:
    return SheetLine(label(HANDOVER_KIND_ZH, line.kind), line.text)


def handover_sheet_data(session: Session, shift_id: int) -> HandoverSheetData:
    """The sheet of a shift (an open shift prints its log and the handover as it stands now)."""
    info = shiftlog.shift_detail(session, shift_id)
    try:
        estate = get_estate(session)
        estate_name, company = estate.name, estate.company
    except NotFound:
        estate_name, company = "", ""
    lines = info.items if info.closed_at else tuple(shiftlog.compose_handover(session))
    return HandoverSheetData(
        estate_name,
        company,
        info.id,
        info.started_by,
        info.started_at,
        info.closed_by,
        info.closed_at,
        info.acknowledged_by,
        info.acknowledged_at,
        info.handover_note,
        tuple(_entry(e) for e in shiftlog.entries_of_shift(session, shift_id)),
        tuple(_line(line) for line in lines),
        handed_over_cash(
            session,
            cashier=info.closed_by or info.started_by,
            day=clock.local_date(info.closed_at or info.started_at),
        ),
    )
