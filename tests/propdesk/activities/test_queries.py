"""Activity queries against plain SQL, on SQLite and PostgreSQL: the list (upcoming/past,
filled, waitlist), sign-ups in unit order, a household's participation, month figures."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from sqlalchemy import text

from propdesk import clock
from propdesk.activities import queries as q
from propdesk.activities import services as act
from propdesk.db.engine import Database
from propdesk.registry.unit_sort import unit_code_key
from tests.propdesk.activities.helpers import CLERK, MANAGER, START, Estate, spec


@dataclass(frozen=True)
class History:
    held: int
    cancelled: int
    upcoming: int
    month_start: date
    month_end: date


def _history(db: Database, estate: Estate, test_clock: clock.FixedClock) -> History:
    u = estate.units
    with db.begin(MANAGER) as s:
        held = act.create_activity(s, spec(3, budget_fen=80000), open_now=True)
        gone = act.create_activity(
            s, spec(5, starts_at=START + timedelta(hours=3), ends_at=None), open_now=True
        )
    with db.begin(CLERK) as s:
        a = act.sign_up(s, held, unit_id=u[0], persons=2)
        b = act.sign_up(s, held, unit_id=u[1])
        act.sign_up(s, held, unit_id=u[2])  # waitlist
        act.sign_up(s, gone, unit_id=u[3])
    with db.begin(MANAGER) as s:
        act.cancel_activity(s, gone, reason="台风")
    test_clock.set(START + timedelta(days=2))
    with db.begin(MANAGER) as s:
        act.finish_activity(s, held, spent_fen=61050)
        act.record_attendance(s, held, {a.signup_id, b.signup_id})
        act.record_feedback(s, a.signup_id, rating=5, comment="很好")
        act.record_feedback(s, b.signup_id, rating=2, comment="太吵")
        upcoming = act.create_activity(
            s, spec(10, starts_at=START + timedelta(days=9), ends_at=None), open_now=True
        )
    with db.begin(CLERK) as s:
        act.sign_up(s, upcoming, unit_id=u[0], persons=3, channel="phone")
    day = clock.local_date(START)
    first = day.replace(day=1)
    last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    return History(held, gone, upcoming, first, last)


def _plain_list(db: Database, upcoming: bool) -> list[tuple[int, ...]]:
    cond = "(a.status IN ('planned', 'open'))"
    where = cond if upcoming else f"NOT {cond}"
    order = "a.starts_at, a.id" if upcoming else "a.starts_at DESC, a.id DESC"
    sql = (
        "SELECT a.id, a.taken, (SELECT COUNT(*) FROM activity_signup s "
        "WHERE s.activity_id = a.id AND s.state = 'waitlist') FROM activity a "
        f"WHERE {where} ORDER BY {order}"
    )
    with db.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(sql)).all()]


def test_list_upcoming_and_past_match_plain_sql(
    db: Database, estate: Estate, test_clock: clock.FixedClock
) -> None:
    h = _history(db, estate, test_clock)
    with db.begin(CLERK) as s:
        up = q.list_activities(s, q.When.UPCOMING)
        past = q.list_activities(s, q.When.PAST)
        one = q.activity(s, h.held)
    assert [(r.id, r.taken, r.waitlist) for r in up] == _plain_list(db, True)
    assert [(r.id, r.taken, r.waitlist) for r in past] == _plain_list(db, False)
    assert [r.id for r in up] == [h.upcoming]
    assert [r.id for r in past] == [h.cancelled, h.held]
    assert (one.capacity, one.taken, one.waitlist, one.spent_fen) == (3, 3, 1, 61050)


def test_signups_in_unit_order_match_plain_sql(
    db: Database, estate: Estate, test_clock: clock.FixedClock
) -> None:
    h = _history(db, estate, test_clock)
    with db.begin(CLERK) as s:
        rows = q.signups(s, h.held)
        with_cancelled = q.signups(s, h.cancelled, include_cancelled=True)
    sql = (
        "SELECT u.code, s.persons, s.state FROM activity_signup s JOIN unit u ON u.id = s.unit_id "
        "WHERE s.activity_id = :a AND s.state != 'cancelled'"
    )
    with db.engine.connect() as conn:
        plain = sorted(
            (tuple(r) for r in conn.execute(text(sql), {"a": h.held}).all()),
            key=lambda r: unit_code_key(r[0]),
        )
    assert [(r.unit_code, r.persons, r.state) for r in rows] == plain
    assert [r.unit_code for r in rows] == ["1-1-201", "1-1-1001", "2-1-101"]
    assert len(with_cancelled) == 1


def test_household_participation(
    db: Database, estate: Estate, test_clock: clock.FixedClock
) -> None:
    h = _history(db, estate, test_clock)
    with db.begin(CLERK) as s:
        rows = q.household_participation(s, estate.units[0])
        none = q.household_participation(s, estate.units[5])
    assert [(r.activity_id, r.state, r.persons) for r in rows] == [
        (h.upcoming, "confirmed", 3),
        (h.held, "confirmed", 2),
    ]
    assert (rows[1].attended, rows[1].rating) == (True, 5)
    assert none == ()


def test_month_figures_match_plain_sql(
    db: Database, estate: Estate, test_clock: clock.FixedClock
) -> None:
    h = _history(db, estate, test_clock)
    lo = clock.local_midnight(h.month_start)
    hi = clock.local_midnight(h.month_end + timedelta(days=1))
    with db.begin(CLERK) as s:
        f = q.month_figures(s, h.month_start, h.month_end)
    win = "a.starts_at >= :lo AND a.starts_at < :hi"
    with db.engine.connect() as conn:
        held, budget, spent = conn.execute(
            text(
                "SELECT COUNT(*), COALESCE(SUM(budget_fen), 0), COALESCE(SUM(spent_fen), 0) "
                f"FROM activity a WHERE {win} AND a.status = 'finished'"
            ),
            {"lo": lo, "hi": hi},
        ).one()
        cancelled = conn.execute(
            text(f"SELECT COUNT(*) FROM activity a WHERE {win} AND a.status = 'cancelled'"),
            {"lo": lo, "hi": hi},
        ).scalar_one()
        n, persons, attended, rated, rating_sum = conn.execute(
            text(
                "SELECT COUNT(*), COALESCE(SUM(s.persons), 0), "
                "SUM(CASE WHEN s.attended THEN 1 ELSE 0 END), COUNT(s.rating), "
                "COALESCE(SUM(s.rating), 0) FROM activity_signup s "
                f"JOIN activity a ON a.id = s.activity_id WHERE {win} "
                "AND a.status = 'finished' AND s.state = 'confirmed'"
            ),
            {"lo": lo, "hi": hi},
        ).one()
    assert (f.held, f.cancelled, f.budget_fen, f.spent_fen) == (held, cancelled, budget, spent)
    assert (f.signups, f.persons, f.attended, f.ratings) == (n, persons, attended, rated)
    assert f.attendance_rate == pytest.approx(attended / n)
    assert f.average_rating == pytest.approx(rating_sum / rated)
    # and the numbers themselves, so the plain SQL cannot be wrong the same way
    assert (f.held, f.cancelled, f.signups, f.persons, f.attended) == (1, 1, 2, 3, 2)
    assert f.average_rating == pytest.approx(3.5)
    assert (f.budget_fen, f.spent_fen) == (80000, 61050)


def test_month_without_activities(db: Database, estate: Estate) -> None:
    day = clock.local_date(START)
    with db.begin(CLERK) as s:
        f = q.month_figures(s, day, day)
    assert (f.held, f.signups, f.attendance_rate, f.average_rating) == (0, 0, None, None)
