"""Helpers shared by the move-in and move-out services: who acts, meters."""

from __future__ import annotations

from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from propdesk.errors import ValidationError
from propdesk.fees.meters import create_meter, record_reading
from propdesk.fees.models import Meter
from propdesk.fees.periods import period_of
from propdesk.registry.models import Unit
from propdesk.session_info import actor_name as who
from propdesk.session_info import actor_or_none as actor_of
from propdesk.validate import clean_text as text

__all__ = [
    "METER_KINDS",
    "actor_of",
    "check_reading",
    "record_unit_readings",
    "text",
    "unit_meter",
    "who",
]

METER_KINDS = ("water", "electricity")
MAX_READING_CENTI = 100_000_00


def check_reading(value: int | None, field: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValidationError(field, "表读数不正确。")
    if value >= MAX_READING_CENTI:
        raise ValidationError(field, "表读数超过表的量程，请核对。")
    return value


def unit_meter(session: Session, unit: Unit, kind: str) -> int | None:
    """The unit's own active meter of ``kind``; registered on first use unless the unit's
    building (or the estate) is served by a shared meter of that kind (then None: the
    reading stays on the move-in/move-out record only)."""
    found = session.scalar(
        select(Meter.id)
        .where(Meter.unit_id == unit.id, Meter.kind == kind, Meter.active.is_(True))
        .order_by(Meter.id)
    )
    if found is not None:
        return int(found)
    shared = session.scalar(
        select(Meter.id).where(
            Meter.unit_id.is_(None),
            Meter.kind == kind,
            Meter.active.is_(True),
            or_(Meter.building_id == unit.building_id, Meter.building_id.is_(None)),
        )
    )
    if shared is not None:
        return None
    prefix = "W" if kind == "water" else "E"
    return create_meter(session, code=f"{prefix}-{unit.code}", kind=kind, unit_id=unit.id)


def record_unit_readings(
    session: Session, unit: Unit, day: date, readings: dict[str, int]
) -> tuple[str, ...]:
    """Store move-in/move-out readings as the unit meters' readings of ``day``'s period.

    Returns the kinds stored. A month the fees module has closed for a meter (already
    billed, or a later month read) keeps the reading on the move-in/move-out record only;
    any other refusal (a reading below the last one, beyond the meter's range) is raised.
    """
    stored: list[str] = []
    for kind in METER_KINDS:
        meter_id = unit_meter(session, unit, kind)
        if meter_id is None:
            continue
        try:
            record_reading(
                session,
                meter_id=meter_id,
                period=period_of(day),
                reading_centi=readings[kind],
                read_on=day,
            )
        except ValidationError as exc:
            if exc.field != "period":  # show it next to the reading it is about
                raise ValidationError(f"{kind}_reading", exc.message) from exc
            continue
        stored.append(kind)
    return tuple(stored)
