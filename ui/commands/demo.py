"""``propdesk demo --units N [--seed S] [--db PATH]``: fill an empty database with a demo estate.

Progress goes to stderr, the summary to stdout. A database that already holds an
estate is refused (exit code 2), as are a bad unit count and an unusable ``--db``.
A new, empty database needs no login (the demo creates its users, with the passwords of
``docs/demo_users.md``); a database that already has users needs an administrator's login.
"""

from __future__ import annotations

import argparse
import sys
from contextlib import AbstractContextManager, nullcontext
from datetime import date
from typing import Any

from propdesk import clock
from propdesk.db.engine import Database
from propdesk.demo.build import MAX_UNITS, MIN_UNITS, DemoSummary, generate_demo, validate_units
from ui.commands.db import open_db_or_fail, shown_url


def register(sub: Any) -> None:
    from ui.cli import add_db_option

    p = sub.add_parser(
        "demo",
        help="build a realistic demo estate in an empty database",
        description="Build a demo estate (towers, units, parking, owners, tenants, families, "
        "occupancy history) plus the demo data of every module, in one transaction: an "
        "interrupted run leaves the database unchanged. Refuses a database that already "
        "has an estate.",
        epilog="Example: propdesk demo --units 5000 --db demo.sqlite3",
    )
    p.add_argument(
        "--units",
        type=int,
        required=True,
        metavar="N",
        help=f"number of units ({MIN_UNITS}–{MAX_UNITS:,})",
    )
    p.add_argument("--seed", type=int, default=1, help="random seed; same seed, same estate")
    p.add_argument(
        "--estate-name",
        default="翠湖花园",
        metavar="NAME",
        help="name of the estate (default 翠湖花园)",
    )
    p.add_argument(
        "--today",
        type=_iso_date,
        metavar="YYYY-MM-DD",
        help="the date the demo treats as today (default: today)",
    )
    add_db_option(p)
    p.set_defaults(func=_demo)


EARLIEST_TODAY = date(2000, 1, 1)
LATEST_TODAY = date(2100, 12, 31)


def _iso_date(text: str) -> date:
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期应为 YYYY-MM-DD：{text}") from None
    if not EARLIEST_TODAY <= day <= LATEST_TODAY:
        raise argparse.ArgumentTypeError(
            f"日期应在 {EARLIEST_TODAY.isoformat()} 到 {LATEST_TODAY.isoformat()} 之间：{text}"
        )
    return day


class _Progress:
    """Prints ``[ 42%] text`` to stderr when the text changes or every 10%."""

    def __init__(self) -> None:
        self._text = ""
        self._tenth = -1

    def __call__(self, fraction: float, text: str) -> None:
        tenth = int(fraction * 10)
        if text != self._text or tenth > self._tenth:
            self._text, self._tenth = text, tenth
            print(f"[{fraction * 100:3.0f}%] {text}", file=sys.stderr, flush=True)


def _demo(args: argparse.Namespace) -> int:
    validate_units(args.units)  # before touching the database
    # With --today the whole build runs on a clock fixed on that day, so every timestamp
    # derives from it: the same --today and --seed write the same rows on any day.
    fixed: AbstractContextManager[object] = (
        clock.installed(clock.fixed_at_local(args.today)) if args.today else nullcontext()
    )
    with fixed:
        db = open_db_or_fail(args)
        try:
            _login_unless_new(args, db)
            summary = generate_demo(
                db,
                units=args.units,
                seed=args.seed,
                estate_name=args.estate_name,
                today=args.today,
                progress=_Progress(),
            )
        finally:
            db.dispose()
    print(format_summary(summary, shown_url(db.url)))
    return 0


def _login_unless_new(args: argparse.Namespace, db: Database) -> None:
    """A database with users is someone's: only its administrator may fill it."""
    from propdesk.auth.permissions import Permission, require
    from propdesk.auth.users import has_users
    from ui.commands.login import login

    with db.begin(write=False) as session:
        if not has_users(session):
            return
    require(login(args, db), Permission.MANAGE_USERS)


def format_summary(summary: DemoSummary, where: str) -> str:
    """The lines printed after a successful build."""
    rows = "，".join(f"{name} {n:,}" for name, n in summary.table_counts)
    return "\n".join(
        (
            f"已生成演示小区「{summary.estate_name}」，用时 {summary.seconds:.1f} 秒：",
            f"  楼栋 {summary.buildings} 栋，房屋 {summary.units:,} 套"
            f"（空置 {summary.vacant_units:,}，出租 {summary.rented_units:,}），"
            f"车位 {summary.parking_spaces:,} 个",
            f"  住户 {summary.people:,} 人，入住记录 {summary.occupancies:,} 条"
            f"（其中已结束 {summary.past_occupancies:,} 条）",
            f"  各表行数：{rows}",
            f"  数据库：{where}",
        )
    )
