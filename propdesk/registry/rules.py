"""Registry rules the screens apply to loaded records (so no screen re-implements them)."""

from __future__ import annotations

from datetime import date

from propdesk.registry.values import OccupancyInfo, UnitDossier


def is_current(occupancy: OccupancyInfo, today: date) -> bool:
    """Still living there on ``today``: a move-out dated today already belongs to the history."""
    return occupancy.end_date is None or occupancy.end_date > today


def split_occupancies(
    dossier: UnitDossier, today: date
) -> tuple[list[OccupancyInfo], list[OccupancyInfo]]:
    """``(current, history)`` of a unit as of ``today``; owners first, newest move-out first."""
    occupancies = (*dossier.current, *dossier.history)  # owners first, as the service orders
    current = [o for o in occupancies if is_current(o, today)]
    history = [o for o in occupancies if not is_current(o, today)]
    history.sort(key=lambda o: o.end_date or today, reverse=True)
    return current, history
