"""The team page's reads: the month's volume by hour, one clerk's assessment figures and the
month roster grid, each against raw sqlite3 running the same SQL.

    python benchmarks/bench_team.py [--calls 60000] [--tickets 20000] [--clerks 12]
                                    [--repeat 11] [--keep FILE]

- volume by hour: ``propdesk.team.volume.volume_by_hour`` for the busiest month of
  ``--calls`` calls spread over a year (the instants are binned by local hour in Python:
  the ratio shows what that costs over fetching them). Target < 100 ms.
- figures: ``propdesk.team.figures.compute`` for one clerk's month (tickets, callbacks and
  calls of ``--clerks`` clerks). Target < 100 ms.
- roster: ``propdesk.team.roster.month_grid`` for a month of a year's roster. Target < 50 ms.

Raw: the SQL statements each call sent (captured from the engine), replayed on a plain
sqlite3 connection. ``--keep FILE`` keeps (and reuses) the database.
"""

from __future__ import annotations

import argparse
import random
import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from _common import captured_sql, fresh_database, median_seconds, ratio_line, raw_connection, replay
from sqlalchemy import insert, select

from propdesk.auth.actor import Actor
from propdesk.auth.models import User
from propdesk.calls.models import CallRecord
from propdesk.db.engine import Database, open_database
from propdesk.team import figures, roster
from propdesk.team.models import TeamRosterEntry, TeamShift
from propdesk.team.volume import volume_by_hour
from propdesk.tickets.models import Ticket, TicketCategory

YEAR = 2026
MONTH = "2026-05"
VOLUME_TARGET_MS = 100.0
FIGURES_TARGET_MS = 100.0
ROSTER_TARGET_MS = 50.0
OUTCOMES = ("answered", "answered", "ticket", "transferred", "callback")


def _at(rng: random.Random) -> datetime:
    start = datetime(YEAR - 1, 12, 31, 16, 0, tzinfo=UTC)  # 2026-01-01 00:00 China time
    return start + timedelta(seconds=rng.randrange(365 * 86_400))


def build(path: Path, calls: int, tickets: int, clerks: int) -> Database:
    if path.exists():
        return open_database(f"sqlite:///{path}")
    db = fresh_database(path)
    rng = random.Random(18)
    with db.begin(Actor.system()) as s:
        s.execute(
            insert(User),
            [
                {"username": f"clerk{i}", "display_name": f"前台{i:02d}", "role": "clerk"}
                for i in range(clerks)
            ],
        )
        user_ids = list(s.scalars(select(User.id).order_by(User.id)))
        s.execute(insert(TicketCategory), [{"kind": "repair", "code": "water", "name": "水电"}])
        cat = s.scalar(select(TicketCategory.id))
        rows: list[dict[str, Any]] = []
        for n in range(tickets):
            created = _at(rng)
            rows.append(
                {
                    "number": f"BX{n:07d}",
                    "kind": "repair",
                    "source": "phone",
                    "category_id": cat,
                    "location": "1号楼",
                    "description": "漏水",
                    "period": f"{created:%Y-%m}",
                    "owner_user_id": rng.choice(user_ids),
                    "response_due": created + timedelta(hours=1),
                    "resolve_due": created + timedelta(days=1),
                    "responded_at": created + timedelta(minutes=rng.randrange(5, 600)),
                    "created_at": created,
                }
            )
        s.execute(insert(Ticket), rows)
        s.execute(
            insert(CallRecord),
            [
                {
                    "at": _at(rng),
                    "clerk_user_id": rng.choice(user_ids),
                    "direction": "in" if rng.random() < 0.8 else "out",
                    "state": "logged",
                    "outcome": rng.choice(OUTCOMES),
                }
                for _ in range(calls)
            ],
        )
        shifts = roster.ensure_default_shifts(s)
        entries = []
        day = date(YEAR, 1, 1)
        while day.year == YEAR:
            for k, uid in enumerate(user_ids):
                if (day.toordinal() + k) % 4 != 3:
                    entries.append(
                        {"user_id": uid, "day": day, "shift_id": shifts[k % len(shifts)].id}
                    )
            day += timedelta(days=1)
        s.execute(insert(TeamRosterEntry), entries)
        assert s.scalar(select(TeamShift.id)) is not None
    return db


def _timed(db: Database, raw: Any, fn: Any, repeat: int) -> tuple[float, float]:
    fn()  # warm the statement cache and the pages
    with captured_sql(db.engine) as statements:
        fn()
    ours = median_seconds(fn, repeat)
    theirs = median_seconds(lambda: replay(raw, statements), repeat)
    return ours, theirs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--calls", type=int, default=60_000)
    parser.add_argument("--tickets", type=int, default=20_000)
    parser.add_argument("--clerks", type=int, default=12)
    parser.add_argument("--repeat", type=int, default=11)
    parser.add_argument("--keep", type=Path, help="database file to keep and reuse")
    parser.add_argument("--smoke", action="store_true", help="the smallest configuration, once")
    args = parser.parse_args(argv)
    if args.smoke:
        args.calls, args.tickets, args.clerks, args.repeat = 500, 200, 3, 1
    with tempfile.TemporaryDirectory(prefix="propdesk-bench-") as tmp:
        path = args.keep or Path(tmp) / "team.sqlite3"
        db = build(path, args.calls, args.tickets, args.clerks)
        raw = raw_connection(path)
        with db.session_factory() as s:
            clerk = s.scalar(select(User.id).order_by(User.id))
        assert clerk is not None

        def run(fn: Any) -> Any:
            def call() -> Any:
                with db.session_factory() as s:
                    s.info["actor"] = Actor.system()
                    return fn(s)

            return call

        checks = [
            (
                "volume by hour, one month",
                run(lambda s: volume_by_hour(s, MONTH)),
                VOLUME_TARGET_MS,
            ),
            (
                "assessment figures, one clerk-month",
                run(lambda s: figures.compute(s, clerk, MONTH)),
                FIGURES_TARGET_MS,
            ),
            (
                "roster grid, one month",
                run(lambda s: roster.month_grid(s, YEAR, 5)),
                ROSTER_TARGET_MS,
            ),
        ]
        print(
            f"\n{args.calls:,} calls, {args.tickets:,} tickets, {args.clerks} clerks over {YEAR};"
            f" median of {args.repeat}"
        )
        failed = False
        for label, fn, target in checks:
            ours, theirs = _timed(db, raw, fn, args.repeat)
            verdict = "ok" if ours * 1000 <= target else f"OVER {target:.0f} ms"
            failed |= ours * 1000 > target and not args.smoke
            print(f"{ratio_line(label, ours, theirs)}  {verdict}")
        vol = run(lambda s: volume_by_hour(s, MONTH))()
        print(f"  ({vol.total:,} incoming calls in {MONTH}, busiest hour {vol.busiest})")
        raw.close()
        db.engine.dispose()
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
