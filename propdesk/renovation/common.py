"""Small helpers of the renovation services: who acts, text checks."""

from __future__ import annotations

from sqlalchemy.orm import Session

from propdesk.errors import NotFound
from propdesk.renovation.models import RenovationPermit
from propdesk.session_info import actor_name as who
from propdesk.session_info import actor_or_none as actor_of
from propdesk.validate import clean_text as text
from propdesk.validate import fen_amount as fen

__all__ = ["actor_of", "fen", "permit", "text", "who"]


def permit(session: Session, permit_id: int, *, lock: bool = False) -> RenovationPermit:
    p = session.get(RenovationPermit, permit_id, with_for_update=lock)
    if p is None:
        raise NotFound("该装修申请不存在。")
    return p
