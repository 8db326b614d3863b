"""When is the next automatic backup due? Pure functions over times and file names."""

from __future__ import annotations

from datetime import datetime, timedelta

DAILY = timedelta(days=1)


def backup_due(last: datetime | None, now: datetime, interval: timedelta = DAILY) -> bool:
    """True when no backup exists yet or the newest one is at least ``interval`` old.

    A newest backup dated in the future (clock changed) also counts as due.
    """
    if last is None:
        return True
    return now - last >= interval or last > now
