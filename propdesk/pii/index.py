"""Lookup values stored beside an encrypted phone or ID number.

A person row keeps, next to the encrypted ``phone`` and ``id_number``:

- ``phone_hmac`` — HMAC of the phone's digits (whole-number search);
- ``phone_tail_hmac`` — HMAC of its last 4 digits (last-4 search);
- ``phone_tail`` — the last 4 digits in clear (display and masked views: ``*******5678``);
- ``id_number_hmac`` — HMAC of the ID number (unique index: one person per ID number).

A search matches the whole number or its last 4 digits, never digits anywhere, so a
masked number cannot be rebuilt by probing fragments.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from propdesk.pii import keys
from propdesk.pii.cipher import lookup_hash

TAIL_DIGITS = 4
_NON_DIGIT = re.compile(r"\D")


def phone_digits(phone: str | None) -> str:
    """``0755-1234 5678`` → ``075512345678``; a leading ``+86``/``86`` on a mobile is dropped."""
    digits = _NON_DIGIT.sub("", phone or "")
    if len(digits) == 13 and digits.startswith("86") and digits[2] == "1":
        digits = digits[2:]
    return digits


def phone_hmac(phone: str | None) -> str:
    digits = phone_digits(phone)
    return lookup_hash(keys.current(), digits, "phone") if digits else ""


def tail_hash(tail: str) -> str:
    """The lookup hash of exactly ``TAIL_DIGITS`` digits."""
    return lookup_hash(keys.current(), tail, "phone-tail")


def phone_tail(phone: str | None) -> str:
    digits = phone_digits(phone)
    return digits[-TAIL_DIGITS:] if len(digits) >= TAIL_DIGITS else ""


def id_number_hmac(id_number: str | None) -> str | None:
    value = (id_number or "").strip().upper()
    return lookup_hash(keys.current(), value, "id_number") if value else None


def person_lookup(phone: str | None, id_number: str | None) -> dict[str, Any]:
    """The lookup columns of a person with this phone and ID number."""
    tail = phone_tail(phone)
    return {
        "phone_hmac": phone_hmac(phone),
        "phone_tail_hmac": tail_hash(tail) if tail else "",
        "phone_tail": tail,
        "id_number_hmac": id_number_hmac(id_number),
    }


def with_person_lookup(row: Mapping[str, Any]) -> dict[str, Any]:
    """``row`` (a bulk insert's person values) with its lookup columns filled in."""
    return {**row, **person_lookup(row.get("phone"), row.get("id_number"))}
