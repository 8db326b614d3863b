"""The one cell writer of every export: user text is stored as text, never as a formula.

A value such as ``=HYPERLINK("http://evil","点我")`` typed as a resident's name must open
in Excel as that literal text. openpyxl turns a string starting with ``=`` into a formula
(``data_type == "f"``); spreadsheet programs may also evaluate text starting with ``+``,
``-``, ``@``, a tab or a carriage return. Such text is written with ``data_type = "s"``
(a plain string cell: nothing is prefixed, the value reads back unchanged). Numbers, dates
and Decimals stay what they are.

- write-only sheets: build each row with :func:`inert_row` before ``ws.append``;
- normal sheets: call :func:`inert_workbook` just before ``wb.save``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.cell.cell import MergedCell
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

#: First characters that make a spreadsheet program read text as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def is_risky(value: object) -> bool:
    """True for text that a spreadsheet program could evaluate as a formula."""
    return isinstance(value, str) and value.startswith(FORMULA_TRIGGERS)


def make_inert(cell: Cell | MergedCell) -> None:
    """Force a text cell to be stored as a string (never a formula); others are left alone."""
    if isinstance(cell.value, str):
        cell.data_type = "s"


def text_cell(ws: WriteOnlyWorksheet, value: Any) -> Cell:
    """A write-only cell holding ``value``; text is always stored as text."""
    cell = WriteOnlyCell(ws, value=value)
    make_inert(cell)
    return cell


def inert_row(ws: WriteOnlyWorksheet, values: Iterable[Any]) -> list[Any]:
    """``values`` ready for ``ws.append`` on a write-only sheet: risky text becomes a string
    cell, prepared cells holding text are made inert, everything else passes unchanged."""
    out: list[Any] = []
    for v in values:
        if isinstance(v, Cell):
            make_inert(v)
            out.append(v)
        elif is_risky(v):
            out.append(text_cell(ws, v))
        else:
            out.append(v)
    return out


def inert_workbook(wb: Workbook) -> Workbook:
    """Make every text cell of a normal (not write-only) workbook a string cell; call it just
    before saving. The code of this package writes no formulas, so none is lost. A write-only
    workbook is left alone (its rows are already written: use :func:`inert_row`)."""
    if wb.write_only:
        return wb
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                make_inert(cell)
    return wb
