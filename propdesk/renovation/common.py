"""Small helpers of the renovation services: who acts, text checks, the desk's local day."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from propdesk.auth.actor import Actor
from propdesk.clock import local_today
from propdesk.errors import NotFound, ValidationError
from propdesk.renovation.models import RenovationPermit


def actor_of(session: Session) -> Actor | None:
    actor = session.info.get("actor")
    return actor if isinstance(actor, Actor) else None


def who(session: Session) -> str:
    actor = actor_of(session)
    return actor.display_name if actor else "系统"


def today() -> date:
    """The desk's local date."""
    return local_today()


def text(value: str | None, field: str, limit: int, required: str = "") -> str:
    out = (value or "").strip()
    if required and not out:
        raise ValidationError(field, required)
    if len(out) > limit:
        raise ValidationError(field, f"不能超过{limit}个字。")
    return out


def fen(value: object, field: str, label: str, *, allow_zero: bool = True) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(field, f"{label}金额不正确。")
    if value < 0 or (value == 0 and not allow_zero):
        raise ValidationError(field, f"{label}金额必须大于 0。")
    if value > 100_000_000:
        raise ValidationError(field, f"{label}金额过大，请检查。")
    return value


def permit(session: Session, permit_id: int, *, lock: bool = False) -> RenovationPermit:
    p = session.get(RenovationPermit, permit_id, with_for_update=lock)
    if p is None:
        raise NotFound("该装修申请不存在。")
    return p
