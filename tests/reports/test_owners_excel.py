from __future__ import annotations

import io
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from propdesk.registry.ledger import HEADERS, LedgerError, LedgerLine
from propdesk.reporting.export_values import SheetHeader
from reports.excel.owners import (
    SHEET,
    LedgerFileError,
    read_ledger,
    write_error_report,
    write_export,
    write_template,
)
from tests.reports.excel_reading import assert_print_setup


def test_template_has_header_lists_widths_and_frozen_header(tmp_path: Path) -> None:
    path = tmp_path / "template.xlsx"
    data = write_template(path)
    assert path.read_bytes() == data
    wb = load_workbook(path)
    ws = wb[SHEET]
    assert [c.value for c in ws[1]] == list(HEADERS)
    assert ws.freeze_panes == "A2"
    assert ws.column_dimensions["K"].width == 21  # 身份证号
    lists = {str(dv.sqref)[0]: dv.formula1 for dv in ws.data_validations.dataValidation}
    assert lists["F"] == '"住宅,商铺,办公,其他"'
    assert lists["G"] == '"空置,自住,装修中,出租"'
    assert lists["I"] == '"业主,共有人,租户,家属"'
    sample = [row for row in wb["填写说明"].iter_rows(values_only=True) if row and row[0] == "3"]
    assert sample, "the help sheet carries a sample row"


def test_template_round_trip(tmp_path: Path) -> None:
    wb = load_workbook(io.BytesIO(write_template()))
    ws = wb[SHEET]
    ws.append(["3", 2, "1502", None, 89.56, "住宅", "自住", "张三", "业主", "13812345678",
               "11010119900307803X", date(2020, 5, 1), "备注一"])  # fmt: skip
    ws.append([])
    ws.append(["3", 2, "1503", None, 90, None, None, None, None, None, None, None, None])
    path = tmp_path / "filled.xlsx"
    wb.save(path)
    rows = read_ledger(path)
    assert [r.row for r in rows] == [2, 4]  # blank row skipped, Excel numbering kept
    first = rows[0].values
    assert first["姓名"] == "张三"
    assert first["建筑面积"] == 89.56
    assert first["身份证号"] == "11010119900307803X"
    assert first["入住日期"].date() == date(2020, 5, 1)  # type: ignore[attr-defined]


def test_header_below_a_title_row_and_extra_columns(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["翠湖花园业主台账"])
    ws.append(["序号", *HEADERS])
    ws.append([1, "3", 1, "0101", None, 80, None, None, "李四", "业主"])
    path = tmp_path / "titled.xlsx"
    wb.save(path)
    rows = read_ledger(path)
    assert [(r.row, r.values["房号"], r.values["姓名"]) for r in rows] == [(3, "0101", "李四")]
    assert "序号" not in rows[0].values


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not a spreadsheet", "xlsx"),
        (b"", "xlsx"),
    ],
)
def test_not_an_xlsx(content: bytes, message: str) -> None:
    with pytest.raises(LedgerFileError) as err:
        read_ledger(content)
    assert message in str(err.value)


def test_empty_sheet_and_missing_columns(tmp_path: Path) -> None:
    empty = tmp_path / "empty.xlsx"
    Workbook().save(empty)
    with pytest.raises(LedgerFileError) as err:
        read_ledger(empty)
    assert "空" in str(err.value)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["楼栋", "单元", "房号", "姓名"])
    partial = tmp_path / "partial.xlsx"
    wb.save(partial)
    with pytest.raises(LedgerFileError) as err:
        read_ledger(partial)
    assert "建筑面积" in str(err.value)
    assert "第 1 行" in str(err.value)
    with pytest.raises(LedgerFileError) as err:
        read_ledger(tmp_path / "missing.xlsx")
    assert "找不到" in str(err.value)


def _line(code: str, name: str = "", **kw: object) -> LedgerLine:
    b, e, r = code.split("-")
    base: dict[str, object] = {
        "unit_code": code, "building_code": b, "building_name": f"{b}栋", "entrance": int(e),
        "floor": int(r[:-2]), "room": r, "area_centi": 8956, "unit_type": "residence",
        "status": "occupied" if name else "vacant", "unit_notes": "", "person_name": name,
    }  # fmt: skip
    base.update(kw)
    return LedgerLine(**base)  # type: ignore[arg-type]


def test_export_read_back(tmp_path: Path) -> None:
    lines = [
        _line("3-2-1502", "张三", role="owner", phone="138****5678",
              id_number="1101**********803X", start_date=date(2020, 5, 1)),
        _line("3-2-1502", "李梅", role="family"),
        _line("3-2-1503", unit_notes="钥匙在前台"),
    ]  # fmt: skip
    path = tmp_path / "export.xlsx"
    write_export(lines, path, header=SheetHeader("业主台账", "翠湖花园", "1栋", "王经理"))
    wb = load_workbook(path)
    ws = wb[SHEET]
    assert ws["A1"].value == "翠湖花园 业主台账"
    assert "制表人：王经理" in ws["A2"].value
    assert ws["A2"].value.startswith("楼栋：1栋")  # a building, not a period (统计期间)
    assert ws.freeze_panes == "A4"
    assert ws.auto_filter.ref == "A3:W6"  # 房屋编号 + 22 columns (车牌…紧急联系人电话, 月卡起/止)
    # prints sensibly: landscape, one page wide (a person's name and phone on the same page
    # as the unit), the header on every page
    assert_print_setup(ws)
    rows = list(ws.iter_rows(values_only=True))[2:]
    assert rows[0] == ("房屋编号", *HEADERS)
    header = rows[0]
    zhang = dict(zip(header, rows[1], strict=True))
    assert zhang["房屋编号"] == "3-2-1502"
    assert zhang["姓名"] == "张三"
    assert zhang["身份"] == "业主"
    assert zhang["身份证号"] == "1101**********803X"
    assert zhang["手机"] == "138****5678"
    assert Decimal(str(zhang["建筑面积"])) == Decimal("89.56")
    assert zhang["入住日期"].date() == date(2020, 5, 1)  # type: ignore[union-attr]
    assert ws.cell(row=4, column=header.index("建筑面积") + 1).number_format == "0.00"
    vacant = dict(zip(header, rows[3], strict=True))
    assert (vacant["房屋状态"], vacant["姓名"], vacant["备注"]) == ("空置", None, "钥匙在前台")


def test_export_is_readable_by_the_importer(tmp_path: Path) -> None:
    path = tmp_path / "export.xlsx"
    write_export([_line("5-1-0201", "王五", role="tenant")], path)
    rows = read_ledger(path)
    assert rows[0].values["身份"] == "租户"
    assert rows[0].values["房号"] == "0201"


def test_error_report(tmp_path: Path) -> None:
    errors = [LedgerError(7, "手机", "电话号码格式不正确"), LedgerError(9, "", "与第 2 行重复")]
    path = tmp_path / "errors.xlsx"
    write_error_report(errors, path, source_name="台账.xlsx")
    ws = load_workbook(path).active
    assert ws is not None
    rows = list(ws.iter_rows(values_only=True))
    assert "台账.xlsx" in str(rows[0][0])
    assert rows[1] == ("行号", "列", "问题")
    assert rows[2:] == [(7, "手机", "电话号码格式不正确"), (9, "整行", "与第 2 行重复")]


def test_export_lists_units_in_natural_order(tmp_path: Path) -> None:
    path = tmp_path / "export.xlsx"
    codes = ["1-1-1001", "1-1-101", "10-1-101", "2-1-101", "1-1-101"]
    write_export([_line(c, f"人{i}") for i, c in enumerate(codes)], path)
    rows = list(load_workbook(path)[SHEET].iter_rows(min_row=4, values_only=True))
    assert [(r[0], r[8]) for r in rows] == [
        ("1-1-101", "人1"),
        ("1-1-101", "人4"),
        ("1-1-1001", "人0"),
        ("2-1-101", "人3"),
        ("10-1-101", "人2"),
    ]
