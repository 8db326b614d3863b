"""Looking people up by phone or ID number without reading them in clear.

Phones and ID numbers are encrypted (:mod:`propdesk.pii`); a search matches a phone's last 4
digits or the whole number through their HMACs, never digits anywhere (25 fragment searches
used to rebuild a masked number). The duplicate-ID check answers "该证件号已登记" and nothing
about whom; each answer is audited, and a user gets at most :data:`ID_CHECK_LIMIT` "already
registered" answers per :data:`ID_CHECK_WINDOW` (a birthday and a few tries recovered a full
ID number when the answer named the person).
"""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

from sqlalchemy import ColumnElement, Engine, event, func, insert, select
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.audit.models import AuditEntry
from propdesk.errors import NotAllowed, ValidationError
from propdesk.pii.index import TAIL_DIGITS, id_number_hmac, phone_digits, phone_hmac, tail_hash
from propdesk.registry.models import Person
from propdesk.session_info import actor_or_system

#: Shortest whole number a search accepts (a landline without area code has 7 digits).
WHOLE_NUMBER_MIN = 7
ID_CHECK = "id_check"
ID_REGISTERED = "该证件号已登记。"
ID_CHECK_LIMIT = 5
ID_CHECK_WINDOW = timedelta(minutes=10)


def phone_condition(text: str) -> ColumnElement[bool] | None:
    """People whose phone is ``text`` (the whole number) or ends with it (exactly 4 digits).

    ``None`` when ``text`` is neither: 5 or 6 digits, or fewer than 4, match no phone.
    """
    digits = phone_digits(text)
    if len(digits) == TAIL_DIGITS:
        return Person.phone_tail_hmac == tail_hash(digits)
    if len(digits) >= WHOLE_NUMBER_MIN:
        return Person.phone_hmac == phone_hmac(digits)
    return None


def same_phone(phone: str) -> ColumnElement[bool]:
    """People whose phone is exactly ``phone`` (``""``: people without a phone)."""
    return Person.phone_hmac == phone_hmac(phone)


def _audit_row(session: Session, record_id: str, changes: dict[str, Any]) -> dict[str, Any]:
    actor = actor_or_system(session)
    return {
        "at": clock.now(session),
        "user_id": actor.user_id,
        "username": actor.username,
        "action": ID_CHECK,
        "table_name": "person",
        "record_id": record_id,
        "changes": json.dumps(changes, ensure_ascii=False, sort_keys=True),
    }


def _recent_registered_answers(session: Session) -> int:
    actor = actor_or_system(session)
    since = clock.now(session) - ID_CHECK_WINDOW
    who = (
        AuditEntry.user_id == actor.user_id
        if actor.user_id is not None
        else AuditEntry.username == actor.username
    )
    return (
        session.scalar(
            select(func.count(AuditEntry.id)).where(
                AuditEntry.action == ID_CHECK,
                AuditEntry.at >= since,
                AuditEntry.changes.like('%"registered": true%'),
                who,
            )
        )
        or 0
    )


def _write_even_if_rolled_back(session: Session, row: dict[str, Any]) -> None:
    """Write ``row`` now; if the transaction is rolled back, write it again on its own.

    A refused registration rolls the caller's transaction back; the answer it got must stay
    in the audit log (and count against the limit) all the same.
    """
    table = AuditEntry.__table__
    session.execute(insert(table), [row])  # type: ignore[arg-type]
    bind = session.get_bind()
    engine = bind if isinstance(bind, Engine) else bind.engine

    def _after_rollback(_session: Session) -> None:
        with engine.connect() as conn:
            conn.execute(insert(table), [row])  # type: ignore[arg-type]
            conn.commit()

    event.listen(session, "after_rollback", _after_rollback, once=True)


def check_id_number_free(session: Session, id_number: str, *, person_id: int | None = None) -> None:
    """Refuse an ID number registered to anyone but ``person_id``: "该证件号已登记。"

    Audited (who asked, whether it was registered, never the number); a user who got
    :data:`ID_CHECK_LIMIT` "registered" answers in the last :data:`ID_CHECK_WINDOW` is refused
    before the database is asked.
    """
    if _recent_registered_answers(session) >= ID_CHECK_LIMIT:
        raise NotAllowed(
            f"证件号查重过于频繁：{ID_CHECK_WINDOW.seconds // 60} 分钟内已有 {ID_CHECK_LIMIT} "
            "次“已登记”的答复，请稍后再试或请主管核对。"
        )
    where = [Person.id_number_hmac == id_number_hmac(id_number)]
    if person_id is not None:
        where.append(Person.id != person_id)
    other = session.scalar(select(Person.id).where(*where).limit(1))
    registered = other is not None
    row = _audit_row(session, str(person_id or "-"), {"registered": registered})
    if registered:
        _write_even_if_rolled_back(session, row)
        raise ValidationError("id_number", ID_REGISTERED)
    session.execute(insert(AuditEntry.__table__), [row])  # type: ignore[arg-type]
