"""Supervisor approvals (主管授权) that a caller cannot forge.

A clerk's void, a move-out released with arrears and a waiver need someone holding the
right permission. The supervisor types their username and password at the clerk's desk;
:func:`grant_approval` checks them here, in the core, and returns a single-use token bound
to the approver, the action and the record, valid for :data:`TOKEN_LIFETIME`. The service
that does the work (e.g. :func:`propdesk.fees.payments.void_payment`) takes only that token
and redeems it with :func:`redeem_approval`: a made-up approver, a token for another record
or action, a used or expired token, or an approver who lost the right since, all fail.

Wrong passwords here are not a login: they never count towards the supervisor's lock-out
(a clerk could otherwise lock their supervisor out). They are limited per desk instead:
:data:`MAX_FAILED_PER_DESK` failures within :data:`FAILURE_WINDOW` stop further attempts at
that desk until the window has passed.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.auth import machine
from propdesk.auth.actor import Actor
from propdesk.auth.models import ApprovalAttempt, ApprovalGrant, User
from propdesk.auth.passwords import DEFAULT_COST, KdfCost
from propdesk.auth.permissions import PERMISSION_LABELS_ZH, Permission, allowed
from propdesk.auth.users import actor_of, verify_credentials
from propdesk.errors import NotAllowed
from propdesk.session_info import actor_or_none

TOKEN_LIFETIME = timedelta(minutes=5)
MAX_FAILED_PER_DESK = 5
FAILURE_WINDOW = timedelta(minutes=15)
WRONG_APPROVER = "授权人用户名或密码不正确。"


class ApprovalAction(StrEnum):
    """What an approval allows; each needs its permission of the approver."""

    VOID_PAYMENT = "void_payment"
    MOVE_OUT_RELEASE = "move_out_release"
    WAIVE = "waive"


ACTION_PERMISSION: dict[ApprovalAction, Permission] = {
    ApprovalAction.VOID_PAYMENT: Permission.VOID_RECEIPT,
    ApprovalAction.MOVE_OUT_RELEASE: Permission.WAIVE,
    ApprovalAction.WAIVE: Permission.WAIVE,
}


@dataclass(frozen=True)
class ApprovalOutcome:
    """The result of one authorisation attempt.

    Attributes:
        token: the single-use token to pass to the service, or ``""`` when refused.
        approver: the authorising user, or None when refused.
        message: why it was refused (Chinese, for the dialog); empty on success.
        field: ``"password"`` for wrong credentials, ``"username"`` when the user may not
            authorise this, ``""`` on success or when the desk must wait.
    """

    token: str = ""
    approver: Actor | None = None
    message: str = ""
    field: str = ""

    @property
    def ok(self) -> bool:
        return bool(self.token)


def record_key(kind: str, record_id: int | str) -> str:
    """The record an approval is bound to, e.g. ``record_key("payment", 12)``."""
    return f"{kind}:{record_id}"


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def recent_failures(session: Session, desk: str) -> int:
    """Failed authorisation attempts at ``desk`` within the window."""
    since = clock.now(session) - FAILURE_WINDOW
    return int(
        session.scalar(
            select(func.count(ApprovalAttempt.id)).where(
                ApprovalAttempt.desk == desk, ApprovalAttempt.at > since
            )
        )
        or 0
    )


def grant_approval(
    session: Session,
    *,
    username: str,
    password: str,
    action: ApprovalAction,
    record: str,
    desk: str | None = None,
    cost: KdfCost = DEFAULT_COST,
) -> ApprovalOutcome:
    """Check a supervisor's credentials and right for ``action`` on ``record``.

    Never raises for a refusal: the failure is stored for the desk's limit, so the caller
    commits its transaction either way. The approver is not logged in: the session's actor
    stays the requester and the approver's account is left untouched.
    """
    requester = actor_or_none(session)
    if requester is None:
        raise NotAllowed("请先登录。")
    desk = desk or machine.desk()
    if not (username or "").strip():
        return ApprovalOutcome(message="请填写授权人的用户名。", field="username")
    if recent_failures(session, desk) >= MAX_FAILED_PER_DESK:
        minutes = int(FAILURE_WINDOW.total_seconds() // 60)
        return ApprovalOutcome(
            message=f"本机授权密码连续输错过多，请 {minutes} 分钟后再试。", field=""
        )
    approver = verify_credentials(session, username, password, cost=cost)
    if approver is None:
        session.add(ApprovalAttempt(desk=desk[:120], username=username.strip()[:50]))
        session.flush()
        return ApprovalOutcome(message=WRONG_APPROVER, field="password")
    permission = ACTION_PERMISSION[action]
    if not allowed(approver, permission):
        return ApprovalOutcome(
            message=f"{approver.display_name}（{approver.username}）无权授权"
            f"{PERMISSION_LABELS_ZH[permission]}。",
            field="username",
        )
    token = secrets.token_urlsafe(32)
    now = clock.now(session)
    assert approver.user_id is not None
    session.add(
        ApprovalGrant(
            token_hash=_hash(token),
            approver_id=approver.user_id,
            requested_by=requester.username[:50],
            action=action.value,
            record=record[:80],
            created_at=now,
            expires_at=now + TOKEN_LIFETIME,
        )
    )
    session.flush()
    return ApprovalOutcome(token=token, approver=approver)


def redeem_approval(session: Session, token: str, *, action: ApprovalAction, record: str) -> Actor:
    """The approver of ``token`` for ``action`` on ``record``; the token is used up.

    Raises :class:`NotAllowed` for an unknown, used, expired or mismatched token, and when
    the approver is no longer active or no longer holds the permission.
    """
    refused = NotAllowed("主管授权无效或已过期，请重新授权。")
    if not token:
        raise refused
    grant = session.scalar(
        select(ApprovalGrant).where(ApprovalGrant.token_hash == _hash(token)).with_for_update()
    )
    now = clock.now(session)
    if (
        grant is None
        or grant.used_at is not None
        or grant.action != action.value
        or grant.record != record
        or grant.expires_at <= now
    ):
        raise refused
    user = session.get(User, grant.approver_id)
    if user is None or not user.active:
        raise NotAllowed("授权人账号不存在或已停用。")
    approver = actor_of(user)
    permission = ACTION_PERMISSION[action]
    if not allowed(approver, permission):
        raise NotAllowed(f"{approver.display_name}无权授权{PERMISSION_LABELS_ZH[permission]}。")
    grant.used_at = now
    session.flush()
    return approver
