"""The monthly billing run (出账): one bill line per unit and item for a period.

* **Idempotent**: a line exists at most once per ``(unit, item, period)`` (unique
  constraint); a second run of the same month inserts only what is missing (nothing,
  unless units or rates were added since).
* **Atomic**: the whole month is written in the caller's one transaction; a run killed
  half-way leaves nothing behind, because nothing was committed.
* **Rates by date**: bills already made keep their amounts when a rate changes later.
* **Fee standards**: each unit pays the most specific rate in force on the period's first
  day (building, unit type, floor range; :mod:`propdesk.fees.rate_rules`), less the
  item's vacant-unit discount, rounded half up to the item's step (fen, jiao or yuan).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass

from sqlalchemy import func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.auth.permissions import Permission, require
from propdesk.errors import Conflict
from propdesk.fees.billing_window import billable_period
from propdesk.fees.credits import apply_credits
from propdesk.fees.items import ensure_standard_items
from propdesk.fees.meters import meter_bill_rows
from propdesk.fees.models import BILLING_SOURCE, BillingRun, BillLine, FeeItem, ItemKind
from propdesk.fees.period_lock import ensure_period_open
from propdesk.fees.periods import first_day, last_day, parse_period, period_of
from propdesk.fees.rate_rules import line_amount
from propdesk.fees.standards import RateBook
from propdesk.registry.models import Building, ParkingSpace, Unit, UnitStatus

INSERT_CHUNK = 2000


@dataclass(frozen=True)
class BillingResult:
    """What a run did: ``lines_created == 0`` when the month was already billed."""

    period: str
    run_id: int | None
    lines_created: int
    amount_fen: int
    items_without_rate: tuple[str, ...]


# Called after each inserted chunk with the number of lines so far (progress; tests use it
# to kill a run half-way).
ChunkHook = Callable[[int], None]


def _monthly_rows(session: Session, period: str) -> tuple[list[dict[str, object]], list[str]]:
    """Rows for every unit × monthly item with a rate (meter items come from readings).

    Each unit pays its own rate (most specific scope, :mod:`propdesk.fees.rate_rules`),
    less the item's vacant discount when the unit is vacant, rounded as the item says.
    """
    start = first_day(period)
    items = session.execute(
        select(
            FeeItem.id,
            FeeItem.code,
            FeeItem.name,
            FeeItem.kind,
            FeeItem.vacant_discount_pct,
            FeeItem.rounding,
        ).where(
            FeeItem.active.is_(True),
            FeeItem.kind.in_(
                [
                    ItemKind.AREA,
                    ItemKind.PER_UNIT,
                    ItemKind.PARKING,
                    ItemKind.METER,
                    ItemKind.FIXED,
                ]
            ),
        )
    ).all()
    units = session.execute(
        select(
            Unit.id,
            Unit.area_centi,
            Unit.building_id,
            Unit.unit_type,
            Unit.floor,
            Unit.status,
            Building.has_elevator,
        ).join(Building, Building.id == Unit.building_id)
    ).all()
    spaces = Counter(
        session.scalars(select(ParkingSpace.unit_id).where(ParkingSpace.unit_id.is_not(None)))
    )
    book = RateBook(session, [item.id for item in items])
    scope = {u.id: (u.building_id, u.unit_type, u.floor) for u in units}  # for metered items
    due = last_day(period)
    rows: list[dict[str, object]] = []
    no_rate: list[str] = []
    for item in items:
        if item.kind == ItemKind.METER:
            if not book.has_rate(item.id, start):
                no_rate.append(item.name)
                continue

            def rate_of_unit(unit_id: int, item_id: int = item.id) -> int | None:
                where = scope.get(unit_id)
                if where is None:
                    return None
                return book.rate_for(
                    item_id, start, building_id=where[0], unit_type=where[1], floor=where[2]
                )

            rows.extend(meter_bill_rows(session, period, item.id, item.code, due, rate_of_unit))
            continue
        if not book.has_rate(item.id, start):
            no_rate.append(item.name)
            continue
        for unit in units:
            rate = book.rate_for(
                item.id,
                start,
                building_id=unit.building_id,
                unit_type=unit.unit_type,
                floor=unit.floor,
            )
            if not rate:
                continue
            if item.kind == ItemKind.AREA:
                qty = unit.area_centi
            elif item.kind in (ItemKind.PER_UNIT, ItemKind.FIXED):
                if item.code == "elevator" and not unit.has_elevator:
                    continue
                qty = 100
            else:
                qty = spaces.get(unit.id, 0) * 100
            vacant = unit.status == UnitStatus.VACANT.value
            amount = line_amount(
                qty,
                rate,
                discount_pct=item.vacant_discount_pct if vacant else 0,
                rounding=item.rounding,
            )
            if amount <= 0:
                continue
            rows.append(
                {
                    "unit_id": unit.id,
                    "item_id": item.id,
                    "period": period,
                    "due_date": due,
                    "quantity_centi": qty,
                    "rate_fen": rate,
                    "amount_fen": amount,
                    "source_ref": "",
                    "description": "空置优惠" if vacant and item.vacant_discount_pct else "",
                }
            )
    return rows, no_rate


def billing_rows(session: Session, period: str) -> tuple[list[dict[str, object]], list[str]]:
    """The bill rows a run of ``period`` would create, and the items without a rate.

    Nothing is written: bulk writers (the demo) insert these rows themselves, with the
    run fields :func:`run_billing` adds (``run_id``, ``source``, ``paid_fen``…).
    """
    return _monthly_rows(session, parse_period(period))


def _chunks(rows: list[dict[str, object]], size: int) -> Iterable[list[dict[str, object]]]:
    for i in range(0, len(rows), size):
        yield rows[i : i + size]


def current_period(session: Session) -> str:
    """The estate's month now ('YYYY-MM'), by the session's clock and the estate's zone."""
    return period_of(clock.today(session))


def run_billing(
    session: Session,
    period: str | None = None,
    *,
    on_chunk: ChunkHook | None = None,
    skip_items: Collection[str] = (),
) -> BillingResult:
    """Bill ``period`` ('YYYY-MM'; the current local month without one) in the caller's
    transaction; see the module docstring. Items whose code is in ``skip_items`` are left
    for a later run of the same month (e.g. meters still without readings); months outside
    :func:`propdesk.fees.billing_window.billable_period` are refused."""
    actor = session.info.get("actor")
    require(actor, Permission.RUN_BILLING)
    period = billable_period(session, period) if period is not None else current_period(session)
    ensure_period_open(session, period)
    ensure_standard_items(session)
    rows, no_rate = _monthly_rows(session, period)
    if skip_items:
        skipped = set(session.scalars(select(FeeItem.id).where(FeeItem.code.in_(skip_items))))
        rows = [r for r in rows if r["item_id"] not in skipped]
    existing = set(
        session.execute(
            select(BillLine.unit_id, BillLine.item_id, BillLine.source_ref).where(
                BillLine.period == period, BillLine.source == BILLING_SOURCE
            )
        ).all()
    )
    new = [r for r in rows if (r["unit_id"], r["item_id"], r["source_ref"]) not in existing]
    if not new:
        return BillingResult(period, None, 0, 0, tuple(no_rate))
    username = getattr(actor, "username", "")
    # who ran it, as the desk shows people (display name, like a receipt's taken_by)
    run_by = getattr(actor, "display_name", "") or username
    run = BillingRun(period=period, run_by=run_by)
    session.add(run)
    session.flush()
    total = sum(int(r["amount_fen"]) for r in new)  # type: ignore[call-overload]
    done = 0
    try:
        for chunk in _chunks(new, INSERT_CHUNK):
            for r in chunk:
                r.update(
                    run_id=run.id,
                    source=BILLING_SOURCE,
                    created_by=username,
                    paid_fen=0,
                    waived_fen=0,
                    settled=False,
                    notes="",
                )
            session.execute(insert(BillLine), chunk)
            done += len(chunk)
            if on_chunk is not None:
                on_chunk(done)
    except IntegrityError as exc:
        raise Conflict(f"{period} 的账单正在由另一工作站生成，请稍后刷新查看。") from exc
    run.lines_created = done
    run.amount_fen = total
    apply_credits(session, sorted({int(r["unit_id"]) for r in new}))  # type: ignore[call-overload]
    return BillingResult(period, run.id, done, total, tuple(no_rate))


def billed_periods(session: Session) -> list[tuple[str, int, int]]:
    """``(period, lines, amount_fen)`` of every month a billing run made, newest first
    (months only prepaid in advance are not listed)."""
    rows = session.execute(
        select(BillLine.period, func.count(), func.sum(BillLine.amount_fen))
        .where(BillLine.source == BILLING_SOURCE, BillLine.run_id.is_not(None))
        .group_by(BillLine.period)
        .order_by(BillLine.period.desc())
    ).all()
    return [(p, int(n), int(a or 0)) for p, n, a in rows]
