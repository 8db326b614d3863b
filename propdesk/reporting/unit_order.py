"""Units in natural order for every exported list: 1-1-101 … 1-1-999, 1-1-1001, 2-…, 10-….

A unit code sorted as text puts 1-1-1001 before 1-1-101 and building 10 before building 2.
:func:`natural_key` compares the digit runs of a code as numbers. Rows already grouped by
building (the exports' SQL orders by building first) are re-ordered one building at a time
(:func:`in_unit_order`), so a year of bill lines is never held in memory at once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

R = TypeVar("R")
_RUNS = re.compile(r"(\d+)")


def natural_key(code: str) -> tuple[tuple[int, int, str], ...]:
    """``"1-1-1001"`` → a key that sorts after ``"1-1-101"``; text parts compare as text."""
    return tuple(
        (0, int(part), "") if part.isdigit() else (1, 0, part)
        for part in _RUNS.split(code.strip())
        if part
    )


def in_unit_order(
    rows: Iterable[R], *, building_of: Callable[[R], str], unit_of: Callable[[R], str]
) -> Iterator[R]:
    """``rows`` (grouped by building) with each building's units in natural order.

    The order of the buildings and, within a unit, the order of its rows are kept (a stable
    sort per building).
    """
    keys: dict[str, tuple[tuple[int, int, str], ...]] = {}

    def key(row: R) -> tuple[tuple[int, int, str], ...]:
        code = unit_of(row)
        k = keys.get(code)
        if k is None:
            k = keys[code] = natural_key(code)
        return k

    batch: list[R] = []
    current: str | None = None
    for row in rows:
        building = building_of(row)
        if batch and building != current:
            batch.sort(key=key)
            yield from batch
            batch = []
            keys.clear()
        current = building
        batch.append(row)
    batch.sort(key=key)
    yield from batch
