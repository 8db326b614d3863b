"""The survey documents read back: the manager's report (PDF) carries the campaign's figures,
the paper questionnaire its questions with numbered boxes, and the workbook the same figures
as numbers with their formats."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import datetime

from openpyxl import load_workbook
from pypdf import PdfReader

from propdesk.surveys.values import CampaignStatus
from reports.excel.survey_results import survey_results_workbook
from reports.pdf.survey_form import survey_form_pdf
from reports.pdf.survey_results import change_text, mean_text, pct_text, survey_results_pdf
from tests.reports.excel_reading import HEADER_ROW, assert_print_setup, header
from tests.reports.sample_documents import (
    AT,
    SURVEY_CAMPAIGN,
    SURVEY_QUESTIONS,
    survey_results,
)


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _embedded_cjk_only(pdf: bytes) -> None:
    fonts = set(re.findall(rb"/BaseFont /(\S+)", pdf))
    assert fonts
    assert all(re.fullmatch(rb"[A-Z]{6}\+WenQuanYiMicroHei-0", f) for f in fonts), fonts
    assert pdf.count(b"/FontFile2") >= len(fonts)


def test_figures_as_text() -> None:
    assert (mean_text(4.125), mean_text(None)) == ("4.13", "—")
    assert (pct_text(81.25), pct_text(None)) == ("81.3%", "—")
    assert change_text(4.125, 3.9) == "+0.23"
    assert change_text(3.6842, 3.95) == "-0.27"
    assert change_text(3.9, 3.9) == "持平"
    assert change_text(3.9, None) == "—"


def test_report_carries_the_headline_questions_buildings_comments_and_rechecks() -> None:
    r = survey_results()
    pdf = survey_results_pdf(r, estate_name="翠湖花园", printed_at=AT)
    _embedded_cjk_only(pdf)
    text = _flat(_text(pdf))
    assert "2026年下半年满意度调查报告" in text
    for part in (
        "抽样户数120户",
        "96份（电话71份，纸质25份）",
        "24户（拒访9户，未联系上15户）",
        "应答率80.0%",
        "总体平均分3.91",
        "满意率72.3%",
        "2026年上半年满意度调查：相同题目平均分3.93，本次3.89（-0.04）",
        "回访工单7张",
    ):
        assert part in text, part
    # the question table: mean, satisfied share, previous mean and the change
    assert "964.1381.3%3.90+0.23" in text
    assert "953.6863.2%3.95-0.27" in text
    # distributions: count and share of each point
    assert "38（40%）" in text
    assert "47（53%）" in text  # a multiple choice: share of the 88 who answered
    # buildings
    assert "3栋645281.3%3.95" in text
    assert "4栋564478.6%3.85" in text
    # comments with the complaint mark and the callback ticket
    assert "共3条意见，其中投诉1条" in text
    assert "GD202611-0042" in text
    assert "地下车库夜间照明不足" in text
    assert "是GD202611-0057" in text
    # the re-checks of the paper forms
    assert "电话复核3份" in text
    assert "已复核2份" in text  # drawn is not done: the report says how many were checked
    assert "不一致1处" in text
    assert "另有1份待复核" in text


def test_an_open_campaign_without_history_says_so() -> None:
    r = replace(
        survey_results(),
        status=CampaignStatus.OPEN,
        previous_name=None,
        previous_overall_mean=None,
        comments=(),
        paper_responses=0,
        rechecks=0,
        recheck_differences=0,
    )
    text = _flat(_text(survey_results_pdf(r, estate_name="翠湖花园")))
    assert "无（首次调查）" in text
    assert "调查尚未结束" in text
    assert "本次调查没有纸质问卷" in text
    assert "共0条意见" in text


def test_paper_form_numbers_every_box_as_the_desk_keys_it() -> None:
    pdf = survey_form_pdf(
        SURVEY_CAMPAIGN,
        SURVEY_QUESTIONS,
        estate_name="翠湖花园",
        desk_phone="0571-88886666",
        households=(("", ""), ("3-2-1502", "WJ2026B-0001")),
    )
    _embedded_cjk_only(pdf)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 2  # one form per household
    blank, filled = (_flat(p.extract_text()) for p in reader.pages)
    assert "2026年下半年满意度调查问卷" in blank
    assert "问卷编号＿＿＿＿" in blank
    assert "□1很不满意□2不满意□3一般□4满意□5很满意" in blank
    assert "□1前台□2电话□3微信群□4其他" in blank
    assert "□5维修" in blank
    assert "□以上意见为投诉，请回访" in blank
    assert "2026年11月30日前交回" in blank
    assert "0571-88886666" in blank
    assert "第1/1页" in blank  # each form counts its own pages
    assert "第1/1页" in filled
    assert "WJ2026B-0001" in filled
    assert "3-2-1502" in filled


def test_workbook_has_numbers_formats_and_print_setup() -> None:
    r = survey_results()
    data = survey_results_workbook(
        r, estate_name="翠湖花园", prepared_by="赵经理", prepared_on=AT.date()
    )
    wb = load_workbook(io.BytesIO(data))
    assert wb.sheetnames == ["汇总", "题目", "楼栋", "意见"]
    for ws in wb.worksheets:
        assert ws.freeze_panes == f"A{HEADER_ROW + 1}"
        assert ws.cell(HEADER_ROW, 1).font.b
        assert_print_setup(ws)
    assert "翠湖花园" in str(wb["汇总"]["A1"].value)
    assert "赵经理" in str(wb["汇总"]["A2"].value)

    summary = {
        row[0].value: row[1]
        for row in wb["汇总"].iter_rows(min_row=HEADER_ROW + 1)
        if row[0].value is not None
    }
    assert summary["抽样户数"].value == 120
    assert summary["有效答卷"].value == 96
    assert summary["其中纸质问卷"].value == 25
    assert summary["应答率"].value == 0.8
    assert summary["应答率"].number_format == "0.0%"
    assert summary["总体平均分"].value == round(3.9058, 4)
    assert summary["总体平均分"].number_format == "0.00"
    assert summary["满意率"].value == 0.7225
    assert (summary["抽中复核"].value, summary["已复核"].value) == (3, 2)
    assert summary["上次调查"].value == "2026年上半年满意度调查"
    assert summary["上次平均分（相同题目）"].value == 3.925
    assert summary["本次平均分（相同题目）"].value == 3.8946

    qs = wb["题目"]
    assert header(qs)[:9] == ["序号", "题目", "主题", "类型", "答卷数", "平均分", "满意率",
                              "上次平均分", "变化"]  # fmt: skip
    first = [c.value for c in qs[HEADER_ROW + 1]]
    assert first[4:14] == [96, 4.125, 0.8125, 3.9, 0.225, 2, 4, 12, 38, 40]
    assert qs.cell(HEADER_ROW + 1, 7).number_format == "0.0%"
    single = [c.value for c in qs[HEADER_ROW + 3]]
    assert single[5] is None  # no mean for a choice
    assert single[14] == "前台 30；电话 41；微信群 17；其他 2"

    b = wb["楼栋"]
    assert [c.value for c in b[HEADER_ROW + 1]] == ["3栋", 64, 52, 52 / 64, 3.95]
    assert b.cell(HEADER_ROW + 1, 4).number_format == "0.0%"

    c = wb["意见"]
    rows = [[x.value for x in row] for row in c.iter_rows(min_row=HEADER_ROW + 1)]
    assert len(rows) == 3
    assert rows[0][:6] == [
        "3-2-1502",
        "您对报修响应速度的满意程度？",
        1,
        "厨房漏水报修三天才来人，希望加快。",
        None,  # not a complaint: an empty cell
        "GD202611-0042",
    ]
    assert rows[1][4:6] == ["是", "GD202611-0057"]
    assert rows[0][6] == datetime(2026, 11, 3, 10, 15)  # local time
