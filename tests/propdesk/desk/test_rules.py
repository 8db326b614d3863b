"""Desk rules the screens share with the services: held days, long-held, late checks, codes."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from propdesk.db.engine import Database
from propdesk.desk import parcels
from propdesk.desk.rules import (
    CheckpointRow,
    check_days_overdue,
    check_is_late,
    checkpoint_specs,
    days_held,
    is_long_held,
)
from propdesk.errors import ValidationError
from tests.propdesk.desk.helpers import CLERK, MANAGER, local, make_estate


def test_days_held_counts_local_days() -> None:
    # 07:30 on the 1st in China is still the previous day in UTC: held from the 1st
    assert days_held(local(date(2026, 6, 1), 7, 30), date(2026, 6, 1)) == 0
    assert days_held(local(date(2026, 6, 1), 23, 59), date(2026, 6, 3)) == 2


def test_long_held_and_late_checks() -> None:
    cutoff = local(date(2026, 6, 12), 0, 0)
    early = cutoff - timedelta(minutes=1)
    assert is_long_held("waiting", early, cutoff)
    assert not is_long_held("waiting", cutoff, cutoff)
    assert not is_long_held("collected", early, cutoff)
    assert not is_long_held("waiting", None, cutoff)
    today = date(2026, 6, 15)
    assert check_is_late(None, today)
    assert check_is_late(today - timedelta(days=1), today)
    assert not check_is_late(today, today)  # due today is on time
    assert check_days_overdue(None, today) is None
    assert check_days_overdue(date(2026, 6, 10), today) == 5


def test_the_rule_agrees_with_the_parcel_service(db: Database) -> None:
    estate = make_estate(db)
    with db.begin(CLERK) as s:
        for days in (1, 4, 9):
            parcels.receive_parcel(
                s,
                carrier="顺丰",
                tracking_no=f"SF{days}",
                unit_id=estate.lived_in,
                at=local(date(2026, 6, 15) - timedelta(days=days), 9),
            )
        today = date(2026, 6, 15)
        cutoff = parcels.long_held_cutoff(s, today)
        rows = parcels.waiting_parcels(s, today=today)
    assert [days_held(r.received_at, today) for r in rows] == [r.held_days for r in rows]
    assert [is_long_held(r.status, r.received_at, cutoff) for r in rows] == [
        r.long_held for r in rows
    ]


def test_checkpoint_codes_resolve_or_name_the_row(db: Database) -> None:
    estate = make_estate(db)
    rows = [
        CheckpointRow(" 大堂 ", "lobby", "照明"),
        CheckpointRow("空置房", "vacant", "门窗", "3-2-1501", 7),
    ]
    with db.begin(MANAGER) as s:
        specs = checkpoint_specs(s, rows)
        assert [(c.name, c.unit_id, c.id) for c in specs] == [
            ("大堂", None, None),
            ("空置房", estate.vacant_a, 7),
        ]
        with pytest.raises(ValidationError) as refused:
            checkpoint_specs(s, [*rows, CheckpointRow("屋面", "roof", "", "9-9-999")])
    assert refused.value.field == "checkpoints"
    assert "第3个" in refused.value.message
    assert "9-9-999" in refused.value.message
