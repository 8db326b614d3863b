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
from propdesk.fees.money import fen_to_capital
from reports.pdf.document import (
    DocumentSpec,
    build_pdf,
    fen_to_yuan,
    para,
    signature_table,
    styles,
    table,
    title,
    zh_date,
)

WIDTH = 180 * mm


def _t(at: datetime | None) -> str:
    return to_local(at).strftime("%Y-%m-%d %H:%M") if at else ""


def shift_name(started_at: datetime) -> str:
    """The shift by its local starting hour: 早班 (6–14), 中班 (14–22), 夜班."""
    hour = to_local(started_at).hour
    if 6 <= hour < 14:
        return "早班"
    if 14 <= hour < 22:
        return "中班"
    return "夜班"


def handover_sheet_pdf(data: HandoverSheetData, target: str | Path | None = None) -> bytes:
    """Render the sheet; returns the PDF bytes (and writes ``target`` when given).

    It names the day and the shift, the cash counted at the daily close, the receipt book
    handed over (numbers, voids: filled in by hand) and both signatures.
    """
    st = styles()
    day = to_local(data.started_at).date()
    story: list[Flowable] = [title("交接班记录")]
    story.append(
        table(
            [
                [
                    "值班日期",
                    zh_date(day),
                    "班次",
                    f"{shift_name(data.started_at)}（{data.shift_id}）",
                ],
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
                    "现金大写",
                    ""
                    if data.cash_handed_over_fen is None
                    else f"人民币{fen_to_capital(data.cash_handed_over_fen)}",
                ],
            ],
            [25 * mm, 65 * mm, 25 * mm, 65 * mm],
            header_rows=0,
            zebra=False,
        )
    )
    story.append(Spacer(1, 3 * mm))
    story.append(para("票据交接", st.heading))
    story.append(
        table(
            [
                ["票据", "起始号", "终止号", "已用张数", "作废张数", "结存张数"],
                ["收据本", "", "", "", "", ""],
                ["押金收据本", "", "", "", "", ""],
            ],
            [30 * mm, 34 * mm, 34 * mm, 27 * mm, 27 * mm, 28 * mm],
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
    story.append(Spacer(1, 6 * mm))
    story.append(
        signature_table(
            ["交班人（签字）：", "接班人（签字）：", "交接时间：", "交接时间："],
            [WIDTH / 2, WIDTH / 2],
        )
    )
    spec = DocumentSpec(
        title="交接班记录",
        estate_name=data.estate_name,
        company=data.company,
        footer_note=f"{zh_date(day)} {shift_name(data.started_at)}",
    )
    return build_pdf(spec, story, target)
