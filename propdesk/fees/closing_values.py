"""Values of the cashier's daily close (日结), free of SQLAlchemy so ``reports/`` can use them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# Payment method labels as printed (the same words as ``fees.models.PAY_METHOD_ZH``).
METHOD_ZH = {
    "cash": "现金",
    "transfer": "银行转账",
    "card": "刷卡",
    "wechat": "微信",
    "alipay": "支付宝",
    "credit": "预收抵扣",
}


@dataclass(frozen=True)
class MethodTotal:
    method: str
    label: str
    receipts: int
    amount_fen: int


@dataclass(frozen=True)
class VoidLine:
    receipt_no: str
    method: str
    amount_fen: int
    paid_on: date
    reason: str


@dataclass(frozen=True)
class DepositMethodTotal:
    """Deposit money taken or paid back by one method."""

    method: str
    label: str
    amount_fen: int


@dataclass(frozen=True)
class DayFigures:
    """What one cashier took on one day."""

    cashier: str
    day: date
    receipts: int  # issued that day, voided ones included
    first_receipt: str
    last_receipt: str
    by_method: tuple[MethodTotal, ...]
    voids: tuple[VoidLine, ...]
    cash_expected_fen: int
    # Deposits (押金) moved by the cashier that day: held money, never fee income. Closes
    # stored before deposits were counted read back with these empty.
    deposits_received: tuple[DepositMethodTotal, ...] = ()
    deposits_refunded: tuple[DepositMethodTotal, ...] = ()
    deposit_receipts: tuple[str, ...] = ()  # 押金收据 (YJ…) issued that day
    deposit_slips: tuple[str, ...] = ()  # 押金退款单 (TK…) issued that day

    @property
    def gross_fen(self) -> int:
        return sum(m.amount_fen for m in self.by_method)

    @property
    def voids_fen(self) -> int:
        return sum(v.amount_fen for v in self.voids)

    @property
    def net_fen(self) -> int:
        return self.gross_fen - self.voids_fen

    @property
    def deposits_received_fen(self) -> int:
        return sum(m.amount_fen for m in self.deposits_received)

    @property
    def deposits_refunded_fen(self) -> int:
        return sum(m.amount_fen for m in self.deposits_refunded)

    @property
    def fee_cash_fen(self) -> int:
        """Cash expected from fees alone (the deposit cash taken out)."""
        return (
            self.cash_expected_fen - _cash(self.deposits_received) + _cash(self.deposits_refunded)
        )


def _cash(totals: tuple[DepositMethodTotal, ...]) -> int:
    return sum(m.amount_fen for m in totals if m.method == "cash")


@dataclass(frozen=True)
class DayClose:
    """A day's figures, and the close when there is one."""

    figures: DayFigures
    closed: bool
    cash_counted_fen: int | None
    note: str
    closed_by: str
    closed_at_local: str

    @property
    def difference_fen(self) -> int | None:
        if self.cash_counted_fen is None:
            return None
        return self.cash_counted_fen - self.figures.cash_expected_fen
