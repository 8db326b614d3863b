from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from propdesk.db.engine import Database
from propdesk.errors import ValidationError
from propdesk.fees.billing import run_billing
from propdesk.fees.items import set_rate
from propdesk.fees.meters import (
    Replacement,
    consumption,
    create_meter,
    reading_grid,
    record_reading,
    split_shares,
)
from propdesk.fees.models import BillLine, FeeItem
from tests.propdesk.fees.fee_fixtures import CLERK, MANAGER, Estate


def test_consumption_rules() -> None:
    assert consumption(None, 12_345, rollover_centi=100_000_00) == 0  # first reading: baseline
    assert consumption(1000_00, 1012_50, rollover_centi=100_000_00) == 12_50
    with pytest.raises(ValidationError) as err:
        consumption(1000_00, 990_00, rollover_centi=100_000_00)
    assert "翻零或换表" in str(err.value)
    # 翻零: 99990 → 5 on a meter that wraps at 100000
    assert consumption(99_990_00, 5_00, rollover_centi=100_000_00, rollover=True) == 15_00
    with pytest.raises(ValidationError):
        consumption(1000_00, 1010_00, rollover_centi=100_000_00, rollover=True)
    # 换表: old meter 1000 → 1020 final, new meter starts at 3, reads 10 now
    assert (
        consumption(
            1000_00, 10_00, rollover_centi=100_000_00, replacement=Replacement(1020_00, 3_00)
        )
        == 27_00
    )
    with pytest.raises(ValidationError):
        consumption(1000_00, 10_00, rollover_centi=100_000_00, replacement=Replacement(990_00, 0))


@given(
    total=st.integers(0, 10**7), weights=st.lists(st.integers(1, 100_000), min_size=1, max_size=40)
)
def test_shared_split_adds_up_exactly(total: int, weights: list[int]) -> None:
    shares = split_shares(total, weights)
    assert sum(shares) == total
    assert all(s >= 0 for s in shares)
    exact = [total * w / sum(weights) for w in weights]
    assert all(abs(s - e) < 1 for s, e in zip(shares, exact, strict=True))


def test_readings_bill_water_with_shared_meter(db: Database, estate: Estate) -> None:
    u1, u2, u3 = estate.unit_ids
    b1 = estate.building_ids[0]
    with db.begin(MANAGER) as s:
        set_rate(s, item_code="water", effective_from=date(2025, 1, 1), rate_fen=450)
        m1 = create_meter(s, code="W-0101", kind="water", unit_id=u1)
        m2 = create_meter(s, code="W-0102", kind="water", unit_id=u2, rollover_centi=10_000_00)
        shared = create_meter(s, code="W-1栋公共", kind="water", building_id=b1, split="area")
    with db.begin(CLERK) as s:
        for m, r in ((m1, 100_00), (m2, 9_990_00), (shared, 0)):
            record_reading(s, meter_id=m, period="2026-02", reading_centi=r)
        record_reading(s, meter_id=m1, period="2026-03", reading_centi=112_30)
        with pytest.raises(ValidationError):
            record_reading(s, meter_id=m2, period="2026-03", reading_centi=5_00)
    with db.begin(CLERK) as s:
        info = record_reading(s, meter_id=m2, period="2026-03", reading_centi=5_00, rollover=True)
        assert info.consumption_centi == 15_00
        record_reading(s, meter_id=shared, period="2026-03", reading_centi=20_88)
        grid = {g.meter_code: g for g in reading_grid(s, "2026-03", "water")}
        assert grid["W-0101"].previous_centi == 100_00
        assert grid["W-0101"].consumption_centi == 12_30
        with pytest.raises(ValidationError):  # earlier period after a later one
            record_reading(s, meter_id=m1, period="2026-01", reading_centi=50_00)
    with db.begin(MANAGER) as s:
        run_billing(s, "2026-03")
        rows = s.execute(
            select(
                BillLine.unit_id, BillLine.source_ref, BillLine.quantity_centi, BillLine.amount_fen
            )
            .join(FeeItem, FeeItem.id == BillLine.item_id)
            .where(FeeItem.code == "water")
            .order_by(BillLine.unit_id, BillLine.source_ref)
        ).all()
    # own meters: 12.30 m³ and 15.00 m³ × 4.50; shared 20.88 m³ split by area 89.56 : 120.00
    shares = split_shares(20_88, [8956, 12000])
    assert shares == [8_92, 11_96]
    assert [tuple(r) for r in rows] == [
        (u1, "", 12_30, 5535),
        (u1, f"shared:{shared}", 8_92, 4014),
        (u2, "", 15_00, 6750),
        (u2, f"shared:{shared}", 11_96, 5382),
    ]
    assert u3 not in {r[0] for r in rows}  # building 2 is not on the shared meter
    with pytest.raises(ValidationError), db.begin(CLERK) as s:  # billed: readings are locked
        record_reading(s, meter_id=m1, period="2026-03", reading_centi=113_00)
