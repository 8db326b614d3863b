"""A posted notice (通知/告示): A4, the estate letterhead, large type, one page per copy.

Plain data in (a filled notice from :mod:`propdesk.reporting.notices`), PDF bytes out.
``audiences`` gives one group of pages per building (``致 3栋 全体业主/住户``) or a
single group for the whole estate; each group is printed ``copies`` times.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer

from reports.pdf.document import DocumentSpec, build_pdf, styles
from reports.pdf.document import escape as _esc


@dataclass(frozen=True)
class NoticePrint:
    """What a notice prints: the filled text, who it is for, and the signature."""

    title: str
    body: str
    posted_on: date
    estate_name: str
    company: str = ""
    audiences: tuple[str, ...] = ("全体业主/住户",)
    copies: int = 1


@dataclass(frozen=True)
class _NoticeStyles:
    title: ParagraphStyle
    to: ParagraphStyle
    body: ParagraphStyle
    sign: ParagraphStyle


@cache
def _styles() -> _NoticeStyles:
    base = styles().body
    return _NoticeStyles(
        title=ParagraphStyle(
            "notice_title", parent=base, fontSize=28, leading=40, alignment=TA_CENTER
        ),
        to=ParagraphStyle("notice_to", parent=base, fontSize=13, leading=20),
        body=ParagraphStyle(
            "notice_body", parent=base, fontSize=15, leading=27, firstLineIndent=30, spaceAfter=6
        ),
        sign=ParagraphStyle(
            "notice_sign", parent=base, fontSize=14, leading=24, alignment=TA_RIGHT
        ),
    )


def _salutation(line: str) -> bool:
    return line.endswith(("：", ":")) and len(line) <= 30


def notice_page(notice: NoticePrint, audience: str) -> list[Flowable]:
    """The flowables of one notice page, addressed to ``audience``.

    One greeting only: the template's own salutation (``尊敬的业主/住户：``) is replaced by
    the audience (``尊敬的3栋全体业主/住户：``) when the notice goes to one building; a body
    without a salutation gets ``致：<audience>``.
    """
    st = _styles()
    lines = [ln.strip() for ln in notice.body.splitlines() if ln.strip()]
    story: list[Flowable] = [Spacer(1, 8 * mm), Paragraph(_esc(notice.title), st.title)]
    story.append(Spacer(1, 4 * mm))
    whole = not audience or audience == "全体业主/住户"
    if lines and _salutation(lines[0]):
        if not whole:
            lines[0] = f"尊敬的{audience}："
    elif audience:
        story.append(Paragraph(_esc(f"致：{audience}"), st.to))
        story.append(Spacer(1, 2 * mm))
    for i, line in enumerate(lines):
        style = st.body
        if i == 0 and _salutation(line):
            style = ParagraphStyle("salutation", parent=st.body, firstLineIndent=0)
        story.append(Paragraph(_esc(line), style))
    signer = notice.company or notice.estate_name
    day = notice.posted_on
    story += [
        Spacer(1, 14 * mm),
        Paragraph(_esc(f"{notice.estate_name}物业服务中心"), st.sign),
        Paragraph(_esc(signer), st.sign) if signer != notice.estate_name else Spacer(1, 1),
        Paragraph(f"{day.year}年{day.month}月{day.day}日", st.sign),
    ]
    return story


def notice_pdf(notice: NoticePrint) -> bytes:
    """All pages of a notice: each audience × ``copies``."""
    story: list[Flowable] = []
    audiences: Sequence[str] = notice.audiences or ("",)
    for audience in audiences:
        for _ in range(max(1, notice.copies)):
            if story:
                story.append(PageBreak())
            story += notice_page(notice, audience)
    # posted on a board: no page counter, no print time (only the notice's own date)
    spec = DocumentSpec(
        title=notice.title,
        estate_name=notice.estate_name,
        company=notice.company,
        page_numbers=False,
        print_time=False,
    )
    return build_pdf(spec, story)
