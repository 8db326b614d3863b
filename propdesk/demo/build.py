"""Build the whole demo estate: every step of :data:`propdesk.demo.steps.DEMO_STEPS`, in one
transaction, so an interrupted or failed build leaves the database as it was."""

from __future__ import annotations

import importlib
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.auth.actor import Actor
from propdesk.db.engine import Database
from propdesk.db.model_modules import import_all_models
from propdesk.demo import steps
from propdesk.errors import DomainError, ValidationError
from propdesk.models_base import Base
from propdesk.registry.models import Estate, Occupancy

MIN_UNITS = 1
MAX_UNITS = 200_000
# The registry step does most of the work; it gets this share of the progress bar
# when other steps follow it.
_REGISTRY_SHARE = 0.6


@dataclass(frozen=True)
class DemoSummary:
    """What a demo build created.

    Attributes:
        estate_id: the new estate.
        estate_name: its name.
        units, buildings, parking_spaces, people, occupancies: registry counts.
        vacant_units, rented_units: units by status.
        past_occupancies: closed occupancies (the history).
        table_counts: ``(table, rows)`` for every non-empty table after the build, so
            the rows of every step (users, tickets, fees…) are reported.
        step_seconds: ``(step, seconds)`` per step, in the order run.
        seconds: the whole build, including the commit.
    """

    estate_id: int
    estate_name: str
    units: int
    buildings: int
    parking_spaces: int
    people: int
    occupancies: int
    vacant_units: int
    rented_units: int
    past_occupancies: int
    table_counts: tuple[tuple[str, int], ...]
    step_seconds: tuple[tuple[str, float], ...]
    seconds: float


def validate_units(units: int) -> int:
    """Refuse a unit count outside 1..200,000 with a clear message."""
    if isinstance(units, bool) or not isinstance(units, int):
        raise ValidationError("units", "房屋数量必须是整数。")
    if not MIN_UNITS <= units <= MAX_UNITS:
        raise ValidationError(
            "units", f"房屋数量应在 {MIN_UNITS} 到 {MAX_UNITS:,} 套之间（收到 {units}）。"
        )
    return units


def generate_demo(
    db: Database,
    *,
    units: int,
    seed: int = 1,
    estate_name: str = "翠湖花园",
    today: date | None = None,
    progress: Callable[[float, str], None] | None = None,
) -> DemoSummary:
    """Fill an empty database with a realistic demo estate of ``units`` units.

    Raises :class:`DomainError` when the database already has an estate (a demo never
    mixes with real data) and :class:`ValidationError` for a bad ``units``. The same
    ``seed`` and ``today`` give the same estate. ``progress(fraction, text)`` is called
    as the build advances (fraction 0–1 of the whole build).
    """
    validate_units(units)
    name = (estate_name or "").strip()
    if not name:
        raise ValidationError("estate_name", "请填写小区名称。")
    report = progress or (lambda _f, _t: None)
    started = time.perf_counter()
    plan = sorted(steps.DEMO_STEPS)
    timings: list[tuple[str, float]] = []
    with db.begin(Actor.system()) as session:
        ctx = _context(session, seed=seed, today=today, units=units)
        # Every "now" of the build (services, column defaults, audit) is the demo's moment,
        # so the same ``today`` and ``seed`` write the same rows whatever the wall clock.
        clock.bind(session, clock.FixedClock(ctx.now))
        if session.scalar(select(func.count(Estate.id))):
            raise DomainError(
                "该数据库已有小区资料，不能再生成演示数据。请指定一个新的数据库文件（--db）。"
            )
        ctx.info["estate_name"] = name
        spans = _progress_spans(plan)
        for (_order, module, function), (low, high) in zip(plan, spans, strict=True):
            fn: steps.DemoStep = getattr(importlib.import_module(module), function)
            ctx.progress = _scaled(report, low, high)
            t0 = time.perf_counter()
            fn(session, ctx)
            session.flush()
            timings.append((f"{module}.{function}", time.perf_counter() - t0))
        report(1.0, "正在保存…")
        counts = _table_counts(session)
        past = session.scalar(
            select(func.count(Occupancy.id)).where(Occupancy.end_date.is_not(None))
        )
    report(1.0, "演示数据已生成")
    by_table = dict(counts)
    return DemoSummary(
        estate_id=ctx.estate_id,
        estate_name=name,
        units=by_table.get("unit", 0),
        buildings=by_table.get("building", 0),
        parking_spaces=by_table.get("parking_space", 0),
        people=by_table.get("person", 0),
        occupancies=by_table.get("occupancy", 0),
        vacant_units=len(ctx.info.get("vacant_unit_ids", [])),  # type: ignore[arg-type]
        rented_units=len(ctx.info.get("tenant_by_unit", {})),  # type: ignore[arg-type]
        past_occupancies=past or 0,
        table_counts=counts,
        step_seconds=tuple(timings),
        seconds=time.perf_counter() - started,
    )


def _context(session: Session, *, seed: int, today: date | None, units: int) -> steps.DemoContext:
    """The build's context: ``today`` at 18:00, or without one the session's now."""
    rng = random.Random(seed)
    if today is not None:
        return steps.DemoContext(rng=rng, today=today, units=units)
    now = clock.local_now(session).replace(second=0, microsecond=0)
    return steps.DemoContext(rng=rng, today=now.date(), units=units, time_of_day=now.time())


def _progress_spans(plan: list[tuple[int, str, str]]) -> list[tuple[float, float]]:
    """The share of the progress bar each step gets (the registry step the most)."""
    if not plan:
        return []
    weights = [
        _REGISTRY_SHARE * (len(plan) - 1) / (1 - _REGISTRY_SHARE)
        if module == "propdesk.demo.registry" and len(plan) > 1
        else 1.0
        for _order, module, _fn in plan
    ]
    total = sum(weights)
    spans: list[tuple[float, float]] = []
    low = 0.0
    for w in weights:
        high = low + w / total
        spans.append((low, min(high, 1.0)))
        low = high
    return spans


def _scaled(
    report: Callable[[float, str], None], low: float, high: float
) -> Callable[[float, str], None]:
    def step_progress(fraction: float, text: str) -> None:
        report(low + (high - low) * min(max(fraction, 0.0), 1.0), text)

    return step_progress


def _table_counts(session: Session) -> tuple[tuple[str, int], ...]:
    import_all_models()
    present = set(inspect(session.connection()).get_table_names())
    out: list[tuple[str, int]] = []
    for table in Base.metadata.sorted_tables:
        if table.name not in present:  # a model whose migration is not written yet
            continue
        n = session.scalar(select(func.count()).select_from(table)) or 0
        if n:
            out.append((table.name, n))
    return tuple(out)
