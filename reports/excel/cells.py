"""The one cell writer of every export: user text is stored as text, never as a formula.

A value such as ``=HYPERLINK("http://evil","点我")`` typed as a resident's name must open
in Excel as that literal text. openpyxl turns a string starting with ``=`` into a formula
(``data_type == "f"``); spreadsheet programs may also evaluate text starting with ``+``,
``-``, ``@``, a tab or a carriage return. Such text is written with ``data_type = "s"``
(a plain string cell: nothing is prefixed, the value reads back unchanged). Numbers, dates
and Decimals stay what they are.

- write-only sheets: build each row with :func:`inert_row` before ``ws.append``;
- normal sheets: call :func:`inert_workbook` just before ``wb.save``.

The only formulas in our workbooks are the totals' ``SUBTOTAL`` of a column range, made by
:func:`subtotal` from numbers (never from text a user typed): a :class:`Formula` value in
a row given to :func:`inert_row`, or set with :func:`put_formula` after
:func:`inert_workbook`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.cell.cell import MergedCell
from openpyxl.styles import Font
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

#: First characters that make a spreadsheet program read text as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Formula:
    """A formula this package wrote itself (see :func:`subtotal`), with its cell's format."""

    text: str
    number_format: str = ""
    bold: bool = False


def subtotal(
    column: str, first_row: int, last_row: int, *, number_format: str = "", bold: bool = True
) -> Formula:
    """``=SUBTOTAL(9,I4:I1003)``: the sum of the visible rows (an autofilter hides the rest).

    ``column`` is a column letter; an empty range (``last_row < first_row``) gives ``0``.
    """
    if not column.isalpha() or not column.isupper() or len(column) > 3:
        raise ValueError(f"not a column letter: {column!r}")
    if last_row < first_row:
        return Formula("=0", number_format, bold)
    return Formula(f"=SUBTOTAL(9,{column}{first_row}:{column}{last_row})", number_format, bold)


def formula_cell(ws: WriteOnlyWorksheet, formula: Formula) -> Cell:
    """A write-only cell holding one of our formulas."""
    cell = WriteOnlyCell(ws, value=formula.text)
    _style_formula(cell, formula)
    return cell


def put_formula(cell: Cell | MergedCell, formula: Formula) -> None:
    """Write one of our formulas into a normal sheet's cell (after :func:`inert_workbook`)."""
    cell.value = formula.text
    _style_formula(cell, formula)


def _style_formula(cell: Cell | MergedCell, formula: Formula) -> None:
    if cell.data_type != "f":  # a formula, nothing else, by construction
        raise ValueError(f"not a formula: {formula.text!r}")
    if formula.number_format:
        cell.number_format = formula.number_format
    if formula.bold:
        cell.font = Font(bold=True)


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
        if isinstance(v, Formula):
            out.append(formula_cell(ws, v))
        elif isinstance(v, Cell):
            make_inert(v)
            out.append(v)
        elif is_risky(v):
            out.append(text_cell(ws, v))
        else:
            out.append(v)
    return out


def inert_workbook(wb: Workbook) -> Workbook:
    """Make every text cell of a normal (not write-only) workbook a string cell; call it just
    before saving (our own formulas are set afterwards with :func:`put_formula`). A write-only
    workbook is left alone (its rows are already written: use :func:`inert_row`)."""
    if wb.write_only:
        return wb
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                make_inert(cell)
    return wb
