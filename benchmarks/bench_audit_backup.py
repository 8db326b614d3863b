"""The audit trail's cost on everyday edits, and the online backup vs raw sqlite3.

    python benchmarks/bench_audit_backup.py [--units 3000] [--edits 300] [--repeat 3]

1. Edits: a batch of ``--edits`` person edits, each its own transaction as at the desk
   (``registry.services.update_person`` through ``Database.begin``), with the audit
   triggers on (as shipped: one masked, hash-chained audit row per edit) and dropped; raw:
   sqlite3 doing the same UPDATE plus an audit INSERT per transaction. Prints what the
   triggers add to the batch (the issue's budget: at most 30 %) and the ratios to raw.
   Then the same edits as ONE Core ``UPDATE … WHERE id IN (…)`` per 300 rows, triggers on
   and off (each row still gets its audit row: the worst case for the triggers).
2. Backup: ``propdesk.backup.sqlite_backup.auto_backup`` (backup API copy, switch to a
   single file, ``quick_check``, rename, rotation) of a demo estate of ``--units`` units;
   raw: ``sqlite3.Connection.backup`` alone into a new file.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import tempfile
import time
from contextlib import closing
from datetime import date
from pathlib import Path

from _common import fresh_database, median_seconds, ratio_line, raw_connection
from sqlalchemy import select, update

from propdesk import clock
from propdesk.audit import triggers
from propdesk.auth.actor import Actor, Role
from propdesk.backup.sqlite_backup import auto_backup
from propdesk.db.engine import Database
from propdesk.demo.build import generate_demo
from propdesk.registry import services as reg
from propdesk.registry.models import Person

CLERK = Actor(user_id=1, username="clerk", display_name="前台", role=Role.CLERK)


def _edits(db: Database, ids: list[int], tag: str) -> None:
    for i, pid in enumerate(ids):
        with db.begin(CLERK) as s:
            reg.update_person(s, pid, expected_version=None, notes=f"{tag}{i}")


def _raw_edits(path: Path, ids: list[int], tag: str) -> None:
    conn = raw_connection(path)
    try:
        for i, pid in enumerate(ids):
            conn.execute("BEGIN")
            old = conn.execute("SELECT notes FROM person WHERE id = ?", (pid,)).fetchone()[0]
            conn.execute(
                "UPDATE person SET notes = ?, version = version + 1 WHERE id = ?",
                (f"{tag}{i}", pid),
            )
            conn.execute(
                "INSERT INTO audit_log (at, user_id, username, action, table_name, record_id,"
                " changes) VALUES (?, ?, ?, 'update', 'person', ?, ?)",
                (
                    clock.now().replace(tzinfo=None).isoformat(" "),
                    1,
                    "clerk",
                    str(pid),
                    json.dumps({"notes": [old, f"{tag}{i}"]}, ensure_ascii=False),
                ),
            )
            conn.execute("COMMIT")
    finally:
        conn.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=3000)
    parser.add_argument("--edits", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--smoke", action="store_true", help="the smallest configuration, once (smoke test)"
    )
    args = parser.parse_args(argv)
    if args.smoke:
        args.units = 50
        args.edits = 10
        args.repeat = 1
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.sqlite3"
        db = fresh_database(path)
        generate_demo(db, units=args.units, seed=1, today=date(2026, 11, 23))
        with db.begin() as s:
            ids = list(s.scalars(select(Person.id).order_by(Person.id).limit(args.edits)))
        n = [0]

        def tagged() -> str:
            n[0] += 1
            return f"r{n[0]}-"

        def bulk() -> None:
            with db.begin(CLERK) as s:
                s.execute(update(Person).where(Person.id.in_(ids)).values(notes=tagged()))

        def set_triggers(on: bool) -> None:
            with db.engine.begin() as conn:
                (triggers.install if on else triggers.uninstall)(conn)

        # alternate on/off runs so a busy machine's drift hits both sides alike
        on_times: list[float] = []
        off_times: list[float] = []
        bulk_on: list[float] = []
        bulk_off: list[float] = []
        on_cpu: list[float] = []
        off_cpu: list[float] = []
        for _ in range(args.repeat):
            for on, times, cpu, bulk_times in (
                (True, on_times, on_cpu, bulk_on),
                (False, off_times, off_cpu, bulk_off),
            ):
                set_triggers(on)
                cpu_start = time.process_time()
                times.append(median_seconds(lambda: _edits(db, ids, tagged()), 1))
                cpu.append(time.process_time() - cpu_start)
                bulk_times.append(median_seconds(bulk, 1))
        with_audit, without = statistics.median(on_times), statistics.median(off_times)
        b_on, b_off = statistics.median(bulk_on), statistics.median(bulk_off)
        db.dispose()
        # raw: the UPDATE and its audit INSERT by hand, no triggers doing it a second time
        raw = median_seconds(lambda: _raw_edits(path, ids, tagged()), args.repeat)
        set_triggers(True)
        print(f"a batch of {len(ids)} person edits, one transaction each:")
        print(ratio_line("  PropDesk with audit triggers", with_audit, raw, "s"))
        print(ratio_line("  PropDesk, audit triggers dropped", without, raw, "s"))
        print(f"  triggers add {(with_audit - without) / without:6.1%} (budget 30 %)")
        # SQLite and the triggers run in this process: its CPU time is steadier than the wall
        # clock on a machine shared with other work
        cpu_on, cpu_off = statistics.median(on_cpu), statistics.median(off_cpu)
        print(f"  CPU time of this process: {cpu_on:.2f} s with, {cpu_off:.2f} s without:")
        print(f"  triggers add {(cpu_on - cpu_off) / cpu_off:6.1%} of CPU (budget 30 %)")
        print(f"the same {len(ids)} rows in one Core UPDATE statement:")
        print(ratio_line("  triggers on", b_on, b_off, "s").replace("raw", "off"))
        print(f"  triggers add {(b_on - b_off) / b_off:6.1%} (one audit row per row)")

        size = path.stat().st_size
        folder = Path(tmp) / "backups"
        ours = median_seconds(
            lambda: auto_backup(db, kind="start", keep=2, folder=folder), args.repeat
        )

        def raw_backup() -> None:
            target = Path(tmp) / "raw-copy.sqlite3"
            target.unlink(missing_ok=True)
            with closing(sqlite3.connect(path)) as src, closing(sqlite3.connect(target)) as dst:
                src.backup(dst)

        raw_b = median_seconds(raw_backup, args.repeat)
        print(f"online backup of {args.units:,} units ({size / 1024 / 1024:.1f} MB):")
        print(ratio_line("  auto_backup (copy+check+rotate)", ours, raw_b, "s"))
        db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
