"""audittrail: the audit log's hash chain (prev_hash, row_hash) and the server login (db_user)

Existing rows are sealed in id order, so the chain starts at the first row ever written.
The triggers themselves (audited tables, append-only audit log, sealing) are built from the
live columns by ``propdesk.audit.triggers.install`` after every migration run (env.py).

Revision ID: audittrail_0001
Revises: wave_0001
Create Date: 2026-12-06 05:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "audittrail_0001"
down_revision: str | Sequence[str] | None = "wave_0001"
branch_labels: str | Sequence[str] | None = ("audittrail",)
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ADD COLUMN (no batch copy): the audit log keeps its rows in place.
    for name, length in (("db_user", 63), ("prev_hash", 64), ("row_hash", 64)):
        op.add_column(
            "audit_log",
            sa.Column(name, sa.String(length=length), server_default="", nullable=False),
        )
    from propdesk.audit.chain import seal_existing

    seal_existing(op.get_bind())


def downgrade() -> None:
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_column("row_hash")
        batch_op.drop_column("prev_hash")
        batch_op.drop_column("db_user")
