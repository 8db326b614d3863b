"""Gap-free receipt numbers (收据号).

A number is taken inside the payment's own transaction by incrementing the series'
counter row with ``UPDATE … RETURNING``. On PostgreSQL the UPDATE locks the row (as
``SELECT … FOR UPDATE`` would) until the payment commits or rolls back, so a second desk
waits and then gets the next number; on SQLite the database write lock does the same. A
rolled-back payment rolls its increment back, so the numbers have no gaps, and a voided
receipt keeps its number (it is never deleted).
"""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.orm import Session

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
    return format_receipt_no(year, seq), seq
