"""Small helpers shared by the desk services: who, when, the local day."""

from __future__ import annotations

from datetime import date

from propdesk.clock import LOCAL_TZ, local_date, local_midnight, local_today, now_or
from propdesk.session_info import actor_or_system as actor_of
from propdesk.validate import clean_text as clean

__all__ = [
    "LOCAL_TZ",
    "actor_of",
    "clean",
    "local_date",
    "local_midnight",
    "now_or",
    "today_or",
]


def today_or(day: date | None) -> date:
    """``day`` or today's local date at the desk."""
    return day if day is not None else local_today()
