"""Personal fields in audit rows: the audit trail stores them masked, never in full.

``mask_for_audit(field, value)`` is what an audit row keeps for a column named ``field``;
:data:`PERSONAL_FIELDS` lists every such column name across the schema (the PostgreSQL roles
mask the same columns in their views).
"""

from __future__ import annotations

from typing import Any

ID_NUMBER_FIELDS = frozenset({"id_number"})
PHONE_FIELDS = frozenset(
    {
        "phone",
        "phone2",
        "emergency_phone",
        "reporter_phone",
        "recipient_phone",
        "borrower_phone",
        "contact_phone",
        "owner_phone",
        "contractor_phone",
    }
)
#: Lookup hashes and the clear last digits: as good as the value to whoever holds the key.
LOOKUP_FIELDS = frozenset(
    {"phone_hmac", "phone_tail_hmac", "phone_tail", "id_number_hmac", "number_hmac"}
)
PERSONAL_FIELDS = ID_NUMBER_FIELDS | PHONE_FIELDS | LOOKUP_FIELDS
HIDDEN = "******"


def mask_for_audit(field: str, value: Any) -> Any:
    """What the audit trail records of ``value`` in column ``field``.

    ``mask_for_audit("id_number", "11010119900307803X")`` → ``"1101**********803X"``,
    ``mask_for_audit("phone", "13812345678")`` → ``"138****5678"``; other fields unchanged.
    """
    if field not in PERSONAL_FIELDS or value is None or value == "":
        return value
    from propdesk.privacy import mask_id_number, mask_phone

    if field in ID_NUMBER_FIELDS:
        return mask_id_number(str(value))
    if field in PHONE_FIELDS:
        return mask_phone(str(value))
    return HIDDEN
