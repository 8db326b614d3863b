"""The owner ledger of a building (业主台账) as a printed document.

Plain data in (:class:`propdesk.registry.ledger.LedgerLine`, phones already masked
for the user), PDF bytes out, on the shared page frame of :mod:`reports.pdf.document`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, TableStyle

from propdesk.files import write_private
from propdesk.registry.values import (
    OCCUPANCY_ROLE_ZH,
    UNIT_STATUS_ZH,
    LedgerLine,
    OccupancyRole,
    UnitStatus,
)
from reports.pdf.document import DocumentSpec, build_pdf, escape, para, styles, table, title

HEADER = ("房号", "面积(m²)", "状态", "业主/住户", "身份", "电话", "入住日期", "备注")
COL_WIDTHS_MM = (24, 19, 15, 26, 15, 27, 21, 33)
_SHADE = colors.HexColor("#edf1f6")


@dataclass(frozen=True)
class LedgerTotals:
    """The summary line: units, occupied (anything but vacant), vacant, total gross area."""

    units: int
    occupied: int
    vacant: int
    area_centi: int

    def text(self) -> str:
        return (
            f"共 {self.units} 套，已入住 {self.occupied} 套，空置 {self.vacant} 套，"
            f"总建筑面积 {_area(self.area_centi)} m²"
        )


def totals(lines: Sequence[LedgerLine]) -> LedgerTotals:
    """Count each unit once, however many people live in it."""
    units: dict[str, LedgerLine] = {}
    for line in lines:
        units.setdefault(line.unit_code, line)
    vacant = sum(1 for u in units.values() if u.status == UnitStatus.VACANT)
    return LedgerTotals(
        units=len(units),
        occupied=len(units) - vacant,
        vacant=vacant,
        area_centi=sum(u.area_centi for u in units.values()),
    )


def _area(centi: int) -> str:
    return f"{Decimal(centi) / 100:,.2f}"


def _status(value: str) -> str:
    return UNIT_STATUS_ZH[UnitStatus(value)] if value in set(UnitStatus) else value


def _role(value: str) -> str:
    return OCCUPANCY_ROLE_ZH[OccupancyRole(value)] if value in set(OccupancyRole) else value


def _rows(lines: Sequence[LedgerLine]) -> list[list[object]]:
    """Table rows; a unit's further occupants repeat its code in grey (readable when the
    unit runs over a page break) and leave area and status blank."""
    rows: list[list[object]] = [list(HEADER)]
    repeat = ParagraphStyle("repeat", parent=styles().cell, textColor=colors.HexColor("#8a8a8a"))
    previous = ""
    for line in lines:
        first = line.unit_code != previous
        previous = line.unit_code
        rows.append(
            [
                line.unit_code if first else Paragraph(escape(line.unit_code), repeat),
                _area(line.area_centi) if first else "",
                _status(line.status) if first else "",
                line.person_name,
                _role(line.role),
                line.phone,
                f"{line.start_date:%Y-%m-%d}" if line.start_date else "",
                line.person_notes if line.person_name else line.unit_notes,
            ]
        )
    return rows


def _unit_shading(lines: Sequence[LedgerLine]) -> list[tuple[Any, ...]]:
    """Shade every other unit (all its lines), so a unit's occupants read as one block."""
    cmds: list[tuple[Any, ...]] = []
    group, previous = -1, None
    for i, line in enumerate(lines, start=1):
        if line.unit_code != previous:
            group, previous = group + 1, line.unit_code
        if group % 2 == 1:
            cmds.append(("BACKGROUND", (0, i), (-1, i), _SHADE))
    return cmds


def owner_ledger_pdf(
    lines: Sequence[LedgerLine],
    *,
    estate_name: str,
    building_name: str,
    company: str = "",
    printed_by: str = "",
    printed_at: datetime | None = None,
    target: str | Path | IO[bytes] | None = None,
) -> bytes:
    """业主台账 of one building: one line per occupant (the unit's cells on its first line),
    vacant units on a line of their own, and the totals under the title."""
    heading = f"业主台账 · {building_name}" if building_name else "业主台账"
    story: list[Flowable] = [
        title(heading),
        para(totals(lines).text(), styles().center),
        Spacer(1, 3 * mm),
    ]
    if lines:
        t = table(_rows(lines), [w * mm for w in COL_WIDTHS_MM], right_align_cols=(1,), zebra=False)
        t.setStyle(TableStyle(_unit_shading(lines)))
        story.append(t)
    else:
        story.append(para("该楼栋尚未登记房屋。", styles().center))
    spec = DocumentSpec(
        title=heading,
        estate_name=estate_name,
        company=company,
        printed_at=printed_at,
        footer_note=f"打印人：{printed_by}" if printed_by else "",
    )
    data = build_pdf(spec, story)
    if isinstance(target, str | Path):
        write_private(target, data)
    elif target is not None:
        target.write(data)
    return data
