from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook
from sqlalchemy import func, select

from propdesk.db.engine import Database
from propdesk.fees.billing import run_billing
from propdesk.fees.exports import arrears_sheet_rows, fee_sheet_rows
from propdesk.fees.models import BillLine
from propdesk.fees.payments import take_payment
from reports.excel.fees import MONEY, write_arrears_sheet, write_fee_sheet
from tests.propdesk.fees.fee_fixtures import CLERK, MANAGER, make_estate, set_standard_rates


def _fen(value: object) -> int:
    return int((Decimal(str(value)) * 100).to_integral_value())


def _setup(db: Database) -> None:
    est = make_estate(db)
    set_standard_rates(db)
    with db.begin(MANAGER) as s:
        for p in ("2026-01", "2026-02", "2026-03"):
            run_billing(s, p)
    with db.begin(CLERK) as s:
        take_payment(s, unit_id=est.unit_ids[0], amount_fen=30_001, method="cash")
        take_payment(s, unit_id=est.unit_ids[1], amount_fen=25_200 * 3, method="cash")


def test_fee_sheet_totals_equal_the_database_to_the_fen(db: Database, tmp_path: Path) -> None:
    _setup(db)
    path = tmp_path / "fees.xlsx"
    with db.begin(CLERK) as s:
        totals = write_fee_sheet(fee_sheet_rows(s, "2026-01", "2026-03"), path)
        billed, paid = s.execute(
            select(func.sum(BillLine.amount_fen), func.sum(BillLine.paid_fen))
        ).one()
        count = s.scalar(select(func.count()).select_from(BillLine))
    wb = load_workbook(path)
    ws = wb["收费明细表"]
    header = [c.value for c in ws[1]]
    assert header[:4] == ["楼栋", "房号", "业主", "收费项目"]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:L{count + 1}"
    data = list(ws.iter_rows(min_row=2, max_row=count + 1, values_only=True))
    assert len(data) == count
    col = {h: i for i, h in enumerate(header)}
    assert sum(_fen(r[col["应收"]]) for r in data) == billed
    total_row = [c.value for c in ws[count + 2]]
    assert total_row[0] == "合计"
    assert _fen(total_row[col["应收"]]) == billed == totals["收费明细表"].fen["应收"]
    assert _fen(total_row[col["实收"]]) == paid
    assert _fen(total_row[col["欠费"]]) == billed - paid
    money_cell = ws.cell(row=2, column=col["应收"] + 1)
    assert money_cell.number_format == MONEY
    assert isinstance(money_cell.value, int | float)
    due = ws.cell(row=2, column=col["应缴日期"] + 1)
    assert isinstance(due.value, datetime)
    assert due.is_date


def test_per_building_sheets_and_arrears_sheet(db: Database, tmp_path: Path) -> None:
    _setup(db)
    with db.begin(CLERK) as s:
        totals = write_fee_sheet(
            fee_sheet_rows(s, "2026-03"), tmp_path / "b.xlsx", per_building=True
        )
        arrears = write_arrears_sheet(arrears_sheet_rows(s, date(2026, 4, 15)), tmp_path / "a.xlsx")
        owed = s.scalar(
            select(func.sum(BillLine.amount_fen - BillLine.paid_fen - BillLine.waived_fen))
        )
    wb = load_workbook(tmp_path / "b.xlsx")
    assert wb.sheetnames == ["1栋", "2栋"]
    assert totals["2栋"].rows == 1
    assert wb["2栋"]["B2"].value == "2-1-0101"
    ws = load_workbook(tmp_path / "a.xlsx")["欠费明细表"]
    n = arrears["欠费明细表"].rows
    assert ws.cell(row=n + 2, column=1).value == "合计"
    assert (
        _fen(ws.cell(row=n + 2, column=10).value) == owed == arrears["欠费明细表"].fen["欠费金额"]
    )
    buckets = {ws.cell(row=r, column=9).value for r in range(2, n + 2)}
    assert buckets == {"≤30天", "31–90天"}


def test_empty_sheet_still_has_header_and_totals(tmp_path: Path) -> None:
    totals = write_fee_sheet([], tmp_path / "e.xlsx")
    ws = load_workbook(tmp_path / "e.xlsx")["收费明细表"]
    assert ws["A1"].value == "楼栋"
    assert ws["A2"].value == "合计"
    assert totals["收费明细表"].rows == 0
