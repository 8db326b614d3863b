"""Drawing a campaign's sample (pure: no database).

A household is *eligible* when its unit is not vacant, someone living there has a phone, and
it was not surveyed within ``rotation_months`` before the rule's day (the published
procedure rotates so no household is asked twice before the others have been). The sample
is ``rate_pct`` of the eligible households, rounded up; stratified, the same rate is applied
within each building (rounded up there, so every building with an eligible household has at
least one in the sample). The draw is a seeded shuffle of the candidates in unit-id order:
the same candidates, rule and seed always give the same sample, and no unit is drawn twice.

:func:`summarize` says what the draw left out and why (:class:`Exclusion`, the first reason
that applies): vacant, nobody living there, no phone, surveyed within the rotation months.
"""

from __future__ import annotations

import calendar
import random
from collections.abc import Iterable
from datetime import date

from propdesk.surveys.values import Candidate, DrawSummary, Exclusion, SampleRule


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


def exclusion(c: Candidate, rule: SampleRule) -> Exclusion | None:
    """Why ``c`` is left out of the draw (the first reason that applies), or None."""
    if c.vacant:
        return Exclusion.NO_OCCUPANT if c.no_occupant else Exclusion.VACANT
    if not c.has_phone:
        return Exclusion.NO_PHONE
    cutoff = rotation_cutoff(rule)
    if cutoff is not None and c.last_surveyed is not None and c.last_surveyed > cutoff:
        return Exclusion.ROTATION
    return None


def eligible(c: Candidate, rule: SampleRule) -> bool:
    """Not vacant, has a phone, and not surveyed within ``rule.rotation_months``."""
    return exclusion(c, rule) is None


def sample_size(eligible_count: int, rate_pct: int) -> int:
    """``rate_pct`` of ``eligible_count``, rounded up (integer arithmetic, no float)."""
    if eligible_count <= 0 or rate_pct <= 0:
        return 0
    return min(eligible_count, -(-eligible_count * rate_pct // 100))


def _unique(cands: Iterable[Candidate]) -> list[Candidate]:
    """Each unit once (its first listing)."""
    seen: set[int] = set()
    out: list[Candidate] = []
    for c in cands:
        if c.unit_id not in seen:
            seen.add(c.unit_id)
            out.append(c)
    return out


def _unique_eligible(cands: Iterable[Candidate], rule: SampleRule) -> list[Candidate]:
    return sorted((c for c in _unique(cands) if eligible(c, rule)), key=lambda c: c.unit_id)


def summarize(cands: Iterable[Candidate], rule: SampleRule, drawn: int) -> DrawSummary:
    """The households left out of a draw by reason (each unit once, under its first reason),
    the eligible ones, and ``drawn`` (the size of the sample :func:`draw` gave)."""
    counts = dict.fromkeys(Exclusion, 0)
    eligible_count = 0
    for c in _unique(cands):
        reason = exclusion(c, rule)
        if reason is None:
            eligible_count += 1
        else:
            counts[reason] += 1
    return DrawSummary(
        vacant=counts[Exclusion.VACANT],
        no_occupant=counts[Exclusion.NO_OCCUPANT],
        no_phone=counts[Exclusion.NO_PHONE],
        recently_surveyed=counts[Exclusion.ROTATION],
        eligible=eligible_count,
        drawn=drawn,
        rotation_months=rule.rotation_months,
    )


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
