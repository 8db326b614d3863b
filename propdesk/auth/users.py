"""User accounts: first-run set-up, login with lock-out, password changes, administration.

Login failures must be remembered even though the login fails, so :func:`authenticate`
returns a :class:`LoginOutcome` instead of raising: the caller commits its transaction
either way and the failure counter is kept.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.auth import machine
from propdesk.auth.actor import ROLE_LABELS_ZH, Actor, Role
from propdesk.auth.epoch import invalidate_sessions
from propdesk.auth.models import User
from propdesk.auth.passwords import (
    DEFAULT_COST,
    KdfCost,
    check_policy,
    hash_password,
    needs_rehash,
    verify_password,
)
from propdesk.auth.permissions import Permission, require
from propdesk.db import pg_roles  # issue 14.2: the user's own PostgreSQL login follows app_user
from propdesk.errors import NotAllowed, NotFound, ValidationError
from propdesk.session_info import actor_or_none as _current_actor

MAX_FAILED_ATTEMPTS = 5
LOCK_DURATION = timedelta(minutes=15)
_USERNAME = re.compile(r"^[A-Za-z0-9_.-]{2,50}$")
WRONG_CREDENTIALS = "用户名或密码不正确。"


@dataclass(frozen=True)
class UserInfo:
    id: int
    username: str
    display_name: str
    role: Role
    active: bool
    locked_until: datetime | None
    last_login_at: datetime | None
    version: int
    must_change_password: bool = False
    service_account: bool = False

    @property
    def role_label(self) -> str:
        return ROLE_LABELS_ZH[self.role]


@dataclass(frozen=True)
class LoginOutcome:
    """The result of one login attempt.

    Attributes:
        actor: the logged-in user, or None when refused.
        message: why it was refused (Chinese, for the login dialog); empty on success.
        locked_until: set when the account is (now) locked.
        attempts_left: after a wrong password of an existing account, how many more lock it.
            Not part of ``message`` (that one is the same for an unknown user); only a
            screen that already knows the user (the lock screen) shows :attr:`warning`.
        must_change_password: the login succeeded, but an administrator set this password
            (new account, reset): the user must choose their own before working.
    """

    actor: Actor | None
    message: str = ""
    locked_until: datetime | None = None
    attempts_left: int | None = None
    must_change_password: bool = False

    @property
    def warning(self) -> str:
        """``再错 N 次账号将被锁定。`` when known, else empty."""
        if self.attempts_left is None:
            return ""
        return f"再错 {self.attempts_left} 次账号将被锁定。"

    @property
    def ok(self) -> bool:
        return self.actor is not None


def actor_of(user: User) -> Actor:
    """The actor of ``user`` as of now: its epoch, and this machine's OS user and host."""
    return Actor(
        user_id=user.id,
        username=user.username,
        display_name=user.display_name,
        role=Role(user.role),
        epoch=user.session_epoch or 0,
        os_user=machine.os_user(),
        host=machine.host(),
    )


def _info(u: User) -> UserInfo:
    return UserInfo(
        u.id,
        u.username,
        u.display_name,
        Role(u.role),
        u.active,
        u.locked_until,
        u.last_login_at,
        u.version,
        u.must_change_password,
        u.service_account,
    )


def _user(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise NotFound("该用户不存在。")
    return user


def _validate_username(username: str) -> str:
    username = (username or "").strip()
    if not _USERNAME.match(username):
        raise ValidationError("username", "用户名需为2到50位字母、数字、下划线、点或减号。")
    return username


def _validate_role(role: str) -> Role:
    try:
        return Role(role)
    except ValueError:
        raise ValidationError("role", "角色不正确。") from None


def has_users(session: Session) -> bool:
    """False on a fresh database: the app then shows the first-run administrator set-up."""
    return bool(session.scalar(select(func.count(User.id))))


def _add_user(
    session: Session,
    *,
    username: str,
    display_name: str,
    role: Role,
    password: str,
    cost: KdfCost,
    must_change: bool = False,
    service: bool = False,
) -> int:
    username = _validate_username(username)
    display_name = (display_name or "").strip() or username
    if len(display_name) > 50:
        raise ValidationError("display_name", "姓名不能超过50个字。")
    check_policy(password, username=username)
    if session.scalar(select(User.id).where(func.lower(User.username) == username.lower())):
        raise ValidationError("username", f"用户名 {username} 已被使用。")
    user = User(
        username=username,
        display_name=display_name,
        role=role.value,
        password_hash=hash_password(password, cost=cost),
        must_change_password=must_change,
        service_account=service,
    )
    session.add(user)
    session.flush()
    pg_roles.sync_user(session, user.id, password=password)
    return user.id


def create_first_admin(
    session: Session,
    *,
    username: str,
    display_name: str,
    password: str,
    cost: KdfCost = DEFAULT_COST,
) -> Actor:
    """First-run set-up: create the administrator of a database that has no users yet."""
    if has_users(session):
        raise NotAllowed("系统已有用户，请用已有的管理员账号登录后再添加用户。")
    user_id = _add_user(
        session,
        username=username,
        display_name=display_name,
        role=Role.ADMIN,
        password=password,
        cost=cost,
    )
    return actor_of(_user(session, user_id))


def create_user(
    session: Session,
    *,
    username: str,
    display_name: str,
    role: str,
    password: str,
    cost: KdfCost = DEFAULT_COST,
) -> int:
    """Add a user (administrators only); they must change this password at their first login."""
    require(_current_actor(session), Permission.MANAGE_USERS)
    return _add_user(
        session,
        username=username,
        display_name=display_name,
        role=_validate_role(role),
        password=password,
        cost=cost,
        must_change=True,
    )


def create_service_account(
    session: Session,
    *,
    username: str,
    display_name: str,
    role: str,
    secret: str,
    cost: KdfCost = DEFAULT_COST,
) -> int:
    """Add a scheduled job's account (administrators only). Its ``secret`` is kept in the OS
    keyring by the caller (see ``ui.commands.login``), so it is never asked to change it."""
    require(_current_actor(session), Permission.MANAGE_USERS)
    return _add_user(
        session,
        username=username,
        display_name=display_name,
        role=_validate_role(role),
        password=secret,
        cost=cost,
        service=True,
    )


def authenticate(
    session: Session,
    username: str,
    password: str,
    *,
    now: datetime | None = None,
    cost: KdfCost = DEFAULT_COST,
) -> LoginOutcome:
    """Check a login. Five wrong passwords in a row lock the account for 15 minutes.

    An unknown username, a wrong password and a deactivated account all get the one message
    :data:`WRONG_CREDENTIALS` after the same scrypt work, so neither the text nor the time
    tells which usernames exist. A successful login whose stored hash is cheaper than
    ``cost`` stores a new hash at ``cost`` (tests pass ``TEST_COST``).
    """
    now = clock.at_or_now(session, now)
    user = session.scalar(
        select(User).where(func.lower(User.username) == (username or "").strip().lower())
    )
    if user is None or not user.active:
        # same work as a wrong password, so timing does not tell which usernames exist
        verify_password(password or "", _dummy_hash(cost))
        return LoginOutcome(None, WRONG_CREDENTIALS)
    if user.locked_until is not None and user.locked_until > now:
        return LoginOutcome(None, locked_message(user.locked_until, now), user.locked_until)
    if not verify_password(password or "", user.password_hash):
        user.failed_attempts += 1
        if user.failed_attempts >= MAX_FAILED_ATTEMPTS:
            user.failed_attempts = 0
            user.locked_until = now + LOCK_DURATION
            session.flush()
            return LoginOutcome(
                None,
                f"密码连续输错 {MAX_FAILED_ATTEMPTS} 次，账号已锁定。"
                + locked_message(user.locked_until, now),
                user.locked_until,
            )
        session.flush()
        return LoginOutcome(
            None, WRONG_CREDENTIALS, attempts_left=MAX_FAILED_ATTEMPTS - user.failed_attempts
        )
    actor = actor_of(user)
    # the audit row of this login names the user who logged in, not "system"
    session.info.setdefault("actor", actor)
    if needs_rehash(user.password_hash, cost):
        user.password_hash = hash_password(password, cost=cost)
    user.failed_attempts = 0
    user.locked_until = None
    user.last_login_at = now
    session.flush()
    return LoginOutcome(actor, must_change_password=bool(user.must_change_password))


def verify_credentials(
    session: Session, username: str, password: str, *, cost: KdfCost = DEFAULT_COST
) -> Actor | None:
    """The active, unlocked user with these credentials, or None — without counting a failure
    or touching the account in any way (a supervisor's approval at another user's desk is not
    a login: :mod:`propdesk.auth.approvals` limits attempts per desk instead)."""
    now = clock.now(session)
    user = session.scalar(
        select(User).where(func.lower(User.username) == (username or "").strip().lower())
    )
    if user is None or not user.active:
        verify_password(password or "", _dummy_hash(cost))
        return None
    if not verify_password(password or "", user.password_hash):
        return None
    if user.locked_until is not None and user.locked_until > now:
        return None
    return actor_of(user)


@functools.cache
def _dummy_hash(cost: KdfCost) -> str:
    return hash_password("not-a-real-password-0", cost=cost)


def locked_message(until: datetime, now: datetime) -> str:
    minutes = max(1, -(-int((until - now).total_seconds()) // 60))
    return f"账号已锁定，请 {minutes} 分钟后再试，或请系统管理员解锁。"


def change_password(
    session: Session,
    *,
    old_password: str,
    new_password: str,
    cost: KdfCost = DEFAULT_COST,
) -> None:
    """The logged-in user changes their own password (the old one is asked again)."""
    actor = _current_actor(session)
    if actor is None or actor.user_id is None:
        raise NotAllowed("请先登录。")
    user = _user(session, actor.user_id)
    if not verify_password(old_password or "", user.password_hash):
        raise ValidationError("old_password", "原密码不正确。")
    if old_password == new_password:
        raise ValidationError("password", "新密码不能与原密码相同。")
    check_policy(new_password, username=user.username)
    user.password_hash = hash_password(new_password, cost=cost)
    user.must_change_password = False
    session.flush()
    pg_roles.set_own_password(session, user.username, new_password)


def reset_password(
    session: Session, user_id: int, new_password: str, *, cost: KdfCost = DEFAULT_COST
) -> None:
    """An administrator sets a new password for a user (and lifts any lock).

    The user must change it at their next login (a service account excepted: its secret is
    set this way), and their current logins end at their next action.
    """
    actor = _current_actor(session)
    require(actor, Permission.MANAGE_USERS)
    user = _user(session, user_id)
    check_policy(new_password, username=user.username)
    user.password_hash = hash_password(new_password, cost=cost)
    user.failed_attempts = 0
    user.locked_until = None
    user.must_change_password = not user.service_account
    if actor is None or actor.user_id != user.id:
        invalidate_sessions(user)
    session.flush()
    pg_roles.sync_user(session, user_id, password=new_password)


def unlock_user(session: Session, user_id: int) -> None:
    """An administrator lifts a lock-out."""
    require(_current_actor(session), Permission.MANAGE_USERS)
    user = _user(session, user_id)
    user.failed_attempts = 0
    user.locked_until = None
    session.flush()
    pg_roles.sync_user(session, user_id)  # the server's lock-out too


def _active_admins(session: Session) -> int:
    return int(
        session.scalar(
            select(func.count(User.id)).where(User.role == Role.ADMIN.value, User.active.is_(True))
        )
        or 0
    )


def update_user(
    session: Session,
    user_id: int,
    *,
    display_name: str | None = None,
    role: str | None = None,
    active: bool | None = None,
) -> None:
    """Change a user's name, role or active flag (administrators only).

    The last active administrator can be neither demoted nor deactivated.
    """
    actor = _current_actor(session)
    require(actor, Permission.MANAGE_USERS)
    user = _user(session, user_id)
    new_role = _validate_role(role) if role is not None else Role(user.role)
    new_active = user.active if active is None else active
    losing_admin = (
        user.role == Role.ADMIN and user.active and (new_role != Role.ADMIN or not new_active)
    )
    if losing_admin and _active_admins(session) <= 1:
        raise NotAllowed("不能停用或降级最后一位系统管理员。")
    if actor is not None and actor.user_id == user_id and not new_active:
        raise NotAllowed("不能停用自己正在使用的账号。")
    if display_name is not None:
        name = display_name.strip()
        if not name or len(name) > 50:
            raise ValidationError("display_name", "姓名不能为空，且不超过50个字。")
        user.display_name = name
    if new_role.value != user.role or (user.active and not new_active):
        invalidate_sessions(user)  # takes effect at that user's next action
    user.role = new_role.value
    user.active = new_active
    session.flush()
    pg_roles.sync_user(session, user_id)


def list_users(session: Session) -> list[UserInfo]:
    """Every user, by username (administrators only)."""
    require(_current_actor(session), Permission.MANAGE_USERS)
    return [_info(u) for u in session.scalars(select(User).order_by(User.username))]


def get_user(session: Session, user_id: int) -> UserInfo:
    return _info(_user(session, user_id))
