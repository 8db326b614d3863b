"""``pii_key``: which key the database's personal data is encrypted with (its id, not the key).

One row, written by the migration that first encrypted the data. A desk whose key has another
id is stopped at its first transaction (:mod:`propdesk.pii.guard`) instead of writing values
nobody else can read, or ID-number hashes that no longer catch a duplicate.
"""

from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from propdesk.models_base import Base


class PiiKeyRecord(Base):
    __tablename__ = "pii_key"
    __audit__ = False

    id: Mapped[int] = mapped_column(primary_key=True)
    key_id: Mapped[str] = mapped_column(String(16))
