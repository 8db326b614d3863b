"""The desk overview (前台总览), the landing screen: today's patrols and how far they got,
open patrol anomalies, vacant units due for a check, parcels waiting and the current
shift's open items, each in its own list, with the figures on top; the overdue household
visits (走访) figure is a button that opens the visit plan on the overdue ones.

Enter or double-click on a vacant unit or a parcel opens the unit; "Go to …" buttons open
the module where the work is done.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QShowEvent
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
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.care.visit_plan import count_overdue_visits
from propdesk.changes import Changes
from propdesk.desk import parcels, patrols, shiftlog, vacant
from propdesk.desk.models import Parcel, Patrol, ShiftEntry
from propdesk.desk.values import EntryStatus, ParcelStatus, PatrolStatus, ShiftInfo
from ui.care.registration import visits_overdue_text
from ui.common.forms import ERROR_STYLE
from ui.common.naming import named
from ui.common.sql_table_model import SqlTableModel
from ui.common.table_view import RecordTableView
from ui.context import AppContext
from ui.desk.feedback import in_label
from ui.desk.labels import QT_TRANSLATE_NOOP
from ui.desk.models import AnomalyModel, EntryModel, ParcelModel, PatrolListModel, VacantDueModel
from ui.desk.requests import ParcelsRequest
from ui.navigation import Navigate

TILE_STYLE = (
    "QLabel { background: #f4f6f8; border: 1px solid #d0d7de; border-radius: 6px;"
    " padding: 8px 14px; font-size: 14px; }"
)
VISITS_TILE_STYLE = TILE_STYLE.replace("QLabel", "QPushButton")


def _interested(changes: Changes) -> bool:
    return (
        changes.patrols
        or changes.tickets
        or changes.parcels
        or changes.shiftlog
        or changes.vacant_checks
        or changes.units
        or changes.occupancy
        or changes.settings
        or changes.care
    )


@dataclass(frozen=True)
class OverviewFigures:
    """The figures on top of the overview, read in one transaction."""

    today: date
    patrols: int
    finished: int
    checked: int
    points: int
    anomalies: int
    vacant_due: int
    parcels_waiting: int
    parcels_long_held: int
    parcel_cutoff: datetime
    shift: ShiftInfo | None
    open_items: int
    visits_overdue: int = 0


def overview_figures(session: Session) -> OverviewFigures:
    today = clock.today(session)
    day = patrols.patrols_of_day(session, today)
    waiting, long_held = parcels.count_waiting(session, today=today)
    current = shiftlog.current_shift(session)
    open_items = 0
    if current is not None:
        open_items = int(
            session.scalar(
                select(func.count(ShiftEntry.id)).where(
                    ShiftEntry.shift_id == current.id, ShiftEntry.status == EntryStatus.OPEN
                )
            )
            or 0
        )
    return OverviewFigures(
        today=today,
        patrols=len(day),
        finished=sum(p.status == PatrolStatus.FINISHED for p in day),
        checked=sum(p.checked for p in day),
        points=sum(p.total for p in day),
        anomalies=patrols.count_open_anomalies(session),
        vacant_due=vacant.count_due(session, today=today),
        parcels_waiting=waiting,
        parcels_long_held=long_held,
        parcel_cutoff=parcels.long_held_cutoff(session, today),
        shift=current,
        open_items=open_items,
        visits_overdue=count_overdue_visits(session),
    )


class DeskOverviewPage(QWidget):
    """One screen of what the desk must keep an eye on today.

    Hidden, it only notes that it is out of date and reloads when shown again.

    Signals:
        open_record(str, int): a unit to show (the main window opens its page).

    Attributes:
        tiles: ``key → QLabel`` figures; the list views: ``patrols_view``, ``anomalies_view``,
        ``vacant_view``, ``parcels_view``, ``open_items_view`` with their models.
        figures: the figures last shown (``None`` before the first load).
    """

    open_record = Signal(str, int)

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.figures: OverviewFigures | None = None
        self._stale = True
        self.title = named(QLabel(), "overview_title")
        self.title.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.tiles: dict[str, QLabel] = {}
        tiles = QHBoxLayout()
        for key in ("patrols", "anomalies", "vacant", "parcels", "shift"):
            label = named(QLabel(), f"tile_{key}")
            label.setStyleSheet(TILE_STYLE)
            self.tiles[key] = label
            tiles.addWidget(label)
        # overdue visits: a tile that is a button (Enter/click opens the overdue visit plan)
        self.visits_tile = named(QPushButton(), "tile_visits")
        self.visits_tile.setStyleSheet(VISITS_TILE_STYLE)
        self.visits_tile.clicked.connect(self._open_overdue_visits)
        tiles.addWidget(self.visits_tile)
        tiles.addStretch(1)

        self.patrol_model = PatrolListModel(ctx=ctx, conditions=[Patrol.id < 0], parent=self)
        self.anomaly_model = AnomalyModel(ctx=ctx, parent=self)
        self.vacant_model = VacantDueModel(ctx=ctx, parent=self)
        self.parcel_model = ParcelModel(
            ctx=ctx, conditions=[Parcel.status == ParcelStatus.WAITING], parent=self
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

        self.resolution = named(QLineEdit(), "anomaly_resolution")
        self.resolution.setPlaceholderText(self.tr("Dealt with on the spot: how"))
        self.resolve_button = named(QPushButton(self.tr("Mark &resolved")), "anomaly_resolve")
        self.resolve_error = named(QLabel(), "anomaly_error")
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

    def _view(self, model: SqlTableModel, name: str, widths: tuple[int, ...]) -> RecordTableView:
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
        self.ctx.op(
            lambda s: patrols.resolve_finding(s, finding_id, note=note),
            changes=Changes(patrols=True),
            parent=self,
            action="resolve a patrol anomaly",
        ).busy(self.resolve_button).failure(in_label(self.resolve_error)).success(
            self._resolved
        ).run()

    def _resolved(self, _result: object) -> None:
        self._resolve_message("")
        self.resolution.clear()

    def _resolve_message(self, text: str) -> None:
        self.resolve_error.setText(text)
        self.resolve_error.setVisible(bool(text))

    def _go(self, module: str) -> None:
        request = ParcelsRequest() if module == "parcels" else None
        self.ctx.hub.open(Navigate(module, request))

    def _open_overdue_visits(self) -> None:
        from ui.care.visits import VisitsRequest

        self.ctx.hub.open(Navigate("visits", VisitsRequest(show="overdue")))

    def _parcel_opened(self, parcel_id: int) -> None:
        self.ctx.query(
            lambda s: s.scalar(select(Parcel.unit_id).where(Parcel.id == parcel_id)), parent=self
        ).success(self._open_unit).run()

    def _open_unit(self, unit_id: int | None) -> None:
        if unit_id is not None:
            self.open_record.emit("unit", unit_id)

    def refresh(self) -> None:
        """Reload every list and figure (today's date is taken again)."""
        self._stale = False
        self.ctx.query(overview_figures, parent=self, action="desk overview").success(
            self._show
        ).run()

    def _show(self, f: OverviewFigures) -> None:
        self.figures = f
        self.title.setText(self.tr("Front desk · %1").replace("%1", f.today.isoformat()))
        self.patrol_model.set_base(select(Patrol.id).where(Patrol.local_day == f.today))
        self.anomaly_model.refresh()
        self.vacant_model.show_day(f.today)
        self.parcel_model.show(today=f.today, cutoff=f.parcel_cutoff)
        current = f.shift
        self.entry_model.set_conditions(
            [ShiftEntry.shift_id == current.id, ShiftEntry.status == EntryStatus.OPEN]
            if current is not None
            else [ShiftEntry.id < 0]
        )
        self.tiles["patrols"].setText(
            self.tr("Patrols today: %1 finished of %2 · %3/%4 points")
            .replace("%1", str(f.finished))
            .replace("%2", str(f.patrols))
            .replace("%3", str(f.checked))
            .replace("%4", str(f.points))
        )
        self.tiles["anomalies"].setText(
            self.tr("Open anomalies: %1").replace("%1", str(f.anomalies))
        )
        self.tiles["vacant"].setText(
            self.tr("Vacant units due: %1").replace("%1", str(f.vacant_due))
        )
        self.tiles["parcels"].setText(
            self.tr("Parcels waiting: %1 (%2 too long)")
            .replace("%1", str(f.parcels_waiting))
            .replace("%2", str(f.parcels_long_held))
        )
        if current is None:
            self.tiles["shift"].setText(self.tr("Nobody on duty"))
        else:
            self.tiles["shift"].setText(
                self.tr("On duty: %1 · %2 open item(s)")
                .replace("%1", current.started_by)
                .replace("%2", str(f.open_items))
            )
        self.visits_tile.setText(visits_overdue_text(f.visits_overdue))
        self.visits_tile.setStyleSheet(
            VISITS_TILE_STYLE + ("QPushButton { color: #b00020; }" if f.visits_overdue else "")
        )
        alerts = {
            "anomalies": f.anomalies > 0,
            "vacant": f.vacant_due > 0,
            "parcels": f.parcels_long_held > 0,
        }
        for key, alert in alerts.items():
            self.tiles[key].setStyleSheet(
                TILE_STYLE + ("QLabel { color: #b00020; }" if alert else "")
            )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _on_changed(self, changes: Changes) -> None:
        if not _interested(changes):
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True


def _module_title(module: str) -> str:
    """The navigation title of a desk module (the same translation as the navigation)."""
    titles = {
        "patrols": QT_TRANSLATE_NOOP("NavModule", "Patrols"),
        "shiftlog": QT_TRANSLATE_NOOP("NavModule", "Shift log"),
        "parcels": QT_TRANSLATE_NOOP("NavModule", "Parcels & visitors"),
    }
    return QCoreApplication.translate("NavModule", titles.get(module, module))
