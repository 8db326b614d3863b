"""Month choices for the team page (``YYYY-MM``), counted from the database's today."""

from __future__ import annotations

from datetime import date


def shift_month(day: date, months: int) -> tuple[int, int]:
    """The (year, month) ``months`` after (or before) ``day``'s month."""
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def month_choices(today: date, *, back: int, ahead: int) -> list[str]:
    """``YYYY-MM`` from ``back`` months ago to ``ahead`` months on, newest first."""
    out = []
    for n in range(ahead, -back - 1, -1):
        year, month = shift_month(today, n)
        out.append(f"{year:04d}-{month:02d}")
    return out
