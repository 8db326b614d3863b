"""Role cases of the household archive: the checklist needs MANAGE_SETTINGS; filing,
scans, the paper's place and lending EDIT_REGISTRY."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy.orm import Session

from propdesk.archive import services as svc
from propdesk.auth.permissions import Permission
from tests.propdesk.archive.helpers import kind_id
from tests.propdesk.auth.role_matrix import Call, Guarded

DUE = date(2100, 1, 1)


def _document(c: Call) -> int:
    def make(s: Session) -> int:
        return svc.add_document(s, kind_id=kind_id(s, "房屋交接单"), unit_id=c.world.unit_id)

    return int(c.as_system(make))


def _lent(c: Call) -> int:
    did = _document(c)
    c.as_system(lambda s: svc.lend_paper(s, did, borrower="刘工", due_on=DUE))
    return did


def _scan(c: Call) -> tuple[int, str]:
    did = _document(c)
    path = c.world.tmp / f"scan_{c.tag}.pdf"
    path.write_bytes(b"%PDF-1.4 " + c.tag.encode())
    return did, str(path)


def _id_copy(c: Call) -> int:
    path = c.world.tmp / f"id_{c.tag}.pdf"
    path.write_bytes(b"%PDF-1.4 id " + c.tag.encode())

    def make(s: Session) -> int:
        return svc.add_document(
            s,
            kind_id=kind_id(s, "业主身份证复印件"),
            person_id=c.world.person_id,
            scan_path=path,
        )

    return int(c.as_system(make))


CASES = [
    Guarded(
        "propdesk.archive.services.open_scan",
        Permission.VIEW_FULL_ID,
        lambda c: c.run(lambda s: svc.open_scan(s, c.prepared)),
        _id_copy,
    ),
    Guarded(
        "propdesk.archive.services.save_kind",
        Permission.MANAGE_SETTINGS,
        lambda c: c.run(
            lambda s: svc.save_kind(
                s,
                None,
                name=f"车位协议{c.tag}",
                stage="movein",
                scope="unit",
                required=False,
                validity_months=12,
            )
        ),
    ),
    Guarded(
        "propdesk.archive.services.add_document",
        Permission.EDIT_REGISTRY,
        lambda c: c.run(
            lambda s: svc.add_document(
                s,
                kind_id=kind_id(s, "房屋交接单"),
                unit_id=c.world.unit_id,
                doc_date=date(2020, 1, 1) + timedelta(days=c.n),
            )
        ),
    ),
    Guarded(
        "propdesk.archive.services.attach_scan",
        Permission.EDIT_REGISTRY,
        lambda c: c.run(lambda s: svc.attach_scan(s, c.prepared[0], c.prepared[1])),
        _scan,
    ),
    Guarded(
        "propdesk.archive.services.set_location",
        Permission.EDIT_REGISTRY,
        lambda c: c.run(lambda s: svc.set_location(s, c.prepared, cabinet="A1", box="02")),
        _document,
    ),
    Guarded(
        "propdesk.archive.services.lend_paper",
        Permission.EDIT_REGISTRY,
        lambda c: c.run(lambda s: svc.lend_paper(s, c.prepared, borrower="刘工", due_on=DUE)),
        _document,
    ),
    Guarded(
        "propdesk.archive.services.return_paper",
        Permission.EDIT_REGISTRY,
        lambda c: c.run(lambda s: svc.return_paper(s, c.prepared)),
        _lent,
    ),
]
