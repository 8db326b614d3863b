"""The move-out release slip (放行条) the guards check at the gate.

Pure function: a :class:`propdesk.movein.values.MoveOutInfo` in, PDF bytes out.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from propdesk.movein.values import MoveOutInfo
from reports.pdf.document import DocumentSpec, build_pdf, fen_to_yuan, para, styles, table, title

WIDTH = 180 * mm


def _reading(centi: int) -> str:
    return f"{centi // 100}.{centi % 100:02d}"


def moveout_slip_pdf(
    info: MoveOutInfo, *, estate_name: str, company: str = "", target: str | Path | None = None
) -> bytes:
    """One slip: who moves out of which unit on which day, readings, returns, arrears status."""
    st = styles()
    w = WIDTH / 4
    if info.open_arrears_fen and info.waiver_by:
        fees = f"尚欠 {fen_to_yuan(info.open_arrears_fen)} 元，经 {info.waiver_by} 批准放行（{info.waiver_reason}）"
    else:
        fees = "已结清"
    story: list[Flowable] = [
        title("放行条"),
        Spacer(1, 3 * mm),
        table(
            [
                ["放行条号", info.slip_no, "迁出日期", f"{info.moved_out_on:%Y-%m-%d}"],
                ["房号", info.unit_code, "迁出人", info.person_name],
                [
                    "水表读数（m³）",
                    _reading(info.water_reading_centi),
                    "电表读数（kWh）",
                    _reading(info.electricity_reading_centi),
                ],
                ["交回钥匙", f"{info.keys_returned} 把", "交回门禁卡", info.cards_returned or "无"],
                ["费用情况", fees, "物品说明", info.items_note],
                ["经办人", info.created_by, "门岗核验", ""],
            ],
            [w * 0.8, w * 1.2, w * 0.8, w * 1.2],
            header_rows=0,
            zebra=False,
        ),
        Spacer(1, 4 * mm),
        para("请门岗核对房号及迁出人后放行，本条当日有效，放行后交回客服中心存档。", st.small),
    ]
    spec = DocumentSpec(
        title=f"放行条 {info.slip_no}",
        estate_name=estate_name,
        company=company,
        footer_note="门岗联",
    )
    return build_pdf(spec, story, target)
