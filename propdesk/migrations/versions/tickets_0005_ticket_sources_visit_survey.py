"""tickets: two more sources — visit (走访) and survey (满意度调查)

Tickets raised from a household visit or from a dissatisfied survey answer were stored as
'other' (其他); they now say where they came from. Only ``ck_ticket_source`` changes.

Revision ID: tickets_0005
Revises: tickets_0004
Create Date: 2026-12-06 22:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "tickets_0005"
down_revision: str | Sequence[str] | None = "tickets_0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_OLD = "source IN ('walk_in', 'phone', 'patrol', 'inspection', 'other')"
_NEW = "source IN ('walk_in', 'phone', 'patrol', 'inspection', 'visit', 'survey', 'other')"


def _set_sqlite_source_check(old: str, new: str) -> None:
    """Change ticket's source CHECK on SQLite without rebuilding the table.

    A batch copy of ``ticket`` drops the old table, and with foreign keys on that deletes
    the rows of every table pointing at it with ON DELETE CASCADE (the timeline, callbacks,
    cost lines) or fails on the RESTRICT ones (care visits). Changing only a CHECK's text is
    one of the edits SQLite documents as safe through ``writable_schema`` (as fees_0006 does
    for fee_item); bumping ``schema_version`` makes every connection reload the schema.
    """
    conn = op.get_bind()
    found = conn.execute(
        sa.text(
            "SELECT instr(sql, :old) FROM sqlite_master WHERE type = 'table' AND name = 'ticket'"
        ),
        {"old": old},
    ).scalar_one()
    if not found:
        raise RuntimeError(f"ticket's CHECK constraint is not {old!r}: cannot change it")
    conn.exec_driver_sql("PRAGMA writable_schema=ON")
    conn.execute(
        sa.text(
            "UPDATE sqlite_master SET sql = replace(sql, :old, :new) "
            "WHERE type = 'table' AND name = 'ticket'"
        ),
        {"old": old, "new": new},
    )
    version = int(conn.exec_driver_sql("PRAGMA schema_version").scalar_one())
    conn.exec_driver_sql(f"PRAGMA schema_version={version + 1}")
    conn.exec_driver_sql("PRAGMA writable_schema=OFF")


def _set_source_check(old: str, new: str) -> None:
    if op.get_bind().dialect.name == "sqlite":
        _set_sqlite_source_check(old, new)
    else:
        op.drop_constraint(op.f("ck_ticket_source"), "ticket", type_="check")
        op.create_check_constraint(op.f("ck_ticket_source"), "ticket", new)


def upgrade() -> None:
    _set_source_check(_OLD, _NEW)


def downgrade() -> None:
    # Before this revision these tickets were stored as 'other': give them that back, so the
    # narrower CHECK holds for every row (SQLite would not check the rows it already has).
    op.execute(sa.text("UPDATE ticket SET source = 'other' WHERE source IN ('visit', 'survey')"))
    _set_source_check(_NEW, _OLD)
