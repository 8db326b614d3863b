"""Read-side of renovation: a permit's whole file, and what needs attention at a glance."""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

from sqlalchemy import Executable, Integer, bindparam, func, select
from sqlalchemy.orm import Session

from propdesk.privacy import shown_phone
from propdesk.registry.models import Unit
from propdesk.renovation.common import actor_of, permit
from propdesk.renovation.inspections import inspections_due
from propdesk.renovation.models import (
    DepositDeduction,
    Inspection,
    InspectionPhoto,
    RenovationPermit,
    RenovationWorker,
    Violation,
    ViolationType,
)
from propdesk.renovation.values import (
    DeductionInfo,
    GlanceRow,
    InspectionInfo,
    PermitInfo,
    PermitStatus,
    ViolationInfo,
    WorkerInfo,
)

#: An active permit ending within this many days is "expiring".
EXPIRING_DAYS = 3


def get_permit(session: Session, permit_id: int) -> PermitInfo:
    """The permit with its workers, inspections (and violations) and deductions."""
    p = permit(session, permit_id)
    actor = actor_of(session)
    code = session.scalar(select(Unit.code).where(Unit.id == p.unit_id)) or ""
    workers = tuple(
        WorkerInfo(w.id, w.name, shown_phone(actor, w.phone), w.pass_no)
        for w in session.scalars(
            select(RenovationWorker)
            .where(RenovationWorker.permit_id == permit_id)
            .order_by(RenovationWorker.id)
        )
    )
    photos = dict(
        session.execute(
            select(InspectionPhoto.inspection_id, func.count(InspectionPhoto.id))
            .join(Inspection, Inspection.id == InspectionPhoto.inspection_id)
            .where(Inspection.permit_id == permit_id)
            .group_by(InspectionPhoto.inspection_id)
        ).all()
    )
    by_insp: dict[int, list[ViolationInfo]] = {}
    for v, tcode, tname in session.execute(
        select(Violation, ViolationType.code, ViolationType.name)
        .join(ViolationType, ViolationType.id == Violation.type_id)
        .where(Violation.permit_id == permit_id)
        .order_by(Violation.id)
    ).all():
        by_insp.setdefault(v.inspection_id, []).append(
            ViolationInfo(
                v.id,
                v.inspection_id,
                tcode,
                tname,
                v.description,
                v.deadline,
                v.status,
                v.rectified_on,
                v.follow_up_note,
                v.ticket_id,
            )
        )
    inspections = tuple(
        InspectionInfo(
            i.id,
            i.inspected_on,
            i.inspector,
            i.result,
            i.notes,
            int(photos.get(i.id, 0)),
            tuple(by_insp.get(i.id, ())),
        )
        for i in session.scalars(
            select(Inspection)
            .where(Inspection.permit_id == permit_id)
            .order_by(Inspection.inspected_on.desc(), Inspection.id.desc())
        )
    )
    deductions = tuple(
        DeductionInfo(d.reason, d.amount_fen)
        for d in session.scalars(
            select(DepositDeduction)
            .where(DepositDeduction.permit_id == permit_id)
            .order_by(DepositDeduction.id)
        )
    )
    return PermitInfo(
        p.id,
        p.permit_no,
        p.unit_id,
        code,
        p.owner_name,
        shown_phone(actor, p.owner_phone),
        p.contractor,
        p.contractor_contact,
        shown_phone(actor, p.contractor_phone),
        p.scope,
        p.planned_start,
        p.planned_end,
        p.deposit_fen,
        p.deposit_receipt_no,
        p.status,
        p.decision_reason,
        p.decided_by,
        p.decided_at,
        p.accepted_on,
        p.accepted_by,
        p.acceptance_note,
        p.refund_fen,
        p.refunded_on,
        p.version,
        workers,
        inspections,
        deductions,
    )


def overdue_violations(session: Session, day: date) -> list[GlanceRow]:
    """Open violations whose rectification deadline has passed (deadline < ``day``)."""
    rows = session.execute(
        select(
            RenovationPermit.id,
            RenovationPermit.permit_no,
            Unit.code,
            Violation.deadline,
            ViolationType.name,
            Violation.description,
        )
        .join(RenovationPermit, RenovationPermit.id == Violation.permit_id)
        .join(Unit, Unit.id == RenovationPermit.unit_id)
        .join(ViolationType, ViolationType.id == Violation.type_id)
        .where(Violation.status == "open", Violation.deadline < day)
        .order_by(Violation.deadline, Unit.code)
    ).all()
    return [
        GlanceRow(
            "violation_overdue",
            pid,
            no,
            code,
            deadline,
            f"违规逾期未整改：{name}" + (f"（{desc}）" if desc else ""),
        )
        for pid, no, code, deadline, name, desc in rows
    ]


def permits_ending(session: Session, day: date) -> list[GlanceRow]:
    """Active permits past their planned end (overdue) or ending within EXPIRING_DAYS."""
    rows = session.execute(
        select(
            RenovationPermit.id, RenovationPermit.permit_no, Unit.code, RenovationPermit.planned_end
        )
        .join(Unit, Unit.id == RenovationPermit.unit_id)
        .where(
            RenovationPermit.status == PermitStatus.APPROVED,
            RenovationPermit.planned_end <= day + timedelta(days=EXPIRING_DAYS),
        )
        .order_by(RenovationPermit.planned_end, Unit.code)
    ).all()
    out: list[GlanceRow] = []
    for pid, no, code, end in rows:
        if end < day:
            out.append(
                GlanceRow("permit_overdue", pid, no, code, end, f"超期 {(day - end).days} 天未验收")
            )
        else:
            out.append(
                GlanceRow("permit_expiring", pid, no, code, end, f"{(end - day).days} 天后到期")
            )
    return out


def at_a_glance(session: Session, day: date) -> list[GlanceRow]:
    """Everything needing attention on ``day``: overdue violations, overdue and expiring
    permits, and inspections due (daily rounds and follow-ups)."""
    rows = overdue_violations(session, day) + permits_ending(session, day)
    rows += [
        GlanceRow("inspection_due", d.permit_id, d.permit_no, d.unit_code, day, d.what)
        for d in inspections_due(session, day)
    ]
    return rows


def attention_counts(session: Session, day: date) -> tuple[int, int]:
    """(permits past their planned end, open violations past their deadline) for the status bar."""
    overdue_permits = session.scalar(
        select(func.count(RenovationPermit.id)).where(
            RenovationPermit.status == PermitStatus.APPROVED, RenovationPermit.planned_end < day
        )
    )
    overdue_viol = session.scalar(
        select(func.count(Violation.id)).where(Violation.status == "open", Violation.deadline < day)
    )
    return int(overdue_permits or 0), int(overdue_viol or 0)


def active_permit_of_unit(session: Session, unit_id: int) -> int | None:
    """The unit's open (applied or approved) permit, if any."""
    return session.scalar(
        select(RenovationPermit.id).where(
            RenovationPermit.unit_id == unit_id,
            RenovationPermit.status.in_([PermitStatus.APPLIED, PermitStatus.APPROVED]),
        )
    )


def unit_permits(session: Session, unit_id: int) -> list[GlanceRow]:
    """The unit's permits, newest first, as short lines (for the unit page)."""
    counts_stmt, permits_stmt = _unit_permit_statements()
    unit = {"unit_id": unit_id}
    open_counts = {int(p): int(n) for p, n in session.execute(counts_stmt, unit)}
    rows = session.execute(permits_stmt, unit).all()
    return [
        GlanceRow(
            status,
            pid,
            no,
            code,
            end,
            f"{start:%Y-%m-%d}–{end:%Y-%m-%d}"
            + (f"，{open_counts[pid]} 项违规未整改" if open_counts.get(pid) else ""),
        )
        for pid, no, status, start, end, code in rows
    ]


@cache
def _unit_permit_statements() -> tuple[Executable, Executable]:
    """(open violations per permit, the permits) of the unit ``:unit_id``; built once, as
    the unit page reads them for every unit opened."""
    unit = bindparam("unit_id", type_=Integer)
    counts = (
        select(Violation.permit_id, func.count(Violation.id))
        .join(RenovationPermit, RenovationPermit.id == Violation.permit_id)
        .where(RenovationPermit.unit_id == unit, Violation.status == "open")
        .group_by(Violation.permit_id)
    )
    permits = (
        select(
            RenovationPermit.id,
            RenovationPermit.permit_no,
            RenovationPermit.status,
            RenovationPermit.planned_start,
            RenovationPermit.planned_end,
            Unit.code,
        )
        .join(Unit, Unit.id == RenovationPermit.unit_id)
        .where(RenovationPermit.unit_id == unit)
        .order_by(RenovationPermit.planned_start.desc(), RenovationPermit.id.desc())
    )
    return counts, permits


def permit_photos(session: Session, permit_id: int) -> list[tuple[str, str, bytes]]:
    """The permit's inspection photos: (inspection date and inspector, file name, content)."""
    rows = session.execute(
        select(
            Inspection.inspected_on,
            Inspection.inspector,
            InspectionPhoto.file_name,
            InspectionPhoto.content,
        )
        .join(Inspection, Inspection.id == InspectionPhoto.inspection_id)
        .where(Inspection.permit_id == permit_id)
        .order_by(Inspection.inspected_on.desc(), InspectionPhoto.id)
    ).all()
    return [(f"{day:%Y-%m-%d} {who}", name, bytes(content)) for day, who, name, content in rows]


def glance_counts(session: Session, day: date) -> dict[str, int]:
    """How many rows of each at-a-glance kind there are on ``day`` (for the status bar)."""
    counts = dict.fromkeys(
        ("permit_overdue", "permit_expiring", "inspection_due", "violation_overdue"), 0
    )
    for row in at_a_glance(session, day):
        counts[row.kind] += 1
    return counts
