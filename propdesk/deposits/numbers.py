"""Gap-free numbers of deposit receipts (``YJ2026000001``) and refund slips (``TK2026000001``).

Same counter table and locking as fee receipts (:mod:`propdesk.fees.receipt_numbers`),
with series of their own, so deposits never use up fee receipt numbers.
"""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.orm import Session

from propdesk.db.upsert import dialect_insert
from propdesk.fees.models import ReceiptCounter

RECEIPT_PREFIX = "YJ"
SLIP_PREFIX = "TK"


def next_number(session: Session, prefix: str, year: int) -> str:
    """The next number of ``prefix``'s series of ``year``, taken in the caller's transaction."""
    series = f"{prefix}{year}"
    dialect = session.get_bind().dialect.name
    ins = dialect_insert(dialect, ReceiptCounter)
    session.execute(ins.values(series=series, last_value=0).on_conflict_do_nothing())
    seq = session.execute(
        update(ReceiptCounter)
        .where(ReceiptCounter.series == series)
        .values(last_value=ReceiptCounter.last_value + 1)
        .returning(ReceiptCounter.last_value)
    ).scalar_one()
    return f"{series}{seq:06d}"
