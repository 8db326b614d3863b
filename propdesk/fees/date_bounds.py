"""Sane bounds for the dates and months people type (a report's month, an as-of day, a range).

Pure functions: the caller passes ``today`` (``clock.today(session)`` or ``clock.today()``).
Each raises :class:`ValidationError` with a Chinese sentence instead of letting an extreme
date (0001-01-01, 9999-12) reach date arithmetic and end in an ``OverflowError``.
"""

from __future__ import annotations

from datetime import date, timedelta

from propdesk.errors import ValidationError
from propdesk.fees.periods import add_months, parse_period, period_of

EARLIEST_DAY = date(2000, 1, 1)
EARLIEST_MONTH = "2000-01"
DAYS_AHEAD = 366
MONTHS_AHEAD = 12


def latest_day(today: date) -> date:
    return today + timedelta(days=DAYS_AHEAD)


def check_day(day: date, today: date, field: str = "date", label: str = "日期") -> date:
    """``day`` if it lies between 2000-01-01 and a year after ``today``."""
    last = latest_day(today)
    if not EARLIEST_DAY <= day <= last:
        raise ValidationError(
            field,
            f"{label} {day.isoformat()} 超出范围：应在 {EARLIEST_DAY.isoformat()} 到 "
            f"{last.isoformat()} 之间。",
        )
    return day


def check_month(text: str, today: date, field: str = "month", label: str = "月份") -> str:
    """``text`` as ``'YYYY-MM'`` if it lies between 2000-01 and twelve months after today's."""
    period = parse_period(text, field)
    last = add_months(period_of(today), MONTHS_AHEAD)
    if not EARLIEST_MONTH <= period <= last:
        raise ValidationError(
            field, f"{label} {period} 超出范围：应在 {EARLIEST_MONTH} 到 {last} 之间。"
        )
    return period


def check_month_range(first: str, last: str, field: str = "to") -> None:
    """Refuse a range whose last month comes before its first."""
    if last < first:
        raise ValidationError(
            field, f"结束月份 {last} 早于开始月份 {first}，请把起止月份对调后再试。"
        )
