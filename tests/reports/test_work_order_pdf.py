"""The work order PDF: Chinese text extracted back, embedded font, paid-repair lines."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta
from typing import Any

from pypdf import PdfReader

from propdesk.db.engine import Database
from propdesk.tickets import services as svc
from propdesk.tickets.costs import CostLineInput, set_cost_lines
from propdesk.tickets.print_data import work_order_data
from reports.pdf.work_order import work_order_pdf
from tests.propdesk.tickets.helpers import CLERK, SUPERVISOR, category_id, make_desk

T0 = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)


def _text(pdf: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


def _embedded(pdf: bytes) -> bool:
    page: Any = PdfReader(io.BytesIO(pdf)).pages[0]
    for font in page["/Resources"]["/Font"].values():
        f = font.get_object()
        desc = f.get("/FontDescriptor")
        if desc is None and "/DescendantFonts" in f:
            desc = f["/DescendantFonts"][0].get_object().get("/FontDescriptor")
        if desc is not None and desc.get_object().get("/FontFile2") is not None:
            return True
    return False


def _ticket(db: Database) -> int:
    desk = make_desk(db)
    cat = category_id(db, "repair", "plumbing")
    with db.begin(CLERK) as s:
        tid = svc.create_ticket(
            s,
            svc.Intake(
                kind="repair",
                category_id=cat,
                urgency="emergency",
                description="厨房水槽下水管破裂，地面大量积水",
                unit_id=desk.unit_id,
                person_id=desk.person_id,
                is_paid=True,
            ),
            at=T0,
        ).id
        set_cost_lines(
            s,
            tid,
            [
                CostLineInput("labour", "更换下水管人工", 1, 8000),
                CostLineInput("material", "PVC下水管", 2, 2550),
            ],
        )
        svc.dispatch(s, tid, staff_id=desk.plumber_id, at=T0 + timedelta(minutes=5))
    return tid


def test_work_order_text_and_font(sqlite_db: Database) -> None:
    tid = _ticket(sqlite_db)
    with sqlite_db.begin(CLERK) as s:
        data = work_order_data(s, tid)
    pdf = work_order_pdf(data)
    text = _text(pdf)
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1
    for expected in (
        "派工单",
        "翠湖花园",
        "BX20261123-0001",
        "3-2-1502",
        "张三",
        "13812345678",  # the technician calls ahead: the phone prints in full
        "水暖管道",
        "紧急",
        "厨房水槽下水管破裂",
        "刘师傅（工程部）",
        "王前台",
        "2026-11-23 10:00",  # intake, local time
        "2026-11-23 12:00",  # response due (2 h)
        "2026-11-24 10:00",  # completion due (24 h)
        "到场时间",
        "处理情况",
        "使用材料",
        "业主 / 住户签字",
        "更换下水管人工",
        "131.00",  # 80.00 + 2 × 25.50
    ):
        assert expected in text, expected
    assert _embedded(pdf)


def test_supervisor_print_shows_full_phone(sqlite_db: Database) -> None:
    tid = _ticket(sqlite_db)
    with sqlite_db.begin(SUPERVISOR) as s:
        text = _text(work_order_pdf(work_order_data(s, tid)))
    assert "13812345678" in text


def test_printing_the_phone_for_the_technician_is_audited(sqlite_db: Database) -> None:
    from sqlalchemy import select

    from propdesk.audit.models import AuditEntry

    tid = _ticket(sqlite_db)
    with sqlite_db.begin(CLERK) as s:
        work_order_data(s, tid)
    with sqlite_db.begin(SUPERVISOR) as s:
        rows = s.execute(
            select(AuditEntry.action, AuditEntry.table_name, AuditEntry.changes).where(
                AuditEntry.action == "reveal"
            )
        ).all()
    assert [(r.table_name, "派工单" in r.changes and "维修人员" in r.changes) for r in rows] == [
        ("ticket", True)
    ]
