"""A read-only table model over one SQL query, for lists of any size.

Only the rows the view has scrolled to are in memory: the model fetches them in
batches (``LIMIT``/``OFFSET`` with a stable tie-break on the row id) through Qt's
``canFetchMore``/``fetchMore``. Clicking a header sorts with ``ORDER BY`` in SQL;
:meth:`SqlTableModel.set_filter` changes the ``WHERE`` and resets. Never wrap it in a
``QSortFilterProxyModel``.

Use it by configuration or by subclassing::

    from sqlalchemy import select
    from ui.common.sql_table_model import SqlColumn, SqlTableModel

    class PeopleModel(SqlTableModel):
        def __init__(self, *, db, parent=None):
            super().__init__(
                db=db,
                base=select(Person),              # FROM/JOINs/base WHERE; columns are replaced
                id_column=Person.id,
                columns=[
                    SqlColumn(self.tr("Name"), Person.name),
                    SqlColumn(self.tr("Phone"), Person.phone, fmt=mask_phone),
                    SqlColumn(self.tr("Area"), Unit.area_centi, align=RIGHT,
                              fmt=lambda v: f"{v / 100:.2f}"),
                ],
                default_order=[Person.name],
                parent=parent,
            )

        def row_foreground(self, row):             # optional per-row colour hook
            return QColor("#b00020") if row.overdue else None

    model.set_filter(Person.name.contains(text, autoescape=True))   # or no argument to clear
    model.row_id(index.row())                                         # the record id
    model.row(index.row())                                            # the raw SQL row

``SqlColumn.expr`` may be any SQL expression (labelled automatically); ``sort_expr`` sorts
a column by something other than what it shows; ``row_fmt`` formats a cell from the whole
row. Extra columns used only by the row hooks or ``row_fmt`` go in ``extra``: they are
selected but not shown (read them from ``row`` by label). ``refresh()`` reloads after a
``ctx.hub.changed``. For a "N rows" label use ``ui.common.count_label.CountLabel``, which runs
``model.count_statement()`` as a ``ctx.query`` on the database worker, so a keystroke never
waits for a ``COUNT`` over a big table; :meth:`SqlTableModel.total_count` counts at once and
is meant for tests and the command line. The batch queries themselves are short (about 2 ms
for 200 rows at 100,000 people) and run on the UI thread, each in one short read-only
connection, as Qt's ``fetchMore`` expects them synchronously.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from sqlalchemy import ColumnElement, Row, Select, func, select
from sqlalchemy.sql.elements import Label

from propdesk.db.engine import Database

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter
DEFAULT_BATCH = 200

AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class SqlColumn:
    """One shown column.

    Attributes:
        header: the header text (already translated by the caller).
        expr: the SQL column or expression selected.
        align: the text alignment (``LEFT``, ``RIGHT``, ``CENTER``).
        fmt: turns the raw value into the shown text (default: ``str``, ``""`` for NULL).
        sort_expr: what ``ORDER BY`` uses when this header is clicked (default ``expr``).
        sortable: whether clicking the header sorts.
        row_fmt: like ``fmt`` but gets the whole SQL row (to combine columns or ``extra``);
            takes precedence over ``fmt``.
        name: the label the column gets in the SQL row, so hooks read ``row.<name>``
            (default: the expression's own label, else an internal one not to rely on).
    """

    header: str
    expr: ColumnElement[Any] | Any
    align: Qt.AlignmentFlag = LEFT
    fmt: Callable[[Any], str] | None = None
    sort_expr: ColumnElement[Any] | Any | None = None
    sortable: bool = True
    row_fmt: Callable[[Row[Any]], str] | None = None
    name: str = ""


def count_rows(db: Database, statement: Select[Any]) -> int:
    """Run a :meth:`SqlTableModel.count_statement` at once (tests, command line)."""
    with db.engine.connect() as conn:
        return int(conn.execute(statement).scalar_one())


def _plain(value: Any) -> str:
    return "" if value is None else str(value)


class SqlTableModel(QAbstractTableModel):
    """A batch-fetching, SQL-sorted, SQL-filtered table model (read-only).

    Attributes:
        db: the database queried (one short connection per batch).
        columns: the shown :class:`SqlColumn` list.
        batch_size: rows per ``fetchMore``.

    ``Qt.UserRole`` on any cell gives the row id. Override :meth:`row_foreground` /
    :meth:`row_background` to colour rows.
    """

    def __init__(
        self,
        *,
        db: Database,
        base: Select[Any],
        id_column: ColumnElement[Any] | Any,
        columns: Sequence[SqlColumn],
        default_order: Sequence[ColumnElement[Any] | Any] = (),
        extra: Sequence[ColumnElement[Any] | Any] = (),
        batch_size: int = DEFAULT_BATCH,
        fetch: bool = True,
        parent: QObject | None = None,
    ) -> None:
        """``fetch=False`` starts empty: the owner sets its filter (``set_filter``), which
        loads, so a page built with a filter reads its first batch once, not twice."""
        super().__init__(parent)
        self.db = db
        self.columns = list(columns)
        self.batch_size = batch_size
        self._base = base
        self._id = id_column
        self._extra = list(extra)
        self._default_order = list(default_order)
        self._filters: tuple[ColumnElement[bool], ...] = ()
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._rows: list[Row[Any]] = []
        self._exhausted = False
        self._fetching = False  # guards against views/testers re-entering fetchMore
        self._loaded = False  # a first batch was read (sort() reloads only then)
        self._generation = 0  # counts the reloads: a batch read on the worker for an older
        # filter, sort or base is not shown (see first_batch / show_first_batch)
        if fetch:
            self._fetch_first()
        else:
            self._exhausted = True  # nothing to fetch more of until the first load

    # --- the query ------------------------------------------------------------------

    def _labelled(self) -> list[Any]:
        cols: list[Any] = [self._as_label(self._id, "_row_id")]
        cols += [self._as_label(c.expr, c.name or f"_c{i}") for i, c in enumerate(self.columns)]
        cols += self._extra
        return cols

    @staticmethod
    def _as_label(expr: Any, name: str) -> Any:
        return expr if isinstance(expr, Label) else expr.label(name)

    def statement(self) -> Select[Any]:
        """The full query (columns, filter and order) without LIMIT/OFFSET."""
        stmt = self._base.with_only_columns(*self._labelled(), maintain_column_froms=True)
        if self._filters:
            stmt = stmt.where(*self._filters)
        order: list[Any] = []
        if 0 <= self._sort_column < len(self.columns):
            col = self.columns[self._sort_column]
            expr = col.sort_expr if col.sort_expr is not None else col.expr
            if isinstance(expr, Label):
                expr = expr.element
            desc = self._sort_order == Qt.SortOrder.DescendingOrder
            order.append(expr.desc() if desc else expr.asc())
        order += self._default_order
        order.append(self._id)  # a stable tie-break keeps batches from overlapping
        return stmt.order_by(*order)

    def _fetch_batch(self, offset: int) -> list[Row[Any]]:
        stmt = self.statement().limit(self.batch_size).offset(offset)
        with self.db.engine.connect() as conn:
            return list(conn.execute(stmt).all())

    def _fetch_first(self) -> None:
        self._generation += 1
        self._rows = self._fetch_batch(0)
        self._loaded = True
        self._exhausted = len(self._rows) < self.batch_size

    def first_batch(self) -> tuple[Select[Any], int]:
        """The first batch's query, to read on the database worker (a panel's refresh),
        and the token to hand back with its rows to :meth:`show_first_batch`."""
        return self.statement().limit(self.batch_size), self._generation

    def show_first_batch(self, rows: Sequence[Row[Any]], token: int) -> bool:
        """Show a first batch read on the worker, as :meth:`refresh` would have read it;
        rows read before a newer reload or sort (a header click meanwhile) are dropped
        (False), and a model that has shown nothing yet reads its rows at once instead."""
        if token != self._generation:
            if not self._loaded:
                self.refresh()
            return False
        self.beginResetModel()
        self._generation += 1
        self._rows = list(rows)
        self._loaded = True
        self._exhausted = len(self._rows) < self.batch_size
        self.endResetModel()
        return True

    def count_statement(self) -> Select[Any]:
        """``SELECT count(*)`` of the rows matching the current filter (safe to run elsewhere)."""
        base = self._base.with_only_columns(self._id, maintain_column_froms=True)
        if self._filters:
            base = base.where(*self._filters)
        return select(func.count()).select_from(base.subquery())

    def total_count(self) -> int:
        """How many rows match the current filter (one ``COUNT`` query)."""
        return count_rows(self.db, self.count_statement())

    # --- public API -----------------------------------------------------------------

    def set_filter(self, *conditions: ColumnElement[bool]) -> None:
        """Replace the extra ``WHERE`` conditions (none clears them) and reload from the top."""
        self._filters = tuple(conditions)
        self.refresh()

    def set_base(self, base: Select[Any]) -> None:
        """Replace the base query (e.g. another building's units) and reload."""
        self._base = base
        self.refresh()

    def refresh(self) -> None:
        """Reload from the first batch, keeping the filter and the sort."""
        self.beginResetModel()
        self._fetch_first()
        self.endResetModel()

    def row_id(self, row: int) -> int:
        """The record id of a loaded row."""
        return int(self._rows[row][0])

    def row(self, row: int) -> Row[Any]:
        """The raw SQL row: read it by label (``row.<SqlColumn.name>``, ``extra`` columns by
        their own label), never by position."""
        return self._rows[row]

    def find_row(self, row_id: int) -> int:
        """The position of a loaded row by its id, or -1."""
        for i, r in enumerate(self._rows):
            if r[0] == row_id:
                return i
        return -1

    def row_foreground(self, row: Row[Any]) -> QColor | None:
        """Text colour of a whole row (override); ``None`` is the default colour."""
        return None

    def row_background(self, row: Row[Any]) -> QColor | None:
        """Background of a whole row (override); ``None`` is the default."""
        return None

    # --- Qt model interface ---------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted and not self._fetching

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted or self._fetching:
            return
        self._fetching = True
        try:
            batch = self._fetch_batch(len(self._rows))
            if not batch:
                self._exhausted = True
                return
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(batch) - 1)
            self._rows.extend(batch)
            self._exhausted = len(batch) < self.batch_size
            self.endInsertRows()
        finally:
            self._fetching = False

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        column = index.column()
        if not 0 <= column < len(self.columns):
            return None
        row = self._rows[index.row()]
        spec = self.columns[column]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if spec.row_fmt is not None:
                return spec.row_fmt(row)
            value = row[column + 1]
            return (spec.fmt or _plain)(value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(spec.align.value)
        if role == Qt.ItemDataRole.UserRole:
            return int(row[0])
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = self.row_foreground(row)
            return QBrush(colour) if colour is not None else None
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = self.row_background(row)
            return QBrush(colour) if colour is not None else None
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.columns[section].header
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(self.columns[section].align.value)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in SQL by ``column`` (``-1`` restores the default order) and reload.

        The same sort again reads nothing (a view asks for its current sort when it is
        given the model), nor does a sort before the first load (``fetch=False``: the
        owner's load uses it)."""
        if 0 <= column < len(self.columns) and not self.columns[column].sortable:
            return
        if (column, order) == (self._sort_column, self._sort_order) and self._loaded:
            return
        self._sort_column = column
        self._sort_order = order
        self._generation += 1  # a first batch on its way was read in the old order
        if self._loaded:
            self.refresh()
