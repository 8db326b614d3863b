"""The patrol screen: start a patrol on a route, tick each checkpoint, raise tickets, finish.

Keyboard: Ctrl+N starts a patrol; in the checkpoint list Alt+N marks normal, Alt+A marks
abnormal (the note is needed first), Alt+T raises a ticket for an abnormal finding,
Alt+F finishes (pressed twice when checkpoints are left: they become *missed*). After a
mark the next unchecked checkpoint is selected.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from propdesk.changes import Changes
from propdesk.desk import patrols, routes
from propdesk.desk.values import FindingResult, PatrolInfo, PatrolStatus, RaisedTicket, RouteInfo
from propdesk.errors import DomainError
from propdesk.tickets import catalog
from ui.common.forms import ERROR_STYLE
from ui.common.naming import named
from ui.common.table_view import RecordTableView
from ui.context import AppContext
from ui.desk import labels
from ui.desk.feedback import in_label
from ui.desk.models import FindingsModel, PatrolListModel
from ui.ops import FailureHandler


def _categories(session: Session) -> list[tuple[int, str]]:
    """The active repair categories (the defaults are created on first use)."""
    catalog.ensure_defaults(session)
    return [(c.id, c.name) for c in catalog.list_categories(session, "repair") if c.active]


class PatrolRunPanel(QWidget):
    """One patrol: its checkpoints and the buttons to tick them.

    Attributes:
        patrol: the patrol shown (``None`` before one is chosen).
        model / table: the checkpoints; note: the finding's note; message: errors and news.
        pending_photo: a photo chosen for the next mark (attached with it).
    """

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.patrol: PatrolInfo | None = None
        self.pending_photo: Path | None = None
        self._confirm_finish = False
        self.header = named(QLabel(self.tr("Choose a patrol, or start one")), "patrol_header")
        self.header.setStyleSheet("font-weight: bold; font-size: 14px;")
        self.model = FindingsModel(ctx=ctx, patrol_id=-1, parent=self)
        self.table = RecordTableView(self)
        self.table.setObjectName("finding_table")
        self.table.setModel(self.model)
        for col, width in ((0, 32), (1, 130), (2, 200), (3, 60), (4, 170), (5, 44)):
            self.table.setColumnWidth(col, width)
        self.what = named(QLabel(), "what_to_check")
        self.what.setWordWrap(True)
        self.note = named(QLineEdit(), "finding_note")
        self.note.setPlaceholderText(self.tr("What was found (needed for abnormal)"))
        self.normal_button = named(QPushButton(self.tr("&Normal")), "mark_normal")
        self.abnormal_button = named(QPushButton(self.tr("&Abnormal")), "mark_abnormal")
        self.photo_button = named(QPushButton(self.tr("Ph&oto…")), "attach_photo")
        self.category = named(QComboBox(), "ticket_category")
        self.ticket_button = named(QPushButton(self.tr("Raise &ticket")), "raise_ticket")
        self.finish_button = named(QPushButton(self.tr("Finish patro&l")), "finish_patrol")
        self.message = named(QLabel(), "patrol_message")
        self.message.setWordWrap(True)

        marks = QHBoxLayout()
        marks.addWidget(self.note, 1)
        marks.addWidget(self.photo_button)
        marks.addWidget(self.normal_button)
        marks.addWidget(self.abnormal_button)
        tickets = QHBoxLayout()
        tickets.addWidget(QLabel(self.tr("Ticket category")))
        tickets.addWidget(self.category)
        tickets.addWidget(self.ticket_button)
        tickets.addStretch(1)
        tickets.addWidget(self.finish_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.what)
        layout.addLayout(marks)
        layout.addLayout(tickets)
        layout.addWidget(self.message)

        self.normal_button.clicked.connect(lambda: self.mark("normal"))
        self.abnormal_button.clicked.connect(lambda: self.mark("abnormal"))
        self.photo_button.clicked.connect(self.choose_photo)
        self.ticket_button.clicked.connect(self.raise_ticket)
        self.finish_button.clicked.connect(self.finish)
        self.note.returnPressed.connect(
            lambda: self.mark("abnormal" if self.note.text() else "normal")
        )
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.opened.connect(self.open_photo)
        self._fill_categories()
        self._update_buttons()

    def _fill_categories(self) -> None:
        self.ctx.op(
            _categories, changes=Changes(), parent=self, action="ticket categories"
        ).success(self._show_categories).run()

    def _show_categories(self, categories: list[tuple[int, str]]) -> None:
        self.category.clear()
        for cid, name in categories:
            self.category.addItem(name, cid)

    # --- showing ------------------------------------------------------------------------

    def show_patrol(self, patrol_id: int | None) -> None:
        """Show a patrol (``None`` clears) and select its first unchecked checkpoint."""
        self._confirm_finish = False
        self.message.clear()
        if patrol_id is None:
            self.patrol = None
            self.model.show_patrol(-1)
            self.header.setText(self.tr("Choose a patrol, or start one"))
            self._update_buttons()
            return
        self.ctx.query(lambda s: patrols.patrol_detail(s, patrol_id), parent=self).success(
            self._shown
        ).run()

    def _shown(self, patrol: PatrolInfo) -> None:
        self.patrol = patrol
        self.model.show_patrol(patrol.id)
        self._show_header()
        self._select_next_pending(0)
        self._update_buttons()

    def _reload(self, then: Callable[[], None] | None = None) -> None:
        """Read the shown patrol again, keep the selected row, then call ``then``."""
        if self.patrol is None:
            return
        row = max(self.table.currentIndex().row(), 0)
        pid = self.patrol.id

        def show(patrol: PatrolInfo) -> None:
            self.patrol = patrol
            self.model.show_patrol(pid)
            self._show_header()
            if 0 <= row < self.model.rowCount():
                self.table.setCurrentIndex(self.model.index(row, 0))
            self._update_buttons()
            if then is not None:
                then()

        self.ctx.query(lambda s: patrols.patrol_detail(s, pid), parent=self).success(show).run()

    def _show_header(self) -> None:
        p = self.patrol
        if p is None:
            return
        status = labels.shown(labels.PATROL_STATUSES, p.status)
        self.header.setText(
            self.tr("%1 · %2 · started %3 · %4 · checked %5 of %6, abnormal %7, missed %8")
            .replace("%1", p.route_name)
            .replace("%2", p.patroller)
            .replace("%3", labels.local_time(p.started_at))
            .replace("%4", status)
            .replace("%5", str(p.checked))
            .replace("%6", str(len(p.findings)))
            .replace("%7", str(p.abnormal))
            .replace("%8", str(p.missed))
        )

    def _select_next_pending(self, start: int) -> None:
        if self.patrol is None:
            return
        findings = self.patrol.findings
        order = list(range(start, len(findings))) + list(range(start))
        row = next((i for i in order if findings[i].result == "pending"), start)
        if 0 <= row < self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(row, 0))
            self.table.scrollTo(self.model.index(row, 0))

    def _current(self) -> int:
        return self.table.currentIndex().row()

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self.patrol is None or not current.isValid():
            self.what.clear()
            return
        finding = self.patrol.findings[current.row()]
        self.what.setText(self.tr("Check: %1").replace("%1", finding.what_to_check or "—"))
        self.note.setText(finding.note)
        self._update_buttons()
        self.ctx.query(lambda s: patrols.suggested_category(s, finding.id), parent=self).success(
            self._suggest
        ).run()

    def _suggest(self, category_id: int | None) -> None:
        index = self.category.findData(category_id)
        if index >= 0:
            self.category.setCurrentIndex(index)

    def _update_buttons(self) -> None:
        running = self.patrol is not None and self.patrol.status == PatrolStatus.IN_PROGRESS
        row = self._current()
        finding = (
            self.patrol.findings[row]
            if self.patrol is not None and 0 <= row < len(self.patrol.findings)
            else None
        )
        for w in (self.normal_button, self.abnormal_button, self.photo_button, self.note):
            w.setEnabled(running and finding is not None)
        self.finish_button.setEnabled(running)
        self.ticket_button.setEnabled(
            finding is not None
            and finding.result == FindingResult.ABNORMAL
            and finding.ticket_id is None
        )

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "color: #1b5e20;")
        self.message.setText(text)

    def _refused(self, focus: QWidget | None = None) -> FailureHandler:
        """Show a service's refusal in the message line (other failures: the common handler)."""

        def handle(exc: BaseException) -> bool:
            if not isinstance(exc, DomainError):
                return False
            self._say(exc.message, error=True)
            if focus is not None:
                focus.setFocus()
            return True

        return handle

    # --- actions ------------------------------------------------------------------------

    def choose_photo(self) -> None:
        from ui.common.file_dialogs import ask_open_file

        name = ask_open_file(
            self,
            self.tr("Photo of the finding"),
            self.tr("Images (*.jpg *.jpeg *.png)"),
            purpose="photos",
        )
        if name:
            self.pending_photo = Path(name)
            self._say(self.tr("Photo %1 will be attached").replace("%1", Path(name).name))

    def open_photo(self, finding_id: int) -> None:
        """Enter or double-click on a checkpoint with a photo shows the photo."""
        if self.patrol is None:
            return
        finding = next((f for f in self.patrol.findings if f.id == finding_id), None)
        path = patrols.photo_file(finding.photo_path) if finding is not None else None
        if path is not None and path.exists():
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def mark(self, result: str) -> None:
        """Tick the selected checkpoint ``normal`` or ``abnormal`` with the note."""
        row = self._current()
        if self.patrol is None or not 0 <= row < len(self.patrol.findings):
            return
        finding = self.patrol.findings[row]
        note, photo = self.note.text(), self.pending_photo

        def marked(_result: object) -> None:
            self.pending_photo = None
            self._say(
                self.tr("%1: %2")
                .replace("%1", finding.checkpoint_name)
                .replace("%2", labels.shown(labels.RESULTS, result))
            )
            self._reload(then=after)

        def after() -> None:
            if result == FindingResult.ABNORMAL:
                self.ticket_button.setFocus()
            else:
                self._select_next_pending(row)
                self.note.setFocus()

        self.ctx.op(
            lambda s: patrols.record_finding(s, finding.id, result=result, note=note, photo=photo),
            changes=Changes(patrols=True),
            parent=self,
            action="mark a checkpoint",
        ).busy(self.normal_button, self.abnormal_button).failure(
            self._refused(focus=self.note)
        ).success(marked).finally_(self._update_buttons).run()

    def raise_ticket(self) -> None:
        """Turn the selected abnormal finding into a service ticket (one action)."""
        row = self._current()
        if self.patrol is None or not 0 <= row < len(self.patrol.findings):
            return
        finding = self.patrol.findings[row]
        category = self.category.currentData()

        def raised(ticket: RaisedTicket) -> None:
            self._say(self.tr("Ticket %1 raised").replace("%1", ticket.ticket_number))
            self._reload(then=after)

        def after() -> None:
            self._select_next_pending(row)
            self.note.setFocus()

        self.ctx.op(
            lambda s: patrols.raise_ticket(s, finding.id, category_id=category),
            changes=Changes(patrols=True, tickets=True),
            parent=self,
            action="raise a ticket from a patrol finding",
        ).busy(self.ticket_button).failure(self._refused()).success(raised).finally_(
            self._update_buttons
        ).run()

    def finish(self) -> None:
        """Finish the patrol; with checkpoints left, the first press asks to press again."""
        if self.patrol is None:
            return
        left = sum(f.result == FindingResult.PENDING for f in self.patrol.findings)
        if left and not self._confirm_finish:
            self._confirm_finish = True
            self._say(
                self.tr(
                    "%1 checkpoint(s) not checked will be recorded as missed. "
                    "Press Finish again to confirm."
                ).replace("%1", str(left)),
                error=True,
            )
            return
        pid = self.patrol.id

        def finished(missed: int) -> None:
            self._confirm_finish = False
            self._reload(
                then=lambda: self._say(
                    self.tr("Patrol finished; %1 missed").replace("%1", str(missed))
                )
            )

        self.ctx.op(
            lambda s: patrols.finish_patrol(s, pid),
            changes=Changes(patrols=True),
            parent=self,
            action="finish a patrol",
        ).busy(self.finish_button).failure(self._refused()).success(finished).finally_(
            self._update_buttons
        ).run()


class PatrolsPage(QWidget):
    """Patrols: the route to start, the list of patrols, and the patrol being walked.

    Attributes:
        route: the route chooser; start_button; patrol_list / list_model; run: the panel.
    """

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._stale = False
        self.route = named(QComboBox(), "patrol_route")
        self.start_button = named(QPushButton(self.tr("&Start patrol (Ctrl+N)")), "start_patrol")
        self.error = named(QLabel(), "start_error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.list_model = PatrolListModel(ctx=ctx, parent=self)
        self.patrol_list = RecordTableView(self)
        self.patrol_list.setObjectName("patrol_list")
        self.patrol_list.setModel(self.list_model)
        for col, width in ((0, 112), (1, 105), (2, 80), (3, 52)):
            self.patrol_list.setColumnWidth(col, width)
        for col in range(4, 8):
            self.patrol_list.setColumnWidth(col, 40)
        self.run = PatrolRunPanel(ctx=ctx, parent=self)

        route_label = QLabel(self.tr("&Route"))
        route_label.setBuddy(self.route)
        top = QHBoxLayout()
        top.addWidget(route_label)
        top.addWidget(self.route, 1)
        top.addWidget(self.start_button)
        top.addWidget(self.error, 2)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.patrol_list)
        splitter.addWidget(self.run)
        splitter.setSizes([540, 760])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

        self.start_button.clicked.connect(self.start)
        QShortcut(QKeySequence("Ctrl+N"), self, self.start)
        self.patrol_list.selectionModel().currentRowChanged.connect(self._patrol_chosen)
        self.patrol_list.opened.connect(self.run.show_patrol)
        ctx.hub.changed.connect(self._on_changed)
        self.load_routes()
        self._show_latest_running()

    def load_routes(self) -> None:
        self.ctx.query(lambda s: routes.list_routes(s, active_only=True), parent=self).success(
            self._show_routes
        ).run()

    def _show_routes(self, active: list[RouteInfo]) -> None:
        current = self.route.currentData()
        self.route.clear()
        for r in active:
            self.route.addItem(
                self.tr("%1 (%2 points)")
                .replace("%1", r.name)
                .replace("%2", str(len(r.checkpoints))),
                r.id,
            )
        self.route.setCurrentIndex(max(self.route.findData(current), 0))

    def _show_latest_running(self) -> None:
        for row in range(self.list_model.rowCount()):
            if self.list_model.row(row).status == PatrolStatus.IN_PROGRESS:
                self.patrol_list.setCurrentIndex(self.list_model.index(row, 0))
                return

    def _patrol_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.run.show_patrol(self.list_model.row_id(current.row()))

    def start(self) -> None:
        """Start a patrol on the chosen route and show it."""
        route_id = self.route.currentData()
        if route_id is None:
            self.error.setText(self.tr("No route yet: add one in Admin → Desk settings."))
            return
        self.ctx.op(
            lambda s: patrols.start_patrol(s, route_id),
            changes=Changes(patrols=True),
            parent=self,
            action="start a patrol",
        ).busy(self.start_button).failure(in_label(self.error)).success(self._started).run()

    def _started(self, pid: int) -> None:
        self.error.clear()
        self.list_model.refresh()
        row = self.list_model.find_row(pid)
        if row >= 0:
            self.patrol_list.setCurrentIndex(self.list_model.index(row, 0))
        else:
            self.run.show_patrol(pid)
        self.run.note.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.load_routes()
            self._refresh_list()

    def _on_changed(self, changes: Changes) -> None:
        if not (changes.settings or changes.patrol_routes or changes.patrols or changes.tickets):
            return
        if not self.isVisible():
            self._stale = True
            return
        if changes.settings or changes.patrol_routes:
            self.load_routes()
        if changes.patrols or changes.tickets:
            self._refresh_list()

    def _refresh_list(self) -> None:
        """Reload the patrol list keeping the chosen patrol (without re-showing it)."""
        selected = self.patrol_list.current_id()
        self.list_model.refresh()
        if selected is not None:
            row = self.list_model.find_row(selected)
            if row >= 0:
                selection = self.patrol_list.selectionModel()
                selection.blockSignals(True)
                self.patrol_list.setCurrentIndex(self.list_model.index(row, 0))
                selection.blockSignals(False)
