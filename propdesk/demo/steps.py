"""The steps of demo generation, in order. A feature module adds its step here (one line).

A step is ``fn(session, ctx) -> None`` where ``ctx`` is a :class:`DemoContext`; it runs
inside the one transaction of the whole demo build and uses bulk inserts
(``session.execute(insert(Model), rows)``), never ``add_all`` for many rows.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time

from sqlalchemy.orm import Session

from propdesk import clock


@dataclass
class DemoContext:
    """Shared state of one demo build.

    Attributes:
        rng: the seeded random generator (same seed → same estate).
        today: the date the demo treats as today.
        time_of_day: the estate's local time on ``today`` the demo treats as now
            (:attr:`now`); every timestamp of the build derives from these two and ``rng``.
        units: number of units asked for.
        estate_id: set by the registry step.
        progress: ``progress(fraction, text)`` for the progress dialog / CLI; ``fraction``
            is the share (0–1) of the current step's own work done (the builder scales it).
        info: results later steps may read (e.g. ``"unit_ids"``, ``"person_ids"``, ``"user_ids"``).
    """

    rng: random.Random
    today: date
    units: int
    estate_id: int = 0
    progress: Callable[[float, str], None] = lambda _f, _t: None
    info: dict[str, object] = field(default_factory=dict)
    time_of_day: time = time(18, 0)

    @property
    def now(self) -> datetime:
        """The demo's "now": ``time_of_day`` on ``today`` at the estate (aware)."""
        return clock.local_datetime(self.today, self.time_of_day)


DemoStep = Callable[[Session, DemoContext], None]

# (order, module path, function name), run by ascending order; imported lazily.
# Orders: 10 registry, 20 users, 30 tickets, 40 fees, 50 move-in/renovation, 60 patrols/desk.
DEMO_STEPS: list[tuple[int, str, str]] = [
    (10, "propdesk.demo.registry", "build_registry"),
    (20, "propdesk.auth.demo", "build_users"),
    (30, "propdesk.tickets.demo", "build_tickets"),
    (40, "propdesk.fees.demo", "build_fees"),
    (50, "propdesk.renovation.demo", "build_occupancy"),
    (60, "propdesk.desk.demo", "build_desk"),
    (70, "propdesk.reporting.demo", "build_notices"),
    (80, "propdesk.calls.demo", "build_calls"),
    (95, "propdesk.team.demo", "build_team"),
    (100, "propdesk.care.demo", "build_care"),
    (105, "propdesk.care.demo", "build_visits"),
    (110, "propdesk.activities.demo", "build_activities"),
    (115, "propdesk.surveys.demo", "build_surveys"),
    (120, "propdesk.archive.demo", "build_archive"),
    (130, "propdesk.household.demo", "build_household"),
]
