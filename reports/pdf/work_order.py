"""The work order (派工单): one A4 page handed to the technician and signed by the resident.

Pure function: :class:`propdesk.tickets.print_data.WorkOrderData` in, PDF bytes out.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from propdesk.clock import to_local
from propdesk.tickets.values import WorkOrderData
from reports.pdf.document import (
    FONT,
    DocumentSpec,
    build_pdf,
    fen_to_yuan,
    para,
    styles,
    table,
    title,
)
from reports.pdf.document import escape as _esc

WIDTH = 180 * mm  # A4 portrait minus margins


class _Raw(str):
    """A cell drawn as plain text, so the spaces left to write in are kept (Paragraph collapses them)."""


_GAP = "\u3000"  # a full-width space: room to write a number in
_DATE_BLANK = _Raw(_GAP * 4 + "年" + _GAP * 2 + "月" + _GAP * 2 + "日")
_DATE_TIME_BLANK = _Raw(_DATE_BLANK + _GAP * 2 + "时" + _GAP * 2 + "分")


def _t(at: datetime | None) -> str:
    return to_local(at).strftime("%Y-%m-%d %H:%M") if at else ""


def _grid(
    rows: list[list[object]], widths: list[float], heights: list[float] | None = None
) -> Table:
    st = styles()
    data = [
        [c if isinstance(c, Flowable | _Raw) else Paragraph(_esc(str(c)), st.cell) for c in row]
        for row in rows
    ]
    t = Table(data, colWidths=widths, rowHeights=heights)
    cmds: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("FONTSIZE", (0, 0), (-1, -1), 9),
        ("GRID", (0, 0), (-1, -1), 0.6, colors.HexColor("#444444")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ] + [("BACKGROUND", (c, 0), (c, -1), colors.HexColor("#eef2f6")) for c in (0, 2)]
    t.setStyle(TableStyle(cmds))
    return t


def work_order_story(data: WorkOrderData) -> list[Flowable]:
    """The flowables of one work order."""
    st = styles()
    w = WIDTH / 6
    label = [w * 0.9, w * 2.1, w * 0.9, w * 2.1]
    urgency = data.urgency + ("（返工）" if data.reopen_count else "")
    head = _grid(
        [
            ["工单编号", data.number, "受理时间", _t(data.created_at)],
            ["类型 / 分类", f"{data.kind} / {data.category}", "紧急程度", urgency],
            ["房号 / 位置", data.place, "来源", data.source],
            ["联系人", data.contact, "联系电话", data.phone],
            ["派工对象", data.assignee, "首问负责人", data.owner],
            ["响应时限", _t(data.response_due), "完成时限", _t(data.resolve_due)],
        ],
        label,
    )
    desc = _grid(
        [["问题描述", Paragraph(_esc(data.description), st.cell)]],
        [label[0], WIDTH - label[0]],
        [22 * mm],
    )
    blank = 9 * mm
    work = _grid(
        [
            [
                "到场时间",
                _DATE_TIME_BLANK,
                "完工时间",
                _DATE_TIME_BLANK,
            ],
        ],
        label,
        [blank],
    )
    done = _grid([["处理情况", ""]], [label[0], WIDTH - label[0]], [42 * mm])
    story: list[Flowable] = [title("派工单"), Spacer(1, 2 * mm), head, desc, work, done]
    story += [
        Spacer(1, 3 * mm),
        para("使用材料及费用" + ("（有偿服务）" if data.is_paid else ""), st.heading),
    ]
    rows: list[list[object]] = [["类别", "项目 / 材料", "数量", "单价（元）", "金额（元）"]]
    for line in data.lines:
        rows.append(
            [
                line.kind,
                line.description,
                str(line.quantity),
                fen_to_yuan(line.unit_price_fen),
                fen_to_yuan(line.amount_fen),
            ]
        )
    rows += [["\u00a0"] * 5 for _ in range(max(3, 6 - len(data.lines)))]
    rows.append(["合计", "", "", "", fen_to_yuan(data.total_fen) if data.lines else ""])
    story.append(
        table(rows, [w * 0.8, w * 2.6, w * 0.6, w, w], right_align_cols=(2, 3, 4), zebra=False)
    )
    story += [
        Spacer(1, 4 * mm),
        _grid(
            [
                ["维修人员签字", "", "业主 / 住户签字", ""],
                [
                    "住户评价",
                    _Raw(f"□ 满意{_GAP * 2}□ 基本满意{_GAP * 2}□ 不满意"),
                    "签字日期",
                    _DATE_BLANK,
                ],
            ],
            label,
            [12 * mm, 10 * mm],
        ),
        Spacer(1, 3 * mm),
        para(
            "说明：请维修人员如实填写到场时间、处理情况及所用材料，完工后请住户签字确认，本单交回客服中心存档并安排回访。",
            st.small,
        ),
    ]
    return story


def work_order_pdf(data: WorkOrderData, target: str | Path | None = None) -> bytes:
    """Render the work order as PDF bytes (and write ``target`` if given)."""
    spec = DocumentSpec(
        title=f"派工单 {data.number}",
        estate_name=data.estate_name,
        company=data.company,
        footer_note="存档联　电话勿外传",
    )
    return build_pdf(spec, work_order_story(data), target)
