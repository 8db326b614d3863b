"""The desk's form dialog: Save/Cancel, errors next to their fields, the keyboard rules of
``docs/keyboard.md`` and a save that runs once through the operation object.

A feature's forms subclass it, set :attr:`FormDialog.changes` (what a save touches) and call
:meth:`FormDialog.install_keys` last in their constructor.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from propdesk.changes import Changes
from ui.common.forms import FormErrors
from ui.common.keyboard import install_dialog_keys
from ui.context import AppContext
from ui.tickets.action_dialogs import form_failure


class FormDialog(QDialog):
    """A form dialog: Save/Cancel, errors by field, Esc with input asks first."""

    changes: ClassVar[Changes] = Changes()
    minimum_width: ClassVar[int] = 0  # room for an error message under a field

    def __init__(self, *, ctx: AppContext, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(title)
        if self.minimum_width:
            self.setMinimumWidth(self.minimum_width)
        self.form = QFormLayout()
        self.errors = FormErrors(self.form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addLayout(self.form)
        self.layout_.addWidget(self.errors.general)
        self.layout_.addWidget(self.buttons)
        self.result_value: Any = None

    def install_keys(self, *, loaded: bool = False) -> None:
        """The desk's keyboard rules (called last by each form's constructor); ``loaded``: the
        fields hold a saved record, so Esc closes without asking until something is typed."""
        self.keys = install_dialog_keys(self, submit=self.save, default=self.save_button)
        if loaded:
            self.keys.mark_clean()

    def save(self) -> None:
        raise NotImplementedError

    def run_save(
        self,
        fn: Callable[[Session], Any],
        action: str,
        on_saved: Callable[[Any], None] | None = None,
    ) -> None:
        """Run ``fn`` once (Enter twice saves once); errors go next to their fields and the
        input stays; on success the form closes with ``result_value`` set."""
        if not self.save_button.isEnabled():
            return
        self.errors.clear()
        self.ctx.op(fn, changes=self.changes, parent=self, action=action).busy(
            self.save_button
        ).failure(self.refused).success(on_saved or self._saved).run()

    def refused(self, exc: BaseException) -> bool:
        """The save's failure handler: a domain error by its field (input kept, handled);
        anything else goes on to the common handler. A form may add to it (focus…)."""
        return form_failure(self.errors)(exc)

    def _saved(self, value: object) -> None:
        self.result_value = value
        self.accept()
