"""Notices print in Chinese on A4 with the letterhead: one page per building × copies."""

from __future__ import annotations

import io
from datetime import date

from pypdf import PdfReader

from reports.pdf.notice import NoticePrint, notice_pdf


def _pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def _font_embedded(pdf: bytes) -> bool:
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    for font in page["/Resources"]["/Font"].values():
        f = font.get_object()
        desc = f.get("/FontDescriptor")
        if desc is None and "/DescendantFonts" in f:
            desc = f["/DescendantFonts"][0].get_object().get("/FontDescriptor")
        if desc is not None and desc.get_object().get("/FontFile2") is not None:
            return True
    return False


NOTICE = NoticePrint(
    title="停水通知",
    body="尊敬的业主/住户：\n因管道维修，定于2026年10月8日 09:00至17:00对3栋暂停供水。\n敬请谅解！",
    posted_on=date(2026, 10, 7),
    estate_name="翠湖花园",
    company="深圳市安居物业服务有限公司",
)


def test_one_notice_page() -> None:
    pdf = notice_pdf(NOTICE)
    (text,) = _pages(pdf)
    for expected in (
        "翠湖花园",
        "深圳市安居物业服务有限公司",
        "停水通知",
        "致：全体业主/住户",
        "尊敬的业主/住户：",
        "对3栋暂停供水",
        "翠湖花园物业服务中心",
        "2026年10月7日",
        "第 1 / 1 页",
    ):
        assert expected in text, expected
    assert _font_embedded(pdf)
    box = PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4


def test_one_per_building_and_copies() -> None:
    from dataclasses import replace

    pdf = notice_pdf(
        replace(NOTICE, audiences=("1栋 全体业主/住户", "2栋 全体业主/住户"), copies=2)
    )
    pages = _pages(pdf)
    assert len(pages) == 4
    assert ["1栋" in p for p in pages] == [True, True, False, False]
    assert all("2栋 全体业主/住户" in p for p in pages[2:])
    assert "第 4 / 4 页" in pages[3]
