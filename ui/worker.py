"""Database work off the UI thread: one single-worker executor, results by signal.

``executor.submit(op, success=..., failure=...)`` runs ``op()`` on the worker and
calls ``success(result)`` or ``failure(exc)`` back on the UI thread. Tests use
:class:`InlineExecutor`, which runs everything at once on the calling thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

Op = Callable[[], Any]
Success = Callable[[Any], None]
Failure = Callable[[BaseException], None]


class Executor(Protocol):
    def submit(
        self, op: Op, *, success: Success | None = None, failure: Failure | None = None
    ) -> None: ...


class InlineExecutor:
    """Runs work immediately on the caller's thread (tests, command line)."""

    def submit(
        self, op: Op, *, success: Success | None = None, failure: Failure | None = None
    ) -> None:
        try:
            result = op()
        except Exception as exc:  # delivered to the caller's failure handler, like the threaded one
            if failure is None:
                raise
            failure(exc)
            return
        if success is not None:
            success(result)


class _Relay(QObject):
    done = Signal(object, object)  # (result, exception)


class _Job(QRunnable):
    def __init__(self, op: Op, relay: _Relay) -> None:
        super().__init__()
        self.op = op
        self.relay = relay

    def run(self) -> None:
        try:
            result = self.op()
        except Exception as exc:
            self._deliver(None, exc)
        else:
            self._deliver(result, None)

    def _deliver(self, result: Any, exc: BaseException | None) -> None:
        try:
            self.relay.done.emit(result, exc)
        except RuntimeError:  # the app is closing: the relay is gone, nobody is waiting
            return


class ThreadExecutor(QObject):
    """One worker thread, so database work is serialised and never blocks the window."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relays: set[_Relay] = set()

    def submit(
        self, op: Op, *, success: Success | None = None, failure: Failure | None = None
    ) -> None:
        relay = _Relay()
        self._relays.add(relay)

        def deliver(result: Any, exc: BaseException | None) -> None:
            self._relays.discard(relay)
            if exc is not None:
                if failure is not None:
                    failure(exc)
                else:
                    raise exc
            elif success is not None:
                success(result)

        relay.done.connect(deliver)
        self._pool.start(_Job(op, relay))

    def wait(self, msecs: int = -1) -> bool:
        return self._pool.waitForDone(msecs)
