"""Gap-free receipt numbers (收据号).

A number is taken inside the payment's own transaction by incrementing the series'
counter row with ``UPDATE … RETURNING``. On PostgreSQL the UPDATE locks the row (as
``SELECT … FOR UPDATE`` would) until the payment commits or rolls back, so a second desk
waits and then gets the next number; on SQLite the database write lock does the same. A
rolled-back payment rolls its increment back, so the numbers have no gaps, and a voided
receipt keeps its number (it is never deleted).

A restored backup rewinds the counter; the numbers ever issued are also kept outside the
database (:mod:`propdesk.backup.receipt_mark`), and a number is taken above both.
"""

from __future__ import annotations

import logging

from sqlalchemy import event, update
from sqlalchemy.orm import Session

from propdesk.backup import receipt_mark
from propdesk.db.upsert import dialect_insert
from propdesk.fees.models import ReceiptCounter


def series_for(year: int) -> str:
    return f"R{year}"


def format_receipt_no(year: int, seq: int) -> str:
    """``2026000123``: the year and a six-digit number that restarts every year."""
    return f"{year}{seq:06d}"


def next_receipt_no(session: Session, year: int) -> tuple[str, int]:
    """Take the next number of ``year``'s series in the caller's transaction."""
    series = series_for(year)
    dialect = session.get_bind().dialect.name
    ins = dialect_insert(dialect, ReceiptCounter)
    session.execute(ins.values(series=series, last_value=0).on_conflict_do_nothing())
    seq = session.execute(
        update(ReceiptCounter)
        .where(ReceiptCounter.series == series)
        .values(last_value=ReceiptCounter.last_value + 1)
        .returning(ReceiptCounter.last_value)
    ).scalar_one()
    key = receipt_mark.database_key(session.get_bind().engine.url)
    if key is None:  # a server database: restored by its administrator, not by PropDesk
        return format_receipt_no(year, seq), seq
    floor = receipt_mark.high_water(key, series).get(series, 0)
    if seq <= floor:  # the database was rewound (a backup restored): never reissue a number
        seq = floor + 1
        session.execute(
            update(ReceiptCounter).where(ReceiptCounter.series == series).values(last_value=seq)
        )
    _mark_after_commit(session, key, series, seq)
    return format_receipt_no(year, seq), seq


_PENDING = "propdesk.receipt_marks"


def _mark_after_commit(session: Session, key: str, series: str, seq: int) -> None:
    """Append the issued number to the mark file once the payment is committed."""
    pending: dict[tuple[str, str], int] | None = session.info.get(_PENDING)
    if pending is None:
        pending = session.info[_PENDING] = {}

        def write(committed: Session) -> None:
            marks = committed.info.pop(_PENDING, {})
            for (db_key, name), value in marks.items():
                try:
                    receipt_mark.record_issued(db_key, name, value)
                except OSError:  # a read-only data folder must not undo a taken payment
                    logging.getLogger("propdesk").warning("receipt mark not written", exc_info=True)

        def forget(rolled_back: Session) -> None:
            rolled_back.info.pop(_PENDING, None)

        event.listen(session, "after_commit", write, once=True)
        event.listen(session, "after_rollback", forget, once=True)
    pending[(key, series)] = max(pending.get((key, series), 0), seq)
