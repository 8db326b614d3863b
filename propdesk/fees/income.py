"""What counts as fee income: every fee item except deposits (see docs/money.md).

Deposits (押金) are held money, kept in the deposit ledger (:mod:`propdesk.deposits`).
Before the ledger existed a renovation deposit was posted as a one-off bill line of the
item ``deposit``; those old lines stay as history and are left out of billed, collected,
the collection rate and the exports by this filter. Deductions kept from a deposit are
income (their own item, e.g. ``renovation_deduction``).
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, select

from propdesk.fees.models import Allocation, BillLine, FeeItem

#: Fee items that are not income.
NOT_INCOME_ITEMS: tuple[str, ...] = ("deposit",)


def income_item() -> ColumnElement[bool]:
    """A WHERE clause on :class:`FeeItem` (joined) keeping income items only."""
    return FeeItem.code.not_in(NOT_INCOME_ITEMS)


def income_line() -> ColumnElement[bool]:
    """A WHERE clause on :class:`BillLine` (no join needed) keeping income lines only."""
    return BillLine.item_id.not_in(select(FeeItem.id).where(FeeItem.code.in_(NOT_INCOME_ITEMS)))


def income_allocation() -> ColumnElement[bool]:
    """A WHERE clause on :class:`Allocation` keeping allocations to income lines only."""
    return Allocation.bill_line_id.not_in(
        select(BillLine.id)
        .join(FeeItem, FeeItem.id == BillLine.item_id)
        .where(FeeItem.code.in_(NOT_INCOME_ITEMS))
    )
