"""Property tests of the allocation arithmetic (propdesk.fees.allocation)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from propdesk.fees.allocation import OpenLine, allocate, oldest_first

_lines = st.lists(st.tuples(st.integers(0, 400), st.integers(0, 50_000)), max_size=12).map(
    lambda rows: [
        OpenLine(i + 1, date(2026, 1, 1) + timedelta(days=d), owed)
        for i, (d, owed) in enumerate(rows)
    ]
)
_amounts = st.integers(0, 600_000)


@given(_amounts, _lines)
def test_allocations_plus_credit_is_the_amount(amount: int, lines: list[OpenLine]) -> None:
    plan = allocate(amount, lines)
    assert plan.allocated_fen + plan.credit_fen == amount
    assert plan.credit_fen >= 0


@given(_amounts, _lines)
def test_no_line_is_over_paid_and_none_twice(amount: int, lines: list[OpenLine]) -> None:
    owed = {line.id: line.owed_fen for line in lines}
    plan = allocate(amount, lines)
    ids = [a.line_id for a in plan.allocations]
    assert len(ids) == len(set(ids))
    for a in plan.allocations:
        assert 0 < a.take_fen <= owed[a.line_id]


@given(_amounts, _lines)
def test_oldest_first_and_credit_only_when_all_paid(amount: int, lines: list[OpenLine]) -> None:
    plan = allocate(amount, lines)
    order = [line.id for line in oldest_first(lines) if line.owed_fen > 0]
    ids = [a.line_id for a in plan.allocations]
    assert ids == order[: len(ids)]
    owed = {line.id: line.owed_fen for line in lines}
    # every line but the last one touched is paid in full
    for a in plan.allocations[:-1]:
        assert a.take_fen == owed[a.line_id]
    if plan.credit_fen > 0:
        assert ids == order
        assert all(a.take_fen == owed[a.line_id] for a in plan.allocations)


@given(_amounts, _lines, st.data())
def test_picked_lines_only_in_the_order_picked(
    amount: int, lines: list[OpenLine], data: st.DataObject
) -> None:
    ids = [line.id for line in lines]
    picked = data.draw(
        st.permutations(ids).map(lambda p: p[: len(p) // 2 + 1]) if ids else st.just([])
    )
    plan = allocate(amount, lines, picked=picked)
    got = [a.line_id for a in plan.allocations]
    assert set(got) <= set(picked)
    assert got == [i for i in picked if i in set(got)]
    assert plan.allocated_fen + plan.credit_fen == amount


def test_worked_example() -> None:
    lines = [
        OpenLine(3, date(2026, 4, 30), 22200),
        OpenLine(1, date(2026, 3, 31), 22200),
        OpenLine(2, date(2026, 3, 31), 3000),
    ]
    plan = allocate(30000, lines)
    assert [(a.line_id, a.take_fen) for a in plan.allocations] == [
        (1, 22200),
        (2, 3000),
        (3, 4800),
    ]
    assert plan.credit_fen == 0
    picked = allocate(30000, lines, picked=[3])
    assert [(a.line_id, a.take_fen) for a in picked.allocations] == [(3, 22200)]
    assert picked.credit_fen == 7800


def test_negative_amount_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        allocate(-1, [])
