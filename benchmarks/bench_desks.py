"""Several desks on one PostgreSQL server: save latency and refresh delay, 4 desks against 1.

Each desk is its own process with its own engine and its own listener (as a real desk has).
It runs the same mix of front-desk operations — a search, a new repair ticket, a payment, an
edit of a person's notes — through the same path the window uses: one transaction on behalf
of the clerk, the typed ``Changes`` announced with ``pg_notify`` inside it. Every other desk's
listener notes when it heard each change.

Reported, for 1 desk and then 4 desks at once over the same operations:

* save latency — wall time of each write transaction, commit included (p50, p95);
* refresh delay — from the commit at one desk to another desk hearing it (p50, p95);
* edit conflicts — an edit whose version was taken by another desk is re-read and saved
  again, as the conflict dialog's "merge" does; counted.

It needs a PostgreSQL server: ``--pg-url`` or ``PROPDESK_BENCH_PG_URL`` (else
``PROPDESK_TEST_PG_URL``). It works in a database of its own, ``<name>_bench_desks``, which
it creates once (the role needs CREATEDB) and empties at each run.

    python benchmarks/bench_desks.py --pg-url postgresql+psycopg://propdesk:propdesk@127.0.0.1/propdesk
    python benchmarks/bench_desks.py --ops 1000 --desks 4
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import random
import sys
import time
from collections import defaultdict
from typing import Any
from uuid import uuid4

import _common  # noqa: F401  (puts the repository on sys.path)
from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url

from propdesk.auth.actor import Actor, Role
from propdesk.changes import Changes
from propdesk.db.engine import Database, make_engine, open_database
from propdesk.db.live import ChangeListener, announce

ADMIN = Actor(user_id=None, username="bench", display_name="压测", role=Role.ADMIN)


def _recreate(url: str) -> str:
    """A database of its own, ``<name>_bench_desks``, emptied: created once and kept (``DROP
    DATABASE`` waits for a checkpoint, which takes minutes on a busy server). Returns its URL."""
    base = make_url(url)
    name = f"{base.database}_bench_desks"
    admin = make_engine(url)
    with admin.connect() as conn:
        conn = conn.execution_options(isolation_level="AUTOCOMMIT")
        if not conn.execute(
            text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}
        ).scalar():
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    bench = base.set(database=name).render_as_string(hide_password=False)
    engine = make_engine(bench)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    return bench


def _prepare(url: str, units: int) -> dict[str, list[int]]:
    from propdesk.demo.build import generate_demo
    from propdesk.fees.models import BillLine
    from propdesk.registry.models import Person, Unit

    db = open_database(url)
    generate_demo(db, units=units, seed=7)
    with db.begin(ADMIN) as s:
        unit_ids = list(s.scalars(select(Unit.id).order_by(Unit.id)))
        people = list(s.scalars(select(Person.id).order_by(Person.id)))
        owing = list(
            s.scalars(
                select(BillLine.unit_id)
                .where(BillLine.amount_fen > BillLine.paid_fen)
                .group_by(BillLine.unit_id)
                .having(func.sum(BillLine.amount_fen - BillLine.paid_fen) > 100_00)
            )
        )
    db.dispose()
    return {"units": unit_ids, "people": people, "owing": owing}


def _ops(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    kinds = ["search"] * 4 + ["ticket"] * 2 + ["payment"] * 2 + ["edit"] * 2
    return [rng.choice(kinds) for _ in range(count)]


def _desk(
    url: str,
    index: int,
    ops: list[str],
    ids: dict[str, list[int]],
    start: Any,
    out: Any,
) -> None:
    """One desk: listen for the others, run ``ops``, report latencies and what it heard."""
    from propdesk.fees.payments import take_payment
    from propdesk.pii import keys
    from propdesk.registry import services as reg
    from propdesk.registry.search import search
    from propdesk.tickets import services as tickets
    from propdesk.tickets.catalog import ensure_defaults
    from propdesk.tickets.models import TicketCategory

    keys.install(keys.PiiKey.decode(os.environ[keys.ENV_KEY], "env"))
    db: Database = open_database(url, upgrade=False)
    origin = f"desk{index}"
    heard: list[tuple[str, float]] = []
    listener = ChangeListener(
        db.engine,
        origin=origin,
        on_change=lambda a: heard.append((a.origin, time.time())),
        poll_seconds=0.05,
    )
    listener.start()
    listener.listening.wait(10)
    rng = random.Random(index)
    with db.begin(ADMIN) as s:
        ensure_defaults(s)
        category = s.scalar(select(TicketCategory.id).where(TicketCategory.kind == "repair"))
    words = ["张", "李", "王", "1-1", "2-3", "138", "刘", "陈"]
    saves: list[float] = []
    commits: list[float] = []  # wall time of each announced commit, in order
    conflicts = 0
    start.wait()

    def write(fn: Any, changes: Changes) -> None:
        t0 = time.perf_counter()
        with db.begin(ADMIN) as s:
            fn(s)
            announce(s, changes, origin=origin)
            sent = time.time()  # the commit starts here; the others hear of it after it ends
        saves.append(time.perf_counter() - t0)
        commits.append(sent)

    for op in ops:
        if op == "search":
            with db.begin(ADMIN, write=False) as s:
                search(s, rng.choice(words))
        elif op == "ticket":
            unit = rng.choice(ids["units"])
            write(
                lambda s, unit=unit: tickets.create_ticket(
                    s,
                    tickets.Intake(
                        kind="repair",
                        category_id=category,
                        description="卫生间漏水",
                        unit_id=unit,
                        reporter_name="住户",
                    ),
                ),
                Changes(tickets=True),
            )
        elif op == "payment":
            unit = rng.choice(ids["owing"])
            write(
                lambda s, unit=unit: take_payment(
                    s, unit_id=unit, amount_fen=100, method="cash", idempotency_key=uuid4().hex
                ),
                Changes(fees=True, payments=True),
            )
        else:
            person = rng.choice(ids["people"][:20])  # a few hot records: real conflicts
            for _attempt in range(5):
                with db.begin(ADMIN, write=False) as s:
                    version = reg.get_person(s, person).person.version
                try:
                    write(
                        lambda s, person=person, version=version: reg.update_person(
                            s, person, expected_version=version, notes=f"{origin} {uuid4().hex[:6]}"
                        ),
                        Changes(people=True),
                    )
                    break
                except Exception as exc:
                    if type(exc).__name__ not in ("Conflict", "StaleDataError"):
                        raise
                    conflicts += 1
    time.sleep(1.0)  # let the last changes of the other desks arrive
    listener.stop()
    db.dispose()
    out.put(
        {
            "origin": origin,
            "saves": saves,
            "commits": commits,
            "heard": heard,
            "conflicts": conflicts,
        }
    )


def _run(
    url: str, desks: int, ops_per_desk: int, ids: dict[str, list[int]]
) -> list[dict[str, Any]]:
    ctx = mp.get_context("spawn")
    start = ctx.Event()
    out = ctx.Queue()
    procs = [
        ctx.Process(target=_desk, args=(url, i, _ops(ops_per_desk, i), ids, start, out))
        for i in range(desks)
    ]
    for p in procs:
        p.start()
    time.sleep(2.0 + desks)  # each desk opens its engine and starts listening
    start.set()
    results = [out.get(timeout=1800) for _ in procs]
    for p in procs:
        p.join(60)
    return results


def _pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _delays(results: list[dict[str, Any]]) -> list[float]:
    """Commit at one desk → heard at another: the k-th change a desk heard from an origin is
    that origin's k-th announced commit (PostgreSQL delivers in commit order)."""
    commits = {r["origin"]: r["commits"] for r in results}
    delays: list[float] = []
    for r in results:
        seen: dict[str, int] = defaultdict(int)
        for origin, at in r["heard"]:
            k = seen[origin]
            seen[origin] += 1
            if k < len(commits.get(origin, [])):
                delays.append(at - commits[origin][k])
    return delays


def _report(label: str, results: list[dict[str, Any]]) -> tuple[float, float]:
    saves = [x for r in results for x in r["saves"]]
    delays = _delays(results)
    conflicts = sum(r["conflicts"] for r in results)
    p50, p95 = _pct(saves, 0.5) * 1000, _pct(saves, 0.95) * 1000
    print(f"  {label:<10} saves {len(saves):5d}  p50 {p50:7.1f} ms  p95 {p95:7.1f} ms", end="")
    if delays:
        print(
            f"   refresh p50 {_pct(delays, 0.5) * 1000:6.1f} ms  p95 {_pct(delays, 0.95) * 1000:6.1f} ms"
            f"  (heard {len(delays)})",
            end="",
        )
    print(f"   edit conflicts {conflicts}")
    return p50, p95


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pg-url", default=None)
    parser.add_argument("--desks", type=int, default=4)
    parser.add_argument("--ops", type=int, default=1000, help="operations per desk")
    parser.add_argument("--units", type=int, default=600)
    parser.add_argument("--smoke", action="store_true", help="2 desks × 12 operations, 20 units")
    args = parser.parse_args(argv)
    url = (
        args.pg_url
        or os.environ.get("PROPDESK_BENCH_PG_URL")
        or os.environ.get("PROPDESK_TEST_PG_URL")
    )
    if not url:
        print("bench_desks: needs a PostgreSQL server (--pg-url or PROPDESK_BENCH_PG_URL); skipped")
        return 0
    if args.smoke:
        args.desks, args.ops, args.units = 2, 12, 20
    # Every desk must read what the others encrypted: one personal-data key for all of them.
    from propdesk.pii import keys

    os.environ[keys.ENV_KEY] = keys.current().encoded()  # _common's throw-away key
    bench = _recreate(url)
    ids = _prepare(bench, args.units)
    print(
        f"{args.desks} desks × {args.ops} mixed operations (search 40 %, ticket 20 %, "
        f"payment 20 %, edit 20 %), {args.units}-unit demo, PostgreSQL"
    )
    one = _report("1 desk", _run(bench, 1, args.ops, ids))
    many = _report(f"{args.desks} desks", _run(bench, args.desks, args.ops, ids))
    print(
        f"  p50 save ratio {args.desks} desks / 1 desk: {many[0] / one[0]:.2f}×, "
        f"p95: {many[1] / one[1]:.2f}×"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
