"""The guards' list of the day's moves (当日搬家预约表).

Pure function: the day and its :class:`propdesk.movein.values.Appointment` list in, PDF bytes out.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from propdesk.movein.values import Appointment
from reports.pdf.document import DocumentSpec, build_pdf, para, styles, table, title

DIRECTION_ZH = {"in": "搬入", "out": "搬出"}


def guards_list_pdf(
    day: date,
    appointments: Sequence[Appointment],
    *,
    estate_name: str,
    company: str = "",
    target: str | Path | None = None,
) -> bytes:
    """One table of the day's moves by slot, for the gate and the elevator staff."""
    st = styles()
    rows: list[list[str]] = [
        [
            "时段",
            "房号",
            "搬入/搬出",
            "电梯 / 单元",
            "联系人",
            "电话",
            "搬家公司 / 车牌",
            "门岗签字",
        ]
    ]
    for a in appointments:
        rows.append(
            [
                a.slot,
                a.unit_code,
                DIRECTION_ZH.get(a.direction, a.direction),
                f"{a.elevator}（{a.building_name}{a.entrance}单元）",
                a.contact_name,
                a.contact_phone,
                " ".join(x for x in (a.mover_company, a.vehicle_plate) if x),
                "",
            ]
        )
    story: list[Flowable] = [
        title(f"搬家预约表 {day:%Y-%m-%d}"),
        Spacer(1, 3 * mm),
    ]
    if appointments:
        story.append(
            table(rows, [24 * mm, 24 * mm, 20 * mm, 46 * mm, 24 * mm, 30 * mm, 60 * mm, 28 * mm])
        )
    else:
        story.append(para("当日没有搬家预约。"))
    story += [
        Spacer(1, 4 * mm),
        para(
            "请门岗核对房号及放行条；搬家须在预约时段内进行，电梯须做好保护，搬完后通知保洁。",
            st.small,
        ),
    ]
    spec = DocumentSpec(
        title=f"搬家预约表 {day:%Y-%m-%d}",
        estate_name=estate_name,
        company=company,
        landscape=True,
        footer_note="门岗用　电话仅供联系搬家事宜，请勿外传",
    )
    return build_pdf(spec, story, target)
