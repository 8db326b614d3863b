"""notices: notice templates and the history of posted notices

Revision ID: notices_0001
Revises: 0001_foundation
Create Date: 2026-11-23 19:50:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import propdesk.db.types

revision: str = "notices_0001"
down_revision: str | Sequence[str] | None = "0001_foundation"
branch_labels: str | Sequence[str] | None = ("notices",)
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "notice_template",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("title", sa.String(length=100), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("fields", sa.Text(), nullable=False),
        sa.Column("sort_key", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", propdesk.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", propdesk.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notice_template")),
        sa.UniqueConstraint("code", name=op.f("uq_notice_template_code")),
    )
    op.create_table(
        "notice_posted",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("template_id", sa.Integer(), nullable=True),
        sa.Column("template_name", sa.String(length=50), nullable=False),
        sa.Column("title", sa.String(length=100), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("audiences", sa.Text(), nullable=False),
        sa.Column("copies", sa.Integer(), nullable=False),
        sa.Column("pages", sa.Integer(), nullable=False),
        sa.Column("posted_on", sa.Date(), nullable=False),
        sa.Column("posted_at", propdesk.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("posted_by", sa.String(length=50), nullable=False),
        sa.ForeignKeyConstraint(
            ["template_id"],
            ["notice_template.id"],
            name=op.f("fk_notice_posted_template_id_notice_template"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notice_posted")),
    )
    with op.batch_alter_table("notice_posted", schema=None) as batch_op:
        batch_op.create_index("ix_notice_posted_on", ["posted_on"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("notice_posted", schema=None) as batch_op:
        batch_op.drop_index("ix_notice_posted_on")
    op.drop_table("notice_posted")
    op.drop_table("notice_template")
