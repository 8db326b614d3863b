"""Demo step: the household archive of most units, some papers missing or expired, a few
originals out on loan (one overdue).

For every unit, the required documents of the stages that apply (交房入住 when lived in,
装修 after a renovation application, 迁出 after a move-out) are filed with a probability of
about 85 %. Expiry follows the checklist: only a kind with a validity (a renovation permit, a
lease) gets one, its date plus the validity, and one in four of those has already expired; a
contract, a title deed or a handover form never expires. A renovation's papers are dated
from its application. Documents get a cabinet and box by building, and a small stored scan
(one per kind). Deterministic: the seeded ``ctx.rng`` and ``ctx.today`` only; bulk inserts.
"""

from __future__ import annotations

import hashlib
from datetime import date, timedelta
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from propdesk.archive.models import ArchiveDocument, ArchiveFile, ArchiveKind, ArchiveLoan
from propdesk.archive.queries import CHECKLIST_STAGES
from propdesk.archive.services import add_months, ensure_defaults
from propdesk.archive.values import Scope, Source, Stage
from propdesk.demo.bulk import insert_with_ids
from propdesk.demo.steps import DemoContext
from propdesk.movein.models import MoveOut
from propdesk.registry.models import Occupancy, Unit
from propdesk.renovation.models import RenovationPermit

BORROWERS = ("工程部 刘工", "客服主管 陈姐", "法务 周律师", "财务 孙会计", "业主 本人")
PURPOSES = ("核对房屋面积", "办理产权变更", "纠纷调解", "核对押金", "复印留底")


def _scan_pdf(label: str) -> bytes:
    """A minimal one-page PDF standing in for a scanned paper (ASCII text only)."""
    text = f"PropDesk demo scan: {label}".replace("(", "").replace(")", "")
    stream = f"BT /F1 18 Tf 60 760 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return out


def build_archive(session: Session, ctx: DemoContext) -> None:
    ensure_defaults(session)
    rng = ctx.rng
    today = ctx.today
    kinds = list(
        session.scalars(
            select(ArchiveKind)
            .where(ArchiveKind.active.is_(True), ArchiveKind.stage.in_(CHECKLIST_STAGES))
            .order_by(ArchiveKind.sort_key)
        )
    )
    files: dict[int, int] = {}
    file_rows = []
    for k in kinds:
        data = _scan_pdf(f"kind {k.id} {k.stage}")
        file_rows.append(
            {
                "sha256": hashlib.sha256(data).hexdigest(),
                "file_name": f"{k.name.replace('/', '-')}.pdf",
                "size": len(data),
                "content": data,
            }
        )
    for k, fid in zip(kinds, insert_with_ids(session, ArchiveFile, file_rows), strict=True):
        files[k.id] = fid

    units = session.execute(select(Unit.id, Unit.building_id).order_by(Unit.id)).all()
    occupied: dict[int, tuple[int, int]] = {}
    for o_id, o_unit, o_person in session.execute(
        select(Occupancy.id, Occupancy.unit_id, Occupancy.person_id)
        .where(Occupancy.end_date.is_(None))
        .order_by(Occupancy.start_date, Occupancy.id)
    ):
        occupied.setdefault(o_unit, (o_id, o_person))  # the first (earliest) household
    renovated: dict[int, date] = {}  # unit → start of its latest renovation
    for r_unit, r_start in session.execute(
        select(RenovationPermit.unit_id, RenovationPermit.planned_start).order_by(
            RenovationPermit.planned_start, RenovationPermit.id
        )
    ):
        renovated[r_unit] = r_start
    moved_out = set(session.scalars(select(MoveOut.unit_id).distinct()))

    rows: list[dict[str, Any]] = []
    for unit_id, building_id in units:
        stages = set()
        if unit_id in occupied:
            stages.add(Stage.MOVEIN.value)
        if unit_id in renovated:
            stages.add(Stage.RENOVATION.value)
        if unit_id in moved_out:
            stages.add(Stage.MOVEOUT.value)
        for k in kinds:
            if k.stage not in stages or rng.random() > (0.85 if k.required else 0.3):
                continue
            if k.stage == Stage.RENOVATION.value:
                day = min(today, renovated[unit_id]) - timedelta(days=rng.randint(2, 10))
            else:
                day = today - timedelta(days=rng.randint(20, 1500))
            expires = None
            if k.validity_months:  # only a kind that expires gets an expiry
                expires = add_months(day, k.validity_months)
                if rng.random() < 1 / 4:
                    expires = today - timedelta(days=rng.randint(1, 200))
                    day = min(day, expires - timedelta(days=30))
            pair = occupied.get(unit_id)
            occ_id = pair[0] if pair else None
            person_id = pair[1] if pair else None
            if k.scope == Scope.HOUSEHOLD and occ_id is None:
                continue
            if k.scope == Scope.PERSON and person_id is None:
                continue
            rows.append(
                {
                    "kind_id": k.id,
                    "scope": k.scope,
                    "unit_id": unit_id,
                    "occupancy_id": occ_id if k.scope == Scope.HOUSEHOLD else None,
                    "person_id": person_id if k.scope == Scope.PERSON else None,
                    "title": k.name,
                    "doc_date": day,
                    "expires_on": expires,
                    "file_id": files[k.id] if rng.random() < 0.7 else None,
                    "cabinet": f"{building_id:02d}-{k.stage[:1].upper()}",
                    "box": f"{unit_id % 40 + 1:02d}",
                    "source": Source.MANUAL.value,
                    "note": "",
                    "on_loan": False,
                    "filed_by": "演示数据",
                    "created_at": ctx.now,
                    "updated_at": ctx.now,
                    "version": 1,
                }
            )
        ctx.progress(unit_id / max(1, units[-1][0] if units else 1), "一户一档")
    ids = insert_with_ids(session, ArchiveDocument, rows)
    if not ids:
        return
    loans = []
    lent = rng.sample(range(len(ids)), min(6, len(ids)))
    for n, i in enumerate(lent):
        lent_days = rng.randint(1, 20)
        loans.append(
            {
                "document_id": ids[i],
                "borrower": BORROWERS[n % len(BORROWERS)],
                "purpose": PURPOSES[n % len(PURPOSES)],
                "lent_at": ctx.now - timedelta(days=lent_days, hours=rng.randint(1, 6)),
                # the first one is overdue
                "due_on": today - timedelta(days=2) if n == 0 else today + timedelta(days=7),
                "lent_by": "演示数据",
                "returned_at": None,
                "returned_to": "",
            }
        )
    session.execute(insert(ArchiveLoan), loans)
    doc_ids = [ids[i] for i in lent]
    session.execute(
        update(ArchiveDocument)
        .where(ArchiveDocument.id.in_(doc_ids))
        .values(on_loan=True)
        .execution_options(synchronize_session=False)
    )
