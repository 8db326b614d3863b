"""The overdue-key rule: in Python and in SQL it gives the same answer."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from propdesk.db.engine import Database
from propdesk.keys import services as keys
from propdesk.keys.rules import key_counts, loan_overdue
from tests.propdesk.renovation.fixtures import CLERK, make_place

T0 = datetime(2026, 5, 1, 2, 0, tzinfo=UTC)


def test_loan_overdue() -> None:
    due = T0 + timedelta(hours=4)
    assert not loan_overdue(due, T0)
    assert not loan_overdue(due, due)
    assert loan_overdue(due, due + timedelta(seconds=1))
    assert not loan_overdue(due, due + timedelta(hours=1), returned=True)
    assert not loan_overdue(None, T0)


def test_key_counts(db: Database) -> None:
    place = make_place(db)
    with db.begin(CLERK) as s:
        for unit_id, hours in ((place.unit_ids[0], 1), (place.unit_ids[1], 5)):
            dep = keys.deposit_key(
                s, unit_id=unit_id, deposited_by="张三", authorised="张三", at=T0
            )
            keys.lend_key(
                s,
                deposit_id=dep,
                borrower="张三",
                due_at=T0 + timedelta(hours=hours),
                signature="张三",
                at=T0,
            )
    with db.begin(CLERK) as s:
        assert key_counts(s, now=T0) == key_counts(s, now=T0 + timedelta(minutes=59))
        assert key_counts(s, now=T0).out == 2
        assert key_counts(s, now=T0).overdue == 0
        assert key_counts(s, now=T0 + timedelta(hours=2)).overdue == 1
        assert key_counts(s, now=T0 + timedelta(hours=6)).overdue == 2
        n = keys.count_keys_overdue(s, now=T0 + timedelta(hours=2))
        assert n == key_counts(s, now=T0 + timedelta(hours=2)).overdue
