"""The prepayment balance list (预收余额表) as .xlsx: one row per unit holding credit."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import IO

from propdesk.fees.prepaid_values import PrepaidRow
from propdesk.reporting.export_values import SheetHeader
from propdesk.reporting.unit_order import natural_key
from reports.excel.fees import DATE, MONEY, Column, SheetTotals, _write

PREPAID_COLUMNS: tuple[Column[PrepaidRow], ...] = (
    Column("楼栋", 12, lambda r: r.building),
    Column("房号", 14, lambda r: r.unit_code),
    Column("业主", 18, lambda r: r.owner),
    Column("预收余额", 14, lambda r: r.balance_fen, MONEY, total=True),
    Column("最近变动", 12, lambda r: r.last_moved_on, DATE),
)


def write_prepaid_sheet(
    rows: Iterable[PrepaidRow],
    target: str | Path | IO[bytes],
    *,
    title: str = "预收余额表",
    header: SheetHeader | None = None,
) -> SheetTotals:
    """Write the prepayment balance list (units in natural order); returns its totals (rows,
    预收余额 in fen)."""
    ordered = sorted(rows, key=lambda r: (natural_key(r.building), natural_key(r.unit_code)))
    totals = _write(
        ordered,
        PREPAID_COLUMNS,
        target,
        sheet_name=title,
        building_of=lambda r: r.building,
        per_building=False,
        header=header,
    )
    return next(iter(totals.values()))
