"""Patrol records: start a patrol on a route, tick each checkpoint, finish.

A checkpoint not ticked when the patrol finishes is recorded as *missed*, never as
normal. An abnormal finding raises one service ticket (source ``patrol``) through the
service desk; the finding keeps the ticket id and :func:`finding_for_ticket` leads back.
"""

from __future__ import annotations

import shutil
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import ColumnElement, and_, case, func, or_, select, update
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.config import data_dir
from propdesk.desk.common import actor_of, clean, local_date
from propdesk.desk.models import Patrol, PatrolCheckpoint, PatrolFinding, PatrolRoute
from propdesk.desk.values import (
    AnomalyRow,
    FindingInfo,
    FindingResult,
    PatrolInfo,
    PatrolStatus,
    PatrolSummary,
    RaisedTicket,
)
from propdesk.errors import Conflict, InvalidTransition, NotFound, ValidationError
from propdesk.tickets.models import Ticket
from propdesk.tickets.values import OPEN_STATUSES, TicketKind, TicketSource, Urgency

PHOTO_FOLDER = "attachments/patrols"
MAX_PHOTO_BYTES = 20 * 1024 * 1024
OPEN_TICKET = [s.value for s in OPEN_STATUSES]


def start_patrol(session: Session, route_id: int, *, at: datetime | None = None) -> int:
    """Start a patrol on a route: one pending finding per active checkpoint, in order."""
    now = clock.at_or_now(session, at)
    actor = actor_of(session)
    route = session.get(PatrolRoute, route_id)
    if route is None or not route.active:
        raise ValidationError("route_id", "请选择一条启用的巡查路线。")
    points = list(
        session.scalars(
            select(PatrolCheckpoint)
            .where(PatrolCheckpoint.route_id == route.id, PatrolCheckpoint.active.is_(True))
            .order_by(PatrolCheckpoint.seq, PatrolCheckpoint.id)
        )
    )
    if not points:
        raise ValidationError("route_id", "该路线没有巡查点，请先在设置中添加。")
    patrol = Patrol(
        route_id=route.id,
        route_name=route.name,
        local_day=local_date(now),
        status=PatrolStatus.IN_PROGRESS.value,
        started_at=now,
        patroller=actor.display_name,
        by_user_id=actor.user_id,
        created_at=now,
        updated_at=now,
    )
    session.add(patrol)
    session.flush()
    for seq, cp in enumerate(points, start=1):
        session.add(
            PatrolFinding(
                patrol_id=patrol.id,
                checkpoint_id=cp.id,
                seq=seq,
                checkpoint_name=cp.name,
                what_to_check=cp.what_to_check,
                unit_id=cp.unit_id,
                result=FindingResult.PENDING.value,
            )
        )
    session.flush()
    return patrol.id


def _patrol_for_change(session: Session, patrol_id: int) -> Patrol:
    patrol = session.get(Patrol, patrol_id, with_for_update=True)
    if patrol is None:
        raise NotFound("找不到该巡查记录。")
    if patrol.status != PatrolStatus.IN_PROGRESS.value:
        raise InvalidTransition("该巡查已结束，不能再修改检查结果。")
    return patrol


def record_finding(
    session: Session,
    finding_id: int,
    *,
    result: str,
    note: str = "",
    photo: Path | None = None,
    at: datetime | None = None,
) -> None:
    """Tick one checkpoint normal or abnormal (an abnormal one needs a note), with a photo."""
    now = clock.at_or_now(session, at)
    finding = session.get(PatrolFinding, finding_id, with_for_update=True)
    if finding is None:
        raise NotFound("找不到该巡查点记录。")
    _patrol_for_change(session, finding.patrol_id)
    if result not in (FindingResult.NORMAL.value, FindingResult.ABNORMAL.value):
        raise ValidationError("result", "请选择“正常”或“异常”。")
    note = clean(note, "note", 500)
    if result == FindingResult.ABNORMAL.value and not note:
        raise ValidationError("note", "异常情况请写明发现的问题。")
    if finding.ticket_id is not None and result != FindingResult.ABNORMAL.value:
        raise InvalidTransition("该异常已生成工单，不能改为正常。")
    if photo is not None:
        finding.photo_path = _store_photo(finding, Path(photo))
    finding.result, finding.note, finding.checked_at = result, note, now
    session.flush()


def _store_photo(finding: PatrolFinding, source: Path) -> str:
    if not source.is_file():
        raise ValidationError("photo", f"找不到照片文件：{source}")
    if source.stat().st_size > MAX_PHOTO_BYTES:
        raise ValidationError("photo", "照片超过20MB，请压缩后再附加。")
    folder = data_dir() / PHOTO_FOLDER / str(finding.patrol_id)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{finding.seq:02d}-{source.name}"
    n = 1
    while target.exists():
        target = folder / f"{finding.seq:02d}-{source.stem}-{n}{source.suffix}"
        n += 1
    shutil.copy2(source, target)
    return target.relative_to(data_dir()).as_posix()


def photo_file(stored_path: str) -> Path | None:
    """The full path of a finding's photo, or None when it has none."""
    return data_dir() / stored_path if stored_path else None


def finish_patrol(
    session: Session, patrol_id: int, *, note: str = "", at: datetime | None = None
) -> int:
    """Finish a patrol; every checkpoint still unticked becomes *missed*. Returns how many."""
    now = clock.at_or_now(session, at)
    patrol = _patrol_for_change(session, patrol_id)
    pending = (
        PatrolFinding.patrol_id == patrol.id,
        PatrolFinding.result == FindingResult.PENDING.value,
    )
    missed = int(session.scalar(select(func.count(PatrolFinding.id)).where(*pending)) or 0)
    session.execute(
        update(PatrolFinding)
        .where(*pending)
        .values(result=FindingResult.MISSED.value)
        .execution_options(synchronize_session="fetch")
    )
    patrol.status = PatrolStatus.FINISHED.value
    patrol.finished_at = now
    patrol.note = clean(note, "note", 500)
    session.flush()
    return missed


def raise_ticket(
    session: Session,
    finding_id: int,
    *,
    category_id: int | None = None,
    urgency: str = Urgency.NORMAL.value,
    at: datetime | None = None,
) -> RaisedTicket:
    """Turn an abnormal finding into one repair ticket (source "patrol"), linked both ways.

    ``category_id`` defaults to :func:`suggested_category`. A finding that already
    has its ticket is refused (:class:`Conflict`), so a double click makes one ticket.
    """
    from propdesk.tickets.services import Intake, create_ticket

    now = clock.at_or_now(session, at)
    finding = session.get(PatrolFinding, finding_id, with_for_update=True)
    if finding is None:
        raise NotFound("找不到该巡查点记录。")
    if finding.result != FindingResult.ABNORMAL.value:
        raise InvalidTransition("只有异常的巡查点才能生成工单。")
    if finding.ticket_id is not None:
        number = session.scalar(select(Ticket.number).where(Ticket.id == finding.ticket_id))
        raise Conflict(f"该异常已生成工单 {number}，不会重复生成。")
    if category_id is None:
        category_id = suggested_category(session, finding.id)
        if category_id is None:
            raise ValidationError("category_id", "没有可用的报修分类，请先在工单设置中添加。")
    patrol = session.get(Patrol, finding.patrol_id)
    assert patrol is not None
    location = "" if finding.unit_id is not None else finding.checkpoint_name
    created = create_ticket(
        session,
        Intake(
            kind=TicketKind.REPAIR.value,
            category_id=category_id,
            description=f"巡查发现（{patrol.route_name}·{finding.checkpoint_name}）：{finding.note}",
            source=TicketSource.PATROL.value,
            urgency=urgency,
            unit_id=finding.unit_id,
            location=location[:100],
            reporter_name=patrol.patroller,
        ),
        at=now,
    )
    finding.ticket_id = created.id
    session.flush()
    return RaisedTicket(finding.id, created.id, created.number)


# The repair category a finding suggests, by the checkpoint's area (service-desk codes).
AREA_CATEGORY = {
    "elevator": "elevator",
    "vacant": "leak",
    "lobby": "public_area",
    "fire": "public_area",
    "garage": "public_area",
    "roof": "public_area",
    "plant": "public_area",
    "other": "public_area",
}


def suggested_category(session: Session, finding_id: int) -> int | None:
    """The active repair category suited to a finding's checkpoint area (else the first one)."""
    from propdesk.tickets import catalog

    catalog.ensure_defaults(session)
    repair = [c for c in catalog.list_categories(session, TicketKind.REPAIR.value) if c.active]
    area = session.scalar(
        select(PatrolCheckpoint.area)
        .join(PatrolFinding, PatrolFinding.checkpoint_id == PatrolCheckpoint.id)
        .where(PatrolFinding.id == finding_id)
    )
    code = AREA_CATEGORY.get(area or "", "")
    chosen = next((c for c in repair if c.code == code), repair[0] if repair else None)
    return chosen.id if chosen is not None else None


def resolve_finding(
    session: Session, finding_id: int, *, note: str, at: datetime | None = None
) -> None:
    """Close an abnormal finding that needs no ticket (e.g. fixed on the spot), with a note."""
    now = clock.at_or_now(session, at)
    finding = session.get(PatrolFinding, finding_id, with_for_update=True)
    if finding is None:
        raise NotFound("找不到该巡查点记录。")
    if finding.result != FindingResult.ABNORMAL.value:
        raise InvalidTransition("只有异常的巡查点需要处理。")
    if finding.resolved_at is not None:
        raise Conflict("该异常已处理。")
    finding.resolved_note = clean(note, "note", 200, required="请写明如何处理的。")
    finding.resolved_at = now
    session.flush()


def finding_for_ticket(session: Session, ticket_id: int) -> FindingInfo | None:
    """The patrol finding a ticket was raised from (the back link), or None."""
    fid = session.scalar(select(PatrolFinding.id).where(PatrolFinding.ticket_id == ticket_id))
    return None if fid is None else _finding_infos(session, PatrolFinding.id == fid)[0]


def _finding_infos(session: Session, *where: ColumnElement[bool]) -> list[FindingInfo]:
    rows = session.execute(
        select(PatrolFinding, Ticket.number)
        .outerjoin(Ticket, Ticket.id == PatrolFinding.ticket_id)
        .where(*where)
        .order_by(PatrolFinding.patrol_id, PatrolFinding.seq)
    )
    return [
        FindingInfo(
            f.id,
            f.patrol_id,
            f.seq,
            f.checkpoint_name,
            f.what_to_check,
            f.unit_id,
            f.result,
            f.note,
            f.photo_path,
            f.checked_at,
            f.ticket_id,
            number or "",
            f.resolved_at,
        )
        for f, number in rows
    ]


def patrol_detail(session: Session, patrol_id: int) -> PatrolInfo:
    """A patrol and its findings in walking order."""
    p = session.get(Patrol, patrol_id)
    if p is None:
        raise NotFound("找不到该巡查记录。")
    findings = _finding_infos(session, PatrolFinding.patrol_id == p.id)
    return PatrolInfo(
        p.id,
        p.route_id,
        p.route_name,
        p.status,
        p.local_day,
        p.started_at,
        p.finished_at,
        p.patroller,
        p.version,
        tuple(findings),
    )


def patrols_of_day(session: Session, day: date | None = None) -> list[PatrolSummary]:
    """The patrols of a local day with how far each got (the desk overview)."""
    day = clock.day_or_today(session, day)
    f = PatrolFinding
    stmt = (
        select(
            Patrol.id,
            Patrol.route_name,
            Patrol.status,
            Patrol.patroller,
            Patrol.started_at,
            Patrol.finished_at,
            func.count(f.id).label("points"),
            func.sum(case((f.result.in_(["normal", "abnormal"]), 1), else_=0)).label("checked"),
            func.sum(case((f.result == "abnormal", 1), else_=0)).label("abnormal"),
            func.sum(case((f.result == "missed", 1), else_=0)).label("missed"),
        )
        .join(f, f.patrol_id == Patrol.id)
        .where(Patrol.local_day == day)
        .group_by(Patrol.id)
        .order_by(Patrol.started_at, Patrol.id)
    )
    return [
        PatrolSummary(
            r.id,
            r.route_name,
            r.status,
            r.patroller,
            r.started_at,
            r.finished_at,
            int(r.points),
            int(r.checked or 0),
            int(r.abnormal or 0),
            int(r.missed or 0),
        )
        for r in session.execute(stmt)
    ]


def open_anomaly_condition() -> ColumnElement[bool]:
    """Abnormal, not resolved on the spot, and either no ticket or its ticket still open.

    Select from ``patrol_finding LEFT JOIN ticket``.
    """
    return and_(
        PatrolFinding.result == FindingResult.ABNORMAL.value,
        PatrolFinding.resolved_at.is_(None),
        or_(PatrolFinding.ticket_id.is_(None), Ticket.status.in_(OPEN_TICKET)),
    )


def open_anomalies(session: Session, *, limit: int = 500) -> list[AnomalyRow]:
    """Open patrol anomalies, oldest first."""
    stmt = (
        select(
            PatrolFinding.id,
            PatrolFinding.patrol_id,
            PatrolFinding.checked_at,
            Patrol.route_name,
            PatrolFinding.checkpoint_name,
            PatrolFinding.note,
            PatrolFinding.ticket_id,
            Ticket.number.label("ticket_number"),
            Ticket.status.label("ticket_status"),
        )
        .join(Patrol, Patrol.id == PatrolFinding.patrol_id)
        .outerjoin(Ticket, Ticket.id == PatrolFinding.ticket_id)
        .where(open_anomaly_condition())
        .order_by(PatrolFinding.checked_at, PatrolFinding.id)
        .limit(limit)
    )
    return [
        AnomalyRow(
            r.id,
            r.patrol_id,
            r.checked_at,
            r.route_name,
            r.checkpoint_name,
            r.note,
            r.ticket_id,
            r.ticket_number or "",
            r.ticket_status or "",
        )
        for r in session.execute(stmt)
    ]


def count_open_anomalies(session: Session) -> int:
    stmt = (
        select(func.count(PatrolFinding.id))
        .select_from(PatrolFinding)
        .outerjoin(Ticket, Ticket.id == PatrolFinding.ticket_id)
        .where(open_anomaly_condition())
    )
    return int(session.scalar(stmt) or 0)
