"""The one rounding rule of fee arithmetic.

Amounts are integer fen. A product with a fractional fen (area in hundredths of m² ×
fen per m², consumption in hundredths × fen per unit) is rounded half up to the fen
(四舍五入到分): ``round_half_up(8956 × 185, 100) == 16569`` (89.56 m² × 1.85 元 = 165.686 元 → 165.69 元).
"""

from __future__ import annotations


def round_half_up(numerator: int, denominator: int) -> int:
    """``numerator / denominator`` rounded half away from zero, in integers only."""
    if denominator <= 0:
        raise ValueError("denominator must be positive")
    sign = -1 if numerator < 0 else 1
    q, r = divmod(abs(numerator), denominator)
    if 2 * r >= denominator:
        q += 1
    return sign * q


def centi_times_rate(quantity_centi: int, rate_fen: int) -> int:
    """Fen for a quantity in hundredths (m², m³, kWh) at ``rate_fen`` per whole unit."""
    return round_half_up(quantity_centi * rate_fen, 100)
