"""authpath: security_policy.demo_database (the login screen of a demo database says so)

Revision ID: authpath_0002
Revises: authpath_0001
Create Date: 2026-12-06 05:35:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "authpath_0002"
down_revision: str | Sequence[str] | None = "authpath_0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "security_policy",
        sa.Column("demo_database", sa.Boolean(), server_default="0", nullable=False),
    )


def downgrade() -> None:
    with op.batch_alter_table("security_policy", schema=None) as batch_op:
        batch_op.drop_column("demo_database")
