"""The monthly management report (管理月报) as PDF, with charts drawn by ReportLab graphics.

Plain data in (:class:`propdesk.reporting.values.MonthlyReport`), PDF bytes out.
Charts use ``reportlab.graphics.charts`` with the embedded CJK font.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from propdesk.reporting.values import Count, Headline, MonthlyReport
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


def pct(rate: float | None) -> str:
    """``0.9234`` → ``92.3%``; ``None`` → ``—``."""
    return "—" if rate is None else f"{rate * 100:.1f}%"


def num(value: float | None, digits: int = 1) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


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
    register_fonts()
    d = Drawing(width, height)
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
    chart.valueAxis.valueMin = 0
    top = max((max(s) for s in data if s), default=0)
    if top <= 0:
        chart.valueAxis.valueMax = 1
        chart.valueAxis.valueStep = 1
    if len(labels) * len(data) <= 16:  # value labels only where they do not overlap
        chart.barLabels.fontName = FONT
        chart.barLabels.fontSize = 6
        chart.barLabelFormat = "%d"
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
    register_fonts()
    d = Drawing(width, height)
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
        (PALETTE[i % len(PALETTE)], f"{lbl} {v}") for i, (lbl, v) in enumerate(pairs)
    ]
    d.add(legend)
    return d


# --- sections --------------------------------------------------------------------------


def _h(text: str) -> Flowable:
    return para(text, styles().heading)


def _counts_table(rows: Sequence[Count], head: str, total: int) -> Flowable:
    data: list[list[str]] = [[head, "数量", "占比"]]
    data += [[c.label, str(c.count), pct(c.count / total if total else None)] for c in rows]
    data.append(["合计", str(total), "100.0%" if total else "—"])
    return table(data, [70 * mm, 25 * mm, 25 * mm], right_align_cols=(1, 2))


def _comparison(r: MonthlyReport) -> list[Flowable]:
    cols: Sequence[Headline] = (r.current, r.previous, r.last_year)

    def row(label: str, f: object) -> list[str]:
        return [label, *(f(h) for h in cols)]  # type: ignore[operator]

    data = [
        [
            "指标",
            f"本月 {r.current.period}",
            f"上月 {r.previous.period}",
            f"去年同期 {r.last_year.period}",
        ],
        row("工单总数", lambda h: str(h.tickets)),
        row("投诉数", lambda h: str(h.complaints)),
        row("完成时限达标率", lambda h: pct(h.sla_hit_rate)),
        row("回访平均满意度(1–5)", lambda h: num(h.avg_satisfaction, 2)),
        row("装修违规", lambda h: str(h.violations)),
        row("巡查异常", lambda h: str(h.anomalies)),
        row("本期应收(元)", lambda h: fen_to_yuan(h.billed_fen)),
        row("本期实收(元)", lambda h: fen_to_yuan(h.collected_fen)),
        row("本期收缴率", lambda h: pct(h.collection_rate)),
    ]
    return [
        _h("一、本月概览与同比、环比"),
        table(data, [55 * mm, 38 * mm, 38 * mm, 38 * mm], right_align_cols=(1, 2, 3)),
    ]


def _tickets(r: MonthlyReport) -> list[Flowable]:
    t = r.tickets
    story: list[Flowable] = [
        CondPageBreak(90 * mm),
        _h("二、服务工单"),
        para(
            f"本月受理工单 {t.total} 件；已响应 {t.responded} 件，平均响应 "
            f"{num(t.avg_response_minutes, 0)} 分钟，响应时限达标率 {pct(t.response_hit_rate)}；"
            f"已完工 {t.done} 件，平均完成 {num(t.avg_completion_hours)} 小时，"
            f"完成时限（SLA）达标率 {pct(t.sla_hit_rate)}。"
        ),
        Spacer(1, 2 * mm),
    ]
    story.append(
        table(
            [
                ["按类型", "数量", "按状态", "数量"],
                *[
                    [
                        *(
                            (t.by_kind[i].label, str(t.by_kind[i].count))
                            if i < len(t.by_kind)
                            else ("", "")
                        ),
                        *(
                            (t.by_status[i].label, str(t.by_status[i].count))
                            if i < len(t.by_status)
                            else ("", "")
                        ),
                    ]
                    for i in range(max(len(t.by_kind), len(t.by_status)))
                ],
            ],
            [45 * mm, 25 * mm, 45 * mm, 25 * mm],
            right_align_cols=(1, 3),
        )
    )
    story.append(
        pie_chart(
            [c.label for c in t.by_kind], [c.count for c in t.by_kind], caption="工单类型分布"
        )
    )
    story.append(
        KeepTogether(
            [
                para("按类别", styles().body),
                _counts_table(t.by_category, "类别", t.total),
            ]
        )
    )
    top = t.by_category[:12]
    story.append(
        bar_chart([c.label for c in top], [[c.count for c in top]], caption="工单类别（前12）")
    )
    return story


def _callbacks(r: MonthlyReport) -> list[Flowable]:
    c = r.callbacks
    return [
        CondPageBreak(80 * mm),
        _h("三、回访满意度"),
        para(
            f"本月回访 {c.count} 次，总体满意度平均 {num(c.avg_overall, 2)} 分，"
            f"响应速度 {num(c.avg_speed, 2)} 分，服务态度 {num(c.avg_attitude, 2)} 分；"
            f"满意（4 分及以上）{c.satisfied} 次，满意率 {pct(c.satisfied_rate)}；"
            f"回访未修好 {c.not_fixed} 次。"
        ),
        bar_chart(
            [f"{i}分" for i in range(1, 6)],
            [list(c.by_score)],
            caption="总体满意度分布",
            height=50 * mm,
        ),
    ]


def _complaints(r: MonthlyReport) -> list[Flowable]:
    s = r.complaints
    head = ["", "件数", "占比", "成立", "已处理", "平均处理(小时)", "满意度"]

    def rows(lines: Sequence[object]) -> list[list[str]]:
        return [
            [
                x.label,  # type: ignore[attr-defined]
                str(x.count),  # type: ignore[attr-defined]
                f"{x.share_permille / 10:.1f}%",  # type: ignore[attr-defined]
                str(x.valid_count),  # type: ignore[attr-defined]
                str(x.handled_count),  # type: ignore[attr-defined]
                num(x.avg_handling_hours),  # type: ignore[attr-defined]
                num(x.avg_satisfaction, 2),  # type: ignore[attr-defined]
            ]
            for x in lines
        ]

    widths = [40 * mm, 17 * mm, 18 * mm, 17 * mm, 18 * mm, 30 * mm, 20 * mm]
    right = (1, 2, 3, 4, 5, 6)
    return [
        CondPageBreak(70 * mm),
        _h("四、投诉分类统计"),
        para(f"本月投诉 {s.total} 件。"),
        table([["按类别", *head[1:]], *rows(s.by_category)], widths, right_align_cols=right),
        Spacer(1, 2 * mm),
        table([["按责任部门", *head[1:]], *rows(s.by_department)], widths, right_align_cols=right),
    ]


def _renovation(r: MonthlyReport) -> list[Flowable]:
    v = r.renovation
    data = [
        ["项目", "数量"],
        ["新申请", str(v.applied)],
        ["批准", str(v.approved)],
        ["驳回", str(v.rejected)],
        ["竣工验收", str(v.accepted)],
        ["月末在施工", str(v.active_at_end)],
        ["巡查次数", str(v.inspections)],
        ["发现违规", str(v.violations)],
        ["本月整改完成", str(v.violations_rectified)],
        ["月末未整改", str(v.violations_open_at_end)],
    ]
    return [
        CondPageBreak(80 * mm),
        _h("五、装修管理"),
        table(data, [60 * mm, 30 * mm], right_align_cols=(1,)),
        pie_chart(
            [c.label for c in v.violations_by_type],
            [c.count for c in v.violations_by_type],
            caption="违规类型",
        ),
    ]


def _patrols(r: MonthlyReport) -> list[Flowable]:
    p = r.patrols
    return [
        CondPageBreak(70 * mm),
        _h("六、巡查"),
        para(
            f"本月巡查 {p.patrols} 次（已完成 {p.finished} 次），应检点位 {p.checkpoints} 个次，"
            f"已检 {p.checked}，漏检 {p.missed}，完成率 {pct(p.completion_rate)}；"
            f"发现异常 {p.anomalies} 处，其中转工单 {p.anomalies_ticketed} 处、"
            f"现场处理 {p.anomalies_resolved} 处。"
        ),
        bar_chart(
            [c.label for c in p.anomalies_by_area],
            [[c.count for c in p.anomalies_by_area]],
            caption="异常按区域",
            height=50 * mm,
        ),
    ]


def _desk(r: MonthlyReport) -> list[Flowable]:
    d = r.desk
    data = [
        ["快递代收", "数量", "钥匙托管", "数量"],
        ["收件", str(d.parcels_received), "新托管", str(d.keys_deposited)],
        ["取件", str(d.parcels_collected), "借出", str(d.key_loans)],
        ["退回", str(d.parcels_returned), "归还", str(d.keys_returned)],
        ["月末待取", str(d.parcels_waiting_at_end), "逾期未还/逾期归还", str(d.key_loans_late)],
    ]
    return [
        CondPageBreak(40 * mm),
        _h("七、快递与钥匙"),
        table(data, [40 * mm, 25 * mm, 45 * mm, 25 * mm], right_align_cols=(1, 3)),
    ]


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
        _h("八、收费与欠费"),
        para(
            f"本月收款 {f.payments} 笔，共 {fen_to_yuan(f.payments_fen)} 元。"
            f"本期应收 {fen_to_yuan(f.total.billed_fen)} 元，实收 {fen_to_yuan(f.total.collected_fen)} 元，"
            f"收缴率 {pct(f.total.rate)}。"
        ),
        table(
            data,
            [24 * mm, 27 * mm, 27 * mm, 20 * mm, 18 * mm, 27 * mm, 20 * mm],
            right_align_cols=(1, 2, 3, 4, 5, 6),
        ),
        bar_chart(
            [b.building for b in top],
            [[b.billed_fen // 100 for b in top], [b.collected_fen // 100 for b in top]],
            ["应收(元)", "实收(元)"],
            caption="各楼栋应收与实收",
        ),
        CondPageBreak(60 * mm),
        para(f"欠费账龄（截至 {f.arrears_as_of.isoformat()}，欠费户数 {f.arrears_units}）"),
        table(ageing, [40 * mm, 35 * mm, 25 * mm], right_align_cols=(1, 2)),
        pie_chart(
            list(AGEING_LABELS), [fen // 100 for fen in f.ageing_fen], caption="欠费账龄分布（元）"
        ),
    ]


def report_story(r: MonthlyReport) -> list[Flowable]:
    """Every section of the report, in order."""
    return [
        title(f"物业管理月报（{month_label(r.period)}）"),
        para(f"统计期间：{r.start.isoformat()} 至 {r.end.isoformat()}", styles().center),
        Spacer(1, 3 * mm),
        *_comparison(r),
        *_tickets(r),
        *_callbacks(r),
        *_complaints(r),
        *_renovation(r),
        *_patrols(r),
        *_desk(r),
        *_fees(r),
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
