"""The amount lines a receipt (收据) prints, signed, so that they add up to its total.

A line settled by a prepayment discount (免费月份) prints twice: its charge (+) and the
discount (优惠减免, −); money kept as credit (预收) prints as its own (+) line. The sum of
the printed amounts is the money received, :attr:`ReceiptData.amount_fen` (合计实收):
``payment allocations + discount − discount + credit = amount``.
"""

from __future__ import annotations

from dataclasses import dataclass

from propdesk.fees.document_values import ReceiptData

DISCOUNT_NOTE = "优惠减免"
CREDIT_ITEM = "预收款"
CREDIT_NOTE = "存入预收，抵扣以后账单"


@dataclass(frozen=True)
class PrintedLine:
    item_name: str
    period: str
    note: str
    amount_fen: int  # signed: a discount is negative


def printed_lines(r: ReceiptData) -> tuple[PrintedLine, ...]:
    """The receipt's amount lines in print order; their sum is ``r.amount_fen``."""
    out: list[PrintedLine] = []
    for line in r.lines:
        out.append(PrintedLine(line.item_name, line.period, line.description, line.amount_fen))
        if line.discount:
            out.append(PrintedLine("", "", DISCOUNT_NOTE, -line.amount_fen))
    if r.credit_fen:
        out.append(PrintedLine(CREDIT_ITEM, "", CREDIT_NOTE, r.credit_fen))
    return tuple(out)


def printed_total_fen(r: ReceiptData) -> int:
    """The sum of the printed lines (equals ``r.amount_fen`` for every consistent payment)."""
    return sum(p.amount_fen for p in printed_lines(r))
