"""An export of personal data leaves one audit row: who, what, how many rows."""

from __future__ import annotations

import json

from sqlalchemy import select

from propdesk.audit.models import AuditEntry
from propdesk.auth.actor import Actor, Role
from propdesk.db.engine import Database
from propdesk.pii.exports import EXPORT, audited_stream

FINANCE = Actor(user_id=None, username="fin", display_name="财务", role=Role.FINANCE)


def test_a_streamed_export_is_audited_once_consumed(sqlite_db: Database) -> None:
    with sqlite_db.begin(FINANCE) as s:
        rows = audited_stream(s, iter(range(7)), what="欠费明细表", fields=["电话"], full=True)
        assert sum(1 for _ in rows) == 7
    with sqlite_db.begin() as s:
        row = s.execute(
            select(AuditEntry.username, AuditEntry.changes).where(AuditEntry.action == EXPORT)
        ).one()
    assert row.username == "fin"
    assert json.loads(row.changes) == {
        "what": "欠费明细表",
        "rows": 7,
        "fields": ["电话"],
        "full": True,
    }
