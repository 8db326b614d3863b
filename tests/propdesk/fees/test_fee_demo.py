from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from propdesk.db.engine import Database
from propdesk.demo.build import generate_demo
from propdesk.fees.arrears import arrears_list
from propdesk.fees.models import Allocation, BillLine, Payment


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
