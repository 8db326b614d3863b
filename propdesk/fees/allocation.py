"""The allocation arithmetic: how much of an amount goes to which open bill line.

A pure function over plain values, so the rule can be tested on its own (property tests
in ``tests/propdesk/fees/test_allocation.py``) and shared by payments
(:func:`propdesk.fees.payments.take_payment`) and credit settlement
(:func:`propdesk.fees.credits.apply_credits`). The caller reads and locks the lines, and
writes the result.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class OpenLine:
    """What the arithmetic needs of one bill line."""

    id: int
    due_date: date
    owed_fen: int  # amount − paid − waived


@dataclass(frozen=True)
class Allocated:
    """``take_fen`` of the amount goes to line ``line_id``."""

    line_id: int
    take_fen: int


@dataclass(frozen=True)
class AllocationPlan:
    """The allocations, in the order they were made, and what is left over (kept as credit)."""

    allocations: tuple[Allocated, ...]
    credit_fen: int

    @property
    def allocated_fen(self) -> int:
        return sum(a.take_fen for a in self.allocations)


def oldest_first(lines: Sequence[OpenLine]) -> list[OpenLine]:
    """The lines by due date, then id (the order open lines are settled in)."""
    return sorted(lines, key=lambda line: (line.due_date, line.id))


def allocate(
    amount_fen: int, lines: Sequence[OpenLine], *, picked: Sequence[int] | None = None
) -> AllocationPlan:
    """Spread ``amount_fen`` (>= 0) over ``lines``.

    Without ``picked``: the oldest lines first (:func:`oldest_first`). With ``picked``:
    only those line ids, in the order picked (ids not among ``lines`` are skipped). A line
    gets at most what it owes; lines owing nothing are skipped; what is left is the credit.
    """
    if amount_fen < 0:
        raise ValueError("amount_fen must not be negative")
    if picked is None:
        order = oldest_first(lines)
    else:
        by_id = {line.id: line for line in lines}
        order = [by_id[i] for i in dict.fromkeys(picked) if i in by_id]
    remaining = amount_fen
    out: list[Allocated] = []
    for line in order:
        if remaining <= 0:
            break
        take = min(line.owed_fen, remaining)
        if take <= 0:
            continue
        out.append(Allocated(line.id, take))
        remaining -= take
    return AllocationPlan(tuple(out), remaining)
