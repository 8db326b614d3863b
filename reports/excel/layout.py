"""The frame of every exported sheet: title rows, print set-up, page numbers.

Every sheet starts with two title rows (``{estate} {title}``; period, 制表人, 制表日期,
:class:`propdesk.reporting.sheet_header.SheetHeader`), then its column header. Printing is
A4 landscape, every column on one page width (as many pages down as needed), the title and
header rows repeated on each page, and ``第 x 页，共 y 页`` in the footer.
"""

from __future__ import annotations

from typing import cast

from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from propdesk.reporting.export_values import SheetHeader
from reports.excel.cells import inert_row

#: Rows above the column header (title, byline).
TITLE_ROWS = 2
TITLE_FONT = Font(bold=True, size=14)
BYLINE_FONT = Font(size=10)
FOOTER = "第 &P 页，共 &N 页"

AnySheet = Worksheet | WriteOnlyWorksheet


def _setup_of(ws: AnySheet) -> Worksheet:
    """A write-only sheet carries the same page set-up attributes as a normal one at run
    time (``WriteOnlyWorksheet`` binds ``Worksheet._setup``); its stubs do not list them."""
    return cast(Worksheet, ws)


def print_setup(sheet: AnySheet, *, repeat_rows: int, landscape: bool = True) -> None:
    """A4, landscape, fit to one page width, rows ``1…repeat_rows`` on every page, page
    numbers in the footer."""
    ws = _setup_of(sheet)
    ws.page_setup.paperSize = "9"  # A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as it takes
    if repeat_rows > 0:
        ws.print_title_rows = f"1:{repeat_rows}"
    ws.page_margins = PageMargins(left=0.4, right=0.4, top=0.5, bottom=0.6, footer=0.25)
    ws.print_options.horizontalCentered = True
    for footer in (ws.oddFooter, ws.evenFooter):
        assert footer is not None  # created with the sheet
        footer.center.text = FOOTER
        footer.center.size = 9


def write_title_rows(ws: WriteOnlyWorksheet, header: SheetHeader, columns: int) -> None:
    """Append the two title rows to a write-only sheet (the title merged across ``columns``)."""
    frame = _setup_of(ws)
    title = WriteOnlyCell(ws, value=header.heading)
    title.font = TITLE_FONT
    title.alignment = Alignment(horizontal="center", vertical="center")
    ws.append(inert_row(ws, [title]))
    byline = WriteOnlyCell(ws, value=header.byline)
    byline.font = BYLINE_FONT
    ws.append(inert_row(ws, [byline]))
    last = get_column_letter(max(columns, 1))
    frame.merged_cells.add(f"A1:{last}1")
    frame.merged_cells.add(f"A2:{last}2")
    frame.row_dimensions[1].height = 24


def put_title_rows(ws: Worksheet, header: SheetHeader, columns: int) -> None:
    """The same two title rows on a normal sheet (call before anything else is written)."""
    ws.cell(1, 1, header.heading).font = TITLE_FONT
    ws.cell(1, 1).alignment = Alignment(horizontal="center", vertical="center")
    ws.cell(2, 1, header.byline).font = BYLINE_FONT
    last = get_column_letter(max(columns, 1))
    ws.merge_cells(f"A1:{last}1")
    ws.merge_cells(f"A2:{last}2")
    ws.row_dimensions[1].height = 24
