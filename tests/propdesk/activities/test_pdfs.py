"""The activity notice and the sign-in sheet, read back from the PDF."""

from __future__ import annotations

import io
import re
from datetime import UTC, date, datetime

from pypdf import PdfReader

from propdesk.activities.values import ActivityRow, SignupRow
from reports.pdf.activity_documents import activity_notice_pdf, signin_sheet_pdf
from tests.reports.pdf_lines import pdf_forbidden_line_starts

AT = datetime(2026, 6, 20, 6, 0, tzinfo=UTC)  # Saturday 14:00 China time


def _activity(description: str = "请自带水杯。") -> ActivityRow:
    return ActivityRow(
        id=1,
        kind="festival",
        title="端午包粽子",
        starts_at=AT,
        ends_at=datetime(2026, 6, 20, 8, 0, tzinfo=UTC),
        venue="会所一楼活动室",
        capacity=30,
        taken=3,
        waitlist=1,
        status="open",
        budget_fen=80000,
        spent_fen=0,
        organiser="赵经理",
        notice_printed_at=None,
        description=description,
    )


def _signup(n: int, code: str, name: str, persons: int, state: str = "confirmed") -> SignupRow:
    return SignupRow(
        n, n, code, name, persons, "phone" if n == 2 else "desk", state, AT, None, None, ""
    )


def _text(pdf: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


def test_notice_reads_back_with_time_venue_and_how_to_sign_up() -> None:
    pdf = activity_notice_pdf(
        _activity(), estate_name="翠湖花园", posted_on=date(2026, 6, 15), copies=2
    )
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 2
    text = re.sub(r"\s+", "", reader.pages[0].extract_text())
    for part in (
        "端午包粽子活动通知",
        "6月20日（星期六）14:00—16:00",
        "会所一楼活动室",
        "节日活动",
        "请自带水杯。",
        "名额30人",
        "候补",
        "赵经理",
        "2026年6月15日",
    ):
        assert part in text, part
    assert "第1/1页" not in text  # a posted notice has no page counter
    assert pdf_forbidden_line_starts(pdf) == []


def test_signin_sheet_lists_confirmed_in_given_order_with_blank_signatures() -> None:
    rows = [
        _signup(1, "1-1-101", "张伟", 2),
        _signup(2, "1-1-201", "李娜", 1),
        _signup(3, "2-1-101", "王芳", 1, "waitlist"),
    ]
    pdf = signin_sheet_pdf(_activity(), rows, estate_name="翠湖花园")
    text = _text(pdf)
    flat = re.sub(r"\s+", "", text)
    assert "端午包粽子签到表" in flat
    assert "已报名2户3人（名额30人）" in flat
    assert flat.index("1-1-101") < flat.index("1-1-201")
    assert "李娜" in flat
    assert "王芳" not in flat  # the waitlist signs nowhere
    assert "2-1-101" not in flat
    for word in ("签名", "电话", "前台"):
        assert word in flat
    # the signature column is blank: nothing follows a row's channel but the next number
    lines = [ln.strip() for ln in text.splitlines()]
    at = lines.index("张伟")
    assert lines[at + 1 : at + 4] == ["2", "前台", "2"]  # persons, channel, next row's number
    fonts = set(re.findall(rb"/BaseFont /(\S+)", pdf))
    assert all(re.fullmatch(rb"[A-Z]{6}\+WenQuanYiMicroHei-0", f) for f in fonts)
