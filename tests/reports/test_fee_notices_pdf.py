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


def _long_letter(code: str, owner: str, months: int) -> ReminderLetter:
    lines = tuple(
        NoticeLine("物业服务费", f"{2020 + m // 12}-{m % 12 + 1:02d}", 13884, 13884)
        for m in range(months)
    )
    owed = 13884 * months
    return ReminderLetter(1, code, owner, 2, date(2026, 4, 1), owed, date(2020, 1, 31), 0, lines)


def test_every_page_of_a_long_letter_names_its_unit_and_owner() -> None:
    letters = [
        _long_letter("3-2-1701", "王五", 2),
        _long_letter("3-2-1702", "赵六", 60),  # spills onto a second page
        _long_letter("3-2-1703", "钱七", 2),
    ]
    reader = PdfReader(io.BytesIO(letters_pdf(letters, ESTATE)))
    texts = [p.extract_text() for p in reader.pages]
    assert len(texts) >= 4
    # the batch keeps its order; each letter's pages are counted on their own
    assert "3-2-1701" in texts[0]
    assert "第 1 / 1 页" in texts[0]
    long_pages = [t for t in texts if "3-2-1702" in t]
    assert len(long_pages) >= 2
    assert "第 1 / 2 页" in texts[1]
    second = texts[2]
    assert "3-2-1702" in second
    assert "赵六" in second
    assert "（续）" in second
    assert "第 2 / 2 页" in second
    assert "3-2-1703" in texts[3]
    assert "钱七" in texts[3]
    assert "第 1 / 1 页" in texts[3]
    assert "（续）" not in texts[3]
    assert all(" / 4 页" not in t for t in texts)


def test_a_long_notice_names_its_unit_on_every_page() -> None:
    page = _page("1-1-0101", 16569)
    many = tuple(NoticeLine("物业服务费", f"2022-{m % 12 + 1:02d}", 100, 100) for m in range(70))
    long_page = NoticePage(
        2, "1-1-0102", "1栋", "孙八", 8956, "2026-03", date(2026, 3, 31), many, 7000, 6800
    )
    reader = PdfReader(io.BytesIO(notices_pdf([page, long_page], ESTATE)))
    texts = [p.extract_text() for p in reader.pages]
    assert "第 1 / 1 页" in texts[0]
    rest = texts[1:]
    assert len(rest) >= 2
    for n, text in enumerate(rest, start=1):
        assert "1-1-0102" in text
        assert "孙八" in text
        assert f"第 {n} / {len(rest)} 页" in text
        assert ("（续）" in text) == (n > 1)
