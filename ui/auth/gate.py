"""The way into the app: first-run administrator set-up, or the login dialog.

``login_actor(db=..., settings=...)`` is called by the app after opening the database
and before the main window; it returns the logged-in :class:`Actor` or None (cancelled).
After a login on PostgreSQL it compares the server's clock with the desk's and warns when
they differ by more than two minutes (:mod:`propdesk.db.server_time`).

An account whose password an administrator set (a new user, a reset) must choose its own
before working (:func:`force_password_change`). The login dialog of a demo database names
the documented demo passwords.

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
from propdesk.auth.demo import DEMO_USERS
from propdesk.auth.passwords import DEFAULT_COST, KdfCost
from propdesk.auth.policy import Policy, get_policy
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
        must_change_password: the accepted login must choose a new password first.
        typed_password: the password the accepted login typed (for that change).
        username, password: the line edits; error: the message label.
        demo_note: names the demo passwords on a demo database (hidden otherwise).
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
        self.must_change_password = False
        self.typed_password = ""
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
        self.demo_note = QLabel()
        self.demo_note.setObjectName("demo_note")
        self.demo_note.setWordWrap(True)
        self.demo_note.setVisible(False)
        self.demo_note.setMinimumWidth(380)
        layout.addWidget(self.demo_note)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        (self.password if username else self.username).setFocus(Qt.FocusReason.OtherFocusReason)
        self._ctx.query(get_policy, parent=self, action="read the security policy").success(
            self._policy_read
        ).failure(lambda _exc: True).run()  # only a note: a failure is logged, not shown

    def _policy_read(self, policy: Policy) -> None:
        if not policy.demo_database:
            return
        users = ", ".join(f"{name} / {password}" for name, password, _n, _r in DEMO_USERS)
        self.demo_note.setText(
            self.tr(
                "Demo database: the demo users keep the passwords documented in "
                "docs/demo_users.md (%1). Do not keep real data in it."
            ).replace("%1", users)
        )
        self.demo_note.setVisible(True)
        self._fit()

    def _fit(self) -> None:
        """Grow to show a note that arrived after the dialog was laid out (word-wrapped
        labels are otherwise cut to the height they had empty)."""
        layout = self.layout()
        if layout is not None:
            layout.activate()
        self.resize(self.width(), max(self.height(), self.sizeHint().height()))
        self.adjustSize()

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(True)
        self._fit()

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
        self.must_change_password = outcome.must_change_password
        self.typed_password = self.password.text()
        self.accept()


def force_password_change(
    *,
    ctx: AppContext,
    actor: Actor,
    old_password: str,
    cost: KdfCost = DEFAULT_COST,
    parent: QWidget | None = None,
) -> bool:
    """An administrator set this user's password: they choose their own now, or do not get in.

    Returns True once the password is changed; False when they cancel.
    """
    from ui.admin.password import ChangePasswordDialog

    dialog = ChangePasswordDialog(
        ctx=replace(ctx, actor=actor), cost=cost, old_password=old_password, parent=parent
    )
    return dialog.exec() == QDialog.DialogCode.Accepted


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
    if (
        isinstance(dialog, LoginDialog)
        and dialog.must_change_password
        and not force_password_change(
            ctx=gate_context(db, settings, executor=executor, errors=errors),
            actor=dialog.actor,
            old_password=dialog.typed_password,
            parent=parent,
        )
    ):
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
