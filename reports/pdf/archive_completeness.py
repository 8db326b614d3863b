"""The archive completeness report of one building (一户一档资料完整情况).

Pure function: :class:`propdesk.archive.values.BuildingCompleteness` in, PDF bytes out. One
row per unit: the required documents present, missing and expired; the totals on top.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from propdesk.archive.values import BuildingCompleteness
from reports.pdf.document import DocumentSpec, build_pdf, para, styles, table, title


def completeness_title(report: BuildingCompleteness) -> str:
    return f"{report.building_name} 一户一档资料完整情况"


def completeness_pdf(
    report: BuildingCompleteness,
    *,
    estate_name: str,
    as_of: date,
    printed_at: datetime | None = None,
    company: str = "",
    target: str | Path | None = None,
) -> bytes:
    st = styles()
    units = report.units
    missing = sum(1 for u in units if u.missing)
    expired = sum(1 for u in units if u.expired)
    rows: list[list[str]] = [["房号", "状态", "已齐（份）", "缺失", "已过期"]]
    for u in units:
        if not (u.present or u.missing or u.expired):
            state = "无需资料"
        elif u.complete:
            state = "齐全"
        else:
            state = "不齐"
        rows.append(
            [
                u.unit_code,
                state,
                str(len(u.present)),
                "、".join(u.missing),
                "、".join(u.expired),
            ]
        )
    head = completeness_title(report)
    story: list[Flowable] = [
        title(head),
        para(
            f"统计日期：{as_of:%Y-%m-%d}　房屋 {len(units)} 套　资料齐全 "
            f"{report.complete_units} 套　有缺失 {missing} 套　有过期 {expired} 套　"
            f"无需资料 {report.units_needing_nothing} 套",
            st.body,
        ),
        Spacer(1, 3 * mm),
    ]
    if units:
        story.append(table(rows, [30 * mm, 18 * mm, 20 * mm, 100 * mm, 75 * mm]))
    else:
        story.append(para("这栋楼还没有房屋。"))
    story += [
        Spacer(1, 3 * mm),
        para(
            "说明：交房入住资料在有住户入住时要求，装修资料在有装修申请后要求，迁出资料在办理迁出后"
            "要求；过了到期日的资料计为已过期。",
            st.small,
        ),
    ]
    spec = DocumentSpec(
        title=head,
        estate_name=estate_name,
        company=company,
        landscape=True,
        printed_at=printed_at,
        footer_note="内部资料",
    )
    return build_pdf(spec, story, target)
