"""The desk overview (前台总览), the landing screen: today's patrols and how far they got,
open patrol anomalies, vacant units due for a check, parcels waiting and the current
shift's open items, each in its own list, with the figures on top.

Enter or double-click on a vacant unit or a parcel opens the unit; "Go to …" buttons open
the module where the work is done.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from propdesk.clock import local_today
from propdesk.desk import parcels, patrols, shiftlog, vacant
from propdesk.desk.models import Parcel, Patrol, ShiftEntry
from propdesk.errors import DomainError
from ui.common.forms import ERROR_STYLE
from ui.common.table_view import RecordTableView
from ui.context import AppContext
from ui.desk.models import AnomalyModel, EntryModel, ParcelModel, PatrolListModel, VacantDueModel
from ui.events import Changes

TOPICS = ("patrols", "tickets", "parcels", "shiftlog", "vacant_checks", "units", "settings")
TILE_STYLE = (
    "QLabel { background: #f4f6f8; border: 1px solid #d0d7de; border-radius: 6px;"
    " padding: 8px 14px; font-size: 14px; }"
)


class DeskOverviewPage(QWidget):
    """One screen of what the desk must keep an eye on today.

    Signals:
        open_record(str, int): a unit to show (the main window opens its page).

    Attributes:
        tiles: ``key → QLabel`` figures; the list views: ``patrols_view``, ``anomalies_view``,
        ``vacant_view``, ``parcels_view``, ``open_items_view`` with their models.
    """

    open_record = Signal(str, int)

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = local_today()
        self.title = QLabel(objectName="overview_title")
        self.title.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.tiles: dict[str, QLabel] = {}
        tiles = QHBoxLayout()
        for key in ("patrols", "anomalies", "vacant", "parcels", "shift"):
            label = QLabel(objectName=f"tile_{key}")
            label.setStyleSheet(TILE_STYLE)
            self.tiles[key] = label
            tiles.addWidget(label)
        tiles.addStretch(1)

        self.patrol_model = PatrolListModel(
            ctx=ctx, conditions=[Patrol.local_day == self.today], parent=self
        )
        self.anomaly_model = AnomalyModel(ctx=ctx, parent=self)
        self.vacant_model = VacantDueModel(ctx=ctx, parent=self)
        self.parcel_model = ParcelModel(
            ctx=ctx, conditions=[Parcel.status == "waiting"], parent=self
        )
        self.entry_model = EntryModel(ctx=ctx, parent=self)
        self.patrols_view = self._view(self.patrol_model, "overview_patrols", (110, 120, 80, 60))
        self.anomalies_view = self._view(
            self.anomaly_model, "overview_anomalies", (90, 110, 120, 200)
        )
        self.vacant_view = self._view(self.vacant_model, "overview_vacant", (80, 90, 90, 80))
        self.parcels_view = self._view(self.parcel_model, "overview_parcels", (90, 50, 120, 70, 60))
        self.open_items_view = self._view(self.entry_model, "overview_open_items", (90, 70, 300))
        for col in (4, 5, 6, 7):
            self.patrols_view.setColumnWidth(col, 44)
        for col in (8, 10, 11):
            self.parcels_view.hideColumn(col)
        self.vacant_view.opened.connect(lambda uid: self.open_record.emit("unit", uid))
        self.parcels_view.opened.connect(self._parcel_opened)

        self.resolution = QLineEdit(objectName="anomaly_resolution")
        self.resolution.setPlaceholderText(self.tr("Dealt with on the spot: how"))
        self.resolve_button = QPushButton(self.tr("Mark &resolved"), objectName="anomaly_resolve")
        self.resolve_error = QLabel(objectName="anomaly_error")
        self.resolve_error.setStyleSheet(ERROR_STYLE)
        self.resolve_error.setVisible(False)
        self.resolution.returnPressed.connect(self.resolve_anomaly)
        self.resolve_button.clicked.connect(self.resolve_anomaly)

        grid = QGridLayout()
        grid.addWidget(self._box(self.tr("Today's patrols"), self.patrols_view, "patrols"), 0, 0)
        anomalies_box = self._box(self.tr("Open patrol anomalies"), self.anomalies_view, "patrols")
        box_layout = anomalies_box.layout()
        resolve_row = QHBoxLayout()
        resolve_row.addWidget(self.resolution, 1)
        resolve_row.addWidget(self.resolve_button)
        if isinstance(box_layout, QVBoxLayout):
            box_layout.insertLayout(1, resolve_row)
            box_layout.insertWidget(2, self.resolve_error)
        grid.addWidget(anomalies_box, 0, 1)
        grid.addWidget(
            self._box(self.tr("Current shift: open items"), self.open_items_view, "shiftlog"), 0, 2
        )
        grid.addWidget(
            self._box(self.tr("Vacant units due for a check"), self.vacant_view, ""), 1, 0
        )
        grid.addWidget(
            self._box(
                self.tr("Parcels waiting (red: held too long)"), self.parcels_view, "parcels"
            ),
            1,
            1,
            1,
            2,
        )
        for col in range(3):
            grid.setColumnStretch(col, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(tiles)
        layout.addLayout(grid, 1)
        ctx.hub.changed.connect(self._on_changed)
        self.refresh()

    def _view(self, model: Any, name: str, widths: tuple[int, ...]) -> RecordTableView:
        view = RecordTableView(self)
        view.setObjectName(name)
        view.setModel(model)
        for col, width in enumerate(widths):
            view.setColumnWidth(col, width)
        return view

    def _box(self, title: str, view: RecordTableView, module: str) -> QGroupBox:
        box = QGroupBox(title)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(view)
        if module:
            title = _module_title(module).replace("&", "&&")
            go = QPushButton(self.tr("Go to %1…").replace("%1", title))
            go.setObjectName(f"go_{module}")
            go.clicked.connect(lambda: self._go(module))
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(go)
            layout.addLayout(row)
        return box

    def resolve_anomaly(self) -> None:
        """Close the chosen anomaly without a ticket (fixed on the spot), with how."""
        finding_id = self.anomalies_view.current_id()
        if finding_id is None:
            self._resolve_message(self.tr("Choose an anomaly first."))
            return
        note = self.resolution.text()
        try:
            self.ctx.write(lambda s: patrols.resolve_finding(s, finding_id, note=note), "patrols")
        except DomainError as exc:
            self._resolve_message(str(exc))
            return
        self._resolve_message("")
        self.resolution.clear()

    def _resolve_message(self, text: str) -> None:
        self.resolve_error.setText(text)
        self.resolve_error.setVisible(bool(text))

    def _go(self, module: str) -> None:
        show = getattr(self.window(), "show_module", None)
        if callable(show):
            show(module)

    def _parcel_opened(self, parcel_id: int) -> None:
        unit_id = self.ctx.read(
            lambda s: s.scalar(select(Parcel.unit_id).where(Parcel.id == parcel_id))
        )
        if unit_id is not None:
            self.open_record.emit("unit", unit_id)

    def refresh(self) -> None:
        """Reload every list and figure (today's date is taken again)."""
        self.today = local_today()
        self.title.setText(self.tr("Front desk · %1").replace("%1", self.today.isoformat()))
        self.patrol_model.set_base(select(Patrol.id).where(Patrol.local_day == self.today))
        self.anomaly_model.refresh()
        self.vacant_model.reload()
        self.parcel_model.reload()
        current = self.ctx.read(shiftlog.current_shift)
        self.entry_model.set_conditions(
            [ShiftEntry.shift_id == current.id, ShiftEntry.status == "open"]
            if current is not None
            else [ShiftEntry.id < 0]
        )

        def figures(s: Any) -> tuple[Any, ...]:
            return (
                patrols.patrols_of_day(s, self.today),
                patrols.count_open_anomalies(s),
                vacant.count_due(s, today=self.today),
                parcels.count_waiting(s, today=self.today),
            )

        day, anomalies, due, (waiting, long_held) = self.ctx.read(figures)
        finished = sum(p.status == "finished" for p in day)
        checked = sum(p.checked for p in day)
        points = sum(p.total for p in day)
        self.tiles["patrols"].setText(
            self.tr("Patrols today: %1 finished of %2 · %3/%4 points")
            .replace("%1", str(finished))
            .replace("%2", str(len(day)))
            .replace("%3", str(checked))
            .replace("%4", str(points))
        )
        self.tiles["anomalies"].setText(self.tr("Open anomalies: %1").replace("%1", str(anomalies)))
        self.tiles["vacant"].setText(self.tr("Vacant units due: %1").replace("%1", str(due)))
        self.tiles["parcels"].setText(
            self.tr("Parcels waiting: %1 (%2 too long)")
            .replace("%1", str(waiting))
            .replace("%2", str(long_held))
        )
        if current is None:
            self.tiles["shift"].setText(self.tr("Nobody on duty"))
        else:
            self.tiles["shift"].setText(
                self.tr("On duty: %1 · %2 open item(s)")
                .replace("%1", current.started_by)
                .replace("%2", str(self.entry_model.total_count()))
            )
        for key in ("anomalies", "vacant"):
            alert = (anomalies if key == "anomalies" else due) > 0
            self.tiles[key].setStyleSheet(
                TILE_STYLE + ("QLabel { color: #b00020; }" if alert else "")
            )
        self.tiles["parcels"].setStyleSheet(
            TILE_STYLE + ("QLabel { color: #b00020; }" if long_held else "")
        )

    def _on_changed(self, changes: Changes) -> None:
        if changes.any(*TOPICS):
            self.refresh()


def _module_title(module: str) -> str:
    """The navigation title of a desk module (the same translation as the navigation)."""
    titles: dict[str, str] = {
        "patrols": QT_TRANSLATE_NOOP("NavModule", "Patrols"),
        "shiftlog": QT_TRANSLATE_NOOP("NavModule", "Shift log"),
        "parcels": QT_TRANSLATE_NOOP("NavModule", "Parcels & visitors"),
    }
    return QCoreApplication.translate("NavModule", titles.get(module, module))
