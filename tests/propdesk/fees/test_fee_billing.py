from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from propdesk.db.engine import Database
from propdesk.errors import NotAllowed, ValidationError
from propdesk.fees.billing import run_billing
from propdesk.fees.items import set_rate
from propdesk.fees.models import BillingRun, BillLine, FeeItem
from propdesk.fees.rounding import centi_times_rate, round_half_up
from tests.propdesk.fees.fee_fixtures import CLERK, MANAGER, Estate, set_standard_rates


def _lines(db: Database, period: str) -> dict[tuple[int, str], int]:
    with db.begin() as s:
        rows = s.execute(
            select(BillLine.unit_id, FeeItem.code, BillLine.amount_fen)
            .join(FeeItem, FeeItem.id == BillLine.item_id)
            .where(BillLine.period == period)
        ).all()
    return {(u, c): a for u, c, a in rows}


def test_rounding_is_half_up_to_the_fen() -> None:
    assert centi_times_rate(8956, 185) == 16569  # 165.686 → 165.69
    assert centi_times_rate(7505, 185) == 13884  # 138.8425 → 138.84
    assert centi_times_rate(50, 1) == 1  # 0.5 fen → 1 fen
    assert centi_times_rate(49, 1) == 0
    assert round_half_up(-150, 100) == -2


def test_billing_creates_one_line_per_unit_and_item(db: Database, estate: Estate) -> None:
    set_standard_rates(db)
    u1, u2, u3 = estate.unit_ids
    with db.begin(MANAGER) as s:
        result = run_billing(s, "2026-03")
    assert result.lines_created == 6
    assert _lines(db, "2026-03") == {
        (u1, "property"): 16569,
        (u2, "property"): 22200,
        (u3, "property"): 13884,
        (u1, "elevator"): 3000,  # building 2 has no elevator
        (u2, "elevator"): 3000,
        (u1, "parking"): 15000,  # the one parking space is u1's
    }
    assert result.amount_fen == sum(_lines(db, "2026-03").values())
    assert "水费" in result.items_without_rate


def test_billing_twice_creates_nothing_new(db: Database, estate: Estate) -> None:
    set_standard_rates(db)
    with db.begin(MANAGER) as s:
        run_billing(s, "2026-03")
    with db.begin(MANAGER) as s:
        again = run_billing(s, "2026-03")
        assert s.scalar(select(func.count()).select_from(BillLine)) == 6
        assert s.scalar(select(func.count()).select_from(BillingRun)) == 1
    assert again.lines_created == 0


def test_rate_change_applies_from_its_date_only(db: Database, estate: Estate) -> None:
    set_standard_rates(db)
    u2 = estate.unit_ids[1]
    with db.begin(MANAGER) as s:
        run_billing(s, "2026-03")
    with db.begin(MANAGER) as s:
        set_rate(s, item_code="property", effective_from=date(2026, 4, 1), rate_fen=200)
        run_billing(s, "2026-04")
        run_billing(s, "2026-03")
    assert _lines(db, "2026-03")[(u2, "property")] == 22200
    assert _lines(db, "2026-04")[(u2, "property")] == 24000
    with pytest.raises(ValidationError), db.begin(MANAGER) as s:
        set_rate(s, item_code="property", effective_from=date(2026, 4, 1), rate_fen=210)


def test_billing_needs_permission_and_a_valid_month(db: Database, estate: Estate) -> None:
    with pytest.raises(NotAllowed), db.begin(CLERK) as s:
        run_billing(s, "2026-03")
    with pytest.raises(ValidationError), db.begin(MANAGER) as s:
        run_billing(s, "2026-13")


_CHILD = """
import sys, time
from pathlib import Path
from propdesk.auth.actor import Actor
from propdesk.db.engine import open_database
from propdesk.fees import billing

billing.INSERT_CHUNK = 2
flag = Path(sys.argv[2])

def hook(done):
    flag.write_text(str(done))
    time.sleep(120)

db = open_database(sys.argv[1], upgrade=False)
with db.begin(Actor.system()) as s:
    billing.run_billing(s, "2026-03", on_chunk=hook)
"""


def test_killed_billing_run_leaves_no_half_month(
    db: Database, estate: Estate, tmp_path: Path
) -> None:
    set_standard_rates(db)
    flag = tmp_path / "inserted"
    root = Path(__file__).resolve().parents[3]
    env = {**os.environ, "PYTHONPATH": str(root)}
    child = subprocess.Popen([sys.executable, "-c", _CHILD, db.url, str(flag)], env=env, cwd=root)
    try:
        for _ in range(600):
            if flag.exists() or child.poll() is not None:
                break
            time.sleep(0.05)
        assert flag.exists(), "the billing run never inserted its first chunk"
        assert int(flag.read_text()) == 2  # two lines written, four to go
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    assert _lines(db, "2026-03") == {}
    with db.begin() as s:
        assert s.scalar(select(func.count()).select_from(BillingRun)) == 0
    with db.begin(MANAGER) as s:
        assert run_billing(s, "2026-03").lines_created == 6
