"""The way into the app: first-run administrator set-up, or the login dialog.

``login_actor(db=..., settings=...)`` is called by the app after opening the database
and before the main window; it returns the logged-in :class:`Actor` or None (cancelled).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError

from propdesk.auth.actor import Actor
from propdesk.auth.passwords import DEFAULT_COST, KdfCost
from propdesk.auth.users import authenticate, create_first_admin, has_users
from propdesk.config import Settings
from propdesk.db.engine import Database
from propdesk.errors import DomainError


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
        self, *, db: Database, settings: Settings, username: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._settings = settings
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
        try:
            with self._db.begin() as session:
                outcome = authenticate(session, name, self.password.text())
        except DomainError as exc:
            self._show_error(str(exc))
            return
        except SQLAlchemyError:  # e.g. two desks failing the same account at once
            self._show_error(self.tr("The database is busy; please try again."))
            return
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
        self, *, db: Database, cost: KdfCost = DEFAULT_COST, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
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
        buttons = QDialogButtonBox(
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
        try:
            with self._db.begin(Actor.system()) as session:
                self.actor = create_first_admin(
                    session,
                    username=self.username.text(),
                    display_name=self.display_name.text(),
                    password=self.password.text(),
                    cost=self._cost,
                )
        except DomainError as exc:
            self.error.setText(str(exc))
            self.error.setVisible(True)
            return
        except SQLAlchemyError:  # another desk created the first user at the same moment
            self.error.setText(
                self.tr("Another workstation has just set up a user; please log in instead.")
            )
            self.error.setVisible(True)
            return
        self.accept()


def needs_first_run(db: Database) -> bool:
    with db.begin() as session:
        return not has_users(session)


def login_actor(*, db: Database, settings: Settings, parent: QWidget | None = None) -> Actor | None:
    """Show the first-run set-up (no user yet) or the login dialog; None when cancelled."""
    last = str(settings.extra.get("last_username", ""))
    dialog: LoginDialog | FirstRunDialog
    if needs_first_run(db):
        dialog = FirstRunDialog(db=db, parent=parent)
    else:
        dialog = LoginDialog(db=db, settings=settings, username=last, parent=parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.actor is None:
        return None
    remember_username(settings, dialog.actor.username)
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
