"""Call statistics (话务量统计) as an Excel workbook: plain data in, a file out."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from openpyxl import Workbook

from propdesk.calls.values import CallStats
from reports.excel.cells import inert_row

WEEKDAYS = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")


def call_stats_workbook(stats: CallStats) -> bytes:
    """The statistics on four sheets: summary, by hour, by weekday, by topic/outcome/clerk."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("汇总")
    for row in (
        ("话务量统计", f"{stats.start:%Y-%m-%d} 至 {stats.end:%Y-%m-%d}"),
        ("来电与去电合计", stats.total),
        ("来电", stats.inbound),
        ("去电", stats.outbound),
        ("未接来电", stats.missed),
        ("首次来电解决", stats.first_call_resolved),
        ("已登记来电", stats.first_call_base),
        ("首次解决率", round(stats.fcr_rate, 4)),
        ("应回电", stats.callbacks_due),
        ("按时回电", stats.callbacks_on_time),
        ("按时回电率", round(stats.callback_on_time_rate, 4)),
    ):
        ws.append(inert_row(ws, row))
    hours = wb.create_sheet("按时段")
    hours.append(inert_row(hours, ("时段", "通话数")))
    for hour, n in enumerate(stats.by_hour):
        hours.append(inert_row(hours, (f"{hour:02d}:00–{hour:02d}:59", n)))
    days = wb.create_sheet("按星期")
    days.append(inert_row(days, ("星期", "通话数")))
    for name, n in zip(WEEKDAYS, stats.by_weekday, strict=True):
        days.append(inert_row(days, (name, n)))
    kinds = wb.create_sheet("按类别结果人员")
    kinds.append(inert_row(kinds, ("分组", "名称", "通话数")))
    for group, pairs in (
        ("来电类别", stats.by_topic),
        ("处理结果", stats.by_outcome),
        ("接听人员", stats.by_clerk),
    ):
        for name, n in pairs:
            kinds.append(inert_row(kinds, (group, name, n)))
    out = BytesIO()
    wb.save(out)
    return out.getvalue()


def write_call_stats(stats: CallStats, path: str | Path) -> Path:
    target = Path(path)
    target.write_bytes(call_stats_workbook(stats))
    return target
