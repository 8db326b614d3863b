"""Key deposits (钥匙押金): money a resident leaves for a key in custody, in the deposit ledger.

Taking the key into custody (:func:`propdesk.keys.services.deposit_key`) and taking its
deposit are separate steps; the deposit is held (not income) until given back when the
key is withdrawn.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from propdesk.deposits import ledger
from propdesk.deposits.models import DepositKind
from propdesk.deposits.values import DeductionItem, DepositRefundResult, ReceivedDeposit
from propdesk.errors import NotAllowed, NotFound
from propdesk.keys.models import KeyDeposit

#: The deposit ledger source of a key deposit (``source_ref`` is the custody id).
KEY_SOURCE = "key_deposit"


def take_key_deposit(
    session: Session,
    *,
    key_deposit_id: int,
    amount_fen: int,
    method: str,
    txn_ref: str | None = None,
    on: date | None = None,
) -> ReceivedDeposit:
    """Take the deposit for a key in custody; returns its 押金收据 number."""
    key = session.get(KeyDeposit, key_deposit_id)
    if key is None:
        raise NotFound("该钥匙托管记录不存在。")
    return ledger.receive_deposit(
        session,
        kind=DepositKind.KEY,
        unit_id=key.unit_id,
        amount_fen=amount_fen,
        method=method,
        payer=key.deposited_by,
        description=f"钥匙押金 {key.tag_no}",
        source=KEY_SOURCE,
        source_ref=str(key.id),
        txn_ref=txn_ref,
        on=on,
    )


def refund_key_deposit(
    session: Session,
    *,
    key_deposit_id: int,
    method: str,
    deductions: tuple[DeductionItem, ...] = (),
    on: date | None = None,
) -> DepositRefundResult:
    """Give back what is still held of a key's deposit (less ``deductions``, e.g. a lost key)."""
    dep = ledger.deposit_for(session, KEY_SOURCE, str(key_deposit_id))
    if dep is None:
        raise NotAllowed("该钥匙没有收取押金。")
    return ledger.refund_deposit(
        session, dep.id, method=method, deductions=deductions, reason="钥匙押金退还", on=on
    )
