from __future__ import annotations

import io
from datetime import date

from pypdf import PdfReader

from propdesk.fees.notices import EstateHeader, NoticeLine, NoticePage, ReminderLetter
from reports.pdf.fee_notices import letters_pdf, notices_pdf

ESTATE = EstateHeader("翠湖花园", "翠湖物业服务有限公司", "0571-88886666", "")


def _page(code: str, earlier: int) -> NoticePage:
    lines = (NoticeLine("物业服务费", "2026-02", 16569, earlier),) if earlier else ()
    lines += (
        NoticeLine("物业服务费", "2026-03", 16569, 16569),
        NoticeLine("电梯费", "2026-03", 3000, 3000),
    )
    return NoticePage(
        1, code, "1栋", "张三", 8956, "2026-03", date(2026, 3, 31), lines, 19569, earlier
    )


def test_one_page_per_unit_with_lines_and_total() -> None:
    pdf = notices_pdf([_page("1-1-0101", 16569), _page("1-1-0102", 0)], ESTATE)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 2
    first = reader.pages[0].extract_text()
    second = reader.pages[1].extract_text()
    assert "缴费通知单" in first
    assert "1-1-0101" in first
    assert "张三" in first
    assert "361.38" in first  # 195.69 this month + 165.69 earlier
    assert "0571-88886666" in first
    assert "1-1-0102" in second
    assert "195.69" in second
    assert "1-1-0101" not in second


def test_reminder_letters_escalate_in_wording() -> None:
    line = (NoticeLine("物业服务费", "2025-09", 13884, 13884),)
    letters = [
        ReminderLetter(
            1, "2-1-0101", "李四", level, date(2026, 4, 1), 13884, date(2025, 9, 30), 120, line
        )
        for level in (1, 2, 3)
    ]
    reader = PdfReader(io.BytesIO(letters_pdf(letters, ESTATE)))
    texts = [p.extract_text() for p in reader.pages]
    assert "第一次催缴函" in texts[0]
    assert "最后催缴函" in texts[2]
    assert "7 日内" in texts[2]
    assert "滞纳金" in texts[0]
    assert "138.84" in texts[1]
