"""The rectification notice (整改通知书) issued from a violation found at a renovation inspection.

Its readers are the owner and the contractor of the unit: handed over against a signature
(the receipt at the bottom). Pure function: the permit, the inspection and its violation in,
PDF bytes out.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from propdesk.renovation.values import InspectionInfo, PermitInfo, ViolationInfo
from reports.pdf.document import (
    DocumentSpec,
    LetterStart,
    build_pdf,
    para,
    signature_table,
    styles,
    table,
    title,
    zh_date,
)

WIDTH = 180 * mm


def rectification_number(permit: PermitInfo, violation: ViolationInfo) -> str:
    """``ZG-ZX2026-0007-012``: one number per violation."""
    return f"ZG-{permit.permit_no}-{violation.id:03d}"


def rectification_notice_pdf(
    permit: PermitInfo,
    inspection: InspectionInfo,
    violation: ViolationInfo,
    *,
    estate_name: str,
    company: str = "",
    issued_on: date,
    desk_phone: str = "",
    target: str | Path | None = None,
) -> bytes:
    """The notice asking the owner and contractor to put one violation right by its deadline."""
    st = styles()
    right = ParagraphStyle("rect_right", parent=st.body, alignment=TA_RIGHT)
    number = rectification_number(permit, violation)
    addressee = f"{permit.unit_code} 业主" + (
        f"（{permit.owner_name}）" if permit.owner_name else ""
    )
    if permit.contractor:
        addressee += f"及施工单位（{permit.contractor}）"
    story: list[Flowable] = [
        LetterStart(f"房号 {permit.unit_code}　{number}"),
        title("整改通知书"),
        para(f"编号：{number}", right),
        para(f"致：{addressee}"),
        para(
            f"我中心于{zh_date(inspection.inspected_on)}对您的房屋装修（装修许可证"
            f"{permit.permit_no}）进行巡查，发现存在以下违反装修管理规定的情况："
        ),
        Spacer(1, 2 * mm),
        table(
            [
                ["违规类型", violation.type_name],
                ["情况说明", violation.description or "—"],
                ["巡查人", inspection.inspector or "—"],
                ["整改期限", f"{zh_date(violation.deadline)}前"],
            ],
            [30 * mm, WIDTH - 30 * mm],
            header_rows=0,
            zebra=False,
        ),
        Spacer(1, 2 * mm),
        para(
            "根据《装修管理规定》及您签署的《装修管理服务协议》，请于"
            f"{zh_date(violation.deadline)}前整改完毕，并通知物业服务中心复查。"
            "逾期未整改或整改不合格的，我中心将按规定处理，由此造成的损失由责任方承担。"
            + (f"咨询电话：{desk_phone}。" if desk_phone else "")
        ),
        Spacer(1, 6 * mm),
        para(f"{company or estate_name}（盖章）", right),
        para(zh_date(issued_on), right),
        Spacer(1, 6 * mm),
        para("签收回执", st.heading),
        para(f"本人已收到编号为 {number} 的整改通知书，将按期整改。", st.body),
        Spacer(1, 2 * mm),
        signature_table(
            ["业主（签字）：", "施工负责人（签字）：", "签收日期：", "送达人（签字）："],
            [WIDTH / 2, WIDTH / 2],
        ),
    ]
    spec = DocumentSpec(title=f"整改通知书 {number}", estate_name=estate_name, company=company)
    return build_pdf(spec, story, target)
