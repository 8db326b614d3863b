"""Complaint classification statistics (投诉分类统计) as a printed A4 report.

Pure function: :class:`propdesk.tickets.values.ComplaintStats` in, PDF bytes out.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from propdesk.tickets.values import ComplaintStats, StatLine
from reports.pdf.document import DocumentSpec, build_pdf, para, styles, table, title

HEADERS = ["投诉数", "占比", "成立", "已处理", "平均处理时长（小时）", "满意度（1–5）"]
WIDTH = 174 * mm  # the frame inside the page margins (tables must fit to split across pages)


def _rows(first: str, lines: tuple[StatLine, ...]) -> list[list[str]]:
    rows = [[first, *HEADERS]]
    for line in lines:
        rows.append(
            [
                line.label,
                f"{line.count:,}",
                f"{line.share_permille // 10}.{line.share_permille % 10}%",
                f"{line.valid_count:,}",
                f"{line.handled_count:,}",
                "" if line.avg_handling_hours is None else f"{line.avg_handling_hours:.1f}",
                "" if line.avg_satisfaction is None else f"{line.avg_satisfaction:.2f}",
            ]
        )
    return rows


def complaint_stats_story(stats: ComplaintStats) -> list[Flowable]:
    st = styles()
    widths = [WIDTH * 0.22] + [WIDTH * 0.13] * 6
    story: list[Flowable] = [
        title("投诉分类统计"),
        para(
            f"统计期间：{stats.start:%Y-%m-%d} 至 {stats.end:%Y-%m-%d}（按受理日期），"
            f"共受理投诉 {stats.total:,} 件（不含已取消）。",
            st.body,
        ),
    ]
    for heading, first, lines in (
        ("一、按投诉分类", "分类", stats.by_category),
        ("二、按责任部门", "责任部门", stats.by_department),
        ("三、按月份", "月份", stats.by_month),
    ):
        body: Flowable = (
            table(_rows(first, lines), widths, right_align_cols=(1, 2, 3, 4, 5, 6))
            if lines
            else para("本期无投诉。", st.body)
        )
        # Each section (and the note) is kept together: a heading never ends a page, and
        # build_pdf's second pass never meets a paragraph the first pass had to split.
        story.append(KeepTogether([Spacer(1, 3 * mm), para(heading, st.heading), body]))
    note = para(
        "说明：占比为该项投诉数占期间投诉总数的比例；平均处理时长为受理至完工的小时数"
        "（仅计已完工的投诉）；满意度为回访总体评分的平均值。",
        st.small,
    )
    story.append(KeepTogether([Spacer(1, 4 * mm), note]))
    return story


def complaint_stats_pdf(
    stats: ComplaintStats, *, estate_name: str, company: str = "", target: str | Path | None = None
) -> bytes:
    """Render the statistics as PDF bytes (and write ``target`` if given)."""
    spec = DocumentSpec(title="投诉分类统计", estate_name=estate_name, company=company)
    return build_pdf(spec, complaint_stats_story(stats), target)
