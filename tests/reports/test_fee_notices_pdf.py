from __future__ import annotations

import io
from datetime import date

from pypdf import PdfReader

from propdesk.fees.notices import EstateHeader, NoticeLine, NoticePage, ReminderLetter
from reports.pdf.fee_notices import letters_pdf, notices_pdf

ESTATE = EstateHeader("翠湖花园", "翠湖物业服务有限公司", "0571-88886666", "")


def _page(code: str, earlier: int) -> NoticePage:
    lines: tuple[NoticeLine, ...] = (
        (NoticeLine("物业服务费", "2026-02", 16569, earlier),) if earlier else ()
    )
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


def _letter(level: int, **kw: object) -> ReminderLetter:
    line = (NoticeLine("物业服务费", "2025-09", 13884, 13884, "66.11 m² × 2.10 元/m²"),)
    return ReminderLetter(
        1,
        "2-1-0101",
        "李四",
        level,
        date(2026, 4, 1),
        13884,
        date(2025, 9, 30),
        120,
        line,
        letter_no=f"翠物催字〔2026〕第{57 + level:03d}号",
        deadline=date(2026, 4, 16) if level < 3 else date(2026, 4, 8),
        **kw,  # type: ignore[arg-type]
    )


def test_a_letter_has_number_legal_basis_total_with_late_fee_and_proof_of_delivery() -> None:
    letters = [
        _letter(1),
        _letter(2, previous=("2026年3月1日第一次催缴函（翠物催字〔2026〕第012号）",)),
        _letter(3),
    ]
    reader = PdfReader(io.BytesIO(letters_pdf(letters, ESTATE)))
    texts = [p.extract_text() for p in reader.pages]
    assert len(texts) == 6  # each letter and its 送达回证
    first, receipt = texts[0], texts[1]
    assert "第一次催缴函" in first
    assert "（第一次催缴函）" not in first  # one title, not two
    assert "翠物催字〔2026〕第058号" in first
    assert "民法典》第九百四十四条" in first
    assert "《物业服务合同》" in first
    assert "140.04" in first  # 138.84 + 1.20 late fee
    assert "壹佰肆拾元零肆分" in first  # the total in words includes the late fee
    assert "2026年4月16日前" in first
    assert "2026-04" not in first.replace("2025-09", "")  # no ISO dates in sentences
    assert "第 1 / 2 页" in first
    assert "送达回证" in receipt
    assert "受送达人（签字）" in receipt
    assert "翠物催字〔2026〕第058号" in receipt
    assert "2-1-0101" in receipt  # the proof page names its household too
    assert "第 2 / 2 页" in receipt
    assert "2026年3月1日第一次催缴函" in texts[2]
    assert "最后催缴函" in texts[4]
    assert "提起诉讼或者申请仲裁" in texts[4]


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
    by_unit: dict[str, list[str]] = {}
    for t in texts:
        code = next(c for c in ("3-2-1701", "3-2-1702", "3-2-1703") if c in t)
        by_unit.setdefault(code, []).append(t)
    assert [len(v) for v in by_unit.values()] == [2, len(by_unit["3-2-1702"]), 2]
    assert len(by_unit["3-2-1702"]) >= 3  # letter over two pages + 送达回证
    for code, owner in (("3-2-1701", "王五"), ("3-2-1702", "赵六"), ("3-2-1703", "钱七")):
        pages = by_unit[code]
        for n, text in enumerate(pages, start=1):
            assert owner in text
            assert f"第 {n} / {len(pages)} 页" in text
            assert ("（续）" in text) == (n > 1)


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


def test_a_notice_shows_basis_late_fee_prepaid_accounts_qr_and_slip() -> None:
    estate = EstateHeader(
        "翠湖花园",
        "翠湖物业服务有限公司",
        "0571-88886666",
        "杭州市翠湖路1号",
        ("工商银行翠湖支行 户名：翠湖物业服务有限公司 账号：1202021209001234567",),
        "https://pay.example.com/cuihu",
    )
    lines = (
        NoticeLine("物业服务费", "2026-03", 18807, 18807, "89.56 m² × 2.10 元/m²"),
        NoticeLine(
            "水费", "2026-03", 7040, 7040, "上期 1,234.00 本期 1,256.00 用量 22.00 吨 × 3.20 元"
        ),
    )
    page = NoticePage(
        1,
        "1-1-0101",
        "1栋",
        "张三",
        8956,
        "2026-03",
        date(2026, 3, 31),
        lines,
        25847,
        18807,
        late_fee_fen=282,
        prepaid_fen=5000,
        notice_no="TZ202603-1-1-0101",
    )
    pdf = notices_pdf([page], estate)
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "89.56 m² × 2.10 元/m²" in text
    assert "上期 1,234.00 本期 1,256.00 用量 22.00 吨" in text
    assert "往期欠费" in text
    assert "滞纳金" in text
    assert "预存余额" in text
    assert "399.36" in text  # 258.47 + 188.07 + 2.82 - 50.00
    assert "2026年3月31日前" in text
    assert "账号：1202021209001234567" in text
    assert "扫码缴费" in text
    assert text.count("TZ202603-1-1-0101") >= 2  # on the notice and on the slip
    assert "沿此线剪下" in text
    assert b"/Subtype /Image" not in pdf  # the QR code is drawn, not a picture
