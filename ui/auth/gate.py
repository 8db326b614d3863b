"""The way into the app: first-run administrator set-up, or the login dialog.

``login_actor(db=..., settings=...)`` is called by the app after opening the database
and before the main window; it returns the logged-in :class:`Actor` or None (cancelled).
After a login on PostgreSQL it compares the server's clock with the desk's and warns when
they differ by more than two minutes (:mod:`propdesk.db.server_time`).

The dialogs run their database work through the operation object (:mod:`ui.ops`) on a
context of their own where nobody is logged in yet (:func:`gate_context`): a refused login
shows next to the fields, a database failure (busy, connection lost) goes to the one
error handler, and the dialog stays open with what was typed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from propdesk.auth.actor import Actor
from propdesk.auth.passwords import DEFAULT_COST, KdfCost
from propdesk.auth.users import LoginOutcome, authenticate, create_first_admin, has_users
from propdesk.changes import Changes
from propdesk.config import Settings
from propdesk.db.engine import Database
from propdesk.db.server_time import measure_offset, skew_warning
from propdesk.errors import DomainError
from ui.context import AppContext
from ui.errors import ErrorHandler
from ui.events import ChangeHub
from ui.worker import Executor, InlineExecutor

Warn = Callable[[QWidget | None, str], None]


def gate_context(
    db: Database,
    settings: Settings,
    *,
    executor: Executor | None = None,
    errors: ErrorHandler | None = None,
) -> AppContext:
    """The context of the login screens: nobody is logged in yet, so the system acts."""
    return AppContext(
        db=db,
        actor=Actor.system(),
        settings=settings,
        executor=executor or InlineExecutor(),
        hub=ChangeHub(),
        errors=errors or ErrorHandler(),
    )


def _error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("error")
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020;")
    label.setVisible(False)
    return label


class LoginDialog(QDialog):
    """Username and password. On success ``actor`` holds the user and the dialog accepts.

    Attributes:
        actor: the logged-in user after acceptance, else None.
        username, password: the line edits; error: the message label.
    """

    def __init__(
        self,
        *,
        db: Database,
        settings: Settings,
        username: str = "",
        executor: Executor | None = None,
        errors: ErrorHandler | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = gate_context(db, settings, executor=executor, errors=errors)
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("PropDesk — Log in"))
        self.username = QLineEdit(username)
        self.username.setObjectName("username")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = _error_label()
        form = QFormLayout()
        form.addRow(self.tr("&Username"), self.username)
        form.addRow(self.tr("&Password"), self.password)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Log in"))
        self.buttons.accepted.connect(self._try_login)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Please log in to PropDesk."))
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        (self.password if username else self.username).setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(True)

    def _try_login(self) -> None:
        name = self.username.text().strip()
        if not name:
            self._show_error(self.tr("Enter your username."))
            self.username.setFocus()
            return
        password = self.password.text()
        self.error.setVisible(False)
        # A failed attempt is counted (lock-out), so this is a write.
        self._ctx.op(
            lambda s: authenticate(s, name, password),
            changes=Changes(users=True),
            parent=self,
            action="log in",
        ).busy(self.buttons).success(self._checked).failure(self._refused).run()

    def _refused(self, exc: BaseException) -> bool:
        if isinstance(exc, DomainError):
            self._show_error(exc.message)
            return True
        return False  # busy, connection lost…: the error handler says so; input stays

    def _checked(self, outcome: LoginOutcome) -> None:
        if not outcome.ok:
            self._show_error(outcome.message)
            self.password.clear()
            self.password.setFocus()
            return
        self.actor = outcome.actor
        self.accept()


class FirstRunDialog(QDialog):
    """Creates the first administrator of an empty database.

    Attributes:
        actor: the new administrator after acceptance.
    """

    def __init__(
        self,
        *,
        db: Database,
        cost: KdfCost = DEFAULT_COST,
        executor: Executor | None = None,
        errors: ErrorHandler | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = gate_context(db, Settings(), executor=executor, errors=errors)
        self._cost = cost
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("PropDesk — First start"))
        self.username = QLineEdit("admin")
        self.username.setObjectName("username")
        self.display_name = QLineEdit(self.tr("Administrator"))
        self.display_name.setObjectName("display_name")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit()
        self.confirm.setObjectName("confirm")
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = _error_label()
        form = QFormLayout()
        form.addRow(self.tr("&Username"), self.username)
        form.addRow(self.tr("&Name"), self.display_name)
        form.addRow(self.tr("&Password"), self.password)
        form.addRow(self.tr("&Repeat password"), self.confirm)
        self.buttons = buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create administrator"))
        buttons.accepted.connect(self._create)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "This database has no users yet. Create the administrator account; "
                "the administrator then adds the other users (clerks, supervisors, managers, "
                "finance). Passwords need at least 8 characters with letters and digits."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.password.setFocus()

    def _create(self) -> None:
        if self.password.text() != self.confirm.text():
            self.error.setText(self.tr("The two passwords differ."))
            self.error.setVisible(True)
            self.confirm.clear()
            self.confirm.setFocus()
            return
        username, display_name = self.username.text(), self.display_name.text()
        password, cost = self.password.text(), self._cost
        self._ctx.op(
            lambda s: create_first_admin(
                s, username=username, display_name=display_name, password=password, cost=cost
            ),
            changes=Changes(users=True),
            parent=self,
            action="create the first administrator",
        ).busy(self.buttons).success(self._created).failure(self._refused).run()

    def _refused(self, exc: BaseException) -> bool:
        if isinstance(exc, DomainError):
            self.error.setText(exc.message)
            self.error.setVisible(True)
            return True
        return False

    def _created(self, actor: Actor) -> None:
        self.actor = actor
        self.accept()


def needs_first_run(db: Database) -> bool:
    """No user yet (called before any window, as the app starts)."""
    with db.begin() as session:
        return not has_users(session)


def _show_warning(parent: QWidget | None, message: str) -> None:
    QMessageBox.warning(parent, QCoreApplication.translate("LoginDialog", "Clock differs"), message)


def warn_about_clock_skew(ctx: AppContext, *, warn: Warn | None = None) -> None:
    """On PostgreSQL, warn when the server's clock is more than two minutes off the desk's."""
    if ctx.db.is_sqlite:
        return
    engine = ctx.db.engine
    shown = warn or _show_warning

    def measured(message: str | None) -> None:
        if message is not None:
            shown(None, message)

    ctx.task(
        lambda _progress: skew_warning(measure_offset(engine)), action="compare clocks"
    ).success(measured).failure(lambda _exc: True).run()  # logged only: a warning, not a job


def login_actor(
    *,
    db: Database,
    settings: Settings,
    executor: Executor | None = None,
    errors: ErrorHandler | None = None,
    warn: Warn | None = None,
    parent: QWidget | None = None,
) -> Actor | None:
    """Show the first-run set-up (no user yet) or the login dialog; None when cancelled.

    After a login the server's clock is compared with the desk's (PostgreSQL only).
    """
    last = str(settings.extra.get("last_username", ""))
    dialog: LoginDialog | FirstRunDialog
    if needs_first_run(db):
        dialog = FirstRunDialog(db=db, executor=executor, errors=errors, parent=parent)
    else:
        dialog = LoginDialog(
            db=db,
            settings=settings,
            username=last,
            executor=executor,
            errors=errors,
            parent=parent,
        )
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.actor is None:
        return None
    remember_username(settings, dialog.actor.username)
    warn_about_clock_skew(gate_context(db, settings, errors=errors), warn=warn)
    return dialog.actor


def remember_username(settings: Settings, username: str) -> None:
    """Offer ``username`` in the login dialog next time (kept in the settings file)."""
    if settings.extra.get("last_username") == username:
        return
    try:
        stored = Settings.load()
        replace(stored, extra={**stored.extra, "last_username": username}).save()
    except OSError:
        return  # a read-only data folder only costs the convenience
