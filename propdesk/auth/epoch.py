"""Rights are checked at every transaction, not only at login.

Each user has a ``session_epoch``; deactivating, demoting or resetting the password of a
user raises it (:func:`invalidate_sessions`). :meth:`propdesk.db.engine.Database.begin`
calls :func:`check_actor` for every transaction of a logged-in actor: a login made before
the change (an older epoch), a deactivated account or a changed role is refused with
:class:`SessionExpired`, so the change takes effect at that user's next action.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from propdesk.auth.actor import Actor
from propdesk.auth.models import User
from propdesk.errors import NotAllowed

STALE_MESSAGE = "您的账号已被停用或权限已变更，请重新登录。"


class SessionExpired(NotAllowed):
    """The actor's login no longer holds: the user must log in again."""

    def __init__(self, message: str = STALE_MESSAGE) -> None:
        super().__init__(message)


def check_actor(session: Session, actor: Actor) -> None:
    """Raise :class:`SessionExpired` unless ``actor`` is still an active user with that role
    and the epoch it logged in with.

    Only actors made by a login carry an epoch (:func:`propdesk.auth.users.actor_of`); the
    system actor of batch work and hand-made test actors have none and are not checked.
    """
    if actor.user_id is None or actor.epoch is None:
        return
    row = session.execute(
        select(User.active, User.role, User.session_epoch).where(User.id == actor.user_id)
    ).one_or_none()
    if (
        row is None
        or not row.active
        or row.role != actor.role.value
        or row.session_epoch != actor.epoch
    ):
        raise SessionExpired()


def invalidate_sessions(user: User) -> None:
    """End every login of ``user`` at its next transaction."""
    user.session_epoch = (user.session_epoch or 0) + 1
