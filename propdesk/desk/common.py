"""Small helpers shared by the desk services: who, when, the local day."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy.orm import Session

from propdesk.auth.actor import Actor
from propdesk.clock import LOCAL_TZ, local_date, local_midnight, local_today
from propdesk.db.types import utcnow

__all__ = ["LOCAL_TZ", "actor_of", "local_date", "local_midnight", "now_or", "today_or"]


def actor_of(session: Session) -> Actor:
    """The acting user of this transaction (the system actor for batch work)."""
    actor = session.info.get("actor")
    return actor if isinstance(actor, Actor) else Actor.system()


def now_or(at: datetime | None) -> datetime:
    """``at`` (timezone-aware) or now, UTC."""
    if at is None:
        return utcnow()
    if at.tzinfo is None:
        raise ValueError("naive datetime")
    return at


def today_or(day: date | None) -> date:
    """``day`` or today's local date at the desk."""
    return day if day is not None else local_today()


def clean(text: str | None, field: str, limit: int, *, required: str = "") -> str:
    """Strip ``text``; raise a ValidationError when required and empty, or too long."""
    from propdesk.errors import ValidationError

    value = (text or "").strip()
    if required and not value:
        raise ValidationError(field, required)
    if len(value) > limit:
        raise ValidationError(field, f"不能超过{limit}个字。")
    return value
