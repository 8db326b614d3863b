"""The desk's one search box (Ctrl+K): units and people while typing.

Typing waits ~150 ms (a single-shot QTimer) and then runs
:func:`propdesk.registry.search.search` through ``ctx.query`` (on the database worker);
results older than the latest keystroke are dropped. Up/Down move through the results, Enter opens the
selected one (``opened(kind, id)``), Escape closes the list. The result list floats
over the window under the box and never takes the keyboard focus.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFocusEvent, QFont, QFontMetrics, QKeyEvent, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFrame,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from propdesk.registry.search import search
from propdesk.registry.values import SearchHit
from ui.care.banner import attach_search_banner
from ui.context import AppContext

DEBOUNCE_MS = 150
HIT_ROLE = Qt.ItemDataRole.UserRole + 1
AnyIndex = QModelIndex | QPersistentModelIndex
#: The colour of each kind's tag in the result list.
TAG_COLOURS = {
    "unit": "#1565c0",
    "person": "#2e7d32",
    "ticket": "#c62828",
    "receipt": "#ef6c00",
    "parcel": "#5d4037",
}


class HitsModel(QAbstractListModel):
    """The current search results; the display text is ``title — subtitle``."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.hits: list[SearchHit] = []

    def set_hits(self, hits: list[SearchHit]) -> None:
        self.beginResetModel()
        self.hits = list(hits)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.hits)

    def kind_label(self, kind: str) -> str:
        """The tag of a hit's kind, as the clerk says it."""
        labels = {
            "unit": self.tr("Unit"),
            "person": self.tr("Person"),
            "ticket": self.tr("Ticket"),
            "receipt": self.tr("Receipt"),
            "parcel": self.tr("Parcel"),
        }
        return labels.get(kind, kind)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.hits):
            return None
        hit = self.hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"[{self.kind_label(hit.kind)}] {hit.title}    {hit.subtitle}"
        if role == Qt.ItemDataRole.UserRole:
            return (hit.kind, hit.id)
        if role == HIT_ROLE:
            return hit
        return None


class HitDelegate(QStyledItemDelegate):
    """Draws a hit as a kind tag, the title in bold and the subtitle in grey, with padding."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        hit: SearchHit | None = index.data(HIT_ROLE)
        if hit is None:
            super().paint(painter, option, index)
            return
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        rect = option.rect
        if selected:
            painter.fillRect(rect, palette.highlight())
        text_colour = palette.highlightedText().color() if selected else palette.text().color()
        grey = text_colour if selected else QColor("#666666")
        tag_colour = QColor(TAG_COLOURS.get(hit.kind, "#6a1b9a"))
        x = rect.x() + 8
        font = QFont(option.font)
        metrics = QFontMetrics(font)
        kind = index.data(Qt.ItemDataRole.DisplayRole).split("]", 1)[0] + "]"
        painter.setFont(font)
        painter.setPen(text_colour if selected else tag_colour)
        painter.drawText(rect.adjusted(x - rect.x(), 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, kind)
        x += metrics.horizontalAdvance(kind) + 10
        bold = QFont(font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text_colour)
        painter.drawText(
            rect.adjusted(x - rect.x(), 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, hit.title
        )
        x += max(QFontMetrics(bold).horizontalAdvance(hit.title) + 16, 90)
        painter.setFont(font)
        painter.setPen(grey)
        painter.drawText(
            rect.adjusted(x - rect.x(), 0, -8, 0), Qt.AlignmentFlag.AlignVCenter, hit.subtitle
        )
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        height = QFontMetrics(option.font).height() + 12
        return QSize(400, height)


class SearchBox(QLineEdit):
    """The search field with its floating result list.

    Signals:
        opened(str, int): ``(kind, id)`` the user chose: ``"unit"``, ``"person"``,
            ``"ticket"``, ``"receipt"`` or ``"parcel"``.

    Attributes:
        results: the floating ``QListView`` (``hits_model`` behind it).
    """

    opened = Signal(str, int)

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("global_search")
        self.setPlaceholderText(
            self.tr("Search unit 3-2-15, name, phone, pinyin zs, ticket, receipt or tracking no.  (Ctrl+K)")
        )
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(360)
        self.hits_model = HitsModel(self)
        self.results = QListView()
        self.results.setObjectName("search_results")
        self.results.setModel(self.hits_model)
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setFrameShape(QFrame.Shape.Box)
        self.results.setUniformItemSizes(True)
        self.results.setItemDelegate(HitDelegate(self.results))
        self.results.clicked.connect(self._open_index)
        self.results.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_search)
        self._hide_timer = QTimer(self)
        self._hide_timer.setSingleShot(True)
        self._hide_timer.setInterval(200)
        self._hide_timer.timeout.connect(self._hide_if_unfocused)
        self._seq = 0
        self.textEdited.connect(lambda _t: self._timer.start())
        attach_search_banner(self)  # the selected result's attention flags (ui/care)

    # --- searching --------------------------------------------------------------------

    def run_search(self) -> None:
        """Search for the current text now (the debounce timer calls this)."""
        self._timer.stop()
        text = self.text().strip()
        self._seq += 1
        seq = self._seq
        if not text:
            self._show_hits([])
            return
        self.ctx.query(lambda s: search(s, text), parent=self, action="search").success(
            lambda hits: self._deliver(seq, hits)
        ).failure(lambda _exc: self._failed(seq)).run()

    def _failed(self, seq: int) -> bool:
        """No results on show; the common handler explains the failure."""
        self._deliver(seq, [])
        return False

    def _deliver(self, seq: int, hits: list[SearchHit]) -> None:
        if seq == self._seq:  # a later keystroke superseded this search
            self._show_hits(hits)

    def _show_hits(self, hits: list[SearchHit]) -> None:
        self.hits_model.set_hits(hits)
        if not hits:
            self.results.hide()
            return
        self.results.setCurrentIndex(self.hits_model.index(0))
        self._place_results()
        self.results.show()
        self.results.raise_()

    def _place_results(self) -> None:
        window = self.window()
        if self.results.parent() is not window:
            self.results.setParent(window)
        top_left = self.mapTo(window, QPoint(0, self.height()))
        rows = min(self.hits_model.rowCount(), 12)
        row_height = self.results.sizeHintForRow(0) if rows else 20
        width = max(self.width(), 600)
        width = min(width, window.width() - top_left.x() - 8) if window.width() > 300 else width
        self.results.setGeometry(top_left.x(), top_left.y(), width, rows * row_height + 6)

    # --- keyboard ---------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.hits_model.rowCount():
            row = self.results.currentIndex().row()
            row = row + 1 if key == Qt.Key.Key_Down else row - 1
            row = max(0, min(row, self.hits_model.rowCount() - 1))
            self.results.setCurrentIndex(self.hits_model.index(row))
            if not self.results.isVisible():
                self._show_hits(self.hits_model.hits)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._timer.isActive():  # Enter before the debounce fired: search first
                self.run_search()
            index = self.results.currentIndex()
            if index.isValid():
                self._open_index(index)
            return
        if key == Qt.Key.Key_Escape:
            if self.results.isVisible():
                self.results.hide()
            elif self.text() and not isinstance(self.window(), QDialog):
                self.clear()  # the window's search: Esc empties it
            else:
                event.ignore()  # in a form, Esc belongs to the dialog (close or ask first)
            return
        super().keyPressEvent(event)

    def _open_index(self, index: QModelIndex) -> None:
        kind, record_id = index.data(Qt.ItemDataRole.UserRole)
        self.results.hide()
        self.opened.emit(kind, record_id)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        # A click on the list arrives after focus-out; hide a moment later so it still counts.
        self._hide_timer.start()
        super().focusOutEvent(event)

    def _hide_if_unfocused(self) -> None:
        if not self.hasFocus():
            self.results.hide()
