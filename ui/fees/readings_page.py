"""Meter readings (抄表): fast grid entry by keyboard, roll-over and replacement, Excel import.

Type a reading and press Enter: it is saved at once and the next meter is selected. A
reading lower than the last one is refused unless the row is marked roll-over (Space on
the 翻零 column) or entered through *Meter replaced…*.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.changes import Changes
from propdesk.errors import ValidationError
from propdesk.fees.meters import GridRow, Replacement, reading_grid, record_reading
from propdesk.fees.money import parse_yuan
from propdesk.fees.periods import period_of
from propdesk.fees.reading_import import ReadingImportError, import_readings
from propdesk.progress import Progress
from ui.common.forms import ERROR_STYLE
from ui.context import AppContext

AnyIndex = QModelIndex | QPersistentModelIndex
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
READING_COL = 4
ROLLOVER_COL = 5


def _num(centi: int | None) -> str:
    return "" if centi is None else f"{centi // 100}.{centi % 100:02d}"


class ReadingsModel(QAbstractTableModel):
    """Meters of a kind for a period; the reading column is editable and saves at once.

    Signals:
        failed(str): a reading was refused (the message says why).
        saved(int): the row whose reading was saved.
    """

    failed = Signal(str)
    saved = Signal(int)

    def __init__(self, *, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.period = period_of(clock.today())
        self.kind = "water"
        self._rows: list[GridRow] = []
        self._rollover: set[int] = set()
        self._headers = [
            self.tr("Meter"),
            self.tr("Unit"),
            self.tr("Last reading"),
            self.tr("Consumption"),
            self.tr("This reading"),
            self.tr("Roll-over"),
        ]

    def load(self, period: str, kind: str, *, loaded: Callable[[], None] | None = None) -> None:
        """Read the grid of ``kind`` meters for ``period`` (a bad month is told by ``failed``)."""

        def show(rows: list[GridRow]) -> None:
            self.beginResetModel()
            self.period, self.kind = period, kind
            self._rows = rows
            self._rollover = set()
            self.endResetModel()
            if loaded is not None:
                loaded()

        self.ctx.query(
            lambda s: reading_grid(s, period, kind), parent=_widget(self), action="meter readings"
        ).success(show).failure(self._refused).run()

    def _refused(self, exc: BaseException, prefix: str = "") -> bool:
        """Tell a refused month or reading through ``failed``; other failures go to the handler."""
        if isinstance(exc, ValidationError):
            self.failed.emit(prefix + str(exc))
            return True
        return False

    def row_value(self, row: int) -> GridRow:
        return self._rows[row]

    def rows(self) -> list[GridRow]:
        return list(self._rows)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == READING_COL:
            base |= Qt.ItemFlag.ItemIsEditable
        if index.column() == ROLLOVER_COL:
            base |= Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        g = self._rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            values = (
                g.meter_code,
                g.unit_code,
                _num(g.previous_centi),
                _num(g.consumption_centi),
                _num(g.reading_centi),
                "",
            )
            return values[col]
        if role == Qt.ItemDataRole.CheckStateRole and col == ROLLOVER_COL:
            return (
                Qt.CheckState.Checked if g.meter_id in self._rollover else Qt.CheckState.Unchecked
            )
        if role == Qt.ItemDataRole.TextAlignmentRole and 2 <= col <= 4:
            return int(RIGHT)
        if (
            role == Qt.ItemDataRole.BackgroundRole
            and col == READING_COL
            and g.reading_centi is None
        ):
            return QBrush(QColor("#fff8dc"))
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        g = self._rows[index.row()]
        if index.column() == ROLLOVER_COL and role == Qt.ItemDataRole.CheckStateRole:
            self._rollover.symmetric_difference_update({g.meter_id})
            self.dataChanged.emit(index, index, [role])
            return True
        if index.column() != READING_COL or role != Qt.ItemDataRole.EditRole:
            return False
        text = str(value).strip()
        if not text:
            return False
        try:
            centi = parse_yuan(text, "reading")
        except ValidationError as exc:
            self.failed.emit(f"{g.meter_code}：{exc}")
            return False
        self._save(index.row(), centi, rollover=g.meter_id in self._rollover)
        return True

    def _save(
        self,
        row: int,
        centi: int,
        *,
        rollover: bool = False,
        replacement: Replacement | None = None,
        refused: Callable[[BaseException], bool] | None = None,
        saved: Callable[[], None] | None = None,
        busy: QWidget | None = None,
    ) -> None:
        """Save one reading through an operation; the row is re-read in the same transaction."""
        g = self._rows[row]
        period, kind = self.period, self.kind

        def work(s: Session) -> GridRow:
            record_reading(
                s,
                meter_id=g.meter_id,
                period=period,
                reading_centi=centi,
                rollover=rollover,
                replacement=replacement,
            )
            return next(x for x in reading_grid(s, period, kind) if x.meter_id == g.meter_id)

        def done(fresh: GridRow) -> None:
            # the grid may have been reloaded meanwhile: update the meter where it is now
            for i, x in enumerate(self._rows):
                if x.meter_id == fresh.meter_id and (self.period, self.kind) == (period, kind):
                    self._rows[i] = fresh
                    self._rollover.discard(fresh.meter_id)
                    self.dataChanged.emit(self.index(i, 0), self.index(i, ROLLOVER_COL))
                    self.saved.emit(i)
                    break
            if saved is not None:
                saved()

        def failed(exc: BaseException) -> bool:
            if refused is not None:
                return refused(exc)
            return self._refused(exc, f"{g.meter_code}：")

        op = self.ctx.op(
            work, changes=Changes(fees=True), parent=_widget(self), action="record meter reading"
        )
        if busy is not None:
            op.busy(busy)
        op.success(done).failure(failed).run()

    def save_replacement(
        self,
        row: int,
        reading: int,
        old_final: int,
        new_initial: int,
        *,
        refused: Callable[[BaseException], bool] | None = None,
        saved: Callable[[], None] | None = None,
        busy: QWidget | None = None,
    ) -> None:
        self._save(
            row,
            reading,
            replacement=Replacement(old_final, new_initial),
            refused=refused,
            saved=saved,
            busy=busy,
        )


def _widget(model: QObject) -> QWidget | None:
    parent = model.parent()
    return parent if isinstance(parent, QWidget) else None


class ReadingsPage(QWidget):
    """Attributes: ``model``, ``view``, ``period``, ``kind``, ``error``."""

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.period = QLineEdit(period_of(clock.today()), self)
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("Water"), "water")
        self.kind.addItem(self.tr("Electricity"), "electricity")
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.model = ReadingsModel(ctx=ctx, parent=self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        load = QPushButton(self.tr("Loa&d"), self)
        replaced = QPushButton(self.tr("Meter &replaced…"), self)
        template = QPushButton(self.tr("Blank shee&t…"), self)
        import_button = QPushButton(self.tr("Import from &Excel…"), self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Month:"), self))
        top.addWidget(self.period)
        top.addWidget(self.kind)
        top.addWidget(load)
        top.addStretch(1)
        for b in (replaced, template, import_button):
            top.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.error)
        layout.addWidget(self.view, 1)
        load.clicked.connect(self.reload)
        self.period.returnPressed.connect(self.reload)
        self.kind.currentIndexChanged.connect(self.reload)
        replaced.clicked.connect(self.replacement)
        template.clicked.connect(self.blank_sheet)
        import_button.clicked.connect(self.import_sheet)
        self.model.failed.connect(self.error.setText)
        self.model.saved.connect(self._next)
        self._loaded_once = False  # the grid loads when the tab is first shown, not at start

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded_once:
            self.reload()

    def reload(self) -> None:
        self._loaded_once = True
        self.error.clear()
        self.model.load(
            self.period.text().strip(), str(self.kind.currentData()), loaded=self._loaded
        )

    def _loaded(self) -> None:
        if self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(0, READING_COL))

    def _next(self, row: int) -> None:
        self.error.clear()
        if row + 1 < self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(row + 1, READING_COL))

    def replacement(self) -> None:
        idx = self.view.currentIndex()
        if not idx.isValid():
            return
        g = self.model.row_value(idx.row())
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Meter replaced – {0}").format(g.meter_code))
        old, new, now = QLineEdit(dialog), QLineEdit(dialog), QLineEdit(dialog)
        form = QFormLayout(dialog)
        form.addRow(self.tr("Old meter's final reading:"), old)
        form.addRow(self.tr("New meter's initial reading:"), new)
        form.addRow(self.tr("New meter's reading now:"), now)
        err = QLabel(dialog)
        err.setStyleSheet(ERROR_STYLE)
        form.addRow(err)
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
        )
        form.addRow(box)

        ok = box.button(QDialogButtonBox.StandardButton.Ok)

        def refused(exc: BaseException) -> bool:
            if isinstance(exc, ValidationError):
                err.setText(str(exc))
                return True
            return False

        def accept() -> None:
            err.clear()
            try:
                values = (
                    parse_yuan(now.text(), "reading"),
                    parse_yuan(old.text(), "old_final"),
                    parse_yuan(new.text(), "new_initial"),
                )
            except ValidationError as exc:
                err.setText(str(exc))
                return
            self.model.save_replacement(
                idx.row(), *values, refused=refused, saved=dialog.accept, busy=ok
            )

        box.accepted.connect(accept)
        box.rejected.connect(dialog.reject)
        dialog.open()

    def blank_sheet(self) -> None:
        from propdesk.fees.meters import METER_KIND_ZH
        from propdesk.reporting.sheet_header import period_text, sheet_header
        from reports.excel.fees_readings import write_reading_sheet
        from ui.dashboard.exports import ask_xlsx_path

        period, kind = self.model.period, self.model.kind
        name = f"抄表_{period}_{kind}.xlsx"
        path = ask_xlsx_path(self, self.tr("Blank reading sheet"), name)
        if not path:
            return
        rows = self.model.rows()
        title = f"抄表表（{METER_KIND_ZH.get(kind, kind)}）"

        def write(s: Session) -> None:
            write_reading_sheet(rows, path, header=sheet_header(s, title, period_text(period)))

        self.ctx.query(write, parent=self, action="blank reading sheet").run()

    def import_sheet(self) -> None:
        from ui.common.file_dialogs import ask_open_file

        path = ask_open_file(self, self.tr("Import readings"), "Excel (*.xlsx)")
        if path:
            self.import_file(path)

    def import_file(self, path: str) -> None:
        """Import ``path`` for the shown month; all or nothing, every problem listed."""
        from reports.excel.fees_readings import read_reading_sheet

        period = self.model.period
        self.error.clear()

        def work(s: Session, _progress: Progress) -> int:
            # import_readings takes no progress callback: no Cancel, all or nothing
            return import_readings(s, period, read_reading_sheet(path))

        def refused(exc: BaseException) -> bool:
            if isinstance(exc, ReadingImportError):
                lines = [f"第 {e.row} 行 {e.column}：{e.message}" for e in exc.errors[:30]]
                self.error.setText(str(exc) + "\n" + "\n".join(lines))
                return True
            if isinstance(exc, ValidationError):
                self.error.setText(str(exc))
                return True
            return False

        def imported(n: int) -> None:
            self.reload()
            self.error.setText(self.tr("{0} reading(s) imported.").format(n))

        self.ctx.long_op(
            work,
            label=self.tr("Import readings"),
            changes=Changes(fees=True),
            cancellable=False,
            parent=self,
            action="import meter readings",
        ).success(imported).failure(refused).run()
