"""Backup and restore screen (administrators).

SQLite: the list of backups, "Back up now", and restore (from the list or a chosen file)
after a confirmation; the service checks the file fully, keeps the current database
aside, and the app then closes so it starts again on the restored data.
PostgreSQL: an explanation that the server's pg_dump does backups, and nothing else.

Backing up, restoring and reading the folder are file work: they run as ``ctx.task`` on the
database worker (one at a time with every other database action). The list reloads after
``Changes(backups=True)`` (e.g. the daily backup) while shown, and marks itself stale while
hidden.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from propdesk.backup.sqlite_backup import (
    POSTGRES_MESSAGE,
    BackupInfo,
    RestorePlan,
    RestoreResult,
    backup_folder,
    backup_now,
    database_path,
    list_backups,
    plan_restore,
    restore_backup,
)
from propdesk.changes import Changes
from propdesk.errors import DomainError
from propdesk.progress import Progress
from ui.common.list_model import RowListModel
from ui.context import AppContext


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{n / 1024:.0f} KB"


class BackupsModel(RowListModel[BackupInfo]):
    """Backups, newest first (a folder holds at most ``backup_keep`` of them)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            [
                (
                    QCoreApplication.translate("BackupsModel", "Time"),
                    lambda b: f"{b.created_at:%Y-%m-%d %H:%M:%S}",
                ),
                (QCoreApplication.translate("BackupsModel", "Kind"), lambda b: b.kind_label),
                (QCoreApplication.translate("BackupsModel", "Size"), lambda b: _size(b.size)),
                (QCoreApplication.translate("BackupsModel", "File"), lambda b: b.path.name),
            ],
            parent=parent,
        )

    @property
    def backups(self) -> list[BackupInfo]:
        """The backups shown, in order."""
        return self.rows()

    def set_backups(self, backups: list[BackupInfo]) -> None:
        self.set_rows(backups)


def _quit_app() -> None:
    app = QApplication.instance()
    if app is not None:
        app.quit()


class BackupDialog(QDialog):
    """Backups of the open SQLite database, or the PostgreSQL explanation.

    Attributes:
        model, view: the backup list; status: the last message;
        backup_button, restore_button, restore_file_button: the actions.
    """

    def __init__(
        self,
        *,
        ctx: AppContext,
        folder: Path | None = None,
        confirm: Callable[[str], bool] | None = None,
        after_restore: Callable[[], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.folder = folder
        self._confirm = confirm or self._ask
        self._after_restore = after_restore or self._tell_and_quit
        self.setWindowTitle(self.tr("Backup and restore"))
        self.resize(760, 420)
        layout = QVBoxLayout(self)
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.model = BackupsModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.backup_button = QPushButton(self.tr("&Back up now"))
        self.backup_button.clicked.connect(self.back_up)
        self.restore_button = QPushButton(self.tr("&Restore selected…"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_file_button = QPushButton(self.tr("Restore from &file…"))
        self.restore_file_button.clicked.connect(self.restore_from_file)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        self._stale = False
        if not ctx.db.is_sqlite:
            self.status.setText(POSTGRES_MESSAGE)
            layout.addWidget(self.status)
            layout.addStretch(1)
            layout.addWidget(close)
            self.backup_button.setVisible(False)
            self.restore_button.setVisible(False)
            self.restore_file_button.setVisible(False)
            return
        intro = QLabel(
            self.tr(
                "PropDesk backs up the database when it starts and once a day, keeping the "
                "newest %1 copies in %2. A restore first checks the chosen file, says which "
                "payments and user changes it would undo, and keeps the current database "
                "aside. Receipt numbers always continue above the highest ever issued."
            )
            .replace("%1", str(ctx.settings.backup_keep))
            .replace("%2", str(self._folder()))
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        buttons = QHBoxLayout()
        for b in (self.backup_button, self.restore_button, self.restore_file_button):
            b.setAutoDefault(False)
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        ctx.hub.changed.connect(self._changed)
        self.refresh()

    def _folder(self) -> Path:
        return self.folder or backup_folder()

    def _changed(self, changes: Changes) -> None:
        if not changes.backups:
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Read the backups folder again (on the worker)."""
        self._stale = False
        folder, stem = self._folder(), database_path(self.ctx.db).stem
        self.ctx.task(
            lambda _progress: list_backups(folder, stem), parent=self, action="list backups"
        ).success(self._listed).run()

    def _listed(self, backups: list[BackupInfo]) -> None:
        self.model.set_backups(backups)
        self.view.resizeColumnsToContents()
        if self.model.backups:
            self.view.selectRow(0)

    def _buttons(self) -> tuple[QPushButton, ...]:
        return (self.backup_button, self.restore_button, self.restore_file_button)

    def _failed(self, exc: BaseException) -> bool:
        """A refused backup or restore (damaged file…) shows in the status line; anything
        else goes to the error handler too."""
        self.status.setText(
            exc.message if isinstance(exc, DomainError) else self.tr("Nothing was changed.")
        )
        return isinstance(exc, DomainError)

    def back_up(self) -> None:
        self.status.setText(self.tr("Backing up…"))
        db, actor, keep, folder = (
            self.ctx.db,
            self.ctx.actor,
            self.ctx.settings.backup_keep,
            self.folder,
        )

        def work(_progress: Progress) -> BackupInfo:
            return backup_now(db, actor=actor, keep=keep, folder=folder)

        self.ctx.task(
            work,
            label=self.tr("Backing up…"),
            changes=Changes(backups=True),
            parent=self,
            action="back up",
        ).busy(*self._buttons()).success(self._backed_up).failure(self._failed).run()

    def _backed_up(self, info: BackupInfo) -> None:
        if self._stale or not self.isVisible():
            self.refresh()
        self.status.setText(
            self.tr("Backed up to %1 (%2).")
            .replace("%1", str(info.path))
            .replace("%2", _size(info.size))
        )

    def _ask(self, question: str) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Restore database"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def restore_selected(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.restore(self.model.backups[index.row()].path)

    def restore_from_file(self) -> None:
        from ui.common.file_dialogs import ask_open_file

        path = ask_open_file(
            self,
            self.tr("Choose a backup"),
            self.tr("SQLite database (*.sqlite3 *.db);;All files (*)"),
            purpose="backups",
            dialog=lambda parent, title, _start, filters: QFileDialog.getOpenFileName(
                parent, title, str(self._folder()), filters
            )[0],
        )
        if path:
            self.restore(Path(path))

    def restore(self, source: Path) -> None:
        """Check ``source`` and find what restoring it undoes (on the worker), say so plainly
        and ask; on yes restore it, and PropDesk closes to restart cleanly."""
        self.status.setText(self.tr("Checking the backup…"))
        db, actor = self.ctx.db, self.ctx.actor

        def check(_progress: Progress) -> RestorePlan:
            return plan_restore(db, source, actor=actor)

        self.ctx.task(
            check, label=self.tr("Checking the backup…"), parent=self, action="check backup"
        ).busy(*self._buttons()).success(self._confirm_restore).failure(self._failed).run()

    def _confirm_restore(self, plan: RestorePlan) -> None:
        question = plan.question() + "\n\n" + self.tr("PropDesk closes afterwards; start it again.")
        if not self._confirm(question):
            self.status.setText(self.tr("Restore cancelled. Nothing was changed."))
            return
        self.status.setText(self.tr("Checking and restoring…"))
        db, actor, source = self.ctx.db, self.ctx.actor, plan.source

        def work(_progress: Progress) -> RestoreResult:
            return restore_backup(db, source, actor=actor)

        self.ctx.task(
            work, label=self.tr("Checking and restoring…"), parent=self, action="restore"
        ).busy(*self._buttons()).success(self._restored).failure(self._failed).run()

    def _restored(self, result: RestoreResult) -> None:
        self.status.setText(
            self.tr("Restored from %1. The previous database was kept as %2.")
            .replace("%1", result.restored_from.name)
            .replace("%2", str(result.kept_aside))
        )
        self._after_restore()

    def _tell_and_quit(self) -> None:
        QMessageBox.information(
            self,
            self.tr("Database restored"),
            self.status.text()
            + "\n\n"
            + self.tr("PropDesk will now close. Please start it again."),
        )
        _quit_app()
