"""Deliberate billing runs: what a run would write before it writes, and undoing a run.

* :func:`plan_billing` reads (never writes) what a run of a month would create: the number
  of lines and their amount, split into metered items (water, electricity) and the rest,
  and the meters that still lack a reading for the month. The user can then bill the rest
  now (``run_billing(..., skip_items=plan.metered_codes)``) and the metered items later: a
  later run of the same month writes only what is missing.
* :func:`reverse_billing_run` undoes a run nobody has paid against (撤销出账): its lines
  are removed, credit it consumed goes back to the units, and the run keeps who reversed it,
  when and why. A run with a payment or a waiver on any of its lines cannot be reversed.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.auth.permissions import Permission, require
from propdesk.errors import Conflict, InvalidTransition, NotFound, ValidationError
from propdesk.fees.billing import billing_rows
from propdesk.fees.billing_window import billable_period
from propdesk.fees.items import rate_on
from propdesk.fees.models import (
    BILLING_SOURCE,
    Allocation,
    AllocKind,
    BillingRun,
    BillLine,
    CreditEntry,
    FeeItem,
    ItemKind,
    Meter,
    MeterReading,
    Waiver,
)
from propdesk.fees.periods import first_day
from propdesk.registry.models import Building, Unit


@dataclass(frozen=True)
class MissingReading:
    """A meter with no reading for the month: a unit's own (``unit_code``) or a shared one."""

    item_code: str
    item_name: str
    meter_code: str
    unit_code: str  # "" for a shared (公摊) meter
    scope: str  # the unit code, a building's name or 全小区 for a shared meter


@dataclass(frozen=True)
class BillingPlan:
    """What a run of ``period`` would write now (nothing is written to make a plan).

    ``lines``/``amount_fen`` count every new line; ``metered_lines``/``metered_amount_fen``
    the part of it from meter items, which a run with ``skip_items=metered_codes`` leaves
    for later. ``missing`` lists the meters without a reading (their units would get no
    water or electricity line this month).
    """

    period: str
    lines: int
    amount_fen: int
    metered_lines: int
    metered_amount_fen: int
    metered_codes: tuple[str, ...]
    missing: tuple[MissingReading, ...]
    already_billed: int
    items_without_rate: tuple[str, ...]

    @property
    def rest_lines(self) -> int:
        return self.lines - self.metered_lines

    @property
    def rest_amount_fen(self) -> int:
        return self.amount_fen - self.metered_amount_fen

    @property
    def missing_units(self) -> tuple[str, ...]:
        """Unit codes (and shared-meter scopes) lacking a reading, each once, in order."""
        return tuple(dict.fromkeys(m.scope for m in self.missing))


@dataclass(frozen=True)
class RunInfo:
    """A billing run as the billing page lists it."""

    id: int
    period: str
    started_at_local: str
    run_by: str
    lines_created: int
    amount_fen: int
    reversed: bool
    reversed_by: str
    reversal_reason: str
    reversed_at_local: str = ""


def plan_billing(session: Session, period: str) -> BillingPlan:
    """What ``run_billing(session, period)`` would write now; see the module docstring."""
    require(session.info.get("actor"), Permission.RUN_BILLING)
    period = billable_period(session, period)
    rows, no_rate = billing_rows(session, period)
    existing = set(
        session.execute(
            select(BillLine.unit_id, BillLine.item_id, BillLine.source_ref).where(
                BillLine.period == period, BillLine.source == BILLING_SOURCE
            )
        ).all()
    )
    new = [r for r in rows if (r["unit_id"], r["item_id"], r["source_ref"]) not in existing]
    meter_items = session.execute(
        select(FeeItem.id, FeeItem.code, FeeItem.name, FeeItem.meter_kind)
        .where(FeeItem.active.is_(True), FeeItem.kind == ItemKind.METER)
        .order_by(FeeItem.sort_key, FeeItem.id)
    ).all()
    meter_ids = {item.id for item in meter_items}
    metered = [r for r in new if r["item_id"] in meter_ids]
    missing: list[MissingReading] = []
    start = first_day(period)
    for item in meter_items:
        if not item.meter_kind or not rate_on(session, item.id, start):
            continue
        read = select(MeterReading.meter_id).where(MeterReading.period == period)
        for meter in session.execute(
            select(Meter.code, Unit.code.label("unit_code"), Building.name.label("building"))
            .outerjoin(Unit, Unit.id == Meter.unit_id)
            .outerjoin(Building, Building.id == Meter.building_id)
            .where(Meter.kind == item.meter_kind, Meter.active.is_(True), Meter.id.not_in(read))
            .order_by(Unit.code, Meter.code)
        ):
            scope = meter.unit_code or (
                f"{meter.building}（公摊）" if meter.building else "全小区（公摊）"
            )
            missing.append(
                MissingReading(item.code, item.name, meter.code, meter.unit_code or "", scope)
            )
    return BillingPlan(
        period=period,
        lines=len(new),
        amount_fen=sum(_fen(r) for r in new),
        metered_lines=len(metered),
        metered_amount_fen=sum(_fen(r) for r in metered),
        metered_codes=tuple(item.code for item in meter_items),
        missing=tuple(missing),
        already_billed=len(existing),
        items_without_rate=tuple(no_rate),
    )


def _fen(row: dict[str, object]) -> int:
    value = row["amount_fen"]
    assert isinstance(value, int)
    return value


def _run_info(r: BillingRun) -> RunInfo:
    return RunInfo(
        id=r.id,
        period=r.period,
        started_at_local=f"{clock.to_local(r.started_at):%Y-%m-%d %H:%M}",
        run_by=r.run_by,
        lines_created=r.lines_created,
        amount_fen=r.amount_fen,
        reversed=r.reversed_at is not None,
        reversed_by=r.reversed_by,
        reversal_reason=r.reversal_reason,
        reversed_at_local=(
            f"{clock.to_local(r.reversed_at):%Y-%m-%d %H:%M}" if r.reversed_at else ""
        ),
    )


def list_runs(session: Session, limit: int = 20) -> list[RunInfo]:
    """The newest billing runs, reversed ones included."""
    runs = session.scalars(select(BillingRun).order_by(BillingRun.id.desc()).limit(limit)).all()
    return [_run_info(r) for r in runs]


def get_run(session: Session, run_id: int) -> RunInfo:
    """Billing run ``run_id`` (:class:`NotFound` when there is none)."""
    run = session.get(BillingRun, run_id)
    if run is None:
        raise NotFound("该出账记录不存在。")
    return _run_info(run)


def reverse_billing_run(session: Session, run_id: int, *, reason: str) -> int:
    """Undo billing run ``run_id`` (撤销出账); returns the number of lines removed.

    Refused when any of its lines has a payment (even a voided one) or a waiver, or a late
    fee charged on it. Credit the run consumed automatically goes back to the units.
    """
    actor = session.info.get("actor")
    require(actor, Permission.REVERSE_BILLING)
    why = " ".join((reason or "").split())
    if not why:
        raise ValidationError("reason", "请填写撤销出账的原因。")
    if len(why) > 200:
        raise ValidationError("reason", "撤销原因不能超过 200 个字。")
    run = session.get(BillingRun, run_id, with_for_update=True)
    if run is None:
        raise NotFound("该出账记录不存在。")
    if run.reversed_at is not None:
        raise InvalidTransition(
            f"{run.period} 的这次出账已于 {clock.to_local(run.reversed_at):%Y-%m-%d %H:%M} "
            f"由 {run.reversed_by} 撤销。"
        )
    line_ids = select(BillLine.id).where(BillLine.run_id == run.id).scalar_subquery()
    # lock the run's lines so a payment cannot settle one while it is being removed
    session.execute(select(BillLine.id).where(BillLine.run_id == run.id).with_for_update()).all()
    paid = session.scalar(
        select(func.count(Allocation.id)).where(
            Allocation.bill_line_id.in_(line_ids), Allocation.kind != AllocKind.CREDIT
        )
    )
    waived = session.scalar(select(func.count(Waiver.id)).where(Waiver.bill_line_id.in_(line_ids)))
    late = session.scalar(
        select(func.count(BillLine.id)).where(
            or_(
                BillLine.late_fee_of.in_(line_ids),
                BillLine.id.in_(line_ids) & (BillLine.late_fee_charged_fen > 0),
            )
        )
    )
    if paid or waived or late:
        raise Conflict(
            f"{run.period} 的这次出账已有收款、减免或滞纳金，不能撤销；"
            "请对个别账单做减免或作废相应收据后再处理。"
        )
    # credit the run consumed automatically (预收抵扣) goes back to the units
    session.execute(delete(CreditEntry).where(CreditEntry.bill_line_id.in_(line_ids)))
    session.execute(delete(Allocation).where(Allocation.bill_line_id.in_(line_ids)))
    removed = session.scalar(select(func.count(BillLine.id)).where(BillLine.run_id == run.id))
    session.execute(delete(BillLine).where(BillLine.run_id == run.id))
    run.reversed_at = clock.now(session)
    run.reversed_by = getattr(actor, "display_name", "") or getattr(actor, "username", "")
    run.reversal_reason = why
    session.flush()
    return int(removed or 0)
