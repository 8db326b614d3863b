"""The deposit ledger: receipts of their own series, refunds with deductions, not income."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from propdesk.clock import today
from propdesk.db.engine import Database
from propdesk.deposits.ledger import receive_deposit, refund_deposit
from propdesk.deposits.models import Deposit, DepositKind
from propdesk.deposits.queries import (
    deposit_day,
    deposit_receipt,
    deposit_rows,
    held_total_fen,
    refund_slip,
)
from propdesk.deposits.values import DeductionItem
from propdesk.errors import Conflict, InvalidTransition, NotAllowed, ValidationError
from propdesk.fees.collection import collection_rows, summarize
from propdesk.fees.models import BillLine, Payment
from propdesk.fees.periods import period_of
from propdesk.keys.deposit_money import refund_key_deposit, take_key_deposit
from propdesk.keys.services import deposit_key
from reports.pdf.deposit_documents import deposit_receipt_pdf, refund_slip_pdf
from tests.propdesk.renovation.fixtures import CLERK, MANAGER, SUPERVISOR, make_place


def _text(pdf: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


def test_deposits_have_their_own_gap_free_numbers_and_are_not_fees(db: Database) -> None:
    place = make_place(db)
    with db.begin(CLERK) as s:
        a = receive_deposit(
            s,
            kind="other",
            unit_id=place.unit_ids[0],
            amount_fen=50_000,
            method="cash",
            payer="张三",
            description="门禁卡押金",
        )
        b = receive_deposit(
            s,
            kind="renovation",
            unit_id=place.unit_ids[1],
            amount_fen=300_000,
            method="wechat",
            txn_ref="42000077",
            source="renovation_permit",
            source_ref="9",
        )
    year = today().year
    assert (a.receipt_no, b.receipt_no) == (f"YJ{year}000001", f"YJ{year}000002")
    with db.begin(CLERK) as s:
        assert s.scalar(select(func.count(BillLine.id))) == 0
        assert s.scalar(select(func.count(Payment.id))) == 0
        assert summarize(collection_rows(s, period_of(today())), "total") == []
        assert held_total_fen(s) == 350_000
        with pytest.raises(Conflict):
            receive_deposit(
                s,
                kind="renovation",
                unit_id=place.unit_ids[1],
                amount_fen=300_000,
                method="cash",
                source="renovation_permit",
                source_ref="9",
            )
    with db.begin(CLERK) as s:
        with pytest.raises(ValidationError):
            receive_deposit(s, kind="other", unit_id=place.unit_ids[0], amount_fen=0, method="cash")
        with pytest.raises(ValidationError):
            receive_deposit(
                s, kind="other", unit_id=place.unit_ids[0], amount_fen=100, method="credit"
            )
        with pytest.raises(Conflict, match="流水号"):
            receive_deposit(
                s,
                kind="other",
                unit_id=place.unit_ids[0],
                amount_fen=100,
                method="wechat",
                txn_ref="42000077",
            )
        receipt = deposit_receipt(s, b.deposit_id)
    text = _text(deposit_receipt_pdf(receipt))
    for expected in (b.receipt_no, "押 金 收 据", "装修押金", "3,000.00", "叁仟元整", "42000077"):
        assert expected in text
    for signed in ("收款单位（盖章）", "交款人（签字）"):
        assert signed in text


def test_partial_refund_then_deductions_are_income_and_the_rest_is_paid_back(
    db: Database,
) -> None:
    place = make_place(db)
    uid = place.unit_ids[0]
    with db.begin(CLERK) as s:
        dep = receive_deposit(
            s, kind="renovation", unit_id=uid, amount_fen=200_000, method="cash", payer="张三"
        )
    with db.begin(CLERK) as s, pytest.raises(NotAllowed):
        refund_deposit(s, dep.deposit_id, method="cash")  # a clerk may not refund
    with db.begin(SUPERVISOR) as s:
        first = refund_deposit(s, dep.deposit_id, method="cash", amount_fen=50_000)
    assert (first.refund_fen, first.deducted_fen, first.held_fen) == (50_000, 0, 150_000)
    with db.begin(SUPERVISOR) as s:
        [row] = deposit_rows(s, held_only=True)
        assert (row.status, row.held_fen) == ("partly", 150_000)
        with pytest.raises(ValidationError):
            refund_deposit(
                s, dep.deposit_id, method="cash", deductions=[DeductionItem("损坏", 150_001)]
            )
    with db.begin(SUPERVISOR) as s:
        second = refund_deposit(
            s,
            dep.deposit_id,
            method="transfer",
            deductions=[DeductionItem("垃圾清运", 15_000), DeductionItem("墙面修补", 5_050)],
            on=today() - timedelta(days=1),
        )
    assert (second.refund_fen, second.deducted_fen, second.held_fen) == (129_950, 20_050, 0)
    with db.begin(SUPERVISOR) as s:
        assert deposit_rows(s, held_only=True) == []
        slip = refund_slip(s, second.refund_id)
        total = summarize(collection_rows(s, period_of(today() - timedelta(days=1))), "total")
        with pytest.raises(InvalidTransition):
            refund_deposit(s, dep.deposit_id, method="cash")
    # the deductions are income: billed and collected; the deposit itself is not
    assert [(t.billed_fen, t.collected_fen) for t in total] == [(20_050, 20_050)]
    assert slip.held_before_fen == 150_000
    assert slip.held_before_fen - slip.deducted_fen - slip.amount_fen == slip.held_after_fen == 0
    text = _text(refund_slip_pdf(slip))
    for expected in ("押 金 退 款 单", second.slip_no, "扣款：垃圾清运", "-150.00", "1,299.50"):
        assert expected in text
    for signed in ("经办人", "审核人（签字）", "领款人（签字）", "付款单位（盖章）"):
        assert signed in text


def test_key_deposit_taken_and_given_back(db: Database) -> None:
    place = make_place(db)
    with db.begin(CLERK) as s:
        kid = deposit_key(s, unit_id=place.unit_ids[2], deposited_by="李四", authorised="李四")
        taken = take_key_deposit(s, key_deposit_id=kid, amount_fen=10_000, method="cash")
    with db.begin(MANAGER) as s:
        done = refund_key_deposit(s, key_deposit_id=kid, method="cash")
        kind = s.scalar(select(Deposit.kind).where(Deposit.id == taken.deposit_id))
    assert kind == DepositKind.KEY
    assert (done.refund_fen, done.held_fen) == (10_000, 0)


def test_deposit_money_of_a_day_for_the_daily_close(db: Database) -> None:
    place = make_place(db)
    with db.begin(CLERK) as s:
        a = receive_deposit(
            s, kind="other", unit_id=place.unit_ids[0], amount_fen=500, method="cash"
        )
        b = receive_deposit(s, kind="key", unit_id=place.unit_ids[1], amount_fen=700, method="cash")
        receive_deposit(s, kind="key", unit_id=place.unit_ids[2], amount_fen=900, method="wechat")
    with db.begin(SUPERVISOR) as s:
        back = refund_deposit(s, a.deposit_id, method="cash")
    with db.begin(CLERK) as s:
        mine = deposit_day(s, today(), by=CLERK.display_name)
        everyone = deposit_day(s, today())
        yesterday = deposit_day(s, today() - timedelta(days=1))
    assert mine.received_fen == {"cash": 1_200, "wechat": 900}
    assert mine.receipt_nos[:2] == (a.receipt_no, b.receipt_no)
    assert mine.refunded_fen == {}
    assert everyone.refunded_fen == {"cash": 500}
    assert everyone.slip_nos == (back.slip_no,)
    assert yesterday.received_fen == {}
    assert yesterday.receipt_nos == ()
