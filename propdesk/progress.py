"""Progress of long work, and the way to cancel it, without any UI in the core.

Long services (billing runs, batch prints, the demo, imports) take an optional
:class:`Progress` and call :meth:`Progress.update` now and then; when the user pressed
Cancel, ``update`` raises :class:`~propdesk.failures.OperationCancelled` and the caller's
transaction rolls back, so nothing is half-written.
"""

from __future__ import annotations

from collections.abc import Callable

from propdesk.failures import OperationCancelled

Report = Callable[[int | None, int | None, str], None]


class Progress:
    """Reports ``done`` of ``total`` (either may be unknown) and checks for Cancel."""

    def __init__(
        self, report: Report | None = None, cancelled: Callable[[], bool] | None = None
    ) -> None:
        self._report = report
        self._cancelled = cancelled

    @property
    def cancelled(self) -> bool:
        return bool(self._cancelled and self._cancelled())

    def check(self) -> None:
        """Raise :class:`OperationCancelled` when the user asked to stop."""
        if self.cancelled:
            raise OperationCancelled

    def update(self, done: int | None = None, total: int | None = None, label: str = "") -> None:
        """Say how far the work is; raises :class:`OperationCancelled` after Cancel."""
        self.check()
        if self._report is not None:
            self._report(done, total, label)


NO_PROGRESS = Progress()
