"""The estate's security policy, stored in the database (one row): set by an administrator,
read by every desk — not a desk setting a clerk could turn off.

* ``idle_lock_minutes``: the screen locks after this long without input, within
  :data:`IDLE_RANGE` (never 0: a desk cannot stay open forever).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from propdesk.auth.models import SecurityPolicy
from propdesk.auth.permissions import Permission, require
from propdesk.errors import ValidationError
from propdesk.session_info import actor_name, actor_or_none

IDLE_RANGE = (1, 60)  # minutes
DEFAULT_IDLE_MINUTES = 15


@dataclass(frozen=True)
class Policy:
    """The security policy as desks read it."""

    idle_lock_minutes: int = DEFAULT_IDLE_MINUTES
    demo_database: bool = False


def _row(session: Session) -> SecurityPolicy | None:
    return session.scalar(select(SecurityPolicy).where(SecurityPolicy.id == 1))


def get_policy(session: Session) -> Policy:
    """The policy in force (the defaults until an administrator sets one)."""
    row = _row(session)
    if row is None:
        return Policy()
    lo, hi = IDLE_RANGE
    return Policy(min(hi, max(lo, row.idle_lock_minutes)), bool(row.demo_database))


def set_idle_lock(session: Session, minutes: int) -> Policy:
    """Set the idle-lock time for every desk (needs MANAGE_SECURITY: administrators)."""
    require(actor_or_none(session), Permission.MANAGE_SECURITY)
    lo, hi = IDLE_RANGE
    if isinstance(minutes, bool) or not isinstance(minutes, int) or not lo <= minutes <= hi:
        raise ValidationError("idle_lock_minutes", f"自动锁屏时间应在 {lo} 到 {hi} 分钟之间。")
    row = _row(session)
    if row is None:
        row = SecurityPolicy(id=1, idle_lock_minutes=minutes)
        session.add(row)
    row.idle_lock_minutes = minutes
    row.updated_by = actor_name(session)[:50]
    session.flush()
    return get_policy(session)


def mark_demo_database(session: Session) -> None:
    """The demo builder's mark: this database's users have the documented demo passwords."""
    row = _row(session)
    if row is None:
        session.add(
            SecurityPolicy(id=1, idle_lock_minutes=DEFAULT_IDLE_MINUTES, demo_database=True)
        )
    else:
        row.demo_database = True
    session.flush()
