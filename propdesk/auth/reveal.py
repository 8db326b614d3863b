"""Revealing a resident's full ID number or phone: permission-checked and itself audited.

Lists, prints and exports show masked values (:mod:`propdesk.privacy`); the person page
offers "show in full" to roles holding ``VIEW_FULL_ID``. Each reveal writes a ``reveal``
audit row naming the record and the fields, in the caller's transaction.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from propdesk.audit.trail import record_reveal
from propdesk.auth.permissions import Permission, require
from propdesk.errors import NotFound, ValidationError
from propdesk.registry.models import Person
from propdesk.session_info import actor_or_none

PHONE_FIELDS = ("phone", "phone2", "emergency_phone")


@dataclass(frozen=True)
class RevealedContact:
    """A person's full personal data, as revealed to an allowed user."""

    person_id: int
    id_number: str
    phone: str
    phone2: str
    emergency_phone: str


def _person(session: Session, person_id: int) -> Person:
    require(actor_or_none(session), Permission.VIEW_FULL_ID)
    person = session.get(Person, person_id)
    if person is None:
        raise NotFound("该住户不存在或已被删除。")
    return person


def reveal_id_number(session: Session, person_id: int) -> str:
    """The full ID number of a person (needs VIEW_FULL_ID; audited)."""
    person = _person(session, person_id)
    record_reveal(session, "person", person_id, ["id_number"])
    return person.id_number or ""


def reveal_phone(session: Session, person_id: int, field: str = "phone") -> str:
    """One full phone number of a person (``phone``, ``phone2`` or ``emergency_phone``)."""
    if field not in PHONE_FIELDS:
        raise ValidationError("field", "只能查看电话号码字段。")
    person = _person(session, person_id)
    record_reveal(session, "person", person_id, [field])
    return str(getattr(person, field) or "")


def reveal_contact(session: Session, person_id: int) -> RevealedContact:
    """ID number and every phone of a person at once (one audit row)."""
    person = _person(session, person_id)
    record_reveal(session, "person", person_id, ["id_number", *PHONE_FIELDS])
    return RevealedContact(
        person.id,
        person.id_number or "",
        person.phone or "",
        person.phone2 or "",
        person.emergency_phone or "",
    )
