"""pii: record the id of the key the personal data is encrypted with (pii_key)

Revision ID: pii_0002
Revises: pii_0001
Create Date: 2026-12-06 05:55:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from propdesk.pii import keys

revision: str = "pii_0002"
down_revision: str | Sequence[str] | None = "pii_0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    table = op.create_table(
        "pii_key",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key_id", sa.String(length=16), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pii_key")),
    )
    # the key pii_0001 encrypted with: this process's (the migration runs on the desk)
    op.bulk_insert(table, [{"id": 1, "key_id": keys.current().key_id}])


def downgrade() -> None:
    op.drop_table("pii_key")
