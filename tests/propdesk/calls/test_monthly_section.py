"""The call desk's figures in the monthly report (issue 17: 话务量 "in the monthly report"):
the same counts as plain SQL, printed in their own section with the month's outages."""

from __future__ import annotations

import io

from pypdf import PdfReader
from sqlalchemy import text

from propdesk.calls import calls
from propdesk.calls.calls import CallEntry
from propdesk.db.engine import Database
from propdesk.reporting.monthly import monthly_report
from reports.pdf.monthly_report import monthly_report_pdf
from tests.propdesk.calls.helpers import CLERK, CallEstate


def test_the_monthly_report_counts_the_months_calls_as_sql_does(
    db: Database, estate: CallEstate
) -> None:
    with db.begin(CLERK) as s:
        calls.log_call(s, CallEntry("13812345678", "consultation", "问物业费", "answered"))
        calls.log_call(s, CallEntry("13812345678", "repair", "卫生间漏水", "answered"))
        calls.log_call(s, CallEntry("", "complaint", "楼上噪音", "answered"))
    with db.begin(CLERK) as s:
        report = monthly_report(s, "2026-06")
        inbound = s.execute(
            text("SELECT count(*) FROM call_record WHERE direction = 'in'")
        ).scalar_one()
    assert report.calls is not None
    assert report.calls.inbound == inbound == 3
    topics = {k: v for k, v in report.calls.by_topic if v}
    assert topics == {"咨询": 1, "报修": 1, "投诉": 1}

    pages = PdfReader(io.BytesIO(monthly_report_pdf(report))).pages
    body = "".join(page.extract_text() for page in pages).replace(" ", "").replace("\n", "")
    assert "八、来电话务与停水停电" in body
    assert "本期来电3个" in body
    for topic in ("咨询", "报修", "投诉"):
        assert topic in body
