"""After a write, one ``changed`` signal carries a typed :class:`Changes`; each view decides."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from propdesk.changes import Changes
from ui.navigation import Navigate

__all__ = ["ChangeHub", "Changes", "Navigate"]


class ChangeHub(QObject):
    """The one broadcaster.

    Signals:
        changed(Changes): after a write.
        navigate(Navigate): a view asks the main window to open a page with a request.
    """

    changed = Signal(object)
    navigate = Signal(object)

    def notify(self, changes: Changes) -> None:
        self.changed.emit(changes)

    def open(self, request: Navigate) -> None:
        """Ask for a page, e.g. ``ctx.hub.open(Navigate("tickets", TicketBoardRequest(...)))``."""
        self.navigate.emit(request)
