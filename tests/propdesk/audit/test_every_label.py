"""The audit viewer names every table and every column in Chinese, with the table's own
meaning where a column name means different things (``closed_at``: 结账 only on the fee
tables), and shows the ticket tables' stored values in the ticket module's own words."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from sqlalchemy import Table

from propdesk import clock
from propdesk.audit.labels import describe_changes, field_label, value_text
from propdesk.audit.queries import TABLE_LABELS_ZH, AuditFilter, list_audit, table_label
from propdesk.auth.actor import Actor, Role
from propdesk.db.engine import Database
from propdesk.db.model_modules import import_all_models
from propdesk.models_base import Base
from propdesk.tickets.models import Ticket, TicketEvent
from propdesk.tickets.values import KIND_ZH, STATUS_ZH, TicketKind, TicketStatus
from propdesk.tickets.workflow import ACTION_ZH, Action
from tests.propdesk.team import helpers as h

CHINESE = re.compile(r"[\u4e00-\u9fff]")
MANAGER = Actor(user_id=6, username="mgr", display_name="经理", role=Role.MANAGER)


def _tables() -> list[Table]:
    import_all_models()
    return list(Base.metadata.sorted_tables)


def test_every_mapped_table_reads_in_chinese() -> None:
    tables = _tables()
    assert len(tables) >= 100
    missing = [t.name for t in tables if not CHINESE.search(TABLE_LABELS_ZH.get(t.name, ""))]
    assert missing == []
    for name in ("desk_handover_item", "kb_term", "vacant_check_plan", "patrol_checkpoint"):
        assert table_label(name).startswith(TABLE_LABELS_ZH[name])


def test_every_column_of_every_table_reads_in_chinese() -> None:
    missing = [
        f"{t.name}.{c.name}"
        for t in _tables()
        for c in t.columns
        if not CHINESE.search(field_label(c.name, t.name))
    ]
    assert missing == []


def test_closed_at_is_a_billing_close_only_on_the_fee_tables() -> None:
    assert field_label("closed_at", "fee_closed_period") == "结账时间"
    assert field_label("closed_at", "fee_daily_close") == "结账时间"
    assert field_label("closed_by", "fee_daily_close") == "结账人"
    assert field_label("closed_at", "ticket") == "关闭时间"
    assert field_label("closed_at", "survey_campaign") == "结束时间"
    assert field_label("closed_at", "desk_shift") == "交班时间"
    assert describe_changes({"closed_at": [None, None]}, "survey_campaign").startswith("结束时间：")
    # the table's label also names the columns listed in a bulk statement's summary
    assert describe_changes({"columns": ["closed_at", "owner_name"]}, "ticket") == (
        "修改的字段：关闭时间、首问负责人"
    )


def test_ticket_columns_and_values_read_in_the_ticket_modules_words() -> None:
    assert field_label("owner_name", "ticket") == "首问负责人"  # the clerk who registered it
    assert field_label("owner_name") == "业主姓名"  # elsewhere: the owner's name
    for column, label in {
        "is_paid": "有偿服务",
        "owner_user_id": "首问负责人账号",
        "reopen_count": "重新派工次数",
        "reporter_name": "报事人",
        "resolve_due": "处理期限",
        "response_due": "响应期限",
        "search_text": "检索文字",
        "dispatched_at": "派工时间",
        "staff_id": "维修人员",
        "work_done": "处理情况",
    }.items():
        assert field_label(column, "ticket") == label
    assert field_label("actor_user_id", "ticket_event") == "操作人账号"
    assert field_label("from_status", "ticket_event") == "原状态"
    assert field_label("to_status", "ticket_event") == "新状态"
    for column, label in {
        "attitude": "服务态度",
        "overall": "总体满意度",
        "speed": "及时性",
    }.items():
        assert field_label(column, "ticket_callback") == label
    for status in TicketStatus:
        assert value_text("status", status.value, "ticket") == STATUS_ZH[status]
        assert value_text("to_status", status.value, "ticket_event") == STATUS_ZH[status]
    for kind in TicketKind:
        assert value_text("kind", kind.value, "ticket") == KIND_ZH[kind]
    for action in Action:
        assert value_text("action", action.value, "ticket_event") == ACTION_ZH[action]
    assert value_text("action", "create") == "新建"  # other tables keep the generic word
    assert (
        describe_changes({"status": ["received", "dispatched"]}, "ticket")
        == "状态：已受理 → 已派工"
    )
    assert value_text("is_paid", 1, "ticket") == "是"  # SQLite's triggers store 0/1
    assert value_text("reopen_count", 1, "ticket") == "1"  # a count, not a flag
    assert value_text("direction", "out", "call_record") == "去电"


def test_care_and_team_fields_read_in_chinese() -> None:
    assert field_label("findings_enc", "care_visit") == "走访发现"
    assert field_label("comment", "team_assessment") == "经理评语"
    assert field_label("comment_by_name", "team_assessment") == "评语填写人"
    assert field_label("comment_at", "team_assessment") == "评语填写时间"
    assert field_label("ack_at", "team_assessment") == "员工确认时间"
    assert field_label("ack_by_name", "team_assessment") == "确认员工"
    assert field_label("period", "team_assessment") == "考核月份"
    assert field_label("period", "bill_line") == "账期"


def test_the_viewer_describes_a_tickets_audit_rows_in_chinese(db: Database) -> None:
    with db.begin(Actor.system()) as s:
        lo = clock.now(s) - timedelta(days=2)
        cat = h.category(s)
        ticket_id = h.ticket(s, n=1, category_id=cat, owner=None, created=lo)
    with db.begin(MANAGER) as s:
        ticket = s.get(Ticket, ticket_id)
        assert ticket is not None
        ticket.status = "closed"
        ticket.owner_name = "王前台"
        ticket.closed_at = datetime(2026, 6, 14, 2, 0, tzinfo=UTC)
        s.add(
            TicketEvent(
                ticket_id=ticket_id,
                action="close",
                from_status="called_back",
                to_status="closed",
                actor_name="经理",
            )
        )
    with db.begin(MANAGER) as s:
        update = list_audit(s, AuditFilter(table_name="ticket", action="update"))[0]
        event = list_audit(s, AuditFilter(table_name="ticket_event"))[0]
    text = update.description
    assert "状态：已受理 → 已关闭" in text
    assert "首问负责人：（空） → 王前台" in text
    assert "关闭时间：（空） → 2026-06-14 10:00" in text
    assert "结账" not in text
    assert "进度：关闭" in event.description
    assert "原状态：已回访" in event.description
    assert "新状态：已关闭" in event.description
    assert re.search(r"[a-z]{3,}", text + event.description) is None, (text, event.description)


def test_a_table_without_its_own_label_keeps_the_columns() -> None:
    assert field_label("closed_at", "no_such_table") == field_label("closed_at") == "结账时间"
