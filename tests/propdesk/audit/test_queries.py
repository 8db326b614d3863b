"""The audit viewer's queries: filters by record, user, action and local date range."""

from __future__ import annotations

import json
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
    assert "phone" in newest.changes
    assert "13900001111" not in json.dumps(newest.changes)  # masked when written
    assert newest.description.startswith("电话：")


def test_the_viewer_speaks_the_managers_language() -> None:
    assert (
        describe_changes({"waived_fen": [0, 10000]}, "bill_line") == "减免金额：0.00 元 → 100.00 元"
    )
    assert describe_changes({"status": ["vacant", "occupied"]}, "unit") == "状态：空置 → 自住"
    assert describe_changes({"role": ["clerk", "admin"], "active": [True, False]}, "app_user") == (
        "角色：前台 → 系统管理员；启用：是 → 否"
    )
    # SQLite's stored UTC text and PostgreSQL's ISO text both show in China time
    assert describe_changes({"voided_at": [None, "2026-06-15 02:00:00.000000"]}, "payment") == (
        "作废时间：（空） → 2026-06-15 10:00"
    )
    assert describe_changes(
        {"paid_at": ["2026-06-15T02:00:00+00:00", None]}, "payment", "delete"
    ) == ("收款时间：2026-06-15 10:00")
    assert describe_changes({"amount_fen": [None, 12345]}, "payment", "insert") == "金额：123.45 元"
    assert describe_changes({"count": 2, "ids": [7, 9], "columns": ["waived_fen"]}, "x") == (
        "条数：2；涉及编号：7、9；修改的字段：减免金额"
    )


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
