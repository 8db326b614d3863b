"""Masking by audience: each printed document's reader decides which phones it carries."""

from __future__ import annotations

from sqlalchemy import func, select

from propdesk.audit.models import AuditEntry
from propdesk.db.engine import Database
from propdesk.print_audience import Reader, printed_phone
from tests.propdesk.tickets.helpers import CLERK, SUPERVISOR

PHONE = "13812345678"


def _print(db: Database, reader: Reader, *, needed: bool, actor: object = CLERK) -> str:
    with db.begin(actor) as s:  # type: ignore[arg-type]
        return printed_phone(
            s,
            reader,
            PHONE,
            needed=needed,
            table="person",
            record_id=1,
            field="phone",
            document="测试",
        )


def _reveals(db: Database) -> int:
    with db.begin(SUPERVISOR) as s:
        return int(
            s.scalar(
                select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "reveal")
            )
            or 0
        )


def test_each_reader_gets_what_it_needs_and_full_phones_are_audited(
    sqlite_db: Database,
) -> None:
    assert _print(sqlite_db, Reader.RESIDENT, needed=True) == "138****5678"
    assert _print(sqlite_db, Reader.DOOR, needed=False) == ""  # never the owner's phone
    assert _reveals(sqlite_db) == 0
    assert _print(sqlite_db, Reader.TECHNICIAN, needed=True) == PHONE
    assert _print(sqlite_db, Reader.GUARD, needed=True) == PHONE
    assert _print(sqlite_db, Reader.DOOR, needed=True) == PHONE  # the site manager's
    assert _reveals(sqlite_db) == 3
    assert _print(sqlite_db, Reader.OFFICE, needed=True) == "138****5678"  # a clerk's print
    assert _print(sqlite_db, Reader.OFFICE, needed=True, actor=SUPERVISOR) == PHONE
    assert _reveals(sqlite_db) == 4
