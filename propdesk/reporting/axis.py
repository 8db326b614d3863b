"""Value axes for counts and money: whole steps (1, 2, 5 × 10ⁿ), never "0, 0, 1, 1"."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Axis:
    """``0 … top`` in steps of ``step`` (a whole number); ``ticks`` labels including 0."""

    top: int
    step: int

    @property
    def ticks(self) -> int:
        return self.top // self.step + 1

    def values(self) -> list[int]:
        return list(range(0, self.top + 1, self.step))


def integer_axis(largest: float, *, max_steps: int = 5) -> Axis:
    """The axis for values up to ``largest``: at most ``max_steps`` whole steps of 1, 2 or 5
    times a power of ten, reaching at least ``largest`` (an empty chart gets 0…1)."""
    top = max(int(-(-largest // 1)), 1)  # ceil, at least 1
    magnitude = 1
    while True:
        for m in (1, 2, 5):
            step = m * magnitude
            if step * max_steps >= top:
                return Axis(top=-(-top // step) * step, step=step)
        magnitude *= 10


def thousands(value: float) -> str:
    """A whole number with thousands separators: ``12345`` → ``12,345``."""
    return f"{round(value):,}"
