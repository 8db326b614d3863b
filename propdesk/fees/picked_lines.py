"""The bill lines a clerk picked for one unit, checked before money is put on them."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from propdesk.errors import Conflict, ValidationError
from propdesk.fees.models import BillLine


def picked_open_lines(
    session: Session, unit_id: int, line_ids: Sequence[int], *, lock: bool = False
) -> list[BillLine]:
    """The lines ``line_ids`` in that order, each the unit's and still open.

    Raises ValidationError when a line is missing or another unit's, Conflict when one was
    settled meanwhile (e.g. at another workstation). ``lock`` reads them FOR UPDATE, in
    id order (so two transactions locking overlapping lines cannot deadlock), and
    refreshes lines this session had loaded before.
    """
    stmt = select(BillLine).where(BillLine.id.in_(list(line_ids)))
    if lock:
        stmt = (
            stmt.order_by(BillLine.id).with_for_update().execution_options(populate_existing=True)
        )
    found = {line.id: line for line in session.scalars(stmt).all()}
    picked: list[BillLine] = []
    for lid in line_ids:
        line = found.get(lid)
        if line is None or line.unit_id != unit_id:
            raise ValidationError("lines", "所选账单不属于该房屋，请刷新后重试。")
        if line.settled:
            raise Conflict("所选账单已结清（可能刚在另一工作站收过），请刷新后重试。")
        picked.append(line)
    return picked
