"""Every receipt of the demo adds up: its printed lines, discounts included, sum to 合计实收."""

from __future__ import annotations

import io
import re
from datetime import UTC, date, datetime

from pypdf import PdfReader
from sqlalchemy import select

from propdesk.db.engine import Database
from propdesk.demo.build import generate_demo
from propdesk.fees.document_values import ReceiptData, ReceiptLine
from propdesk.fees.models import Payment
from propdesk.fees.receipt_lines import DISCOUNT_NOTE, printed_lines, printed_total_fen
from propdesk.fees.receipts import get_receipt
from reports.pdf.receipt import receipt_pdf

_AMOUNT = re.compile(r"^\s*(-?[\d,]+)\.(\d\d)\s*$")


def _printed_amounts(pdf: bytes) -> tuple[list[int], int]:
    """The amount column's figures (fen) between the header and 合计实收, and the total."""
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    body = text.split("金额(元)", 1)[1]
    lines, total = body.split("合计实收", 1)
    amounts = []
    for line in [*lines.splitlines(), total.splitlines()[1]]:
        m = _AMOUNT.match(line)
        if m:
            whole = int(m.group(1).replace(",", ""))
            fen = abs(whole) * 100 + int(m.group(2))
            amounts.append(-fen if m.group(1).startswith("-") else fen)
    return amounts[:-1], amounts[-1]


def test_a_free_month_prints_its_charge_and_its_discount() -> None:
    r = ReceiptData(
        receipt_no="2026000042",
        estate_name="翠湖花园",
        company="翠湖物业",
        unit_code="1-1-0102",
        payer="张三",
        paid_on=date(2026, 3, 15),
        paid_at=datetime(2026, 3, 15, 2, 0, tzinfo=UTC),
        method="现金",
        txn_ref="",
        amount_fen=22_200 + 5_000,
        credit_fen=5_000,
        discount_fen=21_474,
        discount_note="预缴12个月送1个月",
        lines=(
            ReceiptLine("物业服务费", "2026-03", "", 22_200, False),
            ReceiptLine("物业服务费", "2026-04", "预缴赠送", 21_474, True),
        ),
        taken_by="clerk",
        voided=False,
        void_reason="",
    )
    assert [(p.note, p.amount_fen) for p in printed_lines(r)] == [
        ("", 22_200),
        ("预缴赠送", 21_474),
        (DISCOUNT_NOTE, -21_474),
        ("存入预收，抵扣以后账单", 5_000),
    ]
    amounts, total = _printed_amounts(receipt_pdf(r))
    assert amounts == [22_200, 21_474, -21_474, 5_000]
    assert sum(amounts) == total == r.amount_fen


def test_every_demo_receipt_adds_up(db: Database) -> None:
    generate_demo(db, units=40, seed=3, today=date(2026, 6, 15))
    with db.begin() as s:
        ids = s.scalars(select(Payment.id).order_by(Payment.id)).all()
        receipts = [get_receipt(s, i) for i in ids]
    assert receipts
    bad = [r.receipt_no for r in receipts if printed_total_fen(r) != r.amount_fen]
    assert bad == []
    discounted = [r for r in receipts if r.discount_fen]
    assert discounted, "the demo has prepayments with a free month"
    # the printed PDFs say the same: every amount line sums to 合计实收
    for r in [*discounted, *receipts[:5]]:
        amounts, total = _printed_amounts(receipt_pdf(r))
        assert total == r.amount_fen
        assert sum(amounts) == total, r.receipt_no
