"""Survey figures as text, one way for the screens, the printed report and the workbook:
rounded half up as printed figures are (``4.125`` → ``4.13``, never ``4.12``)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def rounded(value: float, places: int) -> Decimal:
    """``value`` rounded half up to ``places`` decimals."""
    return Decimal(repr(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def mean_text(mean: float | None) -> str:
    """``4.1234`` → ``4.12``; ``None`` → ``—``."""
    return "—" if mean is None else str(rounded(mean, 2))


def pct_text(pct: float | None) -> str:
    """A percentage on 0..100: ``87.5`` → ``87.5%``; ``None`` → ``—``."""
    return "—" if pct is None else f"{rounded(pct, 1)}%"


def change_text(mean: float | None, previous: float | None, *, same: str = "±0.00") -> str:
    """The change of a mean against the previous campaign: ``+0.12``, ``-0.30``, or ``same``
    (the printed report says 持平)."""
    if mean is None or previous is None:
        return "—"
    diff = rounded(mean, 2) - rounded(previous, 2)
    return same if diff == 0 else f"{diff:+}"
