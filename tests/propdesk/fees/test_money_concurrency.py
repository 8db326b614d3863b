"""Money under concurrency: several processes (spawned) on one database.

On PostgreSQL: payments dated in two years at once, voids against payments on the same
units, credit settlements and refunds against payments. Afterwards the money invariant
holds (:func:`propdesk.fees.invariant.check_money`) and every year's receipt numbers are
gap-free. On SQLite the void-vs-payment run meets no raw "database is locked": writers
queue on the busy timeout (``BEGIN IMMEDIATE``), and anything left is the clear busy
message of :func:`propdesk.failures.describe`.
"""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from typing import Any

import pytest
from sqlalchemy import select

from propdesk.db.engine import Database, open_database
from propdesk.fees.billing import run_billing
from propdesk.fees.models import Payment
from propdesk.fees.payments import take_payment
from tests.conftest import PG_URL, _truncate_all
from tests.propdesk.fees import money_workers as w
from tests.propdesk.fees.fee_fixtures import MANAGER, make_estate, set_standard_rates
from tests.propdesk.fees.money_check import assert_money_consistent

TODAY = "2026-06-15"  # the tests' clock (tests/conftest.py) and the workers' (money_workers.NOW)
LAST_YEAR = "2025-12-20"
EXPECTED_REFUSALS = {"Conflict", "NotAllowed", "InvalidTransition"}


@pytest.fixture
def pg_db(request: pytest.FixtureRequest) -> Iterator[Database]:
    if not PG_URL:
        pytest.skip("PROPDESK_TEST_PG_URL not set (CI sets it)")
    database = open_database(request.getfixturevalue("_pg_migrated"))
    _truncate_all(database)
    yield database
    database.dispose()


def _billed_estate(db: Database) -> list[int]:
    estate = make_estate(db)
    set_standard_rates(db)
    with db.begin(MANAGER) as s:
        for period in ("2025-11", "2025-12", "2026-01", "2026-02"):
            run_billing(s, period)
    return list(estate.unit_ids)


@pytest.fixture(scope="module")
def pool() -> Iterator[ProcessPoolExecutor]:
    """Four spawned worker processes, started and warmed once for the module's tests."""
    spawn = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=4, mp_context=spawn) as executor:
        for f in [executor.submit(w.warm_up) for _ in range(4)]:
            f.result(timeout=60)
        yield executor


def _run(
    pool: ProcessPoolExecutor, jobs: list[tuple[Callable[..., w.Outcome], tuple[Any, ...]]]
) -> list[w.Outcome]:
    """Run each job in its own worker process, all starting together; their outcomes."""
    start_at = time.time() + 0.3
    futures = [pool.submit(fn, *args, start_at=start_at) for fn, args in jobs]
    return [f.result(timeout=120) for f in futures]


def _assert_clean(outcomes: list[w.Outcome]) -> None:
    failed = [f for o in outcomes for f in o.failed]
    assert failed == []
    assert {r for o in outcomes for r in o.refused} <= EXPECTED_REFUSALS


def _assert_gap_free(db: Database) -> None:
    with db.begin(write=False) as s:
        numbers = s.scalars(select(Payment.receipt_no)).all()
    by_year: dict[str, list[int]] = {}
    for no in numbers:
        by_year.setdefault(no[:4], []).append(int(no[4:]))
    for year, seqs in by_year.items():
        assert sorted(seqs) == list(range(1, len(seqs) + 1)), year


@pytest.mark.postgres
def test_payments_in_two_years_at_once(pg_db: Database, pool: ProcessPoolExecutor) -> None:
    units = _billed_estate(pg_db)
    outcomes = _run(
        pool,
        [
            (w.pay, (pg_db.url, units, 12, LAST_YEAR, 1)),
            (w.pay, (pg_db.url, units, 12, LAST_YEAR, 2)),
            (w.pay, (pg_db.url, units, 12, TODAY, 3)),
            (w.pay, (pg_db.url, units, 12, TODAY, 4)),
        ],
    )
    _assert_clean(outcomes)
    assert sum(o.done for o in outcomes) == 48
    receipts = [r for o in outcomes for r in o.receipts]
    assert sum(r.startswith("2025") for r in receipts) == 24
    assert_money_consistent(pg_db)
    _assert_gap_free(pg_db)


@pytest.mark.postgres
def test_voids_against_payments_on_the_same_units(
    pg_db: Database, pool: ProcessPoolExecutor
) -> None:
    units = _billed_estate(pg_db)
    with pg_db.begin(MANAGER) as s:
        for k in range(9):
            take_payment(s, unit_id=units[k % 3], amount_fen=5_000 + k, method="cash")
    outcomes = _run(
        pool,
        [
            (w.pay, (pg_db.url, units, 12, TODAY, 5)),
            (w.pay, (pg_db.url, units, 12, LAST_YEAR, 6)),
            (w.void, (pg_db.url, units, 12, 7)),
            (w.void, (pg_db.url, units, 12, 8)),
        ],
    )
    _assert_clean(outcomes)
    assert outcomes[2].done + outcomes[3].done > 0
    assert_money_consistent(pg_db)
    _assert_gap_free(pg_db)


@pytest.mark.postgres
def test_credit_settlements_refunds_and_payments_at_once(
    pg_db: Database, pool: ProcessPoolExecutor
) -> None:
    units = _billed_estate(pg_db)
    with pg_db.begin(MANAGER) as s:
        for unit_id in units:  # far more than owed: the rest is credit
            take_payment(s, unit_id=unit_id, amount_fen=300_000, method="cash", line_ids=[])
    outcomes = _run(
        pool,
        [
            (w.settle_from_credit, (pg_db.url, units, 12, 9)),
            (w.settle_from_credit, (pg_db.url, units, 12, 10)),
            (w.refund, (pg_db.url, units, 12, 11)),
            (w.pay, (pg_db.url, units, 8, TODAY, 12)),
        ],
    )
    _assert_clean(outcomes)
    assert outcomes[0].done + outcomes[1].done > 0
    assert_money_consistent(pg_db)
    _assert_gap_free(pg_db)


def test_sqlite_void_against_payment_is_never_a_raw_lock_error(
    sqlite_db: Database, pool: ProcessPoolExecutor
) -> None:
    units = _billed_estate(sqlite_db)
    with sqlite_db.begin(MANAGER) as s:
        for k in range(6):
            take_payment(s, unit_id=units[k % 3], amount_fen=5_000 + k, method="cash")
    outcomes = _run(
        pool,
        [
            (w.pay, (sqlite_db.url, units, 10, TODAY, 13)),
            (w.pay, (sqlite_db.url, units, 10, TODAY, 14)),
            (w.void, (sqlite_db.url, units, 10, 15)),
            (w.void, (sqlite_db.url, units, 10, 16)),
        ],
    )
    failed = [f for o in outcomes for f in o.failed]
    assert [f for f in failed if not f.startswith("BUSY")] == []
    assert not [f for f in failed if "database is locked" in f.split("|")[0]]
    # Under contention some attempts may wait out the busy timeout: those are BUSY (the
    # clear message), never a raw lock error; how many that is depends on the machine's load.
    assert sum(o.done for o in outcomes) > 0
    assert_money_consistent(sqlite_db)
    _assert_gap_free(sqlite_db)
    assert date.fromisoformat(TODAY)  # the clock the workers run on
