"""The renovation permit for the door (装修许可证) and the workers' passes (施工人员出入证).

Pure functions: a :class:`propdesk.renovation.values.PermitInfo` (phones already masked
for the user) and the estate's name in, PDF bytes out.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from propdesk.renovation.values import PERMIT_STATUS_ZH, PermitInfo, PermitStatus
from reports.pdf.document import (
    FONT,
    DocumentSpec,
    build_pdf,
    para,
    styles,
    title,
    zh_date,
)
from reports.pdf.document import escape as _esc

WIDTH = 180 * mm

#: Rules printed on every permit (the estate's renovation rules, short form).
DEFAULT_RULES: tuple[str, ...] = (
    "施工时间：工作日 8:00–12:00、14:00–18:00；周末及法定节假日不得进行产生噪音的施工。",
    "严禁拆改承重墙、梁、柱及外立面，严禁改动燃气管道和消防设施。",
    "装修垃圾须袋装后运至指定地点，不得堆放在楼道、电梯厅等公共区域。",
    "施工人员凭出入证进出小区，动火作业须提前向物业申请。",
    "物业将每日巡查，违规须在限期内整改；逾期未整改的，按规定从押金中扣除相关费用。",
)


def _grid(rows: list[list[str]], widths: list[float], font_size: float = 11) -> Table:
    st = ParagraphStyle(
        "permit_cell", parent=styles().cell, fontSize=font_size, leading=font_size * 1.4
    )
    t = Table([[Paragraph(_esc(c), st) for c in row] for row in rows], colWidths=widths)
    cmds: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("GRID", (0, 0), (-1, -1), 0.8, colors.HexColor("#333333")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ] + [("BACKGROUND", (c, 0), (c, -1), colors.HexColor("#eef2f6")) for c in (0, 2)]
    t.setStyle(TableStyle(cmds))
    return t


def permit_story(
    permit: PermitInfo,
    rules: tuple[str, ...] = DEFAULT_RULES,
    *,
    site_phone: str = "",
    hotline: str = "",
) -> list[Flowable]:
    """The flowables of the door permit. Its reader is anyone passing the door: it names no
    owner and no deposit and no owner phone; it carries the site manager's phone in full
    (``site_phone``, the neighbours call it about noise or water) and the estate's
    supervision hotline (``hotline``, 监督电话)."""
    st = styles()
    big = ParagraphStyle("permit_big", parent=st.title, fontSize=30, leading=38, spaceAfter=4 * mm)
    unit_style = ParagraphStyle("permit_unit", parent=st.title, fontSize=22, leading=28)
    w = WIDTH / 6
    widths = [w * 0.9, w * 2.1, w * 0.9, w * 2.1]
    status = PERMIT_STATUS_ZH[PermitStatus(permit.status)]
    approved = zh_date(permit.decided_at.date()) if permit.decided_at else ""
    story: list[Flowable] = [
        Paragraph("装修许可证", big),
        Paragraph(f"房号　{_esc(permit.unit_code)}", unit_style),
        Spacer(1, 6 * mm),
        _grid(
            [
                ["许可证号", permit.permit_no, "状态", status],
                ["施工单位", permit.contractor, "现场负责人", permit.contractor_contact],
                [
                    "负责人电话",
                    site_phone or permit.contractor_phone,
                    "施工人数",
                    f"{len(permit.workers)} 人",
                ],
                [
                    "施工期限",
                    f"{zh_date(permit.planned_start)}至{zh_date(permit.planned_end)}",
                    "批准日期",
                    approved,
                ],
                ["批准人", permit.decided_by, "监督电话", hotline or "—"],
            ],
            widths,
        ),
        _grid([["装修内容", permit.scope]], [widths[0], WIDTH - widths[0]]),
        Spacer(1, 5 * mm),
        para("施工须知", st.heading),
    ]
    story += [para(f"{i}. {rule}", st.body) for i, rule in enumerate(rules, 1)]
    story += [
        Spacer(1, 8 * mm),
        para(
            "本证须张贴于施工房屋入户门外显著位置，施工期间不得撕毁、遮挡；工期届满未验收的，请到客服中心办理延期。"
            + (f"施工扰民或违规施工，请拨打监督电话 {hotline}。" if hotline else ""),
            st.small,
        ),
        Spacer(1, 10 * mm),
        para("物业服务中心（盖章）", ParagraphStyle("permit_seal", parent=st.body, alignment=2)),
    ]
    return story


def renovation_permit_pdf(
    permit: PermitInfo,
    *,
    estate_name: str,
    company: str = "",
    rules: tuple[str, ...] = DEFAULT_RULES,
    target: str | Path | None = None,
    site_phone: str = "",
    hotline: str = "",
) -> bytes:
    """The door permit as PDF bytes (one A4 page)."""
    spec = DocumentSpec(
        title=f"装修许可证 {permit.permit_no}",
        estate_name=estate_name,
        company=company,
        footer_note="张贴于入户门",
    )
    story = permit_story(permit, rules, site_phone=site_phone, hotline=hotline)
    return build_pdf(spec, story, target)


def _pass_card(permit: PermitInfo, estate_name: str, name: str, pass_no: str) -> Table:
    st = styles()
    head = ParagraphStyle("pass_head", parent=st.title, fontSize=15, leading=19)
    cell = ParagraphStyle("pass_cell", parent=st.cell, fontSize=10, leading=14)
    rows = [
        [Paragraph(f"{_esc(estate_name)}<br/>施工人员出入证", head)],
        [Paragraph(f"姓　　名：{_esc(name)}", cell)],
        [Paragraph(f"证　　号：{_esc(pass_no)}", cell)],
        [Paragraph(f"施工房号：{_esc(permit.unit_code)}", cell)],
        [Paragraph(f"施工单位：{_esc(permit.contractor)}", cell)],
        [
            Paragraph(
                f"有 效 期：{permit.planned_start:%Y-%m-%d} 至 {permit.planned_end:%Y-%m-%d}", cell
            )
        ],
        [Paragraph("请随身佩戴，出入主动出示；工程结束后交回物业。", cell)],
    ]
    t = Table(rows, colWidths=[85 * mm])
    t.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("BOX", (0, 0), (-1, -1), 1.2, colors.HexColor("#1f4e79")),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dce6f0")),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return t


def worker_passes_pdf(
    permit: PermitInfo, *, estate_name: str, company: str = "", target: str | Path | None = None
) -> bytes:
    """Every worker's pass, two cards per row, to cut out."""
    if not permit.workers:
        raise ValueError("no workers on the permit")
    cards = [_pass_card(permit, estate_name, w.name, w.pass_no) for w in permit.workers]
    story: list[Flowable] = [title(f"施工人员出入证 {permit.permit_no}"), Spacer(1, 4 * mm)]
    for i in range(0, len(cards), 2):
        pair: list[Flowable | str] = [*cards[i : i + 2]]
        if len(pair) == 1:
            pair.append("")
        row = Table([pair], colWidths=[90 * mm, 90 * mm])
        row.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
        story += [KeepTogether([row, Spacer(1, 6 * mm)])]
    spec = DocumentSpec(
        title=f"施工人员出入证 {permit.permit_no}",
        estate_name=estate_name,
        company=company,
        footer_note="沿边框剪下",
    )
    return build_pdf(spec, story, target)
