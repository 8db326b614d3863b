"""fees: a payment's idempotency key (one action, one payment)

Revision ID: fees_0005
Revises: fees_0004
Create Date: 2026-12-06 03:20:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "fees_0005"
down_revision: str | Sequence[str] | None = "fees_0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ADD COLUMN and a unique index (no batch copy): payment is referenced by
    # allocations, credits and refunds, so rebuilding it on SQLite would break a database
    # that holds payments. Existing payments have no key (NULL, which the index allows).
    op.add_column("payment", sa.Column("idempotency_key", sa.String(length=40), nullable=True))
    op.create_index(op.f("ix_payment_idempotency_key"), "payment", ["idempotency_key"], unique=True)


def downgrade() -> None:
    op.drop_index(op.f("ix_payment_idempotency_key"), table_name="payment")
    with op.batch_alter_table("payment", schema=None) as batch_op:
        batch_op.drop_column("idempotency_key")
