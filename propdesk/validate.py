"""Input checks shared by the feature services; each raises ``ValidationError(field, msg)``.

Text is checked here, in the services, so both databases accept the same input: SQLite
would store a 10 kB building name or a NUL byte that PostgreSQL refuses with a raw
``DataError``. :func:`clean_column` takes the limit from the model's column itself.
"""

from __future__ import annotations

from typing import Any

from propdesk.errors import ValidationError

MAX_AMOUNT_FEN = 100_000_000  # 100 万元: anything above is a typing slip
# Unbounded (``Text``) columns: notes and descriptions. Enough for a page of notes.
TEXT_LIMIT = 10_000


def clean_text(
    value: str | None, field: str, limit: int, required: str = "", *, label: str = ""
) -> str:
    """``value`` stripped; ``required`` (the message) refuses an empty one; at most ``limit``
    characters; never a NUL byte (PostgreSQL cannot store one). ``label`` names the field
    in the message (e.g. ``"楼栋名称"`` → "楼栋名称不能超过 50 个字。")."""
    out = (value or "").strip()
    if "\x00" in out:
        raise ValidationError(field, f"{label}含有无法保存的空字符（\\0），请删除后重新输入。")
    if required and not out:
        raise ValidationError(field, required)
    if len(out) > limit:
        raise ValidationError(field, f"{label}不能超过 {limit} 个字。")
    return out


def column_limit(column: Any) -> int:
    """The most characters ``column`` (a model attribute such as ``Building.name``) holds:
    its ``String(n)`` length, or :data:`TEXT_LIMIT` for ``Text``."""
    length = getattr(getattr(column, "type", None), "length", None)
    return int(length) if length else TEXT_LIMIT


def clean_column(
    value: str | None, column: Any, field: str = "", required: str = "", *, label: str = ""
) -> str:
    """:func:`clean_text` with the limit of the model's ``column`` (``field``: its name)."""
    return clean_text(
        value, field or str(getattr(column, "key", "")), column_limit(column), required, label=label
    )


def fen_amount(value: object, field: str, label: str, *, allow_zero: bool = True) -> int:
    """An amount in integer fen, 0 (unless ``allow_zero`` is False) up to ``MAX_AMOUNT_FEN``."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(field, f"{label}金额不正确。")
    if value < 0 or (value == 0 and not allow_zero):
        raise ValidationError(field, f"{label}金额必须大于 0。")
    if value > MAX_AMOUNT_FEN:
        raise ValidationError(field, f"{label}金额过大，请检查。")
    return value
