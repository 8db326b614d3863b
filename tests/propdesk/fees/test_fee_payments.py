from __future__ import annotations

import threading

import pytest
from sqlalchemy import select

from propdesk import clock
from propdesk.db.engine import Database
from propdesk.errors import (
    Conflict,
    InvalidTransition,
    NotAllowed,
    ValidationError,
)
from propdesk.fees.billing import run_billing
from propdesk.fees.credits import credit_balance
from propdesk.fees.models import BillLine, DiscountRule, FeeItem, Payment
from propdesk.fees.payments import Prepay, take_payment, void_payment
from propdesk.fees.refunds import refund_credit
from tests.propdesk.fees.fee_fixtures import CLERK, MANAGER, SUPERVISOR, Estate, set_standard_rates

# Every scenario here must leave the money invariant holding (propdesk.fees.invariant).
pytestmark = pytest.mark.usefixtures("money_checked")


def _bill(db: Database, *periods: str) -> None:
    set_standard_rates(db)
    with db.begin(MANAGER) as s:
        for p in periods:
            run_billing(s, p)


def _owed(db: Database, unit_id: int) -> dict[tuple[str, str], int]:
    with db.begin() as s:
        rows = s.execute(
            select(
                BillLine.period,
                FeeItem.code,
                BillLine.amount_fen - BillLine.paid_fen - BillLine.waived_fen,
            )
            .join(FeeItem, FeeItem.id == BillLine.item_id)
            .where(BillLine.unit_id == unit_id)
        ).all()
    return {(p, c): o for p, c, o in rows}


def test_payment_goes_to_oldest_lines_first(db: Database, estate: Estate) -> None:
    _bill(db, "2026-03", "2026-04")
    u2 = estate.unit_ids[1]  # 222.00 property + 30.00 elevator a month
    with db.begin(CLERK) as s:
        r = take_payment(s, unit_id=u2, amount_fen=22200 + 3000 + 10000, method="cash")
    assert (r.allocated_fen, r.credit_fen) == (35200, 0)
    assert _owed(db, u2) == {
        ("2026-03", "property"): 0,
        ("2026-03", "elevator"): 0,
        ("2026-04", "property"): 12200,
        ("2026-04", "elevator"): 3000,
    }


def test_picked_lines_only_and_in_that_order(db: Database, estate: Estate) -> None:
    _bill(db, "2026-03", "2026-04")
    u1 = estate.unit_ids[0]
    with db.begin() as s:
        ids = dict(
            s.execute(
                select(BillLine.period + FeeItem.code, BillLine.id)
                .join(FeeItem, FeeItem.id == BillLine.item_id)
                .where(BillLine.unit_id == u1)
            ).all()
        )
    with db.begin(CLERK) as s:
        r = take_payment(
            s,
            unit_id=u1,
            amount_fen=16000,
            method="wechat",
            txn_ref="wx 4200001",
            line_ids=[ids["2026-04parking"], ids["2026-03parking"]],
        )
    owed = _owed(db, u1)
    assert owed[("2026-04", "parking")] == 0
    assert owed[("2026-03", "parking")] == 14000
    assert owed[("2026-03", "property")] == 16569
    assert r.line_ids == (ids["2026-04parking"], ids["2026-03parking"])
    with pytest.raises(ValidationError), db.begin(CLERK) as s:
        take_payment(
            s,
            unit_id=estate.unit_ids[1],
            amount_fen=100,
            method="cash",
            line_ids=[ids["2026-03parking"]],
        )


def test_overpayment_is_credit_that_the_next_bill_consumes(db: Database, estate: Estate) -> None:
    _bill(db, "2026-03")
    u3 = estate.unit_ids[2]  # 138.84 a month, no elevator
    with db.begin(CLERK) as s:
        r = take_payment(s, unit_id=u3, amount_fen=20000, method="card")
        assert credit_balance(s, u3) == 20000 - 13884
    assert r.credit_fen == 6116
    with db.begin(MANAGER) as s:
        run_billing(s, "2026-04")
        assert credit_balance(s, u3) == 0
    assert _owed(db, u3)[("2026-04", "property")] == 13884 - 6116
    with db.begin(CLERK) as s:
        take_payment(s, unit_id=u3, amount_fen=50000, method="cash")
        assert credit_balance(s, u3) == 50000 - 7768
    with pytest.raises(NotAllowed), db.begin(CLERK) as s:
        refund_credit(s, unit_id=u3, amount_fen=100, method="cash", reason="业主要求")
    with pytest.raises(NotAllowed), db.begin(SUPERVISOR) as s:
        refund_credit(s, unit_id=u3, amount_fen=50000, method="cash", reason="业主要求")
    with db.begin(SUPERVISOR) as s:
        refund_credit(s, unit_id=u3, amount_fen=42232, method="transfer", reason="业主要求退回")
        assert credit_balance(s, u3) == 0


def test_transaction_reference_is_taken_only_once(db: Database, estate: Estate) -> None:
    _bill(db, "2026-03")
    u = estate.unit_ids[0]
    with db.begin(CLERK) as s:
        take_payment(s, unit_id=u, amount_fen=1000, method="wechat", txn_ref="4200 0018 88")
    with pytest.raises(Conflict) as err, db.begin(CLERK) as s:
        take_payment(
            s, unit_id=estate.unit_ids[1], amount_fen=1000, method="alipay", txn_ref="420000188 8"
        )
    assert "4200001888" in str(err.value)
    with pytest.raises(ValidationError) as verr, db.begin(CLERK) as s:
        take_payment(s, unit_id=u, amount_fen=1000, method="transfer")
    assert verr.value.field == "txn_ref"


def test_receipt_numbers_run_on_after_a_void(db: Database, estate: Estate) -> None:
    _bill(db, "2026-03")
    u = estate.unit_ids[1]
    year = clock.today().year
    with db.begin(CLERK) as s:
        first = take_payment(s, unit_id=u, amount_fen=5000, method="cash")
    with pytest.raises(ValidationError), db.begin(CLERK) as s:
        take_payment(s, unit_id=u, amount_fen=5000, method="wechat", txn_ref="bad!")
    with pytest.raises(NotAllowed), db.begin(CLERK) as s:
        void_payment(s, first.payment_id, reason="收错房号")
    with pytest.raises(ValidationError), db.begin(SUPERVISOR) as s:
        void_payment(s, first.payment_id, reason=" ")
    with db.begin(SUPERVISOR) as s:
        void_payment(s, first.payment_id, reason="收错房号")
    with pytest.raises(InvalidTransition), db.begin(SUPERVISOR) as s:
        void_payment(s, first.payment_id, reason="再次作废")
    with db.begin(CLERK) as s:
        second = take_payment(s, unit_id=u, amount_fen=5000, method="cash")
    assert first.receipt_no == f"{year}000001"
    assert second.receipt_no == f"{year}000002"
    with db.begin() as s:
        voided = s.get(Payment, first.payment_id)
        assert voided is not None
        assert (voided.voided, voided.void_reason) == (True, "收错房号")
        assert voided.voided_by == "赵主管"
    owed = _owed(db, u)
    assert owed[("2026-03", "property")] == 22200 - 5000  # only the second payment counts


def test_prepaying_a_year_gives_the_free_month_and_later_billing_skips_it(
    db: Database, estate: Estate
) -> None:
    _bill(db, "2026-03")
    u2 = estate.unit_ids[1]
    with db.begin(MANAGER) as s:
        item = s.scalar(select(FeeItem.id).where(FeeItem.code == "property"))
        s.add(DiscountRule(name="预缴一年送一月", item_id=item, min_months=12, free_months=1))
    with db.begin(CLERK) as s:
        r = take_payment(
            s, unit_id=u2, amount_fen=22200 * 11, method="cash", prepay=Prepay("property", 12)
        )
    assert (r.discount_fen, r.credit_fen) == (22200, 0)
    assert "预缴一年送一月" in r.discount_note
    owed = _owed(db, u2)
    assert owed[("2026-03", "property")] == 0  # the open March line was paid first
    assert owed[("2027-02", "property")] == 22200  # 11 paid: 03 … 2027-01, 2027-03 free
    assert owed[("2027-03", "property")] == 0
    with db.begin(MANAGER) as s:
        run_billing(s, "2026-04")
        n = s.scalar(
            select(BillLine.id).where(BillLine.unit_id == u2, BillLine.period == "2026-04").limit(1)
        )
    assert n is not None
    assert _owed(db, u2)[("2026-04", "property")] == 0


def test_receipt_numbers_gap_free_with_concurrent_desks(db: Database, estate: Estate) -> None:
    """Eight desks pay at the same moment; two of them fail and roll back."""
    _bill(db, "2026-03")
    barrier = threading.Barrier(8)
    errors: list[BaseException] = []

    def desk(k: int) -> None:
        try:
            with db.begin(CLERK) as s:
                barrier.wait(timeout=30)
                take_payment(s, unit_id=estate.unit_ids[k % 3], amount_fen=100 + k, method="cash")
                if k in (2, 5):
                    raise RuntimeError("printer jammed")
        except RuntimeError:
            pass
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=desk, args=(k,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with db.begin() as s:
        numbers = sorted(s.scalars(select(Payment.receipt_no)).all())
    year = clock.today().year
    assert numbers == [f"{year}{n:06d}" for n in range(1, 7)]


def test_discount_rules_are_managed_by_a_manager(db: Database, estate: Estate) -> None:
    from propdesk.fees.discounts import add_discount_rule, list_discount_rules, set_discount_active

    _bill(db, "2026-03")
    with pytest.raises(NotAllowed), db.begin(CLERK) as s:
        add_discount_rule(s, name="x", item_code="property", min_months=12, free_months=1)
    with pytest.raises(ValidationError), db.begin(MANAGER) as s:
        add_discount_rule(s, name="x", item_code="property", min_months=6, free_months=6)
    with pytest.raises(ValidationError), db.begin(MANAGER) as s:
        add_discount_rule(s, name="x", item_code="water", min_months=12, free_months=1)
    with db.begin(MANAGER) as s:
        rid = add_discount_rule(
            s, name="预缴半年送半月", item_code="elevator", min_months=6, free_months=1
        )
        set_discount_active(s, rid, False)
        assert [(r.name, r.active) for r in list_discount_rules(s)] == [("预缴半年送半月", False)]
    with db.begin(CLERK) as s:
        r = take_payment(
            s,
            unit_id=estate.unit_ids[1],
            amount_fen=3000 * 7,
            method="cash",
            prepay=Prepay("elevator", 6),
        )
    assert r.discount_fen == 0  # the rule is switched off
