"""The monthly assessment sheet (员工月度考核表): one clerk's figures, the manager's comment
and the clerk's acknowledgement, with signature boxes.

Pure function: :class:`propdesk.team.print_data.AssessmentSheetData` in, PDF bytes out.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from propdesk.clock import to_local
from propdesk.team.values import CALLBACK_HOURS, AssessmentSheetData, Figures
from reports.pdf.document import (
    DocumentSpec,
    build_pdf,
    para,
    signature_table,
    styles,
    table,
    title,
)

WIDTH = 180 * mm


def _t(at: datetime | None) -> str:
    return to_local(at).strftime("%Y-%m-%d %H:%M") if at else ""


def _pct(part: int, whole: int) -> str:
    return f"{part * 100 / whole:.1f}%" if whole else "—"


def figure_rows(f: Figures) -> list[list[str]]:
    """指标, 数值, 口径 for each figure of the sheet."""
    minutes = "—" if f.avg_response_minutes is None else f"{f.avg_response_minutes:.0f} 分钟"
    satisfaction = "—" if f.avg_satisfaction is None else f"{f.avg_satisfaction:.2f} 分"
    fcr = "—" if f.first_call_resolution is None else f"{f.first_call_resolution * 100:.1f}%"
    return [
        ["登记工单", f"{f.tickets_registered} 件", "本月由本人登记的工单"],
        ["已首次响应", f"{f.responded} 件", "本人登记的工单中已响应的"],
        ["平均首次响应时间", minutes, "从登记到首次响应"],
        ["回访", f"{f.callbacks} 次", "本人完成的工单回访"],
        [
            "按时回访",
            f"{f.callbacks_on_time} 次（{_pct(f.callbacks_on_time, f.callbacks)}）",
            f"完工后 {CALLBACK_HOURS} 小时内回访",
        ],
        ["回访满意度", satisfaction, "回访总体评分平均（1–5 分）"],
        ["来电与去电", f"{f.calls_handled} 个", "已登记的来电与去电"],
        [
            "一次解决",
            f"{f.first_call_resolved} 个（{fcr}）",
            f"来电 {f.inbound_calls} 个中当场答复或转工单的",
        ],
        [
            "满意度调查电话",
            f"{f.survey_calls} 个（完成答卷 {f.survey_answered} 份）",
            "满意度调查中本人拨打的电话（含无人接听、拒访、约定回拨）",
        ],
    ]


def assessment_sheet_pdf(data: AssessmentSheetData, target: str | Path | None = None) -> bytes:
    """Render the sheet; returns the PDF bytes (and writes ``target`` when given)."""
    st = styles()
    sheet = data.sheet
    year, month = sheet.figures.period.split("-")
    so = sheet.sign_off
    story: list[Flowable] = [title("员工月度考核表")]
    story.append(
        table(
            [
                ["员工", sheet.clerk_name, "考核月份", f"{int(year)}年{int(month)}月"],
            ],
            [25 * mm, 65 * mm, 25 * mm, 65 * mm],
            header_rows=0,
            zebra=False,
        )
    )
    story.append(Spacer(1, 4 * mm))
    story.append(para("一、考核指标（由系统按记录统计）", st.heading))
    story.append(
        table(
            [["指标", "数值", "统计口径"], *figure_rows(sheet.figures)],
            [45 * mm, 45 * mm, 90 * mm],
        )
    )
    story.append(Spacer(1, 4 * mm))
    story.append(para("二、经理评语", st.heading))
    story.append(para(so.comment or "（尚未填写评语）"))
    if so.comment:
        story.append(para(f"评语人：{so.comment_by_name}　时间：{_t(so.comment_at)}", st.small))
    story.append(Spacer(1, 4 * mm))
    story.append(para("三、员工确认", st.heading))
    if so.ack_at is not None:
        story.append(para(f"本人已阅并确认：{so.ack_by_name}　确认时间：{_t(so.ack_at)}"))
    else:
        story.append(para("（员工尚未确认）"))
    story.append(Spacer(1, 8 * mm))
    story.append(signature_table(["员工（签字）", "经理（签字）"], [WIDTH / 2, WIDTH / 2]))
    spec = DocumentSpec(
        title=f"员工月度考核表 {sheet.clerk_name} {sheet.figures.period}",
        estate_name=data.estate_name,
        company=data.company,
        printed_at=to_local(data.printed_at),
    )
    return build_pdf(spec, story, target)
