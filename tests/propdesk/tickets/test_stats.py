"""Complaint statistics equal an independent count made with plain SQL."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import text

from propdesk.db.engine import Database
from propdesk.tickets import catalog
from propdesk.tickets import services as svc
from propdesk.tickets.complaints import set_findings
from propdesk.tickets.stats import complaint_stats
from tests.propdesk.tickets.helpers import CLERK, make_desk

START = datetime(2026, 9, 1, 1, 0, tzinfo=UTC)


def _fill(db: Database) -> None:
    desk = make_desk(db)
    rng = random.Random(7)
    with db.begin(CLERK) as s:
        cats = [c.id for c in catalog.list_categories(s, "complaint")][:4]
        repair_cat = catalog.list_categories(s, "repair")[0].id
        for i in range(36):
            at = START + timedelta(days=rng.randrange(0, 75), hours=rng.randrange(0, 12))
            tid = svc.create_ticket(
                s,
                svc.Intake(
                    kind="complaint",
                    category_id=rng.choice(cats),
                    description=f"投诉{i}",
                    unit_id=rng.choice([desk.unit_id, desk.unit2_id]),
                    reporter_name="业主",
                ),
                at=at,
            ).id
            if i % 9 == 0:
                svc.cancel(s, tid, reason="重复登记", at=at)
                continue
            if rng.random() < 0.7:
                set_findings(
                    s,
                    tid,
                    responsible_department=rng.choice(["security", "cleaning", ""]),
                    valid=rng.choice([True, False]),
                    validity_reason="核实",
                    at=at,
                )
            if rng.random() < 0.8:
                svc.dispatch(s, tid, department="service", at=at + timedelta(hours=1))
                svc.start(s, tid, at=at + timedelta(hours=2))
                svc.complete(s, tid, at=at + timedelta(hours=rng.randrange(3, 90)))
                if rng.random() < 0.7:
                    svc.callback(
                        s,
                        tid,
                        overall=rng.randint(1, 5),
                        speed=3,
                        attitude=4,
                        at=at + timedelta(days=4),
                    )
        # A repair in the range must not count.
        svc.create_ticket(
            s,
            svc.Intake(
                kind="repair",
                category_id=repair_cat,
                description="不是投诉",
                unit_id=desk.unit_id,
                reporter_name="业主",
            ),
            at=START,
        )


HOURS = {
    "sqlite": "(julianday(t.done_at) - julianday(t.created_at)) * 24",
    "postgresql": "extract(epoch from (t.done_at - t.created_at)) / 3600",
}


def test_stats_match_plain_sql(db: Database) -> None:
    _fill(db)
    start, end = date(2026, 9, 1), date(2026, 10, 31)
    with db.begin(CLERK) as s:
        stats = complaint_stats(s, start, end)
    hours = HOURS[db.engine.dialect.name]
    # Local dates → UTC bounds (+08:00): 2026-09-01 00:00 local is 2026-08-31 16:00 UTC.
    lo, hi = datetime(2026, 8, 31, 16, tzinfo=UTC), datetime(2026, 10, 31, 16, tzinfo=UTC)
    where = "t.kind = 'complaint' AND t.status <> 'cancelled' AND t.created_at >= :lo AND t.created_at < :hi"
    params = (
        {"lo": lo, "hi": hi}
        if db.engine.dialect.name == "postgresql"
        else {"lo": lo.replace(tzinfo=None), "hi": hi.replace(tzinfo=None)}
    )
    with db.engine.connect() as conn:
        total = conn.execute(
            text(f"SELECT count(*) FROM ticket t WHERE {where}"), params
        ).scalar_one()
        by_cat = {
            str(r[0]): r[1:]
            for r in conn.execute(
                text(
                    f"SELECT t.category_id, count(*), "
                    f"sum(CASE WHEN t.complaint_valid THEN 1 ELSE 0 END), count(t.done_at), avg({hours}) "
                    f"FROM ticket t WHERE {where} GROUP BY t.category_id"
                ),
                params,
            )
        }
        sat = {
            str(r[0]): float(r[1])
            for r in conn.execute(
                text(
                    f"SELECT t.category_id, avg(c.overall) FROM ticket t "
                    f"JOIN ticket_callback c ON c.ticket_id = t.id WHERE {where} GROUP BY t.category_id"
                ),
                params,
            )
        }
        by_month = dict(
            conn.execute(
                text(f"SELECT t.period, count(*) FROM ticket t WHERE {where} GROUP BY t.period"),
                params,
            ).all()
        )
        by_dept = dict(
            conn.execute(
                text(
                    f"SELECT t.responsible_department, count(*) FROM ticket t WHERE {where} GROUP BY t.responsible_department"
                ),
                params,
            ).all()
        )
    assert stats.total == total > 20
    assert {line.key: line.count for line in stats.by_category} == {
        k: v[0] for k, v in by_cat.items()
    }
    for line in stats.by_category:
        count, valid, handled, avg_hours = by_cat[line.key]
        assert line.valid_count == valid
        assert line.handled_count == handled
        assert line.share_permille == round(count * 1000 / total)
        if avg_hours is None:
            assert line.avg_handling_hours is None
        else:
            assert line.avg_handling_hours == pytest.approx(float(avg_hours), abs=1e-3)
        assert line.avg_satisfaction == (pytest.approx(sat[line.key]) if line.key in sat else None)
    assert {line.key: line.count for line in stats.by_month} == by_month
    assert [line.key for line in stats.by_month] == sorted(by_month)
    assert {
        ("" if line.key == "-" else line.key): line.count for line in stats.by_department
    } == by_dept
    assert sum(line.count for line in stats.by_department) == total
