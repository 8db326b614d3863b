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
#: The shortest end of a plate the search box looks up without the province (``7VGV9``):
#: the five characters after the issuing letter. Shorter text matches too many plates.
MIN_TAIL = 5
_TAIL = re.compile(rf"^[A-Z0-9]{{{MIN_TAIL},7}}$")


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


def looks_like_plate_start(text: str) -> bool:
    """Whether the search box's ``text`` could be the start of a plate (``粤B``, ``粤B123``)."""
    return bool(_PLATE_START.match(text.strip()))


def plate_tail_query(text: str) -> str | None:
    """The end of a plate typed without its province (``c7v gv9``, ``7VGV9``), normalised,
    or None: 5 to 7 letters and digits (the gate cannot always type 粤)."""
    q = normalize_plate(text)
    return q if _TAIL.match(q) else None


def looks_like_plate(text: str) -> bool:
    """Whether the search box's ``text`` could be a plate: its start with the province
    (``粤B123``) or its end without it (``C7VGV9``, ``7VGV9``)."""
    return looks_like_plate_start(text) or plate_tail_query(text) is not None


def plate_search_key(plate: str | None) -> str | None:
    """What ``plate_tail_rev`` stores for a registered plate: the plate without its province,
    reversed (``粤C7VGV9`` → ``9VGV7C``), so "ends with" is an index range; None once removed."""
    return plate[1:][::-1] if plate else None
