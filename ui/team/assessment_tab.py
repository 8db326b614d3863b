"""The assessment tab (考核): a clerk's month, figure by figure, each opening its records.

Managers pick any clerk; a clerk sees only themself (the service refuses anything else).
Enter or a double-click on a figure lists the records it counts; Enter or a double-click on
one of those records opens it (:mod:`ui.team.open_records`). The manager writes the
comment; the clerk acknowledges it; the sheet prints with both.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.auth.permissions import Permission
from propdesk.changes import Changes
from propdesk.team import assessment
from propdesk.team import figures as fig
from propdesk.team.assessment import Sheet, SignOff
from ui.calls import labels as call_labels
from ui.common.list_model import RowListModel
from ui.common.naming import named
from ui.context import AppContext
from ui.team import open_records as opening
from ui.team.dialogs import CallDialog, CommentDialog
from ui.team.months import month_choices


@dataclass(frozen=True)
class FigureLine:
    key: str  # the drill-down name (assessment.DRILLS)
    label: str
    value: str


@dataclass(frozen=True)
class RecordLine:
    when: str
    reference: str
    detail: str


@dataclass(frozen=True)
class Start:
    today: date
    clerks: list[tuple[int, str]]


def _start(session: Session) -> Start:
    return Start(clock.today(session), assessment.visible_clerks(session))


def _t(at: datetime | None) -> str:
    return clock.to_local(at).strftime("%Y-%m-%d %H:%M") if at else ""


Record = fig.TicketRec | fig.CallbackRec | fig.CallRec | fig.SurveyCallRec


class RowView(QTableView):
    """A short read-only list (the figures, the drilled records); ``opened(row)`` on Enter or
    double-click."""

    opened = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setStretchLastSection(True)
        self.setTabKeyNavigation(False)  # Tab leaves the list for the next list and buttons
        self.doubleClicked.connect(lambda index: self.opened.emit(index.row()))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.opened.emit(self.currentIndex().row())
            return
        super().keyPressEvent(event)


class AssessmentTab(QWidget):
    """One clerk's month: figures, drill-down, comment, acknowledgement, printing.

    Attributes:
        month, clerk: the choice (this month listed first, marked in progress, beside last
        month which it opens on); current_period: this month; month_note: shown while this
        month is chosen (its figures still grow); figures / figure_model: the figures; records /
        record_model: the drilled records (``drilled_records`` their values);
        comment_label, ack_label: the sign-off; comment_button, ack_button, print_button:
        the actions; sheet: what is shown; call_dialog: the last call opened.

    Signals:
        open_record(str, int): open a ticket or a unit (the main window connects it through
        the page).
    """

    open_record = Signal(str, int)

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.sheet: Sheet | None = None
        self.drilled = ""
        self.drilled_records: list[Record] = []
        self.call_dialog: CallDialog | None = None
        self.month = named(QComboBox(), "team_month")
        self.current_period = ""  # the month in progress (today's), set by start()
        self.month_note = named(
            QLabel(self.tr("This month is still in progress: the figures are as of now.")),
            "team_month_note",
        )
        self.month_note.setVisible(False)
        self.clerk = named(QComboBox(), "team_clerk")
        self.clerk.setMinimumContentsLength(8)
        month_label = QLabel(self.tr("&Month"))
        month_label.setBuddy(self.month)
        clerk_label = QLabel(self.tr("Cl&erk"))
        clerk_label.setBuddy(self.clerk)
        self.figure_model: RowListModel[FigureLine] = RowListModel(
            [(self.tr("Figure"), lambda f: f.label), (self.tr("Value"), lambda f: f.value)],
            right_aligned=(1,),
        )
        self.figures = named(RowView(), "team_figures")
        self.figures.setModel(self.figure_model)
        self.figures.setColumnWidth(0, 170)
        self.figures.setMinimumWidth(420)
        self.record_model: RowListModel[RecordLine] = RowListModel(
            [
                (self.tr("When"), lambda r: r.when),
                (self.tr("Record"), lambda r: r.reference),
                (self.tr("Detail"), lambda r: r.detail),
            ]
        )
        self.records = named(RowView(), "team_records")
        self.records.setModel(self.record_model)
        self.records.setColumnWidth(0, 140)
        self.records.setColumnWidth(1, 160)
        self.records_title = named(
            QLabel(self.tr("Press Enter on a figure to list its records")), "team_records_title"
        )
        self.comment_label = named(QLabel(), "team_comment")
        self.comment_label.setWordWrap(True)
        self.comment_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.ack_label = named(QLabel(), "team_ack")
        self.comment_button = named(QPushButton(self.tr("&Write comment…")), "team_write_comment")
        self.ack_button = named(QPushButton(self.tr("Ac&knowledge")), "team_acknowledge")
        self.print_button = named(QPushButton(self.tr("Prin&t sheet…")), "team_print_sheet")
        self.comment_button.setVisible(ctx.can(Permission.WRITE_REPORT))

        top = QHBoxLayout()
        top.addWidget(month_label)
        top.addWidget(self.month)
        top.addSpacing(12)
        top.addWidget(clerk_label)
        top.addWidget(self.clerk)
        top.addSpacing(12)
        top.addWidget(self.month_note)
        top.addStretch(1)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.records_title)
        rl.addWidget(self.records, 1)
        split = QSplitter()
        split.addWidget(self.figures)
        split.addWidget(right)
        split.setStretchFactor(1, 2)
        split.setSizes([460, 740])
        sign = QGroupBox(self.tr("Comment and acknowledgement"))
        sl = QVBoxLayout(sign)
        sl.addWidget(self.comment_label)
        sl.addWidget(self.ack_label)
        buttons = QHBoxLayout()
        for b in (self.comment_button, self.ack_button, self.print_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        sl.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(sign)

        self.figures.opened.connect(self.drill)
        self.records.opened.connect(self.open_row)
        self.comment_button.clicked.connect(self.write_comment)
        self.ack_button.clicked.connect(self.acknowledge)
        self.print_button.clicked.connect(self.print_sheet)
        self._enable()

    # --- loading ------------------------------------------------------------------------

    def start(self) -> None:
        """Fill the months and the clerks this user may see, then load the sheet."""
        self.ctx.query(_start, parent=self, action="team assessment").success(self._started).run()

    def _started(self, start: Start) -> None:
        for combo in (self.month, self.clerk):
            combo.blockSignals(True)
            combo.clear()
        self.current_period = f"{start.today:%Y-%m}"
        for m in month_choices(start.today, back=12, ahead=0):
            in_progress = m == self.current_period
            self.month.addItem(
                self.tr("%1 (in progress)").replace("%1", m) if in_progress else m, m
            )
        self.month.setMaxVisibleItems(self.month.count())  # this month never scrolled out of sight
        self.month.setCurrentIndex(1)  # last month: the one being assessed
        for user_id, name in start.clerks:
            self.clerk.addItem(name, user_id)
        own = self.clerk.findData(self.ctx.actor.user_id)
        if own >= 0:
            self.clerk.setCurrentIndex(own)
        for combo in (self.month, self.clerk):
            combo.blockSignals(False)
        self.month.currentIndexChanged.connect(self.reload)
        self.clerk.currentIndexChanged.connect(self.reload)
        if not start.clerks:
            self.records_title.setText(self.tr("No clerk's figures to show for your role."))
        self.reload()

    def choice(self) -> tuple[int, str] | None:
        user_id, period = self.clerk.currentData(), self.month.currentData()
        if user_id is None or period is None:
            return None
        return int(user_id), str(period)

    def reload(self) -> None:
        choice = self.choice()
        if choice is None:
            return
        user_id, period = choice
        self.month_note.setVisible(period == self.current_period)
        self.ctx.query(
            lambda s: assessment.sheet(s, user_id=user_id, period=period),
            parent=self,
            action="team assessment",
        ).success(self._show).run()

    def _show(self, sheet: Sheet) -> None:
        self.sheet = sheet
        row = max(self.figures.currentIndex().row(), 0)
        self.figure_model.set_rows(self.figure_lines(sheet.figures))
        self.figures.setCurrentIndex(self.figure_model.index(row, 0))
        self._show_sign_off(sheet.sign_off)
        if self.drilled:
            self.drill(
                next(i for i, f in enumerate(self.figure_model.rows()) if f.key == self.drilled)
            )
        self._enable()

    def figure_lines(self, f: fig.Figures) -> list[FigureLine]:
        minutes = (
            self.tr("%1 min on average").replace("%1", f"{f.avg_response_minutes:.0f}")
            if f.avg_response_minutes is not None
            else "—"
        )
        satisfaction = (
            self.tr("satisfaction %1").replace("%1", f"{f.avg_satisfaction:.2f}")
            if f.avg_satisfaction is not None
            else "—"
        )
        on_time = f"{f.callbacks_on_time * 100 / f.callbacks:.0f}%" if f.callbacks else "—"
        fcr = (
            f"{f.first_call_resolution * 100:.0f}%" if f.first_call_resolution is not None else "—"
        )
        return [
            FigureLine("tickets", self.tr("Tickets registered"), str(f.tickets_registered)),
            FigureLine("responded", self.tr("First responses"), f"{f.responded}  ({minutes})"),
            FigureLine("callbacks", self.tr("Callbacks made"), f"{f.callbacks}  ({satisfaction})"),
            FigureLine(
                "callbacks_on_time",
                self.tr("Callbacks on time"),
                f"{f.callbacks_on_time}  ({on_time})",
            ),
            FigureLine("calls", self.tr("Calls logged, in and out"), str(f.calls_handled)),
            FigureLine(
                "first_call",
                self.tr("Resolved on the first call"),
                self.tr("%1 of %2 incoming (%3)")
                .replace("%1", str(f.first_call_resolved))
                .replace("%2", str(f.inbound_calls))
                .replace("%3", fcr),
            ),
            FigureLine(
                "survey_calls",
                self.tr("Survey calls made"),
                self.tr("%1 (%2 questionnaires completed)")
                .replace("%1", str(f.survey_calls))
                .replace("%2", str(f.survey_answered)),
            ),
        ]

    def _show_sign_off(self, so: SignOff) -> None:
        if so.comment:
            self.comment_label.setText(
                self.tr("Manager's comment (%1, %2): %3")
                .replace("%1", so.comment_by_name)
                .replace("%2", _t(so.comment_at))
                .replace("%3", so.comment)
            )
        else:
            self.comment_label.setText(self.tr("No comment from the manager yet."))
        if so.ack_at is not None:
            self.ack_label.setText(
                self.tr("Acknowledged by %1 at %2")
                .replace("%1", so.ack_by_name)
                .replace("%2", _t(so.ack_at))
            )
        else:
            self.ack_label.setText(self.tr("Not acknowledged by the clerk yet."))

    def _enable(self) -> None:
        sheet = self.sheet
        own = sheet is not None and sheet.user_id == self.ctx.actor.user_id
        so = sheet.sign_off if sheet is not None else None
        self.ack_button.setVisible(own)
        self.ack_button.setEnabled(bool(so and so.comment and so.ack_at is None))
        self.comment_button.setEnabled(so is not None and so.ack_at is None)
        self.print_button.setEnabled(sheet is not None)

    # --- drill-down ---------------------------------------------------------------------

    def drill(self, row: int) -> None:
        """List the records the figure in ``row`` counts."""
        choice = self.choice()
        if choice is None or not 0 <= row < self.figure_model.rowCount():
            return
        line = self.figure_model.row_value(row)
        user_id, period = choice
        self.drilled = line.key
        self.ctx.query(
            lambda s: assessment.drill_down(s, user_id=user_id, period=period, figure=line.key),
            parent=self,
            action="assessment records",
        ).success(lambda recs: self._show_records(line, recs)).run()

    def _show_records(self, line: FigureLine, records: Sequence[Record]) -> None:
        self.records_title.setText(
            self.tr("%1: %2 record(s) — Enter opens one")
            .replace("%1", line.label)
            .replace("%2", str(len(records)))
        )
        self.drilled_records = list(records)
        self.record_model.set_rows([self._record_line(r) for r in records])
        if records:
            self.records.setCurrentIndex(self.record_model.index(0, 0))

    def open_row(self, row: int) -> None:
        """Open the record in ``row`` of the drill-down: a ticket's window (a callback's
        ticket), a call's card, a survey call's unit page."""
        if not 0 <= row < len(self.drilled_records):
            return
        rec = self.drilled_records[row]
        if isinstance(rec, fig.TicketRec):
            self.open_record.emit("ticket", rec.id)
        elif isinstance(rec, fig.CallbackRec):
            callback_id = rec.id
            self.ctx.query(
                lambda s: opening.callback_ticket(s, callback_id),
                parent=self,
                action="open the callback's ticket",
            ).success(lambda ticket_id: self.open_record.emit("ticket", ticket_id)).run()
        elif isinstance(rec, fig.SurveyCallRec):
            attempt_id = rec.id
            self.ctx.query(
                lambda s: opening.survey_call_unit(s, attempt_id),
                parent=self,
                action="open the surveyed unit",
            ).success(lambda unit_id: self.open_record.emit("unit", unit_id)).run()
        else:
            call_id = rec.id
            self.ctx.query(
                lambda s: opening.call_facts(s, call_id), parent=self, action="open the call"
            ).success(self._show_call).run()

    def _show_call(self, facts: opening.CallFacts) -> None:
        dialog = CallDialog(facts=facts, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open_record.connect(self.open_record)
        dialog.finished.connect(lambda _result: setattr(self, "call_dialog", None))
        self.call_dialog = dialog
        dialog.open()

    def _record_line(self, rec: Record) -> RecordLine:
        if isinstance(rec, fig.TicketRec):
            minutes = rec.response_minutes
            detail = (
                self.tr("first response after %1 min").replace("%1", f"{minutes:.0f}")
                if minutes is not None
                else self.tr("not responded yet")
            )
            return RecordLine(_t(rec.created_at), rec.number, detail)
        if isinstance(rec, fig.CallbackRec):
            timing = self.tr("on time") if rec.on_time else self.tr("late")
            return RecordLine(
                _t(rec.at),
                rec.ticket_number,
                self.tr("rating %1, %2").replace("%1", str(rec.overall)).replace("%2", timing),
            )
        if isinstance(rec, fig.SurveyCallRec):
            outcome = {
                "answered": self.tr("questionnaire completed"),
                "no_answer": self.tr("no answer"),
                "refused": self.tr("refused"),
                "callback": self.tr("asked to be called back"),
            }.get(rec.outcome, rec.outcome)
            return RecordLine(_t(rec.at), rec.unit_code, f"{rec.campaign} · {outcome}")
        incoming = rec.direction == "in"
        reference = self.tr("Incoming call %1") if incoming else self.tr("Outgoing call %1")
        outcome = call_labels.shown(call_labels.OUTCOMES, rec.outcome) if rec.outcome else ""
        result = self.tr("resolved on the call") if rec.resolved else outcome
        return RecordLine(_t(rec.at), reference.replace("%1", str(rec.id)), result)

    # --- actions ------------------------------------------------------------------------

    def write_comment(self) -> None:
        choice, sheet = self.choice(), self.sheet
        if choice is None or sheet is None:
            return
        dialog = CommentDialog(
            ctx=self.ctx,
            user_id=choice[0],
            period=choice[1],
            clerk_name=sheet.clerk_name,
            current=sheet.sign_off.comment,
            parent=self,
        )
        dialog.open()

    def acknowledge(self) -> None:
        """The clerk confirms having read the month's sheet and comment (asked first)."""
        choice = self.choice()
        if choice is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Acknowledge"),
            self.tr("Confirm that you have read this month's figures and the manager's comment?"),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.confirm_acknowledge()

    def confirm_acknowledge(self) -> None:
        choice = self.choice()
        if choice is None:
            return
        user_id, period = choice
        self.ctx.op(
            lambda s: assessment.acknowledge(s, user_id=user_id, period=period),
            changes=Changes(assessment=True),
            parent=self,
            action="acknowledge the assessment",
        ).busy(self.ack_button).success(lambda _so: self._enable()).run()

    def print_sheet(self) -> None:
        """Preview the monthly assessment sheet (print or save from the preview)."""
        from ui.printing.preview import preview_pdf

        choice, sheet = self.choice(), self.sheet
        if choice is None or sheet is None:
            return
        user_id, period = choice

        def make(s: Session) -> bytes:
            from propdesk.team.print_data import assessment_sheet_data
            from reports.pdf.team_assessment import assessment_sheet_pdf

            return assessment_sheet_pdf(assessment_sheet_data(s, user_id=user_id, period=period))

        preview_pdf(
            self.ctx,
            make,
            title=self.tr("Assessment sheet"),
            suggested_name=f"考核表-{sheet.clerk_name}-{period}.pdf",
            parent=self,
        )

    def primary_field(self) -> QWidget:
        return self.figures

    def selected_figure(self) -> QModelIndex:
        return self.figures.currentIndex()
