"""``Encrypted``: the column type of every ID number and phone.

Values are encrypted when bound (ORM flushes, Core inserts and updates alike) and decrypted
when read, so services keep working with plain text. ``""`` and ``None`` are stored as they
are (an empty phone is no secret). A ciphertext differs at every write, so comparing such a
column in SQL can never be right: every operator except ``IS [NOT] NULL`` (and ordering) raises
:class:`TypeError` — look people up through their lookup hashes
(:mod:`propdesk.pii.index`) instead.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import String
from sqlalchemy.engine import Dialect
from sqlalchemy.sql import operators
from sqlalchemy.types import TypeDecorator

from propdesk.pii import keys
from propdesk.pii.cipher import decrypt, encrypt

# IS [NOT] NULL is meaningful; ORDER BY is meaningless (ciphertext order) but harmless, and a
# list column's sort must not crash: such columns are declared not sortable where shown.
_ALLOWED_OPS = frozenset({operators.is_, operators.is_not, operators.asc_op, operators.desc_op})


class Encrypted(TypeDecorator[str]):
    """A personal value stored with AES-GCM; ``purpose`` (``table.column``) binds it to its column.

    The database type is an unbounded ``VARCHAR`` (a ciphertext is about 75 characters).
    """

    impl = String
    cache_ok = True

    def __init__(self, purpose: str) -> None:
        super().__init__()
        self.purpose = purpose

    class comparator_factory(TypeDecorator.Comparator[str]):
        def operate(self, op: Any, *other: Any, **kwargs: Any) -> Any:
            if op not in _ALLOWED_OPS:
                raise TypeError(
                    "an encrypted column cannot be compared in SQL: match people by phone "
                    "with propdesk.registry.personal.phone_condition/same_phone, by ID "
                    "number with Person.id_number_hmac (propdesk.pii.index)"
                )
            return super().operate(op, *other, **kwargs)

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        if not value:
            return value
        return encrypt(keys.current(), value, self.purpose)

    def process_result_value(self, value: str | None, dialect: Dialect) -> str | None:
        if not value:
            return value
        return decrypt(keys.current(), value, self.purpose)

    def copy(self, **kw: Any) -> Encrypted:
        return Encrypted(self.purpose)
