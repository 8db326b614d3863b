"""Validation rules for registry input. Each raises ValidationError(field, message)."""

from __future__ import annotations

import re
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from propdesk.errors import ValidationError
from propdesk.validate import clean_text

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^0\d{2,3}-?\d{7,8}(-\d{1,5})?$")
_BUILDING_CODE = re.compile(r"^[0-9A-Za-z]{1,4}$")
_ROOM = re.compile(r"^\d{3,5}$")
UNIT_CODE = re.compile(r"^[0-9A-Za-z]{1,4}-\d{1,2}-\d{3,5}$")


def id_check_char(first17: str) -> str:
    total = sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


def normalize_id_number(
    value: str | None, field: str = "id_number", *, today: date | None = None
) -> str | None:
    """Return the upper-cased 18-character resident ID (身份证号), or None if blank.

    ``today`` (the caller's local date) refuses a birth date after it; without it only
    the format, the date itself and the check character are verified.
    """
    if value is None or not value.strip():
        return None
    v = value.strip().upper()
    if len(v) != 18 or not v[:17].isdigit() or not (v[17].isdigit() or v[17] == "X"):
        raise ValidationError(field, "身份证号应为18位：前17位数字，最后一位为数字或X。")
    try:
        born = date(int(v[6:10]), int(v[10:12]), int(v[12:14]))
    except ValueError:
        raise ValidationError(field, f"身份证号中的出生日期 {v[6:14]} 不存在。") from None
    if born.year < 1900 or (today is not None and born > today):
        raise ValidationError(field, f"身份证号中的出生日期 {v[6:14]} 不合理。")
    if id_check_char(v[:17]) != v[17]:
        raise ValidationError(field, "身份证号校验位不正确，请核对是否输错。")
    return v


def normalize_phone(value: str | None, field: str = "phone", *, required: bool = False) -> str:
    """A mobile (11 digits starting 13–19) or a landline with area code; spaces are dropped."""
    v = re.sub(r"[\s()（）]", "", value or "")
    if not v:
        if required:
            raise ValidationError(field, "请填写联系电话。")
        return ""
    if v.startswith("+86"):
        v = v[3:]
    if _MOBILE.match(v) or _LANDLINE.match(v):
        return v
    raise ValidationError(
        field, f"电话号码“{value}”格式不正确：手机为11位数字，座机需带区号（如 0755-12345678）。"
    )


def require_text(value: str | None, field: str, label: str, max_len: int) -> str:
    """Non-empty text of at most ``max_len`` characters, without NUL bytes."""
    return clean_text(value, field, max_len, f"请填写{label}。", label=label)


def validate_building_code(code: str) -> str:
    v = (code or "").strip()
    if not _BUILDING_CODE.match(v):
        raise ValidationError("code", "楼栋编号应为1–4位数字或字母，例如 3 或 A2。")
    return v


def validate_room(room: str) -> str:
    v = (room or "").strip()
    if not _ROOM.match(v):
        raise ValidationError("room", "房号应为3–5位数字，例如 1502。")
    return v


def validate_unit_code(code: str, field: str = "code") -> str:
    v = (code or "").strip()
    if not UNIT_CODE.match(v):
        raise ValidationError(
            field, f"房号“{code}”格式不正确，应为 楼栋-单元-房号，例如 3-2-1502。"
        )
    return v


def parse_area(value: str | Decimal | float | int, field: str = "area") -> int:
    """Parse a gross area in m² (≤ 2 decimals) into hundredths of a m²."""
    try:
        d = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        raise ValidationError(field, f"建筑面积“{value}”不是数字。") from None
    if not d.is_finite() or d <= 0:
        raise ValidationError(field, "建筑面积必须大于0。")
    if d > Decimal("100000"):
        raise ValidationError(field, "建筑面积过大，请核对（单位：平方米）。")
    centi = d * 100
    if centi != centi.to_integral_value():
        raise ValidationError(field, "建筑面积最多保留两位小数。")
    return int(centi.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def validate_dates_in_order(start: date, end: date | None, field: str = "end_date") -> None:
    if end is not None and end < start:
        raise ValidationError(field, f"结束日期 {end:%Y-%m-%d} 早于开始日期 {start:%Y-%m-%d}。")


OCCUPANCY_EARLIEST = date(1950, 1, 1)


def occupancy_latest(today: date) -> date:
    """The last day an occupancy date may carry: one year after ``today``."""
    try:
        return today.replace(year=today.year + 1)
    except ValueError:  # 29 February
        return today.replace(year=today.year + 1, day=28)


def occupancy_date_problem(day: date, today: date, label: str = "入住日期") -> str | None:
    """Why ``day`` is not a sane occupancy date (before 1950, or more than a year ahead)."""
    latest = occupancy_latest(today)
    if day < OCCUPANCY_EARLIEST or day > latest:
        return (
            f"{label} {day:%Y-%m-%d} 不合理：应在 {OCCUPANCY_EARLIEST:%Y-%m-%d} 到 "
            f"{latest:%Y-%m-%d} 之间。"
        )
    return None


def validate_occupancy_dates(
    start: date, end: date | None, today: date, *, check_start: bool = True
) -> None:
    """Both dates between 1950-01-01 and a year after ``today``, the end not before the start
    (``check_start=False`` when ending an occupancy recorded earlier)."""
    problem = occupancy_date_problem(start, today) if check_start else None
    if problem:
        raise ValidationError("start_date", problem)
    if end is not None:
        problem = occupancy_date_problem(end, today, "结束日期")
        if problem:
            raise ValidationError("end_date", problem)
    validate_dates_in_order(start, end)
