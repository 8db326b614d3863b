"""The month roster (排班表) on A4 landscape: clerks × days with the shift codes, the shift
definitions, the number on each shift per day, and the volume by hour of the month.

Pure function: :class:`propdesk.team.print_data.RosterPrintData` in, PDF bytes out.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from propdesk.clock import to_local
from propdesk.team.values import RosterPrintData, VolumeSource
from reports.pdf.document import DocumentSpec, build_pdf, para, styles, table, title

WEEKDAYS = "一二三四五六日"
NAME_COL = 24 * mm
DAY_COL = 7.6 * mm


def roster_rows(data: RosterPrintData) -> list[list[str]]:
    """Header (day, weekday), one row per clerk, then the count per shift per day."""
    grid = data.grid
    rows: list[list[str]] = [
        ["日期", *[str(d.day) for d in grid.days]],
        ["星期", *[WEEKDAYS[d.weekday()] for d in grid.days]],
    ]
    for clerk in grid.clerks:
        cells = []
        for day in grid.days:
            ids = grid.cells.get((clerk.user_id, day), ())
            cells.append("".join(s.short for i in ids if (s := grid.shift(i)) is not None))
        rows.append([clerk.name, *cells])
    for shift in grid.shifts:
        counts = [
            sum(1 for c in grid.clerks if shift.id in grid.cells.get((c.user_id, d), ()))
            for d in grid.days
        ]
        rows.append([f"{shift.short}班人数", *[str(n) if n else "" for n in counts]])
    return rows


def roster_pdf(data: RosterPrintData, target: str | Path | None = None) -> bytes:
    """Render the month roster; returns the PDF bytes (and writes ``target`` when given)."""
    st = styles()
    grid = data.grid
    story: list[Flowable] = [title(f"{grid.year}年{grid.month}月 前台排班表")]
    rows = roster_rows(data)
    story.append(table(rows, [NAME_COL] + [DAY_COL] * len(grid.days), header_rows=2, font_size=8))
    story.append(Spacer(1, 3 * mm))
    legend = "　".join(f"{s.short}＝{s.name} {s.hours}" for s in grid.shifts)
    story.append(para(f"班次：{legend or '（未设班次）'}", st.small))
    story.append(Spacer(1, 3 * mm))
    vol = data.volume
    what = "来电" if vol.source == VolumeSource.CALLS else "登记工单"
    story.append(para(f"本月各时段{what}量（共 {vol.total}）", st.heading))
    story.append(
        table(
            [["时", *[str(h) for h in range(24)]], ["量", *[str(n) for n in vol.counts]]],
            [NAME_COL / 2] + [10.2 * mm] * 24,
            header_rows=1,
            font_size=7.5,
        )
    )
    if vol.busiest is not None:
        story.append(
            para(
                f"最忙时段：{vol.busiest}:00–{vol.busiest + 1}:00（{vol.counts[vol.busiest]}）",
                st.small,
            )
        )
    spec = DocumentSpec(
        title=f"{grid.year}年{grid.month}月 前台排班表",
        estate_name=data.estate_name,
        company=data.company,
        landscape=True,
        printed_at=to_local(data.printed_at),
    )
    return build_pdf(spec, story, target)
