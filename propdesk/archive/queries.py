"""Archive reads: a unit's documents and checklist, completeness per building, loans.

Which documents count for a unit: its own (scope ``unit``), those of its current household
(an occupancy of the unit not ended) and those of the persons living there now (scope
``person``). A household's papers leave with it; the unit's stay.

Which stages apply to a unit: 交房入住 when someone lives there now, 装修 once the unit has a
renovation application, 迁出 once a move-out was recorded. A required kind of an applying
stage is *present* when a document of that kind has not expired (no expiry, or expiring
today or later), *expired* when all its documents have, else *missing*.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import cache
from typing import Any

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    Executable,
    Integer,
    Subquery,
    bindparam,
    literal,
    select,
    union_all,
)
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.archive.models import ArchiveDocument, ArchiveFile, ArchiveKind, ArchiveLoan
from propdesk.archive.values import (
    ArchiveSummary,
    BuildingCompleteness,
    ChecklistLine,
    DocState,
    DocumentRow,
    KindRow,
    LoanRow,
    Scope,
    Stage,
    UnitCompleteness,
)
from propdesk.errors import NotFound
from propdesk.movein.models import MoveOut
from propdesk.registry.models import Building, Occupancy, Person, Unit
from propdesk.renovation.models import RenovationPermit

CHECKLIST_STAGES = (Stage.MOVEIN.value, Stage.RENOVATION.value, Stage.MOVEOUT.value)


def list_kinds(session: Session, *, include_inactive: bool = False) -> tuple[KindRow, ...]:
    stmt = select(ArchiveKind).order_by(ArchiveKind.sort_key, ArchiveKind.id)
    if not include_inactive:
        stmt = stmt.where(ArchiveKind.active.is_(True))
    return tuple(
        KindRow(
            k.id,
            k.code,
            k.name,
            k.stage,
            k.scope,
            k.required,
            k.validity_months,
            k.active,
            k.version,
        )
        for k in session.scalars(stmt)
    )


def buildings(session: Session) -> tuple[tuple[int, str], ...]:
    """(id, name) of every building in order."""
    rows = session.execute(
        select(Building.id, Building.name, Building.code).order_by(Building.sort_key, Building.id)
    )
    return tuple((r.id, r.name or r.code) for r in rows)


def _doc_units(unit_ids: Sequence[int] | BindParameter[int]) -> Subquery:
    """(unit_id, document id) of every document counting for one of ``unit_ids`` (or for the
    unit a bound parameter names, in a statement built once)."""
    d = ArchiveDocument

    def of(column: Any) -> ColumnElement[bool]:
        if isinstance(unit_ids, BindParameter):
            return column == unit_ids  # type: ignore[no-any-return]
        return column.in_(unit_ids)  # type: ignore[no-any-return]

    own = select(d.unit_id.label("unit_id"), d.id.label("doc_id")).where(
        d.scope == Scope.UNIT.value, of(d.unit_id)
    )
    household = (
        select(Occupancy.unit_id.label("unit_id"), d.id.label("doc_id"))
        .join(Occupancy, Occupancy.id == d.occupancy_id)
        .where(
            d.scope == Scope.HOUSEHOLD.value,
            Occupancy.end_date.is_(None),
            of(Occupancy.unit_id),
        )
    )
    person = (
        select(Occupancy.unit_id.label("unit_id"), d.id.label("doc_id"))
        .join(Occupancy, Occupancy.person_id == d.person_id)
        .where(
            d.scope == Scope.PERSON.value,
            Occupancy.end_date.is_(None),
            of(Occupancy.unit_id),
        )
        .distinct()
    )
    return union_all(own, household, person).subquery()


def _states(
    session: Session, unit_ids: Sequence[int], today: date
) -> dict[tuple[int, int], DocState]:
    """(unit, kind) → present/expired for every kind with at least one document."""
    out: dict[tuple[int, int], DocState] = {}
    for start in range(0, len(unit_ids), 500):
        chunk = list(unit_ids[start : start + 500])
        link = _doc_units(chunk)
        rows = session.execute(
            select(link.c.unit_id, ArchiveDocument.kind_id, ArchiveDocument.expires_on).join(
                ArchiveDocument, ArchiveDocument.id == link.c.doc_id
            )
        )
        for unit_id, kind_id, expires in rows:
            key = (int(unit_id), int(kind_id))
            if expires is None or expires >= today:
                out[key] = DocState.PRESENT
            else:
                out.setdefault(key, DocState.EXPIRED)
    return out


def _stages(session: Session, unit_ids: Sequence[int]) -> dict[int, set[str]]:
    """The checklist stages that apply to each unit."""
    out: dict[int, set[str]] = {u: set() for u in unit_ids}
    for start in range(0, len(unit_ids), 500):
        chunk = list(unit_ids[start : start + 500])
        for stage, stmt in (
            (
                Stage.MOVEIN.value,
                select(Occupancy.unit_id).where(
                    Occupancy.unit_id.in_(chunk), Occupancy.end_date.is_(None)
                ),
            ),
            (
                Stage.RENOVATION.value,
                select(RenovationPermit.unit_id).where(RenovationPermit.unit_id.in_(chunk)),
            ),
            (Stage.MOVEOUT.value, select(MoveOut.unit_id).where(MoveOut.unit_id.in_(chunk))),
        ):
            for unit_id in session.scalars(stmt.distinct()):
                out[int(unit_id)].add(stage)
    return out


def _required(session: Session) -> list[ArchiveKind]:
    return list(
        session.scalars(
            select(ArchiveKind)
            .where(
                ArchiveKind.active.is_(True),
                ArchiveKind.required.is_(True),
                ArchiveKind.stage.in_(CHECKLIST_STAGES),
            )
            .order_by(ArchiveKind.sort_key, ArchiveKind.id)
        )
    )


def completeness(session: Session, building_id: int) -> BuildingCompleteness:
    """Present, missing and expired required documents of every unit of a building."""
    building = session.get(Building, building_id)
    if building is None:
        raise NotFound("找不到这栋楼。")
    units = session.execute(
        select(Unit.id, Unit.code)
        .where(Unit.building_id == building_id)
        .order_by(Unit.entrance, Unit.floor, Unit.room, Unit.id)
    ).all()
    ids = [int(u.id) for u in units]
    today = clock.today(session)
    states = _states(session, ids, today)
    stages = _stages(session, ids)
    kinds = _required(session)
    out: list[UnitCompleteness] = []
    for u in units:
        present: list[str] = []
        missing: list[str] = []
        expired: list[str] = []
        for k in kinds:
            if k.stage not in stages[u.id]:
                continue
            state = states.get((u.id, k.id), DocState.MISSING)
            {DocState.PRESENT: present, DocState.EXPIRED: expired, DocState.MISSING: missing}[
                state
            ].append(k.name)
        out.append(UnitCompleteness(u.id, u.code, tuple(present), tuple(missing), tuple(expired)))
    return BuildingCompleteness(building.id, building.name or building.code, tuple(out))


def unit_checklist(session: Session, unit_id: int) -> tuple[ChecklistLine, ...]:
    """Every active kind of the checklist stages for the unit, with its state (``missing``
    only for required kinds of a stage that applies; an optional kind without a document is
    listed as missing with ``required`` False)."""
    today = clock.today(session)
    states = _states(session, [unit_id], today)
    kinds = session.scalars(
        select(ArchiveKind)
        .where(ArchiveKind.active.is_(True))
        .order_by(ArchiveKind.sort_key, ArchiveKind.id)
    )
    newest: dict[int, tuple[int, date | None]] = {}
    for doc in unit_documents(session, unit_id):
        newest.setdefault(doc.kind_id, (doc.id, doc.expires_on))
    lines = []
    for k in kinds:
        doc_id, expires = newest.get(k.id, (None, None))
        state = states.get((unit_id, k.id), DocState.MISSING)
        lines.append(ChecklistLine(k.id, k.name, k.stage, k.required, state, doc_id, expires))
    return tuple(lines)


def unit_documents(session: Session, unit_id: int) -> tuple[DocumentRow, ...]:
    """The documents counting for the unit, newest first, with their loan state."""
    link = _doc_units([unit_id])
    d = ArchiveDocument
    open_loan = (
        select(ArchiveLoan.document_id, ArchiveLoan.borrower, ArchiveLoan.due_on)
        .where(ArchiveLoan.returned_at.is_(None))
        .subquery()
    )
    rows = session.execute(
        select(
            d,
            ArchiveKind.name,
            ArchiveKind.stage,
            Person.name,
            ArchiveFile.file_name,
            ArchiveFile.size,
            open_loan.c.borrower,
            open_loan.c.due_on,
        )
        .join(link, link.c.doc_id == d.id)
        .join(ArchiveKind, ArchiveKind.id == d.kind_id)
        .outerjoin(Person, Person.id == d.person_id)
        .outerjoin(ArchiveFile, ArchiveFile.id == d.file_id)
        .outerjoin(open_loan, open_loan.c.document_id == d.id)
        .order_by(d.doc_date.desc(), d.id.desc())
    )
    return tuple(
        DocumentRow(
            doc.id,
            doc.kind_id,
            kind_name,
            stage,
            doc.scope,
            doc.unit_id,
            doc.occupancy_id,
            doc.person_id,
            person or "",
            doc.title,
            doc.doc_date,
            doc.expires_on,
            doc.file_id,
            file_name or "",
            int(size or 0),
            doc.cabinet,
            doc.box,
            doc.source,
            doc.on_loan,
            borrower or "",
            due_on,
            doc.version,
        )
        for doc, kind_name, stage, person, file_name, size, borrower, due_on in rows
    )


def unit_summary(session: Session, unit_id: int) -> ArchiveSummary:
    """The unit page's panel: the same figures as :func:`unit_checklist` and
    :func:`unit_documents` give, read in three light statements built once (the page opens
    on every search hit, so building SQLAlchemy expressions would cost more than running
    them)."""
    docs_stmt, stages_stmt, kinds_stmt = _summary_statements()
    params = {"unit_id": unit_id}
    today = clock.today(session)
    documents = on_loan = 0
    states: dict[int, DocState] = {}
    for kind_id, expires, lent in session.execute(docs_stmt, params):
        documents += 1
        on_loan += 1 if lent else 0
        if expires is None or expires >= today:
            states[int(kind_id)] = DocState.PRESENT
        else:
            states.setdefault(int(kind_id), DocState.EXPIRED)
    stages = set(session.scalars(stages_stmt, params))
    present = 0
    missing: list[str] = []
    expired: list[str] = []
    for kind_id, name, stage in session.execute(kinds_stmt):
        if stage not in stages:
            continue
        state = states.get(int(kind_id), DocState.MISSING)
        if state == DocState.PRESENT:
            present += 1
        elif state == DocState.EXPIRED:
            expired.append(str(name))
        else:
            missing.append(str(name))
    return ArchiveSummary(
        documents=documents,
        present=present,
        missing=tuple(missing),
        expired=tuple(expired),
        on_loan=on_loan,
        required=present + len(missing) + len(expired),
    )


@cache
def _summary_statements() -> tuple[Executable, Executable, Executable]:
    """(documents counting for ``:unit_id``: kind, expiry, on loan; the stages applying to
    it; the required kinds of the checklist stages) — which documents count is
    :func:`_doc_units` itself; the stages and kinds follow :func:`_stages` and
    :func:`_required` for one unit, with the unit a bound parameter."""
    unit: BindParameter[int] = bindparam("unit_id", type_=Integer)
    d = ArchiveDocument
    link = _doc_units(unit)
    docs = select(d.kind_id, d.expires_on, d.on_loan).join(link, link.c.doc_id == d.id)
    lived_in = select(Occupancy.id).where(Occupancy.unit_id == unit, Occupancy.end_date.is_(None))
    renovated = select(RenovationPermit.id).where(RenovationPermit.unit_id == unit)
    moved_out = select(MoveOut.id).where(MoveOut.unit_id == unit)
    stages = union_all(
        select(literal(Stage.MOVEIN.value)).where(lived_in.exists()),
        select(literal(Stage.RENOVATION.value)).where(renovated.exists()),
        select(literal(Stage.MOVEOUT.value)).where(moved_out.exists()),
    )
    kinds = (
        select(ArchiveKind.id, ArchiveKind.name, ArchiveKind.stage)
        .where(
            ArchiveKind.active.is_(True),
            ArchiveKind.required.is_(True),
            ArchiveKind.stage.in_(CHECKLIST_STAGES),
        )
        .order_by(ArchiveKind.sort_key, ArchiveKind.id)
    )
    return docs, select(stages.subquery()), kinds


def applicable_stages(session: Session, unit_id: int) -> frozenset[str]:
    return frozenset(_stages(session, [unit_id])[unit_id])


def loans(session: Session, document_id: int) -> tuple[LoanRow, ...]:
    rows = session.scalars(
        select(ArchiveLoan)
        .where(ArchiveLoan.document_id == document_id)
        .order_by(ArchiveLoan.lent_at.desc(), ArchiveLoan.id.desc())
    )
    return tuple(
        LoanRow(
            r.id,
            r.document_id,
            r.borrower,
            r.purpose,
            r.lent_at,
            r.due_on,
            r.lent_by,
            r.returned_at,
            r.returned_to,
        )
        for r in rows
    )


def current_households(session: Session, unit_id: int) -> tuple[tuple[int, int, str, str], ...]:
    """(occupancy id, person id, person name, role) of those living in the unit now."""
    rows = session.execute(
        select(Occupancy.id, Person.id, Person.name, Occupancy.role)
        .join(Person, Person.id == Occupancy.person_id)
        .where(Occupancy.unit_id == unit_id, Occupancy.end_date.is_(None))
        .order_by(Occupancy.start_date, Occupancy.id)
    )
    return tuple((int(a), int(b), str(c), str(d)) for a, b, c, d in rows)


def unit_label(session: Session, unit_id: int) -> str:
    code = session.scalar(select(Unit.code).where(Unit.id == unit_id))
    if code is None:
        raise NotFound("找不到这套房屋。")
    return str(code)
