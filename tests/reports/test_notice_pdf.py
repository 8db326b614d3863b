"""Notices print in Chinese on A4 with the letterhead: one page per building × copies."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

from pypdf import PdfReader

from reports.pdf.notice import NoticePrint, notice_pdf


def _pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def _font_embedded(pdf: bytes) -> bool:
    page: Any = PdfReader(io.BytesIO(pdf)).pages[0]
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
        "尊敬的业主/住户：",
        "对3栋暂停供水",
        "翠湖花园物业服务中心",
        "2026年10月7日",
    ):
        assert expected in text, expected
    assert "致：" not in text  # one greeting, not two
    assert "页" not in text  # posted: no page counter
    assert "打印时间" not in text
    assert text.count("停水通知") == 1
    assert _font_embedded(pdf)
    box = PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4


def test_one_per_building_and_copies() -> None:
    from dataclasses import replace

    pdf = notice_pdf(replace(NOTICE, audiences=("3栋全体业主/住户", "4栋全体业主/住户"), copies=2))
    pages = _pages(pdf)
    assert len(pages) == 4
    assert ["尊敬的3栋全体业主/住户：" in p for p in pages] == [True, True, False, False]
    assert all("尊敬的4栋全体业主/住户：" in p for p in pages[2:])
    assert all("尊敬的业主/住户" not in p and "页" not in p for p in pages)


def test_a_body_without_greeting_is_addressed() -> None:
    from dataclasses import replace

    (text,) = _pages(
        notice_pdf(replace(NOTICE, body="明日停水。", audiences=("5栋全体业主/住户",)))
    )
    assert "致：5栋全体业主/住户" in text
