"""Small building blocks shared by the occupancy screens (move-in, renovation, keys).

* :class:`ServiceDialog`: a form dialog whose OK runs one service call as one operation
  (:meth:`ui.context.AppContext.op`) on the database worker; a service error appears next to
  its field, nothing typed is lost, and the dialog closes only when the call succeeded.
* :class:`StaleGuard`: a view listening to ``ctx.hub.changed`` reloads at once when visible,
  or marks itself stale and reloads when it is next shown (lazy views).
* :func:`preview_document`: load a document's data (a read), build its PDF (a task), preview.
* :class:`ListModel`: a read-only table model over a short Python list (a day's
  appointments, the at-a-glance rows) — big lists use :class:`SqlTableModel` instead.
* date helpers for ``QDateEdit``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, ClassVar, TypeVar

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.changes import Changes
from propdesk.errors import DomainError, ValidationError
from propdesk.progress import Progress
from ui.common.dates import from_qdate as from_qdate  # re-exported for the feature pages
from ui.common.dates import to_qdate as to_qdate
from ui.common.forms import FormErrors
from ui.common.keyboard import install_dialog_keys
from ui.common.list_model import RowListModel
from ui.common.naming import named as named
from ui.common.stale import StaleGuard as StaleGuard  # re-exported for the feature pages
from ui.context import AppContext

T = TypeVar("T")
D = TypeVar("D")

Work = Callable[[Session], Any]
"""What a dialog's OK runs on the worker, in one transaction."""


def desk_today() -> date:
    """The estate's local date now (a default for date editors; services take their own)."""
    return clock.today()


def date_edit(day: date | None = None, *, object_name: str = "") -> QDateEdit:
    """A keyboard-friendly date editor (yyyy-MM-dd, calendar popup)."""
    edit = QDateEdit(to_qdate(day or desk_today()))
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setCalendarPopup(True)
    if object_name:
        edit.setObjectName(object_name)
    return edit


def show_in_form(errors: FormErrors) -> Callable[[BaseException], bool]:
    """An operation's failure handler: a service's error next to its field in ``errors``.

    Any other failure (database locked, connection lost, a bug) goes on to the common handler.
    """

    def handle(exc: BaseException) -> bool:
        if isinstance(exc, DomainError):
            errors.show(exc)
            return True
        return False

    return handle


class ServiceDialog(QDialog):
    """A form whose OK runs one service call as an operation and broadcasts ``changes``.

    Subclasses build rows with ``self.errors.add_row(label, field, editor)`` and implement
    :meth:`action`: it reads the form on the UI thread (raising ``ValidationError`` for bad
    input) and returns the work to run in the transaction. After success
    ``self.result_value`` holds what the service returned and the dialog is accepted.

    Attributes:
        form: the QFormLayout; errors: inline error labels; buttons: OK / Cancel;
        ok_button: disabled while the operation runs.
    """

    changes: ClassVar[Changes] = Changes()

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
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.keys = install_dialog_keys(self, submit=self.submit, default=self.ok_button)

    def action(self) -> Work:  # pragma: no cover - abstract
        """Read the form; return the service call to run in the transaction."""
        raise NotImplementedError

    def submit(self) -> None:
        """Run the service on the worker; show its error by its field, or close on success."""
        if not self.ok_button.isEnabled():
            return  # already running (Enter pressed again)
        try:
            work = self.action()
        except ValidationError as exc:  # the form's own input, before any database work
            self.errors.show(exc)
            return
        self.errors.clear()
        self.ctx.op(work, changes=self.changes, parent=self, action=self.windowTitle()).busy(
            self.ok_button
        ).failure(show_in_form(self.errors)).success(self._done).run()

    def _done(self, value: object) -> None:
        self.result_value = value
        if isValid(self):
            self.accept()


def preview_document(
    ctx: AppContext,
    *,
    load: Callable[[Session], D],
    build: Callable[[D], bytes],
    title: Callable[[D], str],
    file_name: Callable[[D], str],
    parent: QWidget | None = None,
    audited: bool = False,
    file_as: Callable[[D], tuple[int, str]] | None = None,
) -> None:
    """Read the document's data (a query), build the PDF off the UI thread (a task), preview it.

    ``audited``: ``load`` records what it prints (full phones), so it runs as a write.
    ``file_as(data) -> (unit id, printed kind)``: once printed or saved (never on preview),
    the PDF is filed in the unit's archive (:func:`propdesk.archive.services.file_printed`).
    """
    from ui.archive.filing import file_when_delivered
    from ui.printing.preview import show_pdf_preview

    def loaded(data: D) -> None:
        shown = title(data)

        def make(_progress: Progress) -> bytes:
            return build(data)

        def ready(pdf: bytes) -> None:
            show_pdf_preview(
                ctx,
                pdf,
                title=shown,
                suggested_name=file_name(data),
                parent=parent if parent is not None and isValid(parent) else None,
                on_delivered=(
                    file_when_delivered(ctx, file_as(data), shown, pdf) if file_as else None
                ),
            )

        ctx.task(make, label=shown, parent=parent, action=f"print {shown}").success(ready).run()

    if audited:
        ctx.op(load, changes=Changes(), parent=parent, action="print").success(loaded).run()
    else:
        ctx.query(load, parent=parent, action="print").success(loaded).run()


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
