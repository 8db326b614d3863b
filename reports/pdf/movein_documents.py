"""The move-in notice (入伙通知书) and the handover form (入伙交接单).

Pure functions: a :class:`propdesk.movein.values.MoveInInfo` (phones masked for the user)
and the estate's details in, PDF bytes out.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from propdesk.movein.values import MoveInInfo
from propdesk.registry.values import OCCUPANCY_ROLE_ZH, OccupancyRole
from reports.pdf.document import DocumentSpec, build_pdf, para, styles, table, title

WIDTH = 180 * mm


def _reading(centi: int | None) -> str:
    if centi is None:
        return ""
    return f"{centi // 100}.{centi % 100:02d}"


def _tick(done: bool) -> str:
    return "√ 已完成" if done else "□ 未完成"


def movein_notice_pdf(
    info: MoveInInfo,
    *,
    estate_name: str,
    company: str = "",
    desk_phone: str = "",
    target: str | Path | None = None,
) -> bytes:
    """The notice inviting the new occupant to complete the move-in at the service centre."""
    st = styles()
    role = OCCUPANCY_ROLE_ZH.get(OccupancyRole(info.role), info.role)
    story: list[Flowable] = [
        title("入伙通知书"),
        Spacer(1, 4 * mm),
        para(f"尊敬的 {info.person_name}（{role}）："),
        Spacer(1, 2 * mm),
        para(
            f"您好！您名下的 {estate_name} {info.building_name} {info.unit_code} 房屋已具备交付条件，"
            f"请于 {info.form.planned_on:%Y年%m月%d日} 前携带以下资料到物业服务中心办理入伙手续。"
        ),
        Spacer(1, 3 * mm),
        para("请携带的资料", st.heading),
        para("1. 业主身份证原件及复印件（委托办理的，另带委托书及受托人身份证）；"),
        para("2. 购房合同或不动产权证书复印件；"),
        para("3. 租户入住的，带租赁合同及业主同意书；"),
        para("4. 车辆行驶证（如需办理车位）。"),
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
        para(f"{info.form.planned_on:%Y年%m月%d日}", st.body),
    ]
    spec = DocumentSpec(title="入伙通知书", estate_name=estate_name, company=company)
    return build_pdf(spec, story, target)


def handover_form_pdf(
    info: MoveInInfo, *, estate_name: str, company: str = "", target: str | Path | None = None
) -> bytes:
    """The handover form signed by both sides: checklist, readings, keys, cards, parking."""
    st = styles()
    f = info.form
    role = OCCUPANCY_ROLE_ZH.get(OccupancyRole(info.role), info.role)
    w = WIDTH / 4
    head = table(
        [
            ["房号", info.unit_code, "楼栋", info.building_name],
            ["住户", f"{info.person_name}（{role}）", "联系电话", info.person_phone],
            ["办理日期", f"{f.planned_on:%Y-%m-%d}", "经办人", info.created_by],
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
            ["水表底数（m³）", _reading(f.water_reading_centi), ""],
            ["电表底数（kWh）", _reading(f.electricity_reading_centi), ""],
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
    signed = f"{f.signed_on:%Y-%m-%d}" if f.signed_on else "______年____月____日"
    story: list[Flowable] = [
        title("入伙交接单"),
        Spacer(1, 3 * mm),
        head,
        Spacer(1, 4 * mm),
        para("交接清单", st.heading),
        checklist,
        Spacer(1, 4 * mm),
        para("钥匙移交", st.heading),
        keys,
        Spacer(1, 4 * mm),
        para("以上项目经双方现场确认无误。住户已知悉管理规约及装修管理规定。", st.body),
        Spacer(1, 10 * mm),
        table(
            [["住户签字", "", "物业经办人签字", ""], ["签字日期", signed, "签字日期", signed]],
            [w * 0.8, w * 1.2, w * 0.8, w * 1.2],
            header_rows=0,
            zebra=False,
        ),
    ]
    spec = DocumentSpec(
        title=f"入伙交接单 {info.unit_code}", estate_name=estate_name, company=company
    )
    return build_pdf(spec, story, target)
