"""One document builder for every printed page of PropDesk.

A4, the estate's name as letterhead, the document title, page ``x / y`` in the
footer, and WQY MicroHei embedded as a TrueType subset so Chinese prints on any
machine (see performance.md: non-embedded CID fonts print blank). Callers build
a list of flowables with :func:`styles` and :func:`table`, and call
:func:`build_pdf`.

Example::

    story = [Paragraph("……", styles().body), table([["房号", "业主"], ...])]
    pdf_bytes = build_pdf(DocumentSpec(title="业主台账", estate_name="翠湖花园"), story)
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache, partial
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)

from propdesk.clock import local_now
from propdesk.files import write_private
from reports.pdf import cjk
from resources import CJK_FONT

FONT = "WQYMicroHei"
MARGIN = 15 * mm


@cache
def register_fonts() -> str:
    """Register the embedded CJK font once; returns its ReportLab name."""
    pdfmetrics.registerFont(TTFont(FONT, str(CJK_FONT), subfontIndex=0))
    cjk.install()
    _default_font(FONT)
    return FONT


def _default_font(name: str) -> None:
    """Make ``name`` ReportLab's default wherever it would fall back to Helvetica: a table
    cell without a FONTNAME command, a paragraph style or bullet without a font, a chart or QR
    drawing's text state. A fallback that is never drawn still lands in the PDF's font list
    (unembedded Helvetica: print shops' preflight flags it)."""
    from reportlab.graphics import renderbase
    from reportlab.platypus import tables

    tables.CellStyle.fontname = name
    state: dict[str, Any] = getattr(renderbase, "STATE_DEFAULTS")  # noqa: B009 (not in the stubs)
    state["fontName"] = name
    ParagraphStyle.defaults["fontName"] = name
    ParagraphStyle.defaults["bulletFontName"] = name


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_right: ParagraphStyle
    center: ParagraphStyle


@cache
def styles() -> Styles:
    font = register_fonts()
    body = ParagraphStyle("body", fontName=font, fontSize=10.5, leading=16, wordWrap="CJK")
    return Styles(
        title=ParagraphStyle(
            "title", parent=body, fontSize=18, leading=26, alignment=TA_CENTER, spaceAfter=8
        ),
        heading=ParagraphStyle(
            "heading", parent=body, fontSize=13, leading=20, spaceBefore=8, spaceAfter=4
        ),
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=8.5, leading=12),
        cell=ParagraphStyle("cell", parent=body, fontSize=9, leading=12),
        cell_right=ParagraphStyle(
            "cell_right", parent=body, fontSize=9, leading=12, alignment=TA_RIGHT
        ),
        center=ParagraphStyle("center", parent=body, alignment=TA_CENTER),
    )


@dataclass(frozen=True)
class DocumentSpec:
    """What goes around the content of every page.

    Attributes:
        title: document title (printed under the letterhead on page 1, and in the PDF metadata).
        estate_name: the letterhead (小区/项目名称).
        company: optional property-management company under the letterhead.
        landscape: A4 landscape instead of portrait.
        printed_at: timestamp in the footer (local time of the desk).
        footer_note: extra text at the left of the footer.
    """

    title: str
    estate_name: str
    company: str = ""
    landscape: bool = False
    printed_at: datetime | None = None
    footer_note: str = ""
    letterhead_every_page: bool = True
    extra: dict[str, Any] = field(default_factory=dict)
    page_numbers: bool = True  # a posted notice carries no "第 1 / 1 页"
    print_time: bool = True  # ... and no print time


class LetterStart(Flowable):
    """Marks where one letter of a batch begins (place it first on the letter's page).

    From here on every page carries ``label`` (e.g. its unit and owner) under the letterhead,
    with "（续）" on the letter's later pages, and the footer counts the letter's own pages
    (``第 1 / 2 页``) instead of the whole batch's.
    """

    def __init__(self, label: str) -> None:
        super().__init__()
        self.label = label

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        canvas = self.canv
        if isinstance(canvas, _PageCountCanvas):
            canvas.start_letter(self.label)


class _PageCountCanvas(Canvas):
    """Holds every page until the end, then stamps ``第 x / y 页`` on each: one layout pass.

    Pages from a :class:`LetterStart` on are counted per letter and carry its label.
    """

    # Canvas's own private state and page start, which its stubs leave out.
    _pagesize: tuple[float, float]
    _pageNumber: int
    _startPage: Callable[[], None]

    def __init__(
        self, *args: Any, on_letter: Callable[[int], None] | None = None, **kwargs: Any
    ) -> None:
        # The page's initial font is the CJK one: with ReportLab's default every page would
        # reference an unused, non-embedded Helvetica (print shops' preflight flags it).
        kwargs["initialFontName"] = kwargs.get("initialFontName") or FONT
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []
        self._letters = 0
        self._letter: tuple[int, str] | None = None
        self._page_numbers = True
        self._on_letter = on_letter

    def start_letter(self, label: str) -> None:
        self._letters += 1
        self._letter = (self._letters, label)
        if self._on_letter is not None:
            self._on_letter(self._letters)

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        letter_pages: dict[int, int] = {}
        for state in self._pages:
            letter = state.get("_letter")
            if letter is not None:
                letter_pages[letter[0]] = letter_pages.get(letter[0], 0) + 1
        seen: dict[int, int] = {}
        for state in self._pages:
            self.__dict__.update(state)
            width, height = self._pagesize
            self.setFont(FONT, 8.5)
            letter = self._letter
            if letter is None:
                number, count = self._pageNumber, total
            else:
                number = seen[letter[0]] = seen.get(letter[0], 0) + 1
                count = letter_pages[letter[0]]
                label = letter[1] + ("（续）" if number > 1 else "")
                self.drawRightString(width - MARGIN, height - MARGIN - 9.5 * mm, label)
            if self._page_numbers:
                self.drawCentredString(width / 2, MARGIN, f"第 {number} / {count} 页")
            super().showPage()
        super().save()


class _LetterheadDoc(BaseDocTemplate):
    def __init__(self, target: Any, spec: DocumentSpec, **kw: Any) -> None:
        size = landscape(A4) if spec.landscape else A4
        super().__init__(
            target,
            pagesize=size,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN + 14 * mm,
            bottomMargin=MARGIN + 6 * mm,
            title=spec.title,
            author=spec.estate_name,
            creator="PropDesk",
            initialFontName=FONT,
            **kw,
        )
        self.spec = spec
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body")
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=self._decorate)])

    def _decorate(self, canvas: Any, doc: Any) -> None:
        spec = self.spec
        width, height = self.pagesize
        canvas.saveState()
        if spec.letterhead_every_page or doc.page == 1:
            canvas.setFont(FONT, 12)
            canvas.drawCentredString(width / 2, height - MARGIN - 4 * mm, spec.estate_name)
            if spec.company:
                canvas.setFont(FONT, 8.5)
                canvas.drawCentredString(width / 2, height - MARGIN - 9 * mm, spec.company)
            canvas.setStrokeColor(colors.HexColor("#888888"))
            canvas.setLineWidth(0.6)
            canvas.line(
                MARGIN, height - MARGIN - 11 * mm, width - MARGIN, height - MARGIN - 11 * mm
            )
        canvas.setFont(FONT, 8.5)
        if isinstance(canvas, _PageCountCanvas):
            canvas._page_numbers = spec.page_numbers
        stamp = ""
        if spec.printed_at and spec.print_time:
            stamp = spec.printed_at.strftime("打印时间 %Y-%m-%d %H:%M")
        canvas.drawRightString(width - MARGIN, MARGIN, stamp)
        left = f"{spec.title}  {spec.footer_note}".strip()
        if spec.page_numbers or spec.print_time:  # (a posted notice has no footer at all)
            canvas.drawString(MARGIN, MARGIN, left)
        canvas.restoreState()


def build_pdf(
    spec: DocumentSpec,
    story: Sequence[Flowable],
    target: str | Path | io.BytesIO | None = None,
    *,
    on_letter: Callable[[int], None] | None = None,
) -> bytes:
    """Render ``story`` with the page frame of ``spec``; returns the PDF bytes (and writes ``target``).

    One layout pass: the page count in the footer is stamped when the document is saved.
    ``on_letter(n)`` is called as the n-th :class:`LetterStart` is drawn (progress of a batch;
    an exception it raises, e.g. after Cancel, stops the build).
    """
    register_fonts()
    spec = spec if spec.printed_at else _with_time(spec)
    buf = io.BytesIO()
    _LetterheadDoc(buf, spec).build(
        list(story), canvasmaker=partial(_PageCountCanvas, on_letter=on_letter)
    )
    data = buf.getvalue()
    if isinstance(target, io.BytesIO):
        target.write(data)
    elif target is not None:
        write_private(target, data)
    return data


def _with_time(spec: DocumentSpec) -> DocumentSpec:
    from dataclasses import replace

    return replace(spec, printed_at=local_now())


def title(text: str) -> Paragraph:
    return Paragraph(escape(text), styles().title)


def para(text: str, style: ParagraphStyle | None = None) -> Paragraph:
    """A paragraph of plain text: ``text`` is escaped (a resident named ``王<b`` prints as
    typed, never as markup); a newline becomes a line break."""
    return Paragraph(escape(text), style or styles().body)


def markup(text: str, style: ParagraphStyle | None = None) -> Paragraph:
    """A paragraph whose ``text`` is ReportLab markup written by this code (``<br/>``,
    ``<b>``). The explicit path: any user text inside must already be :func:`escape` d.
    Full-width spaces are kept."""
    return Paragraph(text.replace("\u3000", "&#12288;"), style or styles().body)


def escape(text: str) -> str:
    """User text made safe for a ReportLab Paragraph: ``& < >`` escaped, newline → ``<br/>``,
    full-width spaces and runs of spaces kept (the paragraph parser would fold them)."""
    return cjk.keep_spaces(xml_escape(text)).replace("\n", "<br/>")


_esc = escape  # the name the table helpers below use
_CELL_PAD = 6  # points left and right in a table cell (ReportLab's default)


def table(
    rows: Sequence[Sequence[Any]],
    col_widths: Sequence[float] | None = None,
    *,
    header_rows: int = 1,
    right_align_cols: Sequence[int] = (),
    repeat_header: bool = True,
    font_size: float = 9,
    zebra: bool = True,
) -> Table:
    """A ruled table with a shaded, repeating header.

    A string that fits its column (``col_widths`` given) is drawn as it is — ReportLab's
    fastest path, and literal: no markup, spaces kept; a longer one is wrapped as a CJK
    paragraph (Chinese line-breaking rules).
    """
    st = styles()
    right = set(right_align_cols)
    size = font_size  # (wrapped cells use the 9 pt cell style)
    room = [w - 2 * _CELL_PAD for w in col_widths] if col_widths is not None else None

    def cell(j: int, c: Any) -> Any:
        if isinstance(c, Flowable):
            return c
        text = "" if c is None else str(c)
        if room is not None and "\n" not in text and stringWidth(text, FONT, size) <= room[j] - 0.5:
            return text
        return Paragraph(_esc(text), st.cell_right if j in right else st.cell)

    data = [[cell(j, c) for j, c in enumerate(row)] for row in rows]
    t = Table(data, colWidths=col_widths, repeatRows=header_rows if repeat_header else 0)
    cmds: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("FONTSIZE", (0, 0), (-1, -1), size),
        ("LEADING", (0, 0), (-1, -1), st.cell.leading),
        ("LEFTPADDING", (0, 0), (-1, -1), _CELL_PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), _CELL_PAD),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#777777")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    cmds += [("ALIGN", (j, 0), (j, -1), "RIGHT") for j in sorted(right)]
    if header_rows > 0:
        # (with header_rows=0 the range (0, 0)-(-1, -1) would shade the whole table)
        cmds.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.HexColor("#e6ecf2")))
    if zebra:
        for i in range(header_rows, len(data)):
            if (i - header_rows) % 2 == 1:
                cmds.append(("BACKGROUND", (0, i), (-1, i), colors.HexColor("#f7f7f7")))
    t.setStyle(TableStyle(cmds))
    return t


def zh_date(day: date) -> str:
    """``2026年12月6日``: a date inside a Chinese sentence (never ISO there)."""
    return f"{day.year}年{day.month}月{day.day}日"


SIGN_ROW_HEIGHT = 16 * mm
"""A row someone signs in: tall enough for a handwritten name."""


def signature_table(
    labels: Sequence[str], col_widths: Sequence[float] | None = None, *, per_row: int = 2
) -> Table:
    """Signature boxes (``经办人（签字）``, ``日期``…), ``per_row`` to a row, each row
    :data:`SIGN_ROW_HEIGHT` high, the label at the top left."""
    st = styles()
    rows: list[list[Any]] = []
    for i in range(0, len(labels), per_row):
        part: list[Any] = [Paragraph(_esc(x), st.cell) for x in labels[i : i + per_row]]
        part += [""] * (per_row - len(part))
        rows.append(part)
    t = Table(rows, colWidths=col_widths, rowHeights=[SIGN_ROW_HEIGHT] * len(rows))
    t.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#777777")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return t


def fen_to_yuan(fen: int) -> str:
    """Integer fen → ``1,234.50`` (no float on the way)."""
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(fen), 100)
    return f"{sign}{yuan:,}.{cents:02d}"
