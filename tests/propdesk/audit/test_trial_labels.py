"""Columns and tables the new-user trial still saw by their SQL names in the audit viewer."""

from __future__ import annotations

from propdesk.audit.labels import field_label, value_text
from propdesk.audit.queries import table_label


def test_the_trials_columns_read_in_chinese() -> None:
    for column in (
        "collected_at",
        "collected_by",
        "handed_by",
        "caller_name",
        "clerk_name",
        "clerk_user_id",
        "action",
        "actor_name",
        "category_id",
        "department",
    ):
        assert field_label(column) != column, column
    assert value_text("department", "engineering") == "工程部"
    assert value_text("action", "create") == "新建"


def test_the_trials_tables_read_in_chinese() -> None:
    for table in ("ticket_counter", "call_reminder", "call_record", "outage"):
        assert table_label(table) != table, table
