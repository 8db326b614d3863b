"""Move-out (迁出/退租): final readings, keys and cards back, arrears settled or waived.

Open arrears (every unsettled line, with late fees) refuse the move-out unless a manager
records a waiver (Permission.WAIVE) with a reason — the manager at the desk, or a manager
who typed their password at a clerk's desk, giving a single-use approval for this
occupancy (:mod:`propdesk.auth.approvals`); the arrears stay on the account for
collection. The occupancy is closed on the move-out date and a slip number (放行条) is
issued for the guards.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.auth.approvals import ApprovalAction, record_key, redeem_approval
from propdesk.auth.permissions import Permission, require
from propdesk.errors import NotAllowed, NotFound, ValidationError
from propdesk.fees.arrears import unit_arrears
from propdesk.movein.common import actor_of, check_reading, record_unit_readings, text, who
from propdesk.movein.models import MoveOut
from propdesk.movein.values import MoveOutForm, MoveOutInfo
from propdesk.registry import services as reg
from propdesk.registry.models import Occupancy, Person, Unit


def open_arrears_fen(session: Session, unit_id: int) -> int:
    """Everything the unit still owes now: open lines (due or not) plus late fees."""
    arrears = unit_arrears(session, unit_id)
    return sum(line.owed_fen + line.late_fee_fen for line in arrears.lines)


def _next_slip_no(session: Session, year: int) -> str:
    prefix = f"FX{year}-"
    last = session.scalar(
        select(func.max(MoveOut.slip_no)).where(MoveOut.slip_no.like(f"{prefix}%"))
    )
    n = int(last[len(prefix) :]) + 1 if last else 1
    return f"{prefix}{n:04d}"


def move_out_record(occupancy_id: int) -> str:
    """What a move-out release approval is bound to: the occupancy that ends."""
    return record_key("occupancy", occupancy_id)


def record_move_out(session: Session, form: MoveOutForm, *, approval: str | None = None) -> int:
    """Record a move-out and close the occupancy; returns the move-out id (see module doc).

    ``approval``: a manager's single-use approval (release with arrears) for this occupancy.
    """
    occ = session.get(Occupancy, form.occupancy_id)
    if occ is None:
        raise NotFound("该入住记录不存在。")
    if occ.end_date is not None:
        raise ValidationError("occupancy_id", f"该住户已于 {occ.end_date:%Y-%m-%d} 迁出。")
    if form.moved_out_on > clock.today(session):
        raise ValidationError("moved_out_on", "迁出日期不能晚于今天。")
    water = check_reading(form.water_reading_centi, "water_reading")
    elec = check_reading(form.electricity_reading_centi, "electricity_reading")
    if water is None or elec is None:
        raise ValidationError("water_reading", "请抄录水表和电表的最终读数。")
    if isinstance(form.keys_returned, bool) or form.keys_returned < 0:
        raise ValidationError("keys_returned", "交回钥匙数量不正确。")
    owed = open_arrears_fen(session, occ.unit_id)
    waiver = text(form.waiver_reason, "waiver_reason", 200)
    waiver_by = ""
    if owed > 0:
        if not waiver:
            raise NotAllowed(
                f"该房屋尚有欠费 {owed / 100:.2f} 元，须结清或经理批准减免后才能迁出。"
            )
        if approval is None:
            require(actor_of(session), Permission.WAIVE)
        if len(waiver) < 2:
            raise ValidationError("waiver_reason", "请填写经理批准的原因。")
        if approval is None:
            waiver_by = who(session)
        else:
            waiver_by = redeem_approval(
                session,
                approval,
                action=ApprovalAction.MOVE_OUT_RELEASE,
                record=move_out_record(form.occupancy_id),
            ).display_name
    elif waiver:
        waiver = ""
    unit = session.get(Unit, occ.unit_id)
    person = session.get(Person, occ.person_id)
    assert unit is not None
    assert person is not None
    record_unit_readings(session, unit, form.moved_out_on, {"water": water, "electricity": elec})
    reg.end_occupancy(session, occ.id, end_date=form.moved_out_on, reason="迁出")
    mo = MoveOut(
        slip_no=_next_slip_no(session, form.moved_out_on.year),
        unit_id=unit.id,
        occupancy_id=occ.id,
        person_name=person.name,
        moved_out_on=form.moved_out_on,
        water_reading_centi=water,
        electricity_reading_centi=elec,
        keys_returned=form.keys_returned,
        cards_returned=text(form.cards_returned, "cards_returned", 300),
        open_arrears_fen=owed,
        waiver_reason=waiver,
        waiver_by=waiver_by,
        items_note=text(form.items_note, "items_note", 200),
        created_by=who(session),
    )
    session.add(mo)
    session.flush()
    return mo.id


def get_move_out(session: Session, moveout_id: int) -> MoveOutInfo:
    row = session.execute(
        select(MoveOut, Unit.code)
        .join(Unit, Unit.id == MoveOut.unit_id)
        .where(MoveOut.id == moveout_id)
    ).first()
    if row is None:
        raise NotFound("该迁出记录不存在。")
    m, code = row
    return MoveOutInfo(
        m.id,
        m.slip_no,
        m.unit_id,
        code,
        m.person_name,
        m.moved_out_on,
        m.water_reading_centi,
        m.electricity_reading_centi,
        m.keys_returned,
        m.cards_returned,
        m.open_arrears_fen,
        m.waiver_reason,
        m.waiver_by,
        m.items_note,
        m.created_by,
    )
