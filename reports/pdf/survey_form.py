"""The paper questionnaire of a campaign (满意度调查问卷): what a household fills in by hand
and hands back to the desk, where it is typed in with the same number keys it shows.

Each answer box carries the number the desk presses (1–5 for a rating, 1… for an option),
so entering a form is reading its ticks aloud. The form number and the household code are
written at the top (or printed there for a prepared batch). Plain data in, PDF bytes out.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table, TableStyle

from propdesk.surveys.values import CALLBACK_DAYS, CampaignRow, QuestionKind, QuestionRow
from reports.pdf.document import (
    FONT,
    DocumentSpec,
    LetterStart,
    build_pdf,
    para,
    styles,
    table,
    title,
    zh_date,
)

WIDTH = 180 * mm
BOX = "□"  # (U+2610 is not in the embedded font; U+25A1 is)
BLANK = "＿" * 8


def _choices(labels: Sequence[str], per_row: int, *, numbered: bool = True) -> Table:
    """``□ 1 label`` cells, ``per_row`` to a row, numbered as the desk keys them."""
    cells = [
        f"{BOX} {i} {label}" if numbered else f"{BOX} {label}"
        for i, label in enumerate(labels, start=1)
    ]
    rows = [cells[i : i + per_row] for i in range(0, len(cells), per_row)] or [[""]]
    rows[-1] += [""] * (per_row - len(rows[-1]))
    t = Table(rows, colWidths=[(WIDTH - 8 * mm) / per_row] * per_row, hAlign="RIGHT")
    t.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("FONTSIZE", (0, 0), (-1, -1), 10.5),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return t


def _writing_lines(count: int) -> Table:
    t = Table(
        [[""] for _ in range(count)],
        colWidths=[WIDTH - 8 * mm],
        rowHeights=[8 * mm] * count,
        hAlign="RIGHT",
    )
    t.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor("#888888")),
            ]
        )
    )
    return t


def form_title(name: str) -> str:
    """``2026年下半年满意度调查问卷`` (the word 满意度调查 once)."""
    return f"{name}问卷" if name.endswith("满意度调查") else f"{name} 满意度调查问卷"


def question_block(number: int, q: QuestionRow) -> Flowable:
    """One question as printed: its text with how to answer, then its boxes or lines."""
    st = styles()
    how = {
        QuestionKind.RATING: "（单选，请在对应的□内打“√”）",
        QuestionKind.SINGLE: "（单选）",
        QuestionKind.MULTI: "" if "多选" in q.text else "（可多选）",
        QuestionKind.TEXT: "",
    }[q.kind]
    parts: list[Flowable] = [para(f"{number}. {q.text}{how}", st.body)]
    if q.kind == QuestionKind.RATING:
        parts.append(_choices(q.labels, 5))
    elif q.kind in (QuestionKind.SINGLE, QuestionKind.MULTI):
        longest = max((len(o) for o in q.options), default=0)
        parts.append(_choices(q.options, 2 if longest > 9 else 3 if longest > 5 else 4))
    else:
        parts.append(_writing_lines(3))
        parts.append(_choices(["以上意见为投诉，请回访"], 1, numbered=False))
    parts.append(Spacer(1, 2 * mm))
    return KeepTogether(parts)


def survey_form_pdf(
    campaign: CampaignRow,
    questions: Sequence[QuestionRow],
    *,
    estate_name: str,
    company: str = "",
    desk_phone: str = "",
    households: Sequence[tuple[str, str]] = (("", ""),),
    printed_at: datetime | None = None,
    target: str | Path | None = None,
) -> bytes:
    """One questionnaire per ``(household code, form number)`` in ``households``; an empty
    code or number is a line to write on (the default: one blank form)."""
    st = styles()
    story: list[Flowable] = []
    contact = f"，或致电 {desk_phone}" if desk_phone else ""
    intro = (
        "尊敬的业主/住户：\n"
        "为了解您对物业服务的评价、不断改进我们的工作，特开展本次满意度调查。"
        "请在选定答案前的□内打“√”，意见请直接填写。"
        f"填好后请于{zh_date(campaign.ends_on)}前交回物业服务中心前台{contact}。"
        f"对您提出的每一条意见，我们将在{CALLBACK_DAYS}天内回访。感谢您的支持！"
    )
    for n, (code, form_no) in enumerate(households or (("", ""),)):
        if n:
            story.append(PageBreak())
        story.append(LetterStart(f"{code}　{form_no}".strip()))  # pages counted per form
        story.append(title(form_title(campaign.name)))
        story.append(
            table(
                [["问卷编号", form_no or BLANK, "房号（户号）", code or BLANK]],
                [25 * mm, 65 * mm, 30 * mm, 60 * mm],
                header_rows=0,
                zebra=False,
                font_size=10.5,
            )
        )
        story.append(Spacer(1, 3 * mm))
        story.append(para(intro, st.body))
        story.append(Spacer(1, 3 * mm))
        for i, q in enumerate(questions, start=1):
            story.append(question_block(i, q))
        story.append(Spacer(1, 4 * mm))
        story.append(para(f"填写日期：{'　' * 4}年{'　' * 2}月{'　' * 2}日", st.body))
        story.append(Spacer(1, 3 * mm))
        story.append(
            table(
                [["以下由物业服务中心填写", "录入人", "", "录入日期", ""]],
                [50 * mm, 20 * mm, 45 * mm, 20 * mm, 45 * mm],
                header_rows=0,
                zebra=False,
            )
        )
    spec = DocumentSpec(
        title=form_title(campaign.name),
        estate_name=estate_name,
        company=company,
        printed_at=printed_at,
        print_time=False,
    )
    return build_pdf(spec, story, target)
