"""Import of meter readings from a workbook: all or nothing, like the owner ledger import.

Every row is checked (meter code known, reading a number with at most two decimals, the
roll-over/replacement rules of :mod:`propdesk.fees.meters`, no meter twice); if any row
is bad nothing is written and every problem is reported with its row and column.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from sqlalchemy import select
from sqlalchemy.orm import Session

from propdesk.errors import DomainError
from propdesk.fees.document_values import HEADERS as HEADERS
from propdesk.fees.document_values import ReadingRow as ReadingRow
from propdesk.fees.meters import Replacement, record_reading
from propdesk.fees.models import Meter
from propdesk.fees.periods import parse_period

KINDS = {"": "normal", "正常": "normal", "翻零": "rollover", "换表": "replacement"}


@dataclass(frozen=True)
class ReadingError:
    row: int
    column: str
    message: str


class ReadingImportError(DomainError):
    """The file has bad rows; nothing was imported. ``errors`` lists every problem."""

    def __init__(self, errors: Sequence[ReadingError]) -> None:
        super().__init__(f"抄表数据有 {len(errors)} 处错误，未导入任何读数。")
        self.errors = tuple(errors)


def _centi(value: object, column: str, row: int, errors: list[ReadingError]) -> int | None:
    if value is None or str(value).strip() == "":
        errors.append(ReadingError(row, column, "不能为空。"))
        return None
    try:
        d = Decimal(str(value).strip())
    except InvalidOperation:
        errors.append(ReadingError(row, column, f"“{value}”不是数字。"))
        return None
    if not d.is_finite() or d < 0 or d != d.quantize(Decimal("0.01")):
        errors.append(ReadingError(row, column, "应为不小于 0 的数字，最多两位小数。"))
        return None
    return int(d * 100)


def import_readings(session: Session, period: str, rows: Sequence[ReadingRow]) -> int:
    """Record every row's reading for ``period``; raise :class:`ReadingImportError` on any problem."""
    period = parse_period(period)
    errors: list[ReadingError] = []
    if not rows:
        raise ReadingImportError([ReadingError(0, "", "表格中没有数据行。")])
    meters = dict(session.execute(select(Meter.code, Meter.id)).all())
    seen: dict[str, int] = {}
    done = 0
    for r in rows:
        v = r.values
        code = str(v.get("表号") or "").strip()
        bad_before = len(errors)
        if not code:
            errors.append(ReadingError(r.row, "表号", "不能为空。"))
        elif code not in meters:
            errors.append(ReadingError(r.row, "表号", f"没有表号为 {code} 的表。"))
        elif code in seen:
            errors.append(ReadingError(r.row, "表号", f"与第 {seen[code]} 行重复。"))
        else:
            seen[code] = r.row
        reading = _centi(v.get("本期读数"), "本期读数", r.row, errors)
        kind = KINDS.get(str(v.get("类型") or "").strip())
        if kind is None:
            errors.append(ReadingError(r.row, "类型", "应为 正常、翻零 或 换表。"))
        replacement = None
        if kind == "replacement":
            old = _centi(v.get("旧表止码"), "旧表止码", r.row, errors)
            new = _centi(v.get("新表起码"), "新表起码", r.row, errors)
            if old is not None and new is not None:
                replacement = Replacement(old, new)
        read_on = v.get("抄表日期")
        if isinstance(read_on, datetime):
            read_on = read_on.date()
        if read_on is not None and not isinstance(read_on, date):
            errors.append(ReadingError(r.row, "抄表日期", "应为日期。"))
            read_on = None
        if len(errors) > bad_before or reading is None:
            continue
        try:
            with session.begin_nested():
                record_reading(
                    session,
                    meter_id=meters[code],
                    period=period,
                    reading_centi=reading,
                    read_on=read_on if isinstance(read_on, date) else None,
                    rollover=kind == "rollover",
                    replacement=replacement,
                )
            done += 1
        except DomainError as exc:
            column = {"reading": "本期读数", "old_final": "旧表止码", "period": "表号"}.get(
                getattr(exc, "field", ""), "本期读数"
            )
            errors.append(ReadingError(r.row, column, str(exc)))
    if errors:
        raise ReadingImportError(errors)
    return done
