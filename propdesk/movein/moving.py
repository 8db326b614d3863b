"""Moving appointments (搬家预约): one slot of one day holds one move per entrance
(its elevator and entrance are reserved); the guards get the day's list."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.errors import Conflict, InvalidTransition, NotFound, ValidationError
from propdesk.movein.common import actor_of, text, who
from propdesk.movein.models import MovingAppointment
from propdesk.movein.values import MOVING_SLOTS, Appointment
from propdesk.privacy import shown_phone
from propdesk.registry.models import Building, Unit


def book_moving(
    session: Session,
    *,
    unit_id: int,
    day: date,
    slot: str,
    direction: str,
    contact_name: str,
    contact_phone: str = "",
    elevator: str = "",
    mover_company: str = "",
    vehicle_plate: str = "",
    notes: str = "",
) -> int:
    """Book a moving slot; refused when the unit's entrance already has a move in that slot."""
    unit = session.get(Unit, unit_id)
    if unit is None:
        raise NotFound("该房屋不存在。")
    if slot not in MOVING_SLOTS:
        raise ValidationError("slot", "请选择搬家时段。")
    if direction not in ("in", "out"):
        raise ValidationError("direction", "请选择搬入或搬出。")
    if day < clock.today(session):
        raise ValidationError("day", "搬家日期不能早于今天。")
    taken = session.execute(
        select(Unit.code)
        .select_from(MovingAppointment)
        .join(Unit, Unit.id == MovingAppointment.unit_id)
        .where(
            MovingAppointment.building_id == unit.building_id,
            MovingAppointment.entrance == unit.entrance,
            MovingAppointment.day == day,
            MovingAppointment.slot == slot,
            MovingAppointment.cancelled.is_(False),
        )
    ).first()
    if taken is not None:
        raise Conflict(f"{day:%Y-%m-%d} {slot} 该单元电梯已被 {taken[0]} 预约搬家，请换一个时段。")
    appt = MovingAppointment(
        unit_id=unit.id,
        building_id=unit.building_id,
        entrance=unit.entrance,
        day=day,
        slot=slot,
        direction=direction,
        elevator=text(elevator, "elevator", 30) or f"{unit.entrance}单元电梯",
        contact_name=text(contact_name, "contact_name", 50, "请填写联系人。"),
        contact_phone=text(contact_phone, "contact_phone", 20),
        mover_company=text(mover_company, "mover_company", 100),
        vehicle_plate=text(vehicle_plate, "vehicle_plate", 20).upper(),
        notes=text(notes, "notes", 200),
        created_by=who(session),
    )
    session.add(appt)
    session.flush()
    return appt.id


def cancel_moving(session: Session, appointment_id: int) -> None:
    """Cancel a booking; the slot is free again."""
    appt = session.get(MovingAppointment, appointment_id)
    if appt is None:
        raise NotFound("该搬家预约不存在。")
    if appt.cancelled:
        raise InvalidTransition("该预约已取消。")
    appt.cancelled = True
    session.flush()


def appointments_on(
    session: Session, day: date, *, include_cancelled: bool = False
) -> list[Appointment]:
    """The day's moves by slot, building and entrance (the guards' list)."""
    actor = actor_of(session)
    stmt = (
        select(MovingAppointment, Unit.code, Building.name)
        .join(Unit, Unit.id == MovingAppointment.unit_id)
        .join(Building, Building.id == MovingAppointment.building_id)
        .where(MovingAppointment.day == day)
        .order_by(
            MovingAppointment.slot, Building.sort_key, Building.code, MovingAppointment.entrance
        )
    )
    if not include_cancelled:
        stmt = stmt.where(MovingAppointment.cancelled.is_(False))
    return [
        Appointment(
            a.id,
            a.unit_id,
            code,
            bname,
            a.entrance,
            a.day,
            a.slot,
            a.direction,
            a.elevator,
            a.contact_name,
            shown_phone(actor, a.contact_phone),
            a.mover_company,
            a.vehicle_plate,
            a.notes,
            a.cancelled,
        )
        for a, code, bname in session.execute(stmt).all()
    ]
