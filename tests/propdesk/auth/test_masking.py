"""Personal data is masked in lists, prints and exports unless the role may see it; ID
numbers leave the system masked for every role; the full ID is shown only by the audited
reveal."""

from __future__ import annotations

import io
from datetime import date

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select

from propdesk.audit.models import AuditEntry
from propdesk.auth.actor import Actor, Role
from propdesk.auth.reveal import reveal_id_number, reveal_phone
from propdesk.db.engine import Database
from propdesk.errors import NotAllowed
from propdesk.privacy import mask_id_number, mask_phone, shown_id_number, shown_phone
from propdesk.registry import services as reg
from propdesk.registry.ledger_lines import ledger_rows
from propdesk.registry.search import search
from reports.excel.owners import write_export
from reports.pdf.owner_ledger import owner_ledger_pdf

CLERK = Actor(user_id=1, username="clerk", display_name="前台", role=Role.CLERK)
FINANCE = Actor(user_id=2, username="fin", display_name="财务", role=Role.FINANCE)
SUPERVISOR = Actor(user_id=3, username="sup", display_name="主管", role=Role.SUPERVISOR)
PHONE = "13812345678"
ID_NUMBER = "110101199003071233"


def _estate(db: Database) -> tuple[int, int, int]:
    with db.begin(SUPERVISOR) as s:
        eid = reg.create_estate(s, name="翠湖花园")
        bid = reg.create_building(s, estate_id=eid, code="3", floors=18, entrances=2)
        uid = reg.create_unit(s, building_id=bid, entrance=2, room="1502", area="89.56")
        pid = reg.create_person(s, name="张三", phone=PHONE, id_number=ID_NUMBER)
        reg.start_occupancy(
            s, person_id=pid, unit_id=uid, role="owner", start_date=date(2020, 5, 1)
        )
    return bid, uid, pid


def test_mask_functions() -> None:
    assert mask_phone(PHONE) == "138****5678"
    assert mask_phone("02188886666") == "021****6666"
    assert mask_phone("0571-8888666") == "0571****8666"
    assert mask_phone("") == ""
    assert mask_id_number(ID_NUMBER) == "1101**********1233"
    assert mask_id_number(None) == ""
    assert shown_phone(CLERK, PHONE) == "138****5678"
    assert shown_phone(SUPERVISOR, PHONE) == PHONE
    assert shown_phone(None, PHONE) == "138****5678"
    assert shown_id_number(FINANCE, ID_NUMBER) == "1101**********1233"


@pytest.mark.parametrize(("actor", "phone_shown"), [(CLERK, "138****5678"), (SUPERVISOR, PHONE)])
def test_lists_mask_for_roles_without_view_full_id(
    db: Database, actor: Actor, phone_shown: str
) -> None:
    _, uid, pid = _estate(db)
    with db.begin(actor) as s:
        dossier = reg.get_unit_dossier(s, uid)
        hits = search(s, "张三")
        person = reg.get_person(s, pid).person
    assert [o.phone for o in dossier.current] == [phone_shown]
    assert phone_shown in hits[0].subtitle
    assert person.phone == phone_shown
    assert person.id_number == "1101**********1233"  # every role: full only via reveal


@pytest.mark.parametrize(("actor", "phone_shown"), [(CLERK, "138****5678"), (SUPERVISOR, PHONE)])
def test_print_and_export_mask(db: Database, actor: Actor, phone_shown: str) -> None:
    bid, _, _ = _estate(db)
    with db.begin(actor) as s:
        lines = ledger_rows(s, building_id=bid, actor=actor)
    pdf = owner_ledger_pdf(lines, estate_name="翠湖花园", building_name="3栋")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert phone_shown in text
    assert ID_NUMBER not in text
    if phone_shown != PHONE:
        assert PHONE not in text
    sheet = load_workbook(io.BytesIO(write_export(lines)), read_only=True).active
    assert sheet is not None
    cells = {str(c) for row in sheet.iter_rows(values_only=True) for c in row if c is not None}
    assert phone_shown in cells
    assert "1101**********1233" in cells
    assert ID_NUMBER not in cells


def test_reveal_needs_permission_and_is_audited(db: Database) -> None:
    _, _, pid = _estate(db)
    with pytest.raises(NotAllowed), db.begin(CLERK) as s:
        reveal_id_number(s, pid)
    with db.begin(SUPERVISOR) as s:
        assert reveal_id_number(s, pid) == ID_NUMBER
        assert reveal_phone(s, pid) == PHONE
    with db.begin() as s:
        rows = list(
            s.scalars(
                select(AuditEntry).where(AuditEntry.action == "reveal").order_by(AuditEntry.id)
            )
        )
    assert [(r.username, r.record_id) for r in rows] == [("sup", str(pid)), ("sup", str(pid))]
    assert [r.changes for r in rows] == ['{"fields": ["id_number"]}', '{"fields": ["phone"]}']
