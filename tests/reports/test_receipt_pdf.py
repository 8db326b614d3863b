from __future__ import annotations

import io
from datetime import UTC, date, datetime
from typing import Any

from pypdf import PdfReader

from propdesk.fees.money import fen_to_capital
from propdesk.fees.receipts import ReceiptData, ReceiptLine
from reports.pdf.receipt import receipt_pdf


def _receipt(**kw: Any) -> ReceiptData:
    base: dict[str, Any] = {
        "receipt_no": "2026000042",
        "estate_name": "翠湖花园",
        "company": "翠湖物业服务有限公司",
        "unit_code": "1-1-0102",
        "payer": "张三",
        "paid_on": date(2026, 3, 15),
        "paid_at": datetime(2026, 3, 15, 2, 0, tzinfo=UTC),
        "method": "微信",
        "txn_ref": "4200001888",
        "amount_fen": 35200,
        "credit_fen": 0,
        "discount_fen": 0,
        "discount_note": "",
        "lines": (
            ReceiptLine("物业服务费", "2026-03", "", 22200, False),
            ReceiptLine("电梯费", "2026-03", "", 3000, False),
            ReceiptLine("物业服务费", "2026-04", "", 10000, False),
        ),
        "taken_by": "clerk",
        "voided": False,
        "void_reason": "",
    }
    base.update(kw)
    return ReceiptData(**base)


def _text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(p.extract_text() for p in reader.pages)


def _embedded(pdf: bytes) -> bool:
    page: Any = PdfReader(io.BytesIO(pdf)).pages[0]
    for font in page["/Resources"]["/Font"].values():
        f = font.get_object()
        desc = f.get("/FontDescriptor")
        if desc is None and "/DescendantFonts" in f:
            desc = f["/DescendantFonts"][0].get_object().get("/FontDescriptor")
        if desc is not None and desc.get_object().get("/FontFile2") is not None:
            return True
    return False


def test_capital_numerals() -> None:
    assert fen_to_capital(35200) == "叁佰伍拾贰元整"
    assert fen_to_capital(16569) == "壹佰陆拾伍元陆角玖分"
    assert fen_to_capital(100005) == "壹仟元零伍分"
    assert fen_to_capital(1000100) == "壹万零壹元整"
    assert fen_to_capital(100010000) == "壹佰万零壹佰元整"
    assert fen_to_capital(0) == "零元整"
    assert fen_to_capital(7) == "柒分"


def test_receipt_shows_number_lines_total_and_capitals() -> None:
    pdf = receipt_pdf(_receipt())
    text = _text(pdf)
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 3  # 存根联, 客户联, 记账联
    for expected in (
        "2026000042",
        "1-1-0102",
        "张三",
        "微信",
        "4200001888",
        "物业服务费",
        "电梯费",
        "222.00",
        "352.00",
        "叁佰伍拾贰元整",
    ):
        assert expected in text, expected
    assert "作废" not in text
    assert _embedded(pdf)


def test_voided_receipt_and_discount_are_printed() -> None:
    r = _receipt(
        voided=True,
        void_reason="收错房号",
        discount_fen=22200,
        discount_note="预缴一年送一月（预缴12个月，减免1个月）",
        lines=(ReceiptLine("物业服务费", "2027-03", "预缴", 22200, True),),
    )
    text = _text(receipt_pdf(r))
    assert "作废" in text
    assert "收错房号" in text
    assert "预缴一年送一月" in text
    assert "-222.00" in text


def _pages(pdf: bytes) -> list[str]:
    return [p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages]


def test_each_copy_is_marked_and_signed() -> None:
    r = _receipt(
        copies=("存根联", "客户联"),
        payee="翠湖物业服务有限公司",
        address="杭州市翠湖路1号1栋1-1-0102",
        area_centi=8956,
        taken_by="王会计",
    )
    pages = _pages(receipt_pdf(r))
    assert len(pages) == 2
    assert "第一联　存根联" in pages[0]
    assert "第二联　客户联" in pages[1]
    for text in pages:
        assert "收款单位（盖章）：翠湖物业服务有限公司" in text
        assert "开票人：王会计" in text
        assert "复核人：" in text
        assert "交款人（签字）：" in text
        assert "杭州市翠湖路1号1栋1-1-0102" in text
        assert "89.56 m²" in text
        assert "2026年3月15日" in text
        assert "第 1 / 1 页" in text  # each copy stands alone


def test_a_voided_receipt_is_stamped_on_every_copy() -> None:
    pages = _pages(receipt_pdf(_receipt(voided=True, void_reason="收错房号")))
    assert len(pages) == 3
    assert all("作　废" in t for t in pages)


def test_prepaid_months_print_as_a_range() -> None:
    months = tuple(
        ReceiptLine("物业服务费", f"2027-{m:02d}", "预缴", 22200, m == 12) for m in range(1, 13)
    )
    r = _receipt(lines=months, amount_fen=11 * 22200, discount_fen=22200, copies=("客户联",))
    text = _text(receipt_pdf(r))
    assert "2027-01至2027-11" in text
    assert "共11个月" in text
    assert "2,442.00" in text  # 11 × 222.00
    assert "2027-12" in text  # the free month, then its discount
    assert "-222.00" in text
    assert "2027-05" not in text
