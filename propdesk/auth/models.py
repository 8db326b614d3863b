"""The user table and the tables of the auth package: approvals and the security policy.

Login, password hashing and lock-out live in ``propdesk.auth.users``; supervisor approvals
(主管授权) in ``propdesk.auth.approvals``; the estate's security policy in
``propdesk.auth.policy``.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from propdesk import clock
from propdesk.auth.actor import Role
from propdesk.models_base import Base, Versioned


class User(Versioned, Base):
    __tablename__ = "app_user"
    __table_args__ = (
        CheckConstraint("role IN (" + ", ".join(f"'{r.value}'" for r in Role) + ")", name="role"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(50), unique=True)
    display_name: Mapped[str] = mapped_column(String(50))
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(300), default="")
    active: Mapped[bool] = mapped_column(default=True)
    failed_attempts: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[datetime | None] = mapped_column()
    last_login_at: Mapped[datetime | None] = mapped_column()
    # Raised when the user is deactivated, demoted or has their password reset: every
    # transaction re-reads it, so an older login stops at its next action.
    session_epoch: Mapped[int] = mapped_column(default=0, server_default="0")
    # Set when an administrator creates the user or resets the password.
    must_change_password: Mapped[bool] = mapped_column(default=False, server_default="0")
    # A scheduled job's account: its secret lives in the OS keyring, never a person's.
    service_account: Mapped[bool] = mapped_column(default=False, server_default="0")


class ApprovalGrant(Base):
    """A single-use supervisor approval (主管授权), bound to approver, action and record.

    Only the sha256 of the token is stored; the token itself goes to the caller once.
    """

    __tablename__ = "approval_grant"
    __table_args__ = (Index("ix_approval_grant_token_hash", "token_hash", unique=True),)

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64))
    approver_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    requested_by: Mapped[str] = mapped_column(String(50))
    action: Mapped[str] = mapped_column(String(40))
    record: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(default=clock.column_now)
    expires_at: Mapped[datetime] = mapped_column()
    used_at: Mapped[datetime | None] = mapped_column()


class ApprovalAttempt(Base):
    """One failed authorisation attempt at a desk (rate-limited per desk, see approvals)."""

    __tablename__ = "approval_attempt"
    __table_args__ = (Index("ix_approval_attempt_desk_at", "desk", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    desk: Mapped[str] = mapped_column(String(120))
    at: Mapped[datetime] = mapped_column(default=clock.column_now)
    username: Mapped[str] = mapped_column(String(50))


class SecurityPolicy(Base):
    """The estate's security policy (one row, id 1): set by an administrator, read by desks."""

    __tablename__ = "security_policy"

    id: Mapped[int] = mapped_column(primary_key=True)
    idle_lock_minutes: Mapped[int] = mapped_column()
    # Set by the demo builder: the login screen then lists the documented demo passwords.
    demo_database: Mapped[bool] = mapped_column(default=False, server_default="0")
    updated_by: Mapped[str] = mapped_column(String(50), default="")
    updated_at: Mapped[datetime] = mapped_column(
        default=clock.column_now, onupdate=clock.column_now
    )
