"""Fees at estate scale, each figure against the raw library doing the same work.

    python benchmarks/bench_fees.py [--units 5000] [--repeat 3]

* **Billing run** of one month for ``--units`` units × 6 items (property, elevator,
  parking, water and electricity from meter readings, garbage fee): the real
  :func:`run_billing` in one transaction, vs raw ``sqlite3.executemany`` of the same rows.
  Target < 5 s.
* **Export** of the fee collection sheet of the first months reaching ≥ 60,000 lines
  (streamed): time and peak memory (max RSS of a child process), vs openpyxl
  ``write_only`` writing the same values with no styles. Target < 10 s and < 300 MB.
* **Arrears list** of every unit after a realistic year (most lines paid; one aggregated
  query, late fee in SQL), vs the same SQL replayed on raw sqlite3. Target < 200 ms.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from _common import (
    ROOT,
    captured_sql,
    fresh_database,
    median_seconds,
    ratio_line,
    raw_connection,
    replay,
)
from sqlalchemy import func, insert, select, update

from propdesk.auth.actor import Actor
from propdesk.db.engine import Database
from propdesk.demo.registry import build_registry
from propdesk.demo.steps import DemoContext
from propdesk.fees.arrears import arrears_list
from propdesk.fees.billing import run_billing
from propdesk.fees.items import ensure_standard_items, set_rate
from propdesk.fees.models import BillLine, FeeItem, ItemKind, Meter, MeterReading
from propdesk.fees.periods import add_months
from propdesk.fees.settings import FeeSettings, save_fee_settings
from propdesk.registry.models import Unit

BILL_TARGET_S = 5.0
EXPORT_TARGET_S = 10.0
EXPORT_TARGET_MB = 300.0
ARREARS_TARGET_MS = 200.0
FIRST = "2025-01"


def _setup(db: Database, units: int) -> None:
    with db.begin(Actor.system()) as s:
        build_registry(s, DemoContext(rng=random.Random(7), today=date(2025, 1, 1), units=units))
        ensure_standard_items(s)
        s.add(FeeItem(code="garbage", name="垃圾处理费", kind=ItemKind.PER_UNIT.value, sort_key=25))
        s.flush()
        for code, fen in (
            ("property", 185),
            ("elevator", 3000),
            ("parking", 15000),
            ("water", 450),
            ("electricity", 62),
            ("garbage", 1000),
        ):
            set_rate(s, item_code=code, effective_from=date(2024, 1, 1), rate_fen=fen)
        save_fee_settings(s, FeeSettings(late_fee_enabled=True, grace_days=30))
        unit_ids = list(s.scalars(select(Unit.id).order_by(Unit.id)))
        meters = [
            {
                "code": f"{kind[0].upper()}{uid:06d}",
                "kind": kind,
                "unit_id": uid,
                "split": "",
                "rollover_centi": 100_000_00,
                "version": 1,
            }
            for uid in unit_ids
            for kind in ("water", "electricity")
        ]
        s.execute(insert(Meter), meters)
        ids = s.execute(select(Meter.id, Meter.kind)).all()
        rng = random.Random(1)
        readings = []
        for k in range(14):
            period = add_months(FIRST, k - 1)
            for mid, kind in ids:
                base = 1000_00 if kind == "water" else 5000_00
                step = rng.randint(3_00, 15_00) if kind == "water" else rng.randint(80_00, 300_00)
                readings.append(
                    {
                        "meter_id": mid,
                        "period": period,
                        "previous_centi": base + k * step,
                        "reading_centi": base + (k + 1) * step,
                        "consumption_centi": step,
                        "kind": "normal",
                        "read_on": date(2025, 1, 1),
                        "entered_by": "bench",
                    }
                )
        for i in range(0, len(readings), 20_000):
            s.execute(insert(MeterReading), readings[i : i + 20_000])


def bench_billing(db: Database, path: Path, repeat: int) -> None:
    times = []
    lines = 0
    for k in range(repeat):
        period = add_months(FIRST, k)
        t0 = time.perf_counter()
        with db.begin(Actor.system()) as s:
            lines = run_billing(s, period).lines_created
        times.append(time.perf_counter() - t0)
    ours = sorted(times)[len(times) // 2]
    with db.begin() as s:
        rows = s.execute(
            select(
                BillLine.unit_id,
                BillLine.item_id,
                BillLine.period,
                BillLine.due_date,
                BillLine.quantity_centi,
                BillLine.rate_fen,
                BillLine.amount_fen,
            ).where(BillLine.period == FIRST)
        ).all()
    raw_rows = [
        (u, i, "2099-01", str(d), q, r, a, 0, 0, 0, "", "billing", "", "", "", "")
        for u, i, _p, d, q, r, a in rows
    ]
    conn = raw_connection(path)

    def raw() -> None:
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO bill_line (unit_id, item_id, period, due_date, quantity_centi, rate_fen, "
            "amount_fen, paid_fen, waived_fen, settled, description, source, source_ref, created_at, "
            "created_by, notes) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            raw_rows,
        )
        conn.execute("ROLLBACK")

    raw_s = median_seconds(raw, repeat)
    conn.close()
    print(
        ratio_line(f"billing run ({lines:,} lines)", ours, raw_s, "s"),
        "OK" if ours < BILL_TARGET_S else f"SLOW (target {BILL_TARGET_S} s)",
    )


_CHILD_OURS = """
import sys, time
sys.path.insert(0, {root!r})
from propdesk.db.engine import open_database
from propdesk.auth.actor import Actor
from propdesk.fees.exports import fee_sheet_rows
from reports.excel.fees import write_fee_sheet
db = open_database({url!r}, upgrade=False)
t0 = time.perf_counter()
with db.begin(Actor.system()) as s:
    totals = write_fee_sheet(fee_sheet_rows(s, {first!r}, {last!r}), {out!r})
print(time.perf_counter() - t0, sum(t.rows for t in totals.values()))
"""

_CHILD_RAW = """
import sys, time, sqlite3
from openpyxl import Workbook
conn = sqlite3.connect({path!r})
t0 = time.perf_counter()
wb = Workbook(write_only=True)
ws = wb.create_sheet("raw")
for row in conn.execute("SELECT u.code, b.name, i.name, l.period, l.due_date, l.quantity_centi, "
        "l.rate_fen, l.amount_fen, l.paid_fen, l.waived_fen, l.amount_fen - l.paid_fen - l.waived_fen "
        "FROM bill_line l JOIN unit u ON u.id = l.unit_id JOIN building b ON b.id = u.building_id "
        "JOIN fee_item i ON i.id = l.item_id WHERE l.period BETWEEN ? AND ? "
        "ORDER BY b.sort_key, u.code, i.sort_key, l.period", ({first!r}, {last!r})):
    ws.append(row)
wb.save({out!r})
print(time.perf_counter() - t0, 0)
"""


def _child(code: str) -> tuple[float, float]:
    """Run ``code`` in a fresh interpreter; (seconds it reports, its peak RSS in MB)."""
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    _pid, status, usage = os.wait4(proc.pid, 0)
    out = proc.stdout.read() if proc.stdout else ""
    if status != 0:
        raise SystemExit(f"benchmark child failed ({status})")
    return float(out.split()[0]), usage.ru_maxrss / 1024


def bench_export(db: Database, path: Path, tmp: Path) -> None:
    """Bill a year, then export the first months reaching ≥ 60,000 lines."""
    with db.begin(Actor.system()) as s:
        for k in range(12):
            run_billing(s, add_months(FIRST, k))
        per_month = s.scalar(
            select(func.count()).select_from(BillLine).where(BillLine.period == FIRST)
        )
    months = min(12, -(-60_000 // max(per_month or 1, 1)))
    last = add_months(FIRST, months - 1)
    with db.begin() as s:
        count = s.scalar(
            select(func.count())
            .select_from(BillLine)
            .where(BillLine.period >= FIRST, BillLine.period <= last)
        )
    ours_s, ours_mb = _child(
        _CHILD_OURS.format(
            root=str(ROOT), url=db.url, first=FIRST, last=last, out=str(tmp / "ours.xlsx")
        )
    )
    raw_s, _raw_mb = _child(
        _CHILD_RAW.format(path=str(path), first=FIRST, last=last, out=str(tmp / "raw.xlsx"))
    )
    print(
        ratio_line(f"export fee sheet ({count:,} lines)", ours_s, raw_s, "s"),
        "OK" if ours_s < EXPORT_TARGET_S else f"SLOW (target {EXPORT_TARGET_S} s)",
    )
    print(
        f"{'  peak memory (max RSS of the children)':<40} {ours_mb:10.0f} MB",
        "OK" if ours_mb < EXPORT_TARGET_MB else f"TOO BIG (target {EXPORT_TARGET_MB} MB)",
    )


def _pay_most(db: Database) -> None:
    """A realistic year: everything paid except ~12 % of the lines and the last two months."""
    with db.begin() as s:
        s.execute(
            update(BillLine)
            .where(BillLine.id % 8 != 0, BillLine.period < add_months(FIRST, 10))
            .values(paid_fen=BillLine.amount_fen, settled=True)
        )


def bench_arrears(db: Database, path: Path, repeat: int) -> None:
    as_of = date(2026, 6, 30)

    def ours() -> int:
        with db.begin() as s:
            return len(arrears_list(s, as_of=as_of))

    n = ours()
    ours_s = median_seconds(ours, repeat)
    with captured_sql(db.engine) as seen, db.begin() as s:
        arrears_list(s, as_of=as_of)
    conn = raw_connection(path)
    raw_s = median_seconds(lambda: replay(conn, seen), repeat)
    conn.close()
    print(
        ratio_line(f"arrears list ({n:,} units)", ours_s, raw_s),
        "OK" if ours_s * 1000 < ARREARS_TARGET_MS else f"SLOW (target {ARREARS_TARGET_MS} ms)",
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--smoke", action="store_true", help="the smallest configuration, once (smoke test)"
    )
    args = parser.parse_args(argv)
    if args.smoke:
        args.units = 50
        args.repeat = 1
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        path = tmp / "bench.sqlite3"
        db = fresh_database(path)
        _setup(db, args.units)
        bench_billing(db, path, args.repeat)
        bench_export(db, path, tmp)
        _pay_most(db)
        bench_arrears(db, path, max(args.repeat, 5))
        db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
