"""Sampling rules as hypothesis properties: exclusions (vacant, no phone), rotation, the
rate rounded up (overall or per building), stratification, determinism, no unit twice."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from propdesk.surveys.sampling import draw, eligible, months_before, sample_size
from propdesk.surveys.values import Candidate, SampleRule

TODAY = date(2026, 6, 15)

candidates = st.lists(
    st.builds(
        Candidate,
        unit_id=st.integers(1, 400),
        building_id=st.integers(1, 6),
        vacant=st.booleans(),
        has_phone=st.booleans(),
        last_surveyed=st.one_of(
            st.none(), st.dates(TODAY - timedelta(days=900), TODAY - timedelta(days=1))
        ),
    ),
    max_size=120,
)
rules = st.builds(
    SampleRule,
    rate_pct=st.integers(1, 100),
    rotation_months=st.integers(0, 24),
    stratified=st.booleans(),
    today=st.just(TODAY),
)
seeds = st.integers(0, 2**31)


def _pool(cands: list[Candidate], rule: SampleRule) -> dict[int, Candidate]:
    """The eligible households, a unit listed twice counting by its first listing."""
    first: dict[int, Candidate] = {}
    for c in cands:
        first.setdefault(c.unit_id, c)
    return {u: c for u, c in first.items() if eligible(c, rule)}


@given(candidates, rules, seeds)
@settings(max_examples=300, deadline=None)
def test_only_eligible_households_are_drawn_and_none_twice(
    cands: list[Candidate], rule: SampleRule, seed: int
) -> None:
    drawn = draw(cands, rule, seed)
    pool = _pool(cands, rule)
    assert len(drawn) == len(set(drawn))
    assert set(drawn) <= set(pool)
    for unit in drawn:
        c = pool[unit]
        assert not c.vacant
        assert c.has_phone
        if rule.rotation_months and c.last_surveyed is not None:
            assert c.last_surveyed <= months_before(TODAY, rule.rotation_months)


@given(candidates, rules, seeds)
@settings(max_examples=300, deadline=None)
def test_the_rate_rounded_up_overall_or_per_building(
    cands: list[Candidate], rule: SampleRule, seed: int
) -> None:
    drawn = draw(cands, rule, seed)
    pool = _pool(cands, rule)
    if not rule.stratified:
        expected = -(-len(pool) * rule.rate_pct // 100)
        assert len(drawn) == expected
        assert len(drawn) * 100 >= len(pool) * rule.rate_pct
        assert (len(drawn) - 1) * 100 < len(pool) * rule.rate_pct or not pool
        return
    per_building = Counter(c.building_id for c in pool.values())
    got = Counter(pool[u].building_id for u in drawn)
    for building, n in per_building.items():
        assert got[building] == -(-n * rule.rate_pct // 100)
        assert got[building] >= 1  # every building with an eligible household is in the sample
    assert set(got) == set(per_building)


@given(candidates, rules, seeds)
@settings(max_examples=200, deadline=None)
def test_the_same_seed_draws_the_same_sample_whatever_the_order(
    cands: list[Candidate], rule: SampleRule, seed: int
) -> None:
    first = draw(cands, rule, seed)
    assert draw(cands, rule, seed) == first
    # the order the database lists the units in does not matter
    unique: dict[int, Candidate] = {}
    for c in cands:
        unique.setdefault(c.unit_id, c)
    listed = list(unique.values())
    assert draw(list(reversed(listed)), rule, seed) == draw(listed, rule, seed) == first


@given(st.integers(0, 24), st.dates(TODAY - timedelta(days=900), TODAY))
def test_rotation_months_exactly(months: int, last: date) -> None:
    c = Candidate(1, 1, vacant=False, has_phone=True, last_surveyed=last)
    rule = SampleRule(100, months, False, TODAY)
    within = months > 0 and last > months_before(TODAY, months)
    assert eligible(c, rule) is (not within)


def test_rotation_boundary_and_month_ends() -> None:
    rule = SampleRule(100, 6, False, TODAY)
    on = Candidate(1, 1, False, True, date(2025, 12, 15))  # exactly six months before
    after = Candidate(2, 1, False, True, date(2025, 12, 16))
    assert eligible(on, rule)
    assert not eligible(after, rule)
    assert months_before(date(2026, 8, 31), 6) == date(2026, 2, 28)
    assert months_before(date(2024, 8, 31), 6) == date(2024, 2, 29)
    assert months_before(date(2026, 1, 10), 13) == date(2024, 12, 10)


def test_a_different_seed_draws_another_sample() -> None:
    cands = [Candidate(u, 1 + u % 3, False, True, None) for u in range(1, 201)]
    rule = SampleRule(20, 0, False, TODAY)
    samples = {tuple(draw(cands, rule, seed)) for seed in range(5)}
    assert len(samples) == 5
    assert sample_size(0, 50) == 0
    assert sample_size(3, 1) == 1
