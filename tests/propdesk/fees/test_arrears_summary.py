"""The status bar's arrears figure is a COUNT query with the arrears list's definition."""

from __future__ import annotations

from datetime import date

import pytest

from propdesk.db.engine import Database
from propdesk.fees.arrears import arrears_list
from propdesk.fees.arrears_summary import arrears_summary
from propdesk.fees.billing import run_billing
from propdesk.fees.payments import take_payment
from tests.propdesk.fees.fee_fixtures import CLERK, MANAGER, Estate, set_standard_rates


@pytest.mark.parametrize("min_days", [0, 31, 100, 400])
@pytest.mark.parametrize("on", [date(2026, 4, 10), date(2025, 10, 1), date(2026, 1, 31)])
def test_summary_equals_the_list(db: Database, estate: Estate, min_days: int, on: date) -> None:
    set_standard_rates(db)
    with db.begin(MANAGER) as s:
        for p in ("2025-09", "2026-01", "2026-03"):
            run_billing(s, p)
    with db.begin(CLERK) as s:
        take_payment(s, unit_id=estate.unit_ids[1], amount_fen=25_200, method="cash")
    with db.begin(CLERK) as s:
        rows = arrears_list(s, as_of=on, min_days=min_days)
        summary = arrears_summary(s, as_of=on, min_days=min_days)
    assert summary.units == len(rows)
    assert summary.owed_fen == sum(r.owed_fen for r in rows)
