"""Meter readings typed as ``123.45`` ↔ hundredths (integers, no float)."""

from __future__ import annotations

import re

from propdesk.errors import ValidationError

_READING = re.compile(r"^\d{1,6}(\.\d{1,2})?$")


def parse_reading(text: str, field: str) -> int | None:
    """``""`` → None; ``"123.4"`` → 12340; anything else raises ValidationError."""
    value = text.strip()
    if not value:
        return None
    if not _READING.match(value):
        raise ValidationError(field, "读数应为数字，最多两位小数。")
    whole, _dot, frac = value.partition(".")
    return int(whole) * 100 + int((frac + "00")[:2])


def show_reading(centi: int | None) -> str:
    return "" if centi is None else f"{centi // 100}.{centi % 100:02d}"
