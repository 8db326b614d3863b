"""``INSERT … ON CONFLICT`` for the database in use, its dialect imported only when needed.

Importing ``sqlalchemy.dialects.postgresql`` costs about 0.4 s; a desk on SQLite never needs
it, so neither dialect is imported at start-up.
"""

from __future__ import annotations

from typing import Any


def dialect_insert(dialect: str, model: Any) -> Any:
    """The dialect's ``insert(model)`` (with ``on_conflict_do_…``) for ``postgresql`` or SQLite."""
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(model)
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert(model)
