"""Billing periods are months written ``'YYYY-MM'`` (stored as a column, never computed in SQL)."""

from __future__ import annotations

import calendar
import re
from datetime import date

from propdesk.errors import ValidationError

_PERIOD = re.compile(r"^(\d{4})-(\d{2})$")


def parse_period(text: str, field: str = "period") -> str:
    """Validate ``'YYYY-MM'`` and return it normalised; raise :class:`ValidationError` otherwise."""
    m = _PERIOD.match((text or "").strip())
    if not m or not 1 <= int(m.group(2)) <= 12 or int(m.group(1)) < 2000:
        raise ValidationError(field, f"账期“{text}”格式不对，应为 年-月，例如 2026-03。")
    return f"{m.group(1)}-{m.group(2)}"


def period_of(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def first_day(period: str) -> date:
    y, m = int(period[:4]), int(period[5:7])
    return date(y, m, 1)


def last_day(period: str) -> date:
    y, m = int(period[:4]), int(period[5:7])
    return date(y, m, calendar.monthrange(y, m)[1])


def add_months(period: str, months: int) -> str:
    y, m = int(period[:4]), int(period[5:7])
    index = y * 12 + (m - 1) + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def periods_between(first: str, last: str) -> list[str]:
    """Every period from ``first`` to ``last`` inclusive (empty when ``last`` is earlier)."""
    out: list[str] = []
    p = first
    while p <= last:
        out.append(p)
        p = add_months(p, 1)
    return out
