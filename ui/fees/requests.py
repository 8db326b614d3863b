"""What another view may ask of the fees page (``ctx.hub.open(Navigate("fees", ...))``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class ArrearsRequest:
    """Show the arrears list on ``as_of`` (``None``: today), overdue at least ``min_days``,
    with the building, unit and amount filters cleared."""

    as_of: date | None = None
    min_days: int = 0


@dataclass(frozen=True)
class CollectionRequest:
    """Show the collection rate of ``period`` (``YYYY-MM``) by building, ``building``'s row
    selected if given."""

    period: str
    building: str | None = None
