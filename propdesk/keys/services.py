"""Key custody (钥匙托管): a resident deposits a unit's key; authorised people borrow and return it.

Every step records who at the desk handled it, when, and the signature (the name the
borrower signed with). A loan not returned by its due time is *overdue* and stands out
in the register, in the status bar and in the shift handover (:func:`keys_out`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from functools import cache

from sqlalchemy import Executable, Integer, bindparam, func, select
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.errors import InvalidTransition, NotFound, ValidationError
from propdesk.keys.models import KeyDeposit, KeyLoan
from propdesk.privacy import shown_phone
from propdesk.registry.models import Unit
from propdesk.session_info import actor_name as _who
from propdesk.session_info import actor_or_none
from propdesk.validate import clean_text as _text

_SPLIT = re.compile(r"[,，、;；/\s]+")


@dataclass(frozen=True)
class KeyOut:
    """A key lent out and not yet back. ``overdue`` when past ``due_at`` at the time asked."""

    loan_id: int
    deposit_id: int
    tag_no: str
    unit_id: int
    unit_code: str
    borrower: str
    borrower_phone: str  # masked for the actor
    purpose: str
    lent_at: datetime
    due_at: datetime
    overdue: bool


@dataclass(frozen=True)
class DepositInfo:
    id: int
    tag_no: str
    unit_id: int
    unit_code: str
    deposited_by: str
    phone: str
    purpose: str
    authorised: tuple[str, ...]
    key_count: int
    deposited_at: datetime
    withdrawn_at: datetime | None
    on_loan: bool


def authorised_names(text: str) -> tuple[str, ...]:
    """``"张三、李四, 王五"`` → ``("张三", "李四", "王五")``."""
    return tuple(n for n in _SPLIT.split(text or "") if n)


def _next_tag(session: Session) -> str:
    n = session.scalar(select(func.count(KeyDeposit.id))) or 0
    while True:
        n += 1
        tag = f"K{n:04d}"
        if session.scalar(select(KeyDeposit.id).where(KeyDeposit.tag_no == tag)) is None:
            return tag


def deposit_key(
    session: Session,
    *,
    unit_id: int,
    deposited_by: str,
    phone: str = "",
    purpose: str = "",
    authorised: str = "",
    key_count: int = 1,
    at: datetime | None = None,
) -> int:
    """Take a unit's key(s) into custody; return the deposit id (its tag is ``K0001``…)."""
    if session.get(Unit, unit_id) is None:
        raise NotFound("该房屋不存在。")
    name = _text(deposited_by, "deposited_by", 50, "请填写交存人。")
    names = authorised_names(_text(authorised, "authorised", 300))
    if not names:
        raise ValidationError("authorised", "请填写可领取钥匙的人（可填多人，用顿号分隔）。")
    if isinstance(key_count, bool) or not isinstance(key_count, int) or key_count <= 0:
        raise ValidationError("key_count", "钥匙数量至少为 1 把。")
    dep = KeyDeposit(
        tag_no=_next_tag(session),
        unit_id=unit_id,
        deposited_by=name,
        phone=_text(phone, "phone", 20),
        purpose=_text(purpose, "purpose", 200),
        authorised="、".join(names),
        key_count=key_count,
        deposited_at=clock.at_or_now(session, at),
        received_by=_who(session),
    )
    session.add(dep)
    session.flush()
    return dep.id


def _open_loan(session: Session, deposit_id: int) -> KeyLoan | None:
    return session.scalar(
        select(KeyLoan).where(KeyLoan.deposit_id == deposit_id, KeyLoan.returned_at.is_(None))
    )


def lend_key(
    session: Session,
    *,
    deposit_id: int,
    borrower: str,
    due_at: datetime,
    signature: str,
    borrower_phone: str = "",
    purpose: str = "",
    at: datetime | None = None,
) -> int:
    """Lend a deposited key to one of its authorised collectors until ``due_at``."""
    dep = session.get(KeyDeposit, deposit_id)
    if dep is None:
        raise NotFound("该钥匙托管记录不存在。")
    if dep.withdrawn_at is not None:
        raise InvalidTransition("该钥匙已被业主取回，不在前台。")
    if _open_loan(session, deposit_id) is not None:
        raise InvalidTransition("该钥匙已借出，尚未归还。")
    name = _text(borrower, "borrower", 50, "请填写领用人。")
    if name not in authorised_names(dep.authorised):
        raise ValidationError(
            "borrower", f"{name} 不在业主授权的领取人名单中（{dep.authorised}），不能借出。"
        )
    sign = _text(signature, "signature", 50, "请领用人签名。")
    now = clock.at_or_now(session, at)
    if due_at.tzinfo is None:
        raise ValueError("naive datetime")
    if due_at <= now:
        raise ValidationError("due_at", "归还时间应晚于借出时间。")
    loan = KeyLoan(
        deposit_id=deposit_id,
        borrower=name,
        borrower_phone=_text(borrower_phone, "borrower_phone", 20),
        purpose=_text(purpose, "purpose", 200),
        lent_at=now,
        due_at=due_at,
        lent_by=_who(session),
        borrower_signature=sign,
    )
    session.add(loan)
    session.flush()
    return loan.id


def return_key(
    session: Session,
    *,
    loan_id: int,
    returned_by: str,
    signature: str,
    at: datetime | None = None,
) -> None:
    """Record that a lent key came back (who brought it, their signature, when)."""
    loan = session.get(KeyLoan, loan_id)
    if loan is None:
        raise NotFound("该借出记录不存在。")
    if loan.returned_at is not None:
        raise InvalidTransition("该钥匙已归还。")
    now = clock.at_or_now(session, at)
    if now < loan.lent_at:
        raise ValidationError("returned_at", "归还时间不能早于借出时间。")
    loan.returned_by = _text(returned_by, "returned_by", 50, "请填写归还人。")
    loan.return_signature = _text(signature, "signature", 50, "请归还人签名。")
    loan.returned_at = now
    loan.received_back_by = _who(session)
    session.flush()


def withdraw_key(
    session: Session, *, deposit_id: int, withdrawn_by: str, at: datetime | None = None
) -> None:
    """The resident takes the key back for good (at ``at``, default now); the custody ends."""
    dep = session.get(KeyDeposit, deposit_id)
    if dep is None:
        raise NotFound("该钥匙托管记录不存在。")
    if dep.withdrawn_at is not None:
        raise InvalidTransition("该钥匙已被取回。")
    if _open_loan(session, deposit_id) is not None:
        raise InvalidTransition("该钥匙借出未还，归还后才能取回。")
    dep.withdrawn_by = _text(withdrawn_by, "withdrawn_by", 50, "请填写取回人。")
    dep.withdrawn_at = clock.at_or_now(session, at)
    session.flush()


def keys_out(session: Session, *, now: datetime, unit_id: int | None = None) -> list[KeyOut]:
    """Keys lent out and not returned, overdue first, then by due time (for the handover)."""
    actor = actor_or_none(session)
    stmt = (
        select(KeyLoan, KeyDeposit.tag_no, KeyDeposit.unit_id, Unit.code)
        .join(KeyDeposit, KeyDeposit.id == KeyLoan.deposit_id)
        .join(Unit, Unit.id == KeyDeposit.unit_id)
        .where(KeyLoan.returned_at.is_(None))
        .order_by(KeyLoan.due_at, KeyLoan.id)
    )
    if unit_id is not None:
        stmt = stmt.where(KeyDeposit.unit_id == unit_id)
    out = [
        KeyOut(
            loan.id,
            loan.deposit_id,
            tag,
            uid,
            code,
            loan.borrower,
            shown_phone(actor, loan.borrower_phone),
            loan.purpose,
            loan.lent_at,
            loan.due_at,
            loan.due_at < now,
        )
        for loan, tag, uid, code in session.execute(stmt).all()
    ]
    return sorted(out, key=lambda k: (not k.overdue, k.due_at, k.loan_id))


def count_keys_overdue(session: Session, *, now: datetime) -> int:
    """How many lent keys are past their due time (the status bar figure)."""
    return int(
        session.scalar(
            select(func.count(KeyLoan.id)).where(
                KeyLoan.returned_at.is_(None), KeyLoan.due_at < now
            )
        )
        or 0
    )


@cache
def _unit_key_statements() -> tuple[Executable, Executable]:
    """(the unit's keys out on loan, the unit's keys) for ``:unit_id``, built once: the unit
    page reads them for every unit opened."""
    unit = bindparam("unit_id", type_=Integer)
    loans = (
        select(KeyLoan.deposit_id)
        .join(KeyDeposit, KeyDeposit.id == KeyLoan.deposit_id)
        .where(KeyDeposit.unit_id == unit, KeyLoan.returned_at.is_(None))
    )
    keys = (
        select(KeyDeposit, Unit.code)
        .join(Unit, Unit.id == KeyDeposit.unit_id)
        .where(KeyDeposit.unit_id == unit)
        .order_by(KeyDeposit.withdrawn_at.is_not(None), KeyDeposit.deposited_at.desc())
    )
    return loans, keys


def unit_deposits(session: Session, unit_id: int) -> list[DepositInfo]:
    """The unit's keys in custody (current first, then withdrawn ones)."""
    actor = actor_or_none(session)
    loans_stmt, keys_stmt = _unit_key_statements()
    unit = {"unit_id": unit_id}
    on_loan = set(session.scalars(loans_stmt, unit))
    rows = session.execute(keys_stmt, unit).all()
    return [
        DepositInfo(
            d.id,
            d.tag_no,
            d.unit_id,
            code,
            d.deposited_by,
            shown_phone(actor, d.phone),
            d.purpose,
            authorised_names(d.authorised),
            d.key_count,
            d.deposited_at,
            d.withdrawn_at,
            d.id in on_loan,
        )
        for d, code in rows
    ]
