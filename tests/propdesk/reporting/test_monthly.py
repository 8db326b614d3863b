"""Every figure of the monthly report against an independent plain-SQL computation.

A 150-unit demo estate (fixed seed and today) gives a month with everything in it
(2026-11, the demo's current month), a full earlier month (2026-10), an empty month
(2024-01), and — after billing 2026-12 — a month with bills but no payments.
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.orm import Session

from propdesk.auth.actor import Actor
from propdesk.db.engine import Database
from propdesk.demo.build import generate_demo
from propdesk.errors import ValidationError
from propdesk.fees.billing import run_billing
from propdesk.reporting.monthly import monthly_report, parse_month
from propdesk.reporting.values import MonthlyReport
from tests.propdesk.reporting.plain_sql import Plain, bounds

TODAY = date(2026, 11, 20)


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - float(b)) < 1e-4  # julianday() keeps about a millisecond


def check_report(s: Session, r: MonthlyReport, today: date = TODAY) -> None:
    """Assert every figure of ``r`` equals its plain-SQL value."""
    sql = Plain(s)
    p = r.period
    first, last, _, _ = bounds(p)
    assert (r.start, r.end) == (first, last)

    # tickets
    t = r.tickets
    kinds = sql.tickets_by("kind", p)
    assert {c.key: c.count for c in t.by_kind if c.count} == kinds
    assert t.total == sum(kinds.values())
    assert t.cancelled == sql.cancelled(p)
    # one complaint count everywhere: overview, ticket table, complaint statistics
    assert r.current.complaints == t.complaints == r.complaints.total == sql.complaints(p)
    assert {c.key: c.count for c in t.by_status} == sql.tickets_by("status", p)
    assert {int(c.key): c.count for c in t.by_category} == sql.tickets_by("category_id", p)
    times = sql.ticket_times(p)
    assert t.responded == times["responded"]
    assert t.response_on_time == times["response_on_time"]
    assert t.done == times["done"]
    assert t.resolve_on_time == times["resolve_on_time"]
    assert _close(t.avg_response_minutes, times["avg_response_minutes"])
    avg_done = times["avg_completion_minutes"]
    assert _close(t.avg_completion_hours, None if avg_done is None else float(avg_done) / 60)
    assert _close(
        t.sla_hit_rate, times["resolve_on_time"] / times["done"] if times["done"] else None
    )

    # callbacks
    c = sql.callbacks(p)
    cb = r.callbacks
    assert cb.count == c["count"]
    assert _close(cb.avg_overall, c["avg_overall"])
    assert _close(cb.avg_speed, c["avg_speed"])
    assert _close(cb.avg_attitude, c["avg_attitude"])
    assert cb.satisfied == c["satisfied"]
    assert cb.not_fixed == c["not_fixed"]
    assert cb.by_score == tuple(c["by_score"].get(i, 0) for i in range(1, 6))

    # complaints
    by_cat = sql.complaints_by_category(p)
    assert r.complaints.total == sum(by_cat.values())
    assert {int(x.key): x.count for x in r.complaints.by_category} == by_cat

    # renovation
    v = sql.renovation(p)
    rv = r.renovation
    assert (rv.applied, rv.approved, rv.rejected, rv.accepted, rv.active_at_end) == (
        v["applied"],
        v["approved"],
        v["rejected"],
        v["accepted"],
        v["active_at_end"],
    )
    assert rv.inspections == v["inspections"]
    assert sum(x.count for x in rv.inspections_by_result) == v["inspections"]
    assert rv.violations == v["violations"]
    assert {int(x.key): x.count for x in rv.violations_by_type} == v["by_type"]
    assert rv.violations_rectified == v["rectified"]
    assert rv.violations_open_at_end == v["open_at_end"]

    # patrols
    pa = sql.patrols(p)
    rp = r.patrols
    assert (rp.patrols, rp.finished, rp.checkpoints, rp.checked, rp.missed) == (
        pa["patrols"],
        pa["finished"],
        pa["checkpoints"],
        pa["checked"],
        pa["missed"],
    )
    assert (rp.anomalies, rp.anomalies_ticketed, rp.anomalies_resolved) == (
        pa["anomalies"],
        pa["ticketed"],
        pa["resolved"],
    )
    assert sum(x.count for x in rp.anomalies_by_area) == pa["anomalies"]

    # parcels and keys
    d = sql.desk(p)
    rd = r.desk
    assert (
        rd.parcels_received,
        rd.parcels_collected,
        rd.parcels_returned,
        rd.parcels_waiting_at_end,
    ) == (d["received"], d["collected"], d["returned"], d["waiting"])
    assert (rd.keys_deposited, rd.key_loans, rd.keys_returned, rd.key_loans_late) == (
        d["deposited"],
        d["loans"],
        d["returned_keys"],
        d["late"],
    )

    # fees
    f = r.fees
    billed = sql.billed_by_building(p)
    assert {
        b.building: (b.billed_fen, b.collected_fen) for b in f.by_building if b.billed_fen
    } == billed
    assert f.total.billed_fen == sum(x for x, _ in billed.values())
    assert f.total.collected_fen == sum(y for _, y in billed.values())
    total_billed = f.total.billed_fen
    assert _close(f.total.rate, f.total.collected_fen / total_billed if total_billed else None)
    assert (f.payments, f.payments_fen) == sql.payments(p)
    as_of = min(last, today)
    assert f.arrears_as_of == as_of
    *buckets, units = sql.ageing(as_of)
    assert f.ageing_fen == tuple(buckets)
    assert f.arrears_units == units

    # comparison
    assert r.current.tickets == t.total
    assert r.current.billed_fen == f.total.billed_fen
    for h in (r.previous, r.last_year):
        if h is None:  # a month before the first record: nothing to compare with
            continue
        assert h.tickets == sum(sql.tickets_by("kind", h.period).values())
        hb = sql.billed_by_building(h.period)
        assert h.billed_fen == sum(x for x, _ in hb.values())
        assert h.collected_fen == sum(y for _, y in hb.values())
        assert h.complaints == sql.tickets_by("kind", h.period).get("complaint", 0)


@pytest.fixture
def demo(db: Database) -> Database:
    generate_demo(db, units=150, seed=11, today=TODAY)
    return db


def test_every_figure_matches_plain_sql(demo: Database) -> None:
    with demo.begin(Actor.system()) as s:
        full = monthly_report(s, "2026-10", today=TODAY)
        check_report(s, full)
        current = monthly_report(s, "2026-11", today=TODAY)
        check_report(s, current)
    # The data set really exercises the figures (a test that cannot fail proves nothing).
    assert full.tickets.total > 0
    assert full.tickets.done > 0
    assert full.callbacks.count > 0
    assert full.patrols.checkpoints > 0
    assert full.fees.total.billed_fen > 0
    assert full.fees.payments > 0
    assert full.fees.arrears_fen > 0
    assert len(full.fees.by_building) >= 1
    assert full.desk.parcels_received > 0
    assert current.renovation.inspections > 0 or current.renovation.applied > 0
    assert current.renovation.violations_open_at_end > 0
    assert full.previous is not None
    assert full.previous.period == "2026-09"
    # the demo's records start in late 2025: a year before 2026-10 there is nothing to compare
    assert full.last_year is None
    assert current.fees.arrears_as_of == TODAY


def test_empty_month_and_month_without_payments(demo: Database) -> None:
    with demo.begin(Actor.system()) as s:
        empty = monthly_report(s, "2024-01", today=TODAY)
        check_report(s, empty)
        run_billing(s, "2026-12")
        unpaid = monthly_report(s, "2026-12", today=TODAY)
        check_report(s, unpaid)
    assert empty.tickets.total == 0
    assert empty.tickets.sla_hit_rate is None
    assert empty.callbacks.avg_overall is None
    assert empty.callbacks.by_score == (0, 0, 0, 0, 0)
    assert empty.fees.total.billed_fen == 0
    assert empty.fees.total.rate is None
    assert empty.fees.payments == 0
    assert empty.complaints.total == 0
    assert unpaid.fees.total.billed_fen > 0
    assert unpaid.fees.payments == 0
    assert unpaid.fees.payments_fen == 0
    # Only prepaid credit (预收) settles the new bills: counted as collected by fees' definition.
    rate = unpaid.fees.total.rate
    assert rate is not None
    assert rate < 0.1


def test_empty_database_gives_an_empty_report(db: Database) -> None:
    with db.begin(Actor.system()) as s:
        r = monthly_report(s, "2026-10", today=TODAY)
        check_report(s, r)
    assert r.estate_name == ""
    assert r.tickets.total == 0
    assert r.fees.by_building == ()


@pytest.mark.parametrize("bad", ["2026-13", "26-10", "2026/10", "", "十月"])
def test_bad_month_is_a_clear_error(bad: str) -> None:
    with pytest.raises(ValidationError, match="年-月"):
        parse_month(bad)
