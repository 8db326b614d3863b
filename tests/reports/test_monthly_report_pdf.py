"""The monthly report PDF: every section's figures read back with pypdf, charts drawn, font embedded."""

from __future__ import annotations

import io
import itertools
import re
from dataclasses import replace
from datetime import date

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm

from propdesk.auth.actor import Actor
from propdesk.db.engine import Database
from propdesk.demo.build import generate_demo
from propdesk.reporting.monthly import monthly_report
from propdesk.reporting.values import MonthNotes
from reports.pdf.monthly_report import (
    SIGNATURE_ROLES,
    SIGNATURE_ROW_HEIGHT,
    bar_chart,
    monthly_report_pdf,
)
from reports.pdf.monthly_sections import chinese_number, num, pct
from tests.reports.monthly_sample import care_figures, empty_report, quiet_care, sample_report


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def _embedded_fonts(pdf: bytes) -> set[str]:
    names: set[str] = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            f = font.get_object()
            desc = f.get("/FontDescriptor")
            if desc is None and "/DescendantFonts" in f:
                desc = f["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            if desc is not None and desc.get_object().get("/FontFile2") is not None:
                names.add(str(f["/BaseFont"]))
    return names


def test_every_section_is_printed_with_its_figures() -> None:
    pdf = monthly_report_pdf(sample_report())
    text = _text(pdf)
    for expected in (
        "翠湖花园",
        "物业管理月报（2026年10月）",
        "统计期间：2026年10月1日 至 2026年10月31日",
        # comparison
        "本月 2026-10",
        "上月 2026-09",
        "去年同期 2025-10",
        "80.0%",
        "53,974.17",  # previous month billed (5,397,417 fen)
        # tickets
        "本月受理工单 13 件",
        "平均响应 379 分钟",
        "响应时限达标率 91.7%",
        "完成时限（SLA）达标率 80.0%",
        "报修 · 水暖管道",
        "已关闭",
        # callbacks
        "本月回访 11 次",
        "满意率 90.9%",
        "回访未修好 1 次",
        # complaints
        "治安安全",
        "52.5",
        "安管",
        # renovation
        "月末未整改",
        "违规时段施工",
        # patrols
        "漏检 3",
        "完成率 97.9%",
        "发现异常 5 处",
        "消防设施",
        # desk
        "月末待取",
        "逾期未还/逾期归还",
        # fees
        "本月收款 148 笔，共 52,651.59 元",
        "1栋",
        "2栋",
        "53,602.16",
        "43,419.30",
        "81.0%",
        "100.0%",
        "27.7%",  # 1栋 arrears rate 1,083,088 / 3,903,690
        "欠费账龄（截至 2026年10月31日，欠费户数 39）",
        "10,182.86",
        "38,388.88",
        # charts draw their captions and legends as text
        "工单类型分布",
        "总体满意度分布",
        "各楼栋应收与实收",
        "欠费账龄分布（元）",
        "违规类型",
    ):
        assert expected in text, expected
    assert _embedded_fonts(pdf)
    assert len(PdfReader(io.BytesIO(pdf)).pages) >= 3


def test_empty_month_prints_dashes_not_errors() -> None:
    pdf = monthly_report_pdf(empty_report())
    text = _text(pdf)
    assert "物业管理月报（2024年1月）" in text
    assert "本月受理工单 0 件" in text
    assert "完成时限（SLA）达标率 —" in text
    assert "无数据" in text  # empty pies say so
    assert "收缴率 —" in text


def test_pct() -> None:
    assert pct(None) == "—"
    assert pct(0.9234) == "92.3%"
    assert pct(1) == "100.0%"


def test_report_of_a_demo_estate(sqlite_db: Database) -> None:
    generate_demo(sqlite_db, units=60, seed=3, today=date(2026, 11, 20))
    with sqlite_db.begin(Actor.system()) as s:
        r = monthly_report(s, "2026-10", today=date(2026, 11, 20))
    text = _text(monthly_report_pdf(r))
    assert f"本月受理工单 {r.tickets.total} 件" in text
    assert f"本月回访 {r.callbacks.count} 次" in text
    assert r.fees.by_building[0].building in text


def test_missing_comparison_prints_a_dash_not_zero() -> None:
    lines = [
        x.strip()
        for x in _text(monthly_report_pdf(replace(sample_report(), last_year=None))).splitlines()
    ]

    def cells(label: str) -> list[str]:  # a table row is extracted one cell per line
        at = lines.index(label)
        return lines[at + 1 : at + 4]

    assert cells("工单总数") == ["13", "3", "—"]
    assert cells("本期应收(元)") == ["63,602.16", "53,974.17", "—"]
    assert cells("本期收缴率")[2] == "—"


def test_notes_and_signature_lines_close_the_report() -> None:
    notes = MonthNotes(
        "2026-10", "完成消防演练。", "3栋电梯故障多。", "更换3栋电梯主板。", "王经理", 1
    )
    pdf = monthly_report_pdf(replace(sample_report(), notes=notes))
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages]
    text = "\n".join(pages)
    for expected in (
        "十、工作总结、存在问题与下月计划",
        "（1）工作总结",
        "完成消防演练。",
        "（2）存在问题",
        "3栋电梯故障多。",
        "（3）下月工作计划",
        "更换3栋电梯主板。",
    ):
        assert expected in text, expected
    assert all(f"{role}：" in pages[-1] for role in SIGNATURE_ROLES)
    assert 14 * mm <= SIGNATURE_ROW_HEIGHT  # room for a handwritten signature
    empty = _text(monthly_report_pdf(sample_report()))
    assert "（未填写）" in empty


def test_counts_have_whole_steps_and_thousands_separators() -> None:
    chart = bar_chart(["a", "b"], [[1, 1]]).contents[0]
    assert chart.valueAxis.valueStep == 1
    assert chart.valueAxis.valueMax == 1
    chart.valueAxis.configure([[1, 1]])  # the tick labels ReportLab draws
    big = bar_chart(["a"], [[12_345]]).contents[0]
    assert float(big.valueAxis.valueStep).is_integer()
    assert big.valueAxis.labelTextFormat(10_000) == "10,000"
    assert num(12345.678) == "12,345.7"


def test_a_chart_stays_on_the_page_of_its_section() -> None:
    pages = [
        p.extract_text() for p in PdfReader(io.BytesIO(monthly_report_pdf(sample_report()))).pages
    ]
    for heading, caption in (("五、装修管理", "违规类型"), ("三、回访满意度", "总体满意度分布")):
        (page,) = [i for i, t in enumerate(pages) if heading in t]
        assert caption in pages[page], (heading, caption)


def test_every_font_is_embedded_and_no_helvetica_is_listed() -> None:
    pdf = monthly_report_pdf(replace(sample_report(), last_year=None))
    listed = {
        str(f.get_object()["/BaseFont"])
        for page in PdfReader(io.BytesIO(pdf)).pages
        for f in page["/Resources"]["/Font"].values()
    }
    assert listed == _embedded_fonts(pdf)
    assert not [name for name in listed if "Helvetica" in name]


def test_survey_change_adds_up_as_printed() -> None:
    """4.156 → 4.304 is printed 4.16 → 4.30, so the change printed is +0.14 (not +0.15, the
    change of the unrounded means, which does not add up on paper)."""
    from propdesk.surveys.values import SurveyMonthFigures

    surveys = SurveyMonthFigures(
        campaigns=("第四季度满意度调查",),
        sample_size=100,
        responses=80,
        response_rate=80.0,
        overall_mean=4.3,
        satisfied_pct=85.0,
        previous_name="第三季度满意度调查",
        previous_overall_mean=4.156,
        overall_mean_shared=4.304,
    )
    flat = _text(monthly_report_pdf(replace(sample_report(), surveys=surveys))).replace(" ", "")
    flat = flat.replace("\n", "")
    assert "平均分由4.16分变为4.30分（+0.14）" in flat


def _flat(pdf: bytes) -> str:
    return _text(pdf).replace(" ", "").replace("\n", "")


def test_care_section_prints_its_counts_and_the_overdue_figures_of_now() -> None:
    flat = _flat(monthly_report_pdf(replace(sample_report(), care=care_figures())))
    assert "十、关怀走访" in flat  # the first optional section of this report
    assert "本期走访1,234次，涉及987户；平均评分4.4分（800次评价）；发现问题转工单37张。" in flat
    assert "新增关注标记12个，解除5个。" in flat
    assert "截至2026年10月15日，逾期未走访9项，关注标记逾期未复查3个。" in flat
    for row in ("其中：独居老人定期走访1,000", "其中：新入住走访200", "其中：其他走访4"):
        assert row in flat, row
    assert "逾期未走访（项，截至2026年10月15日）9" in flat
    assert flat.index("十、关怀走访") < flat.index("十一、工作总结")


def test_care_section_of_a_past_month_prints_dashes_and_says_why() -> None:
    flat = _flat(monthly_report_pdf(replace(sample_report(), care=care_figures(current=False))))
    assert "逾期未走访、关注标记逾期未复查是当前的数字，只在当月报表中列出，往月不列" in flat
    assert "逾期未走访（项）—" in flat
    assert "关注标记逾期未复查（个）—" in flat
    assert "截至" not in _care_section(flat)


def _care_section(flat: str) -> str:
    """The text of 十、关怀走访, without a page break's footer and header."""
    section = flat.split("十、关怀走访")[1].split("十一、工作总结")[0]
    return re.sub(r"第\d+/\d+页.*?物业管理月报\d{4}-\d{2}", "", section)


def test_a_month_without_visits_or_flags_says_so_in_one_line() -> None:
    flat = _flat(monthly_report_pdf(replace(sample_report(), care=quiet_care())))
    section = _care_section(flat)
    assert section == "本期无走访记录，未新增或解除关注标记。"
    running = replace(
        quiet_care(), visits_overdue=2, reviews_overdue=0, overdue_as_of=date(2026, 10, 15)
    )
    flat = _flat(monthly_report_pdf(replace(sample_report(), care=running)))
    section = _care_section(flat)
    assert section == (
        "本期无走访记录，未新增或解除关注标记。"
        "截至2026年10月15日，逾期未走访2项，关注标记逾期未复查0个。"
    )


@pytest.mark.parametrize(
    ("activities", "care", "surveys"), list(itertools.product((False, True), repeat=3))
)
def test_optional_sections_are_numbered_consecutively(
    activities: bool, care: bool, surveys: bool
) -> None:
    """十 onwards: whichever of 社区活动, 关怀走访, 满意度调查 are printed, in that order, then
    the written part, numbered without a gap."""
    from propdesk.activities.values import ActivityFigures
    from propdesk.surveys.values import SurveyMonthFigures

    report = replace(
        sample_report(),
        activities=ActivityFigures(0, 0, 0, 0, 0, None, 0, None, 0, 0) if activities else None,
        care=care_figures() if care else None,
        surveys=SurveyMonthFigures(campaigns=("秋季调查",)) if surveys else SurveyMonthFigures(),
    )
    titles = [
        t
        for t, shown in (
            ("社区活动", activities),
            ("关怀走访", care),
            ("满意度调查", surveys),
            ("工作总结、存在问题与下月计划", True),
        )
        if shown
    ]
    numbers = ["十", "十一", "十二", "十三"][: len(titles)]
    flat = _flat(monthly_report_pdf(report))
    found = re.findall(r"(十[一二三四五六七八九]?)、(社区活动|关怀走访|满意度调查|工作总结)", flat)
    assert found == [(k, t.split("、")[0]) for k, t in zip(numbers, titles, strict=True)]
    assert flat.index("九、收费与欠费") < flat.index(f"十、{titles[0]}")


def test_chinese_numbers() -> None:
    assert [chinese_number(k) for k in (1, 9, 10, 11, 19, 20, 23, 99)] == [
        "一", "九", "十", "十一", "十九", "二十", "二十三", "九十九",
    ]  # fmt: skip
