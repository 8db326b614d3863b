"""The pure rules of fee standards: which rate a unit pays, and a line's amount.

**Which rate applies** (:func:`pick_rate`): among an item's rates whose
``effective_from`` is not after the day and whose scope matches the unit (an empty field
matches anything; a floor range includes both ends), the most specific wins:

1. a rate naming the building beats one that does not;
2. then one naming the unit type;
3. then one with a floor range, the narrower range first;
4. among equally specific rates, the newest ``effective_from``.

So a scoped rate stays in force until a rate of the same (or a more specific) scope
replaces it, whatever the estate-wide rate does meanwhile. "No lift fee on floors 1–2"
is a rate of 0 for floors 1..2: a zero amount is never billed.

**A line's amount** (:func:`line_amount`): quantity (hundredths) × rate × (100 −
vacant discount %) / 100, rounded half up once, to the item's step (fen, jiao or yuan).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from propdesk.fees.models import Rounding
from propdesk.fees.rounding import round_half_up

ROUNDING_STEP_FEN: dict[Rounding, int] = {Rounding.FEN: 1, Rounding.JIAO: 10, Rounding.YUAN: 100}


@dataclass(frozen=True)
class ScopedRate:
    """One rate row as the rules see it (scope fields empty = any)."""

    effective_from: date
    rate_fen: int
    building_id: int | None = None
    unit_type: str = ""
    floor_from: int | None = None
    floor_to: int | None = None

    def matches(self, building_id: int, unit_type: str, floor: int) -> bool:
        if self.building_id is not None and self.building_id != building_id:
            return False
        if self.unit_type and self.unit_type != unit_type:
            return False
        if self.floor_from is not None and floor < self.floor_from:
            return False
        return not (self.floor_to is not None and floor > self.floor_to)

    def specificity(self) -> tuple[int, int, int, int]:
        """Sort key: bigger is more specific (see the module docstring)."""
        ranged = self.floor_from is not None or self.floor_to is not None
        width = (self.floor_to if self.floor_to is not None else 999) - (
            self.floor_from if self.floor_from is not None else -99
        )
        return (
            int(self.building_id is not None),
            int(bool(self.unit_type)),
            int(ranged),
            -width if ranged else 0,
        )


def pick_rate(
    rates: Iterable[ScopedRate], day: date, *, building_id: int, unit_type: str, floor: int
) -> ScopedRate | None:
    """The rate a unit pays on ``day`` (``None``: no rate of the item covers it yet)."""
    best: ScopedRate | None = None
    best_key: tuple[tuple[int, int, int, int], date] | None = None
    for r in rates:
        if r.effective_from > day or not r.matches(building_id, unit_type, floor):
            continue
        key = (r.specificity(), r.effective_from)
        if best_key is None or key > best_key:
            best, best_key = r, key
    return best


def line_amount(
    quantity_centi: int,
    rate_fen: int,
    *,
    discount_pct: int = 0,
    rounding: Rounding | str = Rounding.FEN,
) -> int:
    """Fen for ``quantity_centi`` hundredths at ``rate_fen``, less ``discount_pct`` percent,
    rounded half up to the item's step (one rounding, no rounding of rounded values)."""
    if not 0 <= discount_pct <= 100:
        raise ValueError("discount_pct must be 0..100")
    step = ROUNDING_STEP_FEN[Rounding(rounding)]
    exact_numerator = quantity_centi * rate_fen * (100 - discount_pct)  # fen × 10_000
    return round_half_up(exact_numerator, 10_000 * step) * step
