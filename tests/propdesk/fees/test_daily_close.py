"""The cashier's daily close (日结): figures, cash counted, lock of the closed day."""

from __future__ import annotations

import io
import json
from datetime import date

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from propdesk.clock import FixedClock
from propdesk.db.engine import Database
from propdesk.deposits.ledger import receive_deposit, refund_deposit
from propdesk.errors import Conflict, NotAllowed, ValidationError
from propdesk.fees import billing
from propdesk.fees.closing_models import ClosedPeriod, DailyClose
from propdesk.fees.daily_close import cashiers_on, close_day, day_close, handed_over_cash
from propdesk.fees.payments import take_payment, void_payment
from reports.pdf.daily_close import daily_close_pdf
from tests.propdesk.fees.fee_fixtures import (
    CLERK,
    MANAGER,
    SUPERVISOR,
    Estate,
    set_standard_rates,
)

TODAY = date(2026, 6, 15)  # the test clock's day


@pytest.fixture
def takings(db: Database, estate: Estate) -> list[int]:
    set_standard_rates(db)
    with db.begin(MANAGER) as s:
        billing.run_billing(s, "2026-06")
    with db.begin(CLERK) as s:
        ids = [
            take_payment(s, unit_id=estate.unit_ids[0], amount_fen=10_000, method="cash"),
            take_payment(s, unit_id=estate.unit_ids[1], amount_fen=20_000, method="cash"),
            take_payment(
                s, unit_id=estate.unit_ids[2], amount_fen=5_000, method="wechat", txn_ref="WX123456"
            ),
        ]
    with db.begin(MANAGER) as s:  # someone else's receipt: not in the clerk's close
        take_payment(s, unit_id=estate.unit_ids[2], amount_fen=700, method="cash")
        void_payment(s, ids[1].payment_id, reason="重复收款")
    return [r.payment_id for r in ids]


def test_figures_and_close(db: Database, takings: list[int]) -> None:
    with db.begin(CLERK) as s:
        live = day_close(s, day=TODAY)
    f = live.figures
    assert not live.closed
    assert f.cashier == CLERK.display_name
    assert f.receipts == 3
    assert f.first_receipt < f.last_receipt
    assert {m.method: (m.receipts, m.amount_fen) for m in f.by_method} == {
        "cash": (2, 30_000),
        "wechat": (1, 5_000),
    }
    assert [v.amount_fen for v in f.voids] == [20_000]
    assert f.cash_expected_fen == 10_000
    assert f.net_fen == 15_000
    with pytest.raises(ValidationError, match="差异说明"), db.begin(CLERK) as s:
        close_day(s, day=TODAY, cash_counted_fen=9_900)
    with db.begin(CLERK) as s:
        done = close_day(s, day=TODAY, cash_counted_fen=9_900, note="找零少 1 元")
    assert done.closed
    assert done.difference_fen == -100
    with db.begin(CLERK) as s:
        again = day_close(s, day=TODAY)
        assert again == done
        assert handed_over_cash(s, cashier=CLERK.display_name, day=TODAY) == 9_900
    with pytest.raises(Conflict), db.begin(CLERK) as s:
        close_day(s, day=TODAY, cash_counted_fen=10_000)


def test_closed_day_is_locked_for_that_cashier(
    db: Database, estate: Estate, takings: list[int], test_clock: FixedClock
) -> None:
    with db.begin(CLERK) as s:
        close_day(s, day=TODAY, cash_counted_fen=10_000)
    with pytest.raises(NotAllowed, match="日结"), db.begin(CLERK) as s:
        take_payment(s, unit_id=estate.unit_ids[0], amount_fen=100, method="cash")
    with db.begin(MANAGER) as s:  # another cashier still takes payments that day
        take_payment(s, unit_id=estate.unit_ids[0], amount_fen=100, method="cash")
    test_clock.advance(days=1)
    with db.begin(CLERK) as s:  # and the clerk the next day
        take_payment(s, unit_id=estate.unit_ids[0], amount_fen=100, method="cash")


def test_closing_someone_elses_day(db: Database, takings: list[int]) -> None:
    with pytest.raises(NotAllowed), db.begin(CLERK) as s:
        close_day(s, day=TODAY, cash_counted_fen=700, cashier=MANAGER.display_name)
    with db.begin(MANAGER) as s:
        done = close_day(s, day=TODAY, cash_counted_fen=10_000, cashier=CLERK.display_name)
    assert done.figures.cashier == CLERK.display_name
    assert done.closed_by == MANAGER.display_name
    with pytest.raises(ValidationError), db.begin(CLERK) as s:
        close_day(s, day=date(2026, 6, 16), cash_counted_fen=0)


def test_deposits_count_in_the_drawer_apart_from_fee_income(db: Database, estate: Estate) -> None:
    set_standard_rates(db)
    with db.begin(MANAGER) as s:
        billing.run_billing(s, "2026-06")
    with db.begin(SUPERVISOR) as s:
        take_payment(s, unit_id=estate.unit_ids[0], amount_fen=10_000, method="cash")
        dep = receive_deposit(
            s, kind="renovation", unit_id=estate.unit_ids[1], amount_fen=300_000, method="cash"
        )
        receive_deposit(
            s, kind="key", unit_id=estate.unit_ids[2], amount_fen=5_000, method="wechat"
        )
        back = refund_deposit(s, dep.deposit_id, method="cash", amount_fen=120_000)
    with db.begin(SUPERVISOR) as s:
        live = day_close(s, day=TODAY)
        assert SUPERVISOR.display_name in cashiers_on(s, TODAY)
    f = live.figures
    assert f.cash_expected_fen == 10_000 + 300_000 - 120_000
    assert f.fee_cash_fen == 10_000
    assert f.gross_fen == 10_000  # fee income only
    assert {m.method: m.amount_fen for m in f.deposits_received} == {
        "cash": 300_000,
        "wechat": 5_000,
    }
    assert {m.method: m.amount_fen for m in f.deposits_refunded} == {"cash": 120_000}
    assert f.deposit_receipts[0] == dep.receipt_no
    assert f.deposit_receipts[0].startswith("YJ")
    assert f.deposit_slips == (back.slip_no,)
    assert back.slip_no.startswith("TK")

    text = "".join(
        p.extract_text()
        for p in PdfReader(io.BytesIO(daily_close_pdf(live, estate_name="X"))).pages
    )
    for expected in ("押金收取", "押金退还", dep.receipt_no, back.slip_no, "3,000.00", "-1,200.00"):
        assert expected in text
    assert "1,900.00" in text  # cash expected

    with db.begin(SUPERVISOR) as s:
        done = close_day(s, day=TODAY, cash_counted_fen=190_000)
    assert done.difference_fen == 0
    with db.begin(SUPERVISOR) as s:
        assert day_close(s, day=TODAY) == done  # the stored close reads back the same
    with pytest.raises(NotAllowed, match="日结"), db.begin(SUPERVISOR) as s:
        receive_deposit(s, kind="key", unit_id=estate.unit_ids[0], amount_fen=100, method="cash")
    with pytest.raises(NotAllowed, match="日结"), db.begin(SUPERVISOR) as s:
        refund_deposit(s, dep.deposit_id, method="cash", amount_fen=100)
    with db.begin(MANAGER) as s:  # another cashier still takes deposits that day
        receive_deposit(s, kind="key", unit_id=estate.unit_ids[0], amount_fen=100, method="cash")


def test_deposits_refused_in_a_closed_month(db: Database, estate: Estate) -> None:
    with db.begin(MANAGER) as s:
        s.add(ClosedPeriod(period="2026-05", closed_by="王经理"))
    with pytest.raises(NotAllowed, match="关账"), db.begin(MANAGER) as s:
        receive_deposit(
            s,
            kind="key",
            unit_id=estate.unit_ids[0],
            amount_fen=100,
            method="cash",
            on=date(2026, 5, 20),
        )


def test_a_close_stored_before_deposits_reads_back_with_none(
    db: Database, takings: list[int]
) -> None:
    with db.begin(CLERK) as s:
        close_day(s, day=TODAY, cash_counted_fen=10_000)
    with db.begin(MANAGER) as s:
        row = s.scalars(select(DailyClose)).one()
        data = json.loads(row.figures)
        for key in ("deposits_received", "deposits_refunded", "deposit_receipts", "deposit_slips"):
            del data[key]
        row.figures = json.dumps(data, ensure_ascii=False)
    with db.begin(CLERK) as s:
        old = day_close(s, day=TODAY)
    assert old.closed
    assert old.figures.deposits_received == ()
    assert old.figures.deposit_slips == ()
    assert old.figures.cash_expected_fen == 10_000
    assert old.figures.fee_cash_fen == 10_000
    assert "押金收取" in "".join(
        p.extract_text() for p in PdfReader(io.BytesIO(daily_close_pdf(old, estate_name="X"))).pages
    )
