"""calls: the call desk (calls, outages, knowledge base, directory, reminders, Today log)

Revision ID: calls_0001
Revises: wave_0001
Create Date: 2026-12-06 05:50:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import propdesk.db.types

revision: str = "calls_0001"
down_revision: str | Sequence[str] | None = "wave_0001"
branch_labels: str | Sequence[str] | None = ("calls",)
depends_on: str | Sequence[str] | None = None

UTC = propdesk.db.types.UTCDateTime(timezone=True)


def _versioned() -> list[sa.Column[object]]:
    return [
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", UTC, nullable=False),
        sa.Column("updated_at", UTC, nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "call_record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("direction", sa.String(length=3), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("at", UTC, nullable=False),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("number_tail", sa.String(length=4), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("caller_name", sa.String(length=50), nullable=False),
        sa.Column("topic", sa.String(length=20), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=True),
        sa.Column("contact_log_id", sa.Integer(), nullable=True),
        sa.Column("transfer_to", sa.String(length=100), nullable=False),
        sa.Column("transfer_ext", sa.String(length=20), nullable=False),
        sa.Column("callback_due", UTC, nullable=True),
        sa.Column("callback_done_at", UTC, nullable=True),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("clerk_user_id", sa.Integer(), nullable=True),
        sa.Column("clerk_name", sa.String(length=50), nullable=False),
        sa.Column("created_at", UTC, nullable=False),
        sa.CheckConstraint("direction IN ('in', 'out')", name=op.f("ck_call_record_direction")),
        sa.CheckConstraint("state IN ('missed', 'logged')", name=op.f("ck_call_record_state")),
        sa.CheckConstraint(
            "topic IN ('consultation', 'repair', 'complaint', 'suggestion', 'praise', 'other', '')",
            name=op.f("ck_call_record_topic"),
        ),
        sa.CheckConstraint(
            "outcome IN ('answered', 'ticket', 'transferred', 'callback', 'no_answer', 'missed', '')",
            name=op.f("ck_call_record_outcome"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_call_record_person_id_person"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_call_record_unit_id_unit"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["ticket_id"],
            ["ticket.id"],
            name=op.f("fk_call_record_ticket_id_ticket"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["contact_log_id"],
            ["fee_contact_log.id"],
            name=op.f("fk_call_record_contact_log_id_fee_contact_log"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["call_record.id"],
            name=op.f("fk_call_record_parent_id_call_record"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["clerk_user_id"],
            ["app_user.id"],
            name=op.f("fk_call_record_clerk_user_id_app_user"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_call_record")),
    )
    op.create_index("ix_call_record_at", "call_record", ["at"])
    op.create_index("ix_call_record_number", "call_record", ["number", "at"])
    op.create_index("ix_call_record_tail", "call_record", ["number_tail", "at"])
    op.create_index("ix_call_record_topic", "call_record", ["topic", "at"])
    op.create_index("ix_call_record_unit", "call_record", ["unit_id", "at"])
    op.create_index("ix_call_record_queue", "call_record", ["state", "callback_done_at"])
    op.create_index("ix_call_record_callback_due", "call_record", ["callback_due"])
    op.create_index(op.f("ix_call_record_parent_id"), "call_record", ["parent_id"])

    op.create_table(
        "outage",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("planned", sa.Boolean(), nullable=False),
        sa.Column("title", sa.String(length=100), nullable=False),
        sa.Column("starts_at", UTC, nullable=False),
        sa.Column("ends_at", UTC, nullable=True),
        sa.Column("actual_end_at", UTC, nullable=True),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.Column("script", sa.Text(), nullable=False),
        sa.Column("whole_estate", sa.Boolean(), nullable=False),
        sa.Column("closed", sa.Boolean(), nullable=False),
        sa.Column("created_by", sa.String(length=50), nullable=False),
        *_versioned(),
        sa.CheckConstraint(
            "kind IN ('water', 'power', 'elevator', 'gas')", name=op.f("ck_outage_kind")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outage")),
    )
    op.create_index("ix_outage_open", "outage", ["closed", "starts_at"])
    op.create_table(
        "outage_target",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("outage_id", sa.Integer(), nullable=False),
        sa.Column("building_id", sa.Integer(), nullable=True),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "(building_id IS NULL) <> (unit_id IS NULL)",
            name=op.f("ck_outage_target_building_or_unit"),
        ),
        sa.ForeignKeyConstraint(
            ["outage_id"],
            ["outage.id"],
            name=op.f("fk_outage_target_outage_id_outage"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["building_id"],
            ["building.id"],
            name=op.f("fk_outage_target_building_id_building"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_outage_target_unit_id_unit"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outage_target")),
    )
    op.create_index("ix_outage_target_outage", "outage_target", ["outage_id"])
    op.create_index("ix_outage_target_building", "outage_target", ["building_id"])

    op.create_table(
        "kb_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("question", sa.String(length=200), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("category", sa.String(length=30), nullable=False),
        sa.Column("tags", sa.String(length=200), nullable=False),
        sa.Column("ticket_categories", sa.String(length=200), nullable=False),
        sa.Column("owner_user_id", sa.Integer(), nullable=True),
        sa.Column("owner_name", sa.String(length=50), nullable=False),
        sa.Column("last_checked", sa.Date(), nullable=True),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("search_key", sa.Text(), nullable=False),
        *_versioned(),
        sa.ForeignKeyConstraint(
            ["owner_user_id"],
            ["app_user.id"],
            name=op.f("fk_kb_entry_owner_user_id_app_user"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kb_entry")),
    )
    op.create_index(op.f("ix_kb_entry_category"), "kb_entry", ["category"])
    op.create_index(op.f("ix_kb_entry_expires_on"), "kb_entry", ["expires_on"])
    op.create_table(
        "kb_miss",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("query", sa.String(length=100), nullable=False),
        sa.Column("at", UTC, nullable=False),
        sa.Column("by_name", sa.String(length=50), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kb_miss")),
    )
    op.create_index("ix_kb_miss_query", "kb_miss", ["query"])

    op.create_table(
        "phone_directory",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("category", sa.String(length=20), nullable=False),
        sa.Column("phone", sa.String(length=30), nullable=False),
        sa.Column("extension", sa.String(length=20), nullable=False),
        sa.Column("notes", sa.String(length=300), nullable=False),
        sa.Column("search_key", sa.Text(), nullable=False),
        *_versioned(),
        sa.CheckConstraint(
            "category IN ('water', 'power', 'gas', 'telecom', 'police', 'community', "
            "'contractor', 'other')",
            name=op.f("ck_phone_directory_category"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_phone_directory")),
    )

    op.create_table(
        "call_reminder",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("title", sa.String(length=100), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("recurrence", sa.String(length=10), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.Column("assignee_user_id", sa.Integer(), nullable=True),
        sa.Column("assignee_name", sa.String(length=50), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_by", sa.String(length=50), nullable=False),
        *_versioned(),
        sa.CheckConstraint(
            "kind IN ('reminder', 'instruction')", name=op.f("ck_call_reminder_kind")
        ),
        sa.CheckConstraint(
            "recurrence IN ('none', 'daily', 'weekly', 'monthly', 'yearly')",
            name=op.f("ck_call_reminder_recurrence"),
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_call_reminder_unit_id_unit"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_call_reminder_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["assignee_user_id"],
            ["app_user.id"],
            name=op.f("fk_call_reminder_assignee_user_id_app_user"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_call_reminder")),
    )
    op.create_index("ix_call_reminder_due", "call_reminder", ["active", "due_on"])

    op.create_table(
        "today_done",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_kind", sa.String(length=20), nullable=False),
        sa.Column("item_ref", sa.Integer(), nullable=False),
        sa.Column("for_day", sa.Date(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("done_at", UTC, nullable=False),
        sa.Column("done_by", sa.String(length=50), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_today_done")),
    )
    op.create_index("ix_today_done_item", "today_done", ["item_kind", "item_ref", "for_day"])


def downgrade() -> None:
    for table in (
        "today_done",
        "call_reminder",
        "phone_directory",
        "kb_miss",
        "kb_entry",
        "outage_target",
        "outage",
        "call_record",
    ):
        op.drop_table(table)
