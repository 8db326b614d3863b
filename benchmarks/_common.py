"""Shared helpers of the benchmark scripts (run them from the repository root)."""

from __future__ import annotations

import os
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import Engine, event  # noqa: E402

from propdesk.audit.triggers import register_sqlite_functions  # noqa: E402
from propdesk.db.engine import Database, open_database  # noqa: E402
from propdesk.pii import keys as _pii_keys  # noqa: E402

# A throw-away personal-data key: a benchmark never reads or writes the desk's keyring or
# key file (propdesk.pii.keys), unless PROPDESK_PII_KEY says otherwise. It is put in the
# environment too, so the child interpreters a benchmark starts (the fee-sheet export runs
# in one to measure its memory) read the database with the same key.
if not _pii_keys.environment_key():
    _throwaway = _pii_keys.PiiKey.generate("benchmark")
    _pii_keys.install(_throwaway)
    os.environ[_pii_keys.ENV_KEY] = _throwaway.encoded()


def fresh_database(path: Path) -> Database:
    """A new, migrated SQLite database at ``path`` (an existing file is replaced)."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return open_database(f"sqlite:///{path}")


def median_seconds(fn: Callable[[], object], repeat: int) -> float:
    """The median wall time of ``repeat`` calls of ``fn``."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


@contextmanager
def captured_sql(engine: Engine) -> Iterator[list[tuple[str, Any]]]:
    """Record every (SQL, parameters) the engine sends to the driver inside the block."""
    seen: list[tuple[str, Any]] = []

    def _record(
        _conn: Any, _cursor: Any, statement: str, parameters: Any, _ctx: Any, many: bool
    ) -> None:
        if not many and not statement.lstrip().upper().startswith(("BEGIN", "PRAGMA")):
            seen.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", _record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", _record)


def raw_connection(path: Path) -> sqlite3.Connection:
    """A plain sqlite3 connection set up like PropDesk's (WAL, synchronous=NORMAL)."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA foreign_keys=ON")
    # the audit triggers call PropDesk's SQL functions (no actor: rows say "unknown")
    register_sqlite_functions(conn, SimpleNamespace(info={}))
    return conn


def replay(conn: sqlite3.Connection, statements: list[tuple[str, Any]]) -> None:
    """Run the captured statements on a raw connection, fetching every row."""
    for sql, params in statements:
        conn.execute(sql, params).fetchall()


def ratio_line(label: str, ours: float, raw: float, unit: str = "ms") -> str:
    scale = 1000 if unit == "ms" else 1
    return f"{label:<40} {ours * scale:10.2f} {unit}  raw {raw * scale:10.2f} {unit}  ratio {ours / raw:6.1f}x"


def demo_arguments(argv: list[str] | None) -> Any:
    """``--units`` (5,000), ``--repeat`` (3), ``--db`` (a demo kept between runs), ``--smoke``."""
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--db", type=Path, help="a demo database already built (kept)")
    parser.add_argument(
        "--smoke", action="store_true", help="the smallest configuration, once (smoke test)"
    )
    args = parser.parse_args(argv)
    if args.smoke:
        args.units = 50
        args.repeat = 1
    return args


def kept_or_new_demo(
    kept: Path | None, folder: Path, units: int, today: Any
) -> tuple[Path, Database]:
    """Open the demo database ``kept`` when it exists, else build one of ``units`` units there
    (or in ``folder``); returns its path and the open database."""
    from propdesk.demo.build import generate_demo

    if kept is not None and kept.exists():
        return kept, open_database(f"sqlite:///{kept}")
    path = kept or folder / "demo.sqlite3"
    db = fresh_database(path)
    t0 = time.perf_counter()
    generate_demo(db, units=units, seed=1, today=today)
    print(f"demo estate of {units} units built in {time.perf_counter() - t0:.1f} s")
    return path, db
