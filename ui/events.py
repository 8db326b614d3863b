"""After a write, one ``changed`` signal says what changed; each view decides whether to refresh."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal


@dataclass(frozen=True)
class Changes:
    """Topics touched by one user action, e.g. ``Changes.of("units", "people")``.

    Known topics: ``units``, ``people``, ``occupancy``, ``buildings``, ``estate``,
    ``tickets``, ``fees``, ``payments``, ``users``, ``settings``. Modules may add their own.
    """

    topics: frozenset[str]

    @classmethod
    def of(cls, *topics: str) -> Changes:
        return cls(frozenset(topics))

    def __contains__(self, topic: object) -> bool:
        return topic in self.topics

    def any(self, *topics: str) -> bool:
        return bool(self.topics.intersection(topics))


class ChangeHub(QObject):
    """The one broadcaster. Signals: ``changed(Changes)``."""

    changed = Signal(object)

    def notify(self, changes: Changes) -> None:
        self.changed.emit(changes)
