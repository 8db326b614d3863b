from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.db.engine import Database
from propdesk.demo.build import generate_demo
from propdesk.fees.arrears import arrears_list
from propdesk.fees.models import Allocation, BillingRun, BillLine, MeterReading, NoticeLog, Payment
from propdesk.fees.periods import period_of

CHINA = ZoneInfo("Asia/Shanghai")


def test_demo_has_a_consistent_year_of_fees(db: Database) -> None:
    generate_demo(db, units=40, seed=3, today=date(2026, 6, 15))
    with db.begin() as s:
        periods = s.scalars(select(BillLine.period).distinct().order_by(BillLine.period)).all()
        assert periods[0] <= "2025-07"
        assert periods[-1] >= "2026-06"
        per_line = dict(
            s.execute(
                select(Allocation.bill_line_id, func.sum(Allocation.amount_fen))
                .where(Allocation.reversed.is_(False), Allocation.kind != "discount")
                .group_by(Allocation.bill_line_id)
            ).all()
        )
        for lid, paid in s.execute(select(BillLine.id, BillLine.paid_fen)).all():
            assert per_line.get(lid, 0) == paid
        numbers = s.scalars(
            select(Payment.receipt_no).where(Payment.receipt_no.like("2026%"))
        ).all()
        assert sorted(int(n[4:]) for n in numbers) == list(range(1, len(numbers) + 1))
        assert s.scalar(select(func.count()).select_from(Payment).where(Payment.voided)) == 1
        rows = arrears_list(s, as_of=date(2026, 6, 15))
    assert rows
    assert any(r.buckets[3] > 0 for r in rows)  # someone owes more than 180 days


def _latest(s: Session, column: Any) -> Any:
    value = s.scalar(select(func.max(column)))
    assert value is not None
    return value


@pytest.mark.parametrize(
    "moment",
    [
        datetime(2026, 6, 15, 10, 0, tzinfo=CHINA),
        datetime(2026, 7, 1, 7, 30, tzinfo=CHINA),  # still 30 June in UTC
        datetime(2026, 12, 31, 23, 59, tzinfo=CHINA),
        datetime(2028, 2, 29, 9, 0, tzinfo=CHINA),
    ],
    ids=["mid-month", "first-at-07:30", "new-years-eve", "leap-day"],
)
def test_demo_fees_happen_before_the_demos_now(
    db: Database, test_clock: clock.FixedClock, moment: datetime
) -> None:
    """Without ``today`` the demo's now is the clock's: its month is billed, nothing in the
    fee tables is stamped after that moment, today's payments are dated the local day."""
    test_clock.set(moment)
    generate_demo(db, units=40, seed=3)
    day = moment.date()
    with db.begin() as s:
        assert _latest(s, BillLine.period) >= period_of(day)
        assert s.scalar(select(BillingRun.id).where(BillingRun.period == period_of(day)))
        assert _latest(s, Payment.paid_on) == day
        for column in (
            Payment.paid_at,
            Payment.voided_at,
            BillingRun.started_at,
            Allocation.created_at,
            MeterReading.created_at,
            NoticeLog.sent_at,
        ):
            assert _latest(s, column) <= moment, column
