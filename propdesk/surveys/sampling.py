"""Drawing a campaign's sample (pure: no database).

A household is *eligible* when its unit is not vacant, someone living there has a phone, and
it was not surveyed within ``rotation_months`` before the rule's day (the published
procedure rotates so no household is asked twice before the others have been). The sample
is ``rate_pct`` of the eligible households, rounded up; stratified, the same rate is applied
within each building (rounded up there, so every building with an eligible household has at
least one in the sample). The draw is a seeded shuffle of the candidates in unit-id order:
the same candidates, rule and seed always give the same sample, and no unit is drawn twice.
"""

from __future__ import annotations

import calendar
import random
from collections.abc import Iterable
from datetime import date

from propdesk.surveys.values import Candidate, SampleRule


def months_before(day: date, months: int) -> date:
    """``day`` moved back ``months`` calendar months (the 31st clamps to the month's end)."""
    total = day.year * 12 + (day.month - 1) - months
    year, month = divmod(total, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def rotation_cutoff(rule: SampleRule) -> date | None:
    """Households last surveyed *after* this day are left out; ``None``: no rotation."""
    if rule.rotation_months <= 0:
        return None
    return months_before(rule.today, rule.rotation_months)


def eligible(c: Candidate, rule: SampleRule) -> bool:
    """Not vacant, has a phone, and not surveyed within ``rule.rotation_months``."""
    if c.vacant or not c.has_phone:
        return False
    cutoff = rotation_cutoff(rule)
    return cutoff is None or c.last_surveyed is None or c.last_surveyed <= cutoff


def sample_size(eligible_count: int, rate_pct: int) -> int:
    """``rate_pct`` of ``eligible_count``, rounded up (integer arithmetic, no float)."""
    if eligible_count <= 0 or rate_pct <= 0:
        return 0
    return min(eligible_count, -(-eligible_count * rate_pct // 100))


def _unique_eligible(cands: Iterable[Candidate], rule: SampleRule) -> list[Candidate]:
    seen: set[int] = set()
    out: list[Candidate] = []
    for c in cands:
        if c.unit_id in seen:
            continue
        seen.add(c.unit_id)
        if eligible(c, rule):
            out.append(c)
    return sorted(out, key=lambda c: c.unit_id)


def draw(cands: Iterable[Candidate], rule: SampleRule, seed: int) -> list[int]:
    """The unit ids drawn (ascending): ``rate_pct`` of the eligible, rounded up; stratified,
    per building. A unit listed twice among ``cands`` counts once (its first listing)."""
    pool = _unique_eligible(cands, rule)
    rng = random.Random(seed)
    if not rule.stratified:
        chosen = rng.sample(pool, sample_size(len(pool), rule.rate_pct))
        return sorted(c.unit_id for c in chosen)
    by_building: dict[int, list[Candidate]] = {}
    for c in pool:
        by_building.setdefault(c.building_id, []).append(c)
    drawn: list[int] = []
    for building_id in sorted(by_building):
        group = by_building[building_id]
        drawn += [c.unit_id for c in rng.sample(group, sample_size(len(group), rule.rate_pct))]
    return sorted(drawn)
