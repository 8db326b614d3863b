"""One payment with its receipt PDF at estate scale, against the payment's own SQL.

    python benchmarks/bench_payment.py [--units 5000] [--months 6] [--repeat 15] [--smoke]

A demo registry of ``--units`` units (the demo helpers), property and elevator fees billed
for ``--months`` months, then ``--repeat`` payments, each on another unit with arrears:

* **ours**: what the cashier's "take payment and print receipt" does — :func:`take_payment`
  (with the form's idempotency key) in one transaction, then :func:`get_receipt` and
  :func:`receipt_pdf` (the receipt PDF), as the UI runs them.
* **raw**: the payment's own writes only — the INSERT and UPDATE statements SQLAlchemy sent
  for the same payment (receipt counter, payment, bill lines, allocations, credit),
  captured from a rolled-back run and replayed through plain ``sqlite3`` in one committed
  transaction.

The ratio ours/raw is printed (target at most 3×), with the parts of ours (the payment
transaction, reading the receipt, building the PDF) so the cost is visible.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any
from uuid import uuid4

from _common import fresh_database, raw_connection
from sqlalchemy import Engine, event, select

from propdesk.auth.actor import Actor, Role
from propdesk.db.engine import Database
from propdesk.demo.registry import build_registry
from propdesk.demo.steps import DemoContext
from propdesk.fees.billing import run_billing
from propdesk.fees.items import ensure_standard_items, set_rate
from propdesk.fees.models import BillLine
from propdesk.fees.payments import take_payment
from propdesk.fees.periods import add_months
from propdesk.fees.receipts import get_receipt
from reports.pdf.receipt import receipt_pdf

TARGET_RATIO = 3.0
CLERK = Actor(user_id=None, username="clerk", display_name="李前台", role=Role.CLERK)
MANAGER = Actor(user_id=None, username="mgr", display_name="王经理", role=Role.MANAGER)
AMOUNT_FEN = 30_000  # ¥300: several lines settled, the last one in part
FIRST = "2026-01"


class _RolledBack(Exception):
    """Raised to roll back the transaction whose SQL was captured."""


def _setup(db: Database, units: int, months: int) -> list[int]:
    """The registry and its bills; the ids of units with arrears (one per repeat)."""
    with db.begin(Actor.system()) as s:
        build_registry(s, DemoContext(rng=random.Random(7), today=date(2026, 1, 1), units=units))
        ensure_standard_items(s)
        for code, fen in (("property", 185), ("elevator", 3000)):
            set_rate(s, item_code=code, effective_from=date(2025, 1, 1), rate_fen=fen)
    with db.begin(MANAGER) as s:
        for k in range(months):
            run_billing(s, add_months(FIRST, k))
    with db.begin() as s:
        return list(
            s.scalars(
                select(BillLine.unit_id).group_by(BillLine.unit_id).order_by(BillLine.unit_id)
            )
        )


@contextmanager
def _writes(engine: Engine) -> Iterator[list[tuple[str, Any, bool]]]:
    """Every INSERT/UPDATE (SQL, parameters, executemany) the engine sends in the block."""
    seen: list[tuple[str, Any, bool]] = []

    def record(
        _conn: Any, _cursor: Any, statement: str, parameters: Any, _ctx: Any, many: bool
    ) -> None:
        if statement.lstrip().upper().startswith(("INSERT", "UPDATE")):
            seen.append((statement, parameters, many))

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)


def _pay(db: Database, unit_id: int) -> int:
    with db.begin(CLERK) as s:
        return take_payment(
            s, unit_id=unit_id, amount_fen=AMOUNT_FEN, method="cash", idempotency_key=uuid4().hex
        ).payment_id


def _receipt(db: Database, payment_id: int) -> bytes:
    with db.begin() as s:
        data = get_receipt(s, payment_id)
    return receipt_pdf(data)


def _captured_writes(db: Database, unit_id: int) -> list[tuple[str, Any, bool]]:
    """The writes of a payment on ``unit_id``, from a transaction that is rolled back."""
    with _writes(db.engine) as seen:
        try:
            with db.begin(CLERK) as s:
                take_payment(
                    s,
                    unit_id=unit_id,
                    amount_fen=AMOUNT_FEN,
                    method="cash",
                    idempotency_key=uuid4().hex,
                )
                s.flush()
                raise _RolledBack
        except _RolledBack:
            pass
    return list(seen)


def _replay_committed(conn: sqlite3.Connection, writes: list[tuple[str, Any, bool]]) -> None:
    conn.execute("BEGIN IMMEDIATE")
    for sql, params, many in writes:
        if many:
            conn.executemany(sql, params)
        else:
            conn.execute(sql, params).fetchall()
    conn.execute("COMMIT")


def bench(db: Database, path: Path, unit_ids: list[int], repeat: int) -> float:
    """Print the figures; return the ratio ours/raw (medians)."""
    rng = random.Random(11)
    picked = rng.sample(unit_ids, min(len(unit_ids), 2 * repeat + 1))
    _pay(db, picked[-1])  # warm up: imports, fonts, statement caches
    _receipt(db, _pay(db, picked[-1]))
    pay_t: list[float] = []
    read_t: list[float] = []
    pdf_t: list[float] = []
    raw_t: list[float] = []
    conn = raw_connection(path)
    try:
        for k in range(repeat):
            t0 = time.perf_counter()
            pid = _pay(db, picked[k])
            t1 = time.perf_counter()
            with db.begin() as s:
                data = get_receipt(s, pid)
            t2 = time.perf_counter()
            pdf = receipt_pdf(data)
            t3 = time.perf_counter()
            assert pdf.startswith(b"%PDF")
            pay_t.append(t1 - t0)
            read_t.append(t2 - t1)
            pdf_t.append(t3 - t2)

            writes = _captured_writes(db, picked[repeat + k])
            t4 = time.perf_counter()
            _replay_committed(conn, writes)
            raw_t.append(time.perf_counter() - t4)
    finally:
        conn.close()
    ours = [p + r + f for p, r, f in zip(pay_t, read_t, pdf_t, strict=True)]
    med = statistics.median
    ratio = med(ours) / med(raw_t)
    print(f"units with bills: {len(unit_ids)}, payments measured: {repeat}")
    print(f"  take_payment (one transaction)    {med(pay_t) * 1000:8.2f} ms")
    print(f"  get_receipt (read)                {med(read_t) * 1000:8.2f} ms")
    print(f"  receipt_pdf (ReportLab)           {med(pdf_t) * 1000:8.2f} ms")
    print(f"payment + receipt PDF (ours)        {med(ours) * 1000:8.2f} ms")
    print(
        f"the payment's writes on raw sqlite3 {med(raw_t) * 1000:8.2f} ms  ({len(writes)} statements)"
    )
    verdict = "met" if ratio <= TARGET_RATIO else "NOT met"
    print(
        f"ratio ours/raw                      {ratio:8.1f}x  (target <= {TARGET_RATIO:.0f}x: {verdict})"
    )
    print(
        f"ratio payment alone/raw             {med(pay_t) / med(raw_t):8.1f}x  "
        f"(without the receipt)"
    )
    return ratio


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=5000)
    parser.add_argument("--months", type=int, default=6)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument(
        "--smoke", action="store_true", help="the smallest configuration, once (smoke test)"
    )
    args = parser.parse_args(argv)
    if args.smoke:
        args.units, args.months, args.repeat = 50, 2, 1
    with tempfile.TemporaryDirectory() as tmpdir:
        path = Path(tmpdir) / "bench.sqlite3"
        db = fresh_database(path)
        t0 = time.perf_counter()
        unit_ids = _setup(db, args.units, args.months)
        print(
            f"setup: {args.units} units, {args.months} months billed in {time.perf_counter() - t0:.1f} s"
        )
        bench(db, path, unit_ids, args.repeat)
        db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
