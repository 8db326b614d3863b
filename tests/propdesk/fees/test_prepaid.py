"""The prepayment balance list (预收余额表): query and Excel export."""

from __future__ import annotations

import io
from datetime import timedelta

from openpyxl import load_workbook

from propdesk import clock
from propdesk.db.engine import Database
from propdesk.fees.credits import add_credit
from propdesk.fees.prepaid import prepaid_balances
from reports.excel.prepaid import write_prepaid_sheet
from tests.propdesk.renovation.fixtures import CLERK, MANAGER, make_place


def test_units_with_credit_are_listed_with_their_balance(
    db: Database, test_clock: clock.FixedClock
) -> None:
    place = make_place(db)
    a, b, c = place.unit_ids
    with db.begin(MANAGER) as s:  # credit no payment brought in: an adjustment's right
        add_credit(s, a, 12_345, "prepay")
        add_credit(s, b, 5_000, "overpay")
        add_credit(s, c, 3_000, "overpay")
    test_clock.advance(timedelta(days=1))
    with db.begin(MANAGER) as s:
        add_credit(s, b, -5_000, "consume")  # used up: b leaves the list
        add_credit(s, c, 1_000, "overpay")
    yesterday = clock.today() - timedelta(days=1)
    with db.begin(CLERK) as s:
        now = prepaid_balances(s)
        before = prepaid_balances(s, yesterday)
    assert [(r.unit_code, r.balance_fen) for r in now] == [
        ("1-1-0101", 12_345),
        ("1-2-0201", 4_000),
    ]
    assert now[1].last_moved_on == clock.today()
    assert [r.balance_fen for r in before] == [12_345, 5_000, 3_000]
    out = io.BytesIO()
    totals = write_prepaid_sheet(now, out)
    assert (totals.rows, totals.fen["预收余额"]) == (2, 16_345)
    sheet = load_workbook(io.BytesIO(out.getvalue())).active
    assert sheet is not None
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0][0] == "预收余额表"  # the title rows, then the header
    assert values[2][:4] == ["楼栋", "房号", "业主", "预收余额"]
    assert values[3][1] == "1-1-0101"
    assert round(float(str(values[3][3])) * 100) == 12_345
