"""What printed fee documents need beyond the amounts: how each charge was computed (计费依据),
the unit's prepaid balance and accrued late fee, letter numbers and Chinese dates.

Batch queries (500 units at a time), plain values out; :mod:`propdesk.fees.notices` puts them
on the notices and letters. The pure text helpers reports use are in
:mod:`propdesk.fees.print_data_text` (no SQLAlchemy there).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from propdesk.fees.models import BillLine, CreditEntry, FeeItem, ItemKind, Meter, MeterReading
from propdesk.fees.money import yuan
from propdesk.fees.settings import FeeSettings

UNIT_OF_METER = {"water": "吨", "electricity": "度", "gas": "立方米"}

BasisKey = tuple[int, int, str]
"""(unit_id, bill_line_id, period) — a line's basis is looked up by its id."""


def zh_date(day: date) -> str:
    """``2026年12月6日``: how a date reads inside a Chinese sentence."""
    return f"{day.year}年{day.month}月{day.day}日"


def _centi(value: int) -> str:
    return f"{value // 100:,}.{value % 100:02d}" if value >= 0 else "-" + _centi(-value)


def line_bases(session: Session, line_ids: Sequence[int]) -> dict[int, str]:
    """计费依据 of each bill line: ``{line_id: text}`` (no entry when nothing can be said)."""
    out: dict[int, str] = {}
    readings: dict[tuple[int | None, str, str], list[tuple[int, int, int]]] = {}
    rows: list[Any] = []
    for i in range(0, len(line_ids), 500):
        part = list(line_ids[i : i + 500])
        rows += session.execute(
            select(
                BillLine.id,
                BillLine.unit_id,
                BillLine.period,
                BillLine.quantity_centi,
                BillLine.rate_fen,
                BillLine.description,
                BillLine.source,
                BillLine.source_ref,
                FeeItem.kind,
                FeeItem.meter_kind,
            )
            .join(FeeItem, FeeItem.id == BillLine.item_id)
            .where(BillLine.id.in_(part))
        ).all()
    metered = {(r.unit_id, r.period) for r in rows if r.meter_kind and not r.source_ref}
    units = sorted({u for u, _p in metered})
    periods = sorted({p for _u, p in metered})
    for i in range(0, len(units), 500):
        part = units[i : i + 500]
        for unit_id, kind, period, prev, cur, used in session.execute(
            select(
                Meter.unit_id,
                Meter.kind,
                MeterReading.period,
                MeterReading.previous_centi,
                MeterReading.reading_centi,
                MeterReading.consumption_centi,
            )
            .join(MeterReading, MeterReading.meter_id == Meter.id)
            .where(Meter.unit_id.in_(part), MeterReading.period.in_(periods))
            .order_by(Meter.id)
        ).all():
            readings.setdefault((unit_id, kind, period), []).append((prev, cur, used))
    for r in rows:
        text = _basis(r, readings.get((r.unit_id, r.meter_kind, r.period), []))
        if text:
            out[r.id] = text
    return out


def _basis(r: object, readings: list[tuple[int, int, int]]) -> str:
    kind = getattr(r, "kind", "")
    qty: int = getattr(r, "quantity_centi", 0)
    rate: int = getattr(r, "rate_fen", 0)
    note: str = getattr(r, "description", "") or ""
    source: str = getattr(r, "source", "")
    if source == "late_fee":
        return "逾期滞纳金" + (f"（{note}）" if note else "")
    suffix = f"（{note}）" if note else ""
    if kind == ItemKind.AREA and qty and rate:
        return f"{_centi(qty)} m² × {yuan(rate)} 元/m²{suffix}"
    if kind == ItemKind.PARKING and qty and rate:
        return f"{qty // 100} 个车位 × {yuan(rate)} 元{suffix}"
    if kind in (ItemKind.PER_UNIT, ItemKind.FIXED) and rate:
        return f"每户每月 {yuan(rate)} 元{suffix}"
    if kind == ItemKind.METER and rate:
        unit = UNIT_OF_METER.get(getattr(r, "meter_kind", ""), "")
        if getattr(r, "source_ref", ""):
            return f"公摊用量 {_centi(qty)} {unit} × {yuan(rate)} 元"
        if len(readings) == 1:
            prev, cur, used = readings[0]
            return (
                f"上期 {_centi(prev)} 本期 {_centi(cur)} 用量 {_centi(used)} {unit}"
                f" × {yuan(rate)} 元"
            )
        return f"用量 {_centi(qty)} {unit} × {yuan(rate)} 元"
    return note


def prepaid_balances(session: Session, unit_ids: Sequence[int]) -> dict[int, int]:
    """Each unit's credit (预存/溢缴) in fen; units holding none are left out."""
    out: dict[int, int] = {}
    for i in range(0, len(unit_ids), 500):
        part = list(unit_ids[i : i + 500])
        for uid, balance in session.execute(
            select(CreditEntry.unit_id, func.sum(CreditEntry.amount_fen))
            .where(CreditEntry.unit_id.in_(part))
            .group_by(CreditEntry.unit_id)
        ).all():
            if balance and int(balance) > 0:
                out[uid] = int(balance)
    return out


def letter_prefix(cfg: FeeSettings, estate_name: str) -> str:
    """The letters' number prefix: the configured one, else ``<estate's first character>物催字``."""
    if cfg.letter_prefix.strip():
        return cfg.letter_prefix.strip()
    return f"{(estate_name.strip() or '物')[:1]}物催字"


def letter_number(prefix: str, year: int, seq: int) -> str:
    """``翠物催字〔2026〕第058号``."""
    return f"{prefix}〔{year}〕第{seq:03d}号"


_SEQ = re.compile(r"〔(\d{4})〕第(\d+)号$")


def last_letter_seq(numbers: Iterable[str], year: int) -> int:
    """The highest sequence number of ``year`` among ``numbers`` (0 when none)."""
    best = 0
    for text in numbers:
        m = _SEQ.search(text or "")
        if m and int(m.group(1)) == year:
            best = max(best, int(m.group(2)))
    return best


def notice_number(period: str, unit_code: str) -> str:
    """A payment notice's number: ``TZ202612-1-1-0101`` (one per unit and period)."""
    return f"TZ{period.replace('-', '')}-{unit_code}"
