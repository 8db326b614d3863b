"""Demo generation for N units (default 5,000) vs raw sqlite3 inserting the same rows.

    python benchmarks/bench_demo.py [--units 5000] [--repeat 3]

PropDesk: ``generate_demo`` into a fresh, migrated SQLite file (every step of
DEMO_STEPS, one transaction, commit included; migrating the empty file is not timed).
Raw: the very rows the demo produced, read back, then inserted into another fresh,
migrated file with ``sqlite3.executemany`` in one transaction. The ratio is the price of
generating realistic data plus the ORM. Target: < 10 s for 5,000 units.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from _common import fresh_database, raw_connection

from propdesk.db.engine import open_database
from propdesk.db.model_modules import import_all_models
from propdesk.demo import steps
from propdesk.demo.build import DemoSummary, generate_demo
from propdesk.models_base import Base

TARGET_SECONDS = 10.0


def _rows_by_table(path: Path) -> list[tuple[str, list[str], list[tuple[object, ...]]]]:
    import_all_models()
    conn = raw_connection(path)
    out = []
    for table in Base.metadata.sorted_tables:
        cols = [c.name for c in table.columns]
        names = ", ".join(f'"{c}"' for c in cols)
        rows = conn.execute(f'SELECT {names} FROM "{table.name}"').fetchall()
        if rows:
            out.append((table.name, cols, rows))
    conn.close()
    return out


def _raw_insert(path: Path, data: list[tuple[str, list[str], list[tuple[object, ...]]]]) -> float:
    conn = raw_connection(path)
    # the rows copied include the demo's audit rows: the audit triggers must not write them
    # a second time (untimed)
    triggers = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'audit\\_%' ESCAPE '\\'"
    ).fetchall()
    for (name,) in triggers:
        conn.execute(f'DROP TRIGGER "{name}"')
    # rows the migrations themselves wrote (the personal-data key's id, policies) come with
    # the copied data: clear them first (untimed)
    for table, _cols, _rows in data:
        conn.execute(f'DELETE FROM "{table}"')
    t0 = time.perf_counter()
    conn.execute("BEGIN")
    for table, cols, rows in data:
        names = ", ".join(f'"{c}"' for c in cols)
        marks = ", ".join("?" for _ in cols)
        conn.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', rows)
    conn.execute("COMMIT")
    seconds = time.perf_counter() - t0
    conn.close()
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--units", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--registry-only",
        action="store_true",
        help="run only the registry step (estate, units, people, parking), not other modules'",
    )
    parser.add_argument(
        "--smoke", action="store_true", help="the smallest configuration, once (smoke test)"
    )
    args = parser.parse_args(argv)
    if args.smoke:
        args.units = 50
        args.repeat = 1
    if args.registry_only:
        steps.DEMO_STEPS[:] = [s for s in steps.DEMO_STEPS if s[1] == "propdesk.demo.registry"]

    with tempfile.TemporaryDirectory(prefix="propdesk-bench-") as tmp:
        folder = Path(tmp)
        empty = folder / "empty.sqlite3"
        template = fresh_database(empty)
        with template.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        template.dispose()

        ours: list[float] = []
        raw: list[float] = []
        summary: DemoSummary | None = None
        for i in range(args.repeat):
            target = folder / f"demo{i}.sqlite3"
            shutil.copy(empty, target)
            db = open_database(f"sqlite:///{target}")
            t0 = time.perf_counter()
            summary = generate_demo(db, units=args.units, seed=args.seed)
            ours.append(time.perf_counter() - t0)
            db.dispose()
            data = _rows_by_table(target)
            copy = folder / f"raw{i}.sqlite3"
            shutil.copy(empty, copy)
            raw.append(_raw_insert(copy, data))

    assert summary is not None
    ours_s, raw_s = statistics.median(ours), statistics.median(raw)
    rows = sum(n for _t, n in summary.table_counts)
    which = "registry step only" if args.registry_only else "every module's step"
    print(f"demo generation, {args.units:,} units, {which}, median of {args.repeat} (SQLite)")
    for name, n in summary.table_counts:
        print(f"  {name:<24} {n:>9,} rows")
    for step, seconds in summary.step_seconds:
        print(f"  step {step:<48} {seconds:6.2f} s")
    print(
        f"PropDesk generate_demo      {ours_s:7.2f} s   ({rows:,} rows; runs: "
        + ", ".join(f"{t:.2f}" for t in ours)
        + ")"
    )
    print(f"raw sqlite3 executemany     {raw_s:7.2f} s   (same rows, one transaction)")
    print(f"ratio                       {ours_s / raw_s:7.1f}x")
    verdict = "met" if ours_s < TARGET_SECONDS else "MISSED"
    print(f"target < {TARGET_SECONDS:.0f} s for 5,000 units: {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
