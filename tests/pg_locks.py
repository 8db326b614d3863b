"""Races between two desks on PostgreSQL: wait until the second desk is queued on a lock."""

from __future__ import annotations

import time

from sqlalchemy import text

from propdesk.db.engine import Database


def wait_for_lock_waiter(db: Database, timeout: float = 10.0) -> None:
    """Return once another session of this database waits on a lock."""
    deadline = time.monotonic() + timeout
    sql = text(
        "SELECT count(*) FROM pg_stat_activity "
        "WHERE datname = current_database() AND wait_event_type = 'Lock'"
    )
    while time.monotonic() < deadline:
        with db.engine.connect() as conn:
            if conn.execute(sql).scalar_one():
                return
        time.sleep(0.01)
    raise AssertionError("the second desk never waited for the first desk's lock")
