"""Automatic backups while the app runs: one at start, then daily (checked every hour).

Runs on the app's executor, never on the UI thread. The start backup also checks every
page of the database (``quick_check`` of its copy), which is how a big database gets its
start-up scan; a failure is shown in a message box. PostgreSQL: nothing (the server's
pg_dump does backups). Install from the app after login:
``start_backup_schedule(ctx=ctx, parent=window)``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from propdesk.backup.sqlite_backup import BackupInfo, auto_backup, daily_backup_if_due
from ui.context import AppContext

CHECK_EVERY_MS = 60 * 60 * 1000


class BackupScheduler(QObject):
    """Signals: ``backed_up(BackupInfo)``, ``failed(str)`` (also printed to stderr)."""

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
        self.ctx.executor.submit(
            lambda: auto_backup(db, kind="start", keep=keep, folder=folder),
            success=self._done,
            failure=self._failed,
        )
        self.timer.start()

    def check_daily(self) -> None:
        db, keep, folder = self.ctx.db, self.ctx.settings.backup_keep, self.folder
        self.ctx.executor.submit(
            lambda: daily_backup_if_due(db, keep=keep, folder=folder),
            success=self._done,
            failure=self._failed,
        )

    def _done(self, info: BackupInfo | None) -> None:
        if info is not None:
            self.last_error = ""
            self.backed_up.emit(info)

    def _failed(self, exc: BaseException) -> None:
        self.last_error = f"自动备份失败：{exc}"
        print(f"propdesk: {self.last_error}", file=sys.stderr)
        self.failed.emit(self.last_error)


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
