"""A row of the prepayment balance list (预收余额表), apart from its query (no SQLAlchemy),
so ``reports/`` takes it as input."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class PrepaidRow:
    building: str
    unit_code: str
    owner: str
    balance_fen: int
    last_moved_on: date
