"""The satisfaction survey report for the manager (满意度调查报告): headline figures, every
question's score against the previous campaign, a distribution chart per question, the
buildings, the comments with their callback tickets and the re-checks of paper forms.

Pure function: :class:`propdesk.surveys.values.CampaignResults` in, PDF bytes out.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from propdesk.clock import to_local
from propdesk.surveys.figures_text import change_text as _change_text
from propdesk.surveys.figures_text import mean_text, pct_text
from propdesk.surveys.values import (
    CALLBACK_DAYS,
    CAMPAIGN_STATUS_ZH,
    QUESTION_KIND_ZH,
    RECHECK_PCT,
    CampaignResults,
    CampaignStatus,
    QuestionKind,
    QuestionResult,
)
from reports.pdf.document import (
    FONT,
    DocumentSpec,
    build_pdf,
    para,
    register_fonts,
    styles,
    table,
    title,
    zh_date,
)

WIDTH = 180 * mm
BAR = colors.HexColor("#3b73b9")
LOW = colors.HexColor("#c9463d")  # ratings 1 and 2: dissatisfied


# --- figures as text: propdesk.surveys.figures_text (the screens round the same way) ------


def change_text(mean: float | None, previous: float | None) -> str:
    """The change of a mean against the previous campaign: ``+0.12``, ``-0.30``, ``持平``."""
    return _change_text(mean, previous, same="持平")


def report_title(name: str) -> str:
    """``2026年下半年满意度调查报告`` (the word 满意度调查 once)."""
    return f"{name}报告" if name.endswith("满意度调查") else f"{name} 满意度调查报告"


def source_text(r: CampaignResults) -> str:
    return f"电话 {r.phone_responses} 份，纸质 {r.paper_responses} 份"


def shared_mean(r: CampaignResults) -> float | None:
    """This campaign's mean on the questions it shares with the previous one (the figure to
    set beside ``previous_overall_mean``); the overall mean when the core gives none."""
    return r.overall_mean_shared if r.overall_mean_shared is not None else r.overall_mean


def headline_rows(r: CampaignResults) -> list[list[str]]:
    """指标, 数值 of the report's first table (also the Excel summary's labels)."""
    now = shared_mean(r)
    previous = (
        f"{r.previous_name}：相同题目平均分 {mean_text(r.previous_overall_mean)}，"
        f"本次 {mean_text(now)}（{change_text(now, r.previous_overall_mean)}）"
        if r.previous_name
        else "无（首次调查）"
    )
    return [
        ["抽样户数", f"{r.sample_size} 户"],
        ["有效答卷", f"{r.responses} 份（{source_text(r)}）"],
        [
            "未应答",
            f"{r.refused + r.unreached} 户（拒访 {r.refused} 户，未联系上 {r.unreached} 户）",
        ],
        ["应答率", pct_text(r.response_rate)],
        ["总体平均分", f"{mean_text(r.overall_mean)}（满分 5 分）"],
        ["满意率", f"{pct_text(r.overall_satisfied_pct)}（评 4 分、5 分的占比）"],
        ["与上次调查比较", previous],
        ["回访工单", f"{r.tickets_opened} 张（不满意评价及投诉，{CALLBACK_DAYS} 天内回访）"],
    ]


# --- charts ------------------------------------------------------------------------------------


def _drawing(width: float, height: float) -> Drawing:
    """A drawing whose graphics state starts in the CJK font (no unused Helvetica)."""
    register_fonts()
    d = Drawing(width, height)
    d.initialFontName = FONT  # type: ignore[attr-defined]  # a Drawing attribute the stubs omit
    return d


def _place(shape: Any, **geometry: float) -> None:
    for name, value in geometry.items():
        setattr(shape, name, value)


def distribution_chart(q: QuestionResult, *, width: float = WIDTH) -> Drawing:
    """Horizontal bars, one per point of a rating (or option of a choice), with the count and
    share at the end of each bar; ratings 1 and 2 in red."""
    labels = list(q.labels) or [""]
    counts = list(q.distribution) or [0]
    total = q.answered or sum(counts)  # a multiple choice: share of those who answered
    rows = len(counts)
    height = 10 * mm + rows * 6 * mm
    d = _drawing(width, height)
    chart = HorizontalBarChart()
    _place(chart, x=44 * mm, y=4 * mm, width=width - 44 * mm - 30 * mm, height=rows * 6 * mm)
    # top to bottom in the order given: a horizontal chart draws its first category lowest
    chart.data = [list(reversed(counts))]
    names = [
        f"{i + 1} {label}" if q.kind == QuestionKind.RATING else label
        for i, label in enumerate(labels)
    ]
    chart.categoryAxis.categoryNames = list(reversed(names))
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -3
    chart.valueAxis.visible = False
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(max(counts), 1)
    chart.bars.strokeColor = None
    chart.bars[0].fillColor = BAR
    if q.kind == QuestionKind.RATING:
        for i in range(rows):
            point = rows - i  # reversed: the first bar drawn is the last point
            if point <= 2:
                chart.bars[(0, i)].fillColor = LOW
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 7.5
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    chart.barLabelFormat = lambda v: f"{int(v)}（{v * 100 / total:.0f}%）" if total else "0"
    d.add(chart)
    return d


def means_chart(r: CampaignResults, *, width: float = WIDTH) -> Drawing | None:
    """Each rating question's mean (blue) beside the previous campaign's (grey)."""
    rated = [q for q in r.questions if q.kind == QuestionKind.RATING]
    if not rated:
        return None
    rows = len(rated)
    with_previous = any(q.previous_mean is not None for q in rated)
    series = 2 if with_previous else 1
    height = 16 * mm + rows * series * 5 * mm
    d = _drawing(width, height)
    chart = HorizontalBarChart()
    _place(chart, x=62 * mm, y=10 * mm, width=width - 62 * mm - 16 * mm, height=height - 14 * mm)
    current = [q.mean or 0 for q in reversed(rated)]
    # a horizontal chart draws its first series lowest in each group: this one's on top
    data = (
        [[q.previous_mean or 0 for q in reversed(rated)], current] if with_previous else [current]
    )
    chart.data = data
    chart.categoryAxis.categoryNames = [_short(f"{i}. {q.text}", 24) for i, q in _numbered(rated)]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -3
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = 5
    chart.valueAxis.valueStep = 1
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.bars.strokeColor = None
    chart.bars[len(data) - 1].fillColor = BAR
    if with_previous:
        chart.bars[0].fillColor = colors.HexColor("#b0b0b0")
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 6.5
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 2
    chart.barLabelFormat = lambda v: f"{v:.2f}" if v else ""
    d.add(chart)
    legend = f"蓝：本次　灰：{r.previous_name}" if with_previous else "本次调查各题平均分"
    d.add(String(width - 2, 2, legend, fontName=FONT, fontSize=7.5, textAnchor="end"))
    return d


def _numbered(rated: Sequence[QuestionResult]) -> list[tuple[int, QuestionResult]]:
    """Reversed (bottom-up) with each question's number in the questionnaire."""
    return list(reversed(list(enumerate(rated, start=1))))


def _short(text: str, size: int) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


# --- the document ------------------------------------------------------------------------------


def question_rows(r: CampaignResults) -> list[list[str]]:
    rows = [["序号", "题目", "类型", "答卷", "平均分", "满意率", "上次平均分", "变化"]]
    for i, q in enumerate(r.questions, start=1):
        rated = q.kind == QuestionKind.RATING
        rows.append(
            [
                str(i),
                q.text + (f"（{q.topic}）" if q.topic else ""),
                QUESTION_KIND_ZH.get(q.kind, q.kind),
                str(q.answered),
                mean_text(q.mean) if rated else "",
                pct_text(q.satisfied_pct) if rated else "",
                mean_text(q.previous_mean) if rated else "",
                change_text(q.mean, q.previous_mean) if rated else "",
            ]
        )
    return rows


def survey_results_pdf(
    results: CampaignResults,
    *,
    estate_name: str,
    company: str = "",
    printed_at: datetime | None = None,
    target: str | Path | None = None,
) -> bytes:
    """The campaign's report for the manager (A4 portrait)."""
    st = styles()
    r = results
    story: list[Flowable] = [title(report_title(r.name))]
    story.append(
        para(
            f"调查期间：{zh_date(r.starts_on)} 至 {zh_date(r.ends_on)}　"
            f"状态：{CAMPAIGN_STATUS_ZH.get(r.status, r.status)}",
            st.center,
        )
    )
    story.append(Spacer(1, 3 * mm))
    story.append(para("一、总体情况", st.heading))
    story.append(table([["指标", "数值"], *headline_rows(r)], [40 * mm, 140 * mm]))
    if r.status != CampaignStatus.CLOSED and r.sample_size:
        story.append(para("调查尚未结束：仍在拨打的住户暂按未联系上计入未应答。", st.small))

    story.append(CondPageBreak(50 * mm))  # no heading alone at a page foot
    story.append(para("二、各题结果", st.heading))
    story.append(
        table(
            question_rows(r),
            [11 * mm, 67 * mm, 16 * mm, 14 * mm, 16 * mm, 18 * mm, 22 * mm, 16 * mm],
            right_align_cols=(3, 4, 5, 6, 7),
        )
    )
    chart = means_chart(r)
    if chart is not None:
        story.append(Spacer(1, 3 * mm))
        story.append(KeepTogether([para("各题平均分与上次比较", st.body), chart]))

    shown = [q for q in r.questions if q.kind != QuestionKind.TEXT and q.distribution]
    if shown:
        story.append(CondPageBreak(50 * mm))  # no heading alone at a page foot
        story.append(para("三、答案分布", st.heading))
        for i, q in enumerate(r.questions, start=1):
            if q not in shown:
                continue
            extra = (
                f"　平均 {mean_text(q.mean)}，满意率 {pct_text(q.satisfied_pct)}"
                if q.kind == QuestionKind.RATING
                else "（可多选）"
                if q.kind == QuestionKind.MULTI and "多选" not in q.text
                else ""
            )
            story.append(
                KeepTogether(
                    [
                        para(f"{i}. {q.text}　答卷 {q.answered} 份{extra}", st.body),
                        distribution_chart(q),
                    ]
                )
            )

    story.append(CondPageBreak(50 * mm))  # no heading alone at a page foot
    story.append(para("四、各楼栋结果", st.heading))
    rows = [["楼栋", "抽样户数", "有效答卷", "应答率", "平均分"]]
    for b in r.buildings:
        rate = b.responses * 100 / b.sample_size if b.sample_size else None
        rows.append(
            [b.building, str(b.sample_size), str(b.responses), pct_text(rate), mean_text(b.mean)]
        )
    if len(rows) == 1:
        rows.append(["（无）", "", "", "", ""])
    story.append(
        table(rows, [50 * mm, 30 * mm, 30 * mm, 35 * mm, 35 * mm], right_align_cols=(1, 2, 3, 4))
    )

    story.append(CondPageBreak(50 * mm))  # no heading alone at a page foot
    story.append(para("五、意见与投诉", st.heading))
    complaints = sum(1 for c in r.comments if c.is_complaint)
    story.append(
        para(
            f"共 {len(r.comments)} 条意见，其中投诉 {complaints} 条；"
            f"每条意见须在 {CALLBACK_DAYS} 天内回访。",
            st.body,
        )
    )
    rows = [["房号", "题目", "评分", "意见", "投诉", "回访工单", "时间"]]
    for c in r.comments:
        rows.append(
            [
                c.unit_code,
                c.question,
                "" if c.rating is None else str(c.rating),
                c.text,
                "是" if c.is_complaint else "",
                c.ticket_no or "",
                f"{to_local(c.answered_at):%m-%d %H:%M}",
            ]
        )
    if len(rows) == 1:
        rows.append(["（无）", "", "", "", "", "", ""])
    story.append(
        table(
            rows,
            [19 * mm, 34 * mm, 11 * mm, 53 * mm, 11 * mm, 30 * mm, 22 * mm],
            right_align_cols=(2,),
        )
    )

    story.append(CondPageBreak(50 * mm))  # no heading alone at a page foot
    story.append(para("六、纸质问卷复核", st.heading))
    if r.paper_responses:
        story.append(
            para(
                f"纸质问卷 {r.paper_responses} 份，按 {RECHECK_PCT}% 抽取电话复核 {r.rechecks} 份，"
                + (
                    f"已复核 {r.rechecks_done} 份，发现与纸质答案不一致 {r.recheck_differences} 处"
                    if r.rechecks_done
                    else "尚未复核"
                )
                + (
                    f"，另有 {r.rechecks - r.rechecks_done} 份待复核。"
                    if 0 < r.rechecks_done < r.rechecks
                    else "。"
                ),
                st.body,
            )
        )
    else:
        story.append(para("本次调查没有纸质问卷，无需复核。", st.body))

    spec = DocumentSpec(
        title=report_title(r.name),
        estate_name=estate_name,
        company=company,
        printed_at=printed_at,
    )
    return build_pdf(spec, story, target)
