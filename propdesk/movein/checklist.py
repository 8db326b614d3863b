"""The move-in checklist (入伙交接): saved and resumed half-done; completing it starts the occupancy.

Mandatory items: documents checked, fees settled (and the unit really has no overdue
arrears), both initial meter readings, at least one key handed over, and the signature
date. Access cards and the parking application are recorded when there are any.
Completion stores the readings as the meters' readings (fees module) and starts the
occupancy through the registry.
"""

from __future__ import annotations

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.errors import InvalidTransition, NotAllowed, NotFound, ValidationError
from propdesk.fees.arrears import unit_arrears
from propdesk.movein.common import actor_of, check_reading, record_unit_readings, text, who
from propdesk.movein.models import MoveIn, MoveInKey
from propdesk.movein.values import MoveInForm, MoveInInfo
from propdesk.privacy import shown_phone
from propdesk.registry import services as reg
from propdesk.registry.models import Building, OccupancyRole, Person, Unit
from propdesk.registry.personal import same_phone


def open_movein(
    session: Session, *, unit_id: int, person_id: int, role: str, form: MoveInForm
) -> int:
    """Start a move-in checklist for a unit and its new occupant (saved as 办理中)."""
    if session.get(Unit, unit_id) is None:
        raise NotFound("该房屋不存在。")
    if session.get(Person, person_id) is None:
        raise NotFound("该住户不存在。")
    if role not in set(OccupancyRole):
        raise ValidationError("role", "身份应为业主、共有人、租户或家属。")
    open_one = session.scalar(
        select(MoveIn.id).where(
            MoveIn.unit_id == unit_id, MoveIn.person_id == person_id, MoveIn.status == "draft"
        )
    )
    if open_one is not None:
        raise ValidationError("person_id", "此人在这套房屋已有未完成的入伙手续，请继续办理那一份。")
    m = MoveIn(
        unit_id=unit_id,
        person_id=person_id,
        role=str(role),
        status="draft",
        planned_on=form.planned_on,
        created_by=who(session),
    )
    session.add(m)
    session.flush()
    _apply(session, m, form)
    return m.id


def _apply(session: Session, m: MoveIn, form: MoveInForm) -> None:
    keys: list[dict[str, object]] = []
    for key_type, count in form.keys:
        name = text(key_type, "keys", 30, "请填写钥匙类型。")
        if isinstance(count, bool) or not isinstance(count, int) or count <= 0 or count > 50:
            raise ValidationError("keys", f"{name}的数量应在 1 到 50 之间。")
        keys.append({"movein_id": m.id, "key_type": name, "count": count})
    m.planned_on = form.planned_on
    m.documents_checked = form.documents_checked
    m.documents_note = text(form.documents_note, "documents_note", 200)
    m.fees_settled = form.fees_settled
    m.water_reading_centi = check_reading(form.water_reading_centi, "water_reading")
    m.electricity_reading_centi = check_reading(
        form.electricity_reading_centi, "electricity_reading"
    )
    m.card_numbers = text(form.card_numbers, "card_numbers", 300)
    m.parking_requested = form.parking_requested
    m.parking_note = text(form.parking_note, "parking_note", 200)
    m.signed_on = form.signed_on
    m.notes = text(form.notes, "notes", 2000)
    session.execute(delete(MoveInKey).where(MoveInKey.movein_id == m.id))
    if keys:
        session.execute(insert(MoveInKey), keys)
    session.flush()


def _draft(session: Session, movein_id: int, expected_version: int | None) -> MoveIn:
    m = session.get(MoveIn, movein_id, with_for_update=True)
    if m is None:
        raise NotFound("该入伙记录不存在。")
    reg.check_version("入伙记录", m.version, expected_version)
    if m.status != "draft":
        raise InvalidTransition("该入伙手续已办结或已取消，不能再修改。")
    return m


def save_movein(
    session: Session, movein_id: int, form: MoveInForm, *, expected_version: int | None
) -> None:
    """Save the checklist as it is (half-done is fine)."""
    _draft(session, movein_id, expected_version)
    m = session.get(MoveIn, movein_id)
    assert m is not None
    _apply(session, m, form)
    m.updated_at = clock.now(session)
    session.flush()


def missing_items(form: MoveInForm) -> tuple[str, ...]:
    """The mandatory items not yet done, in checklist order (Chinese names)."""
    missing: list[str] = []
    if not form.documents_checked:
        missing.append("资料核验")
    if not form.fees_settled:
        missing.append("费用结清")
    if form.water_reading_centi is None:
        missing.append("水表底数")
    if form.electricity_reading_centi is None:
        missing.append("电表底数")
    if sum(c for _t, c in form.keys) <= 0:
        missing.append("钥匙移交")
    if form.signed_on is None:
        missing.append("签字日期")
    return tuple(missing)


def complete_movein(session: Session, movein_id: int, *, expected_version: int | None) -> int:
    """Finish the move-in: refuses while a mandatory item is missing; returns the occupancy id."""
    m = _draft(session, movein_id, expected_version)
    info = get_movein(session, movein_id)
    missing = missing_items(info.form)
    if missing:
        raise NotAllowed("入伙手续未完成，缺少：" + "、".join(missing) + "。")
    assert m.signed_on is not None
    arrears = unit_arrears(session, m.unit_id, as_of=m.signed_on)
    if arrears.owed_fen > 0:
        raise NotAllowed(
            f"该房屋仍有欠费 {arrears.owed_fen / 100:.2f} 元，费用结清后才能办理入住。"
        )
    unit = session.get(Unit, m.unit_id)
    assert unit is not None
    assert m.water_reading_centi is not None
    assert m.electricity_reading_centi is not None
    record_unit_readings(
        session,
        unit,
        m.signed_on,
        {"water": m.water_reading_centi, "electricity": m.electricity_reading_centi},
    )
    occ = reg.start_occupancy(
        session, person_id=m.person_id, unit_id=m.unit_id, role=m.role, start_date=m.signed_on
    )
    m.occupancy_id = occ
    m.status = "completed"
    m.completed_at = clock.now(session)
    session.flush()
    return occ


def cancel_movein(session: Session, movein_id: int, *, expected_version: int | None) -> None:
    """Drop a half-done move-in (kept, marked cancelled)."""
    m = _draft(session, movein_id, expected_version)
    m.status = "cancelled"
    session.flush()


def get_movein(session: Session, movein_id: int) -> MoveInInfo:
    """The checklist with the unit, the occupant and what is still missing."""
    row = session.execute(
        select(MoveIn, Unit.code, Building.name, Person.name, Person.phone)
        .join(Unit, Unit.id == MoveIn.unit_id)
        .join(Building, Building.id == Unit.building_id)
        .join(Person, Person.id == MoveIn.person_id)
        .where(MoveIn.id == movein_id)
    ).first()
    if row is None:
        raise NotFound("该入伙记录不存在。")
    m, code, building, name, phone = row
    keys = tuple(
        (k.key_type, k.count)
        for k in session.scalars(
            select(MoveInKey).where(MoveInKey.movein_id == m.id).order_by(MoveInKey.id)
        )
    )
    form = MoveInForm(
        planned_on=m.planned_on,
        documents_checked=m.documents_checked,
        documents_note=m.documents_note,
        fees_settled=m.fees_settled,
        water_reading_centi=m.water_reading_centi,
        electricity_reading_centi=m.electricity_reading_centi,
        keys=keys,
        card_numbers=m.card_numbers,
        parking_requested=m.parking_requested,
        parking_note=m.parking_note,
        signed_on=m.signed_on,
        notes=m.notes,
    )
    return MoveInInfo(
        m.id,
        m.unit_id,
        code,
        building,
        m.person_id,
        name,
        shown_phone(actor_of(session), phone),
        m.role,
        m.status,
        form,
        m.occupancy_id,
        m.created_by,
        m.completed_at,
        m.version,
        missing_items(form) if m.status == "draft" else (),
    )


def find_or_create_person(session: Session, *, name: str, phone: str) -> int:
    """The new occupant: the registered person with this name and phone, or a new person."""
    name = text(name, "person_name", 50, "请填写新住户姓名。")
    phone = text(phone, "person_phone", 20)
    found = session.scalar(
        select(Person.id).where(Person.name == name, same_phone(phone)).order_by(Person.id)
    )
    if found is not None:
        return int(found)
    return reg.create_person(session, name=name, phone=phone)
