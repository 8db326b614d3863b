"""Household care in the monthly report (关怀走访, issue 19) on SQLite and PostgreSQL: every
figure of a window against plain SQL (visits by their local date, households, reasons,
ratings, tickets; flags set and ended by their local day, supervisors-only ones included);
the overdue figures of now are the app's own counts, given only for a window that ends on or
after the report's day; and the report carries them."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import text

from propdesk import clock
from propdesk.auth.actor import Actor, Role
from propdesk.care import services as care
from propdesk.care import visits
from propdesk.care.month_figures import month_figures
from propdesk.care.queries import count_overdue
from propdesk.care.services import FlagSpec
from propdesk.care.visit_plan import count_overdue_visits
from propdesk.care.visit_values import VisitReason
from propdesk.care.visits import TicketRequest, VisitSpec
from propdesk.db.engine import Database
from propdesk.registry import services as reg
from propdesk.reporting.monthly import monthly_report, rolling_report
from propdesk.tickets import catalog
from reports.excel.monthly_report import monthly_report_xlsx
from reports.pdf.monthly_report import monthly_report_pdf
from tests.propdesk.reporting.plain_sql import CST, Plain

CLERK = Actor(user_id=None, username="wang", display_name="王前台", role=Role.CLERK)
MANAGER = Actor(user_id=None, username="zhao", display_name="赵经理", role=Role.MANAGER)


def local(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), CST)


@pytest.fixture
def estate(db: Database) -> dict[str, int]:
    with db.begin(MANAGER) as s:
        eid = reg.create_estate(s, name="翠湖花园")
        b1 = reg.create_building(s, estate_id=eid, code="1", floors=18, entrances=1)
        u1 = reg.create_unit(s, building_id=b1, entrance=1, room="301", area="88")
        u2 = reg.create_unit(s, building_id=b1, entrance=1, room="101", area="88")
        u3 = reg.create_unit(s, building_id=b1, entrance=1, room="501", area="88")
        people = {}
        for unit, name, phone in (
            (u1, "张伟", "13812345678"),
            (u2, "王奶奶", "13900001111"),
            (u3, "刘强", "13700002222"),
        ):
            people[name] = reg.create_person(s, name=name, phone=phone)
            reg.start_occupancy(
                s, person_id=people[name], unit_id=unit, role="owner", start_date=date(2019, 1, 1)
            )
        catalog.ensure_defaults(s)
        repair = next(c.id for c in catalog.list_categories(s, "repair") if c.active)
    return {"u1": u1, "u2": u2, "u3": u3, "liu": people["刘强"], "repair": repair}


def _visit(db: Database, unit_id: int, at: datetime, **kw: Any) -> int:
    with db.begin(CLERK) as s:
        return visits.record_visit(s, VisitSpec(unit_id=unit_id, visited_at=at, **kw)).id


@pytest.fixture
def history(db: Database, estate: dict[str, int], test_clock: clock.FixedClock) -> dict[str, int]:
    """May: two flags (one supervisors-only, review due 1 June) and a visit at 23:30 on
    31 May; June: four visits (one raised a ticket, one at 23:50 on 30 June), a flag set
    and ended; 1 July 00:05: a flag set. The clock ends on 15 July 2026."""
    test_clock.set(local(date(2026, 5, 20), 10))
    with db.begin(MANAGER) as s:
        elderly = care.add_household_flag(
            s, estate["u2"], FlagSpec("elderly_alone", "八十岁独居", confirmed=True)
        ).id
        care.add_person_flag(
            s,
            estate["liu"],
            FlagSpec(
                "disability",
                "精神状况需关注",
                visibility="supervisors",
                review_on=date(2026, 6, 1),
                confirmed=True,
            ),
        )
    test_clock.set(local(date(2026, 6, 1), 0, 30))
    _visit(db, estate["u1"], local(date(2026, 5, 31), 23, 30), findings="五月底")
    test_clock.set(local(date(2026, 6, 3), 9))
    with db.begin(MANAGER) as s:
        june_flag = care.add_household_flag(
            s, estate["u1"], FlagSpec("evacuation", "腿脚不便", confirmed=True)
        ).id
    test_clock.set(local(date(2026, 6, 10), 18))
    _visit(
        db, estate["u2"], local(date(2026, 6, 2), 10), rating=4,
        reason="elderly_alone", trigger_id=elderly, findings="身体尚好",
    )  # fmt: skip
    _visit(db, estate["u2"], local(date(2026, 6, 10), 9))
    _visit(
        db, estate["u1"], local(date(2026, 6, 10), 15), rating=2,
        findings="卫生间漏水", ticket=TicketRequest("repair", estate["repair"]),
    )  # fmt: skip
    test_clock.set(local(date(2026, 6, 20), 9))
    with db.begin(MANAGER) as s:
        care.end_flag(s, june_flag, "已康复")
    test_clock.set(local(date(2026, 7, 1), 0, 5))
    _visit(db, estate["u3"], local(date(2026, 6, 30), 23, 50), rating=5, reason="follow_up")
    with db.begin(MANAGER) as s:
        care.add_household_flag(s, estate["u3"], FlagSpec("vip", "业委会委员", confirmed=True))
    test_clock.set(local(date(2026, 7, 15), 10))
    return {"elderly": elderly}


def _plain(s: Any, start: date, end: date) -> dict[str, Any]:
    """The window's figures straight from the tables, no PropDesk query code."""
    p = Plain(s)
    lo = p.ts(local(start, 0).astimezone(UTC))
    hi = p.ts(local(end + timedelta(days=1), 0).astimezone(UTC))
    window = "visited_on BETWEEN :a AND :b"

    def flags(column: str) -> str:
        return f"{column} >= :lo AND {column} < :hi"

    total, units, ratings, mean, tickets = s.execute(
        text(
            "SELECT COUNT(*), COUNT(DISTINCT unit_id), COUNT(rating), AVG(rating),"
            f" COUNT(ticket_id) FROM care_visit WHERE {window}"
        ),
        {"a": start, "b": end},
    ).one()
    return {
        "visits": int(total),
        "households": int(units),
        "ratings": int(ratings),
        "mean": None if mean is None else float(mean),
        "ticketed": int(tickets),
        "by_reason": p.rows(
            f"SELECT reason, COUNT(*) FROM care_visit WHERE {window} GROUP BY reason",
            a=start,
            b=end,
        ),
        "new": int(
            p.one(f"SELECT COUNT(*) FROM care_flag WHERE {flags('created_at')}", lo=lo, hi=hi)
        ),
        "ended": int(
            p.one(f"SELECT COUNT(*) FROM care_flag WHERE {flags('ended_at')}", lo=lo, hi=hi)
        ),
    }


def _as_plain(f: Any) -> dict[str, Any]:
    return {
        "visits": f.visits,
        "households": f.households,
        "ratings": f.ratings,
        "mean": f.average_rating,
        "ticketed": f.ticketed,
        "by_reason": {c.key: c.count for c in f.by_reason if c.count},
        "new": f.flags_new,
        "ended": f.flags_ended,
    }


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (date(2026, 5, 1), date(2026, 5, 31)),
        (date(2026, 6, 1), date(2026, 6, 30)),
        (date(2026, 7, 1), date(2026, 7, 31)),
        (date(2026, 6, 30), date(2026, 7, 1)),
        (date(2026, 1, 1), date(2026, 1, 31)),
    ],
)
def test_every_figure_matches_plain_sql(
    db: Database, history: dict[str, int], start: date, end: date
) -> None:
    with db.begin(CLERK) as s:
        got = month_figures(s, start, end, today=date(2026, 7, 15))
        want = _plain(s, start, end)
    figures = _as_plain(got)
    assert figures.pop("mean") == pytest.approx(want.pop("mean"))
    assert figures == want
    assert [c.key for c in got.by_reason] == [r.value for r in VisitReason]


def test_the_june_figures_by_hand(db: Database, history: dict[str, int]) -> None:
    """The window's edges are local days: 23:30 on 31 May is May's, 23:50 on 30 June is
    June's; a supervisors-only flag counts (a count names nobody) even for a clerk."""
    with db.begin(CLERK) as s:
        may = month_figures(s, date(2026, 5, 1), date(2026, 5, 31), today=date(2026, 7, 15))
        june = month_figures(s, date(2026, 6, 1), date(2026, 6, 30), today=date(2026, 7, 15))
        july = month_figures(s, date(2026, 7, 1), date(2026, 7, 31), today=date(2026, 7, 15))
    assert (may.visits, may.flags_new, may.flags_ended) == (1, 2, 0)
    assert (june.visits, june.households, june.ratings, june.ticketed) == (4, 3, 3, 1)
    assert june.average_rating == pytest.approx(11 / 3)
    assert {c.key: c.count for c in june.by_reason} == {
        "elderly_alone": 1, "new_household": 0, "complaint": 0, "follow_up": 1, "other": 2,
    }  # fmt: skip
    assert (june.flags_new, june.flags_ended) == (1, 1)
    assert (july.visits, july.average_rating, july.flags_new) == (0, None, 1)


def test_overdue_figures_only_for_a_window_that_ends_today_or_later(
    db: Database, history: dict[str, int]
) -> None:
    """The visits and reviews overdue now are the desk overview's own counts; a past month
    has none (``None``, printed "—"), never today's number."""
    with db.begin(MANAGER) as s:
        visits_now, reviews_now = count_overdue_visits(s), count_overdue(s)
        july = month_figures(s, date(2026, 7, 1), date(2026, 7, 31), today=date(2026, 7, 15))
        last_day = month_figures(s, date(2026, 7, 1), date(2026, 7, 15), today=date(2026, 7, 15))
        june = month_figures(s, date(2026, 6, 1), date(2026, 6, 30), today=date(2026, 7, 15))
        june_then = month_figures(s, date(2026, 6, 1), date(2026, 6, 30), today=date(2026, 6, 30))
    # the elderly household was last visited on 10 June (due 10 July); the review was due 1 June
    assert (visits_now, reviews_now) == (1, 1)
    assert (july.visits_overdue, july.reviews_overdue, july.overdue_as_of) == (
        1,
        1,
        date(2026, 7, 15),
    )
    assert last_day.current
    assert last_day.visits_overdue == 1
    assert (june.visits_overdue, june.reviews_overdue, june.overdue_as_of) == (None, None, None)
    assert not june.current
    assert june_then.current  # a June report printed on 30 June is the running month


def test_the_report_carries_the_care_figures(db: Database, history: dict[str, int]) -> None:
    with db.begin(CLERK) as s:
        june = monthly_report(s, "2026-06", today=date(2026, 7, 15))
        july = monthly_report(s, "2026-07", today=date(2026, 7, 15))
        rolling = rolling_report(s, days=30, today=date(2026, 7, 15))
        expected = month_figures(s, date(2026, 6, 1), date(2026, 6, 30), today=date(2026, 7, 15))
        window = month_figures(s, date(2026, 6, 16), date(2026, 7, 15), today=date(2026, 7, 15))
    assert june.care == expected
    assert june.care is not None
    assert june.care.overdue_as_of is None
    assert july.care is not None
    assert july.care.overdue_as_of == date(2026, 7, 15)
    assert rolling.care == window
    assert rolling.care is not None
    assert rolling.care.current
    assert (window.visits, window.flags_new, window.flags_ended) == (1, 1, 1)


PERSONAL = ("王奶奶", "刘强", "张伟", "八十岁独居", "精神状况需关注", "腿脚不便", "已康复")
FINDINGS = ("五月底", "身体尚好", "卫生间漏水")


def test_the_printed_report_counts_and_names_nobody(db: Database, history: dict[str, int]) -> None:
    """The PDF and the workbook give the section's counts and no name, flag reason or
    finding (a supervisors-only flag included)."""
    with db.begin(CLERK) as s:
        report = monthly_report(s, "2026-06", today=date(2026, 7, 15))
    flat = (
        "".join(p.extract_text() for p in PdfReader(io.BytesIO(monthly_report_pdf(report))).pages)
        .replace(" ", "")
        .replace("\n", "")
    )
    assert "十一、关怀走访" in flat
    assert "本期走访4次，涉及3户；平均评分3.7分（3次评价）；发现问题转工单1张。" in flat
    assert "新增关注标记1个，解除1个。" in flat
    assert "往月不列" in flat
    assert flat.index("十、社区活动") < flat.index("十一、关怀走访") < flat.index("十二、工作总结")
    wb = load_workbook(io.BytesIO(monthly_report_xlsx(report)))
    cells = " ".join(
        str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value
    )
    assert "关怀走访" in wb.sheetnames
    for text_ in (*PERSONAL, *FINDINGS):
        assert text_ not in flat, text_
        assert text_ not in cells, text_
