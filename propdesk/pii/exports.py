"""Exports of personal data are audited: who, what, how many rows, phones in full or masked.

Called by the core functions that hand personal data to a file or to paper (the owner
ledger, the arrears sheet), in the caller's transaction, so the row is written whichever
user interface asked (GUI, command line) and commits with the export's transaction.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from typing import TypeVar

from sqlalchemy import insert
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.audit.models import AuditEntry
from propdesk.session_info import actor_or_system

#: The audit action of an export (the audit viewer labels it 导出).
EXPORT = "export"
T = TypeVar("T")


def audit_personal_export(
    session: Session, *, what: str, rows: int, fields: Sequence[str], full: bool
) -> None:
    """One audit row: ``what`` was exported, ``rows`` rows carrying ``fields``.

    ``full``: whether phones were in full (the user may see them) rather than masked.
    """
    actor = actor_or_system(session)
    changes = {"what": what, "rows": rows, "fields": list(fields), "full": full}
    session.execute(
        insert(AuditEntry.__table__),  # type: ignore[arg-type]
        [
            {
                "at": clock.now(session),
                "user_id": actor.user_id,
                "username": actor.username[:50],
                "action": EXPORT,
                "table_name": "person",
                "record_id": "-",
                "changes": json.dumps(changes, ensure_ascii=False, sort_keys=True),
            }
        ],
    )


def audited_stream(
    session: Session, rows: Iterable[T], *, what: str, fields: Sequence[str], full: bool
) -> Iterator[T]:
    """``rows`` passed through; once they are consumed (or dropped) the export is audited."""
    count = 0
    try:
        for row in rows:
            count += 1
            yield row
    finally:
        audit_personal_export(session, what=what, rows=count, fields=fields, full=full)
