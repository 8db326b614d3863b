"""The monthly management report (管理月报) as .xlsx: one sheet per section.

Plain data in (:class:`propdesk.reporting.values.MonthlyReport`), bytes out. Counts are
integers with thousands separators, money is yuan with ``¥#,##0.00`` (Decimal from fen,
exact), rates are fractions formatted ``0.0%`` (an empty cell when there is nothing to
divide), averages ``0.00``; a month with nothing to compare shows "—". Each sheet has the
title rows (estate, period, 制表人, 制表日期), a bold frozen header, column widths that fit
Chinese, ``SUBTOTAL`` totals and the print set-up of :mod:`reports.excel.layout`; the
written summary, problems and plan and the 编制/审核/审批 lines close the workbook.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from propdesk import clock
from propdesk.fees.periods import add_months
from propdesk.files import write_private
from propdesk.reporting.export_values import SheetHeader, day_text, period_text
from propdesk.reporting.values import Count, Headline, MonthlyReport, MonthNotes
from reports.excel.cells import Formula, inert_workbook, put_formula, subtotal
from reports.excel.layout import TITLE_ROWS, print_setup, put_title_rows

MONEY = '"¥"#,##0.00'
PCT = "0.0%"
AVG = "0.00"
INT = "#,##0"
WHEN = "yyyy-mm-dd hh:mm"
AGEING_LABELS = ("≤30天", "31–90天", "91–180天", ">180天")
_BOLD = Font(bold=True)
_TITLE = Font(bold=True, size=13)
_FILL = PatternFill("solid", fgColor="DDE6F0")


def yuan(fen: int) -> Decimal:
    """Fen → exact yuan for a money cell."""
    return Decimal(fen).scaleb(-2)


@dataclass(frozen=True)
class Block:
    """A table on a sheet: a caption, headers, rows and one number format per column."""

    caption: str
    headers: Sequence[str]
    rows: Sequence[Sequence[Any]]
    formats: Sequence[str]
    row_formats: Sequence[str] = ()  # per row, for the value column of a key/value table
    subtotal_cols: Sequence[int] = ()  # columns (0-based) whose last row sums the rows above


#: Formulas to write after the workbook's text was made inert: (sheet, row, column, formula).
Pending = list[tuple[Worksheet, int, int, Formula]]


def _kv(caption: str, rows: Sequence[tuple[str, Any, str]]) -> Block:
    """A two-column 指标/数值 table whose rows have their own number formats."""
    return Block(
        caption, ["指标", "数值"], [[k, v] for k, v, _ in rows], ["", ""], [f for *_, f in rows]
    )


def _write(
    ws: Worksheet,
    header: SheetHeader,
    blocks: Sequence[Block],
    widths: Sequence[float],
    pending: Pending,
) -> None:
    put_title_rows(ws, header, len(widths))
    first_header = 0
    for block in blocks:
        ws.append([])
        if block.caption:
            ws.append([block.caption])
            ws.cell(ws.max_row, 1).font = _BOLD
        ws.append(list(block.headers))
        hr = ws.max_row
        first_header = first_header or hr
        for j in range(1, len(block.headers) + 1):
            ws.cell(hr, j).font = _BOLD
            ws.cell(hr, j).fill = _FILL
        for i, row in enumerate(block.rows):
            ws.append(list(row))
            r = ws.max_row
            for j, fmt in enumerate(block.formats, start=1):
                if fmt:
                    ws.cell(r, j).number_format = fmt
            if block.row_formats and block.row_formats[i]:
                ws.cell(r, 2).number_format = block.row_formats[i]
        if block.subtotal_cols and block.rows:
            last = ws.max_row
            for col in block.subtotal_cols:
                letter = get_column_letter(col + 1)
                fmt = block.formats[col] if col < len(block.formats) else ""
                pending.append(
                    (ws, last, col + 1, subtotal(letter, hr + 1, last - 1, number_format=fmt))
                )
            ws.cell(last, 1).font = _BOLD
    for j, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(j)].width = w
    print_setup(ws, repeat_rows=TITLE_ROWS)
    if first_header:
        ws.freeze_panes = ws.cell(TITLE_ROWS + 1, 1).coordinate


def _counts(caption: str, head: str, rows: Sequence[Count], total: int) -> Block:
    data: list[list[Any]] = [[c.label, c.count, c.count / total if total else None] for c in rows]
    data.append(["合计", total, 1 if total else None])
    return Block(caption, [head, "数量", "占比"], data, ["", INT, PCT], subtotal_cols=(1,))


def _write_overview(ws: Worksheet, r: MonthlyReport, header: SheetHeader) -> None:
    put_title_rows(ws, header, 4)
    ws.append([])
    prev = r.previous.period if r.previous else add_months(r.period, -1)
    year = r.last_year.period if r.last_year else add_months(r.period, -12)
    head = ["指标", f"本月 {r.current.period}", f"上月 {prev}", f"去年同期 {year}"]
    ws.append(head)
    hr = ws.max_row
    for j in range(1, 5):
        ws.cell(hr, j).font = _BOLD
        ws.cell(hr, j).fill = _FILL
    h: tuple[Headline | None, ...] = (r.current, r.previous, r.last_year)

    def vals(f: Callable[[Headline], Any]) -> list[Any]:
        """One figure of each month; "—" for a month with nothing to compare."""
        return [f(x) if x is not None else "—" for x in h]

    rows: list[tuple[str, list[Any], str]] = [
        ("工单总数", vals(lambda x: x.tickets), INT),
        ("投诉数", vals(lambda x: x.complaints), INT),
        ("完成时限达标率", vals(lambda x: x.sla_hit_rate), PCT),
        ("回访平均满意度(1–5)", vals(lambda x: x.avg_satisfaction), AVG),
        ("装修违规", vals(lambda x: x.violations), INT),
        ("巡查异常", vals(lambda x: x.anomalies), INT),
        ("本期应收", vals(lambda x: yuan(x.billed_fen)), MONEY),
        ("本期实收", vals(lambda x: yuan(x.collected_fen)), MONEY),
        ("本期收缴率", vals(lambda x: x.collection_rate), PCT),
    ]
    for label, values, fmt in rows:
        ws.append([label, *values])
        for j in range(2, 5):
            cell = ws.cell(ws.max_row, j)
            cell.number_format = fmt
            if cell.value == "—":
                cell.alignment = Alignment(horizontal="right")
    ws.append([])
    ws.append(["注：“—”表示该月尚无记录，无可比较的数字。"])
    for j, w in enumerate((24, 18, 18, 20), start=1):
        ws.column_dimensions[get_column_letter(j)].width = w
    ws.freeze_panes = ws.cell(hr + 1, 2).coordinate
    print_setup(ws, repeat_rows=TITLE_ROWS)


def _tickets(r: MonthlyReport) -> list[Block]:
    t = r.tickets
    return [
        _kv(
            "时效",
            [
                ("受理工单", t.total, INT),
                ("已响应", t.responded, INT),
                ("平均响应时间(分钟)", t.avg_response_minutes, AVG),
                ("响应时限达标率", t.response_hit_rate, PCT),
                ("已完工", t.done, INT),
                ("平均完成时间(小时)", t.avg_completion_hours, AVG),
                ("完成时限(SLA)达标率", t.sla_hit_rate, PCT),
            ],
        ),
        _counts(f"按类型（不含已取消 {t.cancelled:,} 件）", "类型", t.by_kind, t.total),
        _counts("按状态", "状态", t.by_status, t.total),
        _counts("按类别", "类别", t.by_category, t.total),
    ]


def _callbacks(r: MonthlyReport) -> list[Block]:
    c = r.callbacks
    return [
        _kv(
            "回访",
            [
                ("回访次数", c.count, INT),
                ("总体满意度平均", c.avg_overall, AVG),
                ("响应速度平均", c.avg_speed, AVG),
                ("服务态度平均", c.avg_attitude, AVG),
                ("满意(≥4分)", c.satisfied, INT),
                ("满意率", c.satisfied_rate, PCT),
                ("回访未修好", c.not_fixed, INT),
            ],
        ),
        Block(
            "总体满意度分布",
            ["分数", "次数"],
            [[f"{i}分", n] for i, n in enumerate(c.by_score, 1)],
            ["", INT],
        ),
    ]


def _complaints(r: MonthlyReport) -> list[Block]:
    s = r.complaints
    head = ["", "件数", "占比", "成立", "已处理", "平均处理(小时)", "平均满意度"]
    fmts = ["", INT, PCT, INT, INT, AVG, AVG]

    def rows(lines: Sequence[Any]) -> list[list[Any]]:
        return [
            [
                x.label,
                x.count,
                x.share_permille / 1000,
                x.valid_count,
                x.handled_count,
                x.avg_handling_hours,
                x.avg_satisfaction,
            ]
            for x in lines
        ]

    return [
        Block(f"投诉总数 {s.total}", ["按类别", *head[1:]], rows(s.by_category), fmts),
        Block("", ["按责任部门", *head[1:]], rows(s.by_department), fmts),
    ]


def _renovation(r: MonthlyReport) -> list[Block]:
    v = r.renovation
    return [
        Block(
            "装修许可与巡查",
            ["项目", "数量"],
            [
                ["新申请", v.applied],
                ["批准", v.approved],
                ["驳回", v.rejected],
                ["竣工验收", v.accepted],
                ["月末在施工", v.active_at_end],
                ["巡查次数", v.inspections],
                ["发现违规", v.violations],
                ["本月整改完成", v.violations_rectified],
                ["月末未整改", v.violations_open_at_end],
            ],
            ["", INT],
        ),
        _counts("巡查结果", "结果", v.inspections_by_result, v.inspections),
        _counts("违规类型", "类型", v.violations_by_type, v.violations),
    ]


def _patrols(r: MonthlyReport) -> list[Block]:
    p = r.patrols
    return [
        _kv(
            "巡查",
            [
                ("巡查次数", p.patrols, INT),
                ("已完成", p.finished, INT),
                ("应检点位", p.checkpoints, INT),
                ("已检", p.checked, INT),
                ("漏检", p.missed, INT),
                ("完成率", p.completion_rate, PCT),
                ("发现异常", p.anomalies, INT),
                ("转工单", p.anomalies_ticketed, INT),
                ("现场处理", p.anomalies_resolved, INT),
            ],
        ),
        _counts("异常按区域", "区域", p.anomalies_by_area, p.anomalies),
    ]


def _desk(r: MonthlyReport) -> list[Block]:
    d = r.desk
    return [
        Block(
            "快递代收",
            ["项目", "数量"],
            [
                ["收件", d.parcels_received],
                ["取件", d.parcels_collected],
                ["退回", d.parcels_returned],
                ["月末待取", d.parcels_waiting_at_end],
            ],
            ["", INT],
        ),
        Block(
            "钥匙托管",
            ["项目", "数量"],
            [
                ["新托管", d.keys_deposited],
                ["借出", d.key_loans],
                ["归还", d.keys_returned],
                ["逾期未还/逾期归还", d.key_loans_late],
            ],
            ["", INT],
        ),
    ]


def _calls(r: MonthlyReport) -> list[Block]:
    """来电话务与停水停电, as the PDF's section: the call figures, calls by category and by
    outcome, by hour, and the outages of the window (local times)."""
    c = r.calls
    if c is None:
        return []
    from propdesk.calls.values import OUTCOME_ZH, TOPIC_ZH

    topic_zh: dict[str, str] = {str(k): v for k, v in TOPIC_ZH.items()}
    outcome_zh: dict[str, str] = {str(k): v for k, v in OUTCOME_ZH.items()}
    blocks = [
        _kv(
            "来电话务",
            [
                ("来电（个）", c.inbound, INT),
                ("其中未接", c.missed, INT),
                ("去电（个）", c.outbound, INT),
                ("一次解决率", c.fcr_rate if c.first_call_base else None, PCT),
                ("应回电（个）", c.callbacks_due, INT),
                ("按时回电（个）", c.callbacks_on_time, INT),
                ("按时回电率", c.callback_on_time_rate if c.callbacks_due else None, PCT),
            ],
        )
    ]
    topics = [Count(k, topic_zh.get(k, k), v) for k, v in c.by_topic]
    if topics:
        blocks.append(_counts("来电类别", "类别", topics, sum(t.count for t in topics)))
    outcomes = [Count(k, outcome_zh.get(k, k), v) for k, v in c.by_outcome]
    if outcomes:
        blocks.append(_counts("处理结果", "结果", outcomes, sum(o.count for o in outcomes)))
    if any(c.by_hour):
        blocks.append(
            Block(
                "来电时段分布",
                ["时段", "来电"],
                [[f"{h}时", v] for h, v in enumerate(c.by_hour)],
                ["", INT],
            )
        )
    outages = [
        [
            o.kind_zh + ("" if o.planned else "（突发）"),
            o.scope,
            clock.to_local(o.starts_at).replace(tzinfo=None),
            _local_or(o.actual_end_at or o.ends_at, "未结束"),
            o.reason,
        ]
        for o in r.outages
    ]
    blocks.append(
        Block(
            f"停水、停电、电梯停运等 {len(outages)} 次"
            if outages
            else "本期无停水、停电、电梯停运或停气",
            ["类别", "范围", "开始", "结束", "原因"],
            outages,
            ["", "", WHEN, WHEN, ""],
        )
    )
    return blocks


def _local_or(at: datetime | None, missing: str) -> datetime | str:
    """A stored UTC time as a local Excel date-time, or ``missing``."""
    return clock.to_local(at).replace(tzinfo=None) if at is not None else missing


def _fees(r: MonthlyReport) -> list[Block]:
    f = r.fees
    rows = [
        [
            b.building,
            yuan(b.billed_fen),
            yuan(b.collected_fen),
            yuan(b.waived_fen),
            b.rate,
            yuan(b.arrears_collected_fen),
            yuan(b.arrears_owed_fen),
            b.arrears_rate,
        ]
        for b in (*f.by_building, f.total)
    ]
    return [
        Block(
            f"本月收款 {f.payments} 笔",
            ["项目", "金额"],
            [["本月收款金额", yuan(f.payments_fen)]],
            ["", MONEY],
        ),
        Block(
            "各楼栋应收与实收（本期）",
            ["楼栋", "应收", "实收", "减免", "收缴率", "陈欠收回", "陈欠未收", "陈欠收缴率"],
            rows,
            ["", MONEY, MONEY, MONEY, PCT, MONEY, MONEY, PCT],
        ),
    ]


def _ageing(r: MonthlyReport) -> list[Block]:
    f = r.fees
    total = f.arrears_fen
    rows: list[list[Any]] = [
        [label, yuan(fen), fen / total if total else None]
        for label, fen in zip(AGEING_LABELS, f.ageing_fen, strict=True)
    ]
    rows.append(["合计", yuan(total), 1 if total else None])
    return [
        Block(
            f"截至 {f.arrears_as_of.isoformat()}，欠费户数 {f.arrears_units}",
            ["账龄", "欠费", "占比"],
            rows,
            ["", MONEY, PCT],
        )
    ]


def _activities(r: MonthlyReport) -> list[Block]:
    """社区活动, as the PDF's section: held, cancelled, sign-ups, attendance, ratings, money,
    and the feedback questionnaires when there were any."""
    a = r.activities
    if a is None:
        return []
    rows: list[tuple[str, Any, str]] = [
        ("举办活动（场）", a.held, INT),
        ("取消活动（场）", a.cancelled, INT),
        ("报名（户）", a.signups, INT),
        ("报名（人）", a.persons, INT),
        ("签到（户）", a.attended, INT),
        ("到场率", a.attendance_rate, PCT),
        ("评价（户）", a.ratings, INT),
        ("平均评分（1–5）", a.average_rating, AVG),
    ]
    if a.feedback_questionnaires:
        rows += [
            ("反馈问卷（份）", a.feedback_questionnaires, INT),
            ("反馈答卷（份）", a.feedback_responses, INT),
            ("问卷评分平均（1–5）", a.feedback_mean, AVG),
        ]
    rows += [("预算", yuan(a.budget_fen), MONEY), ("实际花费", yuan(a.spent_fen), MONEY)]
    caption = "本期社区活动" if a.held or a.cancelled else "本期未举办社区活动"
    return [_kv(caption, rows)]


def _care(r: MonthlyReport) -> list[Block]:
    """关怀走访, as the PDF's section: visits (by reason), ratings, tickets, flags set and
    ended; the visits and reviews overdue now only for a window that ends today or later
    ("—" for a past month). Counts only: no name, reason or finding."""
    c = r.care
    if c is None:
        return []
    rows: list[tuple[str, Any, str]] = [
        ("走访（次）", c.visits, INT),
        ("走访户数（户）", c.households, INT),
        *((f"其中：{x.label}（次）", x.count, INT) for x in c.by_reason),
        ("评价（次）", c.ratings, INT),
        ("平均评分（1–5）", c.average_rating, AVG),
        ("发现问题转工单（张）", c.ticketed, INT),
        ("新增关注标记（个）", c.flags_new, INT),
        ("解除关注标记（个）", c.flags_ended, INT),
    ]
    if c.overdue_as_of is not None:
        asof = f"截至{c.overdue_as_of.isoformat()}"
        rows += [
            (f"逾期未走访（项，{asof}）", c.visits_overdue, INT),
            (f"关注标记逾期未复查（个，{asof}）", c.reviews_overdue, INT),
        ]
    else:
        rows += [
            ("逾期未走访（项，仅当月列出）", "—", ""),
            ("关注标记逾期未复查（个，仅当月列出）", "—", ""),
        ]
    caption = "本期无走访，未新增或解除关注标记" if c.empty else "本期关怀走访"
    return [_kv(caption, rows)]


def has_survey_sheet(r: MonthlyReport) -> bool:
    """As the PDF: the survey section appears in a month in which a campaign ended."""
    return r.surveys is not None and bool(r.surveys.campaigns)


def _share(percent: float | None) -> float | None:
    """A share stored in percent (``87.5``) as a fraction for a ``0.0%`` cell."""
    return None if percent is None else percent / 100


def _surveys(r: MonthlyReport) -> list[Block]:
    """满意度调查 that ended in the month, with the previous campaign on the same questions."""
    v = r.surveys
    if v is None or not has_survey_sheet(r):
        return []
    rows: list[tuple[str, Any, str]] = [
        ("结束的调查（次）", len(v.campaigns), INT),
        ("抽样户数", v.sample_size, INT),
        ("完成访问（户）", v.responses, INT),
        ("回复率", _share(v.response_rate), PCT),
        ("平均分（1–5）", v.overall_mean, AVG),
        ("满意率（4–5分）", _share(v.satisfied_pct), PCT),
        ("转回访工单（张）", v.tickets_opened, INT),
    ]
    if v.previous_name is not None:
        rows += [
            ("上次调查", v.previous_name, ""),
            ("上次调查平均分（相同题目）", v.previous_overall_mean, AVG),
            ("本期平均分（相同题目）", v.overall_mean_shared, AVG),
        ]
    return [
        _kv("、".join(f"“{c}”" for c in v.campaigns), rows),
    ]


SHEETS = (
    ("工单", _tickets, (28, 12, 10)),
    ("回访满意度", _callbacks, (22, 12)),
    ("投诉分类", _complaints, (20, 10, 10, 10, 10, 16, 12)),
    ("装修", _renovation, (22, 12, 10)),
    ("巡查", _patrols, (18, 12, 10)),
    ("快递与钥匙", _desk, (22, 12)),
    ("来电与停水停电", _calls, (26, 16, 18, 18, 40)),
    ("收费", _fees, (18, 16, 16, 14, 10, 16, 16, 12)),
    ("欠费账龄", _ageing, (16, 16, 10)),
)


NOTE_HEADINGS = ("工作总结", "存在问题", "下月工作计划")
SIGNATURE_ROLES = ("编制", "审核", "审批")


def _write_notes(ws: Worksheet, notes: MonthNotes, header: SheetHeader) -> None:
    """The written summary, problems and plan; then 编制/审核/审批 lines tall enough to sign."""
    put_title_rows(ws, header, 4)
    texts = (notes.summary, notes.problems, notes.plan)
    for k, (label, text) in enumerate(zip(NOTE_HEADINGS, texts, strict=True), start=1):
        ws.append([])
        ws.append([f"（{k}）{label}"])
        ws.cell(ws.max_row, 1).font = _BOLD
        ws.append([text.strip() or "（未填写）"])
        r = ws.max_row
        ws.merge_cells(start_row=r, end_row=r, start_column=1, end_column=4)
        ws.cell(r, 1).alignment = Alignment(wrap_text=True, vertical="top")
        lines = sum(max(1, -(-len(line) // 60)) for line in (text.strip() or "-").splitlines())
        ws.row_dimensions[r].height = max(18, 15 * lines)
    ws.append([])
    for role in SIGNATURE_ROLES:
        ws.append([f"{role}：", "", "日期：", ""])
        r = ws.max_row
        ws.row_dimensions[r].height = 36  # points: tall enough to sign by hand
        for col in (2, 4):
            ws.cell(r, col).border = Border(bottom=Side(style="thin"))
        for col in (1, 3):
            ws.cell(r, col).alignment = Alignment(vertical="bottom", horizontal="right")
    for j, w in enumerate((14, 40, 10, 24), start=1):
        ws.column_dimensions[get_column_letter(j)].width = w
    print_setup(ws, repeat_rows=0, landscape=False)


def monthly_report_xlsx(
    r: MonthlyReport, target: str | Path | None = None, *, header: SheetHeader | None = None
) -> bytes:
    """The report as .xlsx bytes (and written to ``target`` when given).

    ``header`` gives who made it and when (:func:`propdesk.reporting.sheet_header.sheet_header`);
    without it the 制表人 is left blank.
    """
    base = header or SheetHeader(title="物业管理月报")
    if r.rolling_days:
        period = f"{day_text(r.start)} 至 {day_text(r.end)}（近{r.rolling_days}天）"
    else:
        period = period_text(r.period)
    base = replace(base, estate=r.estate_name or base.estate, period=period)
    pending: Pending = []
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "概览"
    _write_overview(ws, r, replace(base, title="物业管理月报 · 概览"))
    extra = [("社区活动", _activities, (30, 14))] if r.activities is not None else []
    if r.care is not None:
        extra.append(("关怀走访", _care, (40, 14)))
    if has_survey_sheet(r):
        extra.append(("满意度调查", _surveys, (34, 14)))
    sheets = [sheet for sheet in SHEETS if sheet[1] is not _calls or r.calls is not None]
    for name, build, widths in (*sheets, *extra):
        _write(
            wb.create_sheet(name),
            replace(base, title=f"物业管理月报 · {name}"),
            build(r),
            widths,
            pending,
        )
    _write_notes(
        wb.create_sheet("总结与计划"),
        r.notes or MonthNotes(period=r.period),
        replace(base, title="物业管理月报 · 总结、问题与计划"),
    )
    inert_workbook(wb)
    for sheet, row, col, formula in pending:
        put_formula(sheet.cell(row, col), formula)
    buf = io.BytesIO()
    wb.save(buf)
    data = buf.getvalue()
    if target is not None:
        write_private(target, data)
    return data
