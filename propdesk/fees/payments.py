"""Taking payments (收费), allocating them to bill lines, prepayments, discounts and voids.

Allocation: the oldest open lines first (by due date), unless the clerk picks lines, in
which case exactly those lines in the order picked. What is left over is kept as a
credit on the unit (预收/溢缴) that later bills consume. A transaction reference (bank,
WeChat, Alipay) is accepted once across every channel. Every payment gets a gap-free
receipt number (:mod:`propdesk.fees.receipt_numbers`); a receipt is voided with a
reason by someone allowed to (主管/经理/财务), or by a clerk with such a person's
authorisation on the spot (主管授权), never deleted.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.auth.approvals import ApprovalAction, record_key, redeem_approval
from propdesk.auth.permissions import Permission, require
from propdesk.errors import (
    Conflict,
    DomainError,
    InvalidTransition,
    NotAllowed,
    NotFound,
    ValidationError,
)
from propdesk.fees.allocation import OpenLine, allocate
from propdesk.fees.credits import add_credit, credit_balance, lock_unit
from propdesk.fees.items import item_id as find_item_id
from propdesk.fees.items import rate_on
from propdesk.fees.models import (
    BILLING_SOURCE,
    PAY_METHOD_ZH,
    Allocation,
    AllocKind,
    BillLine,
    CreditEntry,
    DiscountRule,
    FeeItem,
    ItemKind,
    Payment,
    PayMethod,
)
from propdesk.fees.money import yuan
from propdesk.fees.payment_dates import payment_day
from propdesk.fees.period_lock import ensure_open, void_day
from propdesk.fees.periods import add_months, first_day, last_day, period_of
from propdesk.fees.picked_lines import picked_open_lines
from propdesk.fees.receipt_numbers import next_receipt_no
from propdesk.fees.rounding import centi_times_rate
from propdesk.registry.models import Building, ParkingSpace, Unit

MAX_PAYMENT_FEN = 100_000_000
METHODS_NEEDING_REF = frozenset({PayMethod.TRANSFER, PayMethod.WECHAT, PayMethod.ALIPAY})
TAKEN_METHODS = (
    PayMethod.CASH,
    PayMethod.TRANSFER,
    PayMethod.CARD,
    PayMethod.WECHAT,
    PayMethod.ALIPAY,
)
_REF = re.compile(r"^[A-Z0-9_-]{6,64}$")


@dataclass(frozen=True)
class Prepay:
    """Prepay ``months`` future months of a monthly item (e.g. a year of 物业服务费)."""

    item_code: str
    months: int


@dataclass(frozen=True)
class PaymentResult:
    payment_id: int
    receipt_no: str
    amount_fen: int
    allocated_fen: int
    credit_fen: int
    discount_fen: int
    discount_note: str
    line_ids: tuple[int, ...]


def normalize_txn_ref(ref: str | None) -> str | None:
    """Upper-case, spaces removed; ``None`` when empty."""
    text = re.sub(r"\s+", "", ref or "").upper()
    return text or None


def _validate(amount_fen: int, method: str, txn_ref: str | None) -> tuple[PayMethod, str | None]:
    if isinstance(amount_fen, bool) or not isinstance(amount_fen, int) or amount_fen <= 0:
        raise ValidationError("amount_fen", "收款金额必须大于 0。")
    if amount_fen > MAX_PAYMENT_FEN:
        raise ValidationError("amount_fen", "收款金额过大，请检查。")
    try:
        pay_method = PayMethod(method)
    except ValueError:
        raise ValidationError("method", "请选择付款方式。") from None
    if pay_method not in TAKEN_METHODS:
        raise ValidationError("method", "请选择付款方式。")
    ref = normalize_txn_ref(txn_ref)
    if ref is None and pay_method in METHODS_NEEDING_REF:
        raise ValidationError("txn_ref", f"{PAY_METHOD_ZH[pay_method]}收款请填写交易流水号。")
    if ref is not None and not _REF.match(ref):
        raise ValidationError("txn_ref", "交易流水号应为 6 到 64 位字母或数字。")
    return pay_method, ref


def _prepay_lines(
    session: Session, unit: Unit, prepay: Prepay, today: date, username: str
) -> tuple[list[int], list[int], str]:
    """Create the future lines of a prepayment; return (line ids, free line ids, discount note)."""
    if not 1 <= prepay.months <= 36:
        raise ValidationError("prepay_months", "预缴月数应在 1 到 36 之间。")
    iid = find_item_id(session, prepay.item_code)
    item = session.get(FeeItem, iid)
    assert item is not None
    if item.kind not in (ItemKind.AREA, ItemKind.PER_UNIT, ItemKind.PARKING):
        raise ValidationError("prepay_item", f"“{item.name}”不能预缴。")
    last = session.scalar(
        select(BillLine.period)
        .where(
            BillLine.unit_id == unit.id,
            BillLine.item_id == iid,
            BillLine.source == BILLING_SOURCE,
        )
        .order_by(BillLine.period.desc())
        .limit(1)
    )
    start = add_months(last, 1) if last else period_of(today)
    if item.kind == ItemKind.AREA:
        qty = unit.area_centi
    elif item.kind == ItemKind.PARKING:
        spaces = session.scalars(select(ParkingSpace.id).where(ParkingSpace.unit_id == unit.id))
        qty = len(spaces.all()) * 100
    else:
        if item.code == "elevator":
            building = session.get(Building, unit.building_id)
            if building is not None and not building.has_elevator:
                raise ValidationError("prepay_item", "该楼栋没有电梯，不收电梯费。")
        qty = 100
    ids: list[int] = []
    for k in range(prepay.months):
        period = add_months(start, k)
        rate = rate_on(session, iid, first_day(period))
        if rate is None:
            raise ValidationError("prepay_item", f"“{item.name}”尚未设置单价，不能预缴。")
        amount = centi_times_rate(qty, rate)
        if amount <= 0:
            raise ValidationError("prepay_item", f"该房屋没有“{item.name}”应缴费用。")
        line = BillLine(
            unit_id=unit.id,
            item_id=iid,
            period=period,
            due_date=last_day(period),
            quantity_centi=qty,
            rate_fen=rate,
            amount_fen=amount,
            description="预缴",
            source=BILLING_SOURCE,
            source_ref="",
            created_by=username,
        )
        session.add(line)
        session.flush()
        ids.append(line.id)
    rule = session.scalars(
        select(DiscountRule)
        .where(
            DiscountRule.item_id == iid,
            DiscountRule.active.is_(True),
            DiscountRule.min_months <= prepay.months,
        )
        .order_by(DiscountRule.free_months.desc())
        .limit(1)
    ).first()
    if rule is None:
        return ids, [], ""
    free = ids[-rule.free_months :]
    return ids, free, f"{rule.name}（预缴{prepay.months}个月，减免{rule.free_months}个月）"


def _open_lines(session: Session, unit_id: int, line_ids: Sequence[int] | None) -> list[BillLine]:
    """The unit's open lines oldest first (or the picked ones in order), locked for update.

    Locked in id order (FOR UPDATE on PostgreSQL) so two money actions on the same lines
    wait for each other instead of both writing from the same old ``paid_fen``.
    """
    if line_ids is None:
        locked = session.scalars(
            select(BillLine)
            .where(BillLine.unit_id == unit_id, BillLine.settled.is_(False))
            .order_by(BillLine.id)
            .with_for_update()
            .execution_options(populate_existing=True)
        ).all()
        return sorted(locked, key=lambda line: (line.due_date, line.id))
    if len(set(line_ids)) != len(line_ids):
        raise ValidationError("lines", "所选账单重复。")
    return picked_open_lines(session, unit_id, line_ids, lock=True)


def take_payment(
    session: Session,
    *,
    unit_id: int,
    amount_fen: int,
    method: str,
    txn_ref: str | None = None,
    line_ids: Sequence[int] | None = None,
    prepay: Prepay | None = None,
    payer: str = "",
    notes: str = "",
    paid_on: date | None = None,
    idempotency_key: str | None = None,
) -> PaymentResult:
    """Take a payment for a unit and allocate it; see the module docstring for the rules.

    ``idempotency_key`` (made when the payment form opens, kept for its retries) makes the
    action happen once: when a payment with that key exists, its result (the same receipt)
    is returned if the unit, amount and method match, else :class:`Conflict` is raised.
    """
    key = _clean_key(idempotency_key)
    if key is not None:
        return _take_once(
            session,
            key,
            lambda: take_payment(
                session,
                unit_id=unit_id,
                amount_fen=amount_fen,
                method=method,
                txn_ref=txn_ref,
                line_ids=line_ids,
                prepay=prepay,
                payer=payer,
                notes=notes,
                paid_on=paid_on,
            ),
            unit_id=unit_id,
            amount_fen=amount_fen,
            method=method,
        )
    actor = session.info.get("actor")
    require(actor, Permission.TAKE_PAYMENT)
    pay_method, ref = _validate(amount_fen, method, txn_ref)
    day = payment_day(session, paid_on)
    username = getattr(actor, "username", "")
    # First write of the transaction: the receipt number (see receipt_numbers).
    receipt_no, _seq = next_receipt_no(session, day.year)
    ensure_open(session, day, cashier=getattr(actor, "display_name", username))
    if ref is not None:
        taken = session.scalar(select(Payment.receipt_no).where(Payment.txn_ref == ref))
        if taken is not None:
            raise Conflict(f"交易流水号 {ref} 已在收据 {taken} 中收过款，不能重复收取。")
    # The unit first, then its lines: every money action on a unit takes them in that order.
    unit = lock_unit(session, unit_id)
    free_ids: list[int] = []
    discount_note = ""
    if prepay is not None:
        prepaid_ids, free_ids, discount_note = _prepay_lines(session, unit, prepay, day, username)
        # Arrears first (the picked lines, or every open line), then the prepaid months.
        prepaid = [i for i in prepaid_ids if i not in free_ids]
        if line_ids is None:
            before = [
                line.id
                for line in _open_lines(session, unit.id, None)
                if line.id not in prepaid_ids
            ]
        else:
            before = list(line_ids)
        lines = _open_lines(session, unit.id, before + prepaid)
    else:
        lines = _open_lines(session, unit.id, line_ids)
    payment = Payment(
        receipt_no=receipt_no,
        unit_id=unit.id,
        paid_at=clock.now(session),
        paid_on=day,
        amount_fen=amount_fen,
        method=pay_method.value,
        txn_ref=ref,
        payer=(payer or "").strip()[:50],
        notes=(notes or "").strip(),
        taken_by=getattr(actor, "display_name", username),
        discount_note=discount_note,
    )
    session.add(payment)
    session.flush()
    allocations: list[dict[str, object]] = []
    discount = 0
    for lid in free_ids:
        line = session.get(BillLine, lid)
        assert line is not None
        line.waived_fen = line.amount_fen
        line.settled = True
        discount += line.amount_fen
        allocations.append(_alloc(line.id, payment.id, AllocKind.DISCOUNT, line.amount_fen, day))
    by_id = {line.id: line for line in lines}
    plan = allocate(
        amount_fen,
        [OpenLine(x.id, x.due_date, x.amount_fen - x.paid_fen - x.waived_fen) for x in lines],
        picked=[x.id for x in lines],  # already in settling order
    )
    remaining = plan.credit_fen
    touched: list[int] = []
    for part in plan.allocations:
        line = by_id[part.line_id]
        line.paid_fen += part.take_fen
        line.settled = line.paid_fen + line.waived_fen == line.amount_fen
        touched.append(line.id)
        allocations.append(_alloc(line.id, payment.id, AllocKind.PAYMENT, part.take_fen, day))
    if remaining > 0:
        add_credit(
            session, unit.id, remaining, "prepay" if prepay else "overpay", payment_id=payment.id
        )
    payment.allocated_fen = amount_fen - remaining
    payment.credit_fen = remaining
    payment.discount_fen = discount
    session.flush()
    if allocations:
        session.execute(insert(Allocation), allocations)
    return PaymentResult(
        payment.id,
        receipt_no,
        amount_fen,
        payment.allocated_fen,
        remaining,
        discount,
        discount_note,
        tuple(touched + free_ids),
    )


def _alloc(
    line_id: int, payment_id: int, kind: AllocKind, amount: int, day: date
) -> dict[str, object]:
    return {
        "bill_line_id": line_id,
        "payment_id": payment_id,
        "kind": kind.value,
        "amount_fen": amount,
        "paid_on": day,
    }


_KEY = re.compile(r"^[0-9A-Za-z_-]{1,40}$")


def _clean_key(key: str | None) -> str | None:
    text = (key or "").strip()
    if not text:
        return None
    if not _KEY.match(text):
        raise ValidationError("idempotency_key", "收款标识无效，请关闭收款窗口后重新打开。")
    return text


def _take_once(
    session: Session,
    key: str,
    take: Callable[[], PaymentResult],
    *,
    unit_id: int,
    amount_fen: int,
    method: str,
) -> PaymentResult:
    """Run ``take`` once per ``key``: a repeat returns the payment already taken with it.

    The unique index on ``payment.idempotency_key`` settles a race between two
    transactions: the loser's work is rolled back to a savepoint (its receipt number
    included) and it returns the winner's payment.
    """
    require(session.info.get("actor"), Permission.TAKE_PAYMENT)
    # No read before the payment's first write (its receipt number), so SQLite's busy
    # timeout serialises desks; a repeat shows up as a refusal or a duplicate key instead.
    try:
        with session.begin_nested():  # rolled back to here on any error
            result = take()
            payment = session.get(Payment, result.payment_id)
            assert payment is not None
            payment.idempotency_key = key
            session.flush()
    except (IntegrityError, DomainError):
        done = _taken_with_key(session, key, unit_id=unit_id, amount_fen=amount_fen, method=method)
        if done is None:
            raise
        return done
    return result


def _taken_with_key(
    session: Session, key: str, *, unit_id: int, amount_fen: int, method: str
) -> PaymentResult | None:
    """The payment already taken with ``key`` (``None`` if none); Conflict if it differs."""
    payment = session.scalars(select(Payment).where(Payment.idempotency_key == key)).first()
    if payment is None:
        return None
    if (payment.unit_id, payment.amount_fen, payment.method) != (unit_id, amount_fen, method):
        unit = session.get(Unit, payment.unit_id)
        raise Conflict(
            f"这次收款已办理：收据 {payment.receipt_no}（{unit.code if unit else ''}，"
            f"{PAY_METHOD_ZH[PayMethod(payment.method)]} ¥{yuan(payment.amount_fen)}），"
            "与现在填写的房屋、金额或付款方式不同，未再收款。请核对后重新打开收款窗口。"
        )
    if payment.voided:
        raise Conflict(f"这次收款已办理（收据 {payment.receipt_no}），该收据已作废，未再收款。")
    allocs = session.execute(
        select(Allocation.bill_line_id, Allocation.kind)
        .where(Allocation.payment_id == payment.id)
        .order_by(Allocation.id)
    ).all()
    paid = [a.bill_line_id for a in allocs if a.kind == AllocKind.PAYMENT]
    free = [a.bill_line_id for a in allocs if a.kind == AllocKind.DISCOUNT]
    return PaymentResult(
        payment.id,
        payment.receipt_no,
        payment.amount_fen,
        payment.allocated_fen,
        payment.credit_fen,
        payment.discount_fen,
        payment.discount_note,
        tuple(paid + free),
    )


def void_payment(
    session: Session, payment_id: int, *, reason: str, approval: str | None = None
) -> None:
    """Void a receipt (作废): its allocations are reversed, the record and number are kept.

    Needs :attr:`Permission.VOID_RECEIPT` (a supervisor, manager or finance): either the
    acting user holds it (and is then the approver), or ``approval`` is a single-use token
    from :func:`propdesk.auth.approvals.grant_approval` — a supervisor who typed their
    password at the clerk's desk (主管授权) for this very receipt. Both the requester and
    the approver are recorded. A payment whose credit has been used already cannot be
    voided until that is sorted out.
    """
    actor = session.info.get("actor")
    if approval is None:
        require(actor, Permission.VOID_RECEIPT)
        approver = actor
    else:
        if actor is None:
            require(actor, Permission.VOID_RECEIPT)
        approver = redeem_approval(
            session,
            approval,
            action=ApprovalAction.VOID_PAYMENT,
            record=record_key("payment", payment_id),
        )
    reason = (reason or "").strip()
    if len(reason) < 2:
        raise ValidationError("reason", "请填写作废原因。")
    payment = session.get(Payment, payment_id, with_for_update=True, populate_existing=True)
    if payment is None:
        raise NotFound("收据不存在。")
    if payment.voided:
        raise InvalidTransition(f"收据 {payment.receipt_no} 已作废。")
    # Same order as taking a payment: the unit, then its lines by id.
    lock_unit(session, payment.unit_id)
    void_day(session, payment, by=getattr(actor, "display_name", ""))
    if payment.credit_fen > 0 and credit_balance(session, payment.unit_id) < payment.credit_fen:
        raise NotAllowed(
            f"收据 {payment.receipt_no} 的预收款已被后续账单抵扣，不能直接作废；请先办理退款或调整。"
        )
    allocs = session.scalars(
        select(Allocation).where(
            Allocation.payment_id == payment.id, Allocation.reversed.is_(False)
        )
    ).all()
    lines = {
        line.id: line
        for line in session.scalars(
            select(BillLine)
            .where(BillLine.id.in_(sorted({a.bill_line_id for a in allocs})))
            .order_by(BillLine.id)
            .with_for_update()
            .execution_options(populate_existing=True)
        ).all()
    }
    for a in allocs:
        line = lines[a.bill_line_id]
        if a.kind == AllocKind.DISCOUNT:
            line.waived_fen -= a.amount_fen
        else:
            line.paid_fen -= a.amount_fen
        line.settled = line.paid_fen + line.waived_fen == line.amount_fen
        a.reversed = True
    if payment.credit_fen > 0:
        session.add(
            CreditEntry(
                unit_id=payment.unit_id,
                amount_fen=-payment.credit_fen,
                kind="void",
                payment_id=payment.id,
                by=getattr(actor, "username", ""),
            )
        )
    payment.voided = True
    payment.void_reason = reason[:200]
    payment.voided_by = getattr(actor, "display_name", "")
    payment.void_approved_by = getattr(approver, "display_name", "")
    payment.voided_at = clock.now(session)

