"""The monthly management report (管理月报) as .xlsx: one sheet per section.

Plain data in (:class:`propdesk.reporting.values.MonthlyReport`), bytes out. Counts are
integers, money is yuan with ``¥#,##0.00`` (Decimal from fen, exact), rates are fractions
formatted ``0.0%`` (an empty cell when there is nothing to divide), averages ``0.00``.
Each sheet has a title row, a bold frozen header and column widths that fit Chinese.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from propdesk.files import write_private
from propdesk.reporting.values import Count, MonthlyReport
from reports.excel.cells import inert_workbook

MONEY = '"¥"#,##0.00'
PCT = "0.0%"
AVG = "0.00"
INT = "#,##0"
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


def _kv(caption: str, rows: Sequence[tuple[str, Any, str]]) -> Block:
    """A two-column 指标/数值 table whose rows have their own number formats."""
    return Block(
        caption, ["指标", "数值"], [[k, v] for k, v, _ in rows], ["", ""], [f for *_, f in rows]
    )


def _write(ws: Worksheet, title: str, blocks: Sequence[Block], widths: Sequence[float]) -> None:
    ws.append([title])
    ws.cell(1, 1).font = _TITLE
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
    for j, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(j)].width = w
    _print_setup(ws)
    if first_header:
        ws.freeze_panes = ws.cell(first_header + 1, 1).coordinate


def _print_setup(ws: Worksheet) -> None:
    """Print on A4 landscape, every column on one page width."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0


def _counts(caption: str, head: str, rows: Sequence[Count], total: int) -> Block:
    data: list[list[Any]] = [[c.label, c.count, c.count / total if total else None] for c in rows]
    data.append(["合计", total, 1 if total else None])
    return Block(caption, [head, "数量", "占比"], data, ["", INT, PCT])


def _write_overview(ws: Worksheet, r: MonthlyReport) -> None:
    ws.append([f"物业管理月报 {r.period}（{r.estate_name}）"])
    ws.cell(1, 1).font = _TITLE
    ws.append([f"统计期间 {r.start.isoformat()} 至 {r.end.isoformat()}"])
    ws.append([])
    head = [
        "指标",
        f"本月 {r.current.period}",
        f"上月 {r.previous.period}",
        f"去年同期 {r.last_year.period}",
    ]
    ws.append(head)
    hr = ws.max_row
    for j in range(1, 5):
        ws.cell(hr, j).font = _BOLD
        ws.cell(hr, j).fill = _FILL
    h = (r.current, r.previous, r.last_year)
    rows: list[tuple[str, list[Any], str]] = [
        ("工单总数", [x.tickets for x in h], INT),
        ("投诉数", [x.complaints for x in h], INT),
        ("完成时限达标率", [x.sla_hit_rate for x in h], PCT),
        ("回访平均满意度(1–5)", [x.avg_satisfaction for x in h], AVG),
        ("装修违规", [x.violations for x in h], INT),
        ("巡查异常", [x.anomalies for x in h], INT),
        ("本期应收", [yuan(x.billed_fen) for x in h], MONEY),
        ("本期实收", [yuan(x.collected_fen) for x in h], MONEY),
        ("本期收缴率", [x.collection_rate for x in h], PCT),
    ]
    for label, vals, fmt in rows:
        ws.append([label, *vals])
        for j in range(2, 5):
            ws.cell(ws.max_row, j).number_format = fmt
    for j, w in enumerate((24, 18, 18, 20), start=1):
        ws.column_dimensions[get_column_letter(j)].width = w
    ws.freeze_panes = ws.cell(hr + 1, 2).coordinate
    _print_setup(ws)


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
        _counts("按类型", "类型", t.by_kind, t.total),
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


SHEETS = (
    ("工单", _tickets, (28, 12, 10)),
    ("回访满意度", _callbacks, (22, 12)),
    ("投诉分类", _complaints, (20, 10, 10, 10, 10, 16, 12)),
    ("装修", _renovation, (22, 12, 10)),
    ("巡查", _patrols, (18, 12, 10)),
    ("快递与钥匙", _desk, (22, 12)),
    ("收费", _fees, (18, 16, 16, 14, 10, 16, 16, 12)),
    ("欠费账龄", _ageing, (16, 16, 10)),
)


def monthly_report_xlsx(r: MonthlyReport, target: str | Path | None = None) -> bytes:
    """The report as .xlsx bytes (and written to ``target`` when given)."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "概览"
    _write_overview(ws, r)
    for name, build, widths in SHEETS:
        _write(wb.create_sheet(name), f"{name}（{r.period}）", build(r), widths)
    buf = io.BytesIO()
    inert_workbook(wb).save(buf)
    data = buf.getvalue()
    if target is not None:
        write_private(target, data)
    return data
