"""The one failure handler of the app: every error reaches the user as a clear message and the log.

Operations (:mod:`ui.ops`) send their failures here; so do ``sys.excepthook`` (anything
raised in a slot or callback) and Qt's message handler (Qt's own warnings, logged). The
clerk sees a short Chinese message in a box over the window they were working in — never a
traceback, never SQL — and the dialog keeps its input; the full detail goes to the log file
(:mod:`propdesk.failures`).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from propdesk.auth.epoch import SessionExpired
from propdesk.failures import Failure, FailureKind, describe, log, log_failure

Shower = Callable[[QWidget | None, Failure], None]


def show_failure_box(parent: QWidget | None, failure: Failure) -> None:
    """A modal message box with the failure's title and message."""
    icon = (
        QMessageBox.Icon.Critical if failure.kind is FailureKind.BUG else QMessageBox.Icon.Warning
    )
    box = QMessageBox(icon, failure.title, failure.message, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName(f"failure_{failure.kind.value}")
    box.exec()


class ErrorHandler:
    """Logs failures and shows them to the user.

    Attributes:
        shown: every failure shown so far in this session (tests read it).
        show: how a failure is shown; tests replace it to avoid modal boxes.
        session_expired: called when a transaction was refused because the user's login
            no longer holds (the session lock then asks for a login: ui.auth.lock).
    """

    def __init__(self, show: Shower | None = None) -> None:
        self.show: Shower = show or show_failure_box
        self.shown: list[Failure] = []
        self.session_expired: list[Callable[[], None]] = []
        self._showing = False

    def _notice(self, exc: BaseException) -> None:
        if isinstance(exc, SessionExpired):
            for callback in list(self.session_expired):
                callback()

    def log(self, exc: BaseException, *, action: str = "") -> Failure:
        """Only log ``exc`` (a caller showed it its own way)."""
        self._notice(exc)
        return log_failure(exc, action=action)

    def report(
        self, exc: BaseException, *, parent: QWidget | None = None, action: str = ""
    ) -> Failure:
        """Log ``exc`` and show it; a cancelled operation is logged but not shown."""
        failure = log_failure(exc, action=action)
        self._notice(exc)
        if failure.kind is FailureKind.CANCELLED:
            return failure
        self.shown.append(failure)
        if self._showing:  # an error while showing an error: log only, never a cascade
            return failure
        self._showing = True
        try:
            self.show(parent or _active_window(), failure)
        finally:
            self._showing = False
        return failure

    def install(self) -> None:
        """Route uncaught exceptions and Qt's messages to this handler and the log."""

        def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
            if issubclass(kind, KeyboardInterrupt):
                sys.__excepthook__(kind, exc, tb)
                return
            if exc.__traceback__ is None and tb is not None:
                exc = exc.with_traceback(tb)
            self.report(exc, action="uncaught")

        sys.excepthook = hook
        qInstallMessageHandler(_qt_message)


def _qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    where = f" ({context.file}:{context.line})" if context.file else ""
    if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
        log.error("Qt: %s%s", message, where)
    elif kind == QtMsgType.QtWarningMsg:
        log.warning("Qt: %s%s", message, where)
    else:
        log.debug("Qt: %s%s", message, where)


def _active_window() -> QWidget | None:
    app = QApplication.instance()
    return app.activeWindow() if isinstance(app, QApplication) else None


__all__ = ["ErrorHandler", "describe", "show_failure_box"]
