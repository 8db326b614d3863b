"""The settings dialog: language, the database (a file here or a PostgreSQL server) with a
connection test, and the data folder.

Saved with :meth:`propdesk.config.Settings.save` (no password is ever saved); language and
database apply on restart. The connection test runs on the worker (through the operation
object when the app is running, on the given executor at start-up), so the dialog never
freezes while a server does not answer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from propdesk.config import ServerSettings, Settings, data_dir, resolve_database_url
from propdesk.db.engine import make_engine
from propdesk.db.server import describe_failure, probe
from propdesk.errors import DomainError
from ui.common.keyboard import install_dialog_keys
from ui.context import AppContext
from ui.settings.server_form import ServerForm
from ui.worker import Executor, InlineExecutor


def check_connection(value: str) -> str | None:
    """Try to open ``value`` (a SQLite path); the error text, or None when it works."""
    try:
        url = resolve_database_url(value.strip() or None, Settings(database_url=None))
        if url.startswith("sqlite") and not Path(url.removeprefix("sqlite:///")).parent.exists():
            return QCoreApplication.translate(
                "SettingsDialog", "The folder of this file does not exist."
            )
        kwargs = {} if url.startswith("sqlite") else {"connect_args": {"connect_timeout": 5}}
        engine = make_engine(url, **kwargs)
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
        finally:
            engine.dispose()
    except (SQLAlchemyError, ValueError, ImportError, OSError) as exc:
        return str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return None


def check_server(server: ServerSettings, user: str, password: str) -> tuple[bool, str]:
    """Log in to ``server`` and read its schema state: ``(works, one line to show)``."""
    try:
        return True, probe(server, user, password)
    except DomainError as exc:
        return False, str(exc)
    except (SQLAlchemyError, OSError) as exc:
        return False, describe_failure(server, exc)


class SettingsDialog(QDialog):
    """Edit and save the settings.

    Attributes:
        settings: the saved settings after acceptance (the given ones before).
        language: the language editor.
        local, on_server: the two kinds of database (radio buttons).
        database: the SQLite file (empty: the data folder's); server_form: the server fields.
        test_button, test_result: the connection test and its message.
    """

    def __init__(
        self,
        *,
        settings: Settings,
        folder: Path | None = None,
        ctx: AppContext | None = None,
        executor: Executor | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self._folder = folder
        self._ctx = ctx
        self._executor = executor or InlineExecutor()
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(560)
        self.language = QComboBox()
        self.language.setObjectName("language")
        self.language.addItem("简体中文", "zh_CN")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(self.language.findData(settings.language), 0))
        self.local = QRadioButton(self.tr("A file on this computer (one desk)"))
        self.on_server = QRadioButton(self.tr("A PostgreSQL server (several desks)"))
        kinds = QButtonGroup(self)
        kinds.addButton(self.local)
        kinds.addButton(self.on_server)
        self.database = QLineEdit(settings.database_url or "")
        self.database.setObjectName("database")
        self.database.setPlaceholderText(self.tr("empty: the SQLite file in the data folder"))
        self.server_form = ServerForm(server=settings.server)
        (self.on_server if settings.server else self.local).setChecked(True)
        self.local.toggled.connect(self._show_kind)
        self.test_button = QPushButton(self.tr("&Test connection"))
        self.test_button.clicked.connect(self.run_test)
        self.test_result = QLabel()
        self.test_result.setObjectName("test_result")
        self.test_result.setWordWrap(True)
        folder_label = QLabel(str(folder or data_dir()))
        folder_label.setObjectName("data_folder")
        form = QFormLayout()
        form.addRow(self.tr("&Language"), self.language)
        database_label = QLabel(self.tr("&Database"))
        database_label.setBuddy(self.local)
        form.addRow(database_label, self.local)
        form.addRow("", self.database)
        form.addRow("", self.on_server)
        form.addRow("", self.server_form)
        form.addRow("", self.test_button)
        form.addRow("", self.test_result)
        form.addRow(self.tr("Data folder"), folder_label)
        note = QLabel(self.tr("Language and database changes apply when PropDesk is restarted."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self._show_kind()
        install_dialog_keys(
            self,
            default=buttons.button(QDialogButtonBox.StandardButton.Save),
            first=self.language,
        )

    def _show_kind(self) -> None:
        self.database.setEnabled(self.local.isChecked())
        self.server_form.setEnabled(self.on_server.isChecked())

    def run_test(self) -> None:
        """Test the chosen database on the worker; the answer appears under the button."""
        if self.on_server.isChecked():
            server = self.server_form.server()
            if server is None:
                self._show_result(False, self.tr("Enter the server's host name or address."))
                self.server_form.host.setFocus()
                return
            user, password = self.server_form.user.text().strip(), self.server_form.password.text()
            if not user:
                self._show_result(False, self.tr("Enter a user name to test with."))
                self.server_form.user.setFocus()
                return

            def work() -> tuple[bool, str]:
                return check_server(server, user, password)
        else:
            path = self.database.text()

            def work() -> tuple[bool, str]:
                error = check_connection(path)
                return (error is None), error or ""

        self.test_result.setText(self.tr("Testing…"))
        self.test_result.setStyleSheet("color: #555;")
        self._run(work, lambda result: self._show_result(*result))

    def _run(
        self, work: Callable[[], tuple[bool, str]], done: Callable[[tuple[bool, str]], None]
    ) -> None:
        def failed(exc: BaseException) -> bool:
            self._show_result(False, str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
            return True

        if self._ctx is not None:
            self._ctx.task(lambda _progress: work(), parent=self, action="test connection").busy(
                self.test_button
            ).success(done).failure(failed).run()
            return
        self.test_button.setEnabled(False)

        def finish(result: tuple[bool, str]) -> None:
            self.test_button.setEnabled(True)
            done(result)

        def fail(exc: BaseException) -> None:
            self.test_button.setEnabled(True)
            failed(exc)

        self._executor.submit(work, success=finish, failure=fail)

    def _show_result(self, ok: bool, message: str) -> None:
        if ok:
            self.test_result.setStyleSheet("color: #1b5e20;")
            self.test_result.setText(message or self.tr("Connection works."))
            return
        self.test_result.setStyleSheet("color: #b00020;")
        if not message.startswith("无法连接服务器"):  # the server's reason already says so
            message = self.tr("Cannot connect: %1").replace("%1", message)
        self.test_result.setText(message)

    def accept(self) -> None:
        server = self.server_form.server() if self.on_server.isChecked() else None
        if self.on_server.isChecked() and server is None:
            self._show_result(False, self.tr("Enter the server's host name or address."))
            self.server_form.host.setFocus()
            return
        url = self.database.text().strip() or None
        self.settings = replace(
            self.settings,
            language=self.language.currentData(),
            database_url=url if server is None else self.settings.database_url,
            server=server,
        )
        self.settings.save(self._folder)
        super().accept()
