"""The monthly report on awkward dates: a ticket registered now belongs to the estate's
local month, and a running month's arrears are aged on the local today."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from propdesk import clock
from propdesk.db.engine import Database
from propdesk.reporting.monthly import monthly_report
from propdesk.tickets import catalog
from propdesk.tickets import services as ticket_services
from tests.propdesk.desk.helpers import CLERK, make_estate

SHANGHAI = clock.estate_zone()

# (the clock, the local business date, its month, the neighbouring month in UTC terms)
AWKWARD = [
    pytest.param(
        datetime(2026, 11, 30, 18, 0, tzinfo=SHANGHAI),
        date(2026, 11, 30),
        "2026-11",
        "2026-12",
        id="month-end",
    ),
    pytest.param(
        datetime(2026, 12, 31, 23, 59, tzinfo=SHANGHAI),
        date(2026, 12, 31),
        "2026-12",
        "2027-01",
        id="new-year-eve",
    ),
    pytest.param(
        datetime(2028, 2, 29, 10, 0, tzinfo=SHANGHAI),
        date(2028, 2, 29),
        "2028-02",
        "2028-03",
        id="leap-day",
    ),
    # 07:30 on the 1st in China: still the last day of the previous month in UTC.
    pytest.param(
        datetime(2027, 3, 1, 7, 30, tzinfo=SHANGHAI),
        date(2027, 3, 1),
        "2027-03",
        "2027-02",
        id="first-0730",
    ),
]


@pytest.mark.parametrize(("now", "day", "month", "other"), AWKWARD)
def test_monthly_report_counts_by_local_month(
    db: Database, test_clock: clock.FixedClock, now: datetime, day: date, month: str, other: str
) -> None:
    estate = make_estate(db)
    test_clock.set(now)
    with db.begin(CLERK) as s:
        catalog.ensure_defaults(s)
        cat = next(c.id for c in catalog.list_categories(s, "repair") if c.active)
        created = ticket_services.create_ticket(
            s,
            ticket_services.Intake(
                kind="repair",
                category_id=cat,
                description="卫生间漏水",
                unit_id=estate.lived_in,
                reporter_name="王五",
            ),
        )
    assert created.number[2:10] == day.strftime("%Y%m%d")  # the number carries the local day
    with db.begin(CLERK) as s:
        report = monthly_report(s, month)
        neighbour = monthly_report(s, other)
    assert report.start <= day <= report.end
    assert report.tickets.total == 1
    assert neighbour.tickets.total == 0
    assert report.fees.arrears_as_of == day  # the running month is aged on the local today
