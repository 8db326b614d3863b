"""Masking of personal data (ID numbers, phones) for roles that may not see it."""

from __future__ import annotations

from propdesk.auth.actor import Actor
from propdesk.auth.permissions import Permission, allowed


def mask_id_number(value: str | None) -> str:
    """``110101199003071234`` → ``1101**********1234``."""
    if not value:
        return ""
    if len(value) <= 8:
        return "*" * len(value)
    return value[:4] + "*" * (len(value) - 8) + value[-4:]


def mask_phone(value: str | None) -> str:
    """``13812345678`` → ``138****5678``; landlines keep area code and last 4 digits."""
    if not value:
        return ""
    if len(value) <= 4:
        return "*" * len(value)
    if len(value) == 11 and value.isdigit():
        return value[:3] + "****" + value[-4:]
    return value[: max(len(value) - 8, 0)] + "*" * 4 + value[-4:]


def may_see_personal_data(actor: Actor | None) -> bool:
    return allowed(actor, Permission.VIEW_FULL_ID)


def shown_id_number(actor: Actor | None, value: str | None) -> str:
    return (value or "") if may_see_personal_data(actor) else mask_id_number(value)


def shown_phone(actor: Actor | None, value: str | None) -> str:
    return (value or "") if may_see_personal_data(actor) else mask_phone(value)
