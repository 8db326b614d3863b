"""Reading our workbooks back in tests: the title rows, the header, and the SUBTOTAL totals
(openpyxl keeps a formula as its text; we evaluate our one formula shape ourselves)."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from openpyxl.worksheet.worksheet import Worksheet

from reports.excel.layout import TITLE_ROWS

HEADER_ROW = TITLE_ROWS + 1
_SUBTOTAL = re.compile(r"^=SUBTOTAL\(9,([A-Z]+)(\d+):([A-Z]+)(\d+)\)$")


def fen(value: object) -> int:
    return int((Decimal(str(value)) * 100).to_integral_value())


def header(ws: Worksheet) -> list[Any]:
    return [c.value for c in ws[HEADER_ROW]]


def subtotal_value(ws: Worksheet, formula: object) -> float:
    """The value of ``=SUBTOTAL(9,X4:X99)`` over the sheet's cells (no hidden rows here)."""
    if formula == "=0":
        return 0
    m = _SUBTOTAL.match(str(formula))
    assert m, f"not our SUBTOTAL: {formula!r}"
    col, lo, col2, hi = m.group(1), int(m.group(2)), m.group(3), int(m.group(4))
    assert col == col2
    return sum(ws[f"{col}{r}"].value or 0 for r in range(lo, hi + 1))


def assert_print_setup(ws: Worksheet, *, repeat_rows: int = HEADER_ROW) -> None:
    """A4 landscape, one page wide, title/header rows repeated, page numbers in the footer."""
    assert ws.page_setup.orientation == "landscape"
    assert str(ws.page_setup.paperSize) == "9"
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.page_setup.fitToWidth == 1
    assert ws.page_setup.fitToHeight == 0
    assert ws.print_title_rows == f"$1:${repeat_rows}"
    assert "&P" in (ws.oddFooter.center.text or "")
    assert "&N" in (ws.oddFooter.center.text or "")
