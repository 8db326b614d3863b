"""The global search's record numbers: tickets, receipts and parcel tracking numbers.

A clerk with a resident on the phone is often read a number, not a name: "报修单
BX20261123-0007", "收据 2026000123", "快递 SF1234567890". Each is found by its prefix with a
range condition (``number >= q AND number < q + U+FFFF``) on the column's unique or plain
index, so a keystroke reads a handful of index entries on SQLite and PostgreSQL alike (a
``LIKE`` prefix cannot use the index on SQLite, whose ``LIKE`` ignores case).
"""

from __future__ import annotations

import re

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from propdesk import clock
from propdesk.desk.models import Parcel
from propdesk.desk.values import PARCEL_STATUS_ZH, ParcelStatus
from propdesk.fees.models import Payment
from propdesk.registry.models import Unit
from propdesk.registry.values import SearchHit
from propdesk.tickets.models import Ticket
from propdesk.tickets.values import KIND_ZH, STATUS_ZH, TicketKind, TicketStatus

#: Letters and digits (and dashes) with at least one digit: a ticket or tracking number.
_MIXED = re.compile(r"^(?=.*[0-9])(?=.*[A-Za-z])[0-9A-Za-z-]{3,40}$")
#: The shortest all-digit text looked up as a receipt or tracking number.
MIN_DIGITS = 5


def _prefix(column: InstrumentedAttribute[str], text: str) -> ColumnElement[bool]:
    return (column >= text) & (column < text + "\uffff")


def looks_like_number(text: str) -> bool:
    """Whether ``text`` could be the start of a ticket, receipt or tracking number."""
    q = text.strip()
    return bool(_MIXED.match(q)) or (q.isdigit() and len(q) >= MIN_DIGITS)


def find_numbers(session: Session, text: str, *, limit: int) -> list[SearchHit]:
    """Tickets, receipts and parcels whose number starts with ``text`` (at most ``limit``)."""
    q = text.strip().upper()
    if limit <= 0 or not looks_like_number(q):
        return []
    hits: list[SearchHit] = []
    if not q.isdigit():
        hits += _tickets(session, q, limit)
    else:
        hits += _receipts(session, q, limit)
    hits += _parcels(session, q, limit - len(hits))
    return hits[:limit]


def _unit_codes(session: Session, unit_ids: set[int]) -> dict[int, str]:
    if not unit_ids:
        return {}
    rows = session.execute(select(Unit.id, Unit.code).where(Unit.id.in_(unit_ids))).all()
    return {int(r.id): str(r.code) for r in rows}


def _tickets(session: Session, q: str, limit: int) -> list[SearchHit]:
    rows = session.execute(
        select(Ticket.id, Ticket.number, Ticket.kind, Ticket.status, Ticket.unit_id)
        .where(_prefix(Ticket.number, q))
        .order_by(Ticket.number.desc())
        .limit(limit)
    ).all()
    codes = _unit_codes(session, {r.unit_id for r in rows if r.unit_id is not None})
    return [
        SearchHit(
            "ticket",
            r.id,
            r.number,
            "  ".join(
                part
                for part in (
                    KIND_ZH.get(TicketKind(r.kind), r.kind),
                    codes.get(r.unit_id, "") if r.unit_id is not None else "",
                    STATUS_ZH.get(TicketStatus(r.status), r.status),
                )
                if part
            ),
        )
        for r in rows
    ]


def _receipts(session: Session, q: str, limit: int) -> list[SearchHit]:
    rows = session.execute(
        select(
            Payment.id,
            Payment.receipt_no,
            Payment.unit_id,
            Payment.paid_on,
            Payment.amount_fen,
            Payment.voided,
        )
        .where(_prefix(Payment.receipt_no, q))
        .order_by(Payment.receipt_no.desc())
        .limit(limit)
    ).all()
    codes = _unit_codes(session, {r.unit_id for r in rows})
    return [
        SearchHit(
            "receipt",
            r.id,
            r.receipt_no,
            f"{codes.get(r.unit_id, '')}  {r.paid_on:%Y-%m-%d}  ¥{r.amount_fen / 100:,.2f}"
            + ("  已作废" if r.voided else ""),
        )
        for r in rows
    ]


def _parcels(session: Session, q: str, limit: int) -> list[SearchHit]:
    if limit <= 0:
        return []
    rows = session.execute(
        select(
            Parcel.id,
            Parcel.tracking_no,
            Parcel.carrier,
            Parcel.unit_id,
            Parcel.status,
            Parcel.received_at,
        )
        .where(_prefix(Parcel.tracking_no, q))
        .order_by(Parcel.received_at.desc())
        .limit(limit)
    ).all()
    codes = _unit_codes(session, {r.unit_id for r in rows if r.unit_id is not None})
    return [
        SearchHit(
            "parcel",
            r.id,
            r.tracking_no,
            "  ".join(
                part
                for part in (
                    r.carrier,
                    codes.get(r.unit_id, "") if r.unit_id is not None else "",
                    f"{clock.to_local(r.received_at):%Y-%m-%d}",
                    PARCEL_STATUS_ZH.get(ParcelStatus(r.status), r.status),
                )
                if part
            ),
        )
        for r in rows
    ]
