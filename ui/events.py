"""After a write, one ``changed`` signal carries a typed :class:`Changes`; each view decides."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from propdesk.changes import Changes

__all__ = ["ChangeHub", "Changes"]


class ChangeHub(QObject):
    """The one broadcaster. Signals: ``changed(Changes)``."""

    changed = Signal(object)

    def notify(self, changes: Changes) -> None:
        self.changed.emit(changes)
