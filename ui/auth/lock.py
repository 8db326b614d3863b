"""The screen lock: after the estate's idle time without input, and on Ctrl+L.

The idle time is the estate's security policy in the database (:mod:`propdesk.auth.policy`,
set by an administrator), read when the lock is installed and again after a settings change;
a desk cannot turn it off. When a transaction is refused because the user's login no longer
holds (deactivated, demoted, password reset: :class:`propdesk.auth.epoch.SessionExpired`),
the session locks at once and asks for a login again, which brings the user's new role.

While locked every window is off the screen (no resident data shown): the main window and
other windows are hidden, a modal dialog in progress is taken off the screen without ending
it (hiding a running dialog would return from its ``exec()``). A lock dialog asks for the
same user's password, which brings everything back as it was, or lets another user log in
("switch user"): that replaces ``ctx.actor``, closes the previous user's other windows and
dialogs (their input is the previous user's) and broadcasts ``Changes(session=True)``.
The password check runs through the operation object (``ctx.op``) like every database action.
Install it once from the app: ``install_session_lock(window, ctx=ctx)``.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from propdesk.auth.actor import ROLE_LABELS_ZH, Actor
from propdesk.auth.policy import Policy, get_policy
from propdesk.auth.users import LoginOutcome, authenticate
from propdesk.changes import Changes
from propdesk.errors import DomainError
from ui.auth.gate import LoginDialog, force_password_change, gate_context
from ui.context import AppContext

LOCK_SHORTCUT = "Ctrl+L"  # documented in the Admin menu title
_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
    }
)


class LockDialog(QDialog):
    """Locked session: the same user's password unlocks; "Switch user" logs in someone else.

    Attributes:
        actor: who is logged in after acceptance (the same or the new user).
        password, error, unlock_button, switch_button: the widgets.
    """

    def __init__(
        self, *, ctx: AppContext, expired: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.actor: Actor = ctx.actor
        self.setWindowTitle(self.tr("PropDesk — Locked"))
        self.setObjectName("lock_dialog")
        self.setMinimumWidth(380)
        who = f"{ctx.actor.display_name}（{ROLE_LABELS_ZH[ctx.actor.role]}）"
        if expired:
            text = self.tr(
                "The account of %1 was changed by an administrator (deactivated, new role "
                "or new password). Please log in again."
            )
        else:
            text = self.tr("The session of %1 is locked.")
        heading = QLabel(text.replace("%1", who))
        heading.setObjectName("heading")
        heading.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Password"))
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setVisible(False)
        self.unlock_button = QPushButton(self.tr("&Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self._unlock)
        self.switch_button = QPushButton(self.tr("&Switch user…"))
        self.switch_button.setAutoDefault(False)
        self.switch_button.clicked.connect(self._switch)
        buttons = QHBoxLayout()
        buttons.addWidget(self.switch_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.password)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.password.setFocus()

    def reject(self) -> None:
        """Esc and the close button do not unlock."""

    def _unlock(self) -> None:
        """The same user's password; wrong ones count towards the lock-out like at login."""
        username, password = self.ctx.actor.username, self.password.text()
        # not as the locked actor: their login may be the one that no longer holds
        gate = gate_context(
            self.ctx.db, self.ctx.settings, executor=self.ctx.executor, errors=self.ctx.errors
        )
        gate.op(
            lambda s: authenticate(s, username, password),
            changes=Changes(users=True),
            parent=self,
            action="unlock",
        ).busy(self.unlock_button, self.switch_button).success(self._checked).failure(
            self._refused
        ).run()

    def _refused(self, exc: BaseException) -> bool:
        if isinstance(exc, DomainError):
            self._show_error(exc.message)
            return True
        return False  # the error handler explains (busy, connection lost); still locked

    def _checked(self, outcome: LoginOutcome) -> None:
        if outcome.actor is None or outcome.actor.user_id != self.ctx.actor.user_id:
            self._show_error(outcome.message + outcome.warning or self.tr("Wrong password."))
            self.password.clear()
            return
        if outcome.must_change_password and not force_password_change(
            ctx=self.ctx, actor=outcome.actor, old_password=self.password.text(), parent=self
        ):
            self.password.clear()
            return
        self.actor = outcome.actor
        self.accept()

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(True)

    def _switch(self) -> None:
        dialog = LoginDialog(
            db=self.ctx.db,
            settings=self.ctx.settings,
            executor=self.ctx.executor,
            errors=self.ctx.errors,
            parent=self,
        )
        dialog.accepted.connect(lambda: self._switched(dialog))
        dialog.open()

    def _switched(self, dialog: LoginDialog) -> None:
        if dialog.actor is None:
            return
        if dialog.must_change_password and not force_password_change(
            ctx=self.ctx, actor=dialog.actor, old_password=dialog.typed_password, parent=self
        ):
            return
        self.actor = dialog.actor
        self.accept()


class SessionLock(QObject):
    """Watches for user input; locks after the idle time and on Ctrl+L.

    Signals:
        locked(): the lock dialog is showing.
        unlocked(): the session is open again (``ctx.actor`` may have changed).
    """

    locked = Signal()
    unlocked = Signal()

    def __init__(self, *, window: QWidget, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent or window)
        self.window = window
        self.ctx = ctx
        self.dialog: LockDialog | None = None
        self._hidden: list[QWidget] = []
        self.policy = Policy()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self.restart_timer()
        self.reload_policy()
        ctx.hub.changed.connect(self._on_changed)
        ctx.errors.session_expired.append(self.expire)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def reload_policy(self) -> None:
        """Read the estate's idle time from the database (then restart the timer)."""
        self.ctx.query(get_policy, parent=None, action="read the security policy").success(
            self._policy_read
        ).run()

    def _policy_read(self, policy: Policy) -> None:
        self.policy = policy
        self.restart_timer()

    def _on_changed(self, changes: Changes) -> None:
        if changes.settings:
            self.reload_policy()

    def expire(self) -> None:
        """The login no longer holds: lock now and ask for a login (the new role comes with it)."""
        if self.dialog is not None:
            return
        QTimer.singleShot(0, lambda: self.lock(expired=True))

    @property
    def is_locked(self) -> bool:
        return self.dialog is not None

    def idle_ms(self) -> int:
        """The estate's idle time (the policy in the database, never off)."""
        return max(1, int(self.policy.idle_lock_minutes)) * 60_000

    def restart_timer(self) -> None:
        idle = self.idle_ms()
        if idle > 0 and not self.is_locked:
            self.timer.start(idle)
        else:
            self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.is_locked:
            return False
        # Ctrl+L is taken before any widget's own shortcut sees it (the override step
        # comes first), so a screen that also binds Ctrl+L cannot make it ambiguous.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_L
            and event.modifiers() == Qt.KeyboardModifier.ControlModifier
        ):
            event.accept()
            self.lock()
            return True
        if event.type() in _INPUT_EVENTS:
            self.restart_timer()
        return False

    def lock(self, *, expired: bool = False) -> None:
        """Hide the window and show the lock dialog (does nothing when already locked)."""
        if self.is_locked:
            return
        self.timer.stop()
        self.dialog = LockDialog(ctx=self.ctx, expired=expired)
        self.dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.dialog.accepted.connect(self._on_unlocked)
        # Everything on screen goes: the main window, other windows (e.g. the audit log) and
        # modal dialogs in progress (e.g. a payment being typed), which come back on unlock.
        self._hidden = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        if self.window not in self._hidden and self.window.isVisible():
            self._hidden.append(self.window)
        for w in self._hidden:
            _conceal(w)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        self.locked.emit()

    def _on_unlocked(self) -> None:
        dialog = self.dialog
        self.dialog = None
        if dialog is None:
            return
        # another user, or the same user with another role (a login that had expired)
        changed = (dialog.actor.user_id, dialog.actor.role) != (
            self.ctx.actor.user_id,
            self.ctx.actor.role,
        )
        self.ctx.actor = dialog.actor
        dialog.deleteLater()
        hidden = [w for w in self._hidden if shiboken6.isValid(w)]
        self._hidden = []
        if changed:  # the previous user's windows and dialogs close; only the main window stays
            for w in hidden:
                if w is not self.window:
                    _close(w)
            hidden = [self.window]
        # the main window first, modal dialogs last so they come back on top of it
        hidden.sort(key=lambda w: (w is not self.window, _is_running_dialog(w)))
        for w in hidden:
            _reveal(w)
        self.restart_timer()
        if changed:
            self.ctx.hub.notify(Changes(session=True, users=True))
        self.unlocked.emit()


def _is_running_dialog(w: QWidget) -> bool:
    return isinstance(w, QDialog) and w.isModal()


def _conceal(w: QWidget) -> None:
    """Take ``w`` off the screen. A modal dialog loses only its on-screen window: hiding the
    widget would end its ``exec()`` as if cancelled, losing what was typed."""
    if _is_running_dialog(w):
        w.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    else:
        w.hide()


def _reveal(w: QWidget) -> None:
    if w.testAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen):
        w.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, False)
        handle = w.windowHandle()
        if handle is not None:
            handle.show()
        w.raise_()
        w.activateWindow()
    else:
        w.show()


def _close(w: QWidget) -> None:
    """Close a window of the previous user; a dialog in progress ends as cancelled."""
    if w.testAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen):
        w.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, False)
    if isinstance(w, QDialog):
        w.done(QDialog.DialogCode.Rejected)
    else:
        w.close()


def install_session_lock(window: QWidget, *, ctx: AppContext) -> SessionLock:
    """Idle lock and Ctrl+L for ``window`` (kept alive as the window's child)."""
    return SessionLock(window=window, ctx=ctx)
