"""Refunds (退款) out of a unit's credit balance (overpayments, prepayments no longer wanted)."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.auth.permissions import Permission, require
from propdesk.errors import NotAllowed, ValidationError
from propdesk.fees.credits import credit_balance, lock_unit
from propdesk.fees.models import CreditEntry, PayMethod, Refund
from propdesk.fees.payments import TAKEN_METHODS
from propdesk.fees.period_lock import ensure_open


def refund_credit(
    session: Session,
    *,
    unit_id: int,
    amount_fen: int,
    method: str,
    reason: str,
    on: date | None = None,
) -> int:
    """Pay back part of the unit's credit; needs a supervisor's right to void receipts.

    ``on`` is the refund date shown on the statement (default today).
    """
    actor = session.info.get("actor")
    require(actor, Permission.VOID_RECEIPT)
    ensure_open(session, clock.day_or_today(session, on))
    if isinstance(amount_fen, bool) or not isinstance(amount_fen, int) or amount_fen <= 0:
        raise ValidationError("amount_fen", "退款金额必须大于 0。")
    if method not in {m.value for m in TAKEN_METHODS}:
        raise ValidationError("method", "请选择退款方式。")
    reason = (reason or "").strip()
    if len(reason) < 2:
        raise ValidationError("reason", "请填写退款原因。")
    lock_unit(session, unit_id)  # the balance read next stays true until commit
    balance = credit_balance(session, unit_id)
    if amount_fen > balance:
        raise NotAllowed(f"退款金额超过该房屋的预收余额（{balance / 100:.2f} 元）。")
    username = getattr(actor, "username", "")
    refund = Refund(
        unit_id=unit_id,
        amount_fen=amount_fen,
        method=PayMethod(method).value,
        reason=reason[:200],
        refunded_on=clock.day_or_today(session, on),
        by=username,
    )
    session.add(refund)
    session.flush()
    session.add(
        CreditEntry(
            unit_id=unit_id, amount_fen=-amount_fen, kind="refund", refund_id=refund.id, by=username
        )
    )
    session.flush()
    return refund.id
