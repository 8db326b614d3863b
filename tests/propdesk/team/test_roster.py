"""The roster: shifts across midnight and month end, who is on at an instant, the incoming
shift, the month grid and replacing a clerk's day; on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any

import pytest

from propdesk import clock
from propdesk.auth.actor import Actor, Role
from propdesk.db.engine import Database
from propdesk.errors import NotAllowed, ValidationError
from propdesk.team import roster
from tests.propdesk.team import helpers as h

SYSTEM = Actor.system()


def _at(day: date, hh: int, mm: int = 0) -> datetime:
    return clock.local_datetime(day, time(hh, mm))


def _uid(actor: Actor) -> int:
    assert actor.user_id is not None
    return actor.user_id


def _world(db: Database) -> dict[str, Any]:
    with db.begin(SYSTEM) as s:
        wang = h.add_user(s, "wang", "王前台")
        li = h.add_user(s, "li", "李前台")
        boss = h.add_user(s, "zhao", "赵主管", Role.SUPERVISOR)
        shifts = {r.code: r.id for r in roster.ensure_default_shifts(s)}
        wang_id, li_id = _uid(wang), _uid(li)
        # 31 January: wang early, li night (22:00 → 1 February 08:00); 1 February: wang middle
        roster.assign(s, user_id=wang_id, day=date(2027, 1, 31), shift_id=shifts["early"])
        roster.assign(s, user_id=li_id, day=date(2027, 1, 31), shift_id=shifts["night"])
        roster.assign(s, user_id=wang_id, day=date(2027, 2, 1), shift_id=shifts["middle"])
    return {"wang": wang, "li": li, "boss": boss, "shifts": shifts}


def _names(duty: list[roster.OnDuty]) -> list[str]:
    return [d.name for d in duty]


def test_night_shift_crosses_midnight_and_month_end(db: Database) -> None:
    _world(db)
    with db.begin(SYSTEM) as s:
        assert _names(roster.on_duty_at(s, _at(date(2027, 1, 31), 9))) == ["王前台"]
        assert _names(roster.on_duty_at(s, _at(date(2027, 1, 31), 21, 59))) == []
        assert _names(roster.on_duty_at(s, _at(date(2027, 1, 31), 22))) == ["李前台"]
        # 1 February 03:00 local is still the night shift rostered on 31 January
        night = roster.on_duty_at(s, _at(date(2027, 2, 1), 3))
        assert _names(night) == ["李前台"]
        assert night[0].day == date(2027, 1, 31)
        assert night[0].shift.crosses_midnight
        # the end is exclusive: at 08:00 the night shift is over
        assert _names(roster.on_duty_at(s, _at(date(2027, 2, 1), 8))) == []
        assert _names(roster.on_duty_at(s, _at(date(2027, 2, 1), 15))) == ["王前台"]


def test_on_duty_compares_instants_not_utc_dates(db: Database) -> None:
    _world(db)
    # 2027-01-31 19:30 UTC is 1 February 03:30 in China
    with db.begin(SYSTEM) as s:
        assert _names(roster.on_duty_at(s, datetime(2027, 1, 31, 19, 30, tzinfo=UTC))) == ["李前台"]


def test_next_shift_after(db: Database) -> None:
    _world(db)
    with db.begin(SYSTEM) as s:
        incoming = roster.next_shift_after(s, _at(date(2027, 1, 31), 10))
        assert _names(incoming) == ["李前台"]
        assert incoming[0].starts_at == _at(date(2027, 1, 31), 22)
        # during the night shift the next one to start is wang's middle shift on 1 February
        incoming = roster.next_shift_after(s, _at(date(2027, 2, 1), 2))
        assert _names(incoming) == ["王前台"]
        assert incoming[0].shift.code == "middle"
        assert roster.next_shift_after(s, _at(date(2027, 2, 1), 15)) == []


def test_handover_roster_uses_the_clock(db: Database, test_clock: clock.FixedClock) -> None:
    _world(db)
    test_clock.set(_at(date(2027, 1, 31), 21, 50))
    with db.begin(SYSTEM) as s:
        hr = roster.handover_roster(s)
    assert hr.on_duty == ()
    assert _names(list(hr.incoming)) == ["李前台"]
    test_clock.set(_at(date(2027, 2, 1), 7, 45))
    with db.begin(SYSTEM) as s:
        hr = roster.handover_roster(s)
    assert _names(list(hr.on_duty)) == ["李前台"]
    assert _names(list(hr.incoming)) == ["王前台"]


def test_month_grid_and_set_day(db: Database) -> None:
    w = _world(db)
    wang, boss, shifts = w["wang"], w["boss"], w["shifts"]
    with db.begin(boss) as s:
        roster.set_day(
            s,
            user_id=wang.user_id,
            day=date(2027, 1, 31),
            shift_ids=(shifts["middle"], shifts["night"]),
        )
        roster.set_day(s, user_id=w["li"].user_id, day=date(2027, 1, 31), shift_ids=())
    with db.begin(SYSTEM) as s:
        jan = roster.month_grid(s, 2027, 1)
        feb = roster.month_grid(s, 2027, 2)
    assert len(jan.days) == 31
    assert len(feb.days) == 28
    assert [c.name for c in jan.clerks] == sorted(["王前台", "李前台", "赵主管"])
    assert jan.cells == {(wang.user_id, date(2027, 1, 31)): (shifts["middle"], shifts["night"])}
    assert feb.cells == {(wang.user_id, date(2027, 2, 1)): (shifts["middle"],)}
    assert [s.code for s in jan.shifts] == ["early", "middle", "night"]


def test_roster_refusals(db: Database) -> None:
    w = _world(db)
    wang = w["wang"]
    with db.begin(wang) as s, pytest.raises(NotAllowed):
        roster.set_day(s, user_id=wang.user_id, day=date(2027, 3, 1), shift_ids=())
    with db.begin(w["boss"]) as s, pytest.raises(ValidationError):
        roster.set_day(s, user_id=wang.user_id, day=date(2027, 3, 1), shift_ids=(9999,))
    with db.begin(SYSTEM) as s, pytest.raises(ValidationError):
        roster.define_shift(s, code="x", name="加班", starts=time(9), ends=time(9))
