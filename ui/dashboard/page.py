"""The management dashboard (经营看板): the monthly report's figures for a month or the last
30 days.

The picker chooses what the figures cover: this month, an earlier month, or a rolling 30 days
(on the 2nd of a month a calendar month has hardly anything yet). Figures are computed by
:func:`propdesk.reporting.monthly.monthly_report` or
:func:`~propdesk.reporting.monthly.rolling_report` through ``ctx.query`` (on the database
worker) and shown as clickable tiles and QtCharts; one click asks for the list behind the
figure with a typed request, ``ctx.hub.open(Navigate(page, request))``, which the target page
applies itself (ticket board: the window's dates and kind; arrears: as of today, no
threshold; collection: the month by building, a bar's building selected; parcels: waiting;
keys: overdue loans). The dashboard never touches another page's widgets. Changes broadcast
on ``ctx.hub`` refresh the page (at once when visible, else when next shown). The report of
what is shown can be previewed/printed as PDF or exported to Excel from here, and a month's
written summary, problems and plan edited (:class:`ui.dashboard.notes.NotesDialog`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.errors import DomainError
from propdesk.fees.periods import add_months, first_day, last_day, period_of
from propdesk.reporting.monthly import monthly_report, rolling_report
from propdesk.reporting.values import MonthlyReport
from ui.common.naming import named
from ui.context import AppContext
from ui.dashboard.charts import BarChartView, PieChartView
from ui.desk.requests import ParcelsRequest
from ui.events import Changes
from ui.fees.requests import ArrearsRequest, CollectionRequest
from ui.keys.requests import KeysRequest
from ui.navigation import Navigate
from ui.printing.preview import preview_pdf
from ui.renovation.requests import GlanceRequest
from ui.tickets.requests import CallbackQueueRequest, TicketBoardRequest

MAX_BUILDINGS = 12  # bars of the fee chart
ROLLING = "rolling"  # the picker's entry for the last ROLLING_DAYS days
ROLLING_DAYS = 30


Destination = Callable[["DashboardPage"], Navigate]
"""Where a figure's list lives, when the request depends on the month shown."""
Target = Navigate | Destination
"""Where a figure's list lives: a navigation request, or one built when clicked."""


def _month_board(kind: str | None = None) -> Destination:
    """The tickets registered in the window shown (a month or the last 30 days)."""

    def board(page: DashboardPage) -> Navigate:
        start, end = page.span()
        return Navigate("tickets", TicketBoardRequest(date_from=start, date_to=end, kind=kind))

    return board


TICKETS = _month_board()
# SLA hit rate and response time are computed over the month's (non-cancelled) intake:
# the board cannot filter on "done at some point", so it shows that intake.
DUE = _month_board()
COMPLAINTS = _month_board("complaint")
CALLBACKS = Navigate("tickets", CallbackQueueRequest())
RENOVATION = Navigate("renovation", GlanceRequest())
PATROLS = Navigate("overview")
PARCELS = Navigate("parcels", ParcelsRequest(show="waiting"))
KEYS = Navigate("keys", KeysRequest(show="overdue"))
CALLS = Navigate("calls")


def _arrears(page: DashboardPage) -> Navigate:
    """The figure: every unit in arrears on the day the figure is taken (the chosen month's
    last day, or today for the running month), no threshold."""
    report = page.report
    as_of = report.fees.arrears_as_of if report is not None else page.today()
    return Navigate("fees", ArrearsRequest(as_of=as_of, min_days=0))


def _collection(page: DashboardPage) -> Navigate:
    return Navigate("fees", CollectionRequest(page.period()))


ARREARS: Destination = _arrears
COLLECTION: Destination = _collection


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
            QCoreApplication.translate("DashboardPage", "Tickets registered"),
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
            "calls",
            QCoreApplication.translate("DashboardPage", "Calls received"),
            lambda r: "—" if r.calls is None else f"{r.calls.inbound:,}",
            CALLS,
        ),
        Tile(
            "first_call",
            QCoreApplication.translate("DashboardPage", "First-call resolution"),
            lambda r: (
                "—" if r.calls is None or not r.calls.first_call_base else _pct(r.calls.fcr_rate)
            ),
            CALLS,
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
        choose_xlsx_path: ``(parent, suggested) -> path or ""`` (a save dialog opening in the
            last export's folder; tests replace it).
        month_box: what the figures (and the report buttons) cover: ``ROLLING`` or a month.

    Signals:
        loaded(): new figures are on show.
    """

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
        self._again = False
        self.choose_xlsx_path: Callable[[QWidget, str], str] = _ask_xlsx_path
        self.open_notes: Callable[[str], None] = self._open_notes

        self.title = named(QLabel(), "dashboard_title")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.status = named(QLabel(), "dashboard_status")
        self.refresh_button = named(QPushButton(self.tr("&Refresh")), "dashboard_refresh")
        self.refresh_button.clicked.connect(self.refresh)
        self.month_box = named(QComboBox(), "report_month")
        self.month_box.setToolTip(
            self.tr("What the figures and the report cover: a month or the last 30 days")
        )
        self.print_button = named(QPushButton(self.tr("M&onthly report (PDF)…")), "report_pdf")
        self.print_button.clicked.connect(self.print_report)
        self.excel_button = named(QPushButton(self.tr("E&xport to Excel…")), "report_xlsx")
        self.excel_button.clicked.connect(self.export_report)
        self.notes_button = named(QPushButton(self.tr("Summar&y && plan…")), "report_notes")
        self.notes_button.setToolTip(
            self.tr("The month's written summary, problems and next month's plan")
        )
        self.notes_button.clicked.connect(lambda: self.open_notes(self.chosen_month()))
        month_label = QLabel(self.tr("Sho&w:"))
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
        head.addWidget(self.notes_button)

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
        self.month_box.currentIndexChanged.connect(self._window_changed)

    # --- data -------------------------------------------------------------------------

    def today(self) -> date:
        return self._fixed_today or clock.today()

    def rolling(self) -> bool:
        """Whether the figures cover the last :data:`ROLLING_DAYS` days (not a month)."""
        return bool(self.month_box.currentData() == ROLLING)

    def period(self) -> str:
        """The month shown; the running month for the rolling window (its fee period)."""
        return period_of(self.today()) if self.rolling() else self.chosen_month()

    def span(self) -> tuple[date, date]:
        """The first and last day the figures cover."""
        if self.rolling():
            end = self.today()
            return end - timedelta(days=ROLLING_DAYS - 1), end
        month = self.chosen_month()
        return first_day(month), last_day(month)

    def _fill_months(self) -> None:
        current = period_of(self.today())
        self.month_box.clear()
        self.month_box.addItem(self.tr("Last %1 days").replace("%1", str(ROLLING_DAYS)), ROLLING)
        for i in range(25):
            p = add_months(current, -i)
            self.month_box.addItem(p, p)
        self.month_box.setCurrentIndex(1)  # this month

    def _window_changed(self) -> None:
        self.notes_button.setEnabled(not self.rolling())
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _on_changed(self, changes: Changes) -> None:
        if not _concerns_figures(changes):
            return
        self._stale = True
        if self.isVisible():
            self._timer.start()

    def refresh(self) -> None:
        """Recompute this month's figures (on the database worker)."""
        if self._busy:
            self._again = True
            return
        self._busy = True
        self._stale = False
        period, today, rolling = self.period(), self.today(), self.rolling()
        if rolling:
            start, end = self.span()
            shown = self.tr("last %1 days (%2 – %3)").replace("%1", str(ROLLING_DAYS))
            shown = shown.replace("%2", start.strftime("%m-%d")).replace(
                "%3", end.strftime("%m-%d")
            )
        else:
            shown = period
        self.title.setText(self.tr("Management dashboard · %1").replace("%1", shown))
        self.status.setText(self.tr("Updating…"))

        def figures(s: Session) -> MonthlyReport:
            if rolling:
                return rolling_report(s, days=ROLLING_DAYS, today=today)
            return monthly_report(s, period, today=today)

        self.ctx.query(figures, parent=self, action="dashboard figures").success(
            self._show
        ).failure(self._failed).finally_(self._done).run()

    def _done(self) -> None:
        self._busy = False
        if self._again:  # a change arrived while computing: once more
            self._again = False
            self._timer.start()

    def _failed(self, exc: BaseException) -> bool:
        """A refused computation (e.g. no estate yet) is said in the status line; anything
        else goes to the common handler too."""
        self.status.setText("")
        if isinstance(exc, DomainError):
            self.status.setText(
                self.tr("Could not compute the figures: %1").replace("%1", str(exc))
            )
            return True
        return False

    def _show(self, report: MonthlyReport) -> None:
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
        self.go(_month_board(kind))

    def _building_clicked(self, index: int) -> None:
        names = self.fee_chart.categories()
        name = names[index] if 0 <= index < len(names) else None
        self.go(lambda page: Navigate("fees", CollectionRequest(page.period(), building=name)))

    def go(self, target: Target) -> None:
        """Ask for the list behind a figure; the target page applies the request itself."""
        self.ctx.hub.open(target if isinstance(target, Navigate) else target(self))

    # --- the monthly report -----------------------------------------------------------

    def chosen_month(self) -> str:
        """The month picked; the running month when the last 30 days are shown."""
        data = self.month_box.currentData()
        return period_of(self.today()) if data == ROLLING else str(data)

    def _make_report(self, session: Session) -> MonthlyReport:
        today = self.today()
        if self.rolling():
            return rolling_report(session, days=ROLLING_DAYS, today=today)
        return monthly_report(session, self.chosen_month(), today=today)

    def _report_name(self) -> str:
        if self.rolling():
            end = self.today()
            return f"管理报表-近{ROLLING_DAYS}天-{end.isoformat()}"
        return f"管理月报-{self.chosen_month()}"

    def print_report(self) -> None:
        """Preview (and print or save) the report of what is shown as PDF."""
        from reports.pdf.monthly_report import monthly_report_pdf

        rolling, month, today = self.rolling(), self.chosen_month(), self.today()

        def make(session: Session) -> bytes:
            if rolling:
                return monthly_report_pdf(rolling_report(session, days=ROLLING_DAYS, today=today))
            return monthly_report_pdf(monthly_report(session, month, today=today))

        preview_pdf(
            self.ctx,
            make,
            title=self.tr("Monthly report %1").replace("%1", self.month_box.currentText()),
            suggested_name=f"{self._report_name()}.pdf",
            parent=self,
        )

    def export_report(self) -> None:
        """Write the report of what is shown to an .xlsx file the user picks."""
        from propdesk.reporting.sheet_header import sheet_header
        from reports.excel.monthly_report import monthly_report_xlsx

        path = self.choose_xlsx_path(self, f"{self._report_name()}.xlsx")
        if not path:
            return
        rolling, month, today = self.rolling(), self.chosen_month(), self.today()

        def make(session: Session) -> str:
            if rolling:
                report = rolling_report(session, days=ROLLING_DAYS, today=today)
            else:
                report = monthly_report(session, month, today=today)
            monthly_report_xlsx(report, path, header=sheet_header(session, "物业管理月报"))
            return path

        self.status.setText(self.tr("Exporting…"))
        self.ctx.query(make, parent=self, action="export monthly report").busy(
            self.excel_button
        ).success(lambda p: self.status.setText(self.tr("Saved %1").replace("%1", str(p)))).failure(
            self._export_failed
        ).run()

    def _export_failed(self, _exc: BaseException) -> bool:
        self.status.setText("")
        return False  # the common handler explains it (a full disk, a locked file, …)

    def _open_notes(self, month: str) -> None:
        from ui.dashboard.notes import NotesDialog

        NotesDialog(ctx=self.ctx, month=month, parent=self).open()


def _ask_xlsx_path(parent: QWidget, suggested: str) -> str:
    from ui.dashboard.exports import ask_xlsx_path

    return ask_xlsx_path(
        parent, QCoreApplication.translate("DashboardPage", "Export to Excel"), suggested
    )


def _concerns_figures(changes: Changes) -> bool:
    """Whether a change can move a figure on the dashboard."""
    return (
        changes.tickets
        or changes.fees
        or changes.payments
        or changes.patrols
        or changes.parcels
        or changes.renovation
        or changes.keys
        or changes.occupancy
        or changes.settings
    )
