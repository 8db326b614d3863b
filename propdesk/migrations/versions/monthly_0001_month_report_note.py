"""monthly: the monthly report's written summary, problems and plan (month_report_note)

Revision ID: monthly_0001
Revises: 0001_foundation
Create Date: 2026-12-06 05:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from propdesk.db.types import UTCDateTime

revision: str = "monthly_0001"
down_revision: str | Sequence[str] | None = "wave_0001"
branch_labels: str | Sequence[str] | None = ("monthly",)
# No depends_on: the table references nothing, so the order against the other branches does
# not matter. (Depending on today's heads makes Alembic treat this step as a merge of them.)
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "month_report_note",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=7), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("problems", sa.Text(), nullable=False),
        sa.Column("plan", sa.Text(), nullable=False),
        sa.Column("updated_by", sa.String(length=50), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_month_report_note")),
        sa.UniqueConstraint("period", name=op.f("uq_month_report_note_period")),
    )


def downgrade() -> None:
    op.drop_table("month_report_note")
