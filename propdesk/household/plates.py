"""Mainland licence plates: ``粤B12345`` (province, issuing letter, 5 letters/digits) or a
new-energy ``粤BD12345`` (6). Input is normalised: spaces, dots and dashes dropped, letters
upper-cased (``粤b·123 45`` → ``粤B12345``)."""

from __future__ import annotations

import re

from propdesk.errors import ValidationError

PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
_SEPARATORS = re.compile(r"[\s·.\-_•]")
_PLATE = re.compile(rf"^[{PROVINCES}][A-Z][A-Z0-9]{{5,6}}$")
#: What the search box takes for the start of a plate: a province and its letter.
_PLATE_START = re.compile(rf"^[{PROVINCES}][A-Za-z][A-Za-z0-9·\-\s]{{0,8}}$")
NEW_ENERGY_LENGTH = 8


def normalize_plate(text: str | None) -> str:
    """The plate as stored, without checking its form."""
    return _SEPARATORS.sub("", text or "").upper()


def validate_plate(text: str | None, field: str = "plate") -> str:
    """The normalised plate, or a :class:`ValidationError` a clerk understands."""
    plate = normalize_plate(text)
    if not plate:
        raise ValidationError(field, "请填写车牌号。")
    if plate[0] not in PROVINCES:
        raise ValidationError(
            field, f"车牌“{text}”格式不正确：第一个字应为省份简称，如“粤B12345”。"
        )
    if _PLATE.match(plate):
        return plate
    raise ValidationError(
        field,
        f"车牌“{text}”格式不正确：应为省份简称＋字母＋5位字母或数字（如 粤B12345），"
        "新能源车为6位（如 粤BD12345）。",
    )


def is_new_energy(plate: str) -> bool:
    return len(plate) == NEW_ENERGY_LENGTH


def looks_like_plate(text: str) -> bool:
    """Whether the search box's ``text`` could be the start of a plate (``粤B``, ``粤B123``)."""
    return bool(_PLATE_START.match(text.strip()))
