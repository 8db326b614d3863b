"""The shift handover on awkward dates: every business date is the estate's local date,
taken from the session's clock (never the machine's zone or UTC date)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from propdesk import clock
from propdesk.db.engine import Database
from propdesk.desk import parcels, patrols, shiftlog
from tests.propdesk.desk.helpers import CLERK, NIGHT_CLERK, make_estate

SHANGHAI = clock.estate_zone()

# (the clock, the estate's business date then)
AWKWARD = [
    pytest.param(
        datetime(2026, 11, 30, 18, 0, tzinfo=SHANGHAI), date(2026, 11, 30), id="month-end"
    ),
    pytest.param(
        datetime(2026, 12, 31, 23, 59, tzinfo=SHANGHAI), date(2026, 12, 31), id="new-year-eve"
    ),
    pytest.param(datetime(2028, 2, 29, 10, 0, tzinfo=SHANGHAI), date(2028, 2, 29), id="leap-day"),
    # 07:30 on the 1st in China is still the last day of the previous month in UTC.
    pytest.param(datetime(2027, 3, 1, 7, 30, tzinfo=SHANGHAI), date(2027, 3, 1), id="first-0730"),
]


@pytest.mark.parametrize(("now", "day"), AWKWARD)
def test_handover_uses_the_local_business_date(
    db: Database, test_clock: clock.FixedClock, now: datetime, day: date
) -> None:
    estate = make_estate(db)
    test_clock.set(now - timedelta(hours=2))
    with db.begin(CLERK) as s:
        shift_id = shiftlog.take_over(s)
        shiftlog.add_entry(s, kind="reminder", text="明早停水，需广播", follow_up=True)
        parcels.receive_parcel(
            s, carrier="顺丰", tracking_no="SF0001", unit_id=estate.lived_in, shelf="A1"
        )
        patrol_id = patrols.start_patrol(s, estate.route_id)
    test_clock.set(now)
    with db.begin(CLERK) as s:
        assert clock.today(s) == day
        waiting = parcels.waiting_parcels(s)
        assert [p.held_days for p in waiting] == [0]  # received today, not "yesterday"
        assert [p.id for p in patrols.patrols_of_day(s)] == [patrol_id]
        lines = shiftlog.compose_handover(s)
        assert any("明早停水" in line.text for line in lines)
        closed = shiftlog.close_shift(s, note="交班")
    assert closed.id == shift_id
    assert closed.closed_at == now
    assert clock.local_date(closed.closed_at) == day
    with db.begin(NIGHT_CLERK) as s:
        new_id = shiftlog.take_over(s)
        carried = shiftlog.entries_of_shift(s, new_id, open_only=True)
        taken = shiftlog.shift_detail(s, shift_id)
    assert [e.text for e in carried] == ["明早停水，需广播"]
    assert taken.acknowledged_at == now
    assert clock.local_date(taken.acknowledged_at) == day
