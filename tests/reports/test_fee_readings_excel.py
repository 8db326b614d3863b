from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from propdesk.db.engine import Database
from propdesk.fees.meters import create_meter, reading_grid, record_reading
from propdesk.fees.models import MeterReading
from propdesk.fees.reading_import import ReadingImportError, import_readings
from reports.excel.fees_readings import read_reading_sheet, write_reading_sheet
from tests.propdesk.fees.fee_fixtures import CLERK, MANAGER, make_estate


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
    assert [r.row for r in rows] == [2, 3, 4]
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
    assert problems == {(3, "本期读数"), (4, "本期读数")}
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
