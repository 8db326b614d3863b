"""care: household visits (走访) and the rules that plan them (issue 19 part 2)

Revision ID: care_0002
Revises: care_0001
Create Date: 2026-12-06 19:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import propdesk.db.types

revision: str = "care_0002"
down_revision: str | Sequence[str] | None = "care_0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _stamps() -> list[sa.Column[object]]:
    return [
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", propdesk.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", propdesk.db.types.UTCDateTime(timezone=True), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "care_visit_rule",
        sa.Column("reason", sa.String(length=20), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("days", sa.Integer(), nullable=False),
        sa.Column("lookback_days", sa.Integer(), nullable=False),
        sa.Column("flagged_only", sa.Boolean(), nullable=False),
        sa.Column("updated_by", sa.String(length=50), nullable=False),
        *_stamps(),
        sa.CheckConstraint("days BETWEEN 1 AND 365", name=op.f("ck_care_visit_rule_days")),
        sa.CheckConstraint(
            "lookback_days BETWEEN 1 AND 3650", name=op.f("ck_care_visit_rule_lookback")
        ),
        sa.CheckConstraint(
            "reason IN ('elderly_alone', 'new_household', 'complaint')",
            name=op.f("ck_care_visit_rule_reason"),
        ),
        sa.PrimaryKeyConstraint("reason", name=op.f("pk_care_visit_rule")),
    )
    op.create_table(
        "care_visit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("occupancy_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.String(length=20), nullable=False),
        sa.Column("trigger_id", sa.Integer(), nullable=True),
        sa.Column("visited_at", propdesk.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("visited_on", sa.Date(), nullable=False),
        sa.Column("visitor_user_id", sa.Integer(), nullable=True),
        sa.Column("visitor_name", sa.String(length=50), nullable=False),
        sa.Column("companions", sa.String(length=100), nullable=False),
        sa.Column("findings_enc", sa.String(), nullable=False),  # Encrypted (propdesk.pii)
        sa.Column("rating", sa.Integer(), nullable=True),
        sa.Column("next_visit_on", sa.Date(), nullable=True),
        sa.Column("ticket_id", sa.Integer(), nullable=True),
        sa.Column("recorded_by", sa.String(length=50), nullable=False),
        *_stamps(),
        sa.CheckConstraint(
            "rating IS NULL OR rating BETWEEN 1 AND 5", name=op.f("ck_care_visit_rating")
        ),
        sa.CheckConstraint(
            "reason IN ('elderly_alone', 'new_household', 'complaint', 'follow_up', 'other')",
            name=op.f("ck_care_visit_reason"),
        ),
        sa.ForeignKeyConstraint(
            ["occupancy_id"],
            ["occupancy.id"],
            name=op.f("fk_care_visit_occupancy_id_occupancy"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["ticket_id"],
            ["ticket.id"],
            name=op.f("fk_care_visit_ticket_id_ticket"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_care_visit_unit_id_unit"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["visitor_user_id"],
            ["app_user.id"],
            name=op.f("fk_care_visit_visitor_user_id_app_user"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_care_visit")),
    )
    with op.batch_alter_table("care_visit", schema=None) as batch_op:
        batch_op.create_index("ix_care_visit_day", ["visited_on"], unique=False)
        batch_op.create_index("ix_care_visit_ticket", ["ticket_id"], unique=False)
        batch_op.create_index("ix_care_visit_unit", ["unit_id", "visited_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("care_visit", schema=None) as batch_op:
        batch_op.drop_index("ix_care_visit_unit")
        batch_op.drop_index("ix_care_visit_ticket")
        batch_op.drop_index("ix_care_visit_day")
    op.drop_table("care_visit")
    op.drop_table("care_visit_rule")
