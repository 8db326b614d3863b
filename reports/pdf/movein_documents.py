"""The move-in notice (入伙通知书) and the handover form (入伙交接单).

Pure functions: a :class:`propdesk.movein.values.MoveInInfo` (phones masked for the user)
and the estate's details in, PDF bytes out.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from propdesk.clock import local_date, local_now
from propdesk.movein.values import MoveInInfo
from propdesk.registry.values import OCCUPANCY_ROLE_ZH, OccupancyRole
from reports.pdf.document import (
    DocumentSpec,
    build_pdf,
    para,
    signature_table,
    styles,
    table,
    title,
    zh_date,
)

WIDTH = 180 * mm


def _reading(centi: int | None) -> str:
    if centi is None:
        return ""
    return f"{centi // 100}.{centi % 100:02d}"


def _tick(done: bool) -> str:
    return "√ 已完成" if done else "□ 未完成"


ROOMS = ("客厅", "餐厅", "主卧", "次卧", "厨房", "卫生间", "阳台")
"""The rooms of the handover inspection (a row each; an unused row is struck through by hand)."""

HANDED_OVER = (
    "《业主临时管理规约》",
    "《住宅质量保证书》",
    "《住宅使用说明书》",
    "《装修管理规定》",
    "《业主手册》",
)
"""The documents handed over with the keys (copies counted on the form)."""


def _owns(role: str) -> bool:
    return role in (OccupancyRole.OWNER, OccupancyRole.CO_OWNER)


def movein_notice_pdf(
    info: MoveInInfo,
    *,
    estate_name: str,
    company: str = "",
    desk_phone: str = "",
    issued_on: date | None = None,
    target: str | Path | None = None,
) -> bytes:
    """The notice inviting the new occupant to complete the move-in at the service centre.

    Worded for its reader: an owner is asked for the purchase contract or title deed, a tenant
    for the lease and the owner's consent (never "您名下的房屋"). It is dated ``issued_on``
    (the day it is printed), and gives the move-in date as the deadline.
    """
    st = styles()
    role = OCCUPANCY_ROLE_ZH.get(OccupancyRole(info.role), info.role)
    owner = _owns(info.role)
    tenant = info.role == OccupancyRole.TENANT
    house = f"{estate_name}{info.building_name}{info.unit_code}"
    if owner:
        opening = f"您好！您购买的{house}房屋已具备交付条件，"
        papers = [
            "业主身份证原件及复印件（委托办理的，另带委托书及受托人身份证）；",
            "购房合同或不动产权证书复印件；",
        ]
    elif tenant:
        opening = f"您好！您承租的{house}房屋可以办理入住，"
        papers = [
            "本人身份证原件及复印件；",
            "房屋租赁合同复印件；",
            "业主同意入住的书面意见（或业主委托书）；",
        ]
    else:
        opening = f"您好！{house}房屋可以办理入住，"
        papers = ["本人身份证原件及复印件；", "业主同意入住的书面意见（或业主委托书）；"]
    papers.append("车辆行驶证（如需办理车位）。")
    story: list[Flowable] = [
        title("入伙通知书"),
        Spacer(1, 4 * mm),
        para(f"尊敬的 {info.person_name}（{role}）："),
        Spacer(1, 2 * mm),
        para(
            opening
            + f"请于{zh_date(info.form.planned_on)}前携带以下资料到物业服务中心办理入伙手续。"
        ),
        Spacer(1, 3 * mm),
        para("请携带的资料", st.heading),
        *[para(f"{i}. {x}") for i, x in enumerate(papers, 1)],
        Spacer(1, 3 * mm),
        para("办理流程", st.heading),
        para(
            "资料核验 → 结清相关费用 → 共同抄录水电表底数 → 领取钥匙和门禁卡 → 签署交接单 → 入住。"
        ),
        Spacer(1, 3 * mm),
        para(
            "如需预约搬家，请提前到客服中心预约电梯和时段。"
            + (f"咨询电话：{desk_phone}。" if desk_phone else "")
        ),
        Spacer(1, 12 * mm),
        para(
            f"{company}　{estate_name}客服中心" if company else f"{estate_name}物业服务中心",
            st.body,
        ),
        para(zh_date(issued_on or local_date(local_now())), st.body),
    ]
    spec = DocumentSpec(title="入伙通知书", estate_name=estate_name, company=company)
    return build_pdf(spec, story, target)


def _open_items(info: MoveInInfo) -> list[str]:
    f = info.form
    out = []
    if not f.documents_checked:
        out.append("资料未核验")
    if not f.fees_settled:
        out.append("费用未结清")
    if f.water_reading_centi is None:
        out.append("水表底数未抄录")
    if f.electricity_reading_centi is None:
        out.append("电表底数未抄录")
    return out


def handover_form_pdf(
    info: MoveInInfo, *, estate_name: str, company: str = "", target: str | Path | None = None
) -> bytes:
    """The handover form signed by both sides: checklist, readings, keys, cards, parking, a
    room-by-room inspection and the documents handed over.

    "经双方现场确认无误" is printed only when nothing is open; otherwise the form lists what is
    still open (fees unsettled, a reading not taken) above the signatures.
    """
    st = styles()
    f = info.form
    role = OCCUPANCY_ROLE_ZH.get(OccupancyRole(info.role), info.role)
    w = WIDTH / 4
    head = table(
        [
            ["房号", info.unit_code, "楼栋", info.building_name],
            ["住户", f"{info.person_name}（{role}）", "联系电话", info.person_phone],
            ["办理日期", zh_date(f.planned_on), "经办人", info.created_by],
        ],
        [w * 0.7, w * 1.3, w * 0.7, w * 1.3],
        header_rows=0,
        zebra=False,
    )
    checklist = table(
        [
            ["交接项目", "情况", "备注"],
            ["资料核验", _tick(f.documents_checked), f.documents_note],
            ["费用结清", _tick(f.fees_settled), ""],
            ["水表底数（m³）", _reading(f.water_reading_centi) or "未抄录", ""],
            ["电表底数（kWh）", _reading(f.electricity_reading_centi) or "未抄录", ""],
            ["门禁卡 / 住户卡", f.card_numbers or "无", ""],
            ["车位申请", "已申请" if f.parking_requested else "未申请", f.parking_note],
        ],
        [w * 1.2, w * 1.4, w * 1.4],
        zebra=False,
    )
    keys = table(
        [
            ["钥匙类型", "数量（把）"],
            *[[t, str(c)] for t, c in f.keys],
            ["合计", str(info.key_total)],
        ],
        [w * 2.6, w * 1.4],
        right_align_cols=(1,),
        zebra=False,
    )
    mark = "□完好 □有问题"
    rooms = table(
        [
            ["房间", "墙面 / 天花", "地面", "门窗", "水电 / 开关插座", "问题说明"],
            *[[r, mark, mark, mark, mark, ""] for r in ROOMS],
        ],
        [16 * mm, 27 * mm, 27 * mm, 27 * mm, 30 * mm, 53 * mm],
        zebra=False,
    )
    documents = table(
        [["移交资料", "份数", "住户签收"], *[[d, "", ""] for d in HANDED_OVER]],
        [w * 2.2, w * 0.6, w * 1.2],
        zebra=False,
    )
    open_items = _open_items(info)
    if open_items:
        statement = "尚未完成：" + "、".join(open_items) + "。以上事项办结后，双方再签字确认交接。"
    else:
        statement = "以上项目经双方现场确认无误。住户已知悉管理规约及装修管理规定。"
    signed = zh_date(f.signed_on) if f.signed_on else "　　　　年　　月　　日"
    story: list[Flowable] = [
        title("入伙交接单"),
        Spacer(1, 3 * mm),
        head,
        Spacer(1, 3 * mm),
        para("交接清单", st.heading),
        checklist,
        Spacer(1, 3 * mm),
        para("钥匙移交", st.heading),
        keys,
        Spacer(1, 3 * mm),
        para("分户验收（逐间查验，在相应方框内打√）", st.heading),
        rooms,
        Spacer(1, 3 * mm),
        para("资料移交", st.heading),
        documents,
        Spacer(1, 3 * mm),
        para(statement, st.body),
        Spacer(1, 4 * mm),
        signature_table(
            [
                "住户（签字）：",
                "物业经办人（签字）：",
                f"签字日期：{signed}",
                f"签字日期：{signed}",
            ],
            [WIDTH / 2, WIDTH / 2],
        ),
    ]
    spec = DocumentSpec(
        title=f"入伙交接单 {info.unit_code}", estate_name=estate_name, company=company
    )
    return build_pdf(spec, story, target)
