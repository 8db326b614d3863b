"""Plain values the fee documents and sheets are built from (notices, letters, receipts,
exported sheets, the reading grid, the collection table).

They live here, apart from the query modules that fill them, so ``reports/`` takes its input
without importing SQLAlchemy; the old modules re-export them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

LEVEL_ZH = {1: "第一次催缴函", 2: "第二次催缴函", 3: "最后催缴函"}


@dataclass(frozen=True)
class NoticeLine:
    """One charge on a notice or letter; ``basis`` says how it was computed (计费依据:
    ``89.56 m² × 2.10 元/m²``, ``上期 1,234.00 本期 1,256.00 用量 22.00 吨 × 3.20 元``)."""

    item_name: str
    period: str
    amount_fen: int
    owed_fen: int
    basis: str = ""


@dataclass(frozen=True)
class NoticePage:
    """One unit's payment notice for a period."""

    unit_id: int
    unit_code: str
    building_name: str
    owner: str
    area_centi: int
    period: str
    due_date: date
    lines: tuple[NoticeLine, ...]
    period_owed_fen: int
    earlier_owed_fen: int
    late_fee_fen: int = 0  # accrued, not yet charged as a line
    prepaid_fen: int = 0  # the unit's credit (预存/溢缴), taken off the total
    notice_no: str = ""
    address: str = ""

    @property
    def total_fen(self) -> int:
        """What the household is asked to pay: this period, earlier arrears and the late fee,
        less the prepaid balance (never below zero)."""
        due = self.period_owed_fen + self.earlier_owed_fen + self.late_fee_fen
        return max(0, due - self.prepaid_fen)


@dataclass(frozen=True)
class ReminderLetter:
    unit_id: int
    unit_code: str
    owner: str
    level: int
    as_of: date
    owed_fen: int
    oldest_due: date
    late_fee_fen: int
    lines: tuple[NoticeLine, ...]
    letter_no: str = ""  # 翠物催字〔2026〕第058号
    deadline: date | None = None  # pay by (a calendar date)
    previous: tuple[str, ...] = ()  # the earlier letters delivered: "2026年9月1日 第一次催缴函"

    @property
    def total_fen(self) -> int:
        """Arrears plus the late fee: the amount the letter demands."""
        return self.owed_fen + self.late_fee_fen


@dataclass(frozen=True)
class EstateHeader:
    name: str
    company: str
    phone: str
    address: str
    payment_accounts: tuple[str, ...] = ()  # printed on notices, one line each
    payment_qr: str = ""  # the payment link a notice's QR code encodes


@dataclass(frozen=True)
class FeeSheetRow:
    building: str
    unit_code: str
    owner: str
    item: str
    period: str
    due_date: date
    quantity_centi: int
    rate_fen: int
    amount_fen: int
    paid_fen: int
    waived_fen: int
    owed_fen: int


@dataclass(frozen=True)
class ArrearsSheetRow:
    building: str
    unit_code: str
    owner: str
    phone: str
    item: str
    period: str
    due_date: date
    days: int
    bucket: str
    owed_fen: int
    late_fee_fen: int


@dataclass(frozen=True)
class GridRow:
    """One line of the reading grid: a unit's meter, its last reading and this period's."""

    meter_id: int
    meter_code: str
    unit_id: int | None
    unit_code: str
    previous_centi: int | None
    reading_centi: int | None
    consumption_centi: int | None


HEADERS = ("表号", "本期读数", "类型", "旧表止码", "新表起码", "抄表日期")


@dataclass(frozen=True)
class ReadingRow:
    """One data row of the sheet: its Excel row number and ``{header: value}``."""

    row: int
    values: dict[str, object]


@dataclass(frozen=True)
class ReceiptLine:
    item_name: str
    period: str
    description: str
    amount_fen: int  # settled by this receipt (money or discount)
    discount: bool


@dataclass(frozen=True)
class ReceiptData:
    receipt_no: str
    estate_name: str
    company: str
    unit_code: str
    payer: str
    paid_on: date
    paid_at: datetime
    method: str  # Chinese label
    txn_ref: str
    amount_fen: int
    credit_fen: int
    discount_fen: int
    discount_note: str
    lines: tuple[ReceiptLine, ...]
    taken_by: str
    voided: bool
    void_reason: str
    voided_by: str = ""  # who asked for the void
    void_approved_by: str = ""  # who authorised it (主管授权)
    address: str = ""  # the property's address (estate, building, unit)
    area_centi: int = 0  # its floor area, m² × 100
    copies: tuple[str, ...] = ("存根联", "客户联", "记账联")  # 联次, each printed and marked
    payee: str = ""  # 收款单位 (the company; the estate when none)
    reviewer: str = ""  # 复核人 (blank: signed by hand)
    unit_id: int = 0  # the unit paid for (files the printed receipt in its archive)


@dataclass(frozen=True)
class CollectionRow:
    building: str
    item: str
    billed_fen: int
    collected_fen: int
    waived_fen: int
    arrears_collected_fen: int
    arrears_owed_fen: int

    @property
    def rate(self) -> float | None:
        return self.collected_fen / self.billed_fen if self.billed_fen else None

    @property
    def arrears_base_fen(self) -> int:
        return self.arrears_collected_fen + self.arrears_owed_fen

    @property
    def arrears_rate(self) -> float | None:
        base = self.arrears_base_fen
        return self.arrears_collected_fen / base if base else None
