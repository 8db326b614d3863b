"""SQLite: a write transaction begins IMMEDIATE, a read one deferred (propdesk.db.engine)."""

from __future__ import annotations

import threading
import time
from typing import Any

from sqlalchemy import event, text

from propdesk.db.engine import Database, open_database


def _begins(db: Database, *, write: bool) -> list[str]:
    seen: list[str] = []

    def record(_c: Any, _cur: Any, statement: str, *_args: Any) -> None:
        if statement.upper().startswith("BEGIN"):
            seen.append(statement.upper())

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        with db.begin(write=write) as s:
            s.execute(text("SELECT 1"))
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
    return seen


def test_write_begins_immediate_read_deferred(sqlite_db: Database) -> None:
    assert _begins(sqlite_db, write=True) == ["BEGIN IMMEDIATE"]
    assert _begins(sqlite_db, write=False) == ["BEGIN"]


def test_writer_waits_for_writer_and_reader_does_not(sqlite_db: Database) -> None:
    """A second writer queues on the busy timeout (no "database is locked"); a reader reads."""
    other = open_database(sqlite_db.url, upgrade=False)
    holding = threading.Event()
    release = threading.Event()

    def first() -> None:
        with sqlite_db.begin() as s:
            s.execute(text("CREATE TABLE IF NOT EXISTS _t (x INTEGER)"))
            s.execute(text("INSERT INTO _t VALUES (1)"))
            holding.set()
            release.wait(10)

    t = threading.Thread(target=first)
    t.start()
    try:
        assert holding.wait(10)
        with other.begin(write=False) as s:  # reads at once, from its snapshot
            s.execute(text("SELECT count(*) FROM sqlite_master")).scalar()
        threading.Timer(0.3, release.set).start()
        t0 = time.perf_counter()
        with other.begin() as s:
            s.execute(text("INSERT INTO _t VALUES (2)"))
        assert time.perf_counter() - t0 >= 0.2  # it waited for the first writer
        with other.begin(write=False) as s:
            assert s.execute(text("SELECT count(*) FROM _t")).scalar() == 2
    finally:
        release.set()
        t.join()
        other.dispose()
