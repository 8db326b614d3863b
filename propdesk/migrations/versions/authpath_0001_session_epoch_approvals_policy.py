"""authpath: session epoch, must-change-password, service accounts, approval grants, the
estate's security policy, and who/where on audit rows (OS user, host)

Revision ID: authpath_0001
Revises: wave_0001
Create Date: 2026-12-06 05:20:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import propdesk.db.types

revision: str = "authpath_0001"
down_revision: str | Sequence[str] | None = "wave_0001"
branch_labels: str | Sequence[str] | None = ("authpath",)
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ADD COLUMN (no batch copy): app_user and audit_log keep their rows in place.
    op.add_column(
        "app_user", sa.Column("session_epoch", sa.Integer(), server_default="0", nullable=False)
    )
    op.add_column(
        "app_user",
        sa.Column("must_change_password", sa.Boolean(), server_default="0", nullable=False),
    )
    op.add_column(
        "app_user", sa.Column("service_account", sa.Boolean(), server_default="0", nullable=False)
    )
    op.create_table(
        "approval_grant",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("approver_id", sa.Integer(), nullable=False),
        sa.Column("requested_by", sa.String(length=50), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("record", sa.String(length=80), nullable=False),
        sa.Column("created_at", propdesk.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("expires_at", propdesk.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("used_at", propdesk.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["approver_id"], ["app_user.id"], name=op.f("fk_approval_grant_approver_id_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_approval_grant")),
    )
    op.create_index(
        "ix_approval_grant_token_hash", "approval_grant", ["token_hash"], unique=True
    )
    op.create_table(
        "approval_attempt",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("desk", sa.String(length=120), nullable=False),
        sa.Column("at", propdesk.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("username", sa.String(length=50), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_approval_attempt")),
    )
    op.create_index("ix_approval_attempt_desk_at", "approval_attempt", ["desk", "at"])
    op.create_table(
        "security_policy",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("idle_lock_minutes", sa.Integer(), nullable=False),
        sa.Column("updated_by", sa.String(length=50), nullable=False),
        sa.Column("updated_at", propdesk.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_security_policy")),
    )
    op.add_column(
        "audit_log", sa.Column("os_user", sa.String(length=64), server_default="", nullable=False)
    )
    op.add_column(
        "audit_log", sa.Column("host", sa.String(length=120), server_default="", nullable=False)
    )


def downgrade() -> None:
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_column("host")
        batch_op.drop_column("os_user")
    op.drop_table("security_policy")
    op.drop_index("ix_approval_attempt_desk_at", table_name="approval_attempt")
    op.drop_table("approval_attempt")
    op.drop_index("ix_approval_grant_token_hash", table_name="approval_grant")
    op.drop_table("approval_grant")
    with op.batch_alter_table("app_user", schema=None) as batch_op:
        batch_op.drop_column("service_account")
        batch_op.drop_column("must_change_password")
        batch_op.drop_column("session_epoch")
