"""Reload a view after a change: at once when it is visible, else when it is next shown."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget


class StaleGuard(QObject):
    """Reloads a view after a change: at once when it is visible, else when next shown.

    Attributes:
        stale: the view missed a change while hidden and reloads on its next show.
    """

    def __init__(self, view: QWidget, reload: Callable[[], None]) -> None:
        super().__init__(view)
        self._view = view
        self._reload = reload
        self.stale = False
        view.installEventFilter(self)

    def changed(self) -> None:
        """Something the view shows changed."""
        if self._view.isVisible():
            self.stale = False
            self._reload()
        else:
            self.stale = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Qt may deliver an event while the wrapper is still being built or already torn
        # down: then the attributes are not there and there is nothing to reload.
        view = getattr(self, "_view", None)
        if view is not None and watched is view and event.type() == QEvent.Type.Show and self.stale:
            self.stale = False
            self._reload()
        return False
