"""Property: whatever clerks do in whatever order, no open item of the shift log is lost.

Random sequences of adding entries (some to follow up), finishing them, handing over and
taking over; after each sequence every open item sits in the shift now on duty (or in
the handover waiting to be taken over), every carried item has its continuation in the
next shift, and every handover was acknowledged by whoever took over.
"""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from propdesk.auth.actor import Actor, Role
from propdesk.db.engine import Database
from propdesk.desk import shiftlog
from propdesk.desk.models import Shift, ShiftEntry
from propdesk.errors import DomainError
from tests.propdesk.desk.helpers import local

CLERKS = [Actor(None, f"c{i}", name, Role.CLERK) for i, name in enumerate(("甲", "乙", "丙"))]

ops = st.lists(
    st.one_of(
        st.tuples(st.just("add"), st.booleans()),
        st.tuples(st.just("done"), st.integers(0, 5)),
        st.tuples(st.just("close"), st.just(0)),
        st.tuples(st.just("take"), st.integers(0, 2)),
    ),
    max_size=25,
)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(steps=ops)
def test_no_open_item_is_lost(sqlite_db: Database, steps: list[tuple[str, object]]) -> None:
    at = local(date(2026, 11, 30), 8)
    who = CLERKS[0]
    for kind, arg in steps:
        at += timedelta(minutes=7)
        try:
            if kind == "take":
                who = CLERKS[int(str(arg))]
                with sqlite_db.begin(who) as s:
                    shiftlog.take_over(s, at=at)
            with sqlite_db.begin(who) as s:
                if kind == "add":
                    shiftlog.add_entry(s, kind="reminder", text="事项", follow_up=bool(arg), at=at)
                elif kind == "done":
                    current = shiftlog.current_shift(s)
                    if current is not None:
                        open_ = shiftlog.entries_of_shift(s, current.id, open_only=True)
                        if open_:
                            shiftlog.complete_entry(s, open_[int(str(arg)) % len(open_)].id, at=at)
                elif kind == "close":
                    shiftlog.close_shift(s, at=at)
        except DomainError:
            continue  # refused steps (nobody on duty, two shifts at once) change nothing

    with sqlite_db.begin(who) as s:
        entries = s.scalars(select(ShiftEntry)).all()
        shifts = {sh.id: sh for sh in s.scalars(select(Shift))}
        current = shiftlog.current_shift(s)
        pending = shiftlog.pending_handover(s)
        live = {x.id for x in (current, pending) if x is not None}
        for e in entries:
            if e.status == "open":
                assert e.shift_id in live
            if e.status == "carried":
                nxt = [n for n in entries if n.carried_from_id == e.id]
                assert len(nxt) == 1
                assert shifts[nxt[0].shift_id].previous_id == e.shift_id
        for sh in shifts.values():
            if sh.acknowledged_at is not None:
                successor = [n for n in shifts.values() if n.previous_id == sh.id]
                assert len(successor) == 1
                assert successor[0].started_by == sh.acknowledged_by
        assert sum(sh.closed_at is None for sh in shifts.values()) <= 1
