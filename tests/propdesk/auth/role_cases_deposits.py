"""Role cases of the deposit ledger (押金台账): taking a deposit and refunding one."""

from __future__ import annotations

from typing import Any

from propdesk.auth.permissions import Permission
from propdesk.deposits import ledger
from tests.propdesk.auth.role_matrix import Call, Guarded


def _receive(c: Call) -> object:
    return c.run(
        lambda s: ledger.receive_deposit(
            s,
            kind="other",
            unit_id=c.world.unit_id,
            amount_fen=10_000,
            method="cash",
            payer="张三",
            source="role-case",
            source_ref=c.tag,
        )
    )


def _held_deposit(c: Call) -> Any:
    def make(s: Any) -> int:
        got = ledger.receive_deposit(
            s,
            kind="other",
            unit_id=c.world.unit_id,
            amount_fen=10_000,
            method="cash",
            payer="张三",
            source="role-case-refund",
            source_ref=c.tag,
        )
        return int(got.deposit_id)

    return c.as_system(make)


def _refund(c: Call) -> object:
    return c.run(lambda s: ledger.refund_deposit(s, c.prepared, method="cash", reason="退房"))


CASES = [
    Guarded("propdesk.deposits.ledger.receive_deposit", Permission.TAKE_PAYMENT, _receive),
    Guarded(
        "propdesk.deposits.ledger.refund_deposit",
        Permission.VOID_RECEIPT,
        _refund,
        prepare=_held_deposit,
    ),
]
