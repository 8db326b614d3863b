"""Parcels held at the desk (快递代收) and the visitor register (访客登记).

A parcel's held days count local calendar days since it arrived; one held more than
``parcel_hold_days`` (settings) stands out.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.desk import settings
from propdesk.desk.common import actor_of, clean, local_date, local_midnight
from propdesk.desk.models import Parcel, Visitor
from propdesk.desk.values import ParcelRow, ParcelStatus, VisitorRow
from propdesk.errors import Conflict, InvalidTransition, NotFound, ValidationError
from propdesk.privacy import shown_phone
from propdesk.registry.models import Unit


def _check_phone(phone: str, field: str) -> str:
    phone = (phone or "").strip()
    if phone and (not phone.replace("-", "").isdigit() or len(phone) > 20):
        raise ValidationError(field, "电话只能包含数字和“-”。")
    return phone


def _unit(session: Session, unit_id: int | None) -> None:
    if unit_id is not None and session.get(Unit, unit_id) is None:
        raise ValidationError("unit_id", "房屋不存在。")


def receive_parcel(
    session: Session,
    *,
    carrier: str,
    tracking_no: str,
    unit_id: int | None,
    recipient: str = "",
    recipient_phone: str = "",
    shelf: str = "",
    at: datetime | None = None,
) -> int:
    """Register a parcel taken in for a unit (收件): carrier, tracking number, shelf."""
    now = clock.at_or_now(session, at)
    carrier = clean(carrier, "carrier", 30, required="请填写快递公司。")
    tracking_no = clean(tracking_no, "tracking_no", 40, required="请填写快递单号。")
    recipient = clean(recipient, "recipient", 50)
    phone = _check_phone(recipient_phone, "recipient_phone")
    shelf = clean(shelf, "shelf", 20)
    if unit_id is None and not recipient:
        raise ValidationError("unit_id", "请选择房屋，或填写收件人。")
    _unit(session, unit_id)
    dup = session.scalar(
        select(Parcel.id).where(
            Parcel.tracking_no == tracking_no,
            Parcel.carrier == carrier,
            Parcel.status == ParcelStatus.WAITING.value,
        )
    )
    if dup is not None:
        raise ValidationError("tracking_no", "该快递已登记在架，请勿重复登记。")
    parcel = Parcel(
        carrier=carrier,
        tracking_no=tracking_no,
        unit_id=unit_id,
        recipient=recipient,
        recipient_phone=phone,
        shelf=shelf,
        status=ParcelStatus.WAITING.value,
        received_at=now,
        received_by=actor_of(session).display_name,
        created_at=now,
        updated_at=now,
    )
    session.add(parcel)
    session.flush()
    return parcel.id


def _waiting(session: Session, parcel_id: int, expected_version: int | None) -> Parcel:
    parcel = session.get(Parcel, parcel_id, with_for_update=True)
    if parcel is None:
        raise NotFound("找不到该快递。")
    if expected_version is not None and parcel.version != expected_version:
        raise Conflict("该快递已被其他工作站修改，请刷新后再操作。")
    if parcel.status != ParcelStatus.WAITING.value:
        raise InvalidTransition("该快递已取走或退回。")
    return parcel


def mark_notified(
    session: Session,
    parcel_id: int,
    *,
    at: datetime | None = None,
    expected_version: int | None = None,
) -> None:
    """Record that the recipient was told (短信/电话通知)."""
    parcel = _waiting(session, parcel_id, expected_version)
    parcel.notified_at = clock.at_or_now(session, at)
    session.flush()


def collect_parcel(
    session: Session,
    parcel_id: int,
    *,
    collected_by: str,
    at: datetime | None = None,
    expected_version: int | None = None,
) -> None:
    """Hand the parcel over: who collected it and when."""
    parcel = _waiting(session, parcel_id, expected_version)
    parcel.collected_by = clean(collected_by, "collected_by", 50, required="请填写取件人。")
    parcel.collected_at = clock.at_or_now(session, at)
    parcel.handed_by = actor_of(session).display_name
    parcel.status = ParcelStatus.COLLECTED.value
    session.flush()


def collect_parcels(
    session: Session,
    parcel_ids: list[int],
    *,
    collected_by: str = "",
    at: datetime | None = None,
) -> int:
    """Hand several parcels over at once (one transaction); returns how many.

    With ``collected_by`` empty each parcel goes to its own recipient (the usual case: the
    resident collects their own parcels); a parcel without a recipient then needs a name.
    """
    if not parcel_ids:
        raise ValidationError("parcels", "请先选择要取走的快递。")
    now = clock.at_or_now(session, at)
    who = (collected_by or "").strip()
    handed_by = actor_of(session).display_name
    for parcel_id in sorted(set(parcel_ids)):
        parcel = _waiting(session, parcel_id, None)
        name = who or (parcel.recipient or "").strip()
        parcel.collected_by = clean(
            name,
            "collected_by",
            50,
            required=f"快递 {parcel.tracking_no} 没有收件人，请填写取件人。",
        )
        parcel.collected_at = now
        parcel.handed_by = handed_by
        parcel.status = ParcelStatus.COLLECTED.value
    session.flush()
    return len(set(parcel_ids))


def days_in_storage(received_at: datetime, today: date, collected_at: datetime | None) -> int:
    """Whole local days a parcel has been (or was) held: counting stops at its pickup or
    return, so a parcel collected on day 3 stays at 3 days."""
    end = local_date(collected_at) if collected_at is not None else today
    return max((end - local_date(received_at)).days, 0)


def return_parcel(
    session: Session, parcel_id: int, *, note: str, at: datetime | None = None
) -> None:
    """Give an uncollected parcel back to the carrier (退回)."""
    parcel = _waiting(session, parcel_id, None)
    parcel.collected_by = clean(note, "note", 50, required="请写明退回给谁。")
    parcel.collected_at = clock.at_or_now(session, at)
    parcel.handed_by = actor_of(session).display_name
    parcel.status = ParcelStatus.RETURNED.value
    session.flush()


def long_held_cutoff(session: Session, today: date | None = None) -> datetime:
    """Parcels received before this instant have waited more than the hold days."""
    days = settings.get_setting(session, "parcel_hold_days")
    return local_midnight(clock.day_or_today(session, today) - timedelta(days=days))


def long_held_condition(cutoff: datetime) -> ColumnElement[bool]:
    return (Parcel.status == ParcelStatus.WAITING.value) & (Parcel.received_at < cutoff)


def waiting_parcels(
    session: Session,
    *,
    today: date | None = None,
    unit_id: int | None = None,
    long_held_only: bool = False,
    include_collected: bool = False,
    received_before: datetime | None = None,
    limit: int = 1000,
) -> list[ParcelRow]:
    """Parcels on the shelf (oldest first), each with its held days and whether it stands out."""
    day = clock.day_or_today(session, today)
    cutoff = long_held_cutoff(session, day)
    stmt = select(Parcel, Unit.code).outerjoin(Unit, Unit.id == Parcel.unit_id)
    if not include_collected:
        stmt = stmt.where(Parcel.status == ParcelStatus.WAITING.value)
    if unit_id is not None:
        stmt = stmt.where(Parcel.unit_id == unit_id)
    if long_held_only:
        stmt = stmt.where(long_held_condition(cutoff))
    if received_before is not None:
        stmt = stmt.where(Parcel.received_at <= received_before)
    order = (Parcel.received_at.desc(),) if include_collected else (Parcel.received_at,)
    stmt = stmt.order_by(*order, Parcel.id).limit(limit)
    actor = actor_of(session)
    return [
        ParcelRow(
            p.id,
            p.carrier,
            p.tracking_no,
            p.unit_id,
            code or "",
            p.recipient,
            shown_phone(actor, p.recipient_phone),
            p.shelf,
            p.status,
            p.received_at,
            p.notified_at,
            p.collected_at,
            p.collected_by,
            (day - local_date(p.received_at)).days,
            p.status == ParcelStatus.WAITING.value and p.received_at < cutoff,
        )
        for p, code in session.execute(stmt)
    ]


def count_waiting(
    session: Session, *, today: date | None = None, received_before: datetime | None = None
) -> tuple[int, int]:
    """(parcels waiting, of which held too long), optionally only those in before a time."""
    cutoff = long_held_cutoff(session, today)
    since = [] if received_before is None else [Parcel.received_at <= received_before]
    waiting = session.scalar(
        select(func.count(Parcel.id)).where(Parcel.status == ParcelStatus.WAITING.value, *since)
    )
    long_held = session.scalar(
        select(func.count(Parcel.id)).where(long_held_condition(cutoff), *since)
    )
    return int(waiting or 0), int(long_held or 0)


# --- visitors ---------------------------------------------------------------------------


def register_visitor(
    session: Session,
    *,
    name: str,
    unit_id: int | None,
    purpose: str,
    phone: str = "",
    people: int = 1,
    at: datetime | None = None,
) -> int:
    """A visitor comes in (来访登记)."""
    now = clock.at_or_now(session, at)
    name = clean(name, "name", 50, required="请填写访客姓名。")
    purpose = clean(purpose, "purpose", 100, required="请填写来访事由。")
    phone = _check_phone(phone, "phone")
    if isinstance(people, bool) or not 1 <= people <= 50:
        raise ValidationError("people", "人数应在1到50之间。")
    if unit_id is None:
        raise ValidationError("unit_id", "请选择被访房屋。")
    _unit(session, unit_id)
    visitor = Visitor(
        name=name,
        phone=phone,
        unit_id=unit_id,
        purpose=purpose,
        people=people,
        in_at=now,
        registered_by=actor_of(session).display_name,
    )
    session.add(visitor)
    session.flush()
    return visitor.id


def visitor_left(session: Session, visitor_id: int, *, at: datetime | None = None) -> None:
    """The visitor goes out (离开时间)."""
    now = clock.at_or_now(session, at)
    visitor = session.get(Visitor, visitor_id, with_for_update=True)
    if visitor is None:
        raise NotFound("找不到该访客记录。")
    if visitor.out_at is not None:
        raise InvalidTransition("该访客已登记离开。")
    if now < visitor.in_at:
        raise ValidationError("out_at", "离开时间不能早于到访时间。")
    visitor.out_at = now
    session.flush()


def visitors_of_day(
    session: Session, day: date | None = None, *, inside_only: bool = False
) -> list[VisitorRow]:
    """Visitors who came in on a local day (or all still inside), in arrival order."""
    day = clock.day_or_today(session, day)
    stmt = select(Visitor, Unit.code).outerjoin(Unit, Unit.id == Visitor.unit_id)
    if inside_only:
        stmt = stmt.where(Visitor.out_at.is_(None))
    else:
        stmt = stmt.where(
            Visitor.in_at >= local_midnight(day),
            Visitor.in_at < local_midnight(day + timedelta(days=1)),
        )
    actor = actor_of(session)
    return [
        VisitorRow(
            v.id,
            v.name,
            shown_phone(actor, v.phone),
            code or "",
            v.purpose,
            v.people,
            v.in_at,
            v.out_at,
        )
        for v, code in session.execute(stmt.order_by(Visitor.in_at, Visitor.id))
    ]
