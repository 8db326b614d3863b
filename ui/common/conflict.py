"""Two desks edited the same record: show both versions field by field and let the clerk choose.

A record dialog remembers what it loaded (the *base*). When its save is refused because the
record changed meanwhile (:class:`propdesk.errors.Conflict`), it reloads the record (*theirs*)
and compares it with the clerk's input (*mine*), field by field:

- a field only the other desk changed takes their value, one only the clerk changed keeps
  the clerk's: nothing either side did is lost silently;
- a field both changed differently is the clerk's choice, shown side by side.

The clerk then keeps their version, takes the other desk's, or merges field by field; the
merged values are saved against the record's new version. Never a silent overwrite.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

MINE = "mine"
THEIRS = "theirs"


def editor_value(editor: QWidget) -> str:
    """What ``editor`` holds, as text to compare and show (``""`` for an editor we cannot read)."""
    if isinstance(editor, QLineEdit):
        return editor.text()
    if isinstance(editor, QPlainTextEdit):
        return editor.toPlainText()
    if isinstance(editor, QTextEdit):
        return editor.toPlainText()
    if isinstance(editor, QComboBox):
        return editor.currentText()
    if isinstance(editor, QDateEdit):
        return editor.date().toString(Qt.DateFormat.ISODate)
    if isinstance(editor, QAbstractSpinBox):
        return editor.text()
    if isinstance(editor, QCheckBox):
        return "1" if editor.isChecked() else "0"
    return ""


def set_editor_value(editor: QWidget, value: str) -> None:
    """Put ``value`` (as read by :func:`editor_value`) back into ``editor``."""
    if isinstance(editor, QLineEdit):
        editor.setText(value)
    elif isinstance(editor, QPlainTextEdit | QTextEdit):
        editor.setPlainText(value)
    elif isinstance(editor, QComboBox):
        index = editor.findText(value)
        if index >= 0:
            editor.setCurrentIndex(index)
        elif editor.isEditable():
            editor.setEditText(value)
    elif isinstance(editor, QDateEdit):
        if value:
            day = date.fromisoformat(value)
            editor.setDate(QDate(day.year, day.month, day.day))
    elif isinstance(editor, QAbstractSpinBox):
        line = editor.findChild(QLineEdit)
        if line is not None:
            line.setText(value)
            editor.interpretText()
    elif isinstance(editor, QCheckBox):
        editor.setChecked(value == "1")


def _shown(editor: QWidget, value: str) -> str:
    if isinstance(editor, QCheckBox):
        return "✓" if value == "1" else "✗"
    return value


@dataclass(frozen=True)
class FieldVersions:
    """One field of the record in its three versions."""

    key: str
    label: str
    base: str
    theirs: str
    mine: str

    @property
    def they_changed(self) -> bool:
        return self.theirs != self.base

    @property
    def i_changed(self) -> bool:
        return self.mine != self.base

    @property
    def clash(self) -> bool:
        """Both sides changed this field, to different values: the clerk must choose."""
        return self.they_changed and self.i_changed and self.mine != self.theirs

    @property
    def merged(self) -> str:
        """The value a merge keeps when only one side changed the field (the clerk's on a clash)."""
        return self.theirs if self.they_changed and not self.i_changed else self.mine


def compare(
    labels: dict[str, str], base: dict[str, str], theirs: dict[str, str], mine: dict[str, str]
) -> list[FieldVersions]:
    """The fields that differ anywhere between the three versions, in form order."""
    rows = []
    for key, label in labels.items():
        row = FieldVersions(key, label, base.get(key, ""), theirs.get(key, ""), mine.get(key, ""))
        if row.they_changed or row.i_changed:
            rows.append(row)
    return rows


class ConflictDialog(QDialog):
    """Both versions side by side; the clerk keeps theirs, takes the other desk's, or merges.

    After it closes, :attr:`outcome` is ``MINE`` (save my version; fields only the other desk
    changed still take their value), ``THEIRS`` (show the other desk's version, save nothing)
    or ``"merge"``, and :meth:`chosen` gives the value to save for each field.
    Esc takes the other desk's version: nothing is overwritten by accident.
    """

    MERGE = "merge"

    def __init__(
        self,
        rows: list[FieldVersions],
        editors: dict[str, QWidget],
        *,
        record: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle(self.tr("Changed at another desk"))
        self.rows = rows
        self.outcome = THEIRS
        self._choices: dict[str, QComboBox] = {}
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "While you were editing, another desk saved this %1. Nothing has been "
                "overwritten. Choose what to keep for each field below."
            ).replace("%1", record)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(len(rows), 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Field"),
                self.tr("When you opened it"),
                self.tr("Saved at the other desk"),
                self.tr("Your change"),
                self.tr("Keep"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        for r, row in enumerate(rows):
            editor = editors.get(row.key)
            cells = [row.label, row.base, row.theirs, row.mine]
            if editor is not None:
                cells[1:] = [_shown(editor, v) for v in cells[1:]]
            for c, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                if (c == 2 and row.they_changed) or (c == 3 and row.i_changed):
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(r, c, item)
            choice = QComboBox()
            choice.addItem(self.tr("Mine"), MINE)
            choice.addItem(self.tr("Theirs"), THEIRS)
            choice.setCurrentIndex(1 if row.merged == row.theirs and row.they_changed else 0)
            self.table.setCellWidget(r, 4, choice)
            self._choices[row.key] = choice
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox()
        self.keep_mine = QPushButton(self.tr("&Keep mine"))
        self.take_theirs = QPushButton(self.tr("&Take theirs"))
        self.merge = QPushButton(self.tr("&Merge as chosen"))
        for button in (self.merge, self.keep_mine, self.take_theirs):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.merge.setDefault(True)
        self.keep_mine.clicked.connect(lambda: self._close_with(MINE))
        self.take_theirs.clicked.connect(lambda: self._close_with(THEIRS))
        self.merge.clicked.connect(lambda: self._close_with(self.MERGE))
        layout.addWidget(buttons)
        self.resize(760, 120 + 34 * max(2, len(rows)))
        self.table.setFocus()

    def choose(self, key: str, side: str) -> None:
        """Set the choice of one field (``MINE`` or ``THEIRS``)."""
        box = self._choices[key]
        box.setCurrentIndex(box.findData(side))

    def _close_with(self, outcome: str) -> None:
        self.outcome = outcome
        self.accept()

    def reject(self) -> None:
        self.outcome = THEIRS
        super().reject()

    def chosen(self) -> dict[str, str]:
        """The value to save for every compared field, after the clerk's choice."""
        values: dict[str, str] = {}
        for row in self.rows:
            if self.outcome == THEIRS:
                values[row.key] = row.theirs
            elif self.outcome == MINE:
                values[row.key] = row.mine if row.i_changed else row.theirs
            else:
                side = self._choices[row.key].currentData()
                values[row.key] = row.theirs if side == THEIRS else row.mine
        return values
