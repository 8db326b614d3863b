from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from propdesk.db.engine import Database
from propdesk.errors import NotAllowed, ValidationError
from propdesk.fees.arrears import (
    arrears_list,
    bucket_index,
    unit_arrears,
    waive_arrears,
    waive_late_fee,
)
from propdesk.fees.billing import run_billing
from propdesk.fees.latefee import late_days, late_fee
from propdesk.fees.payments import take_payment
from propdesk.fees.settings import FeeSettings, get_fee_settings, save_fee_settings
from tests.propdesk.fees.fee_fixtures import CLERK, MANAGER, SUPERVISOR, Estate, set_standard_rates


def test_bucket_edges() -> None:
    assert [bucket_index(d) for d in (0, 30, 31, 90, 91, 180, 181)] == [0, 0, 1, 1, 2, 2, 3]


def test_late_fee_edges() -> None:
    due = date(2026, 3, 31)
    kw = {"rate_per_10k": 5, "grace_days": 10}
    assert late_fee(100_000, due, date(2026, 4, 10), **kw) == 0  # last grace day
    assert late_fee(100_000, due, date(2026, 4, 11), **kw) == 50  # first day: 1000 元 × 0.05 %
    assert late_fee(100_000, due, date(2026, 4, 20), **kw) == 500
    assert late_fee(999, due, date(2026, 4, 11), **kw) == 0  # 0.4995 fen rounds down
    assert late_fee(1000, due, date(2026, 4, 11), **kw) == 1  # 0.5 fen rounds up
    assert late_fee(100_000, due, date(2026, 3, 1), **kw) == 0  # before the due date
    assert late_fee(0, due, date(2027, 1, 1), **kw) == 0


@given(
    owed=st.integers(1, 10_000_000),
    days=st.integers(0, 2000),
    grace=st.integers(0, 60),
    rate=st.integers(0, 100),
)
def test_late_fee_is_exact_half_up(owed: int, days: int, grace: int, rate: int) -> None:
    from datetime import timedelta
    from decimal import ROUND_HALF_UP, Decimal

    due = date(2026, 1, 31)
    fee = late_fee(owed, due, due + timedelta(days=days), rate_per_10k=rate, grace_days=grace)
    exact = Decimal(owed) * rate * late_days(due, due + timedelta(days=days), grace) / 10_000
    assert fee == int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _setup(db: Database) -> None:
    set_standard_rates(db)
    with db.begin(MANAGER) as s:
        save_fee_settings(
            s, FeeSettings(late_fee_enabled=True, late_fee_rate_per_10k=5, grace_days=10)
        )
        for p in ("2025-09", "2026-01", "2026-03"):
            run_billing(s, p)


def test_unit_arrears_ages_lines_and_charges_late_fee(db: Database, estate: Estate) -> None:
    _setup(db)
    u3 = estate.unit_ids[2]  # 138.84 a month
    with db.begin(CLERK) as s:
        a = unit_arrears(s, u3, date(2026, 4, 10))
    # due 2025-09-30 (192 days), 2026-01-31 (69 days), 2026-03-31 (10 days)
    assert a.buckets == (13884, 13884, 0, 13884)
    assert a.owed_fen == 3 * 13884
    expected = sum(
        late_fee(13884, d, date(2026, 4, 10), rate_per_10k=5, grace_days=10)
        for d in (date(2025, 9, 30), date(2026, 1, 31), date(2026, 3, 31))
    )
    assert a.late_fee_fen == expected > 0
    with db.begin(CLERK) as s:
        rows = {r.unit_id: r for r in arrears_list(s, as_of=date(2026, 4, 10))}
    assert rows[u3].owed_fen == a.owed_fen
    assert rows[u3].buckets == a.buckets
    assert rows[u3].late_fee_fen == a.late_fee_fen  # SQL and Python agree to the fen
    assert rows[u3].oldest_due == date(2025, 9, 30)


def test_arrears_list_filters(db: Database, estate: Estate) -> None:
    _setup(db)
    u1, u2, u3 = estate.unit_ids
    with db.begin(CLERK) as s:
        take_payment(s, unit_id=u2, amount_fen=3 * (22200 + 3000), method="cash")
        on = date(2026, 4, 10)
        assert {r.unit_id for r in arrears_list(s, as_of=on)} == {u1, u3}
        b2 = estate.building_ids[1]
        assert [r.unit_id for r in arrears_list(s, as_of=on, building_id=b2)] == [u3]
        assert [r.unit_id for r in arrears_list(s, as_of=on, min_owed_fen=50_000)] == [u1]
        assert arrears_list(s, as_of=date(2025, 10, 1), min_days=30) == []
        assert [r.unit_id for r in arrears_list(s, as_of=on, code_prefix="2-")] == [u3]


def test_waivers_need_a_manager_and_a_reason(db: Database, estate: Estate) -> None:
    _setup(db)
    u3 = estate.unit_ids[2]
    with db.begin(CLERK) as s:
        first = unit_arrears(s, u3, date(2026, 4, 10)).lines[0]
    with pytest.raises(NotAllowed), db.begin(SUPERVISOR) as s:
        waive_arrears(s, line_id=first.line_id, amount_fen=100, reason="困难户")
    with pytest.raises(ValidationError), db.begin(MANAGER) as s:
        waive_arrears(s, line_id=first.line_id, amount_fen=100, reason="")
    with pytest.raises(ValidationError), db.begin(MANAGER) as s:
        waive_arrears(s, line_id=first.line_id, amount_fen=13885, reason="困难户")
    with db.begin(MANAGER) as s:
        waive_arrears(s, line_id=first.line_id, amount_fen=3884, reason="困难户减免")
        waive_late_fee(s, line_id=first.line_id, reason="经理批准免滞纳金", as_of=date(2026, 4, 10))
    with db.begin(CLERK) as s:
        after = unit_arrears(s, u3, date(2026, 4, 10))
        listed = {r.unit_id: r for r in arrears_list(s, as_of=date(2026, 4, 10))}[u3]
    line = after.lines[0]
    assert (line.owed_fen, line.late_fee_fen, line.late_fee_waived) == (10000, 0, True)
    assert listed.late_fee_fen == after.late_fee_fen
    with pytest.raises(ValidationError), db.begin(MANAGER) as s:
        waive_late_fee(s, line_id=first.line_id, reason="再次减免", as_of=date(2026, 4, 10))


def test_settings_round_trip_and_validate(db: Database) -> None:
    with db.begin(MANAGER) as s:
        assert get_fee_settings(s) == FeeSettings()
        save_fee_settings(s, FeeSettings(late_fee_enabled=True, grace_days=5))
    with db.begin(CLERK) as s:
        assert get_fee_settings(s).grace_days == 5
        assert get_fee_settings(s).late_fee_enabled
    with pytest.raises(ValidationError), db.begin(MANAGER) as s:
        save_fee_settings(s, FeeSettings(reminder_days_1=90, reminder_days_2=30))
    with pytest.raises(NotAllowed), db.begin(CLERK) as s:
        save_fee_settings(s, FeeSettings())


def test_late_fee_charged_once_then_only_what_accrues_later(db: Database, estate: Estate) -> None:
    from propdesk.fees.latefee import charge_late_fees
    from propdesk.fees.models import BillLine

    _setup(db)
    u3 = estate.unit_ids[2]
    day = date(2026, 4, 10)
    with db.begin(CLERK) as s:
        before = unit_arrears(s, u3, day).late_fee_fen
        ids = charge_late_fees(s, u3, day)
        assert charge_late_fees(s, u3, day) == []  # same day: nothing new
        charged = sum(s.get(BillLine, i).amount_fen for i in ids)  # type: ignore[union-attr]
    assert charged == before > 0
    with db.begin(CLERK) as s:
        after = unit_arrears(s, u3, day)
        listed = {r.unit_id: r for r in arrears_list(s, as_of=day)}[u3]
    assert after.late_fee_fen == 0  # charged, now an ordinary line to pay
    assert listed.late_fee_fen == 0
    assert after.owed_fen == 3 * 13884 + charged
    assert [x.item_code for x in after.lines].count("late_fee") == len(ids)
    later = date(2026, 4, 20)
    with db.begin(CLERK) as s:
        grown = unit_arrears(s, u3, later)
        listed_later = {r.unit_id: r for r in arrears_list(s, as_of=later)}[u3]
        # ten more days on the three original lines; the late-fee lines accrue nothing
        expected = sum(
            late_fee(13884, d, later, rate_per_10k=5, grace_days=10)
            - late_fee(13884, d, day, rate_per_10k=5, grace_days=10)
            for d in (date(2025, 9, 30), date(2026, 1, 31), date(2026, 3, 31))
        )
    assert grown.late_fee_fen == expected
    assert listed_later.late_fee_fen == expected
