"""Sampling rules as hypothesis properties: exclusions (vacant, no phone), rotation, the
rate rounded up (overall or per building), stratification, determinism, no unit twice; and
the draw's summary: households left out by reason, eligible, drawn."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from propdesk.surveys.sampling import (
    draw,
    eligible,
    exclusion,
    months_before,
    sample_size,
    summarize,
)
from propdesk.surveys.values import Candidate, DrawSummary, Exclusion, SampleRule

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
        no_occupant=st.booleans(),
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


@given(candidates, rules, seeds)
@settings(max_examples=300, deadline=None)
def test_the_summary_accounts_for_every_household_once(
    cands: list[Candidate], rule: SampleRule, seed: int
) -> None:
    """Every unit (listed once or twice) is either eligible or left out under exactly one
    reason, counted by plain rules here; drawn is what the draw gave."""
    drawn = draw(cands, rule, seed)
    summary = summarize(cands, rule, len(drawn))
    first: dict[int, Candidate] = {}
    for c in cands:
        first.setdefault(c.unit_id, c)
    units = list(first.values())
    cutoff = months_before(TODAY, rule.rotation_months) if rule.rotation_months else None
    vacant = [c for c in units if c.vacant and not c.no_occupant]
    no_occupant = [c for c in units if c.vacant and c.no_occupant]
    no_phone = [c for c in units if not c.vacant and not c.has_phone]
    recent = [
        c
        for c in units
        if not c.vacant
        and c.has_phone
        and cutoff is not None
        and c.last_surveyed is not None
        and c.last_surveyed > cutoff
    ]
    assert summary.vacant == len(vacant)
    assert summary.no_occupant == len(no_occupant)
    assert summary.no_phone == len(no_phone)
    assert summary.recently_surveyed == len(recent)
    assert summary.eligible == len(_pool(cands, rule))
    assert summary.in_scope == len(units)
    assert summary.drawn == len(drawn) <= summary.eligible
    assert summary.rotation_months == rule.rotation_months


def test_the_summary_counts_each_reason_once_in_order() -> None:
    """A vacant unit without a phone is counted as vacant; a phoneless one surveyed last
    month as having no phone; nobody living there apart from a unit marked vacant."""
    last_month = date(2026, 5, 20)
    cands = [
        Candidate(1, 1, vacant=True, has_phone=False, last_surveyed=None),  # 空置
        Candidate(2, 1, vacant=True, has_phone=True, last_surveyed=last_month),  # 空置
        Candidate(3, 1, True, False, None, no_occupant=True),  # 无人登记入住
        Candidate(4, 2, vacant=False, has_phone=False, last_surveyed=last_month),  # 无电话
        Candidate(5, 2, vacant=False, has_phone=False, last_surveyed=None),  # 无电话
        Candidate(6, 2, vacant=False, has_phone=True, last_surveyed=last_month),  # 轮换期内
        Candidate(7, 2, vacant=False, has_phone=True, last_surveyed=date(2025, 1, 1)),
        Candidate(8, 1, vacant=False, has_phone=True, last_surveyed=None),
        Candidate(9, 1, vacant=False, has_phone=True, last_surveyed=None),
        Candidate(9, 1, vacant=True, has_phone=False, last_surveyed=None),  # listed twice
    ]
    rule = SampleRule(50, 6, False, TODAY)
    assert [exclusion(c, rule) for c in cands[:7]] == [
        Exclusion.VACANT,
        Exclusion.VACANT,
        Exclusion.NO_OCCUPANT,
        Exclusion.NO_PHONE,
        Exclusion.NO_PHONE,
        Exclusion.ROTATION,
        None,
    ]
    drawn = draw(cands, rule, seed=5)
    summary = summarize(cands, rule, len(drawn))
    assert summary == DrawSummary(
        vacant=2,
        no_occupant=1,
        no_phone=2,
        recently_surveyed=1,
        eligible=3,  # units 7, 8, 9
        drawn=2,  # half of three, rounded up
        rotation_months=6,
    )
    assert (summary.excluded, summary.in_scope) == (6, 9)
    # no rotation: the household surveyed last month is eligible again
    assert summarize(cands, SampleRule(50, 0, False, TODAY), 0).recently_surveyed == 0
