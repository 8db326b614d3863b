"""Two desks signing up for the last place at once, on PostgreSQL.

The capacity is taken by one conditional ``UPDATE activity SET taken = taken + n WHERE
taken + n <= capacity``: the first desk's UPDATE row-locks the activity; the second desk's
UPDATE waits for that lock and, once the first commits, re-checks its condition on the
committed row (READ COMMITTED) and changes nothing, so its sign-up goes to the waitlist.
The first test forces exactly that interleaving (it waits until the second desk is seen
blocked on the lock before the first commits), so it is deterministic; the second lets
six threads race for three places from a barrier. SQLite serialises writers with
``BEGIN IMMEDIATE`` (a second writer cannot even start), so there is no race to test there.
"""

from __future__ import annotations

import threading
from typing import Any

import pytest
from sqlalchemy import func, select

from propdesk.activities import services as act
from propdesk.activities.models import Activity, ActivitySignup
from propdesk.activities.services import SignupResult
from propdesk.db.engine import Database
from tests.pg_locks import wait_for_lock_waiter
from tests.propdesk.activities.helpers import CLERK, Estate, open_activity


def _postgres_only(db: Database) -> None:
    if db.engine.dialect.name != "postgresql":
        pytest.skip("SQLite serialises writers (BEGIN IMMEDIATE): no concurrent sign-up")


def _counts(db: Database, aid: int) -> tuple[int, dict[str, int]]:
    with db.begin(CLERK) as s:
        taken = int(s.scalar(select(Activity.taken).where(Activity.id == aid)) or 0)
        rows = s.execute(
            select(ActivitySignup.state, func.count())
            .where(ActivitySignup.activity_id == aid)
            .group_by(ActivitySignup.state)
        ).all()
    return taken, {state: int(n) for state, n in rows}


def test_last_place_goes_to_one_desk_the_other_to_the_waitlist(
    db: Database, estate: Estate
) -> None:
    _postgres_only(db)
    aid = open_activity(db, capacity=2)
    u = estate.units
    with db.begin(CLERK) as s:
        act.sign_up(s, aid, unit_id=u[0])  # one place left
    results: dict[str, SignupResult] = {}
    errors: list[BaseException] = []
    first_took = threading.Event()

    def first_desk() -> None:
        try:
            with db.begin(CLERK) as s:
                results["first"] = act.sign_up(s, aid, unit_id=u[1])
                first_took.set()
                wait_for_lock_waiter(db)  # the second desk is now blocked on our row lock
        except BaseException as exc:  # reported below, never lost in the thread
            errors.append(exc)
            first_took.set()

    def second_desk() -> None:
        try:
            assert first_took.wait(10)
            with db.begin(CLERK) as s:
                results["second"] = act.sign_up(s, aid, unit_id=u[2])
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=first_desk), threading.Thread(target=second_desk)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert errors == []
    assert results["first"].state == "confirmed"
    assert results["second"].state == "waitlist"
    assert results["second"].waitlist_position == 1
    assert "候补第 1 位" in results["second"].message
    assert _counts(db, aid) == (2, {"confirmed": 2, "waitlist": 1})


def test_six_desks_race_for_three_places(db: Database, estate: Estate) -> None:
    _postgres_only(db)
    aid = open_activity(db, capacity=3)
    barrier = threading.Barrier(6)
    outcomes: list[Any] = []
    lock = threading.Lock()

    def desk(unit_id: int) -> None:
        try:
            barrier.wait(10)
            with db.begin(CLERK) as s:
                result: Any = act.sign_up(s, aid, unit_id=unit_id)
        except BaseException as exc:
            result = exc
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=desk, args=(unit,)) for unit in estate.units]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert [o for o in outcomes if not isinstance(o, SignupResult)] == []
    states = sorted(o.state for o in outcomes)
    assert states == ["confirmed"] * 3 + ["waitlist"] * 3
    positions = sorted(o.waitlist_position for o in outcomes if o.state == "waitlist")
    assert positions == [1, 2, 3]
    assert _counts(db, aid) == (3, {"confirmed": 3, "waitlist": 3})
