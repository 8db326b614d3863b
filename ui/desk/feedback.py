"""Failure handlers for desk operations: a service's refusal shown where the clerk looks.

``ctx.op(...).failure(in_form(self.errors))`` puts a ``DomainError`` next to its field;
``in_label(label)`` puts it in a message line. Anything else (database locked, connection
lost, a bug) is left to the common handler (``ctx.errors``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QWidget

from propdesk.errors import DomainError
from ui.common.forms import FormErrors
from ui.ops import FailureHandler


def in_form(errors: FormErrors) -> FailureHandler:
    """Show a refusal next to its field (or in the form's general line)."""

    def handle(exc: BaseException) -> bool:
        if isinstance(exc, DomainError):
            errors.show(exc)
            return True
        return False

    return handle


def in_label(
    label: QLabel, *, focus: QWidget | None = None, then: Callable[[], None] | None = None
) -> FailureHandler:
    """Show a refusal in ``label`` (then focus ``focus`` and call ``then``)."""

    def handle(exc: BaseException) -> bool:
        if not isinstance(exc, DomainError):
            return False
        label.setText(exc.message)
        label.setVisible(True)
        if focus is not None:
            focus.setFocus()
        if then is not None:
            then()
        return True

    return handle
