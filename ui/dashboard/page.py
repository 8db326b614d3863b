"""The management dashboard (经营看板): the monthly report's figures for the current month.

Figures are computed by :func:`propdesk.reporting.monthly.monthly_report` on
``ctx.executor`` (off the UI thread) and shown as clickable tiles and QtCharts; a
click opens the module (and tab) holding the list behind the figure, filtered to the
figure's records through the page's public filter methods (ticket board: the month and
kind; arrears: as of today, no threshold; collection: the month by building, a bar's
building selected; parcels: waiting; keys: overdue loans). Changes broadcast
on ``ctx.hub`` refresh the page (at once when visible, else when next shown). The month
report of any month can be previewed/printed as PDF or exported to Excel from here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from propdesk.clock import local_today
from propdesk.errors import DomainError
from propdesk.fees.periods import add_months, first_day, last_day, period_of
from propdesk.reporting.monthly import monthly_report
from propdesk.reporting.values import MonthlyReport
from ui.common.naming import named
from ui.context import AppContext
from ui.dashboard.charts import BarChartView, PieChartView
from ui.events import Changes
from ui.printing.preview import preview_in_background

TOPICS = (
    "tickets",
    "fees",
    "payments",
    "patrols",
    "parcels",
    "renovation",
    "keys",
    "occupancy",
    "settings",
)


MAX_BUILDINGS = 12  # bars of the fee chart


@dataclass(frozen=True)
class Target:
    """Where a figure's list lives: a navigation module and, optionally, its tab."""

    module: str
    tab: int | None = None
    month_tickets: bool = False  # filter the ticket board to the month's intake
    kind: str | None = None  # … and to one kind of ticket
    list_filter: str | None = None  # how to filter the list: a key of ``DashboardPage._FILTERS``
    building: str | None = None  # the collection row to select (a fee-chart bar)


TICKETS = Target("tickets", 0, month_tickets=True)
# SLA hit rate and response time are computed over the month's (non-cancelled) intake:
# the board cannot filter on "done at some point", so it shows that intake.
DUE = Target("tickets", 0, month_tickets=True)
CALLBACKS = Target("tickets", 2)
COMPLAINTS = Target("tickets", 0, month_tickets=True, kind="complaint")
RENOVATION = Target("renovation", 1)
PATROLS = Target("overview")
PARCELS = Target("parcels", list_filter="parcels_waiting")
KEYS = Target("keys", list_filter="keys_overdue")
ARREARS = Target("fees", 1, list_filter="arrears")
COLLECTION = Target("fees", 2, list_filter="collection")


def _pct(rate: float | None) -> str:
    return "—" if rate is None else f"{rate * 100:.1f}%"


def _yuan(fen: int) -> str:
    sign = "-" if fen < 0 else ""
    y, c = divmod(abs(fen), 100)
    return f"{sign}¥{y:,}.{c:02d}"


@dataclass(frozen=True)
class Tile:
    key: str
    label: str
    value: Callable[[MonthlyReport], str]
    target: Target


def tiles() -> list[Tile]:
    """The figures on the dashboard, in order."""
    return [
        Tile(
            "tickets",
            QCoreApplication.translate("DashboardPage", "Tickets this month"),
            lambda r: str(r.tickets.total),
            TICKETS,
        ),
        Tile(
            "sla",
            QCoreApplication.translate("DashboardPage", "SLA hit rate"),
            lambda r: _pct(r.tickets.sla_hit_rate),
            DUE,
        ),
        Tile(
            "response",
            QCoreApplication.translate("DashboardPage", "Avg. response (min)"),
            lambda r: (
                "—"
                if r.tickets.avg_response_minutes is None
                else f"{r.tickets.avg_response_minutes:.0f}"
            ),
            DUE,
        ),
        Tile(
            "satisfaction",
            QCoreApplication.translate("DashboardPage", "Callback satisfaction"),
            lambda r: "—" if r.callbacks.avg_overall is None else f"{r.callbacks.avg_overall:.2f}",
            CALLBACKS,
        ),
        Tile(
            "complaints",
            QCoreApplication.translate("DashboardPage", "Complaints"),
            lambda r: str(r.complaints.total),
            COMPLAINTS,
        ),
        Tile(
            "violations",
            QCoreApplication.translate("DashboardPage", "Open renovation violations"),
            lambda r: str(r.renovation.violations_open_at_end),
            RENOVATION,
        ),
        Tile(
            "patrols",
            QCoreApplication.translate("DashboardPage", "Patrol completion"),
            lambda r: _pct(r.patrols.completion_rate),
            PATROLS,
        ),
        Tile(
            "anomalies",
            QCoreApplication.translate("DashboardPage", "Patrol anomalies"),
            lambda r: str(r.patrols.anomalies),
            PATROLS,
        ),
        Tile(
            "parcels",
            QCoreApplication.translate("DashboardPage", "Parcels waiting"),
            lambda r: str(r.desk.parcels_waiting_at_end),
            PARCELS,
        ),
        Tile(
            "keys",
            QCoreApplication.translate("DashboardPage", "Keys lent late"),
            lambda r: str(r.desk.key_loans_late),
            KEYS,
        ),
        Tile(
            "collection",
            QCoreApplication.translate("DashboardPage", "Collection rate"),
            lambda r: _pct(r.fees.total.rate),
            COLLECTION,
        ),
        Tile(
            "arrears",
            QCoreApplication.translate("DashboardPage", "Arrears"),
            lambda r: _yuan(r.fees.arrears_fen),
            ARREARS,
        ),
    ]


class DashboardPage(QWidget):
    """This month's management figures, live.

    Attributes:
        report: the figures on show (``None`` until the first computation is back).
        tile_buttons: ``key → QPushButton`` of each figure.
        kind_chart / fee_chart / ageing_chart / score_chart: the charts.
        choose_xlsx_path: ``(parent, suggested) -> path or ""`` (a file dialog; tests replace it).

    Signals:
        navigate(str, object): a figure was clicked: module key and tab (or ``None``).
        loaded(): new figures are on show.
    """

    navigate = Signal(str, object)
    loaded = Signal()

    def __init__(
        self, *, ctx: AppContext, today: date | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._fixed_today = today
        self.report: MonthlyReport | None = None
        self._stale = True
        self._busy = False
        self.choose_xlsx_path: Callable[[QWidget, str], str] = _ask_xlsx_path

        self.title = named(QLabel(), "dashboard_title")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.status = named(QLabel(), "dashboard_status")
        self.refresh_button = named(QPushButton(self.tr("&Refresh")), "dashboard_refresh")
        self.refresh_button.clicked.connect(self.refresh)
        self.month_box = named(QComboBox(), "report_month")
        self.month_box.setToolTip(self.tr("Month of the monthly management report"))
        self.print_button = named(QPushButton(self.tr("Monthly &report (PDF)…")), "report_pdf")
        self.print_button.clicked.connect(self.print_report)
        self.excel_button = named(QPushButton(self.tr("E&xport to Excel…")), "report_xlsx")
        self.excel_button.clicked.connect(self.export_report)
        month_label = QLabel(self.tr("Report &month:"))
        month_label.setBuddy(self.month_box)

        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addWidget(self.status)
        head.addStretch(1)
        head.addWidget(self.refresh_button)
        head.addSpacing(16)
        head.addWidget(month_label)
        head.addWidget(self.month_box)
        head.addWidget(self.print_button)
        head.addWidget(self.excel_button)

        grid = QGridLayout()
        grid.setSpacing(8)
        self.tile_buttons: dict[str, QPushButton] = {}
        self._tiles = tiles()
        for i, tile in enumerate(self._tiles):
            button = named(QPushButton(), f"tile_{tile.key}")
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setMinimumHeight(64)
            button.setStyleSheet(
                "QPushButton { text-align: left; padding: 6px 12px; border: 1px solid #c8d2de;"
                " border-radius: 4px; background: #f5f8fb; font-size: 11pt; }"
                "QPushButton:hover, QPushButton:focus { background: #e3ecf6; }"
            )
            button.setToolTip(self.tr("Open the list behind this figure"))
            button.clicked.connect(lambda _=False, t=tile.target: self.go(t))
            self.tile_buttons[tile.key] = button
            grid.addWidget(button, i // 6, i % 6)

        self.kind_chart = PieChartView(
            title=self.tr("Tickets by kind"), on_click=self._kind_clicked
        )
        self.score_chart = BarChartView(
            title=self.tr("Callback ratings (1–5)"), on_click=lambda _i: self.go(CALLBACKS)
        )
        self.fee_chart = BarChartView(
            title=self.tr("Billed vs collected by building (yuan)"),
            on_click=self._building_clicked,
        )
        self.ageing_chart = BarChartView(
            title=self.tr("Arrears ageing (yuan)"), on_click=lambda _i: self.go(ARREARS)
        )
        charts = QGridLayout()
        charts.addWidget(self.kind_chart, 0, 0)
        charts.addWidget(self.score_chart, 0, 1)
        charts.addWidget(self.fee_chart, 1, 0)
        charts.addWidget(self.ageing_chart, 1, 1)

        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addLayout(grid)
        layout.addLayout(charts, 1)

        self._timer = QTimer(self, singleShot=True, interval=400)
        self._timer.timeout.connect(self.refresh)
        ctx.hub.changed.connect(self._on_changed)
        self._fill_months()

    # --- data -------------------------------------------------------------------------

    def today(self) -> date:
        return self._fixed_today or local_today()

    def period(self) -> str:
        return period_of(self.today())

    def _fill_months(self) -> None:
        current = self.period()
        self.month_box.clear()
        for i in range(25):
            p = add_months(current, -i)
            self.month_box.addItem(p, p)
        self.month_box.setCurrentIndex(1 if self.month_box.count() > 1 else 0)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _on_changed(self, changes: Changes) -> None:
        if not changes.any(*TOPICS):
            return
        self._stale = True
        if self.isVisible():
            self._timer.start()

    def refresh(self) -> None:
        """Recompute this month's figures off the UI thread."""
        if self._busy:
            self._timer.start()
            return
        self._busy = True
        self._stale = False
        period, today = self.period(), self.today()
        self.title.setText(self.tr("Management dashboard · %1").replace("%1", period))
        self.status.setText(self.tr("Updating…"))
        self.ctx.executor.submit(
            lambda: self.ctx.read(lambda s: monthly_report(s, period, today=today)),
            success=self._show,
            failure=self._failed,
        )

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        text = str(exc) if isinstance(exc, DomainError) else repr(exc)
        self.status.setText(self.tr("Could not compute the figures: %1").replace("%1", text))

    def _show(self, report: MonthlyReport) -> None:
        self._busy = False
        self.report = report
        self.status.setText("")
        for tile in self._tiles:
            self.tile_buttons[tile.key].setText(f"{tile.value(report)}\n{tile.label}")
        kinds = report.tickets.by_kind
        self.kind_chart.set_data([k.label for k in kinds], [k.count for k in kinds])
        self.score_chart.set_data(
            [str(i) for i in range(1, 6)],
            [(self.tr("Callbacks"), list(report.callbacks.by_score))],
        )
        buildings = report.fees.by_building
        if len(buildings) > MAX_BUILDINGS:  # the ones needing attention: lowest rate first
            buildings = tuple(
                sorted(buildings, key=lambda b: b.rate if b.rate is not None else 2.0)[
                    :MAX_BUILDINGS
                ]
            )
            self.fee_chart.chart().setTitle(
                self.tr(
                    "Billed vs collected: the %1 buildings with the lowest rate (yuan)"
                ).replace("%1", str(MAX_BUILDINGS))
            )
        else:
            self.fee_chart.chart().setTitle(self.tr("Billed vs collected by building (yuan)"))
        self.fee_chart.set_data(
            [b.building for b in buildings],
            [
                (self.tr("Billed"), [b.billed_fen // 100 for b in buildings]),
                (self.tr("Collected"), [b.collected_fen // 100 for b in buildings]),
            ],
        )
        self.ageing_chart.set_data(
            ["≤30", "31–90", "91–180", ">180"],
            [(self.tr("Arrears"), [f // 100 for f in report.fees.ageing_fen])],
        )
        self.loaded.emit()

    # --- navigation -------------------------------------------------------------------

    def _kind_clicked(self, index: int) -> None:
        kinds = self.report.tickets.by_kind if self.report else ()
        kind = kinds[index].key if 0 <= index < len(kinds) else None
        self.go(Target("tickets", 0, month_tickets=True, kind=kind))

    def _building_clicked(self, index: int) -> None:
        names = self.fee_chart.categories()
        name = names[index] if 0 <= index < len(names) else None
        self.go(Target("fees", 2, list_filter="collection", building=name))

    def go(self, target: Target) -> None:
        """Open the module (and tab) holding the list behind a figure."""
        self.navigate.emit(target.module, target.tab)
        show = getattr(self.window(), "show_module", None)
        if not callable(show):
            return
        page = show(target.module)
        if page is None:
            return
        if target.tab is None:
            self._filter_list(page, page, target)
            return
        show_tab = getattr(page, "show_tab", None)
        if callable(show_tab):
            tab = show_tab(target.tab)
        else:
            tabs = getattr(page, "tabs", None)
            if tabs is None or not hasattr(tabs, "setCurrentIndex"):
                return
            tabs.setCurrentIndex(target.tab)
            tab = tabs.currentWidget()
        if target.month_tickets:
            self._filter_board(getattr(page, "board", tab), target.kind)
        self._filter_list(page, tab, target)

    def _filter_list(self, page: object, tab: object, target: Target) -> None:
        """Set the target list's own filters to the records behind the figure (through the
        page's public filter methods; a page without them is left as it opens)."""
        f = target.list_filter
        if f == "arrears":  # the figure: arrears_list(as_of=today), no threshold
            show = getattr(tab, "show_filtered", None)
            if callable(show):
                show(min_days=0, as_of=self.today())
        elif f == "collection":
            show = getattr(tab, "show_period", None)
            if callable(show):
                show(self.period(), building=target.building)
        elif f == "parcels_waiting":
            show = getattr(page, "show_parcels", None)
            if callable(show):
                show("waiting")
        elif f == "keys_overdue":
            show = getattr(tab, "show_only", None)
            if callable(show):
                show("overdue")

    def _filter_board(self, board: object, kind: str | None) -> None:
        """Set the ticket board's filters to this month's intake (and a kind), if it has them."""
        needed = ("use_dates", "date_from", "date_to", "kind", "status", "overdue", "text")
        if not all(hasattr(board, name) for name in needed):
            return
        period = self.period()
        first = first_day(period)
        last = last_day(period)
        b: Any = board
        b.text.clear()
        b.overdue.setChecked(False)
        b.status.setCurrentIndex(0)
        b.kind.setCurrentIndex(max(0, b.kind.findData(kind)))
        b.date_from.setDate(QDate(first.year, first.month, first.day))
        b.date_to.setDate(QDate(last.year, last.month, last.day))
        b.use_dates.setChecked(True)

    # --- the monthly report -----------------------------------------------------------

    def chosen_month(self) -> str:
        return str(self.month_box.currentData())

    def print_report(self) -> None:
        """Preview (and print or save) the chosen month's report as PDF."""
        from reports.pdf.monthly_report import monthly_report_pdf

        month = self.chosen_month()

        def make() -> bytes:
            report = self.ctx.read(lambda s: monthly_report(s, month, today=self.today()))
            return monthly_report_pdf(report)

        preview_in_background(
            self.ctx,
            make,
            title=self.tr("Monthly report %1").replace("%1", month),
            suggested_name=f"管理月报-{month}.pdf",
            parent=self,
        )

    def export_report(self) -> None:
        """Write the chosen month's report to an .xlsx file the user picks."""
        from reports.excel.monthly_report import monthly_report_xlsx

        month = self.chosen_month()
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        path = self.choose_xlsx_path(self, str(Path(folder) / f"管理月报-{month}.xlsx"))
        if not path:
            return

        def make() -> str:
            report = self.ctx.read(lambda s: monthly_report(s, month, today=self.today()))
            monthly_report_xlsx(report, path)
            return path

        def failed(exc: BaseException) -> None:
            text = str(exc) if isinstance(exc, DomainError | OSError) else repr(exc)
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("Export to Excel"),
                text,
                QMessageBox.StandardButton.Ok,
                self,
            )
            box.setObjectName("export_error")
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()

        self.status.setText(self.tr("Exporting…"))
        self.ctx.executor.submit(
            make,
            success=lambda p: self.status.setText(self.tr("Saved %1").replace("%1", str(p))),
            failure=failed,
        )


def _ask_xlsx_path(parent: QWidget, suggested: str) -> str:
    path, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("DashboardPage", "Export to Excel"),
        suggested,
        QCoreApplication.translate("DashboardPage", "Excel files (*.xlsx)"),
    )
    return path
