"""Deliberate billing runs: the plan before the run, metered items later, month bounds, reversal."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from propdesk.auth.actor import Actor, Role
from propdesk.db.engine import Database
from propdesk.errors import Conflict, InvalidTransition, NotAllowed, ValidationError
from propdesk.fees.billing import run_billing
from propdesk.fees.billing_plan import list_runs, plan_billing, reverse_billing_run
from propdesk.fees.credits import add_credit, credit_balance
from propdesk.fees.items import set_rate
from propdesk.fees.meters import create_meter, record_reading
from propdesk.fees.models import Allocation, BillingRun, BillLine, FeeItem
from propdesk.fees.payments import take_payment
from tests.propdesk.fees.fee_fixtures import CLERK, MANAGER, Estate, set_standard_rates

FINANCE = Actor(user_id=None, username="fin", display_name="钱财务", role=Role.FINANCE)


def _water(db: Database, estate: Estate) -> tuple[int, int]:
    """Water at 4.50 a m³; u1 and u2 have meters, read for 2026-02 (the base)."""
    u1, u2, _u3 = estate.unit_ids
    with db.begin(MANAGER) as s:
        set_rate(s, item_code="water", effective_from=date(2025, 1, 1), rate_fen=450)
        m1 = create_meter(s, code="W-0101", kind="water", unit_id=u1)
        m2 = create_meter(s, code="W-0102", kind="water", unit_id=u2)
    with db.begin(CLERK) as s:
        record_reading(s, meter_id=m1, period="2026-02", reading_centi=100_00)
        record_reading(s, meter_id=m2, period="2026-02", reading_centi=100_00)
    return m1, m2


def _count(db: Database, period: str, code: str | None = None) -> int:
    with db.begin() as s:
        stmt = select(func.count(BillLine.id)).where(BillLine.period == period)
        if code is not None:
            stmt = stmt.join(FeeItem, FeeItem.id == BillLine.item_id).where(FeeItem.code == code)
        return int(s.scalar(stmt) or 0)


def test_plan_counts_without_writing_and_lists_missing_readings(
    db: Database, estate: Estate
) -> None:
    set_standard_rates(db)
    m1, _m2 = _water(db, estate)
    with db.begin(CLERK) as s:
        record_reading(s, meter_id=m1, period="2026-03", reading_centi=110_00)
    with db.begin(MANAGER) as s:
        plan = plan_billing(s, "2026-03")
    assert plan.period == "2026-03"
    assert plan.lines == 7  # 6 monthly lines + u1's water
    assert plan.metered_lines == 1
    assert plan.metered_amount_fen == 4500
    assert plan.amount_fen == 16569 + 22200 + 13884 + 3000 + 3000 + 15000 + 4500
    assert [m.meter_code for m in plan.missing] == ["W-0102"]
    assert plan.missing_units == ("1-1-0102",)
    assert "water" in plan.metered_codes
    assert _count(db, "2026-03") == 0  # a plan writes nothing
    with db.begin(MANAGER) as s:
        result = run_billing(s, "2026-03")
    assert (result.lines_created, result.amount_fen) == (plan.lines, plan.amount_fen)


def test_bill_the_rest_now_and_metered_items_later(db: Database, estate: Estate) -> None:
    set_standard_rates(db)
    m1, m2 = _water(db, estate)
    with db.begin(MANAGER) as s:
        plan = plan_billing(s, "2026-03")
        assert len(plan.missing) == 2
        first = run_billing(s, "2026-03", skip_items=plan.metered_codes)
    assert first.lines_created == 6
    assert _count(db, "2026-03", "water") == 0
    with db.begin(CLERK) as s:  # readings can still be entered: nothing metered was billed
        record_reading(s, meter_id=m1, period="2026-03", reading_centi=110_00)
        record_reading(s, meter_id=m2, period="2026-03", reading_centi=102_00)
    with db.begin(MANAGER) as s:
        later = plan_billing(s, "2026-03")
        assert (later.lines, later.metered_lines, later.missing) == (2, 2, ())
        assert later.already_billed == 6
        second = run_billing(s, "2026-03")
    assert second.lines_created == 2
    assert second.amount_fen == 4500 + 900
    with db.begin(MANAGER) as s:
        assert plan_billing(s, "2026-03").lines == 0
        assert run_billing(s, "2026-03").lines_created == 0  # idempotent per unit and item
    assert _count(db, "2026-03") == 8


def test_months_before_2000_or_more_than_a_year_ahead_are_refused(
    db: Database, estate: Estate
) -> None:
    set_standard_rates(db)  # the test clock is 2026-06-15
    for month in ("9999-12", "2027-07", "1999-12"):
        with pytest.raises(ValidationError) as err, db.begin(MANAGER) as s:
            plan_billing(s, month)
        assert "账期" in err.value.message
        with pytest.raises(ValidationError), db.begin(MANAGER) as s:
            run_billing(s, month)
    with db.begin(MANAGER) as s:
        assert plan_billing(s, "2027-06").lines == 6  # twelve months ahead is allowed
        assert plan_billing(s, "2000-01").period == "2000-01"  # no rate then, but allowed
    assert _count(db, "9999-12") == 0


def test_plan_needs_the_billing_permission(db: Database, estate: Estate) -> None:
    with pytest.raises(NotAllowed), db.begin(CLERK) as s:
        plan_billing(s, "2026-03")


def test_manager_reverses_an_unpaid_run_and_it_is_recorded(db: Database, estate: Estate) -> None:
    set_standard_rates(db)
    u1 = estate.unit_ids[0]
    with db.begin(MANAGER) as s:
        add_credit(s, u1, 10000, "prepay")  # consumed automatically by the run
        run = run_billing(s, "2026-03")
        assert credit_balance(s, u1) == 0
    assert run.run_id is not None
    with pytest.raises(NotAllowed), db.begin(FINANCE) as s:
        reverse_billing_run(s, run.run_id, reason="月份选错")
    with pytest.raises(ValidationError), db.begin(MANAGER) as s:
        reverse_billing_run(s, run.run_id, reason="  ")
    with db.begin(MANAGER) as s:
        assert reverse_billing_run(s, run.run_id, reason="月份选错") == 6
    with db.begin(MANAGER) as s:
        assert credit_balance(s, u1) == 10000  # the consumed credit is back
        assert s.scalar(select(func.count(Allocation.id))) == 0
        stored = s.get(BillingRun, run.run_id)
        assert stored is not None
        assert stored.reversed_at is not None
        assert (stored.reversed_by, stored.reversal_reason) == ("王经理", "月份选错")
        info = list_runs(s)[0]
        assert info.reversed
        assert info.reversal_reason == "月份选错"
    assert _count(db, "2026-03") == 0
    with pytest.raises(InvalidTransition), db.begin(MANAGER) as s:
        reverse_billing_run(s, run.run_id, reason="再来一次")
    with db.begin(MANAGER) as s:  # the month can be billed again
        assert run_billing(s, "2026-03").lines_created == 6


def test_a_paid_run_cannot_be_reversed(db: Database, estate: Estate) -> None:
    set_standard_rates(db)
    with db.begin(MANAGER) as s:
        run = run_billing(s, "2026-03")
    with db.begin(CLERK) as s:
        take_payment(s, unit_id=estate.unit_ids[2], amount_fen=100, method="cash")
    assert run.run_id is not None
    with pytest.raises(Conflict) as err, db.begin(MANAGER) as s:
        reverse_billing_run(s, run.run_id, reason="月份选错")
    assert "不能撤销" in err.value.message
    assert _count(db, "2026-03") == 6
