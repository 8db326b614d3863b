"""Automatic backups while the app runs: one at start, then daily (checked every hour).

Each backup is a ``ctx.task`` on the database worker, never on the UI thread. Whether the
daily one is due is decided against ``propdesk.clock`` (the desk's clock, which tests fix),
by the sequence of the newest backup. The start backup also checks every page of the
database (``quick_check`` of its copy), which is how a big database gets its start-up
scan; a failure is logged and shown in a message box. PostgreSQL: nothing (the server's
pg_dump does backups). Install from the app after login:
``start_backup_schedule(ctx=ctx, parent=window)``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from propdesk import clock
from propdesk.backup.sqlite_backup import BackupInfo, auto_backup, daily_backup_if_due
from propdesk.changes import Changes
from propdesk.failures import describe
from propdesk.progress import Progress
from ui.context import AppContext

CHECK_EVERY_MS = 60 * 60 * 1000


class BackupScheduler(QObject):
    """Signals: ``backed_up(BackupInfo)``, ``failed(str)`` (the message; the detail is logged).

    A backup made broadcasts ``Changes(backups=True)`` so an open backup list reloads.
    """

    backed_up = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        *,
        ctx: AppContext,
        folder: Path | None = None,
        check_ms: int = CHECK_EVERY_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.folder = folder
        self.last_error = ""
        self.timer = QTimer(self)
        self.timer.setInterval(check_ms)
        self.timer.timeout.connect(self.check_daily)

    def start(self) -> None:
        """Back up now (kind "start") and check for the daily backup every hour."""
        if not self.ctx.db.is_sqlite:
            return
        db, keep, folder = self.ctx.db, self.ctx.settings.backup_keep, self.folder

        def work(_progress: Progress) -> BackupInfo | None:
            return auto_backup(db, kind="start", keep=keep, folder=folder, now=clock.now())

        self._run(work, "start backup")
        self.timer.start()

    def check_daily(self) -> None:
        """Make the daily backup when the newest one is a day old by the desk's clock."""
        db, keep, folder = self.ctx.db, self.ctx.settings.backup_keep, self.folder

        def work(_progress: Progress) -> BackupInfo | None:
            return daily_backup_if_due(db, keep=keep, folder=folder, now=clock.now())

        self._run(work, "daily backup")

    def _run(self, work: Callable[[Progress], BackupInfo | None], action: str) -> None:
        self.ctx.task(work, action=action).success(self._done).failure(self._failed).run()

    def _done(self, info: BackupInfo | None) -> None:
        if info is not None:
            self.last_error = ""
            self.ctx.hub.notify(Changes(backups=True))
            self.backed_up.emit(info)

    def _failed(self, exc: BaseException) -> bool:
        self.last_error = f"自动备份失败：{describe(exc).message}"
        self.failed.emit(self.last_error)
        return True  # logged by the operation; shown through ``failed``


def start_backup_schedule(*, ctx: AppContext, parent: QWidget | None = None) -> BackupScheduler:
    """Start the schedule; a failed backup (e.g. a damaged database) is shown to the user."""
    scheduler = BackupScheduler(ctx=ctx, parent=parent)
    if parent is not None:
        scheduler.failed.connect(
            lambda message: QMessageBox.warning(
                parent, QCoreApplication.translate("BackupScheduler", "Backup failed"), message
            )
        )
    scheduler.start()
    return scheduler
