"""Moving appointments: one move per entrance and slot; the guards' list of a day."""

from __future__ import annotations

from datetime import timedelta

import pytest

from propdesk.clock import today
from propdesk.db.engine import Database
from propdesk.errors import Conflict
from propdesk.movein import moving
from tests.propdesk.renovation.fixtures import CLERK, make_place


def test_no_two_moves_in_one_slot_of_one_entrance(db: Database) -> None:
    place = make_place(db)
    day = today() + timedelta(days=2)
    u1, u2, u3 = place.unit_ids
    with db.begin(CLERK) as s:
        first = moving.book_moving(
            s, unit_id=u1, day=day, slot="08:00-10:00", direction="in", contact_name="张三"
        )
    with db.begin(CLERK) as s, pytest.raises(Conflict, match="1-1-0101"):
        moving.book_moving(
            s, unit_id=u2, day=day, slot="08:00-10:00", direction="out", contact_name="李四"
        )
    with db.begin(CLERK) as s:
        # another entrance, or another slot, is free
        moving.book_moving(
            s, unit_id=u3, day=day, slot="08:00-10:00", direction="in", contact_name="王五"
        )
        moving.book_moving(
            s, unit_id=u2, day=day, slot="10:00-12:00", direction="out", contact_name="李四"
        )
        moving.cancel_moving(s, first)
    with db.begin(CLERK) as s:
        moving.book_moving(
            s, unit_id=u2, day=day, slot="08:00-10:00", direction="out", contact_name="李四"
        )
    with db.begin(CLERK) as s:
        listed = moving.appointments_on(s, day)
    assert [(a.slot, a.unit_code) for a in listed] == [
        ("08:00-10:00", "1-1-0102"),
        ("08:00-10:00", "1-2-0201"),
        ("10:00-12:00", "1-1-0102"),
    ]
