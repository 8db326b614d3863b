"""Supervisor authorisation at the desk (主管授权) for voiding a receipt.

The clerk starts the void; a supervisor types their username and password on the same
desk. The password is checked like a login (:func:`propdesk.auth.users.authenticate`), so
wrong passwords count towards that user's lock-out, but the supervisor is not logged in:
the session's actor stays the clerk and their last-login time is left as it was.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from propdesk.auth.actor import Actor
from propdesk.auth.models import User
from propdesk.auth.permissions import Permission, allowed
from propdesk.auth.users import authenticate


@dataclass(frozen=True)
class ApprovalOutcome:
    """The result of one authorisation attempt.

    Attributes:
        approver: the authorising user, or None when refused.
        message: why it was refused (Chinese, for the dialog); empty on success.
        field: ``"password"`` for wrong credentials or a locked account, ``"username"`` when
            the user may not authorise; empty on success.
    """

    approver: Actor | None
    message: str = ""
    field: str = ""

    @property
    def ok(self) -> bool:
        return self.approver is not None


def authenticate_approver(
    session: Session, username: str, password: str, *, permission: Permission
) -> ApprovalOutcome:
    """Check an approver's credentials and that they hold ``permission``.

    Never raises for a refusal: failures are counted in the database, so the caller
    commits its transaction either way (as after a login attempt).
    """
    if not (username or "").strip():
        return ApprovalOutcome(None, "请填写授权人的用户名。", "username")
    actor = session.info.get("actor")
    actor_was_set = "actor" in session.info
    user_before = _user_by_name(session, username)
    last_login = user_before.last_login_at if user_before is not None else None
    outcome = authenticate(session, username, password)
    if not actor_was_set:
        # authenticate names the logged-in user as the session's actor; an approval is not a login
        session.info.pop("actor", None)
    else:
        session.info["actor"] = actor
    if outcome.actor is None:
        return ApprovalOutcome(None, outcome.message, "password")
    if user_before is not None:
        user_before.last_login_at = last_login
        session.flush()
    approver = outcome.actor
    if not allowed(approver, permission):
        return ApprovalOutcome(
            None,
            f"{approver.display_name}（{approver.username}）没有授权此操作的权限。",
            "username",
        )
    return ApprovalOutcome(approver)


def _user_by_name(session: Session, username: str) -> User | None:
    return session.scalar(
        select(User).where(func.lower(User.username) == (username or "").strip().lower())
    )
