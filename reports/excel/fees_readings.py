"""Meter reading workbooks: the blank sheet for a period (one row per meter) and reading it back.

The blank sheet opens with the title rows (estate, period, 制表人, 制表日期), lists the meters
by unit in natural order, and prints A4 landscape with every column on one page width and
the header on each page. Reading it back finds the header row among the first rows, so a
sheet with or without title rows imports alike; problems name the Excel row.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Border, Font, PatternFill, Side
from openpyxl.utils.exceptions import InvalidFileException

from propdesk.errors import DomainError
from propdesk.fees.document_values import HEADERS, GridRow, ReadingRow
from propdesk.files import write_private
from propdesk.reporting.export_values import SheetHeader
from propdesk.reporting.unit_order import natural_key
from reports.excel.cells import inert_workbook
from reports.excel.layout import TITLE_ROWS, print_setup, put_title_rows

SHEET = "抄表"
#: How far down the header row may be (title rows above it).
HEADER_SEARCH_ROWS = 10
_BOLD = Font(bold=True)
_FILL = PatternFill("solid", fgColor="DDE6F0")
_THIN = Side(style="thin", color="999999")


def write_reading_sheet(
    rows: Sequence[GridRow],
    target: str | Path | IO[bytes] | None = None,
    *,
    header: SheetHeader | None = None,
) -> bytes:
    """A sheet to fill in: meter code, the columns to type into, unit and last reading."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = SHEET
    columns = [*HEADERS, "房号", "上期读数"]
    put_title_rows(ws, header or SheetHeader(title="抄表表"), len(columns))
    ws.append(columns)
    head_row = ws.max_row
    for cell in ws[head_row]:
        cell.font = _BOLD
        cell.fill = _FILL
    ordered = sorted(rows, key=lambda g: (natural_key(g.unit_code), natural_key(g.meter_code)))
    for g in ordered:
        last = None if g.previous_centi is None else g.previous_centi / 100
        ws.append([g.meter_code, None, "正常", None, None, None, g.unit_code, last])
        for cell in ws[ws.max_row]:
            cell.border = Border(bottom=_THIN)  # a line to write on when printed
    ws.freeze_panes = f"A{head_row + 1}"
    for col, width in zip("ABCDEFGH", (16, 12, 8, 12, 12, 12, 12, 12), strict=True):
        ws.column_dimensions[col].width = width
    print_setup(ws, repeat_rows=TITLE_ROWS + 1)
    buf = io.BytesIO()
    inert_workbook(wb).save(buf)
    data = buf.getvalue()
    if isinstance(target, str | Path):
        write_private(target, data)
    elif target is not None:
        target.write(data)
    return data


def read_reading_sheet(source: str | Path | bytes | IO[bytes]) -> list[ReadingRow]:
    """Rows with their Excel row numbers; blank rows and rows without a reading are skipped."""
    stream: Any = io.BytesIO(source) if isinstance(source, bytes) else source
    try:
        wb = load_workbook(stream, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError):
        raise DomainError("无法读取该文件：请使用 .xlsx 格式的抄表表格。") from None
    try:
        ws = wb[SHEET] if SHEET in wb.sheetnames else wb.worksheets[0]
        it = ws.iter_rows(values_only=True)
        header: list[str] = []
        at = 0
        for at, values in enumerate(it, start=1):
            header = [str(h).strip() if h is not None else "" for h in values]
            if ("表号" in header and "本期读数" in header) or at >= HEADER_SEARCH_ROWS:
                break
        if "表号" not in header or "本期读数" not in header:
            raise DomainError("表格的表头行应有“表号”和“本期读数”两列。")
        out: list[ReadingRow] = []
        for n, values in enumerate(it, start=at + 1):
            cells: dict[str, object] = {
                h: values[j] for j, h in enumerate(header) if h in HEADERS and j < len(values)
            }
            if all(v is None or str(v).strip() == "" for v in cells.values()):
                continue
            if cells.get("本期读数") in (None, "") and cells.get("类型") in (None, "", "正常"):
                continue  # a meter not read this time
            out.append(ReadingRow(n, cells))
        return out
    finally:
        wb.close()
