"""The monthly report workbook read back with openpyxl: one sheet per section, real numbers."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from propdesk.reporting.sheet_header import SheetHeader
from propdesk.reporting.values import MonthNotes
from reports.excel.monthly_report import MONEY, PCT, monthly_report_xlsx, yuan
from tests.reports.excel_reading import assert_print_setup, subtotal_value
from tests.reports.monthly_sample import care_figures, empty_report, quiet_care, sample_report

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
    "总结与计划",
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
    assert ov["A1"].value == "翠湖花园 物业管理月报 · 概览"
    assert "统计期间：2026年10月" in ov["A2"].value
    assert "制表人：" in ov["A2"].value
    assert "制表日期：" in ov["A2"].value
    for ws in wb.worksheets[:-1]:
        assert_print_setup(ws, repeat_rows=2)
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
    assert _row(ov, "投诉数")[1].value == 4

    tk = wb["工单"]
    sla = _row(tk, "完成时限(SLA)达标率")
    assert sla[1].value == 0.8
    assert sla[1].number_format == PCT
    assert _row(tk, "平均响应时间(分钟)")[1].value == 379.36
    cat = [c.value for c in _row(tk, "报修 · 水暖管道")]
    assert cat[:2] == ["报修 · 水暖管道", 5]
    assert abs(cat[2] - 5 / 13) < 1e-12
    # a counts table closes with a SUBTOTAL of the counts above it, equal to the total
    first_total = next(row for row in tk.iter_rows() if row[0].value == "合计")  # 按类型
    assert subtotal_value(tk, first_total[1].value) == 13

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


def test_missing_comparison_is_a_dash_not_zero() -> None:
    r = replace(sample_report(), previous=None, last_year=None)
    ov = load_workbook(io.BytesIO(monthly_report_xlsx(r)))["概览"]
    assert [c.value for c in _row(ov, "指标")][2:] == ["上月 2026-09", "去年同期 2025-10"]
    for label in ("工单总数", "投诉数", "本期应收", "本期收缴率"):
        assert [c.value for c in _row(ov, label)][2:] == ["—", "—"], label


def test_written_notes_and_signature_lines() -> None:
    notes = MonthNotes(
        "2026-10", "完成消防演练。", "3栋电梯故障多。", "更换3栋电梯主板。", "王经理", 2
    )
    header = SheetHeader(title="物业管理月报", prepared_by="王经理", prepared_on=date(2026, 11, 2))
    wb = load_workbook(
        io.BytesIO(monthly_report_xlsx(replace(sample_report(), notes=notes), header=header))
    )
    ws = wb["总结与计划"]
    values = [c.value for row in ws.iter_rows() for c in row if c.value is not None]
    for text in (
        "（1）工作总结",
        "完成消防演练。",
        "（2）存在问题",
        "3栋电梯故障多。",
        "（3）下月工作计划",
        "更换3栋电梯主板。",
    ):
        assert text in values
    assert "制表人：王经理" in ws["A2"].value
    assert "制表日期：2026年11月2日" in ws["A2"].value
    for role in ("编制：", "审核：", "审批："):
        row = _row(ws, role)
        assert ws.row_dimensions[row[0].row].height >= 30  # tall enough to sign
        assert row[1].border.bottom.style == "thin"
    assert "制表人：王经理" in wb["概览"]["A2"].value


def test_activity_and_survey_sheets_as_in_the_pdf() -> None:
    """The PDF's 社区活动 and 满意度调查 sections have their sheets (before the notes)."""
    from propdesk.activities.values import ActivityFigures
    from propdesk.surveys.values import SurveyMonthFigures
    from reports.excel.monthly_report import AVG, INT

    activities = ActivityFigures(
        held=2,
        cancelled=1,
        signups=17,
        persons=40,
        attended=15,
        attendance_rate=15 / 17,
        ratings=9,
        average_rating=4.33,
        budget_fen=120_000,
        spent_fen=98_050,
        feedback_questionnaires=1,
        feedback_responses=8,
        feedback_ratings=24,
        feedback_mean=4.25,
    )
    surveys = SurveyMonthFigures(
        campaigns=("2026年第四季度满意度调查",),
        sample_size=120,
        responses=105,
        response_rate=87.5,
        overall_mean=4.21,
        satisfied_pct=82.9,
        tickets_opened=6,
        previous_name="2026年第三季度满意度调查",
        previous_overall_mean=4.02,
        overall_mean_shared=4.18,
    )
    report = replace(sample_report(), activities=activities, surveys=surveys)
    wb = load_workbook(io.BytesIO(monthly_report_xlsx(report)))
    assert wb.sheetnames == [*SHEETS[:-1], "社区活动", "满意度调查", "总结与计划"]
    ws = wb["社区活动"]
    assert ws["A1"].value == "翠湖花园 物业管理月报 · 社区活动"
    assert _row(ws, "举办活动（场）")[1].value == 2
    assert _row(ws, "报名（人）")[1].value == 40
    rate = _row(ws, "到场率")[1]
    assert (rate.value, rate.number_format) == (15 / 17, PCT)
    assert (
        _row(ws, "平均评分（1–5）")[1].number_format,
        _row(ws, "签到（户）")[1].number_format,
    ) == (
        AVG,
        INT,
    )
    assert _row(ws, "反馈答卷（份）")[1].value == 8
    spent = _row(ws, "实际花费")[1]
    assert (spent.value, spent.number_format) == (Decimal("980.50"), MONEY)
    ws = wb["满意度调查"]
    assert _row(ws, "“2026年第四季度满意度调查”")[0].value
    share = _row(ws, "回复率")[1]
    assert (share.value, share.number_format) == (0.875, PCT)
    assert _row(ws, "转回访工单（张）")[1].value == 6
    assert _row(ws, "上次调查")[1].value == "2026年第三季度满意度调查"
    assert _row(ws, "上次调查平均分（相同题目）")[1].value == 4.02
    assert_print_setup(ws, repeat_rows=2)

    quiet = replace(
        sample_report(),
        activities=replace(activities, held=0, cancelled=0, signups=0, persons=0),
        surveys=SurveyMonthFigures(),
    )
    wb = load_workbook(io.BytesIO(monthly_report_xlsx(quiet)))
    assert wb.sheetnames == [*SHEETS[:-1], "社区活动", "总结与计划"]  # no survey ended
    assert _row(wb["社区活动"], "本期未举办社区活动")[0].value


def test_calls_and_outages_sheet_as_in_the_pdf() -> None:
    """The PDF's 八、来电话务与停水停电 has its sheet, after 快递与钥匙: the figures, the
    categories, the hours and the outages with local times."""
    from datetime import UTC, datetime

    from propdesk.calls.values import CallStats, OutageRow

    hours = [0] * 24
    hours[9], hours[14] = 5, 3
    calls = CallStats(
        start=date(2026, 10, 1),
        end=date(2026, 10, 31),
        total=10,
        inbound=8,
        outbound=2,
        missed=1,
        by_hour=tuple(hours),
        by_weekday=(1, 1, 1, 1, 1, 1, 2),
        by_topic=(("repair", 5), ("consultation", 3)),
        by_outcome=(("answered", 6), ("ticket", 2)),
        by_clerk=(("前台小王", 8),),
        first_call_resolved=6,
        first_call_base=8,
        callbacks_due=4,
        callbacks_on_time=3,
    )
    outage = OutageRow(
        id=1,
        kind="water",
        planned=True,
        title="停水",
        starts_at=datetime(2026, 10, 12, 1, 0, tzinfo=UTC),  # 09:00 in Shenzhen
        ends_at=datetime(2026, 10, 12, 9, 0, tzinfo=UTC),
        actual_end_at=None,
        reason="水箱清洗",
        script="",
        scope="3栋",
        building_ids=(1,),
        unit_ids=(),
        closed=True,
        version=1,
    )
    report = replace(sample_report(), calls=calls, outages=(outage,))
    wb = load_workbook(io.BytesIO(monthly_report_xlsx(report)))
    at = SHEETS.index("快递与钥匙") + 1
    assert wb.sheetnames == [*SHEETS[:at], "来电与停水停电", *SHEETS[at:]]
    ws = wb["来电与停水停电"]
    assert _row(ws, "来电（个）")[1].value == 8
    rate = _row(ws, "一次解决率")[1]
    assert (rate.value, rate.number_format) == (0.75, PCT)
    assert _row(ws, "按时回电率")[1].value == 0.75
    assert _row(ws, "9时")[1].value == 5
    water = _row(ws, "停水")
    assert [c.value for c in water[1:5]] == [
        "3栋",
        datetime(2026, 10, 12, 9, 0),
        datetime(2026, 10, 12, 17, 0),
        "水箱清洗",
    ]
    assert water[2].number_format == "yyyy-mm-dd hh:mm"
    assert_print_setup(ws, repeat_rows=2)
    assert _row(ws, "报修")[1].value == 5
    assert _row(ws, "已解答")[1].value == 6


def test_care_sheet_as_in_the_pdf() -> None:
    """关怀走访 has its sheet after 社区活动, counts as numbers (INT/AVG); the overdue figures of
    now only for the running month, "—" for a past one; one line for a quiet month."""
    from propdesk.activities.values import ActivityFigures
    from reports.excel.monthly_report import AVG, INT

    activities = ActivityFigures(0, 0, 0, 0, 0, None, 0, None, 0, 0)
    report = replace(sample_report(), activities=activities, care=care_figures())
    wb = load_workbook(io.BytesIO(monthly_report_xlsx(report)))
    assert wb.sheetnames == [*SHEETS[:-1], "社区活动", "关怀走访", "总结与计划"]
    ws = wb["关怀走访"]
    assert ws["A1"].value == "翠湖花园 物业管理月报 · 关怀走访"
    assert _row(ws, "本期关怀走访")[0].value
    for label, value in (
        ("走访（次）", 1_234),
        ("走访户数（户）", 987),
        ("其中：独居老人定期走访（次）", 1_000),
        ("其中：其他走访（次）", 4),
        ("评价（次）", 800),
        ("发现问题转工单（张）", 37),
        ("新增关注标记（个）", 12),
        ("解除关注标记（个）", 5),
        ("逾期未走访（项，截至2026-10-15）", 9),
        ("关注标记逾期未复查（个，截至2026-10-15）", 3),
    ):
        cell = _row(ws, label)[1]
        assert (cell.value, cell.number_format) == (value, INT), label
    mean = _row(ws, "平均评分（1–5）")[1]
    assert (mean.value, mean.number_format) == (4.375, AVG)
    assert_print_setup(ws, repeat_rows=2)

    past = replace(sample_report(), care=care_figures(current=False))
    ws = load_workbook(io.BytesIO(monthly_report_xlsx(past)))["关怀走访"]
    assert _row(ws, "逾期未走访（项，仅当月列出）")[1].value == "—"
    assert _row(ws, "关注标记逾期未复查（个，仅当月列出）")[1].value == "—"

    quiet = replace(sample_report(), care=quiet_care())
    wb = load_workbook(io.BytesIO(monthly_report_xlsx(quiet)))
    assert wb.sheetnames == [*SHEETS[:-1], "关怀走访", "总结与计划"]
    assert _row(wb["关怀走访"], "本期无走访，未新增或解除关注标记")[0].value
