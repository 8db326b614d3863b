"""The occupancy demo step: permits in every state, an overdue violation, an overdue key,
move-ins in progress and moving appointments — dated by the demo's day, not the wall clock."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Table, func, select
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.db.engine import Database, open_database
from propdesk.demo import build, steps
from propdesk.deposits.models import Deposit, DepositRefund
from propdesk.fees.models import Allocation, BillLine, CreditEntry, MeterReading, Payment, Refund
from propdesk.keys.models import KeyDeposit, KeyLoan
from propdesk.keys.services import keys_out
from propdesk.movein.models import MoveIn, MoveOut, MovingAppointment
from propdesk.registry.models import Unit
from propdesk.renovation.models import (
    DepositDeduction,
    Inspection,
    RenovationPermit,
    RenovationWorker,
    Violation,
)
from propdesk.renovation.queries import attention_counts, overdue_violations
from tests.propdesk.renovation.fixtures import CLERK

OCCUPANCY_STEPS = ("propdesk.demo.registry", "propdesk.auth.demo")


@pytest.fixture
def occupancy_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """The demo with the registry, the users and the occupancy step only."""
    monkeypatch.setattr(
        steps,
        "DEMO_STEPS",
        [s for s in steps.DEMO_STEPS if s[1] in OCCUPANCY_STEPS]
        + [(50, "propdesk.renovation.demo", "build_occupancy")],
    )


def _demo_now(demo_today: date | None) -> datetime:
    """The moment the demo treats as now: its day at its time, or the clock's now."""
    if demo_today is None:
        return clock.now()
    return steps.DemoContext(rng=random.Random(0), today=demo_today, units=0).now


@pytest.mark.usefixtures("occupancy_only")
@pytest.mark.parametrize("demo_today", [None, date(2026, 3, 2)])
def test_demo_occupancy_data(sqlite_db: Database, demo_today: date | None) -> None:
    build.generate_demo(sqlite_db, units=120, seed=5, today=demo_today)
    now = _demo_now(demo_today)
    day = clock.local_date(now)
    with sqlite_db.begin(CLERK) as s:
        states = dict(
            s.execute(
                select(RenovationPermit.status, func.count(RenovationPermit.id)).group_by(
                    RenovationPermit.status
                )
            ).all()
        )
        assert set(states) == {
            "applied",
            "approved",
            "rejected",
            "cancelled",
            "accepted",
            "refunded",
        }
        renovating = s.scalar(select(func.count(Unit.id)).where(Unit.status == "renovating"))
        assert renovating == states["approved"]
        assert overdue_violations(s, day)
        assert attention_counts(s, day)[0] >= 1
        out = keys_out(s, now=now)
        assert [k.overdue for k in out] == [True, False]
        drafts = s.scalar(select(func.count(MoveIn.id)).where(MoveIn.status == "draft"))
        assert (drafts or 0) >= 3
        assert s.scalar(select(func.count(MovingAppointment.id)))
        moved_out = s.scalar(select(func.count(MoveOut.id)))
        assert moved_out
        assert 1 <= moved_out <= 3
        # Nothing is dated after the demo's moment: deposits, refunds, keys, move-outs.
        assert _latest(s, Deposit.received_on) == day
        key_deposits = s.scalars(select(Deposit.status).where(Deposit.kind == "key")).all()
        assert sorted(key_deposits) == ["held", "held", "refunded"]  # ¥100 each, one given back
        assert _latest(s, RenovationPermit.refunded_on) < day  # a few days after acceptance
        assert _latest(s, MoveOut.moved_out_on) == day
        assert _latest(s, Deposit.received_at) <= now
        assert _latest(s, RenovationPermit.decided_at) <= now
        assert _latest(s, KeyDeposit.deposited_at) < now
        assert _latest(s, KeyLoan.lent_at) < now
        assert s.scalar(select(func.min(MovingAppointment.day))) == day


def _latest(s: Session, column: Any) -> Any:
    value = s.scalar(select(func.max(column)))
    assert value is not None
    return value


_DEMO_TABLES = (
    RenovationPermit,
    RenovationWorker,
    DepositDeduction,
    Deposit,
    DepositRefund,
    Inspection,
    Violation,
    KeyDeposit,
    KeyLoan,
    MoveIn,
    MoveOut,
    MovingAppointment,
    Payment,
    Allocation,
    BillLine,
    CreditEntry,
    Refund,
    MeterReading,
)


def _dump(database: Database) -> dict[str, list[tuple[Any, ...]]]:
    with database.begin() as s:
        out: dict[str, list[tuple[Any, ...]]] = {}
        for model in _DEMO_TABLES:
            table = model.__table__
            assert isinstance(table, Table)
            out[table.name] = [
                tuple(r) for r in s.execute(select(table).order_by(*table.primary_key))
            ]
        return out


@pytest.mark.usefixtures("occupancy_only")
def test_same_day_and_seed_give_the_same_rows_whatever_the_wall_clock(
    sqlite_db: Database, tmp_path: Path, test_clock: clock.FixedClock
) -> None:
    day = date(2026, 11, 20)
    build.generate_demo(sqlite_db, units=60, seed=1, today=day)
    first = _dump(sqlite_db)
    test_clock.advance(timedelta(days=37, hours=5, minutes=11))
    other = open_database(f"sqlite:///{tmp_path / 'other.sqlite3'}")
    try:
        build.generate_demo(other, units=60, seed=1, today=day)
        second = _dump(other)
    finally:
        other.dispose()
    assert first["renovation_permit"]
    assert first["key_loan"]
    assert first == second


@pytest.mark.usefixtures("occupancy_only")
def test_every_unit_under_renovation_has_a_permit_under_way(sqlite_db: Database) -> None:
    """The registry's recent owners about to renovate are occupied until a permit is
    approved; those the step renovates show 装修中, each with its active permit."""
    build.generate_demo(sqlite_db, units=400, seed=2, today=date(2026, 11, 20))
    with sqlite_db.begin(CLERK) as s:
        renovating = list(s.scalars(select(Unit.id).where(Unit.status == "renovating")))
        under_way = list(
            s.scalars(select(RenovationPermit.unit_id).where(RenovationPermit.status == "approved"))
        )
        started = s.execute(
            select(RenovationPermit.planned_start, RenovationPermit.decided_at).where(
                RenovationPermit.status == "approved"
            )
        ).all()
    assert len(renovating) > 8  # the four planned states and the registry's new owners
    assert sorted(renovating) == sorted(under_way)  # one active permit each, no unit without
    for start, decided in started:
        assert start <= date(2026, 11, 20)
        assert decided is not None
        assert clock.local_date(decided) < start
