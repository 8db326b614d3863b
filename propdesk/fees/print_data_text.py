"""Pure helpers for printed fee documents (no SQLAlchemy: ``reports/`` imports them)."""

from __future__ import annotations

from collections.abc import Sequence

from propdesk.fees.receipt_lines import DISCOUNT_NOTE, PrintedLine


def _next_month(period: str) -> str:
    year, month = int(period[:4]), int(period[5:7])
    return f"{year + month // 12}-{month % 12 + 1:02d}"


def month_ranges(lines: Sequence[PrintedLine]) -> tuple[PrintedLine, ...]:
    """A receipt's printed lines with consecutive months of one item (same note, same
    discount) summarised as one line: ``2027-01至2027-12`` and ``共12个月``. The amounts
    still add up to the same total; a discount line (优惠减免) stays right after its charge.
    """
    units: list[tuple[PrintedLine, int | None]] = []
    for line in lines:
        if line.note == DISCOUNT_NOTE and not line.item_name and units and units[-1][1] is None:
            units[-1] = (units[-1][0], line.amount_fen)
        else:
            units.append((line, None))
    groups: list[list[tuple[PrintedLine, int | None]]] = []
    for line, discount in units:
        if groups:
            last, last_discount = groups[-1][-1]
            if (
                line.period
                and last.period
                and line.item_name == last.item_name
                and line.note == last.note
                and (discount is None) == (last_discount is None)
                and line.period == _next_month(last.period)
            ):
                groups[-1].append((line, discount))
                continue
        groups.append([(line, discount)])
    out: list[PrintedLine] = []
    for group in groups:
        first = group[0][0]
        if len(group) == 1:
            out.append(first)
        else:
            months = f"共{len(group)}个月"
            out.append(
                PrintedLine(
                    first.item_name,
                    f"{first.period}至{group[-1][0].period}",
                    f"{first.note}，{months}" if first.note else months,
                    sum(x.amount_fen for x, _d in group),
                )
            )
        discounts = [d for _x, d in group if d is not None]
        if discounts:
            out.append(PrintedLine("", "", DISCOUNT_NOTE, sum(discounts)))
    return tuple(out)
