"""The audit viewer's queries: filters by record, user, action and local date range."""

from __future__ import annotations

from datetime import timedelta

import pytest

from propdesk import clock
from propdesk.audit.queries import (
    AuditFilter,
    audited_tables,
    count_audit,
    describe_changes,
    list_audit,
    shown_changes,
)
from propdesk.auth.actor import Actor, Role
from propdesk.db.engine import Database
from propdesk.errors import NotAllowed
from propdesk.registry import services as reg

CLERK = Actor(user_id=5, username="clerk", display_name="前台", role=Role.CLERK)
MANAGER = Actor(user_id=6, username="mgr", display_name="经理", role=Role.MANAGER)


def _changes(db: Database) -> int:
    with db.begin(CLERK) as s:
        pid = reg.create_person(s, name="张三", phone="13812345678")
        reg.create_person(s, name="李四")
    with db.begin(MANAGER) as s:
        reg.update_person(s, pid, expected_version=None, phone="13900001111")
    return pid


def test_filters(db: Database) -> None:
    pid = _changes(db)
    today = clock.today()
    with db.begin(MANAGER) as s:
        assert count_audit(s) == 3
        assert [r.action for r in list_audit(s, AuditFilter(record_id=str(pid)))] == [
            "update",
            "insert",
        ]
        assert {r.username for r in list_audit(s, AuditFilter(username="clerk"))} == {"clerk"}
        assert len(list_audit(s, AuditFilter(action="update"))) == 1
        assert count_audit(s, AuditFilter(date_from=today, date_to=today)) == 3
        assert count_audit(s, AuditFilter(date_to=today - timedelta(days=1))) == 0
        assert count_audit(s, AuditFilter(date_from=today + timedelta(days=1))) == 0
        assert audited_tables(s) == ["person"]
        newest = list_audit(s, AuditFilter(record_id=str(pid)), limit=1)[0]
    assert newest.action_label == "修改"
    assert newest.changes == {"phone": ["13812345678", "13900001111"]}
    assert describe_changes(newest.changes) == "phone: 13812345678 → 13900001111"


def test_reading_needs_view_audit(db: Database) -> None:
    _changes(db)
    with pytest.raises(NotAllowed), db.begin(CLERK) as s:
        list_audit(s)


def test_personal_fields_masked_for_roles_without_full_view() -> None:
    raw = '{"phone": ["13812345678", "13900001111"], "id_number": [null, "110101199003071233"]}'
    masked = shown_changes(CLERK, raw)
    assert masked == {
        "phone": ["138****5678", "139****1111"],
        "id_number": [None, "1101**********1233"],
    }
    assert shown_changes(MANAGER, raw)["phone"] == ["13812345678", "13900001111"]
    assert shown_changes(MANAGER, "not json") == {}
