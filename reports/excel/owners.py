"""Owner ledger (业主台账) workbooks: the import template, reading an upload, the export and
the error report. Pure functions: plain data in, ``.xlsx`` bytes (or a file) out.

The columns are :data:`propdesk.registry.ledger.COLUMNS`; the import logic is
:func:`propdesk.registry.ledger.import_ledger`.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from propdesk.errors import DomainError
from propdesk.files import write_private
from propdesk.registry.ledger_columns import (
    COLUMNS,
    HEADERS,
    REQUIRED_HEADERS,
    LedgerError,
    SourceRow,
)
from propdesk.registry.values import LedgerLine
from propdesk.reporting.export_values import SheetHeader
from propdesk.reporting.unit_order import natural_key
from reports.excel.cells import inert_row, inert_workbook
from reports.excel.layout import TITLE_ROWS, print_setup, write_title_rows

SHEET = "业主台账"
HELP_SHEET = "填写说明"
#: Rows of the template that get drop-down lists (Excel applies them lazily; cheap).
TEMPLATE_ROWS = 20_000
#: How far down an upload's header row may be (a title row above it is common).
HEADER_SEARCH_ROWS = 10
UNIT_CODE_HEADER = "房屋编号"

_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")
# kept as text so 0301 / IDs / phones survive Excel
_TEXT_COLUMNS = {"楼栋", "房号", "手机", "身份证号", "紧急联系人电话"}
_DATE_FORMAT = "yyyy-mm-dd"
# written as Excel dates when they hold one date (the household's with several are text)
_DATE_COLUMNS = {"入住日期", "月卡起", "月卡止", "宠物疫苗日期"}
_AREA_FORMAT = "0.00"

Target = str | Path | IO[bytes] | None


class LedgerFileError(DomainError):
    """The uploaded file cannot be read as an owner ledger (not xlsx, empty, wrong header)."""


def _finish(wb: Workbook, target: Target) -> bytes:
    buf = io.BytesIO()
    inert_workbook(wb).save(buf)
    data = buf.getvalue()
    if isinstance(target, str | Path):
        write_private(target, data)
    elif target is not None:
        target.write(data)
    return data


# --- template ------------------------------------------------------------------------


def write_template(target: Target = None) -> bytes:
    """The import template: a header row with drop-down lists, widths and a frozen header,
    plus a 填写说明 sheet with what each column takes and a sample row."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = SHEET
    for j, col in enumerate(COLUMNS, start=1):
        cell = ws.cell(row=1, column=j, value=col.header)
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(horizontal="center")
        letter = get_column_letter(j)
        dim = ws.column_dimensions[letter]
        dim.width = col.width
        if col.header in _TEXT_COLUMNS:
            dim.number_format = "@"
        elif col.header in _DATE_COLUMNS:
            dim.number_format = _DATE_FORMAT
        elif col.header == "建筑面积":
            dim.number_format = _AREA_FORMAT
        if col.choices:
            dv = DataValidation(
                type="list",
                formula1='"' + ",".join(col.choices) + '"',
                allow_blank=True,
                showErrorMessage=True,
                errorTitle=col.header,
                error=f"请从列表中选择：{'、'.join(col.choices)}",
            )
            dv.add(f"{letter}2:{letter}{TEMPLATE_ROWS}")
            ws.add_data_validation(dv)
    ws.freeze_panes = "A2"
    print_setup(ws, repeat_rows=1)  # the template is filled from row 2: no title rows
    _write_help(wb.create_sheet(HELP_SHEET))
    wb.active = 0
    return _finish(wb, target)


def _write_help(ws: Worksheet) -> None:
    ws.append(["列名", "必填", "说明", "示例"])
    for cell in ws[1]:
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
    for col in COLUMNS:
        ws.append([col.header, "是" if col.required else "", col.hint, col.sample])
    ws.append([])
    ws.append(["示例行（请在“业主台账”工作表中从第2行起填写，每人每套房一行）："])
    ws.append(list(HEADERS))
    ws.append([c.sample for c in COLUMNS])
    for cell in ws[ws.max_row - 1]:
        cell.font = _HEADER_FONT
    ws.append([])
    ws.append(
        ["导入时先检查整个文件：只要有一行有问题，就不导入任何数据，并列出每个问题所在的行和列。"]
    )
    ws.column_dimensions["A"].width = 12
    ws.column_dimensions["B"].width = 6
    ws.column_dimensions["C"].width = 48
    ws.column_dimensions["D"].width = 22
    ws.freeze_panes = "A2"


# --- reading an upload ---------------------------------------------------------------


def read_ledger(source: str | Path | bytes | IO[bytes]) -> list[SourceRow]:
    """Read an uploaded ledger into rows ``{header: value}`` with their Excel row numbers.

    The sheet named 业主台账 is read if present, else the first sheet. The header row
    may be any of the first rows (a title row above it is fine); columns not in the
    template are ignored. Raises :class:`LedgerFileError` for a file that is not
    ``.xlsx``, an empty sheet or a header missing required columns.
    """
    stream: Any = io.BytesIO(source) if isinstance(source, bytes) else source
    try:
        wb = load_workbook(stream, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        if isinstance(exc, FileNotFoundError):
            raise LedgerFileError(f"找不到文件：{exc.filename}") from None
        raise LedgerFileError(
            "无法读取该文件：请使用 Excel 2007 及以上格式（.xlsx），可先下载导入模板再填写。"
        ) from None
    try:
        ws = wb[SHEET] if SHEET in wb.sheetnames else wb.worksheets[0]
        rows = ws.iter_rows(values_only=True)
        header_at, columns = _find_header(rows)
        out: list[SourceRow] = []
        for offset, values in enumerate(rows, start=header_at + 1):
            if values is None or all(_blank(v) for v in values):
                continue
            out.append(
                SourceRow(
                    offset,
                    {h: values[j] for j, h in columns if j < len(values)},
                )
            )
        return out
    finally:
        wb.close()


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _find_header(rows: Iterator[tuple[Any, ...]]) -> tuple[int, list[tuple[int, str]]]:
    """Return (Excel row of the header, [(column index, header)]) for the template's headers."""
    best: tuple[int, set[str]] | None = None
    seen_any = False
    for number in range(1, HEADER_SEARCH_ROWS + 1):
        values = next(rows, None)
        if values is None:
            break
        if all(_blank(v) for v in values):
            continue
        seen_any = True
        names = [str(v).strip() if v is not None else "" for v in values]
        known = {n for n in names if n in HEADERS}
        if set(REQUIRED_HEADERS) <= known:
            dupes = sorted({n for n in known if names.count(n) > 1})
            if dupes:
                raise LedgerFileError(f"表头第 {number} 行的列重复：{'、'.join(dupes)}。")
            return number, [(j, n) for j, n in enumerate(names) if n in HEADERS]
        if best is None or len(known) > len(best[1]):
            best = (number, known)
    if not seen_any:
        raise LedgerFileError("文件是空的：没有表头，也没有数据。")
    if best is None or not best[1]:
        raise LedgerFileError(
            "找不到业主台账的表头（第一行应为：" + "、".join(HEADERS) + "）。请使用导入模板。"
        )
    missing = [h for h in REQUIRED_HEADERS if h not in best[1]]
    raise LedgerFileError(f"表头第 {best[0]} 行缺少必需的列：{'、'.join(missing)}。")


# --- export --------------------------------------------------------------------------


def write_export(
    lines: Sequence[LedgerLine],
    target: Target = None,
    *,
    sheet_title: str = SHEET,
    header: SheetHeader | None = None,
) -> bytes:
    """The ledger as a workbook in the template's columns (plus 房屋编号 first), written in
    ``write_only`` mode: title rows (estate, scope, 制表人, 制表日期), header frozen,
    autofilter on, units in natural order, printed A4 landscape one page wide (every column
    of a person on the same page) with the header on each page. Values are shown as given
    (the caller masks ID numbers and phones, see :func:`propdesk.registry.ledger.ledger_rows`).
    The importer reads it back (it finds the header below the title rows)."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(sheet_title[:31])
    headers = (UNIT_CODE_HEADER, *HEADERS)
    widths = {UNIT_CODE_HEADER: 12, **{c.header: c.width for c in COLUMNS}}
    for j, h in enumerate(headers, start=1):
        ws.column_dimensions[get_column_letter(j)].width = widths[h]
    head_row = TITLE_ROWS + 1
    ws.freeze_panes = f"A{head_row + 1}"
    ws.auto_filter.ref = f"A{head_row}:{get_column_letter(len(headers))}{len(lines) + head_row}"
    print_setup(ws, repeat_rows=head_row)
    # the ledger's scope is a building (or all of them), not a period: 楼栋：1栋
    heading = replace(header, period_label="楼栋") if header else SheetHeader(title=SHEET)
    write_title_rows(ws, heading, len(headers))
    head = []
    for h in headers:
        cell = WriteOnlyCell(ws, value=h)
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        head.append(cell)
    ws.append(head)
    area_col = headers.index("建筑面积")
    date_cols = [headers.index(h) for h in headers if h in _DATE_COLUMNS]
    for line in sorted(lines, key=lambda x: natural_key(x.unit_code)):  # stable: people kept
        row = line.as_row()
        values: list[Any] = [line.unit_code, *(row[h] for h in HEADERS)]
        cells: list[Any] = list(values)
        area = WriteOnlyCell(ws, value=values[area_col])
        area.number_format = _AREA_FORMAT
        cells[area_col] = area
        for date_col in date_cols:
            if isinstance(values[date_col], date | datetime):
                d = WriteOnlyCell(ws, value=values[date_col])
                d.number_format = _DATE_FORMAT
                cells[date_col] = d
        ws.append(inert_row(ws, cells))
    return _finish(wb, target)


# --- error report --------------------------------------------------------------------


def write_error_report(
    errors: Sequence[LedgerError], target: Target = None, *, source_name: str = ""
) -> bytes:
    """The problems of a rejected import: one line per problem (行号, 列, 问题)."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("导入错误")
    for letter, width in (("A", 8), ("B", 12), ("C", 80)):
        ws.column_dimensions[letter].width = width
    print_setup(ws, repeat_rows=2 if source_name else 1)
    ws.freeze_panes = "A3" if source_name else "A2"
    if source_name:
        ws.append(
            inert_row(ws, [f"文件：{source_name}，共 {len(errors)} 处问题，未导入任何数据。"])
        )
    head = []
    for h in ("行号", "列", "问题"):
        cell = WriteOnlyCell(ws, value=h)
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        head.append(cell)
    ws.append(head)
    for e in errors:
        ws.append(inert_row(ws, [e.row or "", e.column or "整行", e.message]))
    return _finish(wb, target)
