"""The activity notice (with the desk's phone and the sign-up deadline) and the sign-in
sheet (the waitlist in a part of its own), read back from the PDF."""

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


def test_notice_gives_the_desk_phone_and_the_sign_up_deadline() -> None:
    pdf = activity_notice_pdf(
        _activity(), estate_name="翠湖花园", desk_phone="0755-88886666", posted_on=date(2026, 6, 15)
    )
    text = re.sub(r"\s+", "", _text(pdf))
    assert "致电服务中心报名（电话：0755-88886666）" in text
    # no deadline of its own: sign-ups close when the activity starts
    assert "报名截止：6月20日（星期六）14:00活动开始前" in text
    assert pdf_forbidden_line_starts(pdf) == []
    # an estate without a phone: the sentence stands without an empty number
    bare = re.sub(r"\s+", "", _text(activity_notice_pdf(
        _activity(), estate_name="翠湖花园", posted_on=date(2026, 6, 15)
    )))  # fmt: skip
    assert "致电服务中心报名。" in bare
    assert "电话：" not in bare
    assert "报名截止" in bare


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
    for word in ("签名", "电话", "前台"):
        assert word in flat
    # the signature column is blank: nothing follows a row's channel but the next number
    lines = [ln.strip() for ln in text.splitlines()]
    at = lines.index("张伟")
    assert lines[at + 1 : at + 4] == ["2", "前台", "2"]  # persons, channel, next row's number
    fonts = set(re.findall(rb"/BaseFont /(\S+)", pdf))
    assert all(re.fullmatch(rb"[A-Z]{6}\+WenQuanYiMicroHei-0", f) for f in fonts)


def test_signin_sheet_lists_the_waitlist_after_the_confirmed_in_queue_order() -> None:
    rows = [  # in unit order, as the query gives them
        _signup(1, "1-1-101", "张伟", 2),
        _signup(5, "1-1-201", "李娜", 1),
        _signup(4, "1-1-301", "赵敏", 2, "waitlist"),  # signed up after 王芳: second in line
        _signup(3, "2-1-101", "王芳", 1, "waitlist"),
    ]
    pdf = signin_sheet_pdf(_activity(), rows, estate_name="翠湖花园")
    assert pdf_forbidden_line_starts(pdf) == []
    text = _text(pdf)
    flat = re.sub(r"\s+", "", text)
    assert "已报名2户3人（名额30人），候补2户3人" in flat
    part = flat.index("候补（2户，按登记先后；到场可当场签到）")
    assert flat.index("1-1-101") < flat.index("1-1-201") < part  # confirmed first
    assert part < flat.index("2-1-101") < flat.index("1-1-301")  # then the queue, in order
    assert flat.count("签名") == 2  # the same columns in the 候补 part
    lines = [ln.strip() for ln in text.splitlines()]
    at = lines.index("王芳")
    assert lines[at - 2 : at + 5] == ["1", "2-1-101", "王芳", "1", "前台", "2", "1-1-301"]


def test_signin_sheet_without_a_waitlist_has_no_waitlist_part() -> None:
    flat = re.sub(r"\s+", "", _text(signin_sheet_pdf(
        _activity(), [_signup(1, "1-1-101", "张伟", 2)], estate_name="翠湖花园"
    )))  # fmt: skip
    assert "已报名1户2人（名额30人）" in flat
    assert "候补" not in flat
