"""Meter reading workbooks: the blank sheet for a period (one row per meter) and reading it back."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

from openpyxl import Workbook, load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from propdesk.errors import DomainError
from propdesk.fees.document_values import HEADERS, GridRow, ReadingRow
from propdesk.files import write_private
from reports.excel.cells import inert_workbook

SHEET = "抄表"


def write_reading_sheet(
    rows: Sequence[GridRow], target: str | Path | IO[bytes] | None = None
) -> bytes:
    """A sheet to fill in: meter code, unit, last reading, then the columns to type into."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = SHEET
    ws.append([*HEADERS, "房号", "上期读数"])
    for g in rows:
        last = None if g.previous_centi is None else g.previous_centi / 100
        ws.append([g.meter_code, None, "正常", None, None, None, g.unit_code, last])
    ws.freeze_panes = "A2"
    for col, width in zip("ABCDEFGH", (16, 12, 8, 12, 12, 12, 12, 12), strict=True):
        ws.column_dimensions[col].width = width
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
        header = [str(h).strip() if h is not None else "" for h in next(it, ())]
        if "表号" not in header or "本期读数" not in header:
            raise DomainError("表格第一行应有“表号”和“本期读数”两列。")
        out: list[ReadingRow] = []
        for n, values in enumerate(it, start=2):
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
