from __future__ import annotations

from datetime import date

import pytest

from propdesk.db.engine import Database
from propdesk.fees.billing import run_billing
from propdesk.fees.collection import collection_rows, rate_text, summarize
from propdesk.fees.payments import take_payment
from tests.propdesk.fees.fee_fixtures import MANAGER, Estate, set_standard_rates


def test_current_and_arrears_collection_by_building_and_item(db: Database, estate: Estate) -> None:
    set_standard_rates(db)
    _u1, u2, u3 = estate.unit_ids  # u1 pays nothing
    with db.begin(MANAGER) as s:
        run_billing(s, "2026-02")
        run_billing(s, "2026-03")
    with db.begin(MANAGER) as s:  # backdated payments: finance or a manager
        # u2 pays February (arrears in March's view) in March, then March in full
        take_payment(s, unit_id=u2, amount_fen=25200, method="cash", paid_on=date(2026, 3, 5))
        take_payment(s, unit_id=u2, amount_fen=25200, method="cash", paid_on=date(2026, 3, 6))
        # u3 pays half of February in February: not arrears collected in March
        take_payment(s, unit_id=u3, amount_fen=5000, method="cash", paid_on=date(2026, 2, 20))
        rows = collection_rows(s, "2026-03")
    total = summarize(rows, "total")[0]
    march_billed = 16569 + 22200 + 13884 + 3000 + 3000 + 15000
    assert total.billed_fen == march_billed
    assert total.collected_fen == 25200
    assert total.arrears_collected_fen == 25200
    assert total.arrears_owed_fen == march_billed - 25200 - 5000  # February still owed
    by_building = {r.building: r for r in summarize(rows, "building")}
    assert by_building["2栋"].billed_fen == 13884
    assert by_building["2栋"].collected_fen == 0
    assert by_building["2栋"].arrears_rate == 0
    by_item = {r.item: r for r in summarize(rows, "item")}
    assert by_item["电梯费"].rate == pytest.approx(0.5)
    assert rate_text(by_item["电梯费"].rate) == "50.0%"
    assert rate_text(None) == "—"
    assert {r.item for r in rows} == {"物业服务费", "电梯费", "车位管理费"}
