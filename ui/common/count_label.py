"""A label saying how many rows a SqlTableModel's filter matches, counted off the UI thread.

The ``COUNT`` runs as a ``ctx.query`` on the database worker; a failed count only blanks the
label (it is logged; the list itself reports its own failures).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QWidget
from shiboken6 import isValid
from sqlalchemy.orm import Session

from ui.common.sql_table_model import SqlTableModel
from ui.context import AppContext


class CountLabel(QLabel):
    """Shows how many rows a list's filter matches; the COUNT runs on the database worker.

    ``text(n)`` makes the shown text, e.g. ``lambda n: self.tr("%n unit(s)", "", n)``.
    Call :meth:`update_for` after every filter change; a late answer to an older
    filter is dropped.
    """

    def __init__(
        self, *, ctx: AppContext, text: Callable[[int], str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("count")
        self._ctx = ctx
        self._text = text
        self._seq = 0

    def update_for(self, model: SqlTableModel) -> None:
        """Count the rows ``model`` now matches (at once when all are loaded)."""
        self._seq += 1
        seq = self._seq
        if not model.canFetchMore():  # everything is loaded: no query needed
            self.setText(self._text(model.rowCount()))
            return
        statement = model.count_statement()

        def count(session: Session) -> int:
            return int(session.execute(statement).scalar_one())

        def failed(_exc: BaseException) -> bool:
            self._show(seq, None)
            return True  # logged only: the count is a hint, not the user's action

        self._ctx.query(count, parent=self, action="count rows").success(
            lambda n: self._show(seq, n)
        ).failure(failed).run()

    def _show(self, seq: int, n: int | None) -> None:
        if seq == self._seq and isValid(self):
            self.setText(self._text(n) if n is not None else "")
