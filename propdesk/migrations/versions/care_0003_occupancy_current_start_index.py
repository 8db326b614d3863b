"""care: an index on occupancy for the visit plan's new-household rule

The overdue-visits count (desk overview) and the visit plan read the current owners' and
tenants' occupancies that started in the rule's window; without an index SQLite scanned the
whole occupancy table for it (EXPLAIN QUERY PLAN ``SCAN occupancy USING INDEX
ix_occupancy_unit_current``; now ``SEARCH occupancy USING COVERING INDEX
ix_occupancy_current_start``). On a 5,000-unit demo (14,025 occupancies) that query took
6.1–6.5 ms of the count's 10.7–11.3 ms before, 0.8–1.3 of 3.3–5.9 ms after (same run).

Revision ID: care_0003
Revises: care_0002
Create Date: 2026-12-06 23:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "care_0003"
down_revision: str | Sequence[str] | None = "care_0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "ix_occupancy_current_start",
        "occupancy",
        ["end_date", "role", "start_date", "unit_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_occupancy_current_start", table_name="occupancy")
