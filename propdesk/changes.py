"""What one user action changed: a typed value each view reads to decide whether to refresh.

After a write, the operation that ran it broadcasts one :class:`Changes` (Anki's ``OpChanges``).
Flags, not strings, so a typo is a type error and every view's interest is explicit::

    Changes(fees=True, payments=True)
    if changes.fees or changes.units: ...

It is a plain value with no Qt in it, so it can also travel between desks.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields


@dataclass(frozen=True)
class Changes:
    """Which kinds of record one action touched."""

    estate: bool = False
    buildings: bool = False
    units: bool = False
    people: bool = False
    occupancy: bool = False
    tickets: bool = False
    fees: bool = False
    payments: bool = False
    renovation: bool = False
    keys: bool = False
    movein: bool = False
    patrols: bool = False
    patrol_routes: bool = False
    vacant_checks: bool = False
    parcels: bool = False
    visitors: bool = False
    shiftlog: bool = False
    notices: bool = False
    users: bool = False
    settings: bool = False
    session: bool = False
    backups: bool = False
    calls: bool = False  # calls, outages, knowledge base, directory, reminders (call desk)
    surveys: bool = False  # question bank, questionnaires, campaigns, call queue, answers
    assessment: bool = False  # the team's monthly assessment sheets (comments, acknowledgements)
    roster: bool = False  # shift definitions and the desk roster
    care: bool = False  # attention flags and visits (走访)
    activities: bool = False  # community activities, sign-ups, attendance, feedback
    archive: bool = False  # the household archive (一户一档): documents, originals, borrowing
    household: bool = False  # vehicles, pets and emergency contacts

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            **{f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(self)}
        )

    @property
    def empty(self) -> bool:
        return not any(asdict(self).values())

    def names(self) -> frozenset[str]:
        """The flags that are set (for logs and for sending to other desks)."""
        return frozenset(name for name, value in asdict(self).items() if value)

    @classmethod
    def from_names(cls, names: frozenset[str] | set[str] | list[str]) -> Changes:
        """The value back from :meth:`names`; unknown names are ignored (a newer desk's kinds)."""
        known = {f.name for f in fields(cls)}
        return cls(**{n: True for n in names if n in known})

    @classmethod
    def everything(cls) -> Changes:
        return cls(**{f.name: True for f in fields(cls)})


NOTHING = Changes()
