"""Archive writes: the checklist's kinds, documents with their scan, the paper's place and loans.

Who may do what: the checklist (kinds) is a manager's (``MANAGE_SETTINGS``); filing documents,
setting where the paper is kept and lending or taking back a paper is desk work
(``EDIT_REGISTRY``). :func:`file_printed` is called by the code that records a print (inside
its transaction, under its own permission check), so it checks nothing itself.

A scan is read from a file the clerk picked, checked (a file, not a folder, not empty, at
most :data:`MAX_SCAN_BYTES`, a PDF or an image by its content: :mod:`propdesk.archive.scans`)
before anything is written, and stored once per distinct content.
"""

from __future__ import annotations

import calendar
import hashlib
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.archive.models import ArchiveDocument, ArchiveFile, ArchiveKind, ArchiveLoan
from propdesk.archive.scans import read_scan
from propdesk.archive.values import DEFAULT_KINDS, MAX_SCAN_BYTES, Scope, Source, Stage
from propdesk.auth.permissions import Permission, require
from propdesk.errors import Conflict, NotFound, ValidationError
from propdesk.pii.exports import audit_personal_export
from propdesk.registry.models import Occupancy, Person, Unit
from propdesk.session_info import actor_name, actor_or_none
from propdesk.validate import clean_text


def add_months(day: date, months: int) -> date:
    """``day`` ``months`` later, on the month's last day when the day does not exist."""
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


# --- kinds (the checklist) -----------------------------------------------------------------


def ensure_defaults(session: Session) -> None:
    """Seed the default checklist if the archive has no kinds at all."""
    if session.scalar(select(ArchiveKind.id).limit(1)) is not None:
        return
    for n, (code, name, stage, scope, required, months) in enumerate(DEFAULT_KINDS):
        session.add(
            ArchiveKind(
                code=code,
                name=name,
                stage=stage,
                scope=scope,
                required=required,
                validity_months=months,
                active=True,
                sort_key=n * 10,
            )
        )
    session.flush()


def save_kind(
    session: Session,
    kind_id: int | None,
    *,
    name: str,
    stage: str,
    scope: str,
    required: bool,
    validity_months: int | None,
    active: bool = True,
    version: int | None = None,
) -> int:
    """Create (``kind_id`` None) or edit a document kind; returns its id."""
    require(actor_or_none(session), Permission.MANAGE_SETTINGS)
    ensure_defaults(session)
    name = clean_text(name, "name", 50, "请填写资料名称。", label="资料名称")
    if stage not in {s.value for s in Stage}:
        raise ValidationError("stage", "请选择所属阶段。")
    if scope not in {s.value for s in Scope}:
        raise ValidationError("scope", "请选择资料归属（房屋、住户或个人）。")
    if validity_months is not None and not 1 <= validity_months <= 600:
        raise ValidationError("validity_months", "有效期应为 1 到 600 个月，或不填表示长期有效。")
    clash = session.scalar(
        select(ArchiveKind.id).where(ArchiveKind.name == name, ArchiveKind.id != (kind_id or 0))
    )
    if clash is not None:
        raise ValidationError("name", f"已有名为“{name}”的资料种类。")
    if kind_id is None:
        last = session.scalar(select(ArchiveKind.sort_key).order_by(ArchiveKind.sort_key.desc()))
        kind = ArchiveKind(sort_key=(last or 0) + 10)
        session.add(kind)
    else:
        found = session.get(ArchiveKind, kind_id)
        if found is None:
            raise NotFound("找不到这种资料。")
        if version is not None and found.version != version:
            raise Conflict("这种资料刚被别人修改过，请重新打开后再改。")
        kind = found
    kind.name, kind.stage, kind.scope = name, stage, scope
    kind.required, kind.validity_months, kind.active = required, validity_months, active
    session.flush()
    return kind.id


# --- scans ---------------------------------------------------------------------------------


def store_file(session: Session, name: str, data: bytes) -> int:
    """The id of the stored file with this content (stored now if new)."""
    if len(data) > MAX_SCAN_BYTES:
        raise ValidationError("scan", f"文件太大，最大 {MAX_SCAN_BYTES // 1048576} MB。")
    digest = hashlib.sha256(data).hexdigest()
    found = session.scalar(select(ArchiveFile.id).where(ArchiveFile.sha256 == digest))
    if found is not None:
        return int(found)
    row = ArchiveFile(sha256=digest, file_name=name[:200], size=len(data), content=data)
    session.add(row)
    session.flush()
    return row.id


# --- documents -----------------------------------------------------------------------------


def _kind(session: Session, kind_id: int) -> ArchiveKind:
    kind = session.get(ArchiveKind, kind_id)
    if kind is None or not kind.active:
        raise ValidationError("kind", "请选择资料种类。")
    return kind


def _owner(
    session: Session,
    scope: str,
    unit_id: int | None,
    occupancy_id: int | None,
    person_id: int | None,
) -> tuple[int | None, int | None, int | None]:
    """(unit, occupancy, person) the document is filed on; the unit is kept for orientation."""
    if scope == Scope.UNIT:
        if unit_id is None or session.get(Unit, unit_id) is None:
            raise ValidationError("unit", "请选择房屋。")
        return unit_id, None, None
    if scope == Scope.HOUSEHOLD:
        occ = session.get(Occupancy, occupancy_id) if occupancy_id is not None else None
        if occ is None:
            raise ValidationError("owner", "请选择住户（这套房屋现在没有入住的住户）。")
        return occ.unit_id, occ.id, None
    if scope == Scope.PERSON:
        if person_id is None or session.get(Person, person_id) is None:
            raise ValidationError("owner", "请选择这份资料属于哪一位住户本人。")
        return unit_id, None, person_id
    raise ValidationError("scope", "请选择资料归属（房屋、住户或个人）。")


def add_document(
    session: Session,
    *,
    kind_id: int,
    scope: str | None = None,
    unit_id: int | None = None,
    occupancy_id: int | None = None,
    person_id: int | None = None,
    doc_date: date | None = None,
    expires_on: date | None = None,
    scan_path: str | Path | None = None,
    title: str = "",
    cabinet: str = "",
    box: str = "",
    note: str = "",
) -> int:
    """File a document; returns its id.

    ``scope`` defaults to the kind's. The expiry is the one entered, else the document's date
    plus the kind's validity, else none. The scan (optional) is checked before anything is
    written, so a bad file leaves nothing behind.
    """
    require(actor_or_none(session), Permission.EDIT_REGISTRY)
    ensure_defaults(session)
    kind = _kind(session, kind_id)
    scope = scope or kind.scope
    unit, occ, person = _owner(session, scope, unit_id, occupancy_id, person_id)
    today = clock.today(session)
    day = doc_date or today
    if day > today:
        raise ValidationError("doc_date", "资料日期不能晚于今天。")
    if expires_on is None and kind.validity_months:
        expires_on = add_months(day, kind.validity_months)
    if expires_on is not None and expires_on < day:
        raise ValidationError("expires_on", "到期日不能早于资料日期。")
    title = clean_text(title, "title", 100, label="标题")
    cabinet = clean_text(cabinet, "cabinet", 20, label="柜号")
    box = clean_text(box, "box", 20, label="盒号")
    note = clean_text(note, "note", 200, label="备注")
    scan = read_scan(scan_path) if scan_path is not None and str(scan_path) else None
    file_id = store_file(session, *scan) if scan is not None else None
    doc = ArchiveDocument(
        kind_id=kind.id,
        scope=scope,
        unit_id=unit,
        occupancy_id=occ,
        person_id=person,
        title=title or kind.name,
        doc_date=day,
        expires_on=expires_on,
        file_id=file_id,
        cabinet=cabinet,
        box=box,
        source=Source.MANUAL.value,
        note=note,
        filed_by=actor_name(session),
    )
    session.add(doc)
    session.flush()
    return doc.id


def _document(session: Session, document_id: int) -> ArchiveDocument:
    doc = session.get(ArchiveDocument, document_id)
    if doc is None:
        raise NotFound("找不到这份资料。")
    return doc


def attach_scan(session: Session, document_id: int, scan_path: str | Path) -> None:
    """Attach (or replace) the scan of a filed document."""
    require(actor_or_none(session), Permission.EDIT_REGISTRY)
    doc = _document(session, document_id)
    doc.file_id = store_file(session, *read_scan(scan_path))
    session.flush()


def set_location(session: Session, document_id: int, *, cabinet: str, box: str) -> None:
    """Where the paper original is kept (柜 cabinet, 盒 box)."""
    require(actor_or_none(session), Permission.EDIT_REGISTRY)
    doc = _document(session, document_id)
    doc.cabinet = clean_text(cabinet, "cabinet", 20, label="柜号")
    doc.box = clean_text(box, "box", 20, label="盒号")
    session.flush()


def lend_paper(
    session: Session, document_id: int, *, borrower: str, due_on: date, purpose: str = ""
) -> int:
    """Lend the paper original; a paper already out is refused. Returns the loan's id."""
    require(actor_or_none(session), Permission.EDIT_REGISTRY)
    doc = _document(session, document_id)
    borrower = clean_text(borrower, "borrower", 50, "请填写借阅人。", label="借阅人")
    purpose = clean_text(purpose, "purpose", 100, label="用途")
    if due_on < clock.today(session):
        raise ValidationError("due_on", "归还日期不能早于今天。")
    taken = session.execute(
        update(ArchiveDocument)
        .where(ArchiveDocument.id == doc.id, ArchiveDocument.on_loan.is_(False))
        .values(on_loan=True)
        .execution_options(synchronize_session=False)
    )
    if taken.rowcount != 1:  # type: ignore[attr-defined]
        out = session.scalar(
            select(ArchiveLoan.borrower).where(
                ArchiveLoan.document_id == doc.id, ArchiveLoan.returned_at.is_(None)
            )
        )
        raise Conflict(f"这份原件已借出（借阅人：{out or '未知'}），归还后才能再借。")
    loan = ArchiveLoan(
        document_id=doc.id,
        borrower=borrower,
        purpose=purpose,
        lent_at=clock.now(session),
        due_on=due_on,
        lent_by=actor_name(session),
    )
    session.add(loan)
    session.flush()
    session.refresh(doc)
    return loan.id


def return_paper(session: Session, document_id: int) -> None:
    """The borrowed paper original came back."""
    require(actor_or_none(session), Permission.EDIT_REGISTRY)
    doc = _document(session, document_id)
    loan = session.scalar(
        select(ArchiveLoan).where(
            ArchiveLoan.document_id == doc.id, ArchiveLoan.returned_at.is_(None)
        )
    )
    if loan is None or not doc.on_loan:
        raise Conflict("这份原件没有借出，无需归还。")
    loan.returned_at = clock.now(session)
    loan.returned_to = actor_name(session)
    doc.on_loan = False
    session.flush()


def open_scan(session: Session, document_id: int) -> tuple[str, bytes]:
    """The scan's file name and bytes, to open on this desk.

    A person's own paper (an ID card copy) shows the full ID number: opening it needs
    ``VIEW_FULL_ID`` and is audited as a personal-data export (the scan leaves the database
    as a file).
    """
    doc = _document(session, document_id)
    if doc.file_id is None:
        raise NotFound("这份资料没有扫描件。")
    if doc.scope == Scope.PERSON:
        require(actor_or_none(session), Permission.VIEW_FULL_ID)
        audit_personal_export(
            session, what=f"档案扫描件：{doc.title}", rows=1, fields=["扫描件"], full=True
        )
    row = session.execute(
        select(ArchiveFile.file_name, ArchiveFile.content).where(ArchiveFile.id == doc.file_id)
    ).one()
    return str(row.file_name), bytes(row.content)


# --- printed documents -----------------------------------------------------------------------


def file_printed(
    session: Session,
    unit_id: int,
    kind: str,
    title: str,
    pdf: bytes | str | Path,
    *,
    file_name: str = "",
    occupancy_id: int | None = None,
) -> int | None:
    """File a document PropDesk printed for ``unit_id`` (call it where the print is recorded,
    in the same transaction). ``kind`` is a printed kind's code (``receipt``,
    ``renovation_permit``, ``movein_form``, ``moveout_slip``, ``letter``); returns the
    document's id, or None when the kind was removed from the checklist."""
    return next(
        iter(
            file_printed_batch(
                session,
                [unit_id],
                kind,
                title,
                pdf,
                file_name=file_name,
                occupancy_id=occupancy_id,
            )
        ),
        None,
    )


def file_printed_batch(
    session: Session,
    unit_ids: Iterable[int],
    kind: str,
    title: str,
    pdf: bytes | str | Path,
    *,
    file_name: str = "",
    occupancy_id: int | None = None,
) -> list[int]:
    """:func:`file_printed` for a batch printed as one PDF (letters, notices): the PDF is
    stored once and filed on each unit."""
    units = list(dict.fromkeys(unit_ids))
    ensure_defaults(session)
    found = session.execute(
        select(ArchiveKind.id, ArchiveKind.validity_months).where(
            ArchiveKind.code == kind, ArchiveKind.active.is_(True)
        )
    ).first()
    if found is None or not units:
        return []
    if isinstance(pdf, bytes):
        name, data = (file_name or f"{title}.pdf"), pdf
    else:
        name, data = read_scan(pdf)
    file_id = store_file(session, name, data)
    today = clock.today(session)
    expires = add_months(today, found.validity_months) if found.validity_months else None
    by = actor_name(session)
    rows = [
        {
            "kind_id": found.id,
            "scope": Scope.UNIT.value if occupancy_id is None else Scope.HOUSEHOLD.value,
            "unit_id": unit,
            "occupancy_id": occupancy_id,
            "person_id": None,
            "title": title[:100],
            "doc_date": today,
            "expires_on": expires,
            "file_id": file_id,
            "cabinet": "",
            "box": "",
            "source": Source.PRINTED.value,
            "note": "",
            "on_loan": False,
            "filed_by": by,
        }
        for unit in units
    ]
    if len(rows) == 1:
        doc = ArchiveDocument(**rows[0])
        session.add(doc)
        session.flush()
        return [doc.id]
    session.execute(insert(ArchiveDocument), rows)
    return list(
        session.scalars(
            select(ArchiveDocument.id).where(
                ArchiveDocument.file_id == file_id,
                ArchiveDocument.kind_id == found.id,
                ArchiveDocument.unit_id.in_(units),
            )
        )
    )
