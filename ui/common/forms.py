"""Inline validation for dialogs: a service's ``ValidationError`` appears next to its field.

A dialog builds its form with :class:`FormErrors`, registering each editor under the
service's field name; :meth:`FormErrors.show` puts ``error.message`` under that field
(or in the dialog's general message when the field is not on the form) and focuses it.
Nothing the user typed is cleared. Use it from an operation's failure callback::

    ctx.op(save, changes=..., parent=self).busy(ok_button).failure(errors.handle).success(
        lambda _result: self.accept()
    ).run()
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from propdesk.errors import Conflict, DomainError, ValidationError

ERROR_STYLE = "color: #b00020;"


def error_label(object_name: str = "error") -> QLabel:
    """A hidden, red, word-wrapped label for an error message."""
    label = QLabel()
    label.setObjectName(object_name)
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.setVisible(False)
    return label


def fit_dialog(widget: QWidget) -> None:
    """Grow ``widget``'s dialog (never shrink it) so everything its layout holds shows whole.

    A word-wrapped message needs more lines than the dialog's first size had room for, and a
    top-level layout does not raise the window's height for a height-for-width child by
    itself: the label kept its old height and the text's first and last lines were cut off.
    Only a visible dialog is resized (a dialog not shown yet takes its size when shown; a page
    of the main window is not resized for a message).
    """
    window = widget.window()
    layout = window.layout()
    if not isinstance(window, QDialog) or not window.isVisible() or layout is None:
        return
    layout.activate()
    width = window.width()
    if layout.hasHeightForWidth():
        needed = layout.totalHeightForWidth(width)
    else:
        needed = layout.totalSizeHint().height()
    needed = min(needed, window.maximumHeight())
    if needed > window.height():
        window.resize(width, needed)
        layout.activate()


class FormErrors:
    """Error labels of one form, keyed by the service's field names.

    Attributes:
        general: the label for errors not tied to a field (conflicts, not found).
        labels: ``field → QLabel`` under each registered editor.
    """

    def __init__(self, form: QFormLayout) -> None:
        self._form = form
        self._editors: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        self.general = error_label("error_general")

    def add_row(self, label: str, field: str, editor: QWidget) -> None:
        """Add ``label: editor`` with a hidden error label under it, for ``field``."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(editor)
        err = error_label(f"error_{field}")
        layout.addWidget(err)
        self._form.addRow(label, box)
        row_label = self._form.labelForField(box)
        if isinstance(row_label, QLabel):
            row_label.setBuddy(editor)
        self._editors[field] = editor
        self.labels[field] = err

    @property
    def editors(self) -> dict[str, QWidget]:
        """``field → editor`` in the form's order."""
        return dict(self._editors)

    def label_text(self, field: str) -> str:
        """The row label of ``field`` as the clerk reads it (mnemonic markers removed)."""
        editor = self._editors.get(field)
        box = editor.parentWidget() if editor is not None else None
        label = self._form.labelForField(box) if box is not None else None
        text = label.text() if isinstance(label, QLabel) else field
        return text.replace("&&", "\0").replace("&", "").replace("\0", "&")

    def first_editor(self) -> QWidget | None:
        """The first registered editor that can take the focus (where a dialog opens)."""
        for editor in self._editors.values():
            if editor.isEnabled() and editor.focusPolicy() != Qt.FocusPolicy.NoFocus:
                return editor
        return None

    def clear(self) -> None:
        for label in [*self.labels.values(), self.general]:
            label.clear()
            label.setVisible(False)

    def show(self, error: DomainError) -> None:
        """Show ``error`` next to its field (a ValidationError) or as the general message."""
        self.clear()
        field = error.field if isinstance(error, ValidationError) else ""
        label = self.labels.get(field, self.general)
        label.setText(error.message)
        label.setVisible(True)
        fit_dialog(label)
        editor = self._editors.get(field)
        if editor is not None:
            editor.setFocus()

    def handle(self, exc: BaseException) -> bool:
        """An ``Op.failure`` callback: a :class:`DomainError` is shown here (True); anything
        else (database busy, a bug) is left to the common error handler (False)."""
        if isinstance(exc, DomainError):
            self.show(exc)
            return True
        return False

    def visible_messages(self) -> dict[str, str]:
        """``field → message`` of the errors now shown (``""`` is the general one)."""
        out = {f: lab.text() for f, lab in self.labels.items() if lab.isVisible()}
        if self.general.isVisible():
            out[""] = self.general.text()
        return out


def show_error(parent: QWidget | None, error: BaseException) -> None:
    """A message box for a service error (Conflict gets its own title); never a traceback."""
    if isinstance(error, Conflict):
        title = QCoreApplication.translate("Errors", "Changed elsewhere")
    elif isinstance(error, DomainError):
        title = QCoreApplication.translate("Errors", "Cannot do that")
    else:
        title = QCoreApplication.translate("Errors", "Unexpected error")
    QMessageBox.warning(parent, title, str(error))
