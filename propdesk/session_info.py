"""Who acts in a transaction: the ``Actor`` stored in ``session.info["actor"]``.

Two readings on purpose: services that check permissions want ``None`` when nobody logged in
(so ``require`` refuses), while batch helpers that only stamp a name want the system actor.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from propdesk.auth.actor import Actor

SYSTEM_NAME = "系统"


def actor_or_none(session: Session) -> Actor | None:
    """The logged-in actor of this transaction, or None when there is none (no login)."""
    actor = session.info.get("actor")
    return actor if isinstance(actor, Actor) else None


def actor_or_system(session: Session) -> Actor:
    """The logged-in actor of this transaction, or the system actor for batch work."""
    actor = actor_or_none(session)
    return actor if actor is not None else Actor.system()


def actor_name(session: Session) -> str:
    """The acting user's display name, ``"系统"`` when nobody logged in."""
    actor = actor_or_none(session)
    return actor.display_name if actor else SYSTEM_NAME
