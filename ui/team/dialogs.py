"""The team's forms: the manager's comment on a clerk's month, the shift definitions, and
the card of a call listed under an assessment figure."""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from propdesk import clock
from propdesk.changes import Changes
from propdesk.team import assessment, roster
from propdesk.team.assessment import SignOff
from propdesk.team.roster import ShiftRow
from ui.calls import labels as call_labels
from ui.common.forms import FormErrors
from ui.common.keyboard import install_dialog_keys
from ui.common.naming import named
from ui.context import AppContext
from ui.team.open_records import CallFacts


class CommentDialog(QDialog):
    """The manager's comment on one clerk's month (考核评语).

    Attributes:
        text: the comment; saved: the sign-off after saving (None until then).
    """

    def __init__(
        self,
        *,
        ctx: AppContext,
        user_id: int,
        period: str,
        clerk_name: str,
        current: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.user_id = user_id
        self.period = period
        self.saved: SignOff | None = None
        self.setWindowTitle(
            self.tr("Comment on %1, %2").replace("%1", clerk_name).replace("%2", period)
        )
        self.resize(520, 300)
        self.text = named(QPlainTextEdit(), "team_comment_text")
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText(self.tr("What went well, what to improve next month"))
        self.text.setPlainText(current)
        form = QFormLayout()
        self.errors = FormErrors(form)
        self.errors.add_row(self.tr("&Comment"), "comment", self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.addButton(self.tr("&Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("team_comment_ok")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        hint = QLabel(self.tr("Ctrl+Enter saves. Once the clerk acknowledged, it is final."))
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.errors.general)
        layout.addWidget(buttons)
        self.keys = install_dialog_keys(self, submit=self.save, default=self.ok, first=self.text)
        self.keys.mark_clean()

    def save(self) -> None:
        text = self.text.toPlainText()
        user_id, period = self.user_id, self.period
        self.ctx.op(
            lambda s: assessment.comment(s, user_id=user_id, period=period, text=text),
            changes=Changes(assessment=True),
            parent=self,
            action="comment on the assessment",
        ).busy(self.ok).failure(self.errors.handle).success(self._saved).run()

    def _saved(self, sign_off: SignOff) -> None:
        self.saved = sign_off
        self.accept()


def _qtime(t: time) -> QTime:
    return QTime(t.hour, t.minute)


def _time(q: QTime) -> time:
    return time(q.hour(), q.minute())


class ShiftDialog(QDialog):
    """Add or change a shift definition (班次: 早/中/夜 with their times).

    Attributes:
        shift: which shift (an existing one, or a new one); code, name, starts, ends: the
        fields; saved_id: the shift saved (None until then).
    """

    def __init__(
        self, *, ctx: AppContext, shifts: list[ShiftRow], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.shifts = shifts
        self.saved_id: int | None = None
        self.setWindowTitle(self.tr("Shift definitions"))
        self.shift = named(QComboBox(), "team_shift_pick")
        for s in shifts:
            self.shift.addItem(f"{s.name}  {s.hours}", s.id)
        self.shift.addItem(self.tr("New shift"), None)
        self.code = named(QLineEdit(), "team_shift_code")
        self.code.setMaxLength(10)
        self.code.setPlaceholderText(self.tr("e.g. early, middle, night"))
        self.name = named(QLineEdit(), "team_shift_name")
        self.name.setMaxLength(20)
        self.name.setPlaceholderText(self.tr("e.g. 早班"))
        self.starts = named(QTimeEdit(), "team_shift_starts")
        self.ends = named(QTimeEdit(), "team_shift_ends")
        for edit in (self.starts, self.ends):
            edit.setDisplayFormat("HH:mm")
        form = QFormLayout()
        self.errors = FormErrors(form)
        self.errors.add_row(self.tr("S&hift"), "shift", self.shift)
        self.errors.add_row(self.tr("C&ode"), "code", self.code)
        self.errors.add_row(self.tr("&Name"), "name", self.name)
        self.errors.add_row(self.tr("&Starts"), "starts", self.starts)
        self.errors.add_row(self.tr("&Ends"), "ends", self.ends)
        hint = QLabel(self.tr("A shift that ends at or before its start runs past midnight."))
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.addButton(self.tr("Sa&ve"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("team_shift_ok")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.errors.general)
        layout.addWidget(buttons)
        self.keys = install_dialog_keys(self, submit=self.save, default=self.ok, first=self.shift)
        self.shift.currentIndexChanged.connect(self._fill)
        self._fill()
        self.keys.mark_clean()  # the shown shift is loaded, not typed

    def _fill(self) -> None:
        """Show the chosen shift's fields (choosing another one counts as input)."""
        shift_id = self.shift.currentData()
        found = next((s for s in self.shifts if s.id == shift_id), None)
        self.code.setReadOnly(found is not None)
        if found is None:
            self.code.clear()
            self.name.clear()
            self.starts.setTime(QTime(8, 0))
            self.ends.setTime(QTime(16, 0))
        else:
            self.code.setText(found.code)
            self.name.setText(found.name)
            self.starts.setTime(_qtime(found.starts))
            self.ends.setTime(_qtime(found.ends))

    def save(self) -> None:
        code, name = self.code.text(), self.name.text()
        starts, ends = _time(self.starts.time()), _time(self.ends.time())
        self.ctx.op(
            lambda s: roster.define_shift(s, code=code, name=name, starts=starts, ends=ends),
            changes=Changes(roster=True),
            parent=self,
            action="save a shift definition",
        ).busy(self.ok).failure(self.errors.handle).success(self._saved).run()

    def _saved(self, shift_id: int) -> None:
        self.saved_id = shift_id
        self.accept()


class CallDialog(QDialog):
    """One call listed under an assessment figure, read-only (calls have no page of their
    own): when, in or out, caller, unit, topic, summary, outcome, ticket, clerk. Its ticket
    or unit opens from here (Alt+T, Alt+U), as the desk opens them; Esc or Enter closes.

    Attributes:
        facts: the call; form: its labelled lines (for an outgoing call the person called
        and the clerk who dialled, for an incoming one the caller and who answered);
        ticket_button, unit_button: shown when the call has one.

    Signals:
        open_record(str, int): ``("ticket", id)`` or ``("unit", id)``.
    """

    open_record = Signal(str, int)

    def __init__(self, *, facts: CallFacts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.facts = facts
        incoming = facts.direction == "in"
        # an outgoing call: the clerk dialled the other party, so the names swap roles
        title = self.tr("Incoming call %1") if incoming else self.tr("Outgoing call %1")
        self.setWindowTitle(title.replace("%1", str(facts.id)))
        self.resize(460, 320)
        self.form = form = QFormLayout()
        direction = self.tr("incoming") if incoming else self.tr("outgoing")
        summary = named(QLabel(facts.summary or "—"), "team_call_summary")
        summary.setWordWrap(True)
        summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        rows = (
            (self.tr("Time"), f"{clock.to_local(facts.at):%Y-%m-%d %H:%M}  {direction}"),
            (self.tr("Caller") if incoming else self.tr("Person called"), facts.caller_name or "—"),
            (self.tr("Unit"), facts.unit_code or "—"),
            (self.tr("Topic"), call_labels.shown(call_labels.TOPICS, facts.topic) or "—"),
            (self.tr("Outcome"), call_labels.shown(call_labels.OUTCOMES, facts.outcome) or "—"),
            (self.tr("Ticket"), facts.ticket_number or "—"),
            (self.tr("Answered by") if incoming else self.tr("Called by"), facts.clerk_name or "—"),
        )
        for label, value in rows:
            form.addRow(label, QLabel(value))
        form.addRow(self.tr("Summary"), summary)
        buttons = QDialogButtonBox()
        self.ticket_button = named(QPushButton(self.tr("Open &ticket")), "team_call_ticket")
        self.unit_button = named(QPushButton(self.tr("Open &unit")), "team_call_unit")
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        for button in (self.ticket_button, self.unit_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
            button.setAutoDefault(False)
        self.ticket_button.setVisible(facts.ticket_id is not None)
        self.unit_button.setVisible(facts.unit_id is not None)
        self.ticket_button.clicked.connect(lambda: self._open("ticket", facts.ticket_id))
        self.unit_button.clicked.connect(lambda: self._open("unit", facts.unit_id))
        buttons.rejected.connect(self.reject)
        close.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        close.setFocus()

    def _open(self, kind: str, record_id: int | None) -> None:
        if record_id is not None:
            self.accept()
            self.open_record.emit(kind, record_id)
