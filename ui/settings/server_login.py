"""Start a desk on a PostgreSQL server: ask who logs in, connect as them, check the schema.

The user and password typed here are the staff member's own server login (and their
PropDesk login: the same name and password). They are kept in memory only for this start
and never written anywhere. The owner login builds or upgrades the schema (the first desk);
a staff login on a schema newer than the app is told which version to install.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from propdesk.auth.actor import Actor
from propdesk.auth.users import authenticate, has_users
from propdesk.config import ServerSettings
from propdesk.db.engine import Database
from propdesk.db.server import describe_failure, open_server
from propdesk.errors import DomainError
from propdesk.failures import log_failure
from ui.worker import Executor, InlineExecutor

CHANGE_SETTINGS = 2  # the dialog's result code for "Server settings…"


@dataclass(frozen=True)
class ServerStart:
    """An opened server database and, when the same name and password logged in to
    PropDesk, its user (``None``: the regular login dialog follows, e.g. for the owner or a
    password that must be changed first)."""

    database: Database
    actor: Actor | None


def open_and_log_in(server: ServerSettings, username: str, password: str) -> ServerStart:
    """Worker side of the dialog: connect as ``username``, then log in to PropDesk as them."""
    database = open_server(server, username, password)
    try:
        with database.begin() as session:
            if not has_users(session):
                return ServerStart(database, None)
            outcome = authenticate(session, username, password)
        must_change = bool(getattr(outcome, "must_change_password", False))
        return ServerStart(database, None if must_change else outcome.actor)
    except BaseException:
        database.dispose()
        raise


def login_matches_connection(database: Database, actor: Actor) -> bool:
    """On a server with staff logins, the PropDesk user must be the one connected (or the
    owner building the database): a clerk's connection never runs an administrator's work."""
    if database.is_sqlite:
        return True
    with database.engine.connect() as conn:
        row = conn.execute(
            text(
                "SELECT current_user AS login, "
                "pg_has_role(current_user, c.relowner, 'USAGE') AS owner "
                "FROM pg_class c WHERE c.oid = to_regclass('alembic_version')"
            )
        ).one()
    return bool(row.owner) or str(row.login) == actor.username.strip().lower()


class ServerLoginDialog(QDialog):
    """Ask for the server login; on OK connect on the worker and accept only when it worked.

    Attributes:
        username, password: the editors; error: the message label (refusals, schema, network).
        result_start: the :class:`ServerStart` after acceptance.
    """

    def __init__(
        self,
        *,
        server: ServerSettings,
        executor: Executor | None = None,
        username: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._server = server
        self._executor = executor or InlineExecutor()
        self.result_start: ServerStart | None = None
        self.setWindowTitle(self.tr("Log in to the server"))
        self.setMinimumWidth(440)
        where = QLabel(self.tr("Server: %1").replace("%1", server.describe()))
        where.setObjectName("server_where")
        self.username = QLineEdit(username)
        self.username.setObjectName("username")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        form = QFormLayout()
        form.addRow(self.tr("&User"), self.username)
        form.addRow(self.tr("&Password"), self.password)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Log in"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.settings_button = self.buttons.addButton(
            self.tr("Server &settings…"), QDialogButtonBox.ButtonRole.ResetRole
        )
        self.settings_button.clicked.connect(lambda: self.done(CHANGE_SETTINGS))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(where)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        (self.password if username else self.username).setFocus()

    def submit(self) -> None:
        username, password = self.username.text().strip(), self.password.text()
        if not username or not password:
            self.error.setText(self.tr("Enter your user name and password."))
            return
        self.error.setText(self.tr("Connecting…"))
        self.buttons.setEnabled(False)
        server = self._server
        self._executor.submit(
            lambda: open_and_log_in(server, username, password),
            success=self._opened,
            failure=self._failed,
        )

    def _opened(self, start: ServerStart) -> None:
        self.buttons.setEnabled(True)
        self.result_start = start
        self.password.clear()
        super().accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.password.clear()
        self.password.setFocus()
        if isinstance(exc, DomainError):
            self.error.setText(str(exc))
            self.adjustSize()
            return
        failure = log_failure(exc, action="log in to the server")
        message = (
            describe_failure(self._server, exc)
            if isinstance(exc, SQLAlchemyError | OSError)
            else failure.message
        )
        self.error.setText(message)
        self.adjustSize()


def start_on_server(
    *, server: ServerSettings, executor: Executor, username: str = ""
) -> ServerStart | Literal["settings"] | None:
    """Show the server login until it works; ``None`` when cancelled, ``"settings"`` when
    the user asked to change the server settings."""
    dialog = ServerLoginDialog(server=server, executor=executor, username=username)
    code = dialog.exec()
    if code == CHANGE_SETTINGS:
        return "settings"
    if code != QDialog.DialogCode.Accepted:
        return None
    return dialog.result_start
