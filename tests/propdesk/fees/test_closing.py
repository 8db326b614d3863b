"""Period close (关账): nothing dated in a closed month changes; voids become reversals (红冲);
the closed month's report gives identical figures whenever it is re-run."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from propdesk import clock
from propdesk.clock import FixedClock
from propdesk.db.engine import Database
from propdesk.errors import Conflict, NotAllowed, ValidationError
from propdesk.fees import arrears, billing, closing, credits
from propdesk.fees.closing_models import Reversal
from propdesk.fees.models import BillLine, Payment
from propdesk.fees.payments import take_payment, void_payment
from propdesk.reporting.monthly import monthly_report
from propdesk.reporting.period_close import close_month
from tests.propdesk.fees.fee_fixtures import CLERK, MANAGER, Estate, set_standard_rates


def _at(test_clock: FixedClock, day: date) -> None:
    test_clock.set(clock.local_datetime(day, datetime.min.time().replace(hour=10)))


@pytest.fixture
def november(db: Database, estate: Estate, test_clock: FixedClock) -> int:
    """October and November billed, a cash receipt on 20 November; returns its payment id."""
    set_standard_rates(db)
    _at(test_clock, date(2026, 11, 20))
    with db.begin(MANAGER) as s:
        billing.run_billing(s, "2026-10")
        billing.run_billing(s, "2026-11")
        pid = take_payment(s, unit_id=estate.unit_ids[0], amount_fen=30_000, method="cash")
        take_payment(s, unit_id=estate.unit_ids[1], amount_fen=12_345, method="cash")
    _at(test_clock, date(2026, 12, 3))
    return pid.payment_id


def test_close_reverse_rerun_identical(db: Database, estate: Estate, november: int) -> None:
    with db.begin(MANAGER) as s:
        before = monthly_report(s, "2026-11")
        closed = close_month(s, "2026-11")
    assert closed.period == "2026-11"
    assert closed.closed_by == MANAGER.display_name
    with db.begin(MANAGER) as s:
        assert monthly_report(s, "2026-11").fees == before.fees
        void_payment(s, november, reason="收错房号")
    with db.begin(MANAGER) as s:
        rev = s.scalars(select(Reversal)).one()
        assert rev.reversed_on == date(2026, 12, 3)
        assert rev.amount_fen == 30_000
        assert s.get(Payment, november).voided  # type: ignore[union-attr]
        # a later payment on the re-opened November lines changes nothing in November either
        take_payment(s, unit_id=estate.unit_ids[1], amount_fen=5_000, method="cash")
    with db.begin(MANAGER) as s:
        after = monthly_report(s, "2026-11")
        december = monthly_report(s, "2026-12")
    assert after.fees == before.fees
    assert after.current == before.current
    assert before.fees.payments == 2
    assert before.fees.payments_fen == 42_345
    assert december.fees.reversals == 1
    assert december.fees.reversals_fen == 30_000
    assert december.previous.collected_fen == before.current.collected_fen


def test_nothing_dated_in_a_closed_month(db: Database, estate: Estate, november: int) -> None:
    with db.begin(MANAGER) as s:
        close_month(s, "2026-11")
        line = s.scalars(
            select(BillLine.id).where(BillLine.period == "2026-11", BillLine.settled.is_(False))
        ).first()
    unit = estate.unit_ids[2]
    refused = [
        lambda s: take_payment(
            s, unit_id=unit, amount_fen=100, method="cash", paid_on=date(2026, 11, 30)
        ),
        lambda s: billing.run_billing(s, "2026-11"),
        lambda s: credits.apply_credits(s, [unit], on=date(2026, 11, 5)),
    ]
    for act in refused:
        with pytest.raises(NotAllowed, match="已关账"), db.begin(MANAGER) as s:
            act(s)
    with db.begin(MANAGER) as s:  # today (December) is open: a waiver is booked today
        assert line is not None
        arrears.waive_arrears(s, line_id=line, amount_fen=100, reason="困难户减免")


def test_close_rules(db: Database, estate: Estate, november: int) -> None:
    with pytest.raises(ValidationError, match="已经结束"), db.begin(MANAGER) as s:
        close_month(s, "2026-12")
    with pytest.raises(NotAllowed), db.begin(CLERK) as s:
        close_month(s, "2026-11")
    with db.begin(MANAGER) as s:
        close_month(s, "2026-10")
    with pytest.raises(Conflict), db.begin(MANAGER) as s:
        close_month(s, "2026-10")
    with db.begin(MANAGER) as s:
        assert [m.period for m in closing.closed_months(s)] == ["2026-10"]
        assert closing.is_closed(s, "2026-10")
        assert not closing.is_closed(s, "2026-11")


def test_open_month_void_is_an_ordinary_void(db: Database, estate: Estate, november: int) -> None:
    with db.begin(MANAGER) as s:
        void_payment(s, november, reason="收错房号")
        assert s.scalars(select(Reversal)).all() == []
