"""Worker processes of the concurrency tests (importable, so ``spawn`` can start them).

Each worker opens its own engine on the test database, on the tests' fixed clock, and
does one kind of money action in a loop, one transaction each. It returns what it did
and the refusals it met, as plain values: the expected refusals (a line settled or a
receipt voided meanwhile, credit used up) by class name; anything else by its
:func:`propdesk.failures.describe` kind and its raw text, for the test to judge.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select

from propdesk.clock import FixedClock
from propdesk.db.engine import Database, open_database
from propdesk.errors import DomainError
from propdesk.failures import describe
from propdesk.fees.models import BillLine, Payment
from tests.propdesk.fees.fee_fixtures import MANAGER

NOW = datetime(2026, 6, 15, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


@dataclass
class Outcome:
    """What one worker did."""

    done: int = 0
    receipts: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # DomainError class names
    failed: list[str] = field(default_factory=list)  # "kind: raw text" of anything else


def warm_up() -> None:
    """Import what the workers use and hold the process a moment (so each worker starts)."""
    import propdesk.fees.credits
    import propdesk.fees.payments
    import propdesk.fees.refunds  # noqa: F401

    time.sleep(0.3)


def _open(url: str) -> Database:
    return open_database(url, upgrade=False, clock=FixedClock(NOW))


def _wait(start_at: float) -> None:
    time.sleep(max(0.0, start_at - time.time()))


def _record(out: Outcome, exc: BaseException) -> None:
    if isinstance(exc, DomainError):
        out.refused.append(type(exc).__name__)
    else:
        failure = describe(exc)
        out.failed.append(f"{failure.kind.name}: {failure.message} | {exc!r}"[:400])


def pay(
    url: str, unit_ids: list[int], rounds: int, paid_on: str, seed: int, start_at: float
) -> Outcome:
    """``rounds`` cash payments on random units of ``unit_ids``, dated ``paid_on``."""
    from propdesk.fees.payments import take_payment

    rng = random.Random(seed)
    db = _open(url)
    out = Outcome()
    _wait(start_at)
    try:
        for _ in range(rounds):
            try:
                with db.begin(MANAGER) as s:
                    r = take_payment(
                        s,
                        unit_id=rng.choice(unit_ids),
                        amount_fen=rng.randint(500, 40_000),
                        method="cash",
                        paid_on=date.fromisoformat(paid_on),
                    )
                out.receipts.append(r.receipt_no)
                out.done += 1
            except Exception as exc:
                _record(out, exc)
    finally:
        db.dispose()
    return out


def void(url: str, unit_ids: list[int], rounds: int, seed: int, start_at: float) -> Outcome:
    """``rounds`` voids of a random live receipt of ``unit_ids`` (the newest ones first)."""
    from propdesk.fees.payments import void_payment

    rng = random.Random(seed)
    db = _open(url)
    out = Outcome()
    _wait(start_at)
    try:
        for _ in range(rounds):
            try:
                with db.begin(MANAGER) as s:
                    ids = s.scalars(
                        select(Payment.id)
                        .where(Payment.unit_id.in_(unit_ids), Payment.voided.is_(False))
                        .order_by(Payment.id.desc())
                        .limit(5)
                    ).all()
                    if not ids:
                        continue
                    void_payment(s, rng.choice(ids), reason="并发测试作废")
                out.done += 1
            except Exception as exc:
                _record(out, exc)
    finally:
        db.dispose()
    return out


def settle_from_credit(
    url: str, unit_ids: list[int], rounds: int, seed: int, start_at: float
) -> Outcome:
    """``rounds`` settlements of a unit's oldest open line from its credit, and billing-style
    credit sweeps (:func:`apply_credits`) in between."""
    from propdesk.fees.credits import apply_credits, pay_lines_from_credit

    rng = random.Random(seed)
    db = _open(url)
    out = Outcome()
    _wait(start_at)
    try:
        for k in range(rounds):
            try:
                with db.begin(MANAGER) as s:
                    if k % 3 == 2:
                        apply_credits(s, unit_ids)
                    else:
                        unit_id = rng.choice(unit_ids)
                        line_id = s.scalar(
                            select(BillLine.id)
                            .where(BillLine.unit_id == unit_id, BillLine.settled.is_(False))
                            .order_by(BillLine.due_date, BillLine.id)
                            .limit(1)
                        )
                        if line_id is None:
                            continue
                        pay_lines_from_credit(s, unit_id=unit_id, line_ids=[line_id])
                out.done += 1
            except Exception as exc:
                _record(out, exc)
    finally:
        db.dispose()
    return out


def refund(url: str, unit_ids: list[int], rounds: int, seed: int, start_at: float) -> Outcome:
    """``rounds`` small refunds out of random units' credit."""
    from propdesk.fees.refunds import refund_credit

    rng = random.Random(seed)
    db = _open(url)
    out = Outcome()
    _wait(start_at)
    try:
        for _ in range(rounds):
            try:
                with db.begin(MANAGER) as s:
                    refund_credit(
                        s,
                        unit_id=rng.choice(unit_ids),
                        amount_fen=rng.randint(100, 5_000),
                        method="cash",
                        reason="并发测试退款",
                    )
                out.done += 1
            except Exception as exc:
                _record(out, exc)
    finally:
        db.dispose()
    return out
