"""Plain values returned by the fee services (never ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from propdesk.fees.models import ItemKind


@dataclass(frozen=True)
class FeeItemInfo:
    id: int
    code: str
    name: str
    kind: ItemKind
    meter_kind: str
    active: bool
    sort_key: int


@dataclass(frozen=True)
class RateInfo:
    id: int
    item_code: str
    item_name: str
    effective_from: date
    rate_fen: int
