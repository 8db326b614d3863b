"""Vacant-unit checks: intervals, due and overdue lists across month and year ends."""

from __future__ import annotations

from datetime import date

import pytest

from propdesk.db.engine import Database
from propdesk.desk import settings, vacant
from propdesk.desk.vacant import CheckInput
from propdesk.errors import NotAllowed, ValidationError
from propdesk.registry import services as reg
from tests.propdesk.desk.helpers import CLERK, MANAGER, Estate, local


def _due(db: Database, day: date, *, overdue_only: bool = False) -> dict[str, int]:
    with db.begin(CLERK) as s:
        return {
            r.unit_code: r.overdue_days
            for r in vacant.vacant_due(s, today=day, overdue_only=overdue_only)
        }


def test_never_checked_vacant_units_are_due_and_lived_in_units_are_not(
    db: Database, estate: Estate
) -> None:
    due = _due(db, date(2026, 11, 23))
    assert set(due) == {"3-2-1501", "3-2-1601"}
    with db.begin(CLERK) as s:
        assert vacant.count_due(s, today=date(2026, 11, 23)) == 2


@pytest.mark.parametrize(
    ("checked", "interval", "last_quiet", "due_day"),
    [
        (date(2026, 1, 31), 30, date(2026, 3, 1), date(2026, 3, 2)),  # across February
        (date(2028, 1, 31), 30, date(2028, 2, 29), date(2028, 3, 1)),  # leap year
        (date(2026, 12, 20), 14, date(2027, 1, 2), date(2027, 1, 3)),  # across the year end
        (date(2026, 10, 31), 1, date(2026, 10, 31), date(2026, 11, 1)),  # a daily check
    ],
)
def test_due_and_overdue_across_month_ends(
    db: Database, estate: Estate, checked: date, interval: int, last_quiet: date, due_day: date
) -> None:
    with db.begin(CLERK) as s:
        vacant.set_interval(s, estate.vacant_a, interval)
        vacant.record_check(s, estate.vacant_a, CheckInput(), at=local(checked, 15))
    assert "3-2-1501" not in _due(db, last_quiet)
    assert _due(db, due_day)["3-2-1501"] == 0  # due today: listed, not yet overdue
    assert "3-2-1501" not in _due(db, due_day, overdue_only=True)
    after = date.fromordinal(due_day.toordinal() + 1)
    assert _due(db, after, overdue_only=True)["3-2-1501"] == 1


def test_changing_the_interval_moves_the_due_date(db: Database, estate: Estate) -> None:
    with db.begin(CLERK) as s:
        vacant.record_check(s, estate.vacant_a, CheckInput(), at=local(date(2026, 11, 1)))
        assert vacant.plan_of_unit(s, estate.vacant_a) == (
            30,
            date(2026, 11, 1),
            date(2026, 12, 1),
        )
        vacant.set_interval(s, estate.vacant_a, 7)
        assert vacant.plan_of_unit(s, estate.vacant_a)[2] == date(2026, 11, 8)


def test_default_interval_comes_from_settings(db: Database, estate: Estate) -> None:
    with db.begin(MANAGER) as s:
        settings.set_setting(s, "vacant_check_days", 10)
    with db.begin(CLERK) as s:
        vacant.record_check(s, estate.vacant_b, CheckInput(), at=local(date(2026, 11, 25)))
        assert vacant.plan_of_unit(s, estate.vacant_b)[2] == date(2026, 12, 5)
    with db.begin(CLERK) as s, pytest.raises(NotAllowed):
        settings.set_setting(s, "vacant_check_days", 10)  # a clerk may not
    with db.begin(MANAGER) as s, pytest.raises(ValidationError):
        settings.set_setting(s, "vacant_check_days", 0)


def test_check_records_each_item_and_needs_a_note_when_something_is_wrong(
    db: Database, estate: Estate
) -> None:
    with db.begin(CLERK) as s:
        with pytest.raises(ValidationError) as err:
            vacant.record_check(s, estate.vacant_a, CheckInput(no_leaks=False))
        assert err.value.field == "note"
        vacant.record_check(
            s,
            estate.vacant_a,
            CheckInput(water_ok=False, no_leaks=False, note="厨房水管滴水，已关总阀"),
            at=local(date(2026, 11, 20)),
        )
        [check] = vacant.checks_of_unit(s, estate.vacant_a)
    assert (check.doors_windows_ok, check.water_ok, check.electricity_ok, check.no_leaks) == (
        True,
        False,
        True,
        False,
    )
    assert not check.all_ok
    assert check.checked_by == "王前台"


def test_only_vacant_units_are_checked(db: Database, estate: Estate) -> None:
    with db.begin(CLERK) as s, pytest.raises(ValidationError):
        vacant.record_check(s, estate.lived_in, CheckInput())


def test_a_unit_moved_into_leaves_the_list(db: Database, estate: Estate) -> None:
    with db.begin(MANAGER) as s:
        pid = reg.create_person(s, name="赵六", phone="13600003333")
        reg.start_occupancy(
            s, person_id=pid, unit_id=estate.vacant_b, role="owner", start_date=date(2026, 11, 1)
        )
    assert set(_due(db, date(2026, 11, 23))) == {"3-2-1501"}
