"""Several desks on one server, seen from the window: other desks' changes refresh the open
views, and a red banner says when the server is out of reach.

The core listener (:class:`propdesk.db.live.ChangeListener`) runs on its own thread; this
module moves what it hears onto the UI thread through queued signals. A change heard from
another desk is broadcast on ``ctx.hub`` exactly like a local write, so every view reacts the
one way it already does: a visible view reloads, a hidden one marks itself stale.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QToolBar

from propdesk.changes import Changes
from propdesk.db.live import Announcement, ChangeListener, LinkState
from ui.context import AppContext


class LiveLink(QObject):
    """The window's end of the listener.

    Signals:
        heard(Changes): another desk committed a change (already broadcast on ``ctx.hub``).
        state_changed(str): ``LinkState.DOWN`` when the server is lost, ``UP`` when back.
    """

    heard = Signal(object)
    state_changed = Signal(str)

    def __init__(
        self,
        ctx: AppContext,
        *,
        parent: QObject | None = None,
        poll_seconds: float = 1.0,
        retry_seconds: float = 1.0,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._listener = ChangeListener(
            ctx.db.engine,
            origin=ctx.desk_id,
            on_change=self._from_thread_change,
            on_state=self._from_thread_state,
            poll_seconds=poll_seconds,
            retry_seconds=retry_seconds,
        )
        self.heard.connect(self._broadcast, Qt.ConnectionType.QueuedConnection)

    @property
    def listener(self) -> ChangeListener:
        return self._listener

    def start(self) -> None:
        self._listener.start()

    def stop(self) -> None:
        self._listener.stop()

    # Called on the listener's thread: only emit (queued to the UI thread).
    def _from_thread_change(self, heard: Announcement) -> None:
        self.heard.emit(heard.changes)

    def _from_thread_state(self, state: str) -> None:
        self.state_changed.emit(state)

    def _broadcast(self, changes: Changes) -> None:
        self._ctx.hub.notify(changes)


class ConnectionBanner(QToolBar):
    """A red bar across the top of the window while the server cannot be reached."""

    def __init__(self, parent: QMainWindow | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectionBanner")
        self.setMovable(False)
        self.setFloatable(False)
        self.toggleViewAction().setVisible(False)
        self.label = QLabel(
            self.tr(
                "The database server cannot be reached. Your input is kept; saving waits and "
                "tries again when the server is back."
            )
        )
        self.label.setStyleSheet("QLabel { color: white; font-weight: bold; padding: 4px; }")
        self.setStyleSheet("QToolBar#connectionBanner { background: #c0392b; border: 0; }")
        self.addWidget(self.label)
        self.hide()

    def show_state(self, state: str) -> None:
        self.setVisible(state == LinkState.DOWN)


def install_live_link(window: QMainWindow, ctx: AppContext) -> LiveLink | None:
    """Start listening for other desks and show the banner on ``window`` when the server is lost.

    Nothing to do for SQLite (one desk, one file): returns ``None``.
    """
    if ctx.db.engine.dialect.name != "postgresql":
        return None
    banner = ConnectionBanner(window)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, banner)
    link = LiveLink(ctx, parent=window)
    link.state_changed.connect(banner.show_state, Qt.ConnectionType.QueuedConnection)
    window.destroyed.connect(lambda *_: link.stop())
    link.start()
    return link
