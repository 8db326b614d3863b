"""Survey figures in the monthly report: the month's headline as the survey query counts it
(itself checked against plain SQL), printed as section 十二 after the activities (十) and
household care (十一), before the notes; a month without a finished campaign prints no survey
section."""

from __future__ import annotations

import io
from datetime import timedelta

from pypdf import PdfReader
from sqlalchemy import select

from propdesk import clock
from propdesk.db.engine import Database
from propdesk.reporting.monthly import monthly_report, rolling_report
from propdesk.surveys import queries as q
from propdesk.surveys import services as sv
from propdesk.surveys.models import SurveySample
from propdesk.surveys.values import CallOutcome
from reports.pdf.monthly_report import monthly_report_pdf
from tests.propdesk.surveys.helpers import CLERK, MANAGER, Design, Estate, answers, open_campaign


def _text(pdf: bytes) -> str:
    body = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    return body.replace(" ", "").replace("\n", "")


def test_monthly_report_carries_the_months_survey(
    db: Database, estate: Estate, design: Design, test_clock: clock.FixedClock
) -> None:
    now = test_clock.now()
    test_clock.set(now - timedelta(days=180))
    first = open_campaign(db, design, name="春季调查", starts_on=clock.today())
    with db.begin(CLERK) as s:
        sids = list(s.scalars(select(SurveySample.id).where(SurveySample.campaign_id == first)))
        for k, sid in enumerate(sids):
            sv.submit_phone(s, sid, answers(design, (3, 3, 3)), key=f"a{k}")
    with db.begin(MANAGER) as s:
        sv.close_campaign(s, first)
    test_clock.set(now)
    cid = open_campaign(db, design, name="秋季调查", starts_on=clock.today())
    with db.begin(CLERK) as s:
        sids = list(s.scalars(select(SurveySample.id).where(SurveySample.campaign_id == cid)))
        for k, sid in enumerate(sids[:4]):
            sv.submit_phone(s, sid, answers(design, (5, 4, 1 if k == 0 else 4)), key=f"b{k}")
        sv.record_attempt(s, sids[4], CallOutcome.REFUSED)
    with db.begin(MANAGER) as s:
        sv.close_campaign(s, cid)
    day = clock.today()
    month = f"{day:%Y-%m}"
    with db.begin(CLERK) as s:
        report = monthly_report(s, month)
        start = day.replace(day=1)
        end = (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        expected = q.month_figures(s, start, end)
        rolling = rolling_report(s, days=30)
    assert report.surveys == expected
    assert (expected.campaigns, expected.sample_size, expected.responses) == (("秋季调查",), 8, 4)
    assert expected.tickets_opened == 1
    assert expected.previous_name == "春季调查"
    assert rolling.surveys is not None
    assert rolling.surveys.campaigns == ("秋季调查",)

    flat = _text(monthly_report_pdf(report))
    assert "十二、满意度调查" in flat
    assert "本期结束满意度调查1次（“秋季调查”），抽样8户，完成访问4户，回复率50.0%" in flat
    # 12 ratings: eleven of 4–5 and one 1 → mean (5*4 + 4*4 + 4*3 + 1) / 12
    assert f"平均分{(20 + 16 + 12 + 1) / 12:.2f}分，满意率{11 / 12 * 100:.1f}%" in flat
    assert "不满意答复和投诉转回访工单1张" in flat
    assert "与上次调查“春季调查”相比（相同题目），平均分由3.00分变为4.08分（+1.08）" in flat
    assert (
        flat.index("十、社区活动")
        < flat.index("十一、关怀走访")
        < flat.index("十二、满意度调查")
        < flat.index("十三、工作总结")
    )


def test_a_month_without_a_finished_survey_prints_no_section(
    db: Database, estate: Estate, design: Design
) -> None:
    open_campaign(db, design)  # still open, ends next month
    with db.begin(CLERK) as s:
        report = monthly_report(s, f"{clock.today():%Y-%m}")
    assert report.surveys is not None
    assert report.surveys.campaigns == ()
    flat = _text(monthly_report_pdf(report))
    assert "满意度调查" not in flat
    assert "十二、工作总结" in flat  # after 十、社区活动 and 十一、关怀走访
