"""The team's printed documents: the monthly assessment sheet (figures, comment,
acknowledgement) and the month roster on A4 landscape, read back from the PDF; the fonts
are embedded subsets of the CJK font."""

from __future__ import annotations

import io
import re
from datetime import date, timedelta

from pypdf import PdfReader

from propdesk import clock
from propdesk.auth.actor import Actor, Role
from propdesk.db.engine import Database
from propdesk.registry import services as reg
from propdesk.team import assessment, roster
from propdesk.team.figures import month_bounds
from propdesk.team.print_data import assessment_sheet_data, roster_print_data
from reports.pdf.team_assessment import assessment_sheet_pdf
from reports.pdf.team_roster import roster_pdf
from tests.propdesk.team import helpers as h

SYSTEM = Actor.system()


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def _cjk_embedded(pdf: bytes) -> None:
    fonts = set(re.findall(rb"/BaseFont /(\S+)", pdf))
    assert fonts
    assert all(re.fullmatch(rb"[A-Z]{6}\+WenQuanYiMicroHei-0", f) for f in fonts), fonts
    assert pdf.count(b"/FontFile2") >= len(fonts)


def _world(db: Database) -> tuple[Actor, Actor]:
    with db.begin(SYSTEM) as s:
        reg.create_estate(s, name="翠湖花园")
        wang = h.add_user(s, "wang", "王前台")
        boss = h.add_user(s, "zhao", "赵经理", Role.MANAGER)
        assert wang.user_id is not None
        cat = h.category(s)
        lo, _ = month_bounds("2026-05")
        for i in range(3):
            h.ticket(
                s,
                n=i,
                category_id=cat,
                owner=wang.user_id,
                created=lo + timedelta(days=i, hours=2),
                responded_after=timedelta(minutes=20),
            )
            h.call(s, clerk=wang.user_id, at=lo + timedelta(days=i, hours=3))
    return wang, boss


def test_assessment_sheet_carries_comment_and_acknowledgement(sqlite_db: Database) -> None:
    wang, boss = _world(sqlite_db)
    assert wang.user_id is not None
    with sqlite_db.begin(wang) as s:
        before = assessment_sheet_pdf(
            assessment_sheet_data(s, user_id=wang.user_id, period="2026-05")
        )
    assert "（尚未填写评语）" in _text(before)
    assert "（员工尚未确认）" in _text(before)
    with sqlite_db.begin(boss) as s:
        assessment.comment(s, user_id=wang.user_id, period="2026-05", text="响应及时，继续保持")
    with sqlite_db.begin(wang) as s:
        assessment.acknowledge(s, user_id=wang.user_id, period="2026-05")
        pdf = assessment_sheet_pdf(assessment_sheet_data(s, user_id=wang.user_id, period="2026-05"))
    text = _text(pdf)
    for expected in (
        "员工月度考核表",
        "翠湖花园",
        "王前台",
        "2026年5月",
        "登记工单",
        "来电与去电",  # the row counts both (it said 接听来电)
        "3 件",
        "20 分钟",
        "响应及时，继续保持",
        "评语人：赵经理",
        "本人已阅并确认：王前台",
        "员工（签字）",
    ):
        assert expected in text, expected
    assert text.index("考核指标") < text.index("经理评语") < text.index("员工确认")
    _cjk_embedded(pdf)


def test_roster_pdf_landscape_with_codes_and_volume(
    sqlite_db: Database, test_clock: clock.FixedClock
) -> None:
    wang, _ = _world(sqlite_db)
    assert wang.user_id is not None
    with sqlite_db.begin(SYSTEM) as s:
        shifts = {r.code: r.id for r in roster.ensure_default_shifts(s)}
        roster.assign(s, user_id=wang.user_id, day=date(2026, 5, 1), shift_id=shifts["early"])
        roster.assign(s, user_id=wang.user_id, day=date(2026, 5, 31), shift_id=shifts["night"])
        data = roster_print_data(s, year=2026, month=5)
    pdf = roster_pdf(data)
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    assert float(page.mediabox.width) > float(page.mediabox.height)  # landscape
    text = _text(pdf)
    for expected in (
        "2026年5月 前台排班表",
        "王前台",
        "早＝早班 08:00–16:00",
        "夜＝夜班 22:00–08:00",
        "本月各时段来电量（共 3）",
        "早班人数",
    ):
        assert expected in text, expected
    lines = [line.strip() for line in text.splitlines()]
    at = lines.index("王前台")
    assert lines[at + 1 : at + 4] == ["早", "夜", "早班人数"]
    assert data.printed_at == test_clock.now()
    local = clock.to_local(data.printed_at)  # shown in the estate's time, not UTC
    assert f"打印时间 {local:%Y-%m-%d %H:%M}" in text
    _cjk_embedded(pdf)
