"""The ticket board over 200,000 tickets, and opening a ticket page, vs raw sqlite3.

    python benchmarks/bench_tickets.py [--tickets 200000] [--repeat 7] [--keep FILE]

Builds a demo estate (registry + users) and the service-desk demo step scaled to
``--tickets`` tickets (a year and more of them, every state, ~6 timeline events each).
Times what the clerk does on the board — each filter change reloads the first batch of
200 rows *and* recounts per status (one grouped query), exactly what
``TicketBoard.apply_filters`` runs — and opening a ticket page (the detail query and
the whole widget built). Raw: the statements PropDesk sent, captured from the engine
and replayed on a plain sqlite3 connection. Target: < 100 ms per filter change and per
ticket page.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from _common import captured_sql, fresh_database, median_seconds, ratio_line, raw_connection, replay

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from propdesk import clock
from propdesk.auth.actor import Actor, Role
from propdesk.auth.demo import build_users
from propdesk.clock import local_date
from propdesk.config import Settings
from propdesk.db.engine import Database, open_database
from propdesk.demo.registry import build_registry
from propdesk.demo.steps import DemoContext
from propdesk.tickets import demo as ticket_demo
from propdesk.tickets.models import Staff, Ticket, TicketCategory
from propdesk.tickets.queries import ticket_detail
from ui.context import AppContext
from ui.events import ChangeHub
from ui.tickets.board import TicketBoard
from ui.tickets.ticket_page import TicketPage

TARGET_MS = 100.0


class DeferredExecutor:
    """Keeps submitted work (the board's counts) until :meth:`run` — so the list reload
    and the background counts are timed separately, as the app runs them."""

    def __init__(self) -> None:
        self.pending: list[tuple[Callable[[], object], Callable[[object], None] | None]] = []

    def submit(self, op, *, success=None, failure=None) -> None:  # type: ignore[no-untyped-def]
        self.pending.append((op, success))

    def run(self) -> None:
        work, self.pending = self.pending, []
        for op, success in work:
            result = op()
            if success is not None:
                success(result)


UNITS = 20_000


def build(path: Path, tickets: int, units: int = UNITS) -> Database:
    """A demo estate of ``units`` units with ``tickets`` tickets (reused when already there)."""
    if path.exists():
        db = open_database(f"sqlite:///{path}")
        with db.session_factory() as s:
            if (s.scalar(select(func.count(Ticket.id))) or 0) >= tickets:
                return db
        db.dispose()
    db = fresh_database(path)
    t0 = time.perf_counter()
    with db.begin(Actor.system()) as s:
        ctx = DemoContext(rng=random.Random(1), today=clock.today(), units=units)
        build_registry(s, ctx)
        build_users(s, ctx)
        unit_ids = list(ctx.info["unit_ids"])  # type: ignore[call-overload]
        needed = round(tickets / ticket_demo.TICKETS_PER_UNIT)
        ctx.info["unit_ids"] = (unit_ids * (needed // len(unit_ids) + 1))[:needed]
        ticket_demo.build_tickets(s, ctx)
    print(f"built {tickets:,} tickets in {time.perf_counter() - t0:.1f} s")
    return db


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tickets", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="database file to keep and reuse")
    parser.add_argument(
        "--smoke", action="store_true", help="the smallest configuration, once (smoke test)"
    )
    args = parser.parse_args(argv)
    if args.smoke:
        args.tickets = 500
        args.repeat = 1
    app = QApplication([])  # noqa: F841 - widgets need it alive
    with tempfile.TemporaryDirectory(prefix="propdesk-bench-") as tmp:
        path = args.keep or Path(tmp) / "tickets.sqlite3"
        db = build(path, args.tickets, 200 if args.smoke else UNITS)
        raw = raw_connection(path)
        actor = Actor(user_id=None, username="clerk", display_name="前台", role=Role.CLERK)
        executor = DeferredExecutor()
        ctx = AppContext(
            db=db, actor=actor, settings=Settings(), executor=executor, hub=ChangeHub()
        )
        board = TicketBoard(ctx=ctx)
        with db.session_factory() as s:
            total = s.scalar(select(func.count(Ticket.id))) or 0
            plumbing = s.scalar(select(TicketCategory.id).where(TicketCategory.code == "plumbing"))
            staff = s.scalar(select(Staff.id).order_by(Staff.id))
            sample = list(s.scalars(select(Ticket.id).order_by(func.random()).limit(50)))

        def quiet(fn: Callable[[], object]) -> None:
            widgets = (
                board.kind,
                board.status,
                board.category,
                board.assignee,
                board.overdue,
                board.use_dates,
                board.date_from,
                board.date_to,
                board.text,
            )
            for w in widgets:
                w.blockSignals(True)
            try:
                fn()
            finally:
                for w in widgets:
                    w.blockSignals(False)

        def reset() -> None:
            def clear() -> None:
                for combo in (board.kind, board.status, board.category, board.assignee):
                    combo.setCurrentIndex(0)
                board.overdue.setChecked(False)
                board.use_dates.setChecked(False)
                board.text.setText("")

            quiet(clear)
            executor.pending.clear()

        def change(fn: Callable[[], object]) -> Callable[[], None]:
            """One filter change: set the widgets, then the board's one reload."""

            def go() -> None:
                quiet(fn)
                board.apply_filters()

            return go

        def pick(combo: object, value: object) -> Callable[[], None]:
            return change(lambda: combo.setCurrentIndex(combo.findData(value)))  # type: ignore[attr-defined]

        def text(value: str) -> Callable[[], None]:
            return change(lambda: board.text.setText(value))

        def last_30_days() -> None:
            today = local_date(clock.now())
            board.use_dates.setChecked(True)
            board.date_from.setDate(QDate(today - timedelta(days=30)))
            board.date_to.setDate(QDate(today))

        def repair_closed_last_30_days() -> None:
            board.kind.setCurrentIndex(board.kind.findData("repair"))
            board.status.setCurrentIndex(board.status.findData("closed"))
            last_30_days()

        actions: list[tuple[str, Callable[[], object]]] = [
            ("all tickets (no filter)", board.apply_filters),
            ("kind: complaints", pick(board.kind, "complaint")),
            ("status: open (not done)", pick(board.status, "open")),
            ("status: closed", pick(board.status, "closed")),
            ("category: plumbing", pick(board.category, plumbing)),
            ("assignee: one staff member", pick(board.assignee, f"s:{staff}")),
            ("assignee: cleaning department", pick(board.assignee, "d:cleaning")),
            ("overdue only", change(lambda: board.overdue.setChecked(True))),
            ("registered in the last 30 days", change(last_30_days)),
            ("text: 漏水 (description)", text("漏水")),
            ("text: unit code 3-2-", text("3-2-")),
            ("text: number BX2026", text("BX2026")),
            ("text: 1502 (unit code inside the text)", text("1502")),
            ("repair + closed + last 30 days", change(repair_closed_last_30_days)),
        ]
        print(f"ticket board over {total:,} tickets (SQLite), median of {args.repeat}")
        print("each filter change: the list reload (first 200 rows, on the UI thread), then the")
        print("per-status and overdue counts (run on the executor, off the UI thread)")
        worst = 0.0
        for label, action in actions:
            reset()
            action()  # warm
            executor.run()
            reset()
            with captured_sql(db.engine) as list_sql:
                action()
            with captured_sql(db.engine) as count_sql:
                executor.run()
            list_times, count_times = [], []
            for _ in range(args.repeat):
                reset()
                t0 = time.perf_counter()
                action()
                t1 = time.perf_counter()
                executor.run()
                t2 = time.perf_counter()
                list_times.append(t1 - t0)
                count_times.append(t2 - t1)
            for part, times, sql in (
                ("list", list_times, list_sql),
                ("counts", count_times, count_sql),
            ):
                selects = [st for st in sql if st[0].lstrip().upper().startswith("SELECT")]
                ours = statistics.median(times)
                theirs = median_seconds(lambda st=selects: replay(raw, st), args.repeat)
                print(ratio_line(f"{label} [{part}]", ours, theirs))
                if part == "list":
                    worst = max(worst, ours)

        ids = iter(sample * 6)
        pages: list[TicketPage] = []

        def open_page() -> None:
            pages.append(TicketPage(ctx=ctx, ticket_id=next(ids)))

        def detail() -> None:
            with ctx.db.begin(ctx.actor) as s:
                ticket_detail(s, next(ids))

        for label, action in (
            ("ticket page: the detail query", detail),
            ("ticket page: query + widget shown", open_page),
        ):
            action()
            with captured_sql(db.engine) as statements:
                action()
            page_raw = median_seconds(lambda st=statements: replay(raw, st), args.repeat)
            page_ours = median_seconds(action, args.repeat)
            print(ratio_line(label, page_ours, page_raw))
        worst_page = page_ours
        pages.clear()
        raw.close()
        db.dispose()
    print(
        f"slowest list reload {worst * 1000:.1f} ms, ticket page {worst_page * 1000:.1f} ms; "
        f"target < {TARGET_MS:.0f} ms: {'met' if max(worst, worst_page) * 1000 < TARGET_MS else 'MISSED'}"
    )
    # Skip interpreter teardown of Qt objects (PySide6 can crash while finalizing).
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    raise SystemExit(main())
