"""The handover sheet (交接班记录): a shift's log, what it handed over, and both signatures.

Pure function: :class:`propdesk.desk.print_data.HandoverSheetData` in, PDF bytes out.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from propdesk.clock import to_local
from propdesk.desk.values import HandoverSheetData
from reports.pdf.document import (
    DocumentSpec,
    build_pdf,
    fen_to_yuan,
    para,
    styles,
    table,
    title,
)

WIDTH = 180 * mm


def _t(at: datetime | None) -> str:
    return to_local(at).strftime("%Y-%m-%d %H:%M") if at else ""


def handover_sheet_pdf(data: HandoverSheetData, target: str | Path | None = None) -> bytes:
    """Render the sheet; returns the PDF bytes (and writes ``target`` when given)."""
    st = styles()
    story: list[Flowable] = [title("交接班记录")]
    story.append(
        table(
            [
                ["值班人", data.started_by, "接班时间", _t(data.started_at)],
                ["交班人", data.closed_by or "（值班中）", "交班时间", _t(data.closed_at)],
                [
                    "接班确认",
                    data.acknowledged_by or "（待确认）",
                    "确认时间",
                    _t(data.acknowledged_at),
                ],
                [
                    "移交现金",
                    "（未日结）"
                    if data.cash_handed_over_fen is None
                    else f"{fen_to_yuan(data.cash_handed_over_fen)} 元（日结实点）",
                    "",
                    "",
                ],
            ],
            [25 * mm, 65 * mm, 25 * mm, 65 * mm],
            header_rows=0,
            zebra=False,
        )
    )
    story.append(Spacer(1, 4 * mm))
    story.append(para(f"交接事项（{len(data.lines)} 项）", st.heading))
    rows: list[list[object]] = [["序号", "类别", "事项"]]
    rows += [[str(i), line.kind, line.text] for i, line in enumerate(data.lines, start=1)]
    if not data.lines:
        rows.append(["", "", "没有需要交接的事项。"])
    story.append(table(rows, [12 * mm, 25 * mm, 143 * mm]))
    if data.note:
        story.append(Spacer(1, 3 * mm))
        story.append(para(f"交班备注：{data.note}"))
    story.append(Spacer(1, 4 * mm))
    story.append(para(f"值班日志（{len(data.entries)} 条）", st.heading))
    log: list[list[object]] = [["时间", "类型", "事项", "房屋/工单", "状态", "记录人"]]
    for e in data.entries:
        ref = " ".join(x for x in (e.unit_code, e.ticket_number) if x)
        log.append([_t(e.at)[5:], e.kind, e.text, ref, e.status, e.by_name])
    if not data.entries:
        log.append(["", "", "本班没有记录。", "", "", ""])
    story.append(table(log, [24 * mm, 18 * mm, 70 * mm, 28 * mm, 16 * mm, 24 * mm]))
    story.append(Spacer(1, 10 * mm))
    story.append(
        table(
            [["交班人签字", "", "接班人签字", ""]],
            [25 * mm, 65 * mm, 25 * mm, 65 * mm],
            header_rows=0,
            zebra=False,
        )
    )
    spec = DocumentSpec(
        title="交接班记录",
        estate_name=data.estate_name,
        company=data.company,
        footer_note=f"班次 {data.shift_id}",
    )
    return build_pdf(spec, story, target)
