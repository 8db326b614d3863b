"""User management (administrators): add, edit role/name/active, reset password, unlock.

Every save runs through ``ctx.op`` and broadcasts ``Changes(users=True)``; a form dialog
accepts only when its save succeeded, so a refused or failed save keeps it open with its
input. The list reloads (through ``ctx.query``) when users change, or when it is shown
again after changes that happened while it was hidden.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.auth.actor import ROLE_LABELS_ZH, Role
from propdesk.auth.passwords import DEFAULT_COST, KdfCost
from propdesk.auth.users import (
    UserInfo,
    create_user,
    list_users,
    reset_password,
    unlock_user,
    update_user,
)
from propdesk.changes import Changes
from propdesk.errors import DomainError
from ui.common.keyboard import install_dialog_keys
from ui.common.list_model import RowListModel
from ui.context import AppContext

SessionWork = Callable[[Session], Any]


class UsersModel(RowListModel[UserInfo]):
    """The (short) list of users: username, name, role, state, last login."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self._now: datetime | None = None
        super().__init__(
            [
                (QCoreApplication.translate("UsersModel", "Username"), lambda u: u.username),
                (QCoreApplication.translate("UsersModel", "Name"), lambda u: u.display_name),
                (QCoreApplication.translate("UsersModel", "Role"), lambda u: u.role_label),
                (QCoreApplication.translate("UsersModel", "State"), self._state),
                (QCoreApplication.translate("UsersModel", "Last login"), _last_login),
            ],
            parent=parent,
        )

    @property
    def users(self) -> list[UserInfo]:
        """The users shown, in order."""
        return self.rows()

    def set_users(self, users: list[UserInfo], now: datetime | None = None) -> None:
        """Show ``users``; ``now`` (the time they were read) decides who is still locked."""
        self._now = now
        self.set_rows(users)

    def _state(self, u: UserInfo) -> str:
        if not u.active:
            return self.tr("disabled")
        now = self._now or clock.now()
        if u.locked_until is not None and u.locked_until > now:
            return self.tr("locked until %1").replace(
                "%1", f"{clock.to_local(u.locked_until):%H:%M}"
            )
        return self.tr("active")


def _last_login(u: UserInfo) -> str:
    return f"{clock.to_local(u.last_login_at):%Y-%m-%d %H:%M}" if u.last_login_at else "—"


def _users_now(session: Session) -> tuple[list[UserInfo], datetime]:
    return list_users(session), clock.now(session)


def _role_combo(current: Role = Role.CLERK) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName("role")
    for role in Role:
        combo.addItem(ROLE_LABELS_ZH[role], role.value)
    combo.setCurrentIndex(list(Role).index(current))
    return combo


class _FormDialog(QDialog):
    """A form with an error label and OK/Cancel; subclasses implement :meth:`work`.

    OK runs ``work()`` through ``ctx.op``; the dialog accepts only after it succeeded. A
    refused save (a :class:`DomainError`) shows in the error label; any other failure goes
    to the common error handler. Either way the input stays.
    """

    ctx: AppContext

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        # Enter / Ctrl+Enter press OK only while it is enabled (off while saving): once.
        install_dialog_keys(self, default=self.buttons.button(QDialogButtonBox.StandardButton.Ok))

    def work(self) -> SessionWork | None:
        """The save, built from the form (None: a local problem already shown)."""
        raise NotImplementedError

    def _ok(self) -> None:
        work = self.work()
        if work is None:
            return
        self.error.clear()
        self.ctx.op(work, changes=Changes(users=True), parent=self, action=self.windowTitle()).busy(
            self.buttons
        ).success(lambda _result: self.accept()).failure(self._refused).run()

    def _refused(self, exc: BaseException) -> bool:
        if isinstance(exc, DomainError):
            self.error.setText(exc.message)
            return True
        return False


def _password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class AddUserDialog(_FormDialog):
    def __init__(self, *, ctx: AppContext, cost: KdfCost, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Add user"), parent)
        self.ctx = ctx
        self.cost = cost
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.display_name = QLineEdit()
        self.display_name.setObjectName("display_name")
        self.role = _role_combo()
        self.password = _password_edit()
        self.password.setObjectName("password")
        self.form.addRow(self.tr("&Username"), self.username)
        self.form.addRow(self.tr("&Name"), self.display_name)
        self.form.addRow(self.tr("&Role"), self.role)
        self.form.addRow(self.tr("Initial &password"), self.password)

    def work(self) -> SessionWork:
        username, display_name = self.username.text(), self.display_name.text()
        role, password, cost = str(self.role.currentData()), self.password.text(), self.cost
        return lambda s: create_user(
            s,
            username=username,
            display_name=display_name,
            role=role,
            password=password,
            cost=cost,
        )


class EditUserDialog(_FormDialog):
    def __init__(self, *, ctx: AppContext, user: UserInfo, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Edit user %1").replace("%1", user.username), parent)
        self.ctx = ctx
        self.user = user
        self.display_name = QLineEdit(user.display_name)
        self.display_name.setObjectName("display_name")
        self.role = _role_combo(user.role)
        self.active = QCheckBox(self.tr("Account in use"))
        self.active.setObjectName("active")
        self.active.setChecked(user.active)
        self.form.addRow(self.tr("&Name"), self.display_name)
        self.form.addRow(self.tr("&Role"), self.role)
        self.form.addRow("", self.active)

    def work(self) -> SessionWork:
        user_id, display_name = self.user.id, self.display_name.text()
        role, active = str(self.role.currentData()), self.active.isChecked()
        return lambda s: update_user(
            s, user_id, display_name=display_name, role=role, active=active
        )


class ResetPasswordDialog(_FormDialog):
    def __init__(
        self, *, ctx: AppContext, user: UserInfo, cost: KdfCost, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("New password for %1").replace("%1", user.username), parent)
        self.ctx = ctx
        self.user = user
        self.cost = cost
        self.password = _password_edit()
        self.password.setObjectName("password")
        self.repeat = _password_edit()
        self.repeat.setObjectName("repeat")
        self.form.addRow(self.tr("&New password"), self.password)
        self.form.addRow(self.tr("&Repeat"), self.repeat)

    def work(self) -> SessionWork | None:
        if self.password.text() != self.repeat.text():
            self.error.setText(self.tr("The two passwords differ."))
            return None
        user_id, password, cost = self.user.id, self.password.text(), self.cost
        return lambda s: reset_password(s, user_id, password, cost=cost)


class UsersDialog(QDialog):
    """The administrator's user list with add / edit / reset password / unlock.

    Reloads after ``Changes(users=True)`` while shown; while hidden it only marks itself
    stale and reloads when shown again.

    Attributes:
        model: the :class:`UsersModel`; view: its table.
    """

    def __init__(
        self, *, ctx: AppContext, cost: KdfCost = DEFAULT_COST, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.cost = cost
        self.setWindowTitle(self.tr("Users"))
        self.resize(720, 420)
        self.model = UsersModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.doubleClicked.connect(lambda _i: self.edit_user())
        self.add_button = QPushButton(self.tr("&Add…"))
        self.add_button.clicked.connect(self.add_user)
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.edit_button.clicked.connect(self.edit_user)
        self.reset_button = QPushButton(self.tr("&Reset password…"))
        self.reset_button.clicked.connect(self.reset_password)
        self.unlock_button = QPushButton(self.tr("&Unlock"))
        self.unlock_button.clicked.connect(self.unlock)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.reset_button, self.unlock_button):
            b.setAutoDefault(False)
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addLayout(buttons)
        self._stale = False
        ctx.hub.changed.connect(self._changed)
        self.refresh()

    def _changed(self, changes: Changes) -> None:
        if not (changes.users or changes.session):
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
        """Reload the list (on the worker)."""
        self._stale = False
        self.ctx.query(_users_now, parent=self, action="list users").success(self._loaded).run()

    def _loaded(self, result: tuple[list[UserInfo], datetime]) -> None:
        selected = self.selected()
        users, now = result
        self.model.set_users(users, now)
        self.view.resizeColumnsToContents()
        if selected is not None:
            self.select_username(selected.username)

    def selected(self) -> UserInfo | None:
        index = self.view.currentIndex()
        return self.model.users[index.row()] if index.isValid() else None

    def select_username(self, username: str) -> None:
        for row, u in enumerate(self.model.users):
            if u.username == username:
                self.view.selectRow(row)
                return

    def _run(self, dialog: QDialog) -> None:
        dialog.exec()  # a successful save broadcasts Changes(users=True): the list reloads

    def add_user(self) -> None:
        self._run(AddUserDialog(ctx=self.ctx, cost=self.cost, parent=self))

    def edit_user(self) -> None:
        user = self.selected()
        if user is not None:
            self._run(EditUserDialog(ctx=self.ctx, user=user, parent=self))

    def reset_password(self) -> None:
        user = self.selected()
        if user is not None:
            self._run(ResetPasswordDialog(ctx=self.ctx, user=user, cost=self.cost, parent=self))

    def unlock(self) -> None:
        user = self.selected()
        if user is None:
            return
        user_id = user.id
        self.ctx.op(
            lambda s: unlock_user(s, user_id),
            changes=Changes(users=True),
            parent=self,
            action="unlock user",
        ).busy(self.unlock_button).run()
