"""Exports are inert: user text never becomes an Excel formula or ReportLab markup."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from propdesk.fees.document_values import (
    ArrearsSheetRow,
    EstateHeader,
    FeeSheetRow,
    GridRow,
    NoticeLine,
    NoticePage,
)
from propdesk.fees.prepaid_values import PrepaidRow
from propdesk.fees.receipts import ReceiptData, ReceiptLine
from propdesk.registry.ledger import LedgerLine
from propdesk.tickets.values import WorkOrderData
from reports.excel.cells import inert_row, is_risky
from reports.excel.fees import write_arrears_sheet, write_fee_sheet
from reports.excel.fees_readings import write_reading_sheet
from reports.excel.monthly_report import monthly_report_xlsx
from reports.excel.owners import write_error_report, write_export
from reports.excel.prepaid import write_prepaid_sheet
from reports.pdf.fee_notices import notices_pdf
from reports.pdf.notice import NoticePrint, notice_pdf
from reports.pdf.owner_ledger import owner_ledger_pdf
from reports.pdf.receipt import receipt_pdf
from reports.pdf.work_order import work_order_pdf
from tests.reports.monthly_sample import sample_report

FORMULA = '=HYPERLINK("http://x","y")'
MARKUP = "王<b"
NAMES = (FORMULA, MARKUP, "+86 138", "-1", "@SUM(A1)", "\tx", "\rx")


def _cells(data: bytes | Path) -> list[Any]:
    wb = load_workbook(io.BytesIO(data) if isinstance(data, bytes) else data)
    return [c for ws in wb.worksheets for row in ws.iter_rows() for c in row]


#: The one formula our exports write themselves: the totals row's SUBTOTAL of a column.
OUR_FORMULA = re.compile(r"^=(SUBTOTAL\(9,[A-Z]+\d+:[A-Z]+\d+\)|0)$")


def _not_ours(cells: list[Any]) -> list[str]:
    """Formula cells other than our own totals (user text must never be one)."""
    return [c.coordinate for c in cells if c.data_type == "f" and not OUR_FORMULA.match(c.value)]


def _assert_literal(data: bytes | Path, *names: str) -> None:
    cells = _cells(data)
    assert not _not_ours(cells)
    for name in names:
        found = [c for c in cells if c.value == name]
        assert found, name
        assert all(c.data_type == "s" for c in found)


def _ledger_line(name: str, code: str = "3-1-0101") -> LedgerLine:
    return LedgerLine(
        unit_code=code, building_code="3", building_name="3栋", entrance=1, floor=1,
        room="0101", area_centi=10000, unit_type="residence", status="occupied",
        unit_notes="", person_name=name, role="owner", phone=name,
    )  # fmt: skip


def test_risky_prefixes() -> None:
    assert all(is_risky(n) for n in NAMES if n != MARKUP)
    assert not is_risky("王<b")
    assert not is_risky(12)
    assert not is_risky(None)


def test_numbers_stay_numbers() -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("a")
    ws.append(inert_row(ws, [-3, 1.5, FORMULA, "plain"]))
    buf = io.BytesIO()
    wb.save(buf)
    a, b, c, d = _cells(buf.getvalue())
    assert (a.value, a.data_type) == (-3, "n")
    assert (b.value, b.data_type) == (1.5, "n")
    assert (c.value, c.data_type) == (FORMULA, "s")
    assert d.value == "plain"


def test_owner_ledger_and_error_report() -> None:
    _assert_literal(write_export([_ledger_line(n) for n in NAMES]), *NAMES)
    from propdesk.registry.ledger import LedgerError

    report = write_error_report([LedgerError(2, "姓名", FORMULA)], source_name=FORMULA)
    _assert_literal(report, FORMULA)


@pytest.mark.parametrize("per_building", [False, True])
def test_fee_and_arrears_sheets(tmp_path: Path, per_building: bool) -> None:
    d = date(2026, 3, 31)
    fee = [
        FeeSheetRow("3栋", "3-1-0101", n, "物业服务费", "2026-03", d, 100, 220, 22200, 0, 0, 22200)
        for n in NAMES
    ]
    write_fee_sheet(fee, tmp_path / "fee.xlsx", per_building=per_building)
    _assert_literal(tmp_path / "fee.xlsx", *NAMES)
    arrears = [
        ArrearsSheetRow("3栋", "3-1-0101", n, n, "物业服务费", "2026-03", d, 40, "≤30天", 100, 0)
        for n in NAMES
    ]
    write_arrears_sheet(arrears, tmp_path / "arr.xlsx", per_building=per_building)
    _assert_literal(tmp_path / "arr.xlsx", *NAMES)


def test_prepaid_and_readings(tmp_path: Path) -> None:
    write_prepaid_sheet(
        [PrepaidRow("3栋", "3-1-0101", n, 100, date(2026, 3, 1)) for n in NAMES],
        tmp_path / "p.xlsx",
    )
    _assert_literal(tmp_path / "p.xlsx", *NAMES)
    grid = [GridRow(i, n, None, n, None, None, None) for i, n in enumerate(NAMES)]
    _assert_literal(write_reading_sheet(grid), *NAMES)


def test_monthly_report_xlsx() -> None:
    data = monthly_report_xlsx(replace(sample_report(), estate_name=FORMULA, period=FORMULA))
    cells = _cells(data)
    assert not _not_ours(cells)
    assert any(isinstance(c.value, str) and FORMULA in c.value for c in cells)


# --- PDFs ------------------------------------------------------------------------------


def _text(pdf: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


def test_work_order_pdf() -> None:
    at = datetime(2026, 6, 15, 2, 0, tzinfo=UTC)
    data = WorkOrderData(
        estate_name=MARKUP, company=MARKUP, number="W-1", kind="维修", category=MARKUP,
        urgency="普通", source="电话", created_at=at, place=MARKUP, contact=MARKUP,
        phone="138****0000", description=f"{MARKUP}\n第二行 & <i>", response_due=at,
        resolve_due=at, assignee=MARKUP, owner=MARKUP, is_paid=False, lines=(), reopen_count=0,
    )  # fmt: skip
    text = _text(work_order_pdf(data))
    assert MARKUP in text
    assert "<i>" in text


def test_receipt_pdf() -> None:
    r = ReceiptData(
        receipt_no="1", estate_name="翠湖花园", company="翠湖物业", unit_code="1-1-0102",
        payer=MARKUP, paid_on=date(2026, 3, 15), paid_at=datetime(2026, 3, 15, 2, tzinfo=UTC),
        method="微信", txn_ref=MARKUP, amount_fen=100, credit_fen=0, discount_fen=0,
        discount_note="", lines=(ReceiptLine(MARKUP, "2026-03", "", 100, False),),
        taken_by=MARKUP, voided=False, void_reason="",
    )  # fmt: skip
    assert MARKUP in _text(receipt_pdf(r))


def test_notice_pdfs() -> None:
    notice = NoticePrint(
        title=MARKUP,
        body=f"{MARKUP}\n<br/>&amp;",
        posted_on=date(2026, 10, 7),
        estate_name=MARKUP,
        company=MARKUP,
    )
    text = _text(notice_pdf(notice))
    assert MARKUP in text
    assert "&amp;" in text
    page = NoticePage(
        unit_id=1, unit_code="3-1-0101", building_name="3栋", owner=MARKUP, area_centi=10000,
        period="2026-03", due_date=date(2026, 3, 31),
        lines=(NoticeLine(MARKUP, "2026-03", 100, 100),),
        period_owed_fen=100, earlier_owed_fen=0,
    )  # fmt: skip
    estate = EstateHeader(MARKUP, MARKUP, MARKUP, MARKUP)
    pdf = notices_pdf([page], estate, printed_at=datetime(2026, 6, 15, 2, tzinfo=UTC))
    assert MARKUP in _text(pdf)


def test_owner_ledger_pdf() -> None:
    lines = [_ledger_line(MARKUP, "3-1-0101"), _ledger_line(MARKUP, "3-1-0101")]
    lines.append(_ledger_line(FORMULA, "3-1-0102"))
    pdf = owner_ledger_pdf(
        lines,
        estate_name=MARKUP,
        building_name=MARKUP,
        printed_at=datetime(2026, 6, 15, 2, tzinfo=UTC),
    )
    assert MARKUP in _text(pdf)
