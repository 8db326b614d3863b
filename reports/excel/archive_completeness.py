"""The archive completeness report of one building as .xlsx: one row per unit and required
kind (房号, 阶段, 资料, 状态), and a summary sheet per unit."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import IO

from openpyxl import Workbook
from openpyxl.styles import Font

from propdesk.archive.values import BuildingCompleteness
from reports.excel.cells import inert_workbook


def write_completeness_sheet(
    report: BuildingCompleteness, target: str | Path | IO[bytes], *, as_of: date
) -> int:
    """Write the workbook; returns the number of unit rows."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "完整情况"
    ws.append([f"{report.building_name} 一户一档资料完整情况", f"统计日期 {as_of:%Y-%m-%d}"])
    ws.append(["房号", "状态", "已齐（份）", "缺失（份）", "已过期（份）", "缺失资料", "过期资料"])
    for cell in ws[2]:
        cell.font = Font(bold=True)
    for u in report.units:
        if not (u.present or u.missing or u.expired):
            state = "无需资料"
        else:
            state = "齐全" if u.complete else "不齐"
        ws.append(
            [
                u.unit_code,
                state,
                len(u.present),
                len(u.missing),
                len(u.expired),
                "、".join(u.missing),
                "、".join(u.expired),
            ]
        )
    for col, width in zip("ABCDEFG", (14, 10, 10, 10, 12, 50, 40), strict=True):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A3"
    detail = wb.create_sheet("明细")
    detail.append(["房号", "资料", "状态"])
    for u in report.units:
        for names, state in ((u.present, "齐全"), (u.missing, "缺失"), (u.expired, "已过期")):
            for name in names:
                detail.append([u.unit_code, name, state])
    detail.column_dimensions["A"].width = 14
    detail.column_dimensions["B"].width = 24
    inert_workbook(wb)
    wb.save(target)
    return len(report.units)
