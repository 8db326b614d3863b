"""Chosen lines settled from a unit's credit (预收抵扣), refusals, and the statement's credit ledger."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from propdesk import clock
from propdesk.db.engine import Database
from propdesk.errors import Conflict, NotAllowed, ValidationError
from propdesk.fees.billing import run_billing
from propdesk.fees.charges import post_one_off_charge
from propdesk.fees.credits import add_credit, credit_balance, pay_lines_from_credit
from propdesk.fees.models import Allocation, BillLine, Payment, ReceiptCounter
from propdesk.fees.refunds import refund_credit
from propdesk.fees.statement import unit_statement
from tests.propdesk.fees.fee_fixtures import CLERK, MANAGER, SUPERVISOR, Estate, set_standard_rates

# Every scenario here must leave the money invariant holding (propdesk.fees.invariant).
pytestmark = pytest.mark.usefixtures("money_checked")


def _credit(db: Database, unit_id: int, amount_fen: int) -> None:
    """Money kept on the unit as credit (an overpayment taken earlier)."""
    with db.begin(MANAGER) as s:  # credit no payment brought in: an adjustment's right
        add_credit(s, unit_id, amount_fen, "overpay")


def _charge(db: Database, unit_id: int, amount_fen: int, ref: int) -> int:
    with db.begin(CLERK) as s:
        return post_one_off_charge(
            s,
            unit_id=unit_id,
            amount_fen=amount_fen,
            description=f"违规扣款 {ref}",
            source="test_deduction",
            source_id=ref,
            item_code="renovation_deduction",
        )


def _receipts(db: Database) -> tuple[int, int]:
    with db.begin() as s:
        return (
            int(s.scalar(select(func.count()).select_from(Payment)) or 0),
            int(s.scalar(select(func.max(ReceiptCounter.last_value))) or 0),
        )


def test_deductions_settled_from_credit_and_the_rest_refunded(db: Database, estate: Estate) -> None:
    u = estate.unit_ids[0]
    _credit(db, u, 300_001)
    d1 = _charge(db, u, 15_050, 1)
    d2 = _charge(db, u, 20_003, 2)
    receipts_before = _receipts(db)
    with db.begin(SUPERVISOR) as s:
        done = pay_lines_from_credit(s, unit_id=u, line_ids=[d1, d2], on=date(2026, 5, 6))
        assert (done.used_fen, done.balance_fen) == (35_053, 264_948)
        refund_credit(s, unit_id=u, amount_fen=done.balance_fen, method="cash", reason="退还余款")
    assert _receipts(db) == receipts_before  # no receipt number used, none skipped
    with db.begin() as s:
        st = unit_statement(s, u)
        kinds = {a.kind for a in s.scalars(select(Allocation).where(Allocation.bill_line_id == d1))}
    assert kinds == {"credit"}
    assert st.credit_fen == 0
    assert st.owed_fen == 0
    assert [r.amount_fen for r in st.refunds] == [264_948] == [st.refunded_fen]
    assert st.refunds[0].method == "现金"
    by_id = {x.line_id: x for x in st.lines}
    assert (by_id[d1].item_name, by_id[d1].paid_fen) == ("装修违规扣款", 15_050)
    assert by_id[d2].paid_fen == 20_003
    moves = list(reversed(st.credit_moves))  # oldest first
    assert [(m.amount_fen, m.balance_fen) for m in moves] == [
        (300_001, 300_001),
        (-15_050, 284_951),
        (-20_003, 264_948),
        (-264_948, 0),
    ]
    assert "违规扣款 1" in moves[1].detail
    assert moves[1].line_id == d1
    assert moves[3].on == clock.today()
    # credit − deductions = refund, to the fen, on the account itself
    deductions = -sum(m.amount_fen for m in moves if m.kind == "consume")
    assert moves[0].amount_fen - deductions == st.refunded_fen


def test_only_the_chosen_lines_are_settled(db: Database, estate: Estate) -> None:
    set_standard_rates(db)
    u = estate.unit_ids[1]
    with db.begin(MANAGER) as s:
        run_billing(s, "2026-03")
    _credit(db, u, 50_000)
    fine = _charge(db, u, 1_000, 7)
    with db.begin() as s:
        open_before = dict(
            s.execute(
                select(BillLine.id, BillLine.paid_fen).where(
                    BillLine.unit_id == u, BillLine.settled.is_(False), BillLine.id != fine
                )
            ).all()
        )
    assert open_before
    with db.begin(SUPERVISOR) as s:
        pay_lines_from_credit(s, unit_id=u, line_ids=[fine])
    with db.begin() as s:
        after = dict(
            s.execute(
                select(BillLine.id, BillLine.paid_fen).where(BillLine.id.in_(list(open_before)))
            ).all()
        )
        assert after == open_before
        assert credit_balance(s, u) == 49_000


def test_refusals_change_nothing(db: Database, estate: Estate) -> None:
    u, other = estate.unit_ids[0], estate.unit_ids[1]
    big = _charge(db, u, 10_001, 1)
    small = _charge(db, u, 500, 2)
    foreign = _charge(db, other, 500, 3)
    with db.begin(SUPERVISOR) as s, pytest.raises(NotAllowed):
        pay_lines_from_credit(s, unit_id=u, line_ids=[small])  # no credit yet
    _credit(db, u, 10_000)
    with db.begin(SUPERVISOR) as s, pytest.raises(NotAllowed):
        pay_lines_from_credit(s, unit_id=u, line_ids=[small, big])
    with db.begin(SUPERVISOR) as s, pytest.raises(ValidationError):
        pay_lines_from_credit(s, unit_id=u, line_ids=[small, foreign])
    with db.begin(SUPERVISOR) as s, pytest.raises(ValidationError):
        pay_lines_from_credit(s, unit_id=u, line_ids=[small, small])
    with db.begin() as s:
        assert credit_balance(s, u) == 10_000
        assert s.scalar(select(BillLine.paid_fen).where(BillLine.id == small)) == 0
    with db.begin(SUPERVISOR) as s:
        pay_lines_from_credit(s, unit_id=u, line_ids=[small])
    with db.begin(SUPERVISOR) as s, pytest.raises(Conflict):
        pay_lines_from_credit(s, unit_id=u, line_ids=[small])
    with db.begin(SUPERVISOR) as s:
        assert credit_balance(s, u) == 9_500
