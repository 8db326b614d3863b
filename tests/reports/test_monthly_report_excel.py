"""The monthly report workbook read back with openpyxl: one sheet per section, real numbers."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from reports.excel.monthly_report import MONEY, PCT, monthly_report_xlsx, yuan
from tests.reports.monthly_sample import empty_report, sample_report

SHEETS = [
    "概览",
    "工单",
    "回访满意度",
    "投诉分类",
    "装修",
    "巡查",
    "快递与钥匙",
    "收费",
    "欠费账龄",
]


def _row(ws: Worksheet, label: str, col: int = 1) -> tuple[Any, ...]:
    for row in ws.iter_rows():
        if row[col - 1].value == label:
            return tuple(row)
    raise AssertionError(f"{label} not on {ws.title}")


def test_one_sheet_per_section_with_numbers_and_formats(tmp_path: Path) -> None:
    target = tmp_path / "report.xlsx"
    data = monthly_report_xlsx(sample_report(), target)
    assert target.read_bytes() == data
    wb = load_workbook(io.BytesIO(data))
    assert wb.sheetnames == SHEETS

    ov = wb["概览"]
    assert ov["A1"].value == "物业管理月报 2026-10（翠湖花园）"
    assert [c.value for c in _row(ov, "指标")] == [
        "指标",
        "本月 2026-10",
        "上月 2026-09",
        "去年同期 2025-10",
    ]
    tickets = _row(ov, "工单总数")
    assert [c.value for c in tickets[1:]] == [13, 3, 0]
    billed = _row(ov, "本期应收")
    assert round(billed[1].value * 100) == 6_360_216
    assert billed[1].number_format == MONEY
    rate = _row(ov, "本期收缴率")
    assert abs(rate[1].value - 5_341_930 / 6_360_216) < 1e-12
    assert rate[1].number_format == PCT
    assert rate[3].value is None  # nothing billed last year: an empty cell, not 0%
    assert ov.freeze_panes == "B5"

    tk = wb["工单"]
    sla = _row(tk, "完成时限(SLA)达标率")
    assert sla[1].value == 0.8
    assert sla[1].number_format == PCT
    assert _row(tk, "平均响应时间(分钟)")[1].value == 379.36
    cat = [c.value for c in _row(tk, "报修 · 水暖管道")]
    assert cat[:2] == ["报修 · 水暖管道", 5]
    assert abs(cat[2] - 5 / 13) < 1e-12

    cb = wb["回访满意度"]
    assert [c.value for c in _row(cb, "5分")] == ["5分", 8]
    assert _row(cb, "满意率")[1].number_format == PCT

    cp = wb["投诉分类"]
    line = [c.value for c in _row(cp, "治安安全")]
    assert line == ["治安安全", 3, 0.75, 2, 3, 52.5, 4.5]
    assert [c.value for c in _row(cp, "安管")][-1] is None

    assert _row(wb["装修"], "月末未整改")[1].value == 1
    assert _row(wb["巡查"], "完成率")[1].value == 141 / 144
    assert _row(wb["快递与钥匙"], "逾期未还/逾期归还")[1].value == 2

    fee = wb["收费"]
    b1 = _row(fee, "1栋")
    assert [round(c.value * 100) for c in b1[1:4]] == [5_360_216, 4_341_930, 1_000]
    assert b1[1].number_format == MONEY
    assert abs(b1[4].value - 4_341_930 / 5_360_216) < 1e-12
    total = _row(fee, "合计")
    assert round(total[1].value * 100) == 6_360_216
    assert round(_row(fee, "本月收款金额")[1].value * 100) == 5_265_159

    ag = wb["欠费账龄"]
    assert [
        round(_row(ag, lb)[1].value * 100) for lb in ("≤30天", "31–90天", "91–180天", ">180天")
    ] == [
        1_018_286,
        1_373_675,
        996_776,
        450_151,
    ]
    assert round(_row(ag, "合计")[1].value * 100) == 3_838_888


def test_empty_month_workbook() -> None:
    wb = load_workbook(io.BytesIO(monthly_report_xlsx(empty_report())))
    assert wb.sheetnames == SHEETS
    assert _row(wb["工单"], "完成时限(SLA)达标率")[1].value is None
    assert _row(wb["欠费账龄"], "合计")[1].value == 0
    assert _row(wb["欠费账龄"], "合计")[2].value is None


def test_yuan_is_exact() -> None:
    assert yuan(123_456_789) == Decimal("1234567.89")
    assert yuan(-5) == Decimal("-0.05")
