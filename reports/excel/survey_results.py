"""A survey campaign's results as .xlsx: sheets 汇总 (headline figures), 题目 (each question's
score, satisfied share, previous campaign and distribution), 楼栋 and 意见 (the comments
with their callback tickets).

Plain data in (:class:`propdesk.surveys.values.CampaignResults`), bytes out. Counts are
integers, means ``0.00``, shares fractions formatted ``0.0%`` (an empty cell where there is
nothing to divide); each sheet has the title rows, a bold frozen header and the print set-up
of :mod:`reports.excel.layout`.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from propdesk.clock import to_local
from propdesk.files import write_private
from propdesk.reporting.export_values import SheetHeader, day_text
from propdesk.surveys.values import (
    QUESTION_KIND_ZH,
    CampaignResults,
    QuestionKind,
    QuestionResult,
)
from reports.excel.cells import inert_workbook
from reports.excel.layout import TITLE_ROWS, print_setup, put_title_rows

PCT = "0.0%"
AVG = "0.00"
INT = "#,##0"
WHEN = "yyyy-mm-dd hh:mm"
HEADER_ROW = TITLE_ROWS + 1
_BOLD = Font(bold=True)
_FILL = PatternFill("solid", fgColor="DDE6F0")
_WRAP = Alignment(wrap_text=True, vertical="top")


def _share(pct: float | None) -> float | None:
    """A percentage on 0..100 as the fraction a ``0.0%`` cell shows."""
    return None if pct is None else round(pct / 100, 6)


def _mean(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _table(
    ws: Worksheet,
    header: SheetHeader,
    heads: Sequence[str],
    rows: Sequence[Sequence[Any]],
    formats: Sequence[str],
    widths: Sequence[float],
    *,
    wrap: Sequence[int] = (),
    row_formats: Sequence[str] = (),
) -> None:
    """Title rows, a bold shaded header (frozen), the rows with their number formats."""
    put_title_rows(ws, header, len(heads))
    ws.append(list(heads))
    for j in range(1, len(heads) + 1):
        ws.cell(HEADER_ROW, j).font = _BOLD
        ws.cell(HEADER_ROW, j).fill = _FILL
    for i, row in enumerate(rows):
        ws.append(list(row))
        r = ws.max_row
        for j, fmt in enumerate(formats, start=1):
            if fmt:
                ws.cell(r, j).number_format = fmt
        if row_formats and row_formats[i]:
            ws.cell(r, 2).number_format = row_formats[i]
        for j in wrap:
            ws.cell(r, j + 1).alignment = _WRAP
    for j, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(j)].width = w
    ws.freeze_panes = ws.cell(HEADER_ROW + 1, 1).coordinate
    print_setup(ws, repeat_rows=HEADER_ROW)


def summary_rows(r: CampaignResults) -> list[tuple[str, Any, str]]:
    """(指标, value, number format) of the 汇总 sheet."""
    return [
        ("调查名称", r.name, ""),
        ("调查期间", f"{r.starts_on:%Y-%m-%d} 至 {r.ends_on:%Y-%m-%d}", ""),
        ("抽样户数", r.sample_size, INT),
        ("有效答卷", r.responses, INT),
        ("其中电话", r.phone_responses, INT),
        ("其中纸质问卷", r.paper_responses, INT),
        ("拒访", r.refused, INT),
        ("未联系上", r.unreached, INT),
        ("应答率", _share(r.response_rate), PCT),
        ("总体平均分", _mean(r.overall_mean), AVG),
        ("满意率", _share(r.overall_satisfied_pct), PCT),
        ("上次调查", r.previous_name or "无（首次调查）", ""),
        ("上次平均分（相同题目）", _mean(r.previous_overall_mean), AVG),
        (
            "本次平均分（相同题目）",
            _mean(r.overall_mean_shared if r.previous_name else None),
            AVG,
        ),
        ("回访工单", r.tickets_opened, INT),
        ("抽中复核", r.rechecks, INT),
        ("已复核", r.rechecks_done, INT),
        ("复核差异", r.recheck_differences, INT),
    ]


def _question_row(i: int, q: QuestionResult) -> list[Any]:
    rated = q.kind == QuestionKind.RATING
    change = (
        round(q.mean - q.previous_mean, 4)
        if q.mean is not None and q.previous_mean is not None
        else None
    )
    counts: list[Any] = list(q.distribution) if rated else [None] * 5
    counts += [None] * (5 - len(counts))
    choices = (
        "；".join(f"{label} {n}" for label, n in zip(q.labels, q.distribution, strict=False))
        if q.kind in (QuestionKind.SINGLE, QuestionKind.MULTI)
        else ""
    )
    return [
        i,
        q.text,
        q.topic,
        QUESTION_KIND_ZH.get(q.kind, q.kind),
        q.answered,
        _mean(q.mean) if rated else None,
        _share(q.satisfied_pct) if rated else None,
        _mean(q.previous_mean) if rated else None,
        change if rated else None,
        *counts[:5],
        choices,
    ]


def survey_results_workbook(
    results: CampaignResults,
    *,
    estate_name: str = "",
    prepared_by: str = "",
    prepared_on: date | None = None,
) -> bytes:
    """The workbook's bytes."""
    r = results
    period = f"{day_text(r.starts_on)} 至 {day_text(r.ends_on)}"

    def head(title: str) -> SheetHeader:
        return SheetHeader(f"{r.name} {title}", estate_name, period, prepared_by, prepared_on)

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "汇总"
    kv = summary_rows(r)
    _table(
        ws,
        head("结果汇总"),
        ["指标", "数值"],
        [[k, v] for k, v, _ in kv],
        ["", ""],
        [18, 36],
        row_formats=[f for *_, f in kv],
    )
    for row in range(HEADER_ROW + 1, ws.max_row + 1):
        ws.cell(row, 2).alignment = Alignment(horizontal="right")

    ws = wb.create_sheet("题目")
    _table(
        ws,
        head("各题结果"),
        ["序号", "题目", "主题", "类型", "答卷数", "平均分", "满意率", "上次平均分", "变化",
         "1分", "2分", "3分", "4分", "5分", "选项分布"],
        [_question_row(i, q) for i, q in enumerate(r.questions, start=1)],
        [INT, "", "", "", INT, AVG, PCT, AVG, "+0.00;-0.00;0.00", INT, INT, INT, INT, INT, ""],
        [6, 40, 10, 9, 9, 9, 9, 11, 8, 7, 7, 7, 7, 7, 40],
        wrap=(1, 14),
    )  # fmt: skip

    ws = wb.create_sheet("楼栋")
    _table(
        ws,
        head("各楼栋结果"),
        ["楼栋", "抽样户数", "有效答卷", "应答率", "平均分"],
        [
            [
                b.building,
                b.sample_size,
                b.responses,
                b.responses / b.sample_size if b.sample_size else None,
                _mean(b.mean),
            ]
            for b in r.buildings
        ],
        ["", INT, INT, PCT, AVG],
        [16, 12, 12, 12, 12],
    )

    ws = wb.create_sheet("意见")
    _table(
        ws,
        head("意见与投诉"),
        ["房号", "题目", "评分", "意见", "投诉", "回访工单", "答卷时间"],
        [
            [
                c.unit_code,
                c.question,
                c.rating,
                c.text,
                "是" if c.is_complaint else "",
                c.ticket_no or "",
                to_local(c.answered_at).replace(tzinfo=None),
            ]
            for c in r.comments
        ],
        ["", "", INT, "", "", "", WHEN],
        [12, 28, 7, 50, 7, 16, 17],
        wrap=(1, 3),
    )
    if r.comments:
        ws.auto_filter.ref = f"A{HEADER_ROW}:G{ws.max_row}"

    inert_workbook(wb)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def write_survey_results(
    results: CampaignResults,
    path: str | Path,
    *,
    estate_name: str = "",
    prepared_by: str = "",
    prepared_on: date | None = None,
) -> Path:
    """Write the workbook to ``path`` (readable by the user only)."""
    data = survey_results_workbook(
        results, estate_name=estate_name, prepared_by=prepared_by, prepared_on=prepared_on
    )
    return write_private(path, data)
