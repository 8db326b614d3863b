"""Renovation permits: application, deposit, approval or rejection, cancellation, acceptance.

The unit's status shows 装修中 (renovating) from approval until acceptance or cancellation;
the status it had before is restored afterwards. The deposit (装修押金) is taken into the
deposit ledger (:mod:`propdesk.deposits`, a 押金收据 of its own series): it is held money,
never a fee line, so it does not count as billed or collected.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.auth.permissions import Permission, require
from propdesk.deposits.ledger import receive_deposit
from propdesk.deposits.models import DepositKind
from propdesk.errors import Conflict, InvalidTransition, NotAllowed, NotFound, ValidationError
from propdesk.registry import services as reg
from propdesk.registry.models import Occupancy, OccupancyRole, Unit, UnitStatus
from propdesk.renovation.common import actor_of, fen, permit, text, who
from propdesk.renovation.models import RenovationPermit, RenovationWorker, Violation
from propdesk.renovation.values import PermitApplication, PermitStatus
from propdesk.renovation.workflow import next_state

#: The deposit ledger source of a permit's deposit (``source_ref`` is the permit id).
DEPOSIT_SOURCE = "renovation_permit"
MAX_WORKERS = 60


def _next_permit_no(session: Session, year: int) -> str:
    prefix = f"ZX{year}-"
    last = session.scalar(
        select(func.max(RenovationPermit.permit_no)).where(
            RenovationPermit.permit_no.like(f"{prefix}%")
        )
    )
    n = int(last[len(prefix) :]) + 1 if last else 1
    return f"{prefix}{n:04d}"


def apply_for_permit(session: Session, app: PermitApplication) -> int:
    """Register a renovation application (status 待审批); returns the permit id.

    Needs :attr:`Permission.EDIT_REGISTRY` (the desk registers it for the owner).
    """
    require(actor_of(session), Permission.EDIT_REGISTRY)
    unit = session.get(Unit, app.unit_id)
    if unit is None:
        raise NotFound("该房屋不存在。")
    owner = text(app.owner_name, "owner_name", 50, "请填写业主姓名。")
    contractor = text(
        app.contractor, "contractor", 100, "请填写装修公司（个人装修请填施工负责人）。"
    )
    scope = text(app.scope, "scope", 2000, "请填写装修内容。")
    if app.planned_end < app.planned_start:
        raise ValidationError("planned_end", "计划完工日期不能早于开工日期。")
    if (app.planned_end - app.planned_start).days > 366:
        raise ValidationError("planned_end", "装修工期不能超过一年。")
    deposit = fen(app.deposit_fen, "deposit_fen", "押金")
    if len(app.workers) > MAX_WORKERS:
        raise ValidationError("workers", f"施工人员不能超过 {MAX_WORKERS} 人。")
    active = session.scalar(
        select(RenovationPermit.permit_no).where(
            RenovationPermit.unit_id == app.unit_id,
            RenovationPermit.status.in_([PermitStatus.APPLIED, PermitStatus.APPROVED]),
        )
    )
    if active is not None:
        raise Conflict(f"该房屋已有未结束的装修申请 {active}，请先处理。")
    p = RenovationPermit(
        permit_no=_next_permit_no(session, app.planned_start.year),
        unit_id=app.unit_id,
        owner_name=owner,
        owner_phone=text(app.owner_phone, "owner_phone", 20),
        contractor=contractor,
        contractor_contact=text(app.contractor_contact, "contractor_contact", 50),
        contractor_phone=text(app.contractor_phone, "contractor_phone", 20),
        scope=scope,
        planned_start=app.planned_start,
        planned_end=app.planned_end,
        deposit_fen=deposit,
        status=PermitStatus.APPLIED.value,
        created_by=who(session),
    )
    session.add(p)
    session.flush()
    add_workers(session, p.id, [(w.name, w.phone) for w in app.workers])
    return p.id


def add_workers(session: Session, permit_id: int, workers: list[tuple[str, str]]) -> list[str]:
    """Register workers on a permit and issue their pass numbers (``<permit>-01``…).

    Needs :attr:`Permission.EDIT_REGISTRY`.
    """
    require(actor_of(session), Permission.EDIT_REGISTRY)
    p = permit(session, permit_id)
    if p.status not in (PermitStatus.APPLIED, PermitStatus.APPROVED):
        raise InvalidTransition("该装修已结束，不能再登记施工人员。")
    have = session.scalar(
        select(func.count(RenovationWorker.id)).where(RenovationWorker.permit_id == permit_id)
    )
    n = int(have or 0)
    if n + len(workers) > MAX_WORKERS:
        raise ValidationError("workers", f"施工人员不能超过 {MAX_WORKERS} 人。")
    rows: list[dict[str, object]] = []
    for name, phone in workers:
        n += 1
        rows.append(
            {
                "permit_id": permit_id,
                "name": text(name, "workers", 50, "请填写施工人员姓名。"),
                "phone": text(phone, "workers", 20),
                "pass_no": f"{p.permit_no}-{n:02d}",
            }
        )
    if rows:
        session.execute(insert(RenovationWorker), rows)
    return [str(r["pass_no"]) for r in rows]


def collect_deposit(
    session: Session,
    permit_id: int,
    *,
    method: str,
    txn_ref: str | None = None,
    paid_on: date | None = None,
) -> str:
    """Take the deposit into the deposit ledger; return its 押金收据 number.

    ``paid_on`` dates the payment when it was taken on an earlier day (default: today).
    """
    p = permit(session, permit_id, lock=True)
    if p.status not in (PermitStatus.APPLIED, PermitStatus.APPROVED):
        raise InvalidTransition("只有待审批或施工中的装修可以收取押金。")
    if p.deposit_fen == 0:
        raise ValidationError("deposit_fen", "该装修申请不收押金。")
    if p.deposit_receipt_no:
        raise InvalidTransition(f"押金已收取（收据 {p.deposit_receipt_no}）。")
    taken = receive_deposit(
        session,
        kind=DepositKind.RENOVATION,
        unit_id=p.unit_id,
        amount_fen=p.deposit_fen,
        method=method,
        payer=p.owner_name,
        description=f"装修押金 {p.permit_no}",
        source=DEPOSIT_SOURCE,
        source_ref=str(p.id),
        txn_ref=txn_ref,
        on=paid_on,
    )
    p.deposit_receipt_no = taken.receipt_no
    session.flush()
    return taken.receipt_no


def approve_permit(
    session: Session,
    permit_id: int,
    *,
    expected_version: int | None = None,
    at: datetime | None = None,
) -> None:
    """A supervisor approves (审批通过): the permit is active and the unit shows 装修中.

    ``at`` is when the decision was made (default: now)."""
    require(actor_of(session), Permission.APPROVE)
    p = permit(session, permit_id, lock=True)
    reg.check_version("装修申请", p.version, expected_version)
    target = next_state(p.status, "approve")
    if p.deposit_fen and not p.deposit_receipt_no:
        raise NotAllowed("押金尚未收取，收取押金后才能批准。")
    unit = session.get(Unit, p.unit_id)
    assert unit is not None
    p.previous_unit_status = unit.status
    if unit.status != UnitStatus.RENOVATING:
        reg.update_unit(session, unit.id, expected_version=None, status=UnitStatus.RENOVATING)
    p.status = target.value
    p.decided_by = who(session)
    p.decided_at = clock.at_or_now(session, at)
    session.flush()


def reject_permit(
    session: Session,
    permit_id: int,
    *,
    reason: str,
    expected_version: int | None = None,
    at: datetime | None = None,
) -> None:
    """A supervisor rejects the application with a reason (the deposit, if taken, stays
    on the unit's account until refunded by the cashier); ``at`` as for approval."""
    require(actor_of(session), Permission.APPROVE)
    p = permit(session, permit_id, lock=True)
    reg.check_version("装修申请", p.version, expected_version)
    target = next_state(p.status, "reject")
    p.decision_reason = text(reason, "reason", 300, "请填写驳回原因。")
    p.status = target.value
    p.decided_by = who(session)
    p.decided_at = clock.at_or_now(session, at)
    session.flush()


def _restore_unit(session: Session, p: RenovationPermit) -> None:
    """After the renovation the unit shows who lives there now (someone may have moved in
    meanwhile): rented with a current tenant, occupied with other occupants, else vacant."""
    unit = session.get(Unit, p.unit_id)
    if unit is None or unit.status != UnitStatus.RENOVATING:
        return
    roles = set(
        session.scalars(
            select(Occupancy.role).where(Occupancy.unit_id == unit.id, Occupancy.end_date.is_(None))
        )
    )
    if OccupancyRole.TENANT.value in roles:
        back = UnitStatus.RENTED
    elif roles:
        back = UnitStatus.OCCUPIED
    else:
        back = UnitStatus.VACANT
    reg.update_unit(session, unit.id, expected_version=None, status=back)


def cancel_permit(session: Session, permit_id: int, *, reason: str) -> None:
    """Withdraw an application or stop an approved renovation (业主撤销).

    Needs :attr:`Permission.EDIT_REGISTRY` (the desk records the owner's withdrawal).
    """
    require(actor_of(session), Permission.EDIT_REGISTRY)
    p = permit(session, permit_id, lock=True)
    target = next_state(p.status, "cancel")
    if p.status == PermitStatus.APPROVED:
        _restore_unit(session, p)
    p.decision_reason = text(reason, "reason", 300, "请填写撤销原因。")
    p.status = target.value
    session.flush()


def accept_permit(
    session: Session,
    permit_id: int,
    *,
    on: date | None = None,
    note: str = "",
    expected_version: int | None = None,
) -> None:
    """Completion acceptance (竣工验收): refused while a violation is not rectified."""
    require(actor_of(session), Permission.APPROVE)
    p = permit(session, permit_id, lock=True)
    reg.check_version("装修申请", p.version, expected_version)
    target = next_state(p.status, "accept")
    open_count = session.scalar(
        select(func.count(Violation.id)).where(
            Violation.permit_id == permit_id, Violation.status == "open"
        )
    )
    if open_count:
        raise NotAllowed(f"还有 {open_count} 项违规未整改，整改复查后才能验收。")
    day = clock.day_or_today(session, on)
    if day < p.planned_start:
        raise ValidationError("accepted_on", "验收日期不能早于开工日期。")
    _restore_unit(session, p)
    p.status = target.value
    p.accepted_on = day
    p.accepted_by = who(session)
    p.acceptance_note = text(note, "note", 300)
    session.flush()
