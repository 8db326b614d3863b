"""The fee collection sheet, the arrears sheet and the arrears call list, read back."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from openpyxl import load_workbook
from sqlalchemy import func, select

from propdesk.audit.models import AuditEntry
from propdesk.audit.trail import REVEAL
from propdesk.auth.actor import Actor, Role
from propdesk.db.engine import Database
from propdesk.fees.billing import run_billing
from propdesk.fees.document_values import FeeSheetRow
from propdesk.fees.models import BillLine, Payment
from propdesk.fees.payments import take_payment
from propdesk.registry import services as reg
from propdesk.reporting.call_list import call_list_rows
from propdesk.reporting.fee_sheet import arrears_lines, collection_lines
from propdesk.reporting.sheet_header import sheet_header
from propdesk.reporting.unit_order import in_unit_order, natural_key
from reports.excel.fees import MONEY, write_arrears_sheet, write_call_list, write_fee_sheet
from tests.propdesk.fees.fee_fixtures import CLERK, MANAGER, make_estate, set_standard_rates
from tests.reports.excel_reading import (
    HEADER_ROW,
    assert_print_setup,
    fen,
    header,
    subtotal_value,
)

FINANCE = Actor(user_id=None, username="fin", display_name="钱财务", role=Role.FINANCE)


def _setup(db: Database) -> tuple[int, ...]:
    est = make_estate(db)
    with db.begin(Actor.system()) as s:
        b1 = est.building_ids[0]
        # 1-1-1001 and 1-1-201: text order puts 1001 before 201
        u4 = reg.create_unit(s, building_id=b1, entrance=1, room="1001", area="100")
        u5 = reg.create_unit(s, building_id=b1, entrance=1, room="201", area="100")
        owner = reg.create_person(s, name="张三", phone="13812345678")
        tenant = reg.create_person(s, name="李四", phone="13900001111")
        for pid, role in ((owner, "owner"), (tenant, "tenant")):
            reg.start_occupancy(
                s, person_id=pid, unit_id=est.unit_ids[0], role=role, start_date=date(2025, 1, 1)
            )
    set_standard_rates(db)
    with db.begin(MANAGER) as s:
        for p in ("2026-01", "2026-02", "2026-03"):
            run_billing(s, p)
    with db.begin(CLERK) as s:
        take_payment(s, unit_id=est.unit_ids[0], amount_fen=30_001, method="cash")
        take_payment(
            s,
            unit_id=est.unit_ids[1],
            amount_fen=25_200 * 3,
            method="wechat",
            txn_ref="WX20260301001",
        )
    return (*est.unit_ids, u4, u5)


def test_fee_sheet_totals_receipts_title_and_print_setup(db: Database, tmp_path: Path) -> None:
    _setup(db)
    path = tmp_path / "fees.xlsx"
    with db.begin(CLERK) as s:
        head = sheet_header(s, "收费明细表", "2026年1月 至 2026年3月")
        totals = write_fee_sheet(collection_lines(s, "2026-01", "2026-03"), path, header=head)
        billed, paid = s.execute(
            select(func.sum(BillLine.amount_fen), func.sum(BillLine.paid_fen))
        ).one()
        count = s.scalar(select(func.count()).select_from(BillLine))
        receipts = {r.receipt_no: r for r in s.scalars(select(Payment))}
    ws = load_workbook(path)["收费明细表"]
    # title rows: estate + title; period, 制表人, 制表日期 (the test clock's day)
    assert ws["A1"].value == "翠湖花园 收费明细表"
    assert "2026年1月 至 2026年3月" in ws["A2"].value
    assert "制表人：李前台" in ws["A2"].value
    assert "制表日期：2026年6月15日" in ws["A2"].value
    assert "A1:O1" in {str(r) for r in ws.merged_cells.ranges}
    cols = header(ws)
    assert cols[:4] == ["楼栋", "房号", "业主", "收费项目"]
    assert cols[-3:] == ["收据号", "收款日期", "收款方式"]
    assert ws.freeze_panes == f"A{HEADER_ROW + 1}"
    assert ws.auto_filter.ref == f"A{HEADER_ROW}:O{HEADER_ROW + count}"
    assert_print_setup(ws)
    first = HEADER_ROW + 1
    data = list(ws.iter_rows(min_row=first, max_row=HEADER_ROW + count, values_only=True))
    assert len(data) == count
    col = {h: i for i, h in enumerate(cols)}
    assert sum(fen(r[col["应收"]]) for r in data) == billed
    # the totals row: SUBTOTAL formulas that add up to the database
    total_row = [c.value for c in ws[HEADER_ROW + count + 1]]
    assert total_row[0] == "合计"
    for name, expected in (("应收", billed), ("实收", paid), ("欠费", billed - paid)):
        formula = total_row[col[name]]
        assert str(formula).startswith("=SUBTOTAL(9,")
        assert fen(subtotal_value(ws, formula)) == expected
    assert totals["收费明细表"].fen["应收"] == billed
    money_cell = ws.cell(row=first, column=col["应收"] + 1)
    assert money_cell.number_format == MONEY
    due = ws.cell(row=first, column=col["应缴日期"] + 1)
    assert isinstance(due.value, datetime)
    # every paid line names its receipt(s), date and method; unpaid lines none
    paid_rows = [r for r in data if fen(r[col["实收"]]) > 0]
    assert paid_rows
    for r in paid_rows:
        numbers = str(r[col["收据号"]]).split("、")
        assert all(n in receipts for n in numbers)
        assert isinstance(r[col["收款日期"]], datetime)
        assert r[col["收款方式"]] in {"现金", "微信", "现金、预收抵扣", "微信、预收抵扣"}
    assert {r[col["收款方式"]] for r in paid_rows} >= {"现金", "微信"}
    for r in data:
        if fen(r[col["实收"]]) == 0:
            assert r[col["收据号"]] in (None, "")
    # units in natural order within each building
    codes = [r[col["房号"]] for r in data if r[col["楼栋"]] == "1栋"]
    assert codes == sorted(codes, key=natural_key)
    order = list(dict.fromkeys(codes))
    assert order == ["1-1-0101", "1-1-0102", "1-1-201", "1-1-1001"]


def test_per_building_sheets_and_arrears_sheet(db: Database, tmp_path: Path) -> None:
    _setup(db)
    with db.begin(CLERK) as s:
        totals = write_fee_sheet(
            collection_lines(s, "2026-03"), tmp_path / "b.xlsx", per_building=True
        )
        arrears = write_arrears_sheet(arrears_lines(s, date(2026, 4, 15)), tmp_path / "a.xlsx")
        owed = s.scalar(
            select(func.sum(BillLine.amount_fen - BillLine.paid_fen - BillLine.waived_fen))
        )
    wb = load_workbook(tmp_path / "b.xlsx")
    assert wb.sheetnames == ["1栋", "2栋"]
    assert totals["2栋"].rows == 1
    assert wb["2栋"]["A1"].value == "收费明细表（2栋）"
    assert wb["2栋"].cell(HEADER_ROW + 1, 2).value == "2-1-0101"
    ws = load_workbook(tmp_path / "a.xlsx")["欠费明细表"]
    assert_print_setup(ws)
    n = arrears["欠费明细表"].rows
    total_row = HEADER_ROW + n + 1
    assert ws.cell(row=total_row, column=1).value == "合计"
    assert fen(subtotal_value(ws, ws.cell(total_row, 10).value)) == owed
    assert owed == arrears["欠费明细表"].fen["欠费金额"]
    buckets = {ws.cell(row=r, column=9).value for r in range(HEADER_ROW + 1, total_row)}
    assert buckets == {"≤30天", "31–90天"}
    codes = [ws.cell(r, 2).value for r in range(HEADER_ROW + 1, total_row)]
    one = [c for c in codes if c.startswith("1-")]
    assert one == sorted(one, key=natural_key)


def test_call_list_shows_phones_to_roles_that_may_see_them(db: Database, tmp_path: Path) -> None:
    _setup(db)
    day = date(2026, 4, 15)
    for actor, phone in ((MANAGER, "13812345678"), (CLERK, "138****5678")):
        path = tmp_path / f"calls-{actor.username}.xlsx"
        with db.begin() as s:
            before = s.scalar(select(func.count()).where(AuditEntry.action == REVEAL))
        with db.begin(actor) as s:
            head = sheet_header(s, "欠费催缴电话清单", "截至 2026年4月15日")
            totals = write_call_list(call_list_rows(s, day), path, header=head)
            owed = s.scalar(
                select(
                    func.sum(BillLine.amount_fen - BillLine.paid_fen - BillLine.waived_fen)
                ).where(BillLine.settled.is_(False), BillLine.due_date <= day)
            )
        ws = load_workbook(path)["欠费催缴电话清单"]
        assert_print_setup(ws)
        cols = header(ws)
        assert cols[:6] == ["楼栋", "房号", "联系人", "身份", "电话", "其他联系人"]
        assert cols[-3:] == ["通话结果", "承诺缴费日期", "备注"]
        rows = {
            r[1]: r
            for r in ws.iter_rows(
                min_row=HEADER_ROW + 1, max_row=HEADER_ROW + totals.rows, values_only=True
            )
        }
        first = rows["1-1-0101"]
        assert first[2:5] == ("张三", "业主", phone)
        assert "李四（租户）" in first[5]
        assert ("13900001111" in first[5]) == (actor is MANAGER)
        total = ws.cell(HEADER_ROW + totals.rows + 1, 7).value
        assert fen(subtotal_value(ws, total)) == owed == totals.fen["欠费金额"]
        # every full phone exported is audited (who exported whose phone); masked ones are not
        with db.begin() as s:
            revealed = s.scalar(select(func.count()).where(AuditEntry.action == REVEAL)) - before
        assert revealed == (2 if actor is MANAGER else 0)  # 张三 and 李四


def test_empty_sheet_still_has_title_header_and_totals(tmp_path: Path) -> None:
    totals = write_fee_sheet([], tmp_path / "e.xlsx")
    ws = load_workbook(tmp_path / "e.xlsx")["收费明细表"]
    assert ws["A1"].value == "收费明细表"
    assert ws.cell(HEADER_ROW, 1).value == "楼栋"
    assert ws.cell(HEADER_ROW + 1, 1).value == "合计"
    assert ws.cell(HEADER_ROW + 1, 9).value == "=0"
    assert totals["收费明细表"].rows == 0


def test_natural_order_regroups_each_building_only() -> None:
    def row(b: str, u: str, item: str) -> FeeSheetRow:
        return FeeSheetRow(b, u, "", item, "2026-01", date(2026, 1, 1), 0, 0, 0, 0, 0, 0)

    rows = [
        row("1栋", "1-1-1001", "a"),
        row("1栋", "1-1-1001", "b"),
        row("1栋", "1-1-101", "a"),
        row("2栋", "2-1-1001", "a"),
        row("2栋", "2-1-0901", "a"),
    ]
    out = list(in_unit_order(rows, building_of=lambda r: r.building, unit_of=lambda r: r.unit_code))
    assert [(r.unit_code, r.item) for r in out] == [
        ("1-1-101", "a"),
        ("1-1-1001", "a"),
        ("1-1-1001", "b"),
        ("2-1-0901", "a"),
        ("2-1-1001", "a"),
    ]
