"""``propdesk check money`` over the 5,000-unit demo year.

    python benchmarks/bench_check_money.py [--units 5000] [--repeat 3] [--db FILE] [--smoke]

A demo estate with a year of data (``generate_demo``, today = 2026-11-20) is built once
into a fresh SQLite file (``--db`` reuses one already built). Then, medians of
``--repeat`` runs:

* **check_money** (:func:`propdesk.fees.invariant.check_money` in one read transaction)
  vs the very SQL it sent, replayed on plain ``sqlite3``;
* **the command** (``propdesk check money --db …``: open the database, check, print), the
  figure the target applies to: under 2 s.

``--smoke`` uses 50 units and one run.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

from _common import (
    captured_sql,
    demo_arguments,
    kept_or_new_demo,
    median_seconds,
    ratio_line,
    raw_connection,
    replay,
)
from sqlalchemy import func, select

from propdesk.db.engine import Database
from propdesk.fees.invariant import Problem, check_money
from propdesk.fees.models import Allocation, BillLine, Payment

TODAY = date(2026, 11, 20)
TARGET_S = 2.0


def _check(db: Database) -> list[Problem]:
    with db.begin(write=False) as s:
        return check_money(s)


def _command(url: str) -> int:
    from ui.cli import main

    with contextlib.redirect_stdout(io.StringIO()):
        # as the demo's admin (every data command logs in; demo passwords are in the README)
        os.environ["PROPDESK_PASSWORD"] = "admin123"
        return main(["--db", url, "--user", "admin", "check", "money"])


def main(argv: list[str] | None = None) -> int:
    args = demo_arguments(argv)
    tmp = tempfile.TemporaryDirectory()
    path, db = kept_or_new_demo(args.db, Path(tmp.name), args.units, TODAY)
    url = f"sqlite:///{path}"

    with db.begin(write=False) as s:
        lines = s.scalar(select(func.count()).select_from(BillLine))
        allocations = s.scalar(select(func.count()).select_from(Allocation))
        payments = s.scalar(select(func.count()).select_from(Payment))
    problems = _check(db)  # warm caches once, as a running desk would be
    with captured_sql(db.engine) as statements:
        _check(db)
    raw = raw_connection(path)
    print(
        f"{lines:,} bill lines, {allocations:,} allocations, {payments:,} payments;"
        f" {len(statements)} statements; {len(problems)} problems"
    )

    ours = median_seconds(lambda: _check(db), args.repeat)
    bare = median_seconds(lambda: replay(raw, statements), args.repeat)
    exit_codes: list[int] = []
    command = median_seconds(lambda: exit_codes.append(_command(url)), args.repeat)
    print(ratio_line("check_money (one read transaction)", ours, bare))
    print(ratio_line("propdesk check money (whole command)", command, bare))
    verdict = "met" if command < TARGET_S else "MISSED"
    print(f"target: the command under {TARGET_S:.0f} s: {verdict} ({command:.2f} s)")
    raw.close()
    db.dispose()
    tmp.cleanup()
    if problems or set(exit_codes) != {0}:
        print("the demo breaks the money invariant:", *(p.message for p in problems[:5]), sep="\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
