"""Small helpers shared by the desk services: who, the local day."""

from __future__ import annotations

from propdesk.clock import local_date, local_midnight
from propdesk.session_info import actor_or_system as actor_of
from propdesk.validate import clean_text as clean

__all__ = [
    "actor_of",
    "clean",
    "local_date",
    "local_midnight",
]
