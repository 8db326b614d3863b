"""Small building blocks shared by the occupancy screens (move-in, renovation, keys).

* :class:`ServiceDialog`: a form dialog whose OK runs one service call in one transaction;
  a service error appears next to its field and nothing typed is lost.
* :class:`ListModel`: a read-only table model over a short Python list (a day's
  appointments, the at-a-glance rows) — big lists use :class:`SqlTableModel` instead.
* date helpers for ``QDateEdit``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, TypeVar

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from propdesk.clock import local_today
from ui.common.dates import from_qdate as from_qdate  # re-exported for the feature pages
from ui.common.dates import to_qdate as to_qdate
from ui.common.forms import FormErrors, attempt
from ui.common.list_model import RowListModel
from ui.common.naming import named as named
from ui.context import AppContext

T = TypeVar("T")


def desk_today() -> date:
    """The desk's local date."""
    return local_today()


def date_edit(day: date | None = None, *, object_name: str = "") -> QDateEdit:
    """A keyboard-friendly date editor (yyyy-MM-dd, calendar popup)."""
    edit = QDateEdit(to_qdate(day or desk_today()))
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setCalendarPopup(True)
    if object_name:
        edit.setObjectName(object_name)
    return edit


class ServiceDialog(QDialog):
    """A form whose OK button runs :meth:`work` in one transaction and broadcasts ``topics``.

    Subclasses build rows with ``self.errors.add_row(label, field, editor)`` and implement
    :meth:`work`. After success ``self.result_value`` holds what the service returned.

    Attributes:
        form: the QFormLayout; errors: inline error labels; buttons: OK / Cancel.
    """

    topics: tuple[str, ...] = ()

    def __init__(self, *, ctx: AppContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(title)
        self.result_value: Any = None
        layout = QVBoxLayout(self)
        self.form = QFormLayout()
        self.errors = FormErrors(self.form)
        layout.addLayout(self.form)
        layout.addWidget(self.errors.general)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def work(self, session: Session) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def prepare(self) -> None:
        """Read the form before the transaction (raise ValidationError for bad input)."""

    def submit(self) -> None:
        """Run the service; show its error next to the field, or close on success."""

        def run() -> Any:
            self.prepare()
            return self.ctx.write(self.work, *self.topics)

        ok, value = attempt(self.errors, run)
        if ok:
            self.result_value = value
            self.accept()


class ListModel(RowListModel[T]):
    """A read-only model over a short list; ``columns`` are ``(header, value_of_row)``."""

    def __init__(
        self,
        columns: Sequence[tuple[str, Callable[[T], str]]],
        *,
        foreground: Callable[[T], QColor | None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(columns, foreground=foreground, parent=parent)

    def item(self, row: int) -> T:
        """The value shown in ``row``."""
        return self.row_value(row)


OVERDUE_COLOR = QColor("#b00020")
