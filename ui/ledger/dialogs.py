"""Dialogs of the owner ledger actions: the import's problem list and the building chooser."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QStandardPaths,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from propdesk.registry.ledger import LedgerError
from propdesk.registry.values import BuildingInfo

AnyIndex = QModelIndex | QPersistentModelIndex


def documents_folder() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))


def ask_save_xlsx(parent: QWidget | None, title: str, suggested_name: str) -> str:
    """A save dialog for an ``.xlsx`` opening in the last export's folder (remembered);
    returns the path (``.xlsx`` added) or ``""``."""
    from ui.dashboard.exports import ask_xlsx_path

    return ask_xlsx_path(parent, title, suggested_name)


class LedgerErrorModel(QAbstractTableModel):
    """The problems of a rejected import: row, column, problem (a small in-memory list)."""

    def __init__(self, errors: Sequence[LedgerError], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.errors = list(errors)
        self._headers = (self.tr("Row"), self.tr("Column"), self.tr("Problem"))

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.errors)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        e = self.errors[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return str(e.row) if e.row else ""
            if index.column() == 1:
                return e.column or self.tr("(whole row)")
            return e.message
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None


class ImportErrorsDialog(QDialog):
    """Lists every problem of a rejected ledger file; *Save report…* writes them to Excel.

    Attributes:
        summary: the line above the table (how many problems, nothing imported).
        table: the problem list (``QTableView`` over :class:`LedgerErrorModel`).
        save_button: writes the report; ``choose_path(parent, suggested) -> path`` asks where.
    """

    def __init__(
        self,
        *,
        errors: Sequence[LedgerError],
        message: str,
        source_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.errors = tuple(errors)
        self.source_name = source_name
        self.choose_path: Callable[[QWidget, str, str], str] = ask_save_xlsx
        self.setWindowTitle(self.tr("Owner ledger not imported"))
        self.resize(760, 480)

        self.summary = QLabel(message, self)
        self.summary.setWordWrap(True)
        hint = QLabel(
            self.tr(
                "Correct these cells in the file and import it again. Row numbers are Excel's."
            ),
            self,
        )
        hint.setWordWrap(True)
        self.model = LedgerErrorModel(self.errors, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.setWordWrap(True)

        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(
            self.tr("&Save report…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        close.clicked.connect(self.reject)
        self.save_button.clicked.connect(self.save_report)
        self.save_button.setDefault(True)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.table.setFocus()

    def save_report(self) -> str:
        """Ask where, write the report workbook; returns the path written or ``""``."""
        from reports.excel.owners import write_error_report

        stem = Path(self.source_name).stem or "业主台账"
        path = self.choose_path(self, self.tr("Save error report"), f"{stem}-错误报告.xlsx")
        if not path:
            return ""
        try:
            write_error_report(self.errors, path, source_name=self.source_name)
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Save error report"),
                self.tr("Could not save the file:\n{0}").format(exc.strerror or str(exc)),
            )
            return ""
        self.summary.setText(self.summary.text() + "\n" + self.tr("Report saved: {0}").format(path))
        return path


class BuildingChooser(QDialog):
    """Pick one building (or, with ``allow_all``, every building). Enter accepts.

    Attributes:
        combo: the buildings; ``itemData`` is the building id (``None`` for all).
    """

    def __init__(
        self,
        *,
        buildings: Sequence[BuildingInfo],
        title: str,
        allow_all: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.buildings = {b.id: b for b in buildings}
        self.combo = QComboBox(self)
        if allow_all:
            self.combo.addItem(self.tr("All buildings"), None)
        for b in buildings:
            self.combo.addItem(self.tr("{0} ({1} units)").format(b.name, b.unit_count), b.id)
        form = QFormLayout()
        form.addRow(self.tr("&Building:"), self.combo)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("OK"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.combo.setFocus()

    def selected(self) -> BuildingInfo | None:
        """The chosen building, or ``None`` for all buildings."""
        bid = self.combo.currentData()
        return self.buildings.get(bid) if bid is not None else None
