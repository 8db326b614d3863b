"""printdocs: how a notice or letter was delivered and its number (fee_notice_log.channel, doc_no)

Revision ID: printdocs_0001
Revises: wave_0001
Create Date: 2026-12-06 05:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "printdocs_0001"
down_revision: str | Sequence[str] | None = "wave_0001"
branch_labels: str | Sequence[str] | None = ("printdocs",)
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ADD COLUMN: the rows logged so far keep their history; their channel is unknown
    # ("") and they carry no number (letters before this revision were not numbered).
    op.add_column(
        "fee_notice_log",
        sa.Column("channel", sa.String(length=20), server_default="", nullable=False),
    )
    op.add_column(
        "fee_notice_log",
        sa.Column("doc_no", sa.String(length=40), server_default="", nullable=False),
    )


def downgrade() -> None:
    with op.batch_alter_table("fee_notice_log", schema=None) as batch_op:
        batch_op.drop_column("doc_no")
        batch_op.drop_column("channel")
