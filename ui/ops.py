"""The operation object: every database action started from the UI goes through one of these.

Modelled on Anki's ``CollectionOp``/``QueryOp``. An :class:`Op` runs its work on the single
database worker (``ctx.executor``), inside one transaction on behalf of the logged-in user;
then, back on the UI thread, it hands the result to ``success`` and, after a write, broadcasts
one typed :class:`~propdesk.changes.Changes` through ``ctx.hub``. Every failure — a domain
error, a database error, a bug — goes to one handler (:class:`ui.errors.ErrorHandler`), which
logs it and shows the clerk a clear Chinese message; the dialog that started the operation
stays open with its input. Long work shows a progress dialog with Cancel.

Typical uses::

    ctx.op(lambda s: take_payment(s, ...), changes=Changes(fees=True, payments=True),
           parent=self).busy(self.ok_button).success(self._paid).run()

    ctx.query(lambda s: arrears_count(s), parent=self).success(self._show_count).run()

    ctx.long_op(lambda s, progress: run_billing(s, ..., progress=progress),
                label=self.tr("Billing…"), changes=Changes(fees=True), parent=self).run()

Tests use :class:`ui.worker.InlineExecutor`, which runs the work at once on the calling thread,
so an operation behaves the same, only synchronously.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget
from shiboken6 import isValid

from propdesk.changes import Changes
from propdesk.db import live
from propdesk.failures import OperationCancelled
from propdesk.progress import Progress

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ui.context import AppContext
    from ui.worker import Executor, Failure, Success

T = TypeVar("T")

SHOW_PROGRESS_AFTER_MS = 400

FailureHandler = Callable[[BaseException], bool | None]
"""Called with the exception first; returning True means "handled, show nothing else"."""


class _ProgressRelay(QObject):
    """Carries progress from the worker thread to the dialog on the UI thread."""

    moved = Signal(int, int, str)


class Op(Generic[T]):
    """One database action started from the UI.

    Build it with ``ctx.op``, ``ctx.query``, ``ctx.long_op`` or ``ctx.task``, chain
    :meth:`success`, :meth:`failure`, :meth:`busy`, then :meth:`run` it once.

    Attributes:
        changes: broadcast after the work succeeded (``None`` for a read).
        action: what the user was doing, for the log file.
    """

    def __init__(
        self,
        ctx: AppContext,
        work: Callable[[Progress], T],
        *,
        changes: Changes | None = None,
        parent: QWidget | None = None,
        action: str = "",
        progress_label: str | None = None,
        cancellable: bool = False,
    ) -> None:
        self._ctx = ctx
        self._work = work
        self.changes = changes
        self._parent = parent
        self.action = action
        self._progress_label = progress_label
        self._cancellable = cancellable
        self._success: Callable[[T], None] | None = None
        self._failure: FailureHandler | None = None
        self._finally: Callable[[], None] | None = None
        self._busy: list[QWidget] = []
        self._started = False
        self._waiting: _ServerWait | None = None
        self._shown: tuple[QProgressDialog | None, _ProgressRelay] | None = None

    # --- building -----------------------------------------------------------------------

    def success(self, fn: Callable[[T], None]) -> Op[T]:
        """Call ``fn(result)`` on the UI thread when the work succeeded."""
        self._success = fn
        return self

    def failure(self, fn: FailureHandler) -> Op[T]:
        """Let the caller handle a failure first (e.g. show a validation error by its field).

        ``fn(exc)`` returning True means handled; otherwise the common handler shows it.
        Either way the failure is logged.
        """
        self._failure = fn
        return self

    def finally_(self, fn: Callable[[], None]) -> Op[T]:
        """Call ``fn()`` on the UI thread after success or failure."""
        self._finally = fn
        return self

    def busy(self, *widgets: QWidget) -> Op[T]:
        """Disable ``widgets`` while the work runs (so the same action cannot start twice)."""
        self._busy.extend(widgets)
        return self

    # --- running ------------------------------------------------------------------------

    def run(self) -> None:
        """Start the work on the database worker. An operation runs once."""
        if self._started:
            raise RuntimeError("an Op runs once")
        self._started = True
        for widget in self._busy:
            widget.setEnabled(False)
        cancel = threading.Event()
        dialog = self._progress_dialog(cancel) if self._progress_label is not None else None
        relay = _ProgressRelay()
        if dialog is not None:
            relay.moved.connect(
                lambda done, total, label: _show_progress(dialog, done, total, label),
                Qt.ConnectionType.QueuedConnection,
            )

        def report(done: int | None, total: int | None, label: str) -> None:
            relay.moved.emit(-1 if done is None else done, -1 if total is None else total, label)

        progress = Progress(report=report, cancelled=cancel.is_set)
        self._shown = (dialog, relay)

        def work() -> T:
            return self._work(progress)

        def done(result: object) -> None:
            self._close(dialog, relay)
            if self._waiting is not None:
                self._waiting.close()
                self._waiting = None
            if self.changes is not None and not self.changes.empty:
                self._ctx.hub.notify(self.changes)
            # The busy widgets come back before the callback, so the callback has the last
            # word (e.g. a form reset after its action disables the button again).
            self._release_busy()
            try:
                if self._success is not None:
                    self._success(result)  # type: ignore[arg-type]
            finally:
                self._after()

        def failed(exc: BaseException) -> None:
            if self._waits_for_server(exc):
                self._wait_for_server(resubmit)
                return
            self._close(dialog, relay)
            self._release_busy()
            try:
                self._report(exc)
            finally:
                self._after()

        def resubmit() -> None:
            self._ctx.executor.submit(work, success=done, failure=failed)

        resubmit()

    # --- a lost server: wait, then try again ------------------------------------------------

    def _waits_for_server(self, exc: BaseException) -> bool:
        if self._waiting is not None and self._waiting.cancelled:
            return False
        return self._ctx.db.engine.dialect.name == "postgresql" and live.connection_lost(exc)

    def _wait_for_server(self, resubmit: Callable[[], None]) -> None:
        """The server is gone: keep the clerk's dialog and input, say so, and try the same
        work again every few seconds until it goes through or the clerk cancels. A payment
        tried again carries the same idempotency key, so it is never taken twice."""
        if self._waiting is None:
            self._waiting = _ServerWait(self._live_parent(), self.action)
            self._waiting.gave_up.connect(lambda: self._give_up())
        self._waiting.attempt(resubmit)

    def _give_up(self) -> None:
        waiting, self._waiting = self._waiting, None
        if waiting is not None:
            waiting.close()
        if self._shown is not None:
            self._close(*self._shown)
        try:
            self._report(OperationCancelled())
        finally:
            self._after()

    def _report(self, exc: BaseException) -> None:
        handled = False
        if self._failure is not None and not isinstance(exc, OperationCancelled):
            try:
                handled = bool(self._failure(exc))
            except Exception as inner:  # the caller's handler failed: report that too
                self._ctx.errors.report(inner, parent=self._live_parent(), action=self.action)
        if handled:
            self._ctx.errors.log(exc, action=self.action)
        else:
            self._ctx.errors.report(exc, parent=self._live_parent(), action=self.action)

    def _release_busy(self) -> None:
        busy, self._busy = self._busy, []
        for widget in busy:
            if isValid(widget):
                widget.setEnabled(True)

    def _after(self) -> None:
        self._release_busy()  # (no-op when already released)
        if self._finally is not None:
            self._finally()

    def _live_parent(self) -> QWidget | None:
        parent = self._parent
        return parent if parent is not None and isValid(parent) else None

    def _progress_dialog(self, cancel: threading.Event) -> QProgressDialog:
        dialog = QProgressDialog(
            self._progress_label or "",
            QCoreApplication.translate("Op", "Cancel") if self._cancellable else "",
            0,
            0,
            self._live_parent(),
        )
        if not self._cancellable:
            dialog.setCancelButton(None)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(SHOW_PROGRESS_AFTER_MS)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)

        def cancelled() -> None:
            cancel.set()
            dialog.setLabelText(QCoreApplication.translate("Op", "Cancelling…"))

        dialog.canceled.connect(cancelled)
        return dialog

    @staticmethod
    def _close(dialog: QProgressDialog | None, relay: _ProgressRelay) -> None:
        if dialog is not None and isValid(dialog):
            relay.moved.disconnect()
            dialog.close()
            dialog.deleteLater()


RETRY_AFTER_MS = 2000
"""How long to wait before trying again while the server is away."""


class _ServerWait(QObject):
    """ "The server is away, trying again" with a Cancel button, while an operation waits."""

    gave_up = Signal()

    def __init__(self, parent: QWidget | None, action: str) -> None:
        super().__init__(parent)
        self.cancelled = False
        self._tries = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._resubmit: Callable[[], None] | None = None
        self._timer.timeout.connect(self._fire)
        self._dialog = QProgressDialog(
            self._text(),
            QCoreApplication.translate("Op", "Cancel (do not save)"),
            0,
            0,
            parent,
        )
        self._dialog.setWindowTitle(QCoreApplication.translate("Op", "Server unavailable"))
        self._dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self._dialog.setMinimumDuration(0)
        self._dialog.setAutoClose(False)
        self._dialog.setAutoReset(False)
        self._dialog.canceled.connect(self._cancel)
        self._dialog.show()

    def _text(self) -> str:
        return QCoreApplication.translate(
            "Op",
            "The connection to the database server was lost. Nothing was saved yet and your "
            "input is kept. Trying again every few seconds (attempt %1)…",
        ).replace("%1", str(self._tries))

    def attempt(self, resubmit: Callable[[], None]) -> None:
        if self.cancelled:
            return
        self._tries += 1
        self._dialog.setLabelText(self._text())
        self._resubmit = resubmit
        self._timer.start(RETRY_AFTER_MS)

    def _fire(self) -> None:
        if self._resubmit is not None and not self.cancelled:
            self._resubmit()

    @property
    def tries(self) -> int:
        return self._tries

    def _cancel(self) -> None:
        if self.cancelled:
            return
        self.cancelled = True
        self._timer.stop()
        self.gave_up.emit()

    def close(self) -> None:
        self._timer.stop()
        if isValid(self._dialog):
            self._dialog.canceled.disconnect(self._cancel)
            self._dialog.close()
            self._dialog.deleteLater()


def _show_progress(dialog: QProgressDialog, done: int, total: int, label: str) -> None:
    if not isValid(dialog):
        return
    if total > 0:
        dialog.setMaximum(total)
        dialog.setValue(max(0, min(done, total)))
    if label:
        dialog.setLabelText(label)


TRANSIENT_RETRIES = 3
"""How often a transaction that PostgreSQL rolled back for overlapping with another desk's
(serialization failure, deadlock) is run again before the clerk is told."""


_SHARED = threading.local()
"""The read transaction the reads of one :class:`ReadBatch` share (worker thread only)."""


class ReadBatch:
    """An executor that collects the work submitted while a page is built and runs it as one
    job: the reads share one read transaction (one connection, one ``BEGIN``) instead of a
    transaction each, then their callbacks run in the order the work was submitted.

    Use it through :meth:`ui.context.AppContext.reads_together`. A write submitted meanwhile
    still runs in a transaction of its own (in the same job, in order). When the shared
    transaction itself fails (it cannot begin or commit), each work is submitted again on
    its own, so every operation still ends in its success or failure handler.
    """

    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx
        self._items: list[tuple[Callable[[], object], Success | None, Failure | None]] = []

    def submit(
        self,
        op: Callable[[], object],
        *,
        success: Success | None = None,
        failure: Failure | None = None,
    ) -> None:
        self._items.append((op, success, failure))

    def flush(self, executor: Executor) -> None:
        """Run what was collected on ``executor`` (the real one) as one job."""
        items, self._items = self._items, []
        if not items:
            return
        ctx = self._ctx

        def job() -> list[tuple[bool, object]]:
            outcomes: list[tuple[bool, object]] = []
            with ctx.db.begin(ctx.actor, write=False) as session:
                _SHARED.ctx, _SHARED.session = ctx, session
                try:
                    for op, _success, _failure in items:
                        try:
                            outcomes.append((True, op()))
                        except Exception as exc:  # the operation's own failure handler
                            outcomes.append((False, exc))
                finally:
                    _SHARED.ctx = _SHARED.session = None
            return outcomes

        def delivered(outcomes: list[tuple[bool, object]]) -> None:
            first: BaseException | None = None
            for (ok, value), (_op, success, failure) in zip(outcomes, items, strict=True):
                try:
                    if ok:
                        if success is not None:
                            success(value)
                    elif failure is not None:
                        failure(value)  # type: ignore[arg-type]
                    else:
                        raise value  # type: ignore[misc]
                except Exception as exc:  # the others still get their results
                    first = first or exc
            if first is not None:
                raise first

        def shared_failed(_exc: BaseException) -> None:
            for op, success, failure in items:
                executor.submit(op, success=success, failure=failure)

        executor.submit(job, success=delivered, failure=shared_failed)


def session_work(
    ctx: AppContext,
    fn: Callable[[Session], T],
    *,
    write: bool = True,
    changes: Changes | None = None,
) -> Callable[[Progress], T]:
    """``fn`` in one transaction on behalf of the logged-in user.

    ``write=False`` (reads): on SQLite the transaction begins deferred and never waits
    for a writer; a write begins ``BEGIN IMMEDIATE`` (see :meth:`Database.begin`).
    ``changes`` are announced to the other desks in the same transaction.
    """

    def work(progress: Progress) -> T:
        return _in_transaction(ctx, fn, progress, write, changes)

    return work


def long_session_work(
    ctx: AppContext, fn: Callable[[Session, Progress], T], *, changes: Changes | None = None
) -> Callable[[Progress], T]:
    """``fn`` in one transaction, with progress; Cancel rolls the whole transaction back."""

    def work(progress: Progress) -> T:
        def body(session: Session) -> T:
            result = fn(session, progress)
            progress.check()
            return result

        return _in_transaction(ctx, body, progress, True, changes)

    return work


def _in_transaction(
    ctx: AppContext,
    body: Callable[[Session], T],
    progress: Progress,
    write: bool,
    changes: Changes | None,
) -> T:
    """Run ``body`` in one transaction; run it again (a few times) when PostgreSQL rolled it
    back only because another desk's transaction overlapped it.

    A read started while a page is built (:class:`ReadBatch`) runs in the page's shared read
    transaction instead of one of its own."""
    shared = _SHARED.__dict__.get("session")
    if shared is not None and not write and changes is None and _SHARED.ctx is ctx:
        try:
            return body(shared)
        except Exception:
            # A failed statement can spoil the transaction (PostgreSQL aborts it): the reads
            # after this one begin their own.
            _SHARED.session = None
            raise
    attempt = 0
    while True:
        try:
            with ctx.db.begin(ctx.actor, write=write) as session:
                result = body(session)
                if changes is not None:
                    live.announce(session, changes, origin=ctx.desk_id)
                return result
        except Exception as exc:
            if attempt >= TRANSIENT_RETRIES or not live.transient(exc):
                raise
            attempt += 1
            progress.check()
            time.sleep(0.05 * attempt)  # let the other transaction finish
