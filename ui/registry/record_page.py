"""What the unit and person pages share: a header, a facts grid, small tables and plug-in panels."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext
from ui.events import Changes
from ui.extensions import RecordPanel


class SmallTable(QTableView):
    """A short read-only table that sizes itself to its rows; Enter activates the row.

    Signals:
        row_opened(int): the row the user opened (Enter or double-click).
    """

    row_opened = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setStretchLastSection(True)
        self.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        self.horizontalHeader().setMinimumSectionSize(70)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # fit_rows gives it the height of its rows: a horizontal scroll bar would cover the
        # last one (the columns elide instead; the page is wide enough for a short table)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Tab leaves the table for the next control (Qt's default walked its cells for ever)
        self.setTabKeyNavigation(False)
        self.doubleClicked.connect(lambda index: self.row_opened.emit(index.row()))

    def fit_rows(self) -> None:
        """Resize to show every row (the lists on a record page are short)."""
        self.resizeColumnsToContents()
        header = self.horizontalHeader()
        for column in range(header.count() - 1):
            header.resizeSection(column, header.sectionSize(column) + 16)
        model = self.model()
        rows = model.rowCount() if model is not None else 0
        height = self.horizontalHeader().height() + 2 * self.frameWidth()
        height += (
            sum(self.rowHeight(r) for r in range(rows))
            or self.verticalHeader().defaultSectionSize()
        )
        self.setFixedHeight(height + 2)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.row_opened.emit(self.currentIndex().row())
            return
        super().keyPressEvent(event)

    def selected_row(self) -> int:
        index: QModelIndex = self.currentIndex()
        return index.row() if index.isValid() else -1


class FactsGrid(QWidget):
    """Label/value pairs in two columns; values are selectable text with object names."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(16)
        self._grid.setColumnStretch(4, 1)  # the pairs stay compact on the left
        self.values: dict[str, QLabel] = {}

    def add(self, key: str, caption: str, span: bool = False) -> QLabel:
        n = len(self.values)
        row, col = (n // 2, (n % 2) * 2) if not span else (n // 2 + 1, 0)
        cap = QLabel(
            QCoreApplication.translate("FactsGrid", "%1:").replace("%1", caption) if caption else ""
        )
        cap.setStyleSheet("color: #555;")
        value = QLabel()
        value.setObjectName(key)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        value.setWordWrap(True)
        self._grid.addWidget(cap, row, col, Qt.AlignmentFlag.AlignTop)
        self._grid.addWidget(value, row, col + 1, 1, 3 if span else 1)
        self._grid.setColumnMinimumWidth(col + 1, 180)
        self.values[key] = value
        return value

    def set(self, key: str, text: str) -> None:
        self.values[key].setText(text)


class RecordPage(QWidget):
    """A scrolling page: header line, body sections, then the registered panels.

    Signals:
        open_record(str, int): ``("unit"|"person", id)`` the user wants to open.

    Attributes:
        panels: the plug-in panel widgets (each has ``refresh()``).

    A hidden page only marks itself stale on a change and reloads when shown again.
    """

    open_record = Signal(str, int)

    def wants(self, changes: Changes) -> bool:
        """Whether ``changes`` concern this page (subclasses read the flags they show)."""
        return False

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.panels: list[QWidget] = []
        self._stale = False
        self.title = QLabel()
        self.title.setObjectName("title")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title.setFont(font)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("subtitle")
        self.subtitle.setStyleSheet("color: #555;")
        self.actions_bar = QHBoxLayout()
        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        head.addLayout(titles)
        head.addStretch(1)
        head.addLayout(self.actions_bar)
        body = QWidget()
        self.body = QVBoxLayout(body)
        self.body.addLayout(head)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        self.body.addWidget(line)
        self._top_at = self.body.count()  # where banners (RecordPanel.top) go: under the title
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        ctx.hub.changed.connect(self._on_changed)

    def section(self, caption: str, widget: QWidget) -> QGroupBox:
        box = QGroupBox(caption)
        lay = QVBoxLayout(box)
        lay.addWidget(widget)
        self.body.addWidget(box)
        return box

    def add_panels(self, panels: Sequence[RecordPanel], record_id: int) -> None:
        """Stack the plug-in panels (by order) under the page's own sections; a banner
        (``RecordPanel.top``) goes under the title, above the page's own sections, where the
        clerk on the phone sees it first."""
        for panel in sorted(panels, key=lambda p: p.order):
            widget = panel.factory(self.ctx, record_id)
            widget.setObjectName(f"panel_{panel.key}")
            if panel.top:
                self.body.insertWidget(self._top_at, widget)
                self._top_at += 1
            else:
                self.body.addWidget(widget)
            self.panels.append(widget)
        self.body.addStretch(1)

    def refresh(self) -> None:
        raise NotImplementedError

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc closes the page when it is a window of its own (in the main window it is not)."""
        if event.key() == Qt.Key.Key_Escape and self.isWindow():
            self.close()
            return
        super().keyPressEvent(event)

    def _on_changed(self, changes: Changes) -> None:
        if not self.isVisible():
            self._stale = True
            return
        if self.wants(changes):
            self.refresh()
        self._refresh_panels()

    def _refresh_panels(self) -> None:
        for panel in self.panels:
            refresh = getattr(panel, "refresh", None)
            if callable(refresh):
                refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.refresh()
            self._refresh_panels()
