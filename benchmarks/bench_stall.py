"""The window stays responsive while a 5,000-unit billing run works on the database worker.

A clerk types in the search box and takes a payment while the month's billing run works.
The run goes through the app's operation object (``ctx.long_op`` on ``ui.worker.
ThreadExecutor``), the payment through ``ctx.op``; on the UI thread a 5 ms ``QTimer``
records when it actually fires, so the longest gap between two ticks is the longest
event-loop stall. Target: at most 50 ms, and the payment completes after the run (queued on
the single worker), never with an error.

    python benchmarks/bench_stall.py [--units 5000] [--repeat 3]

The estate is the fees benchmark's (``bench_fees._setup``: registry, six fee items with rates,
two meters a unit with readings); one month is billed beforehand so the payment has lines to
settle, and the run bills the next month.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

from _common import fresh_database
from bench_fees import _setup
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMainWindow
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from propdesk.auth.actor import Actor
from propdesk.changes import Changes
from propdesk.config import Settings
from propdesk.db.engine import Database
from propdesk.fees.billing import BillingResult, run_billing
from propdesk.fees.models import BillLine
from propdesk.fees.payments import take_payment
from propdesk.progress import Progress
from ui.context import AppContext
from ui.errors import ErrorHandler
from ui.events import ChangeHub
from ui.search.search_box import SearchBox
from ui.worker import ThreadExecutor

TICK_MS = 5
TARGET_MS = 50.0
PRE_BILLED = "2025-01"
TYPED = "zhang 138 3-2-15"
KEY_EVERY_MS = 90  # a quick typist
PAY_AFTER_MS = 150  # the payment is submitted this long after the run started


@dataclass
class Run:
    """What one measured run saw (times from ``time.perf_counter``)."""

    ticks: list[float] = field(default_factory=list)
    billing_started: float = 0.0
    billing_done: float = 0.0
    billing: BillingResult | None = None
    payment_submitted: float = 0.0
    payment_done: float = 0.0
    payment_ok: bool = False
    searches_delivered: int = 0
    keys_typed: int = 0
    ended: float = 0.0

    def gaps_ms(self) -> list[float]:
        """Gaps between consecutive ticks from the run's start until everything arrived (ms)."""
        inside = [t for t in self.ticks if self.billing_started <= t <= self.ended]
        return [(b - a) * 1000 for a, b in pairwise(inside)]


def _unit_with_owed_lines(db: Database) -> int:
    with db.begin(Actor.system()) as s:
        unit_id = s.scalar(
            select(BillLine.unit_id)
            .where(BillLine.period == PRE_BILLED)
            .group_by(BillLine.unit_id)
            .order_by(func.sum(BillLine.amount_fen).desc())
            .limit(1)
        )
    assert unit_id is not None
    return unit_id


def measure(app: QApplication, db: Database, month: str, unit_id: int) -> tuple[Run, AppContext]:
    """Bill ``month`` on the worker while typing and paying on the UI thread."""
    executor = ThreadExecutor()
    ctx = AppContext(
        db=db,
        actor=Actor.system(),
        settings=Settings(),
        executor=executor,
        hub=ChangeHub(),
        errors=ErrorHandler(show=lambda _parent, _failure: None),
    )
    window = QMainWindow()
    box = SearchBox(ctx=ctx)
    window.setCentralWidget(box)
    window.resize(600, 400)
    window.show()
    box.setFocus()
    box.hits_model.modelReset.connect(lambda: _count_search(run))
    run = Run()
    loop = QEventLoop()

    tick = QTimer()
    tick.setInterval(TICK_MS)
    tick.timeout.connect(lambda: run.ticks.append(time.perf_counter()))

    typing = QTimer()
    typing.setInterval(KEY_EVERY_MS)

    def type_next() -> None:
        if run.keys_typed >= len(TYPED):
            typing.stop()
            finish_when_done()
            return
        QTest.keyClick(box, TYPED[run.keys_typed])
        run.keys_typed += 1

    typing.timeout.connect(type_next)

    def finish_when_done() -> None:
        if run.billing_done and run.payment_done and run.keys_typed >= len(TYPED):
            QTimer.singleShot(300, loop.quit)  # let the queued searches arrive

    def bill(s: Session, progress: Progress) -> BillingResult:
        return run_billing(s, month, on_chunk=lambda done: progress.update(done, None, "billing"))

    def billed(result: BillingResult) -> None:
        run.billing_done = time.perf_counter()
        run.billing = result
        finish_when_done()

    def billing_failed(_exc: BaseException) -> bool:
        run.billing_done = time.perf_counter()
        finish_when_done()
        return False  # the common handler records it in ctx.errors

    def pay() -> None:
        run.payment_submitted = time.perf_counter()

        def paid(_result: object) -> None:
            run.payment_done = time.perf_counter()
            run.payment_ok = True
            finish_when_done()

        def pay_failed(_exc: BaseException) -> bool:
            run.payment_done = time.perf_counter()
            finish_when_done()
            return False

        ctx.op(
            lambda s: take_payment(s, unit_id=unit_id, amount_fen=10_000, method="cash"),
            changes=Changes(fees=True, payments=True),
            parent=window,
            action="take payment",
        ).success(paid).failure(pay_failed).run()

    def start() -> None:
        run.billing_started = time.perf_counter()
        ctx.long_op(
            bill, label="Billing…", changes=Changes(fees=True), parent=window, action="run billing"
        ).success(billed).failure(billing_failed).run()
        typing.start()
        QTimer.singleShot(PAY_AFTER_MS, pay)

    tick.start()
    QTimer.singleShot(200, start)  # a quiet moment first, so the loop is warm
    QTimer.singleShot(300_000, loop.quit)  # a watchdog: never hang
    loop.exec()
    run.ended = time.perf_counter()
    tick.stop()
    executor.wait()
    app.processEvents()
    window.close()
    window.deleteLater()
    return run, ctx


def _count_search(run: Run) -> None:
    run.searches_delivered += 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--units", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--smoke", action="store_true", help="the smallest configuration, once (smoke test)"
    )
    args = parser.parse_args(argv)
    if args.smoke:
        args.units = 50
        args.repeat = 1
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    ok = True
    with tempfile.TemporaryDirectory() as tmpdir:
        db = fresh_database(Path(tmpdir) / "stall.sqlite3")
        _setup(db, args.units)
        with db.begin(Actor.system()) as s:
            run_billing(s, PRE_BILLED)
        unit_id = _unit_with_owed_lines(db)
        months = ["2025-02", "2025-03", "2025-04", "2025-05", "2025-06"][: args.repeat]
        worst: list[float] = []
        print(f"billing run of {args.units:,} units on the worker; typing {TYPED!r} and a payment")
        for month in months:
            run, ctx = measure(app, db, month, unit_id)
            gaps = run.gaps_ms()
            longest = max(gaps, default=0.0)
            worst.append(longest)
            billing_s = run.billing_done - run.billing_started
            queued = run.payment_done > run.billing_done
            errors = [f.message for f in ctx.errors.shown]
            lines = run.billing.lines_created if run.billing else 0
            over = sum(1 for g in gaps if g > TARGET_MS)
            print(
                f"  {month}: run {billing_s:6.2f} s ({lines:,} lines); ticks {len(gaps):5d}, "
                f"median gap {statistics.median(gaps) if gaps else 0:5.1f} ms, "
                f"longest {longest:6.1f} ms ({longest / TARGET_MS:4.2f}x of 50 ms), "
                f"gaps > 50 ms: {over}"
            )
            print(
                f"         payment: submitted +{(run.payment_submitted - run.billing_started) * 1000:.0f} ms, "
                f"done +{(run.payment_done - run.billing_started) * 1000:.0f} ms, "
                f"after the run: {'yes' if queued else 'NO'}, ok: {'yes' if run.payment_ok else 'NO'}; "
                f"keys typed {run.keys_typed}, search results shown {run.searches_delivered}; "
                f"errors: {errors or 'none'}"
            )
            ok = ok and queued and run.payment_ok and not errors and run.billing is not None
        db.dispose()
    longest = statistics.median(worst)
    met = longest <= TARGET_MS
    print(
        f"longest event-loop stall (median of {len(worst)} runs): {longest:.1f} ms = "
        f"{longest / TARGET_MS:.2f}x the 50 ms target: {'met' if met else 'MISSED'}; "
        f"payment queued after the run, no error: {'yes' if ok else 'NO'}"
    )
    if not ok:
        return 2
    return 0 if met or args.smoke else 1


if __name__ == "__main__":
    raise SystemExit(main())
