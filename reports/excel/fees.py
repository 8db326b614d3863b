"""The fee collection sheet (收费明细表), the arrears sheet (欠费明细表) and the arrears
call list (欠费催缴电话清单) as .xlsx.

Streaming (``write_only``) so a year of an estate writes in seconds with bounded memory:
rows are consumed from an iterator once. Every sheet opens with the title rows (estate,
title, period, 制表人, 制表日期: :mod:`reports.excel.layout`), then the header, frozen with
an autofilter; it prints A4 landscape at one page width with the title and header on every
page and page numbers. Money cells are numbers in yuan with the format ``¥#,##0.00``
(fen/100: the nearest double, read back ``round(x * 100)`` is the fen), dates are real
dates (serial numbers with a date format, as Excel stores them), and a totals row of
``SUBTOTAL`` formulas closes every sheet (it follows the autofilter). With
``per_building`` each building gets its own sheet (rows must come ordered by building).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from copy import copy
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import IO, Any, Generic, TypeVar

from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.filters import AutoFilter

from propdesk.fees.document_values import ArrearsSheetRow, FeeSheetRow
from propdesk.files import private_file
from propdesk.reporting.export_values import CallListRow, CollectionLine, SheetHeader
from reports.excel.cells import inert_row, subtotal
from reports.excel.layout import TITLE_ROWS, print_setup, write_title_rows

R = TypeVar("R")
MONEY = '"¥"#,##0.00'
DATE = "yyyy-mm-dd"
QTY = "#,##0.00"
_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")
_TOTAL_FONT = Font(bold=True)
# A cell's prepared StyleArray: in openpyxl's __slots__, not in its stubs.
_STYLE = "_style"
# A write-only sheet gets its autofilter from Worksheet._setup at runtime; the stubs omit it.
_AUTO_FILTER = "auto_filter"
# openpyxl's date → serial number (untyped upstream; a date gives whole days since 1899-12-30)
_to_excel: Callable[[date], float] = to_excel


def _yuan(fen: int) -> Decimal:
    return Decimal(fen).scaleb(-2)


@dataclass(frozen=True)
class Column(Generic[R]):
    header: str
    width: float
    get: Callable[[R], Any]
    fmt: str = ""
    total: bool = False  # money column summed in the totals row (value in fen)


def _receipt(r: FeeSheetRow) -> str:
    return r.receipt_no if isinstance(r, CollectionLine) else ""


def _paid_on(r: FeeSheetRow) -> date | None:
    return r.paid_on if isinstance(r, CollectionLine) else None


def _method(r: FeeSheetRow) -> str:
    return r.method if isinstance(r, CollectionLine) else ""


@dataclass
class SheetTotals:
    """Totals written, per money column header (fen), and the number of data rows."""

    rows: int = 0
    fen: dict[str, int] = field(default_factory=dict)


FEE_COLUMNS: tuple[Column[FeeSheetRow], ...] = (
    Column("楼栋", 10, lambda r: r.building),
    Column("房号", 12, lambda r: r.unit_code),
    Column("业主", 14, lambda r: r.owner),
    Column("收费项目", 14, lambda r: r.item),
    Column("账期", 9, lambda r: r.period),
    Column("应缴日期", 12, lambda r: r.due_date, DATE),
    Column("数量", 10, lambda r: r.quantity_centi / 100, QTY),
    Column("单价", 10, lambda r: r.rate_fen, MONEY),
    Column("应收", 13, lambda r: r.amount_fen, MONEY, True),
    Column("实收", 13, lambda r: r.paid_fen, MONEY, True),
    Column("减免", 11, lambda r: r.waived_fen, MONEY, True),
    Column("欠费", 13, lambda r: r.owed_fen, MONEY, True),
    Column("收据号", 16, _receipt),
    Column("收款日期", 12, _paid_on, DATE),
    Column("收款方式", 10, _method),
)

ARREARS_COLUMNS: tuple[Column[ArrearsSheetRow], ...] = (
    Column("楼栋", 10, lambda r: r.building),
    Column("房号", 12, lambda r: r.unit_code),
    Column("业主", 14, lambda r: r.owner),
    Column("电话", 14, lambda r: r.phone),
    Column("收费项目", 14, lambda r: r.item),
    Column("账期", 9, lambda r: r.period),
    Column("应缴日期", 12, lambda r: r.due_date, DATE),
    Column("欠费天数", 9, lambda r: r.days, "0"),
    Column("账龄", 10, lambda r: r.bucket),
    Column("欠费金额", 13, lambda r: r.owed_fen, MONEY, True),
    Column("滞纳金", 11, lambda r: r.late_fee_fen, MONEY, True),
)

CALL_COLUMNS: tuple[Column[CallListRow], ...] = (
    Column("楼栋", 9, lambda r: r.building),
    Column("房号", 11, lambda r: r.unit_code),
    Column("联系人", 12, lambda r: r.contact),
    Column("身份", 7, lambda r: r.role),
    Column("电话", 14, lambda r: r.phone),
    Column("其他联系人", 30, lambda r: r.others),
    Column("欠费金额", 13, lambda r: r.owed_fen, MONEY, True),
    Column("滞纳金", 11, lambda r: r.late_fee_fen, MONEY, True),
    Column("合计", 13, lambda r: r.total_fen, MONEY, True),
    Column("最早欠费", 12, lambda r: r.oldest_due, DATE),
    Column("欠费天数", 9, lambda r: r.days, "0"),
    Column("通话结果", 16, lambda r: ""),
    Column("承诺缴费日期", 13, lambda r: ""),
    Column("备注", 18, lambda r: ""),
)


#: The column header's row (under the title rows); data start on the next row.
HEADER_ROW = TITLE_ROWS + 1


class _SheetWriter(Generic[R]):
    def __init__(
        self, wb: Workbook, name: str, columns: tuple[Column[R], ...], header: SheetHeader
    ) -> None:
        self.ws: WriteOnlyWorksheet = wb.create_sheet(title=name[:31])
        self.columns = columns
        self.totals = SheetTotals(0, {c.header: 0 for c in columns if c.total})
        for i, c in enumerate(columns, start=1):
            self.ws.column_dimensions[get_column_letter(i)].width = c.width
        self.ws.freeze_panes = f"A{HEADER_ROW + 1}"
        # printing: A4 landscape, one page wide, title and header on every page, page numbers
        print_setup(self.ws, repeat_rows=HEADER_ROW)
        write_title_rows(self.ws, header, len(columns))
        self.ws.append(inert_row(self.ws, [self._head(c.header) for c in columns]))
        self._protos: list[StyleArray | None] = []
        for c in columns:
            if c.fmt:
                proto = WriteOnlyCell(self.ws, value=0)
                proto.number_format = c.fmt
                self._protos.append(getattr(proto, _STYLE))
            else:
                self._protos.append(None)
        self._serials: dict[date, float] = {}

    def _head(self, text: str) -> Cell:
        cell = WriteOnlyCell(self.ws, value=text)
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(horizontal="center")
        return cell

    def add(self, row: R) -> None:
        values: list[Any] = []
        ws = self.ws
        for c, proto in zip(self.columns, self._protos, strict=True):
            v = c.get(row)
            if proto is None:
                values.append(v)
                continue
            if c.fmt == MONEY:
                if c.total:
                    self.totals.fen[c.header] += v
                v = v / 100  # the nearest double of an exact fen amount; Excel shows it exactly
            elif c.fmt == DATE:
                if v is None:
                    values.append(None)
                    continue
                v = self._serial(v)
            cell = WriteOnlyCell(ws, value=v)
            setattr(cell, _STYLE, copy(proto))  # share the prepared style: no per-cell lookup
            values.append(cell)
        self.totals.rows += 1
        ws.append(inert_row(ws, values))

    def _serial(self, day: date) -> float:
        serial = self._serials.get(day)
        if serial is None:
            serial = self._serials[day] = _to_excel(day)
        return serial

    def close(self) -> SheetTotals:
        """The totals row: ``SUBTOTAL`` of each money column over the data rows (it follows
        the autofilter); the exact totals in fen are returned for the caller to report."""
        first_row, last_row = HEADER_ROW + 1, HEADER_ROW + self.totals.rows
        cells: list[Any] = []
        for i, c in enumerate(self.columns):
            if c.total:
                letter = get_column_letter(i + 1)
                cells.append(subtotal(letter, first_row, last_row, number_format=MONEY))
                continue
            if i == 0:
                cell = WriteOnlyCell(self.ws, value="合计")
            elif i == 1:
                cell = WriteOnlyCell(self.ws, value=f"{self.totals.rows:,} 行")
            else:
                cell = WriteOnlyCell(self.ws, value=None)
            cell.font = _TOTAL_FONT
            cells.append(cell)
        self.ws.append(inert_row(self.ws, cells))
        auto_filter: AutoFilter = getattr(self.ws, _AUTO_FILTER)
        auto_filter.ref = (
            f"A{HEADER_ROW}:{get_column_letter(len(self.columns))}{max(last_row, HEADER_ROW)}"
        )
        return self.totals


def _write(
    rows: Iterable[R],
    columns: tuple[Column[R], ...],
    target: str | Path | IO[bytes],
    *,
    sheet_name: str,
    building_of: Callable[[R], str],
    per_building: bool,
    header: SheetHeader | None = None,
) -> dict[str, SheetTotals]:
    wb = Workbook(write_only=True)
    result: dict[str, SheetTotals] = {}
    writer: _SheetWriter[R] | None = None
    current = None
    base = header or SheetHeader(title=sheet_name)

    def head(key: str) -> SheetHeader:
        if not per_building:
            return base
        return replace(base, title=f"{base.title}（{key}）")

    for row in rows:
        key = building_of(row) if per_building else sheet_name
        if writer is None or key != current:
            if writer is not None and current is not None:
                result[current] = writer.close()
            writer = _SheetWriter(wb, key, columns, head(key))
            current = key
        writer.add(row)
    if writer is None:
        writer = _SheetWriter(wb, sheet_name, columns, base)
        current = sheet_name
    assert current is not None
    result[current] = writer.close()
    wb.save(target)
    if isinstance(target, str | Path):
        private_file(Path(target))
    return result


def write_fee_sheet(
    rows: Iterable[FeeSheetRow],
    target: str | Path | IO[bytes],
    *,
    title: str = "收费明细表",
    per_building: bool = False,
    header: SheetHeader | None = None,
) -> dict[str, SheetTotals]:
    """Write the collection sheet; returns the totals of each sheet (by sheet name).

    Rows of :func:`propdesk.reporting.fee_sheet.collection_lines` fill the receipt columns
    (收据号, 收款日期, 收款方式); plain :class:`FeeSheetRow` rows leave them empty.
    """
    return _write(
        rows,
        FEE_COLUMNS,
        target,
        sheet_name=title,
        building_of=lambda r: r.building,
        per_building=per_building,
        header=header,
    )


def write_arrears_sheet(
    rows: Iterable[ArrearsSheetRow],
    target: str | Path | IO[bytes],
    *,
    title: str = "欠费明细表",
    per_building: bool = False,
    header: SheetHeader | None = None,
) -> dict[str, SheetTotals]:
    """Write the arrears sheet; returns the totals of each sheet (by sheet name)."""
    return _write(
        rows,
        ARREARS_COLUMNS,
        target,
        sheet_name=title,
        building_of=lambda r: r.building,
        per_building=per_building,
        header=header,
    )


def write_call_list(
    rows: Iterable[CallListRow],
    target: str | Path | IO[bytes],
    *,
    title: str = "欠费催缴电话清单",
    header: SheetHeader | None = None,
) -> SheetTotals:
    """Write the arrears call list (one sheet); returns its totals."""
    totals = _write(
        rows,
        CALL_COLUMNS,
        target,
        sheet_name=title,
        building_of=lambda r: r.building,
        per_building=False,
        header=header,
    )
    return next(iter(totals.values()))


def sheet_date(value: Any) -> date | None:
    """A date cell read back by openpyxl (a ``datetime``) as a ``date``."""
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else None
