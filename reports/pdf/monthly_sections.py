"""The monthly report's optional sections (十 onwards) and the formatting they share.

The sections after 九、收费与欠费 are printed only when their figures were computed (社区活动,
关怀走访) or when something happened (满意度调查); :func:`section_numbers` numbers them
consecutively, the written part (工作总结…) last, whatever combination is printed.
:mod:`reports.pdf.monthly_report` imports this module, never the other way round.
"""

from __future__ import annotations

from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from propdesk.reporting.values import MonthlyReport, MonthNotes
from reports.pdf.document import fen_to_yuan, para, styles, table

#: The first optional section's number: 一 … 九 are always printed.
FIRST_OPTIONAL = 10
_DIGITS = "零一二三四五六七八九"


def pct(rate: float | None) -> str:
    """``0.9234`` → ``92.3%``; ``None`` → ``—``."""
    return "—" if rate is None else f"{rate * 100:.1f}%"


def num(value: float | None, digits: int = 1) -> str:
    """An average with thousands separators; ``None`` → ``—``."""
    return "—" if value is None else f"{value:,.{digits}f}"


def n(value: int | None) -> str:
    """A count with thousands separators: ``12345`` → ``12,345``; ``None`` → ``—``."""
    return "—" if value is None else f"{value:,}"


def yuan(fen: int | None) -> str:
    return "—" if fen is None else fen_to_yuan(fen)


def heading(text: str) -> Flowable:
    return para(text, styles().heading)


def keep(*parts: Flowable) -> Flowable:
    """A heading with its text, table and chart on one page (never a chart cut off from its
    section); a part taller than a page still breaks inside."""
    return KeepTogether(list(parts))


def long_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


NOTE_HEADINGS = ("工作总结", "存在问题", "下月工作计划")


def _activities(r: MonthlyReport) -> list[Flowable]:
    """Community activities (社区活动): held, sign-ups, attendance, rating, money."""
    a = r.activities
    if a is None:
        return []
    if not a.held and not a.cancelled:
        return [
            keep(
                heading(f"{section_numbers(r)['activities']}、社区活动"),
                para("本期未举办社区活动。"),
            )
        ]
    rating = f"{a.average_rating:.1f} 分（{n(a.ratings)} 户评价）" if a.average_rating else "—"
    data = [
        ["项目", "本期"],
        ["举办活动（场）", n(a.held)],
        ["取消活动（场）", n(a.cancelled)],
        ["报名（户 / 人）", f"{n(a.signups)} / {n(a.persons)}"],
        ["签到（户）", n(a.attended)],
        ["到场率", pct(a.attendance_rate)],
        ["平均评分（1–5）", rating],
        ["预算（元）", yuan(a.budget_fen)],
        ["实际花费（元）", yuan(a.spent_fen)],
    ]
    feedback = ""
    if a.feedback_questionnaires:
        mean = f"{a.feedback_mean:.2f} 分" if a.feedback_mean is not None else "—"
        data[7:7] = [
            [
                "反馈问卷（份 / 答卷）",
                f"{n(a.feedback_questionnaires)} / {n(a.feedback_responses)}",
            ],
            ["问卷评分平均（1–5）", mean],
        ]
        feedback = (
            f"活动反馈问卷 {n(a.feedback_questionnaires)} 份，收回答卷 {n(a.feedback_responses)} 份，"
            f"评分题平均 {mean}。"
        )
    return [
        keep(
            heading(f"{section_numbers(r)['activities']}、社区活动"),
            para(
                f"本期举办社区活动 {n(a.held)} 场，报名 {n(a.signups)} 户 {n(a.persons)} 人，"
                f"到场率 {pct(a.attendance_rate)}；预算 {yuan(a.budget_fen)} 元，"
                f"实际花费 {yuan(a.spent_fen)} 元。" + feedback
            ),
            table(data, [60 * mm, 50 * mm], right_align_cols=(1,)),
        )
    ]


def has_survey_section(r: MonthlyReport) -> bool:
    """The survey section is printed in a month in which a campaign ended."""
    return r.surveys is not None and bool(r.surveys.campaigns)


def _share(value: float | None) -> str:
    """A share already in percent (``87.5`` → ``87.5%``); ``None`` → ``—``."""
    return "—" if value is None else f"{value:.1f}%"


def _surveys(r: MonthlyReport) -> list[Flowable]:
    """Satisfaction surveys (满意度调查) that ended in the month: the campaign's headline
    and the comparison with the previous campaign on the same questions."""
    v = r.surveys
    if v is None or not has_survey_section(r):
        return []
    names = "、".join(f"“{c}”" for c in v.campaigns)
    story: list[Flowable] = [
        heading(f"{section_numbers(r)['surveys']}、满意度调查"),
        para(
            f"本期结束满意度调查 {n(len(v.campaigns))} 次（{names}），抽样 {n(v.sample_size)} 户，"
            f"完成访问 {n(v.responses)} 户，回复率 {_share(v.response_rate)}；"
            f"平均分 {num(v.overall_mean, 2)} 分，满意率 {_share(v.satisfied_pct)}；"
            f"不满意答复和投诉转回访工单 {n(v.tickets_opened)} 张。"
        ),
    ]
    data = [
        ["项目", "本期"],
        ["抽样户数", n(v.sample_size)],
        ["完成访问（户）", n(v.responses)],
        ["回复率", _share(v.response_rate)],
        ["平均分（1–5）", num(v.overall_mean, 2)],
        ["满意率（4–5分）", _share(v.satisfied_pct)],
        ["转回访工单（张）", n(v.tickets_opened)],
    ]
    if v.previous_name is not None:
        diff = (  # of the two figures as printed, so that they add up on paper
            round(v.overall_mean_shared, 2) - round(v.previous_overall_mean, 2)
            if v.overall_mean_shared is not None and v.previous_overall_mean is not None
            else None
        )
        change = "—" if diff is None else f"{diff:+.2f}"
        story.append(
            para(
                f"与上次调查“{v.previous_name}”相比（相同题目），平均分由 "
                f"{num(v.previous_overall_mean, 2)} 分变为 {num(v.overall_mean_shared, 2)} 分"
                f"（{change}）。"
            )
        )
        data.append(["上次调查平均分（相同题目）", num(v.previous_overall_mean, 2)])
    story.append(table(data, [60 * mm, 50 * mm], right_align_cols=(1,)))
    return [keep(*story)]


def _notes(r: MonthlyReport) -> list[Flowable]:
    """The manager's written summary, problems and next month's plan (saved with the month)."""
    notes = r.notes or MonthNotes(period=r.period)
    number = section_numbers(r)["notes"]
    story: list[Flowable] = [
        CondPageBreak(60 * mm),
        heading(f"{number}、工作总结、存在问题与下月计划"),
    ]
    for k, (label, text) in enumerate(
        zip(NOTE_HEADINGS, (notes.summary, notes.problems, notes.plan), strict=True), start=1
    ):
        story.append(
            KeepTogether(
                [
                    para(f"（{k}）{label}", styles().body),
                    para(text.strip() or "（未填写）", styles().body),
                    Spacer(1, 2 * mm),
                ]
            )
        )
    return story


def chinese_number(k: int) -> str:
    """``10`` → ``十``, ``11`` → ``十一``, ``20`` → ``二十``, ``23`` → ``二十三`` (1…99)."""
    tens, ones = divmod(k, 10)
    if not tens:
        return _DIGITS[ones]
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")


def section_numbers(r: MonthlyReport) -> dict[str, str]:
    """The numbers of the optional sections printed for ``r``, in order, and of the notes.

    Keys: ``activities``, ``care``, ``surveys`` (those printed) and ``notes`` (always).
    """
    printed = [
        name
        for name, shown in (
            ("activities", r.activities is not None),
            ("care", r.care is not None),
            ("surveys", has_survey_section(r)),
            ("notes", True),
        )
        if shown
    ]
    return {name: chinese_number(FIRST_OPTIONAL + i) for i, name in enumerate(printed)}


def _care(r: MonthlyReport) -> list[Flowable]:
    """关怀走访: the window's visits (by reason, ratings, findings raised as tickets) and the
    attention flags set and ended; the visits and flag reviews overdue now only for a window
    that ends today or later. Counts only: no name, flag reason or finding is printed."""
    c = r.care
    if c is None:
        return []
    head = heading(f"{section_numbers(r)['care']}、关怀走访")
    if c.overdue_as_of is not None:
        asof = long_date(c.overdue_as_of)
        overdue = (
            f"截至{asof}，逾期未走访 {n(c.visits_overdue)} 项，"
            f"关注标记逾期未复查 {n(c.reviews_overdue)} 个。"
        )
        overdue_rows = [
            [f"逾期未走访（项，截至{asof}）", n(c.visits_overdue)],
            [f"关注标记逾期未复查（个，截至{asof}）", n(c.reviews_overdue)],
        ]
    else:
        overdue = (
            "逾期未走访、关注标记逾期未复查是当前的数字，只在当月报表中列出，"
            "往月不列（表中为“—”）。"
        )
        overdue_rows = [["逾期未走访（项）", "—"], ["关注标记逾期未复查（个）", "—"]]
    if c.empty:
        parts: list[Flowable] = [head, para("本期无走访记录，未新增或解除关注标记。")]
        if c.overdue_as_of is not None:
            parts.append(para(overdue))
        return [keep(*parts)]
    rating = f"{c.average_rating:.1f} 分（{n(c.ratings)} 次评价）" if c.average_rating else "—"
    data = [
        ["项目", "本期"],
        ["走访（次）", n(c.visits)],
        ["走访户数（户）", n(c.households)],
        *([f"其中：{x.label}", n(x.count)] for x in c.by_reason),
        ["平均评分（1–5）", rating],
        ["发现问题转工单（张）", n(c.ticketed)],
        ["新增关注标记（个）", n(c.flags_new)],
        ["解除关注标记（个）", n(c.flags_ended)],
        *overdue_rows,
    ]
    return [
        keep(
            head,
            para(
                f"本期走访 {n(c.visits)} 次，涉及 {n(c.households)} 户；"
                f"平均评分 {rating}；发现问题转工单 {n(c.ticketed)} 张。"
                f"新增关注标记 {n(c.flags_new)} 个，解除 {n(c.flags_ended)} 个。" + overdue
            ),
            table(data, [88 * mm, 40 * mm], right_align_cols=(1,)),
        )
    ]


def optional_sections(r: MonthlyReport) -> list[Flowable]:
    """Every optional section printed for ``r``, in the order :func:`section_numbers` gives,
    the written part last."""
    return [*_activities(r), *_care(r), *_surveys(r), *_notes(r)]
