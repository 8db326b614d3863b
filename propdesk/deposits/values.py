"""Plain values of the deposit ledger: what the documents and lists are built from.

No SQLAlchemy here, so ``reports/`` can take them as input.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class DeductionItem:
    """A deduction asked for at refund: its reason and amount."""

    reason: str
    amount_fen: int


@dataclass(frozen=True)
class DepositRow:
    """One line of the deposit ledger (押金台账)."""

    id: int
    receipt_no: str
    kind: str  # DepositKind value
    kind_zh: str
    unit_id: int
    unit_code: str
    payer: str
    description: str
    amount_fen: int
    refunded_fen: int
    deducted_fen: int
    received_on: date
    status: str  # DepositStatus value
    status_zh: str

    @property
    def held_fen(self) -> int:
        return self.amount_fen - self.refunded_fen - self.deducted_fen


@dataclass(frozen=True)
class DepositReceiptData:
    """What a deposit receipt (押金收据) prints."""

    receipt_no: str
    estate_name: str
    company: str
    kind_zh: str
    unit_code: str
    payer: str
    description: str
    amount_fen: int
    method: str
    txn_ref: str
    received_on: date
    received_by: str


@dataclass(frozen=True)
class RefundSlipData:
    """What a deposit refund slip (押金退款单) prints: deposit − deductions = paid back."""

    slip_no: str
    receipt_no: str
    estate_name: str
    company: str
    kind_zh: str
    unit_code: str
    payee: str
    description: str
    deposit_fen: int  # the deposit as received
    held_before_fen: int  # held when this refund was made
    deductions: tuple[DeductionItem, ...]
    amount_fen: int  # paid back by this slip
    method: str
    reason: str
    refunded_on: date
    by: str

    @property
    def deducted_fen(self) -> int:
        return sum(d.amount_fen for d in self.deductions)

    @property
    def held_after_fen(self) -> int:
        return self.held_before_fen - self.deducted_fen - self.amount_fen


@dataclass(frozen=True)
class ReceivedDeposit:
    deposit_id: int
    receipt_no: str
    amount_fen: int


@dataclass(frozen=True)
class DepositRefundResult:
    refund_id: int
    slip_no: str
    deposit_fen: int
    deducted_fen: int
    refund_fen: int
    held_fen: int  # still held after this refund
    deduction_line_ids: tuple[int, ...]


@dataclass(frozen=True)
class DepositDay:
    """Deposit money moved on one day (for the cashier's daily close): by payment method."""

    received_fen: dict[str, int]  # method → deposits taken
    refunded_fen: dict[str, int]  # method → deposits paid back
    receipt_nos: tuple[str, ...]  # 押金收据 issued, in order
    slip_nos: tuple[str, ...]  # 押金退款单 issued, in order
