from __future__ import annotations

import io

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from propdesk.db.engine import Database
from propdesk.fees.meters import create_meter, reading_grid, record_reading
from propdesk.fees.models import MeterReading
from propdesk.fees.reading_import import ReadingImportError, import_readings
from propdesk.registry import services as reg
from propdesk.reporting.sheet_header import sheet_header
from reports.excel.fees_readings import read_reading_sheet, write_reading_sheet
from tests.propdesk.fees.fee_fixtures import CLERK, MANAGER, make_estate
from tests.reports.excel_reading import assert_print_setup


def _meters(db: Database) -> None:
    est = make_estate(db)
    with db.begin(MANAGER) as s:
        for i, uid in enumerate(est.unit_ids):
            m = create_meter(s, code=f"W-{i + 1}", kind="water", unit_id=uid)
            record_reading(s, meter_id=m, period="2026-02", reading_centi=(i + 1) * 100_00)


def _fill(data: bytes, values: dict[str, tuple[object, ...]]) -> bytes:
    wb = load_workbook(io.BytesIO(data))
    ws = wb["抄表"]
    for row in ws.iter_rows(min_row=2):
        code = row[0].value
        if code in values:
            for cell, v in zip(row[1:6], values[code], strict=False):
                cell.value = v
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_reading_sheet_round_trip_imports_all(db: Database) -> None:
    _meters(db)
    with db.begin(CLERK) as s:
        blank = write_reading_sheet(reading_grid(s, "2026-03", "water"))
    filled = _fill(
        blank,
        {"W-1": (112.5, "正常"), "W-2": (5, "换表", 230, 0), "W-3": (310, None)},
    )
    rows = read_reading_sheet(filled)
    assert [r.row for r in rows] == [4, 5, 6]  # Excel rows: two title rows, the header
    with db.begin(CLERK) as s:
        assert import_readings(s, "2026-03", rows) == 3
    with db.begin(CLERK) as s:
        grid = {g.meter_code: g.consumption_centi for g in reading_grid(s, "2026-03", "water")}
    assert grid == {"W-1": 12_50, "W-2": 35_00, "W-3": 10_00}


def test_one_bad_row_imports_nothing_and_reports_every_problem(db: Database) -> None:
    _meters(db)
    with db.begin(CLERK) as s:
        blank = write_reading_sheet(reading_grid(s, "2026-03", "water"))
    filled = _fill(blank, {"W-1": (112.5,), "W-2": (150, "正常"), "W-3": ("abc", "翻零")})
    with pytest.raises(ReadingImportError) as err, db.begin(CLERK) as s:
        import_readings(s, "2026-03", read_reading_sheet(filled))
    problems = {(e.row, e.column) for e in err.value.errors}
    assert problems == {(5, "本期读数"), (6, "本期读数")}
    assert "小于上次读数" in err.value.errors[0].message
    with db.begin() as s:
        assert (
            s.scalar(
                select(func.count())
                .select_from(MeterReading)
                .where(MeterReading.period == "2026-03")
            )
            == 0
        )


def test_blank_sheet_has_title_print_setup_and_units_in_natural_order(db: Database) -> None:
    est = make_estate(db)
    with db.begin(MANAGER) as s:
        b1 = est.building_ids[0]
        u4 = reg.create_unit(s, building_id=b1, entrance=1, room="1001", area="100")
        u5 = reg.create_unit(s, building_id=b1, entrance=1, room="201", area="100")
        for code, uid in (("W-4", u4), ("W-5", u5), ("W-1", est.unit_ids[0])):
            create_meter(s, code=code, kind="water", unit_id=uid)
    with db.begin(CLERK) as s:
        head = sheet_header(s, "抄表表（水表）", "2026年3月")
        data = write_reading_sheet(reading_grid(s, "2026-03", "water"), header=head)
    ws = load_workbook(io.BytesIO(data))["抄表"]
    assert ws["A1"].value == "翠湖花园 抄表表（水表）"
    assert "制表人：李前台" in ws["A2"].value
    assert [c.value for c in ws[3]][:2] == ["表号", "本期读数"]
    assert_print_setup(ws)  # A4 landscape, one page wide: no column on a second page
    units = [ws.cell(r, 7).value for r in range(4, ws.max_row + 1)]
    assert units == ["1-1-0101", "1-1-201", "1-1-1001"]


def test_a_sheet_without_title_rows_still_reads() -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "抄表"
    ws.append(["表号", "本期读数", "类型"])
    ws.append(["W-1", 12.5, "正常"])
    buf = io.BytesIO()
    wb.save(buf)
    (row,) = read_reading_sheet(buf.getvalue())
    assert row.row == 2
