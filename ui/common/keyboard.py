"""The desk's keyboard rules for dialogs, in one place (see ``docs/keyboard.md``).

:func:`install_dialog_keys` gives a dialog the rules every form follows:

* it opens with the focus in its first field (never on a button);
* Enter in a single-line field presses the one default button (submits), and only that
  button is a default: a focused Cancel is never pressed by Enter typed in a field;
* Ctrl+Enter (either Enter key) always submits;
* Esc on a dialog whose input was changed asks "Discard what you typed?" (a window-modal
  box named ``discard_question``; *Keep editing* is its default); Esc on an untouched dialog
  closes it. The window's close button is guarded the same way.

:func:`mnemonics` lists the Alt+letter keys a window offers, so tests can prove no two
collide (menu bar included).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QTextEdit,
    QWidget,
)
from shiboken6 import isValid

INPUT_TYPES: tuple[type[QWidget], ...] = (
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
)
"""Widgets a clerk types or picks in (a dialog's "fields"); buttons and check boxes are not."""

_MNEMONIC = re.compile(r"&([^&\s])")


def is_field(widget: QWidget) -> bool:
    """A visible, enabled input widget that takes the keyboard focus."""
    return (
        isinstance(widget, INPUT_TYPES)
        and widget.isEnabled()
        and widget.isVisible()
        and widget.focusPolicy() & Qt.FocusPolicy.TabFocus == Qt.FocusPolicy.TabFocus
        and not (isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit) and _read_only(widget))
    )


def _read_only(widget: QLineEdit | QPlainTextEdit | QTextEdit) -> bool:
    return bool(widget.isReadOnly())


def focus_chain(root: QWidget) -> Iterator[QWidget]:
    """The widgets inside ``root`` in Tab order (each once)."""
    chain: list[QWidget] = []  # the wrappers stay alive while the chain is walked
    widget = root.nextInFocusChain()
    while widget is not None and widget is not root and all(widget is not w for w in chain):
        chain.append(widget)
        widget = widget.nextInFocusChain()
    yield from (w for w in chain if root.isAncestorOf(w))


def first_field(root: QWidget) -> QWidget | None:
    """The first field of ``root`` in Tab order (what the clerk fills first)."""
    # (Not through focusProxy(): PySide6 6.12 miscounts references of what it returns, and
    # the interpreter crashes later. A proxy's target is in the focus chain itself.)
    for widget in focus_chain(root):
        if is_field(widget):
            return widget
    return None


def _value(widget: QWidget) -> object:
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return (widget.currentIndex(), widget.currentText())
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    if isinstance(widget, QAbstractButton) and widget.isCheckable():
        return widget.isChecked()
    return None


def snapshot(root: QWidget) -> dict[int, object]:
    """What the clerk can change in ``root``: ``id(widget) → value``."""
    out: dict[int, object] = {}
    for widget in root.findChildren(QWidget):
        if isinstance(widget, QLineEdit) and isinstance(widget.parent(), QAbstractSpinBox):
            continue  # the spin box's own editor: its value is read from the spin box
        if isinstance(widget, QLineEdit) and isinstance(widget.parent(), QComboBox):
            continue
        value = _value(widget)
        if value is not None:
            out[id(widget)] = value
    return out


class DialogKeys(QObject):
    """The keyboard rules installed on one dialog (see the module docstring).

    Attributes:
        dialog: the dialog.
        default: the button Enter presses (OK / Save), or None.
        question: the open "discard?" box, if any.

    Signals:
        submit_requested: Ctrl+Enter was pressed (the dialog's submit runs after it).
    """

    submit_requested = Signal()

    def __init__(
        self,
        dialog: QDialog,
        *,
        submit: Callable[[], None] | None = None,
        default: QPushButton | None = None,
        first: QWidget | None = None,
    ) -> None:
        super().__init__(dialog)
        self.setObjectName("dialog_keys")
        self.dialog = dialog
        self.default = default
        self.question: QMessageBox | None = None
        self._submit = submit
        self._first = first
        self._shown = False
        self._clean: dict[int, object] | None = None
        self._discarding = False
        self._return_to: QWidget | None = None
        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(sequence), dialog, self.submit)
        dialog.installEventFilter(self)
        dialog.finished.connect(self._give_focus_back)

    @staticmethod
    def of(dialog: QWidget) -> DialogKeys | None:
        """The rules installed on ``dialog`` (None if it has none)."""
        return dialog.findChild(
            DialogKeys, "dialog_keys", Qt.FindChildOption.FindDirectChildrenOnly
        )

    def set_first(self, widget: QWidget) -> None:
        """Open with the focus in ``widget`` (the form's primary field), not the first in Tab
        order (e.g. a new occupant's name, below the "existing person" finder)."""
        self._first = widget

    def first_field(self) -> QWidget | None:
        """Where the dialog opens: the declared primary field, else the first in Tab order."""
        return self._first if self._first is not None else first_field(self.dialog)

    # --- submit -------------------------------------------------------------------------

    def submit(self) -> None:
        """Ctrl+Enter: the dialog's submit (or its default button, when enabled)."""
        self.submit_requested.emit()
        if self._submit is not None:
            self._submit()
        elif self.default is not None and self.default.isEnabled():
            self.default.click()

    def _set_defaults(self) -> None:
        """Only the default button is pressed by Enter; no button becomes default on focus."""
        for button in self.dialog.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(button is self.default)

    # --- unsaved input ------------------------------------------------------------------

    def mark_clean(self) -> None:
        """The form as it is now counts as untouched (call after loading a record into it)."""
        self._clean = snapshot(self.dialog)

    def is_dirty(self) -> bool:
        """The clerk changed something since the dialog opened (or since :meth:`mark_clean`)."""
        if self._clean is None:
            return False
        now = snapshot(self.dialog)
        return any(now.get(key) != value for key, value in self._clean.items())

    def _ask(self) -> None:
        if self.question is not None and self.question.isVisible():
            return
        if not self.dialog.isVisible():
            return  # never a question about a form nobody sees (e.g. closed after Save)
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Discard input?"),
            self.tr("What you typed in this form is not saved. Discard it?"),
            QMessageBox.StandardButton.NoButton,
            self.dialog,
        )
        box.setObjectName("discard_question")
        discard = box.addButton(self.tr("&Discard"), QMessageBox.ButtonRole.DestructiveRole)
        discard.setObjectName("discard_yes")
        keep = box.addButton(self.tr("&Keep editing"), QMessageBox.ButtonRole.RejectRole)
        keep.setObjectName("discard_no")
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)

        def answered() -> None:
            if not isValid(box):  # torn down with its dialog: nothing was chosen
                self.question = None
                return
            if box.clickedButton() is discard:
                self.discard()
            self.question = None
            box.deleteLater()

        box.finished.connect(answered)
        self.question = box
        box.open()

    def discard(self) -> None:
        """Close the dialog without saving, dropping the input (the answer "Discard")."""
        self._discarding = True
        self.dialog.reject()

    def _tab_out_of_date(self, edit: QDateTimeEdit, event: QEvent) -> bool:
        """Tab and Shift+Tab leave a date or time field for the next field, as everywhere
        else (Qt's own Tab walks its day, month, hour… sections and traps the clerk)."""
        if not isinstance(event, QKeyEvent):
            return False
        if event.key() == Qt.Key.Key_Tab and not event.modifiers():
            self.dialog.focusNextPrevChild(True)
            return True
        if event.key() == Qt.Key.Key_Backtab:
            self.dialog.focusNextPrevChild(False)
            return True
        del edit
        return False

    # --- focus back where the clerk was -------------------------------------------------

    def _remember_focus(self) -> None:
        """The field or list the clerk was in when the dialog opened (outside the dialog)."""
        was = QApplication.focusWidget()
        if was is not None and was is not self.dialog and not self.dialog.isAncestorOf(was):
            self._return_to = was

    def _give_focus_back(self, _result: int) -> None:
        """After Save, Cancel or Esc, the focus goes back where it was (after Qt has
        finished closing the dialog and re-activating the window beneath it)."""
        target = self._return_to
        self._return_to = None
        if target is None:
            return

        def restore() -> None:
            if not isValid(target) or not target.isVisible() or not target.isEnabled():
                return
            window = target.window()
            if not window.isActiveWindow():
                window.activateWindow()
            target.setFocus(Qt.FocusReason.OtherFocusReason)

        QTimer.singleShot(0, restore)

    # --- events -------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Qt may deliver an event while the wrapper is being built or torn down.
        if isinstance(watched, QDateTimeEdit) and event.type() == QEvent.Type.KeyPress:
            return self._tab_out_of_date(watched, event)
        if watched is not getattr(self, "dialog", None):
            return False
        kind = event.type()
        if kind == QEvent.Type.Show and not self._shown:
            self._shown = True
            for edit in self.dialog.findChildren(QDateTimeEdit):
                edit.installEventFilter(self)
            self._remember_focus()
            self._set_defaults()
            first = self.first_field()
            if first is not None:
                first.setFocus(Qt.FocusReason.OtherFocusReason)
            if self._clean is None:
                self.mark_clean()
        elif (
            kind == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and not self._discarding
            and self.is_dirty()
        ):
            self._ask()
            return True
        elif (
            kind == QEvent.Type.Close
            and self.dialog.isVisible()  # a finished (hidden) dialog has nothing left to ask
            and not self._discarding
            and self.is_dirty()
        ):
            event.ignore()
            self._ask()
            return True
        return False


def install_dialog_keys(
    dialog: QDialog,
    *,
    submit: Callable[[], None] | None = None,
    default: QPushButton | None = None,
    first: QWidget | None = None,
) -> DialogKeys:
    """Give ``dialog`` the desk's keyboard rules (once; a second call returns the first)."""
    existing = DialogKeys.of(dialog)
    if existing is not None:
        return existing
    return DialogKeys(dialog, submit=submit, default=default, first=first)


# --- mnemonics -------------------------------------------------------------------------


def mnemonic_of(text: str) -> str:
    """The Alt+letter of a text (``"&Save"`` → ``"S"``, ``"欠费(&A)"`` → ``"A"``), or ``""``."""
    match = _MNEMONIC.search(text.replace("&&", ""))
    return match.group(1).upper() if match else ""


def mnemonics(window: QWidget) -> list[tuple[str, str]]:
    """``(letter, text)`` of every Alt+letter the window offers now: its menu bar's titles and
    its visible buttons, buddied labels, group boxes and tab titles."""
    found: list[tuple[str, str]] = []
    if isinstance(window, QMainWindow):
        for action in window.menuBar().actions():
            if action.isVisible() and mnemonic_of(action.text()):
                found.append((mnemonic_of(action.text()), action.text()))
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or widget.window() is not window:
            continue
        texts: list[str] = []
        if isinstance(widget, QAbstractButton) or (
            isinstance(widget, QLabel) and widget.buddy() is not None
        ):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QTabWidget):
            bar = widget.tabBar()
            texts += [widget.tabText(i) for i in range(widget.count()) if bar.isTabVisible(i)]
        for text in texts:
            letter = mnemonic_of(text)
            if letter:
                found.append((letter, text))
    return found


def collisions(window: QWidget) -> dict[str, list[str]]:
    """Letters offered more than once in ``window``: ``letter → texts``."""
    by_letter: dict[str, list[str]] = {}
    for letter, text in mnemonics(window):
        by_letter.setdefault(letter, []).append(text)
    return {k: v for k, v in by_letter.items() if len(v) > 1}
