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
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from _common import captured_sql, fresh_database, median_seconds, ratio_line, raw_connection, replay

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from propdesk.auth.actor import Actor, Role
from propdesk.auth.demo import build_users
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
from ui.worker import InlineExecutor

TARGET_MS = 100.0
UNITS = 20_000


def build(path: Path, tickets: int) -> Database:
    """A demo estate of 20,000 units with ``tickets`` tickets (reused when already there)."""
    if path.exists():
        db = open_database(f"sqlite:///{path}")
        with db.session_factory() as s:
            if (s.scalar(select(func.count(Ticket.id))) or 0) >= tickets:
                return db
        db.dispose()
    db = fresh_database(path)
    t0 = time.perf_counter()
    with db.begin(Actor.system()) as s:
        ctx = DemoContext(rng=random.Random(1), today=date.today(), units=UNITS)
        build_registry(s, ctx)
        build_users(s, ctx)
        unit_ids = list(ctx.info["unit_ids"])  # type: ignore[call-overload]
        needed = round(tickets / ticket_demo.TICKETS_PER_UNIT)
        ctx.info["unit_ids"] = (unit_ids * (needed // len(unit_ids) + 1))[:needed]
        ticket_demo.build_tickets(s, ctx)
    with db.engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
    print(f"built {tickets:,} tickets in {time.perf_counter() - t0:.1f} s")
    return db


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tickets", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="database file to keep and reuse")
    args = parser.parse_args()
    app = QApplication([])
    with tempfile.TemporaryDirectory(prefix="propdesk-bench-") as tmp:
        path = args.keep or Path(tmp) / "tickets.sqlite3"
        db = build(path, args.tickets)
        raw = raw_connection(path)
        actor = Actor(user_id=None, username="clerk", display_name="前台", role=Role.CLERK)
        ctx = AppContext(
            db=db, actor=actor, settings=Settings(), executor=InlineExecutor(), hub=ChangeHub()
        )
        board = TicketBoard(ctx=ctx)
        with db.session_factory() as s:
            total = s.scalar(select(func.count(Ticket.id))) or 0
            plumbing = s.scalar(select(TicketCategory.id).where(TicketCategory.code == "plumbing"))
            staff = s.scalar(select(Staff.id).order_by(Staff.id))
            sample = list(s.scalars(select(Ticket.id).order_by(func.random()).limit(50)))

        def reset() -> None:
            for combo in (board.kind, board.status, board.category, board.assignee):
                combo.blockSignals(True)
                combo.setCurrentIndex(0)
                combo.blockSignals(False)
            for box in (board.overdue, board.use_dates):
                box.blockSignals(True)
                box.setChecked(False)
                box.blockSignals(False)
            board.text.setText("")

        def pick(combo: object, value: object) -> Callable[[], None]:
            def go() -> None:
                combo.setCurrentIndex(combo.findData(value))  # type: ignore[attr-defined]
                board.apply_filters()

            return go

        def check(box: object) -> Callable[[], None]:
            def go() -> None:
                box.setChecked(True)  # type: ignore[attr-defined]  # toggled → apply_filters

            return go

        def text(value: str) -> Callable[[], None]:
            def go() -> None:
                board.text.setText(value)
                board.apply_filters()

            return go

        def last_30_days() -> None:
            today = date.today()
            board.date_from.blockSignals(True)
            board.date_from.setDate(QDate(today - timedelta(days=30)))
            board.date_from.blockSignals(False)
            board.use_dates.setChecked(True)

        def repair_done_this_month() -> None:
            board.kind.setCurrentIndex(board.kind.findData("repair"))
            board.status.blockSignals(True)
            board.status.setCurrentIndex(board.status.findData("closed"))
            board.status.blockSignals(False)
            last_30_days()

        actions: list[tuple[str, Callable[[], object]]] = [
            ("all tickets (no filter)", board.apply_filters),
            ("kind: complaints", pick(board.kind, "complaint")),
            ("status: open (not done)", pick(board.status, "open")),
            ("status: closed", pick(board.status, "closed")),
            ("category: plumbing", pick(board.category, plumbing)),
            ("assignee: one staff member", pick(board.assignee, f"s:{staff}")),
            ("assignee: cleaning department", pick(board.assignee, "d:cleaning")),
            ("overdue only", check(board.overdue)),
            ("registered in the last 30 days", last_30_days),
            ("text: 漏水 (description)", text("漏水")),
            ("text: unit code 3-2-", text("3-2-")),
            ("text: number BX2026", text("BX2026")),
            ("repair + closed + last 30 days", repair_done_this_month),
        ]
        print(f"ticket board over {total:,} tickets (SQLite), median of {args.repeat}")
        worst = 0.0
        for label, action in actions:
            reset()
            action()  # warm
            with captured_sql(db.engine) as statements:
                reset()
                action()
            statements = [st for st in statements if st[0].lstrip().upper().startswith("SELECT")]

            def timed(action: Callable[[], object] = action) -> None:
                reset()
                action()

            ours = median_seconds(timed, args.repeat)
            theirs = median_seconds(lambda st=statements: replay(raw, st), args.repeat)
            worst = max(worst, ours)
            print(ratio_line(label, ours, theirs))

        ids = iter(sample * 6)
        pages: list[TicketPage] = []

        def open_page() -> None:
            pages.append(TicketPage(ctx=ctx, ticket_id=next(ids)))

        def detail() -> None:
            ctx.read(lambda s: ticket_detail(s, next(ids)))

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
        f"slowest filter change {worst * 1000:.1f} ms, ticket page {worst_page * 1000:.1f} ms; "
        f"target < {TARGET_MS:.0f} ms: {'met' if max(worst, worst_page) * 1000 < TARGET_MS else 'MISSED'}"
    )
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
