"""The monthly management report (管理月报) as PDF, with charts drawn by ReportLab graphics.

Plain data in (:class:`propdesk.reporting.values.MonthlyReport`), PDF bytes out.
Charts use ``reportlab.graphics.charts`` with the embedded CJK font.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table, TableStyle

from propdesk import clock
from propdesk.fees.periods import add_months
from propdesk.reporting.axis import integer_axis, thousands
from propdesk.reporting.values import Count, Headline, MonthlyReport
from propdesk.tickets.values import StatLine
from reports.pdf.document import (
    FONT,
    DocumentSpec,
    build_pdf,
    fen_to_yuan,
    para,
    register_fonts,
    styles,
    table,
    title,
)
from reports.pdf.monthly_sections import heading as _h
from reports.pdf.monthly_sections import keep as _section
from reports.pdf.monthly_sections import long_date, n, num, optional_sections, pct, yuan

PALETTE = [
    colors.HexColor(c)
    for c in (
        "#3b73b9",
        "#e48a2f",
        "#4c9a52",
        "#c9463d",
        "#8062a8",
        "#8c6d4f",
        "#d36fa8",
        "#7f7f7f",
    )
]
AGEING_LABELS = ("≤30天", "31–90天", "91–180天", ">180天")


def month_label(period: str) -> str:
    return f"{period[:4]}年{int(period[5:])}月"


# --- charts ----------------------------------------------------------------------------


def bar_chart(
    labels: Sequence[str],
    series: Sequence[Sequence[float]],
    names: Sequence[str] = (),
    *,
    width: float = 170 * mm,
    height: float = 62 * mm,
    caption: str = "",
) -> Drawing:
    """A vertical bar chart (one colour per series) with the CJK font on every label."""
    d = _drawing(width, height)
    chart = VerticalBarChart()
    _place(chart, x=38, y=28, width=width - 60 - (70 if names else 0), height=height - 48)
    data = [list(s) or [0] for s in series] or [[0]]
    chart.data = data
    chart.categoryAxis.categoryNames = list(labels) or [""]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7
    if len(labels) > 6:
        chart.categoryAxis.labels.angle = 30
        chart.categoryAxis.labels.boxAnchor = "ne"
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    # whole steps (a count never reads 0.5), thousands separated
    axis = integer_axis(max((max(s) for s in data if s), default=0))
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = axis.top
    chart.valueAxis.valueStep = axis.step
    chart.valueAxis.labelTextFormat = thousands
    if len(labels) * len(data) <= 16:  # value labels only where they do not overlap
        chart.barLabels.fontName = FONT
        chart.barLabels.fontSize = 6
        chart.barLabelFormat = thousands
        chart.barLabels.nudge = 5
    for i in range(len(data)):
        chart.bars[i].fillColor = PALETTE[i % len(PALETTE)]
        chart.bars[i].strokeColor = None
    d.add(chart)
    if names:
        legend = Legend()
        legend.fontName = FONT
        legend.fontSize = 7
        _place(legend, x=width - 80, y=height - 20)
        legend.alignment = "right"
        legend.colorNamePairs = [(PALETTE[i % len(PALETTE)], n) for i, n in enumerate(names)]
        d.add(legend)
    if caption:
        d.add(
            String(width / 2, height - 10, caption, fontName=FONT, fontSize=9, textAnchor="middle")
        )
    return d


def _drawing(width: float, height: float) -> Drawing:
    """A drawing whose graphics state starts in the CJK font: ReportLab's renderer otherwise
    sets Helvetica first, and the PDF then lists an unused, non-embedded Helvetica."""
    register_fonts()
    d = Drawing(width, height)
    d.initialFontName = FONT  # type: ignore[attr-defined]  # a Drawing attribute the stubs omit
    return d


def _place(shape: Any, **geometry: float) -> None:
    """Set a chart's or legend's position and size in points.

    ReportLab takes any number here; its stubs declare ``int``, which would round the layout.
    """
    for name, value in geometry.items():
        setattr(shape, name, value)


def pie_chart(
    labels: Sequence[str],
    values: Sequence[int],
    *,
    width: float = 85 * mm,
    height: float = 58 * mm,
    caption: str = "",
) -> Drawing:
    """A pie with a legend; an all-zero pie is drawn as ``无数据``."""
    d = _drawing(width, height)
    if caption:
        d.add(
            String(width / 2, height - 10, caption, fontName=FONT, fontSize=9, textAnchor="middle")
        )
    pairs = [(lbl, v) for lbl, v in zip(labels, values, strict=True) if v > 0]
    if not pairs:
        d.add(
            String(width / 2, height / 2, "无数据", fontName=FONT, fontSize=10, textAnchor="middle")
        )
        return d
    pie = Pie()
    size = min(height - 24, width / 2 - 10)
    _place(pie, x=8, y=(height - 14 - size) / 2, width=size, height=size)
    pie.data = [v for _, v in pairs]
    pie.labels = None
    pie.slices.strokeColor = colors.white
    for i in range(len(pairs)):
        pie.slices[i].fillColor = PALETTE[i % len(PALETTE)]
    d.add(pie)
    legend = Legend()
    legend.fontName = FONT
    legend.fontSize = 7
    _place(legend, x=size + 20, y=height - 22)
    legend.alignment = "right"
    legend.columnMaximum = 8
    legend.colorNamePairs = [
        (PALETTE[i % len(PALETTE)], f"{lbl} {v:,}") for i, (lbl, v) in enumerate(pairs)
    ]
    d.add(legend)
    return d


# --- sections --------------------------------------------------------------------------


def _counts_table(rows: Sequence[Count], head: str, total: int) -> Flowable:
    data: list[list[str]] = [[head, "数量", "占比"]]
    data += [[c.label, n(c.count), pct(c.count / total if total else None)] for c in rows]
    data.append(["合计", n(total), "100.0%" if total else "—"])
    return table(data, [70 * mm, 25 * mm, 25 * mm], right_align_cols=(1, 2))


def comparison_rows(r: MonthlyReport) -> list[list[str]]:
    """The overview table: this month, last month, a year ago; "—" where nothing to compare."""
    cols: Sequence[Headline | None] = (r.current, r.previous, r.last_year)
    prev_p = r.previous.period if r.previous else add_months(r.period, -1)
    year_p = r.last_year.period if r.last_year else add_months(r.period, -12)

    def row(label: str, f: Callable[[Headline], str]) -> list[str]:
        return [label, *(f(h) if h is not None else "—" for h in cols)]

    return [
        ["指标", f"本月 {r.current.period}", f"上月 {prev_p}", f"去年同期 {year_p}"],
        row("工单总数", lambda h: n(h.tickets)),
        row("投诉数", lambda h: n(h.complaints)),
        row("完成时限达标率", lambda h: pct(h.sla_hit_rate)),
        row("回访平均满意度(1–5)", lambda h: num(h.avg_satisfaction, 2)),
        row("装修违规", lambda h: n(h.violations)),
        row("巡查异常", lambda h: n(h.anomalies)),
        row("本期应收(元)", lambda h: yuan(h.billed_fen)),
        row("本期实收(元)", lambda h: yuan(h.collected_fen)),
        row("本期收缴率", lambda h: pct(h.collection_rate)),
    ]


def _comparison(r: MonthlyReport) -> list[Flowable]:
    return [
        _h("一、本月概览与同比、环比"),
        table(comparison_rows(r), [55 * mm, 38 * mm, 38 * mm, 38 * mm], right_align_cols=(1, 2, 3)),
        para("注：“—”表示该月尚无记录，无可比较的数字。", styles().small),
    ]


def _tickets(r: MonthlyReport) -> list[Flowable]:
    t = r.tickets
    rows = max(len(t.by_kind), len(t.by_status))

    def cell(counts: Sequence[Count], i: int) -> tuple[str, str]:
        return (counts[i].label, n(counts[i].count)) if i < len(counts) else ("", "")

    kinds_table = table(
        [
            ["按类型", "数量", "按状态", "数量"],
            *[[*cell(t.by_kind, i), *cell(t.by_status, i)] for i in range(rows)],
            ["合计", n(t.total), "合计", n(t.total)],
        ],
        [45 * mm, 25 * mm, 45 * mm, 25 * mm],
        right_align_cols=(1, 3),
    )
    cancelled = f"（另有已取消 {n(t.cancelled)} 件，不计入以下各项）" if t.cancelled else ""
    top = t.by_category[:12]
    return [
        _section(
            _h("二、服务工单"),
            para(
                f"本月受理工单 {n(t.total)} 件{cancelled}；已响应 {n(t.responded)} 件，平均响应 "
                f"{num(t.avg_response_minutes, 0)} 分钟，响应时限达标率 {pct(t.response_hit_rate)}；"
                f"已完工 {n(t.done)} 件，平均完成 {num(t.avg_completion_hours)} 小时，"
                f"完成时限（SLA）达标率 {pct(t.sla_hit_rate)}。"
            ),
            Spacer(1, 2 * mm),
            kinds_table,
            pie_chart(
                [c.label for c in t.by_kind], [c.count for c in t.by_kind], caption="工单类型分布"
            ),
        ),
        _section(
            para("按类别", styles().body),
            _counts_table(t.by_category, "类别", t.total),
            bar_chart([c.label for c in top], [[c.count for c in top]], caption="工单类别（前12）"),
        ),
    ]


def _callbacks(r: MonthlyReport) -> list[Flowable]:
    c = r.callbacks
    return [
        _section(
            _h("三、回访满意度"),
            para(
                f"本月回访 {n(c.count)} 次，总体满意度平均 {num(c.avg_overall, 2)} 分，"
                f"响应速度 {num(c.avg_speed, 2)} 分，服务态度 {num(c.avg_attitude, 2)} 分；"
                f"满意（4 分及以上）{n(c.satisfied)} 次，满意率 {pct(c.satisfied_rate)}；"
                f"回访未修好 {n(c.not_fixed)} 次。"
            ),
            bar_chart(
                [f"{i}分" for i in range(1, 6)],
                [list(c.by_score)],
                caption="总体满意度分布",
                height=50 * mm,
            ),
        )
    ]


def _complaints(r: MonthlyReport) -> list[Flowable]:
    s = r.complaints
    head = ["", "件数", "占比", "成立", "已处理", "平均处理(小时)", "满意度"]

    def rows(lines: Sequence[StatLine]) -> list[list[str]]:
        return [
            [
                x.label,
                n(x.count),
                f"{x.share_permille / 10:.1f}%",
                n(x.valid_count),
                n(x.handled_count),
                num(x.avg_handling_hours),
                num(x.avg_satisfaction, 2),
            ]
            for x in lines
        ]

    widths = [40 * mm, 17 * mm, 18 * mm, 17 * mm, 18 * mm, 30 * mm, 20 * mm]
    right = (1, 2, 3, 4, 5, 6)
    return [
        CondPageBreak(70 * mm),
        _section(
            _h("四、投诉分类统计"),
            para(f"本月投诉 {n(s.total)} 件（已取消的不计）。"),
            table([["按类别", *head[1:]], *rows(s.by_category)], widths, right_align_cols=right),
        ),
        Spacer(1, 2 * mm),
        table([["按责任部门", *head[1:]], *rows(s.by_department)], widths, right_align_cols=right),
    ]


def _renovation(r: MonthlyReport) -> list[Flowable]:
    v = r.renovation
    data = [
        ["项目", "数量"],
        ["新申请", n(v.applied)],
        ["批准", n(v.approved)],
        ["驳回", n(v.rejected)],
        ["竣工验收", n(v.accepted)],
        ["月末在施工", n(v.active_at_end)],
        ["巡查次数", n(v.inspections)],
        ["发现违规", n(v.violations)],
        ["本月整改完成", n(v.violations_rectified)],
        ["月末未整改", n(v.violations_open_at_end)],
    ]
    return [
        _section(
            _h("五、装修管理"),
            table(data, [60 * mm, 30 * mm], right_align_cols=(1,)),
            pie_chart(
                [c.label for c in v.violations_by_type],
                [c.count for c in v.violations_by_type],
                caption="违规类型",
            ),
        )
    ]


def _patrols(r: MonthlyReport) -> list[Flowable]:
    p = r.patrols
    return [
        _section(
            _h("六、巡查"),
            para(
                f"本月巡查 {n(p.patrols)} 次（已完成 {n(p.finished)} 次），应检点位 "
                f"{n(p.checkpoints)} 个次，已检 {n(p.checked)}，漏检 {n(p.missed)}，"
                f"完成率 {pct(p.completion_rate)}；发现异常 {n(p.anomalies)} 处，其中转工单 "
                f"{n(p.anomalies_ticketed)} 处、现场处理 {n(p.anomalies_resolved)} 处。"
            ),
            bar_chart(
                [c.label for c in p.anomalies_by_area],
                [[c.count for c in p.anomalies_by_area]],
                caption="异常按区域",
                height=50 * mm,
            ),
        )
    ]


def _desk(r: MonthlyReport) -> list[Flowable]:
    d = r.desk
    data = [
        ["快递代收", "数量", "钥匙托管", "数量"],
        ["收件", n(d.parcels_received), "新托管", n(d.keys_deposited)],
        ["取件", n(d.parcels_collected), "借出", n(d.key_loans)],
        ["退回", n(d.parcels_returned), "归还", n(d.keys_returned)],
        ["月末待取", n(d.parcels_waiting_at_end), "逾期未还/逾期归还", n(d.key_loans_late)],
    ]
    return [
        _section(
            _h("七、快递与钥匙"),
            table(data, [40 * mm, 25 * mm, 45 * mm, 25 * mm], right_align_cols=(1, 3)),
        )
    ]


def _calls(r: MonthlyReport) -> list[Flowable]:
    """八、the call desk (话务量) and the outages of the window."""
    c = r.calls
    if c is None:
        return []
    from propdesk.calls.values import OUTCOME_ZH, TOPIC_ZH

    topic_zh: dict[str, str] = {str(k): v for k, v in TOPIC_ZH.items()}
    outcome_zh: dict[str, str] = {str(k): v for k, v in OUTCOME_ZH.items()}
    topics = [Count(k, topic_zh.get(k, k), v) for k, v in c.by_topic]
    outcomes = "，".join(f"{outcome_zh.get(k, k)} {n(v)}" for k, v in c.by_outcome)
    parts: list[Flowable] = [
        _h("八、来电话务与停水停电"),
        para(
            f"本期来电 {n(c.inbound)} 个（其中未接 {n(c.missed)} 个），去电 {n(c.outbound)} 个；"
            f"一次解决率 {pct(c.fcr_rate if c.first_call_base else None)}，"
            f"按时回电率 {pct(c.callback_on_time_rate if c.callbacks_due else None)}"
            f"（应回电 {n(c.callbacks_due)} 个，按时 {n(c.callbacks_on_time)} 个）。"
            + (f"处理结果：{outcomes}。" if outcomes else "")
        ),
    ]
    if topics:
        parts.append(_counts_table(topics, "来电类别", sum(t.count for t in topics)))
    if any(c.by_hour):
        parts.append(
            bar_chart(
                [f"{h}时" for h in range(24)],
                [list(c.by_hour)],
                caption="来电时段分布",
                height=45 * mm,
            )
        )
    story: list[Flowable] = [_section(*parts)]
    if r.outages:
        rows = [["类别", "范围", "开始", "结束", "原因"]]
        for o in r.outages:
            end = o.actual_end_at or o.ends_at
            rows.append(
                [
                    o.kind_zh + ("" if o.planned else "（突发）"),
                    o.scope,
                    clock.to_local(o.starts_at).strftime("%m-%d %H:%M"),
                    clock.to_local(end).strftime("%m-%d %H:%M") if end else "未结束",
                    o.reason,
                ]
            )
        story.append(
            _section(
                para(f"本期停水、停电、电梯停运等共 {n(len(r.outages))} 次："),
                table(rows, [25 * mm, 35 * mm, 25 * mm, 25 * mm, 60 * mm]),
            )
        )
    else:
        story.append(para("本期无停水、停电、电梯停运或停气。"))
    return story


def _fees(r: MonthlyReport) -> list[Flowable]:
    f = r.fees
    data = [["楼栋", "应收(元)", "实收(元)", "减免(元)", "收缴率", "陈欠收回(元)", "陈欠收缴率"]]
    for b in (*f.by_building, f.total):
        data.append(
            [
                b.building,
                fen_to_yuan(b.billed_fen),
                fen_to_yuan(b.collected_fen),
                fen_to_yuan(b.waived_fen),
                pct(b.rate),
                fen_to_yuan(b.arrears_collected_fen),
                pct(b.arrears_rate),
            ]
        )
    ageing = [["账龄", "欠费(元)", "占比"]]
    for label, fen in zip(AGEING_LABELS, f.ageing_fen, strict=True):
        ageing.append(
            [label, fen_to_yuan(fen), pct(fen / f.arrears_fen if f.arrears_fen else None)]
        )
    ageing.append(["合计", fen_to_yuan(f.arrears_fen), "100.0%" if f.arrears_fen else "—"])
    top = f.by_building
    return [
        CondPageBreak(90 * mm),
        _h("九、收费与欠费"),
        para(
            f"本月收款 {n(f.payments)} 笔，共 {fen_to_yuan(f.payments_fen)} 元。"
            f"本期应收 {fen_to_yuan(f.total.billed_fen)} 元，"
            f"实收 {fen_to_yuan(f.total.collected_fen)} 元，收缴率 {pct(f.total.rate)}。"
        ),
        table(
            data,
            [24 * mm, 27 * mm, 27 * mm, 20 * mm, 18 * mm, 27 * mm, 20 * mm],
            right_align_cols=(1, 2, 3, 4, 5, 6),
        ),
        KeepTogether(
            bar_chart(
                [b.building for b in top],
                [[b.billed_fen // 100 for b in top], [b.collected_fen // 100 for b in top]],
                ["应收(元)", "实收(元)"],
                caption="各楼栋应收与实收",
            )
        ),
        _section(
            para(f"欠费账龄（截至 {long_date(f.arrears_as_of)}，欠费户数 {n(f.arrears_units)}）"),
            table(ageing, [40 * mm, 35 * mm, 25 * mm], right_align_cols=(1, 2)),
            pie_chart(
                list(AGEING_LABELS),
                [fen // 100 for fen in f.ageing_fen],
                caption="欠费账龄分布（元）",
            ),
        ),
    ]


SIGNATURE_ROLES = ("编制", "审核", "审批")
#: A signature row is tall enough to sign by hand (a ballpoint signature is 8–12 mm high).
SIGNATURE_ROW_HEIGHT = 16 * mm


def signatures() -> Flowable:
    """编制 / 审核 / 审批: a name line and a date line each, rows tall enough to sign."""
    st = styles()
    rows = [
        [para(f"{role}：", st.body), "", para("日期：", st.body), ""] for role in SIGNATURE_ROLES
    ]
    t = Table(
        rows,
        colWidths=[16 * mm, 60 * mm, 20 * mm, 40 * mm],
        rowHeights=[SIGNATURE_ROW_HEIGHT] * len(rows),
    )
    t.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),  # the empty cells too: no Helvetica
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LINEBELOW", (1, 0), (1, -1), 0.6, colors.black),
                ("LINEBELOW", (3, 0), (3, -1), 0.6, colors.black),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return KeepTogether([Spacer(1, 6 * mm), t])


def report_story(r: MonthlyReport) -> list[Flowable]:
    """Every section of the report, in order, closed by the written part and signatures."""
    if r.rolling_days:
        heading = f"物业管理报表（近{r.rolling_days}天）"
    else:
        heading = f"物业管理月报（{month_label(r.period)}）"
    return [
        title(heading),
        para(f"统计期间：{long_date(r.start)} 至 {long_date(r.end)}", styles().center),
        Spacer(1, 3 * mm),
        *_comparison(r),
        *_tickets(r),
        *_callbacks(r),
        *_complaints(r),
        *_renovation(r),
        *_patrols(r),
        *_desk(r),
        *_calls(r),
        *_fees(r),
        *optional_sections(r),
        signatures(),
    ]


def monthly_report_pdf(r: MonthlyReport, *, printed_at: datetime | None = None) -> bytes:
    """The report as PDF bytes."""
    spec = DocumentSpec(
        title=f"物业管理月报 {r.period}",
        estate_name=r.estate_name or "物业管理月报",
        company=r.company,
        printed_at=printed_at,
    )
    return build_pdf(spec, report_story(r))
