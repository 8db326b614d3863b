"""Activity figures in the monthly report (issue 19.3): the month's figures as the activity
query counts them (itself checked against plain SQL), printed as section 十 before the notes."""

from __future__ import annotations

import io
from datetime import timedelta

from pypdf import PdfReader

from propdesk import clock
from propdesk.activities import queries as q
from propdesk.activities import services as act
from propdesk.db.engine import Database
from propdesk.reporting.monthly import monthly_report, rolling_report
from reports.pdf.monthly_report import monthly_report_pdf
from tests.propdesk.activities.helpers import CLERK, MANAGER, START, Estate, spec


def test_monthly_report_carries_the_months_activities(
    db: Database, estate: Estate, test_clock: clock.FixedClock
) -> None:
    with db.begin(MANAGER) as s:
        aid = act.create_activity(s, spec(5, budget_fen=60000), open_now=True)
        a = act.sign_up(s, aid, unit_id=estate.units[0], persons=2)
        b = act.sign_up(s, aid, unit_id=estate.units[1], persons=2)
    test_clock.set(START + timedelta(hours=3))
    with db.begin(MANAGER) as s:
        act.finish_activity(s, aid, spent_fen=45000)
        act.record_attendance(s, aid, {a.signup_id})
        act.record_feedback(s, a.signup_id, rating=4, comment="")
    month = f"{clock.local_date(START):%Y-%m}"
    with db.begin(CLERK) as s:
        report = monthly_report(s, month)
        day = clock.local_date(START)
        first = day.replace(day=1)
        last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        expected = q.month_figures(s, first, last)
        rolling = rolling_report(s, days=30)
    assert report.activities == expected
    assert (expected.held, expected.signups, expected.attended) == (1, 2, 1)
    assert rolling.activities is not None
    assert rolling.activities.held == 1
    assert b.signup_id

    body = "".join(
        p.extract_text() for p in PdfReader(io.BytesIO(monthly_report_pdf(report))).pages
    )
    flat = body.replace(" ", "").replace("\n", "")
    assert "十、社区活动" in flat
    assert "本期举办社区活动1场，报名2户4人，到场率50.0%" in flat
    assert "预算600.00元，实际花费450.00元" in flat
    assert "4.0分（1户评价）" in flat
    assert flat.index("十、社区活动") < flat.index("十一、关怀走访") < flat.index("十二、工作总结")


def test_a_month_without_activities_says_so(db: Database, estate: Estate) -> None:
    with db.begin(CLERK) as s:
        report = monthly_report(s, f"{clock.local_date(START):%Y-%m}")
    flat = "".join(
        p.extract_text() for p in PdfReader(io.BytesIO(monthly_report_pdf(report))).pages
    ).replace(" ", "")
    assert "本期未举办社区活动。" in flat


def test_the_section_prints_the_feedback_questionnaires(
    db: Database, estate: Estate, test_clock: clock.FixedClock
) -> None:
    """With a feedback questionnaire in the month, section 十 gives its answers and mean
    (the figures themselves are tested with the questionnaire, against plain SQL)."""
    from dataclasses import replace

    with db.begin(MANAGER) as s:
        aid = act.create_activity(s, spec(5), open_now=True)
        act.sign_up(s, aid, unit_id=estate.units[0])
    test_clock.set(START + timedelta(hours=3))
    with db.begin(MANAGER) as s:
        act.finish_activity(s, aid, spent_fen=0)
    with db.begin(CLERK) as s:
        report = monthly_report(s, f"{clock.local_date(START):%Y-%m}")
    assert report.activities is not None
    assert report.activities.feedback_questionnaires == 0
    plain = "".join(
        p.extract_text() for p in PdfReader(io.BytesIO(monthly_report_pdf(report))).pages
    ).replace(" ", "")
    assert "反馈问卷" not in plain
    with_feedback = replace(
        report,
        activities=replace(
            report.activities,
            feedback_questionnaires=1,
            feedback_responses=7,
            feedback_ratings=21,
            feedback_mean=4.25,
        ),
    )
    flat = (
        "".join(
            p.extract_text() for p in PdfReader(io.BytesIO(monthly_report_pdf(with_feedback))).pages
        )
        .replace(" ", "")
        .replace("\n", "")
    )
    assert "活动反馈问卷1份，收回答卷7份，评分题平均4.25分。" in flat
    assert "反馈问卷（份/答卷）1/7" in flat
