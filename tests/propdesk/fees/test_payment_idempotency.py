"""One action, one payment: a payment's idempotency key (the form's) is taken once."""

from __future__ import annotations

import threading
from uuid import uuid4

import pytest
from sqlalchemy import func, select

from propdesk.db.engine import Database
from propdesk.errors import Conflict, ValidationError
from propdesk.fees.billing import run_billing
from propdesk.fees.models import Allocation, BillLine, Payment, ReceiptCounter
from propdesk.fees.payments import PaymentResult, take_payment, void_payment
from tests.propdesk.fees.fee_fixtures import CLERK, MANAGER, Estate, set_standard_rates


def _bill(db: Database) -> None:
    set_standard_rates(db)
    with db.begin(MANAGER) as s:
        run_billing(s, "2026-03")


def _count(db: Database) -> int:
    with db.begin() as s:
        return s.scalar(select(func.count(Payment.id))) or 0


def _pay(db: Database, unit_id: int, amount: int, key: str, method: str = "cash") -> PaymentResult:
    with db.begin(CLERK) as s:
        return take_payment(
            s, unit_id=unit_id, amount_fen=amount, method=method, idempotency_key=key
        )


def test_same_key_twice_is_one_payment_with_the_same_receipt(db: Database, estate: Estate) -> None:
    _bill(db)
    u = estate.unit_ids[1]
    key = uuid4().hex
    first = _pay(db, u, 10_000, key)
    again = _pay(db, u, 10_000, key)
    assert again == first
    assert _count(db) == 1
    with db.begin() as s:
        p = s.scalars(select(Payment)).one()
        assert (p.idempotency_key, p.amount_fen) == (key, 10_000)
        assert s.scalar(select(func.sum(BillLine.paid_fen))) == 10_000
        assert s.scalar(select(func.count(Allocation.id))) == len(first.line_ids)
        # the repeat took no receipt number
        assert s.scalar(select(func.max(ReceiptCounter.last_value))) == 1
    # a new form (a new key) is a new payment
    _pay(db, u, 10_000, uuid4().hex)
    assert _count(db) == 2


def test_same_key_with_other_amount_unit_or_method_is_refused(db: Database, estate: Estate) -> None:
    _bill(db)
    u = estate.unit_ids[1]
    key = uuid4().hex
    first = _pay(db, u, 10_000, key)
    for unit_id, amount, method in (
        (u, 20_000, "cash"),
        (estate.unit_ids[0], 10_000, "cash"),
        (u, 10_000, "card"),
    ):
        with pytest.raises(Conflict) as info:
            _pay(db, unit_id, amount, key, method)
        assert first.receipt_no in str(info.value)
        assert "未再收款" in str(info.value)
    assert _count(db) == 1


def test_a_key_whose_receipt_was_voided_takes_nothing(db: Database, estate: Estate) -> None:
    _bill(db)
    key = uuid4().hex
    first = _pay(db, estate.unit_ids[1], 10_000, key)
    with db.begin(MANAGER) as s:
        void_payment(s, first.payment_id, reason="收错房号")
    with pytest.raises(Conflict, match="作废"):
        _pay(db, estate.unit_ids[1], 10_000, key)
    assert _count(db) == 1


def test_a_malformed_key_is_refused(db: Database, estate: Estate) -> None:
    _bill(db)
    with pytest.raises(ValidationError):
        _pay(db, estate.unit_ids[1], 10_000, "x" * 41)
    with pytest.raises(ValidationError):
        _pay(db, estate.unit_ids[1], 10_000, "bad key!")
    assert _count(db) == 0


def test_a_failed_payment_keeps_the_key_free_for_the_retry(db: Database, estate: Estate) -> None:
    _bill(db)
    key = uuid4().hex
    with pytest.raises(ValidationError):
        _pay(db, estate.unit_ids[1], 10_000, key, method="wechat")  # no reference
    with db.begin(CLERK) as s:
        r = take_payment(
            s,
            unit_id=estate.unit_ids[1],
            amount_fen=10_000,
            method="wechat",
            txn_ref="WX4200001",
            idempotency_key=key,
        )
    assert _count(db) == 1
    with db.begin(CLERK) as s:  # a retry after a lost connection, reference and all
        again = take_payment(
            s,
            unit_id=estate.unit_ids[1],
            amount_fen=10_000,
            method="wechat",
            txn_ref="WX4200001",
            idempotency_key=key,
        )
    assert again == r
    assert _count(db) == 1


def test_concurrent_duplicates_end_in_one_payment(db: Database, estate: Estate) -> None:
    """Four desks (or a double submit) send the same form at the same moment."""
    _bill(db)
    key = uuid4().hex
    barrier = threading.Barrier(4)
    results: list[PaymentResult] = []
    errors: list[BaseException] = []

    def desk() -> None:
        try:
            with db.begin(CLERK) as s:
                barrier.wait(timeout=30)
                results.append(
                    take_payment(
                        s,
                        unit_id=estate.unit_ids[1],
                        amount_fen=10_000,
                        method="cash",
                        idempotency_key=key,
                    )
                )
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=desk) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(results) == 4
    assert len({r.receipt_no for r in results}) == 1
    assert _count(db) == 1
    with db.begin() as s:
        assert s.scalar(select(func.sum(BillLine.paid_fen))) == 10_000
        assert s.scalar(select(func.max(ReceiptCounter.last_value))) == 1
