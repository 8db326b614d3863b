"""Input checks shared by the feature services; each raises ``ValidationError(field, msg)``."""

from __future__ import annotations

from propdesk.errors import ValidationError

MAX_AMOUNT_FEN = 100_000_000  # 100 万元: anything above is a typing slip


def clean_text(value: str | None, field: str, limit: int, required: str = "") -> str:
    """``value`` stripped; ``required`` (the message) refuses an empty one; at most ``limit``."""
    out = (value or "").strip()
    if required and not out:
        raise ValidationError(field, required)
    if len(out) > limit:
        raise ValidationError(field, f"不能超过{limit}个字。")
    return out


def fen_amount(value: object, field: str, label: str, *, allow_zero: bool = True) -> int:
    """An amount in integer fen, 0 (unless ``allow_zero`` is False) up to ``MAX_AMOUNT_FEN``."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(field, f"{label}金额不正确。")
    if value < 0 or (value == 0 and not allow_zero):
        raise ValidationError(field, f"{label}金额必须大于 0。")
    if value > MAX_AMOUNT_FEN:
        raise ValidationError(field, f"{label}金额过大，请检查。")
    return value
