"""Arrears (欠费): what each unit still owes, aged in buckets, with the late fee.

A line is in arrears once its due date has passed (``due_date ≤ as_of``) and
``amount − paid − waived > 0``. Ageing buckets by days past the due date:
≤30, 31–90, 91–180, >180. The late fee follows :mod:`propdesk.fees.latefee`; the list
of all units is aggregated in SQL (one query) so it stays fast for a large estate.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Executable,
    Integer,
    Select,
    and_,
    bindparam,
    case,
    cast,
    exists,
    func,
    literal,
    select,
)
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.auth.approvals import ApprovalAction, record_key, redeem_approval
from propdesk.auth.permissions import Permission, require
from propdesk.errors import NotFound, ValidationError
from propdesk.fees.credits import credit_balance
from propdesk.fees.latefee import late_fee, outstanding
from propdesk.fees.models import BillLine, FeeItem, Waiver
from propdesk.fees.period_lock import ensure_open
from propdesk.fees.settings import FeeSettings, get_fee_settings
from propdesk.registry.models import Building, Unit

BUCKETS = ("≤30天", "31–90天", "91–180天", ">180天")


def bucket_index(days: int) -> int:
    """0: ≤30 days, 1: 31–90, 2: 91–180, 3: >180 (days past the due date)."""
    if days <= 30:
        return 0
    if days <= 90:
        return 1
    if days <= 180:
        return 2
    return 3


@dataclass(frozen=True)
class OpenLine:
    """An unsettled line as the cashier and the statement show it."""

    line_id: int
    item_code: str
    item_name: str
    period: str
    description: str
    due_date: date
    amount_fen: int
    paid_fen: int
    waived_fen: int
    owed_fen: int
    days_overdue: int  # 0 when not yet due
    late_fee_fen: int
    late_fee_waived: bool


@dataclass(frozen=True)
class UnitArrears:
    unit_id: int
    as_of: date
    lines: tuple[OpenLine, ...]  # every open line, oldest first (also those not yet due)
    owed_fen: int  # overdue only
    not_due_fen: int
    buckets: tuple[int, int, int, int]
    late_fee_fen: int
    credit_fen: int


@dataclass(frozen=True)
class ArrearsRow:
    """One unit in the arrears list."""

    unit_id: int
    unit_code: str
    building_id: int
    building_name: str
    owed_fen: int
    buckets: tuple[int, int, int, int]
    oldest_due: date
    late_fee_fen: int


def _late_waived_ids(session: Session, line_ids: list[int]) -> set[int]:
    if not line_ids:
        return set()
    return set(session.scalars(_late_waived_statement(), {"line_ids": line_ids}).all())


# The unit page and the cashier read a unit's account for every unit opened: these
# statements are built once, with the unit and the lines bound parameters (building them
# cost more than running them).


@cache
def _late_waived_statement() -> Select[int]:
    return select(Waiver.bill_line_id).where(
        Waiver.bill_line_id.in_(bindparam("line_ids", expanding=True)), Waiver.kind == "late_fee"
    )


@cache
def _open_lines_statement() -> Executable:
    return (
        select(
            BillLine.id,
            FeeItem.code,
            FeeItem.name,
            BillLine.period,
            BillLine.description,
            BillLine.due_date,
            BillLine.amount_fen,
            BillLine.paid_fen,
            BillLine.waived_fen,
            BillLine.late_fee_charged_fen,
            BillLine.late_fee_of,
        )
        .join(FeeItem, FeeItem.id == BillLine.item_id)
        .where(BillLine.unit_id == bindparam("unit_id", type_=Integer), BillLine.settled.is_(False))
        .order_by(BillLine.due_date, BillLine.id)
    )


def unit_arrears(session: Session, unit_id: int, as_of: date | None = None) -> UnitArrears:
    """Every open line of a unit with its age and late fee, and the unit's totals."""
    day = clock.day_or_today(session, as_of)
    settings = get_fee_settings(session)
    rows = session.execute(_open_lines_statement(), {"unit_id": unit_id}).all()
    waived = _late_waived_ids(session, [r.id for r in rows])
    lines: list[OpenLine] = []
    buckets = [0, 0, 0, 0]
    owed_total = not_due = fee_total = 0
    for r in rows:
        owed = r.amount_fen - r.paid_fen - r.waived_fen
        days = max(0, (day - r.due_date).days) if r.due_date <= day else 0
        fee = 0
        if (
            settings.late_fee_enabled
            and r.due_date <= day
            and r.id not in waived
            and r.late_fee_of is None
        ):
            accrued = late_fee(
                owed,
                r.due_date,
                day,
                rate_per_10k=settings.late_fee_rate_per_10k,
                grace_days=settings.grace_days,
            )
            fee = outstanding(accrued, r.late_fee_charged_fen)
        lines.append(
            OpenLine(
                r.id,
                r.code,
                r.name,
                r.period,
                r.description,
                r.due_date,
                r.amount_fen,
                r.paid_fen,
                r.waived_fen,
                owed,
                days,
                fee,
                r.id in waived,
            )
        )
        if r.due_date <= day:
            owed_total += owed
            buckets[bucket_index(days)] += owed
            fee_total += fee
        else:
            not_due += owed
    return UnitArrears(
        unit_id,
        day,
        tuple(lines),
        owed_total,
        not_due,
        (buckets[0], buckets[1], buckets[2], buckets[3]),
        fee_total,
        credit_balance(session, unit_id),
    )


def _days_expr(session: Session, as_of: date) -> ColumnElement[int]:
    if session.get_bind().dialect.name == "postgresql":
        return literal(as_of) - BillLine.due_date  # type: ignore[return-value]
    return cast(func.julianday(as_of.isoformat()) - func.julianday(BillLine.due_date), Integer)


def arrears_list(
    session: Session,
    *,
    as_of: date | None = None,
    building_id: int | None = None,
    min_owed_fen: int = 0,
    min_days: int = 0,
    code_prefix: str = "",
) -> list[ArrearsRow]:
    """Units in arrears on ``as_of`` (default today), most owed first; filters in SQL."""
    day = clock.day_or_today(session, as_of)
    settings = get_fee_settings(session)
    owed = BillLine.amount_fen - BillLine.paid_fen - BillLine.waived_fen
    days = _days_expr(session, day)

    def in_bucket(lo: int, hi: int | None) -> ColumnElement[int]:
        cond = BillLine.due_date <= day - timedelta(days=lo)
        if hi is not None:
            cond = and_(cond, BillLine.due_date > day - timedelta(days=hi + 1))
        return func.coalesce(func.sum(case((cond, owed), else_=0)), 0)

    if settings.late_fee_enabled and settings.late_fee_rate_per_10k > 0:
        late_days = days - settings.grace_days
        not_waived = ~exists().where(Waiver.bill_line_id == BillLine.id, Waiver.kind == "late_fee")
        per_line = (
            cast(owed, BigInteger) * settings.late_fee_rate_per_10k * late_days * 2 + 10_000
        ) // 20_000
        net = per_line - BillLine.late_fee_charged_fen
        fee: ColumnElement[int] = func.coalesce(
            func.sum(
                case(
                    (
                        and_(late_days > 0, not_waived, BillLine.late_fee_of.is_(None), net > 0),
                        net,
                    ),
                    else_=0,
                )
            ),
            0,
        )
    else:
        fee = literal(0)
    stmt = (
        select(
            Unit.id.label("unit_id"),
            Unit.code.label("unit_code"),
            Building.id.label("building_id"),
            Building.name.label("building_name"),
            func.sum(owed).label("owed"),
            in_bucket(0, 30).label("b30"),
            in_bucket(31, 90).label("b90"),
            in_bucket(91, 180).label("b180"),
            in_bucket(181, None).label("b_older"),
            func.min(BillLine.due_date).label("oldest_due"),
            fee.label("late_fee"),
        )
        .join(Unit, Unit.id == BillLine.unit_id)
        .join(Building, Building.id == Unit.building_id)
        .where(BillLine.settled.is_(False), BillLine.due_date <= day)
        .group_by(Unit.id, Unit.code, Building.id, Building.name)
        .order_by(func.sum(owed).desc(), Unit.code)
    )
    if building_id is not None:
        stmt = stmt.where(Unit.building_id == building_id)
    if code_prefix.strip():
        stmt = stmt.where(Unit.code.startswith(code_prefix.strip(), autoescape=True))
    if min_owed_fen > 0:
        stmt = stmt.having(func.sum(owed) >= min_owed_fen)
    if min_days > 0:
        stmt = stmt.having(func.min(BillLine.due_date) <= day - timedelta(days=min_days))
    out: list[ArrearsRow] = []
    for r in session.execute(stmt).all():
        out.append(
            ArrearsRow(
                r.unit_id,
                r.unit_code,
                r.building_id,
                r.building_name,
                int(r.owed),
                (int(r.b30), int(r.b90), int(r.b180), int(r.b_older)),
                r.oldest_due,
                int(r.late_fee or 0),
            )
        )
    return out


def waiver_record(line_id: int, *, late_fee: bool = False) -> str:
    """What a waiver approval is bound to: the bill line (or its late fee)."""
    return record_key("late_fee" if late_fee else "bill_line", line_id)


def _waiver_approver(
    session: Session, approval: str | None, line_id: int, *, late_fee: bool = False
) -> str:
    """Who approves the waiver: the acting manager, or the manager of ``approval``."""
    actor = session.info.get("actor")
    if approval is None:
        require(actor, Permission.WAIVE)
        return str(getattr(actor, "display_name", ""))
    if actor is None:
        require(actor, Permission.WAIVE)
    approver = redeem_approval(
        session,
        approval,
        action=ApprovalAction.WAIVE,
        record=waiver_record(line_id, late_fee=late_fee),
    )
    return approver.display_name


def waive_arrears(
    session: Session, *, line_id: int, amount_fen: int, reason: str, approval: str | None = None
) -> int:
    """Waive (减免) part of a line; a manager's decision with a reason (the acting manager,
    or a manager's single-use approval for this line: :mod:`propdesk.auth.approvals`)."""
    require(session.info.get("actor"), Permission.TAKE_PAYMENT)  # a logged-in desk user
    approved_by = _waiver_approver(session, approval, line_id)
    reason = _reason(reason)
    ensure_open(session, clock.today(session))
    line = session.get(BillLine, line_id, with_for_update=True)
    if line is None:
        raise NotFound("账单不存在。")
    owed = line.amount_fen - line.paid_fen - line.waived_fen
    if isinstance(amount_fen, bool) or not isinstance(amount_fen, int) or amount_fen <= 0:
        raise ValidationError("amount_fen", "减免金额必须大于 0。")
    if amount_fen > owed:
        raise ValidationError("amount_fen", f"减免金额不能超过欠费 {owed / 100:.2f} 元。")
    line.waived_fen += amount_fen
    line.settled = line.paid_fen + line.waived_fen == line.amount_fen
    waiver = Waiver(
        bill_line_id=line.id,
        kind="arrears",
        amount_fen=amount_fen,
        reason=reason,
        approved_by=approved_by,
    )
    session.add(waiver)
    session.flush()
    return waiver.id


def waive_late_fee(
    session: Session,
    *,
    line_id: int,
    reason: str,
    as_of: date | None = None,
    approval: str | None = None,
) -> int:
    """Waive the whole late fee of a line (now and later); a manager's decision (or a
    manager's single-use approval for this line's late fee)."""
    require(session.info.get("actor"), Permission.TAKE_PAYMENT)  # a logged-in desk user
    approved_by = _waiver_approver(session, approval, line_id, late_fee=True)
    reason = _reason(reason)
    ensure_open(session, clock.today(session))
    line = session.get(BillLine, line_id)
    if line is None:
        raise NotFound("账单不存在。")
    if _late_waived_ids(session, [line_id]):
        raise ValidationError("line", "该笔账单的滞纳金已减免。")
    settings: FeeSettings = get_fee_settings(session)
    accrued = late_fee(
        line.amount_fen - line.paid_fen - line.waived_fen,
        line.due_date,
        clock.day_or_today(session, as_of),
        rate_per_10k=settings.late_fee_rate_per_10k if settings.late_fee_enabled else 0,
        grace_days=settings.grace_days,
    )
    fee = outstanding(accrued, line.late_fee_charged_fen)
    if fee <= 0:
        raise ValidationError("line", "该笔账单目前没有滞纳金。")
    waiver = Waiver(
        bill_line_id=line.id,
        kind="late_fee",
        amount_fen=fee,
        reason=reason,
        approved_by=approved_by,
    )
    session.add(waiver)
    session.flush()
    return waiver.id


def _reason(reason: str) -> str:
    text = (reason or "").strip()
    if len(text) < 2:
        raise ValidationError("reason", "请填写减免原因。")
    return text[:200]
