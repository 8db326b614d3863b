"""Late fee (滞纳金) arithmetic, in integers.

For each open line: ``days = as_of − due_date − grace_days`` (no fee while ``days ≤ 0``),
``fee = owed × rate_per_10k × days / 10000`` rounded half up to the fen, per line. A
line whose late fee a manager waived carries none.
"""

from __future__ import annotations

from datetime import date

from propdesk.fees.rounding import round_half_up


def late_days(due: date, as_of: date, grace_days: int) -> int:
    return max(0, (as_of - due).days - grace_days)


def late_fee(owed_fen: int, due: date, as_of: date, *, rate_per_10k: int, grace_days: int) -> int:
    """The late fee of one line owed since ``due``, as of ``as_of``."""
    if owed_fen <= 0 or rate_per_10k <= 0:
        return 0
    return round_half_up(owed_fen * rate_per_10k * late_days(due, as_of, grace_days), 10_000)
