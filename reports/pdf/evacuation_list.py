"""The evacuation-help list (疏散协助名单): who needs help to leave, by building and floor.

Pure function: :class:`propdesk.care.values.EvacuationRow` list in (phones already shown as
the reader may see them, :mod:`propdesk.care.print_data`), PDF bytes out. One section per
building, floors from the top down (the order helpers climb down a stairwell), a blank
"已协助" column to tick during a drill or an evacuation.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from itertools import groupby
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from propdesk.care.values import EvacuationRow
from reports.pdf.document import DocumentSpec, build_pdf, para, styles, table, title

TITLE = "疏散协助名单"


def evacuation_list_pdf(
    rows: Sequence[EvacuationRow],
    *,
    estate_name: str,
    company: str = "",
    printed_on: date | None = None,
    copy: str = "",
    target: str | Path | None = None,
) -> bytes:
    """One table per building, by floor (top first), with a tick column for the helpers;
    ``copy`` says under the title which copy this is (``疏散小组用·含完整电话``)."""
    st = styles()
    heading = f"{TITLE}（{printed_on:%Y-%m-%d}）" if printed_on else TITLE
    story: list[Flowable] = [title(heading)]
    if copy:
        story.append(para(f"【{copy}】", st.heading))
    story.append(Spacer(1, 2 * mm))
    widths = [14 * mm, 26 * mm, 24 * mm, 30 * mm, 70 * mm, 18 * mm]
    ordered = sorted(rows, key=lambda r: (r.building_sort, r.building, -r.floor, r.unit_code))
    if not ordered:
        story.append(para("目前没有登记需要疏散协助的住户。"))
    for building, group in groupby(ordered, key=lambda r: (r.building_sort, r.building)):
        people = list(group)
        lines: list[list[str]] = [["楼层", "房号", "姓名", "电话", "协助说明", "已协助"]]
        lines += [
            [f"{r.floor}层", r.unit_code, r.person_name, r.phone, r.notes, "□"] for r in people
        ]
        story.append(
            KeepTogether(
                [
                    para(f"{building[1]}（{len(people)} 户/人）", st.heading),
                    Spacer(1, 1 * mm),
                ]
            )
        )
        story += [table(lines, widths), Spacer(1, 4 * mm)]
    story.append(
        para(
            "本名单仅供应急疏散及演练使用，含住户个人信息，请妥善保管，用后交回服务中心，"
            "不得外传。",
            st.small,
        )
    )
    spec = DocumentSpec(
        title=TITLE,
        estate_name=estate_name,
        company=company,
        footer_note="应急疏散用　含个人信息，请勿外传",
    )
    return build_pdf(spec, story, target)
