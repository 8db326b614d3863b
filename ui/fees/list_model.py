"""A read-only table model over a Python list of rows (small or pre-filtered data).

Used where the rows come from one aggregated SQL query (the arrears list, the collection
rate) or are few (a unit's statement): filtering happens in SQL and the model is reset.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from PySide6.QtCore import QObject
from PySide6.QtGui import QBrush, QColor

from ui.common.list_model import RIGHT, AnyIndex, RowListModel

__all__ = ["RIGHT", "AnyIndex", "ListTableModel"]

T = TypeVar("T")


class ListTableModel(RowListModel[T]):
    """Rows of ``T``; each column is ``(header, getter, right_aligned)``.

    ``highlight(row) -> bool`` paints a row red (e.g. long overdue, voided).
    """

    def __init__(
        self,
        columns: Sequence[tuple[str, Callable[[T], str], bool]],
        *,
        highlight: Callable[[T], bool] | None = None,
        parent: QObject | None = None,
    ) -> None:
        def red(row: T) -> QBrush | None:
            return QBrush(QColor("#b00020")) if highlight is not None and highlight(row) else None

        super().__init__(
            [(header, getter) for header, getter, _right in columns],
            right_aligned=[i for i, (_h, _g, right) in enumerate(columns) if right],
            foreground=red if highlight is not None else None,
            parent=parent,
        )
