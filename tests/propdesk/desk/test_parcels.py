"""Parcels held at the desk (received, notified, collected; long-held ones across month ends)
and the visitor register."""

from __future__ import annotations

from datetime import date

import pytest

from propdesk.db.engine import Database
from propdesk.desk import parcels, settings
from propdesk.errors import InvalidTransition, ValidationError
from tests.propdesk.desk.helpers import CLERK, MANAGER, Estate, local


def _receive(db: Database, estate: Estate, tracking: str, day: date, hour: int = 10) -> int:
    with db.begin(CLERK) as s:
        return parcels.receive_parcel(
            s,
            carrier="顺丰",
            tracking_no=tracking,
            unit_id=estate.lived_in,
            recipient="王五",
            recipient_phone="13700002222",
            shelf="A-3",
            at=local(day, hour),
        )


def test_parcel_life_received_notified_collected(db: Database, estate: Estate) -> None:
    pid = _receive(db, estate, "SF100", date(2026, 11, 20))
    with db.begin(CLERK) as s:
        parcels.mark_notified(s, pid, at=local(date(2026, 11, 20), 11))
        [row] = parcels.waiting_parcels(s, today=date(2026, 11, 21))
        assert (row.unit_code, row.shelf, row.held_days) == ("3-1-101", "A-3", 1)
        assert row.recipient_phone == "137****2222"  # a clerk sees it masked
        assert row.notified_at is not None
        parcels.collect_parcel(s, pid, collected_by="王五", at=local(date(2026, 11, 21), 18))
    with db.begin(CLERK) as s:
        assert parcels.waiting_parcels(s, today=date(2026, 11, 21)) == []
        [done] = parcels.waiting_parcels(s, include_collected=True)
        assert (done.status, done.collected_by) == ("collected", "王五")
        with pytest.raises(InvalidTransition):
            parcels.collect_parcel(s, pid, collected_by="王五")


@pytest.mark.parametrize(
    ("received", "today", "long_held"),
    [
        (date(2026, 1, 29), date(2026, 2, 1), False),  # 3 days across the month end
        (date(2026, 1, 29), date(2026, 2, 2), True),  # 4 days
        (date(2026, 2, 27), date(2026, 3, 2), False),  # February end: 3 days
        (date(2026, 2, 27), date(2026, 3, 3), True),
        (date(2026, 12, 30), date(2027, 1, 3), True),  # year end: 4 days
    ],
)
def test_long_held_parcels_across_month_ends(
    db: Database, estate: Estate, received: date, today: date, long_held: bool
) -> None:
    _receive(db, estate, "SF200", received, hour=23)  # late evening local time
    with db.begin(CLERK) as s:
        [row] = parcels.waiting_parcels(s, today=today)
        assert row.held_days == (today - received).days
        assert row.long_held is long_held
        listed = parcels.waiting_parcels(s, today=today, long_held_only=True)
        assert [p.id for p in listed] == ([row.id] if long_held else [])
        assert parcels.count_waiting(s, today=today) == (1, int(long_held))


def test_hold_days_setting(db: Database, estate: Estate) -> None:
    _receive(db, estate, "SF300", date(2026, 11, 20))
    with db.begin(MANAGER) as s:
        settings.set_setting(s, "parcel_hold_days", 1)
    with db.begin(CLERK) as s:
        assert parcels.count_waiting(s, today=date(2026, 11, 22)) == (1, 1)


def test_parcel_validation(db: Database, estate: Estate) -> None:
    _receive(db, estate, "SF400", date(2026, 11, 20))
    with db.begin(CLERK) as s:
        with pytest.raises(ValidationError) as err:
            parcels.receive_parcel(s, carrier="顺丰", tracking_no="SF400", unit_id=estate.lived_in)
        assert err.value.field == "tracking_no"
        with pytest.raises(ValidationError) as err:
            parcels.receive_parcel(s, carrier="", tracking_no="X1", unit_id=estate.lived_in)
        assert err.value.field == "carrier"
        with pytest.raises(ValidationError) as err:
            parcels.receive_parcel(s, carrier="圆通", tracking_no="X1", unit_id=None)
        assert err.value.field == "unit_id"


def test_uncollected_parcel_returned_to_the_carrier(db: Database, estate: Estate) -> None:
    pid = _receive(db, estate, "SF500", date(2026, 11, 1))
    with db.begin(CLERK) as s:
        with pytest.raises(ValidationError):
            parcels.return_parcel(s, pid, note="")
        parcels.return_parcel(s, pid, note="顺丰快递员小刘", at=local(date(2026, 11, 20)))
        assert parcels.count_waiting(s, today=date(2026, 11, 20)) == (0, 0)
        [row] = parcels.waiting_parcels(s, include_collected=True)
    assert (row.status, row.collected_by) == ("returned", "顺丰快递员小刘")


def test_visitors_in_and_out(db: Database, estate: Estate) -> None:
    day = date(2026, 11, 30)
    with db.begin(CLERK) as s:
        vid = parcels.register_visitor(
            s,
            name="钱七",
            unit_id=estate.lived_in,
            purpose="探亲",
            phone="13500004444",
            people=2,
            at=local(day, 23, 30),
        )
        parcels.register_visitor(
            s, name="孙八", unit_id=estate.lived_in, purpose="送货", at=local(day, 9)
        )
        assert [v.name for v in parcels.visitors_of_day(s, day)] == ["孙八", "钱七"]
        assert [v.name for v in parcels.visitors_of_day(s, date(2026, 12, 1))] == []
        parcels.visitor_left(s, vid, at=local(date(2026, 12, 1), 0, 40))
        inside = parcels.visitors_of_day(s, inside_only=True)
        assert [v.name for v in inside] == ["孙八"]
        [v] = [v for v in parcels.visitors_of_day(s, day) if v.id == vid]
        assert v.out_at == local(date(2026, 12, 1), 0, 40)
        assert v.people == 2
        with pytest.raises(InvalidTransition):
            parcels.visitor_left(s, vid)
        with pytest.raises(ValidationError) as err:
            parcels.register_visitor(s, name="周九", unit_id=estate.lived_in, purpose="")
        assert err.value.field == "purpose"
