"""The ticket page: facts, timeline, callbacks, costs and the actions the status allows.

A non-modal window per ticket (opening the same ticket again raises its window). It
reloads (through ``ctx.query``) when tickets change, or when next shown if it was hidden.
Each action opens a small dialog (:mod:`ui.tickets.action_dialogs`) that saves in one
transaction. The window deletes itself when closed (Esc or the close button); the registry
of open pages forgets it when Qt destroys it, so the same ticket can be opened again.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid
from sqlalchemy.orm import Session

from propdesk.auth.permissions import Permission
from propdesk.desk.patrols import finding_for_ticket
from propdesk.desk.values import FindingInfo
from propdesk.errors import NotFound
from propdesk.tickets import services as svc
from propdesk.tickets.attachments import attach_file
from propdesk.tickets.print_data import work_order_data
from propdesk.tickets.queries import ticket_detail
from propdesk.tickets.rules import met_late, page_actions
from propdesk.tickets.values import TicketEventInfo, TicketInfo
from ui.common.naming import named
from ui.context import AppContext
from ui.events import Changes
from ui.tickets import labels
from ui.tickets.action_dialogs import (
    CallbackDialog,
    CloseComplaintDialog,
    CostsDialog,
    DispatchDialog,
    FindingsDialog,
    QualityCheckDialog,
    TextActionDialog,
    yuan,
)

AnyIndex = QModelIndex | QPersistentModelIndex
_OPEN_PAGES: dict[int, TicketPage] = {}


class TimelineModel(QAbstractTableModel):
    """The events of one ticket (a few dozen at most): when, who, what, note."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.events: list[TicketEventInfo] = []

    def set_events(self, events: tuple[TicketEventInfo, ...]) -> None:
        self.beginResetModel()
        self.events = list(events)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.events)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        e = self.events[index.row()]
        return (
            labels.local_time(e.at),
            e.actor_name,
            labels.action(e.action),
            e.note,
        )[index.column()]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < 4
        ):
            return (self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Note"))[section]
        return None


class TicketPage(QDialog):
    """One ticket with its timeline and actions.

    Signals:
        open_record(str, int): show the unit or person page.

    Attributes:
        info: the :class:`TicketInfo` shown.
        unit_button: 房屋(&U), opens the ticket's unit (disabled for a public-area ticket).
        buttons: action key → button (``dispatch``, ``start``, ``complete``, ``callback``,
            ``close``, ``cancel``, ``note``, ``findings``, ``costs``, ``quality``,
            ``attach``, ``print``).
    """

    open_record = Signal(str, int)

    def __init__(self, *, ctx: AppContext, ticket_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ticket_id = ticket_id
        self.setModal(False)
        self.resize(900, 760)
        self.header = named(QLabel(), "ticket_header")
        self.header.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.facts = QFormLayout()
        self.facts_box = QGroupBox(self.tr("Ticket"))
        self.facts_box.setLayout(self.facts)
        self.extra = named(QLabel(), "ticket_extra")
        self.extra.setWordWrap(True)
        self.extra.setTextFormat(Qt.TextFormat.RichText)
        self.extra.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.extra.linkActivated.connect(lambda url: QDesktopServices.openUrl(QUrl(url)))
        self.timeline = TimelineModel(self)
        self.timeline_view = named(QTableView(), "ticket_timeline")
        self.timeline_view.setModel(self.timeline)
        self.timeline_view.verticalHeader().setVisible(False)
        self.timeline_view.horizontalHeader().setStretchLastSection(True)
        for column in (0, 1, 2):
            self.timeline_view.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.ResizeToContents
            )
        self.timeline_view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.timeline_view.setMinimumHeight(170)

        self.buttons: dict[str, QPushButton] = {}
        row1, row2 = QHBoxLayout(), QHBoxLayout()
        for key, text, row in (
            ("dispatch", self.tr("&Dispatch…"), row1),
            ("start", self.tr("&Start…"), row1),
            ("complete", self.tr("Co&mplete…"), row1),
            ("callback", self.tr("Call&back…"), row1),
            ("close", self.tr("C&lose…"), row1),
            ("cancel", self.tr("Ca&ncel ticket…"), row1),
            ("print", self.tr("&Print work order"), row2),
            ("note", self.tr("N&ote…"), row2),
            ("findings", self.tr("Complaint &findings…"), row2),
            ("costs", self.tr("Paid-service cos&ts…"), row2),
            ("quality", self.tr("&Quality check…"), row2),
            ("attach", self.tr("Attac&h file…"), row2),
        ):
            button = named(QPushButton(text), f"action_{key}")
            button.setAutoDefault(False)
            button.clicked.connect(lambda _c=False, k=key: self.run_action(k))
            row.addWidget(button)
            self.buttons[key] = button
        # Alt+U: the ticket's unit page (through open_record); none for a public-area ticket.
        self.unit_button = named(QPushButton(self.tr("&Unit")), "ticket_unit")
        self.unit_button.setAutoDefault(False)
        self.unit_button.setEnabled(False)
        self.unit_button.clicked.connect(lambda: self.open_linked("unit"))
        row2.addWidget(self.unit_button)
        row1.addStretch(1)
        row2.addStretch(1)
        body = QWidget()
        inner = QVBoxLayout(body)
        inner.addWidget(self.facts_box)
        inner.addWidget(self.extra)
        inner.addWidget(QLabel(self.tr("Timeline")))
        inner.addWidget(self.timeline_view, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addLayout(row1)
        layout.addLayout(row2)
        layout.addWidget(scroll, 1)
        QShortcut(QKeySequence("Ctrl+P"), self, lambda: self.run_action("print"))
        for button in self.buttons.values():
            button.setEnabled(False)  # until the ticket is in
        self._stale = False
        self._loaded = False
        self._pending: str | None = None  # an action asked for before the ticket was in
        ctx.hub.changed.connect(self._on_changed)
        self.reload()

    # --- showing ------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the ticket again (on the worker) and redraw everything."""
        self._stale = False
        ticket_id = self.ticket_id

        def load(session: Session) -> tuple[TicketInfo, FindingInfo | None]:
            info = ticket_detail(session, ticket_id)
            finding = finding_for_ticket(session, ticket_id) if info.source == "patrol" else None
            return info, finding

        self.ctx.query(load, parent=self, action="show ticket").success(self._show).failure(
            self._load_failed
        ).run()

    def _load_failed(self, exc: BaseException) -> bool:
        """The ticket is gone (e.g. deleted elsewhere): close quietly; anything else is shown."""
        if isinstance(exc, NotFound) and isValid(self):
            self.close()
            return True
        return False

    def _show(self, loaded: tuple[TicketInfo, FindingInfo | None]) -> None:
        if not isValid(self):
            return
        self.info, finding = loaded
        t = self.info
        self.setWindowTitle(self.tr("Ticket %1").replace("%1", t.number))
        status = labels.shown(labels.STATUSES, t.status)
        if t.overdue:
            status += f" · {labels.overdue_text()}"
        self.header.setText(
            f"{t.number}   {labels.shown(labels.KINDS, t.kind)} · {t.category_name}   "
            f"{status}   {labels.shown(labels.URGENCIES, t.urgency)}"
        )
        self.header.setStyleSheet(
            "font-size: 16px; font-weight: bold;" + (" color: #b00020;" if t.overdue else "")
        )
        while self.facts.rowCount():
            self.facts.removeRow(0)
        self.unit_link = self._link(t.unit_code, "ticket_open_unit", "unit")
        self.person_link = self._link(t.reporter_name, "ticket_open_person", "person")
        place = QWidget()
        place_row = QHBoxLayout(place)
        place_row.setContentsMargins(0, 0, 0, 0)
        if t.unit_id:
            place_row.addWidget(self.unit_link)
        if t.location:
            place_row.addWidget(QLabel(t.location))
        place_row.addStretch(1)
        reporter = QWidget()
        reporter_row = QHBoxLayout(reporter)
        reporter_row.setContentsMargins(0, 0, 0, 0)
        reporter_row.addWidget(self.person_link if t.person_id else QLabel(t.reporter_name))
        reporter_row.addWidget(QLabel(t.reporter_phone))
        reporter_row.addStretch(1)
        assignee = t.staff_name or labels.shown(labels.DEPARTMENTS, t.department)
        owner = self.tr("owner (first contact): %1").replace("%1", t.owner_name)
        facts: list[tuple[str, QWidget | str]] = [
            (self.tr("Unit / place"), place),
            (self.tr("Reporter"), reporter),
            (self.tr("Source"), labels.shown(labels.SOURCES, t.source)),
            (
                self.tr("Registered"),
                f"{labels.local_time(t.created_at)}   {owner}",
            ),
            (self.tr("Assignee"), assignee),
            (self.tr("Response due"), self._due(t.response_due, t.responded_at)),
            (self.tr("Done due"), self._due(t.resolve_due, t.done_at)),
            (self.tr("Description"), t.description),
        ]
        if t.work_done:
            facts.append((self.tr("Work done"), t.work_done))
        if t.reopen_count:
            facts.append(
                (self.tr("Reopened"), self.tr("%1 time(s)").replace("%1", str(t.reopen_count)))
            )
        if t.cancel_reason:
            facts.append((self.tr("Cancel reason"), t.cancel_reason))
        if t.repeat_of:
            facts.append((self.tr("Repeat of"), t.repeat_of))
        if finding is not None:
            text = (
                self.tr("patrol #%1, checkpoint %2 %3")
                .replace("%1", str(finding.patrol_id))
                .replace("%2", str(finding.seq))
                .replace("%3", finding.checkpoint_name)
            )
            facts.append((self.tr("Patrol finding"), f"{text}: {finding.note}".rstrip(": ")))
        for label, value in facts:
            widget = value if isinstance(value, QWidget) else QLabel(value)
            if isinstance(widget, QLabel):
                widget.setWordWrap(True)
                widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.facts.addRow(label, widget)
        self.extra.setText(self._extra_text(t))
        self.timeline.set_events(t.events)
        self._enable_actions()
        self.unit_button.setEnabled(t.unit_id is not None)
        self.unit_button.setToolTip(
            self.tr("Open the unit %1").replace("%1", t.unit_code)
            if t.unit_id is not None
            else self.tr("A public-area ticket has no unit.")
        )
        self._loaded = True
        pending, self._pending = self._pending, None
        if pending is not None:
            self.run_action(pending)

    def _link(self, text: str, name: str, kind: str) -> QPushButton:
        """A flat link-like button that opens the unit or person page (form rows own it)."""
        button = named(QPushButton(text), name)
        button.setFlat(True)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.setStyleSheet("color: #1a5fb4; text-decoration: underline; text-align: left;")
        button.clicked.connect(lambda: self.open_linked(kind))
        return button

    def open_linked(self, kind: str) -> None:
        """Ask the main window to show the ticket's unit or reporter."""
        record = self.info.unit_id if kind == "unit" else self.info.person_id
        if record:
            self.open_record.emit(kind, record)

    def _due(self, due: datetime, met: datetime | None) -> str:
        text = labels.local_time(due)
        if met is not None:
            state = self.tr("met late at %1") if met_late(due, met) else self.tr("met at %1")
            text += "   " + state.replace("%1", labels.local_time(met))
        return text

    def _extra_text(self, t: TicketInfo) -> str:
        parts: list[str] = []
        if t.kind == "complaint":
            verdict = {
                True: self.tr("valid"),
                False: self.tr("not valid"),
                None: self.tr("not decided"),
            }[t.complaint_valid]
            parts.append(
                self.tr("Complaint: responsible %1, %2 (%3). Root cause: %4. Resolution: %5.")
                .replace("%1", labels.shown(labels.DEPARTMENTS, t.responsible_department) or "—")
                .replace("%2", verdict)
                .replace("%3", t.validity_reason or "—")
                .replace("%4", t.root_cause or "—")
                .replace("%5", t.resolution or "—")
            )
        if t.cost_lines or t.is_paid:
            lines = "；".join(
                f"{labels.shown(labels.COST_KINDS, c.kind)} {c.description} ×{c.quantity} = {yuan(c.amount_fen)}"
                for c in t.cost_lines
            )
            charged = self.tr(" — charged to the unit's account") if t.charge_id else ""
            parts.append(
                self.tr("Paid service: %1 (total ¥%2)%3")
                .replace("%1", lines or "—")
                .replace("%2", yuan(t.total_fen))
                .replace("%3", charged)
            )
        for c in t.callbacks:
            parts.append(
                self.tr("Callback %1 by %2: overall %3, speed %4, attitude %5%6 %7")
                .replace("%1", labels.local_time(c.at))
                .replace("%2", c.by_name)
                .replace("%3", str(c.overall))
                .replace("%4", str(c.speed))
                .replace("%5", str(c.attitude))
                .replace("%6", "" if c.fixed else self.tr(", not fixed"))
                .replace("%7", c.comment)
            )
        for q in t.quality_checks:
            result = self.tr("passed") if q.passed else self.tr("failed")
            parts.append(
                self.tr("Quality check %1 by %2: %3 %4")
                .replace("%1", labels.local_time(q.at))
                .replace("%2", q.by_name)
                .replace("%3", result)
                .replace("%4", q.note)
            )
        attachment = self.tr("Attachment")
        for a in t.attachments:
            parts.append(
                f'{attachment}: <a href="{QUrl.fromLocalFile(a.path).toString()}">{a.file_name}</a>'
            )
        return "<br>".join(_html(p) if "<a " not in p else p for p in parts)

    def _enable_actions(self) -> None:
        t = self.info
        open_ = page_actions(t, may_approve=self.ctx.can(Permission.APPROVE))
        enabled = {key: key in open_ for key in self.buttons}
        for key, button in self.buttons.items():
            button.setEnabled(enabled[key])
        self.buttons["findings"].setVisible(t.kind == "complaint")
        self.buttons["costs"].setVisible(t.kind == "repair")

    # --- actions ------------------------------------------------------------------------

    def action_dialog(self, key: str) -> QDialog:
        """The dialog of an action (not shown yet), for the buttons and for tests."""
        t, ctx = self.info, self.ctx
        v = t.version
        if key == "dispatch":
            return DispatchDialog(ctx=ctx, ticket=t, parent=self)
        if key == "callback":
            return CallbackDialog(ctx=ctx, ticket=t, parent=self)
        if key == "findings":
            return FindingsDialog(ctx=ctx, ticket=t, parent=self)
        if key == "close" and t.kind == "complaint":
            return CloseComplaintDialog(ctx=ctx, ticket=t, parent=self)
        if key == "costs":
            return CostsDialog(ctx=ctx, ticket=t, parent=self)
        if key == "quality":
            return QualityCheckDialog(ctx=ctx, ticket=t, parent=self)
        texts = {
            "start": (
                self.tr("Start"),
                self.tr("&Note (arrived, first findings)"),
                "note",
                lambda s, text: svc.start(s, t.id, note=text, expected_version=v),
            ),
            "complete": (
                self.tr("Complete"),
                self.tr("&Work done"),
                "work_done",
                lambda s, text: svc.complete(s, t.id, work_done=text, expected_version=v),
            ),
            "close": (
                self.tr("Close"),
                self.tr("&Note"),
                "note",
                lambda s, text: svc.close(s, t.id, note=text, expected_version=v),
            ),
            "cancel": (
                self.tr("Cancel ticket"),
                self.tr("&Reason"),
                "reason",
                lambda s, text: svc.cancel(s, t.id, reason=text, expected_version=v),
            ),
            "note": (
                self.tr("Note"),
                self.tr("&Note"),
                "note",
                lambda s, text: svc.add_note(s, t.id, text),
            ),
        }
        title, label, field, run = texts[key]
        return TextActionDialog(
            ctx=ctx, ticket=t, title=title, label=label, field=field, run=run, parent=self
        )

    def run_action(self, key: str) -> None:
        """Perform an action from its button (or shortcut); asked for before the ticket is
        loaded (a page just opened), it runs once the ticket is in."""
        if not self._loaded:
            self._pending = key
            return
        if key == "print":
            self.print_work_order()
            return
        if key == "attach":
            self.attach()
            return
        if not self.buttons[key].isEnabled():
            return
        self.action_dialog(key).exec()

    def print_work_order(self) -> None:
        """Build the work order PDF on the worker, then show its preview."""
        from reports.pdf.work_order import work_order_pdf
        from ui.printing.preview import show_pdf_preview

        ticket_id, number = self.ticket_id, self.info.number

        def shown(pdf: bytes) -> None:
            show_pdf_preview(
                self.ctx,
                pdf,
                title=self.tr("Work order %1").replace("%1", number),
                suggested_name=f"派工单-{number}.pdf",
                parent=self,
            )

        # a write: printing the resident's full phone for the technician is audited
        self.ctx.op(
            lambda s: work_order_pdf(work_order_data(s, ticket_id)),
            changes=Changes(),
            parent=self,
            action="print work order",
        ).busy(self.buttons["print"]).success(shown).run()

    def attach(self, path: str | None = None) -> None:
        """Copy a photo or file into the data folder and list it on the ticket."""
        if path is None:
            from ui.common.file_dialogs import ask_open_file

            path = ask_open_file(self, self.tr("Attach a photo or file"), purpose="photos")
        if not path:
            return
        ticket_id, source = self.ticket_id, Path(path)
        self.ctx.op(
            lambda s: attach_file(s, ticket_id, source),
            changes=Changes(tickets=True),
            parent=self,
            action="attach file to ticket",
        ).busy(self.buttons["attach"]).run()

    def _on_changed(self, changes: Changes) -> None:
        if not (changes.tickets or changes.settings):
            return
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _forget(ticket_id: int, page: TicketPage) -> None:
    if _OPEN_PAGES.get(ticket_id) is page:
        del _OPEN_PAGES[ticket_id]


def open_ticket_page(
    ctx: AppContext,
    ticket_id: int,
    *,
    open_record: Callable[[str, int], object] | None = None,
    parent: QWidget | None = None,
) -> TicketPage:
    """Show the ticket's page (raising it if already open) and return it.

    ``open_record`` receives the page's unit/person links. The page deletes itself when closed — by Esc (``reject``, which sends no close event)
    or by the close button — so the registry forgets it on ``destroyed``, and never hands
    out a page whose C++ object is gone.
    """
    page = _OPEN_PAGES.get(ticket_id)
    if page is not None and not isValid(page):
        page = None
    if page is None:
        page = TicketPage(ctx=ctx, ticket_id=ticket_id, parent=parent)
        page.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        _OPEN_PAGES[ticket_id] = page
        page.destroyed.connect(lambda _obj=None, p=page: _forget(ticket_id, p))
        if open_record is not None:  # once per page, not at every raise
            page.open_record.connect(open_record)
    page.show()
    page.raise_()
    page.activateWindow()
    return page
