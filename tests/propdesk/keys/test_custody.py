"""Key custody: only authorised collectors borrow; a key past its due time is listed first."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from propdesk.db.engine import Database
from propdesk.errors import InvalidTransition, ValidationError
from propdesk.keys import services as keys
from tests.propdesk.renovation.fixtures import CLERK, make_place

T0 = datetime(2026, 5, 1, 2, 0, tzinfo=UTC)


def test_lend_return_and_overdue(db: Database) -> None:
    place = make_place(db)
    with db.begin(CLERK) as s:
        dep = keys.deposit_key(
            s,
            unit_id=place.unit_ids[0],
            deposited_by="张三",
            purpose="出差期间装修工人取用",
            authorised="张三、周工, 钱师傅",
            key_count=2,
            at=T0,
        )
        dep2 = keys.deposit_key(
            s, unit_id=place.unit_ids[1], deposited_by="李四", authorised="李四", at=T0
        )
    with db.begin(CLERK) as s, pytest.raises(ValidationError, match="授权"):
        keys.lend_key(
            s, deposit_id=dep, borrower="陌生人", due_at=T0 + timedelta(hours=3), signature="陌生人"
        )
    with db.begin(CLERK) as s:
        loan = keys.lend_key(
            s,
            deposit_id=dep,
            borrower="周工",
            due_at=T0 + timedelta(hours=3),
            signature="周工",
            at=T0 + timedelta(hours=1),
        )
        loan2 = keys.lend_key(
            s,
            deposit_id=dep2,
            borrower="李四",
            due_at=T0 + timedelta(hours=8),
            signature="李四",
            at=T0 + timedelta(hours=1),
        )
    with db.begin(CLERK) as s, pytest.raises(InvalidTransition, match="已借出"):
        keys.lend_key(
            s, deposit_id=dep, borrower="张三", due_at=T0 + timedelta(hours=5), signature="张三"
        )
    with db.begin(CLERK) as s:
        before_due = keys.keys_out(s, now=T0 + timedelta(hours=2))
        late = keys.keys_out(s, now=T0 + timedelta(hours=4))
        assert keys.count_keys_overdue(s, now=T0 + timedelta(hours=4)) == 1
    assert [(k.loan_id, k.overdue) for k in before_due] == [(loan, False), (loan2, False)]
    assert [(k.loan_id, k.overdue) for k in late] == [(loan, True), (loan2, False)]
    assert late[0].borrower_phone == ""
    with db.begin(CLERK) as s, pytest.raises(InvalidTransition, match="归还后"):
        keys.withdraw_key(s, deposit_id=dep, withdrawn_by="张三")
    with db.begin(CLERK) as s:
        keys.return_key(
            s, loan_id=loan, returned_by="周工", signature="周工", at=T0 + timedelta(hours=5)
        )
    with db.begin(CLERK) as s:
        assert [k.loan_id for k in keys.keys_out(s, now=T0 + timedelta(hours=6))] == [loan2]
        keys.withdraw_key(s, deposit_id=dep, withdrawn_by="张三")
        deposits = keys.unit_deposits(s, place.unit_ids[0])
    assert deposits[0].withdrawn_at is not None
    assert deposits[0].authorised == ("张三", "周工", "钱师傅")
