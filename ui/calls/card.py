"""The call card (来电卡片): identify the caller, see their household, log the call.

Opened by F9 from anywhere, by the caller-ID endpoint (when the clerk is not typing in a
dialog), or from the queue to call someone back. The number field has the focus: typing the
number or its last 4 digits identifies the household (several → a list to choose from);
beside the form the card shows outages affecting their building (pinned on top), open
tickets, arrears and recent calls. Ctrl+T opens the ticket form prefilled and links the
ticket to the call; Ctrl+Enter saves; Esc with input typed asks first. The card is
non-modal, so it stays open (also across a screen lock) while the clerk looks things up.
"""

from __future__ import annotations

import html
from datetime import timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.calls import calls as svc
from propdesk.calls import directory, identify, kb
from propdesk.calls.calls import CallEntry
from propdesk.calls.values import CallerContext, DirectoryRow, Household, KbEntryRow
from propdesk.changes import Changes
from ui.calls import labels
from ui.care.banner import CareBanner
from ui.common.forms import FormErrors
from ui.common.keyboard import install_dialog_keys
from ui.common.naming import named
from ui.context import AppContext
from ui.tickets.action_dialogs import form_failure

if TYPE_CHECKING:
    from ui.tickets.intake import IntakeDialog


class CallCard(QDialog):
    """One call being taken (or made).

    Attributes:
        call_id: the ringing call this card logs (``None`` for a call typed in by hand).
        parent_call_id: for an outbound call, the call it returns.
        households: the matches of the number typed; ``household`` the chosen one.
        ticket_id: the ticket made from this call (Ctrl+T).
        saved_id: the call's id once saved.
        errors: the form's :class:`FormErrors`.
    """

    def __init__(
        self,
        *,
        ctx: AppContext,
        number: str = "",
        call_id: int | None = None,
        outbound_for: int | None = None,
        outbound: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.outbound = outbound or outbound_for is not None
        self.ctx = ctx
        self.call_id = call_id
        self.parent_call_id = outbound_for
        self.households: list[Household] = []
        self.household: Household | None = None
        self.ticket_id: int | None = None
        self.saved_id: int | None = None
        self.intake: IntakeDialog | None = None
        self.context: CallerContext | None = None
        self.suggested: list[KbEntryRow] = []
        self.setObjectName("call_card")
        if outbound_for is not None:
            self.setWindowTitle(self.tr("Call back"))
        elif self.outbound:
            self.setWindowTitle(self.tr("Outgoing call"))
        else:
            self.setWindowTitle(self.tr("Incoming call"))
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.resize(980, 640)

        self.number = named(QLineEdit(number), "call_number")
        self.number.setPlaceholderText(self.tr("Caller's number or its last 4 digits"))
        self.household_list = named(QListWidget(), "call_households")
        self.household_list.setMaximumHeight(90)
        self.topic = named(QComboBox(), "call_topic")
        for key in labels.TOPICS:
            self.topic.addItem(labels.shown(labels.TOPICS, key), key)
        self.summary = named(QPlainTextEdit(), "call_summary")
        self.summary.setTabChangesFocus(True)
        self.summary.setPlaceholderText(self.tr("What the caller asked and what you answered"))
        self.summary.setFixedHeight(90)
        self.outcome = named(QComboBox(), "call_outcome")
        kinds = ["answered", "ticket", "transferred", "callback"]
        if self.outbound:
            kinds.append("no_answer")
        for key in kinds:
            self.outcome.addItem(labels.shown(labels.OUTCOMES, key), key)
        self.transfer_to = named(QLineEdit(), "call_transfer_to")
        self.transfer_ext = named(QLineEdit(), "call_transfer_ext")
        self.directory_button = named(QPushButton(self.tr("Di&rectory…")), "call_directory")
        self.directory_button.setAutoDefault(False)
        self.callback_due = named(QDateTimeEdit(), "call_callback_due")
        self.callback_due.setCalendarPopup(True)
        self.callback_due.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.callback_due.setDateTime(labels.to_qdatetime(clock.now() + timedelta(hours=4)))
        self.ticket_button = named(QPushButton(self.tr("Make tic&ket (Ctrl+T)")), "call_ticket")
        self.ticket_button.setAutoDefault(False)
        self.ticket_label = named(QLabel(), "call_ticket_label")
        self.about_ticket = named(QComboBox(), "call_about_ticket")
        self.about_ticket.addItem(self.tr("(no ticket)"), None)
        self.arrears_call = named(
            QCheckBox(self.tr("Arrears call: also write it in the arrears contact &log")),
            "call_arrears",
        )
        self.arrears_call.setEnabled(False)
        self.save_button = named(QPushButton(self.tr("&Save (Ctrl+Enter)")), "call_save")
        self.save_button.setDefault(False)
        self.save_button.setAutoDefault(False)

        form = QFormLayout()
        self.errors = FormErrors(form)
        self.errors.add_row(self.tr("&Number"), "number", self.number)
        self.errors.add_row(self.tr("&Household"), "person_id", self.household_list)
        self.errors.add_row(self.tr("&Topic"), "topic", self.topic)
        self.errors.add_row(self.tr("S&ummary"), "summary", self.summary)
        self.errors.add_row(self.tr("&Outcome"), "outcome", self.outcome)
        transfer = QWidget()
        row = QHBoxLayout(transfer)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.transfer_to, 1)
        row.addWidget(self.directory_button)
        self.errors.add_row(self.tr("Tr&ansfer to"), "transfer_to", transfer)
        self.errors.add_row(self.tr("E&xtension"), "transfer_ext", self.transfer_ext)
        self.errors.add_row(self.tr("Callback &due"), "callback_due", self.callback_due)
        if self.outbound:
            self.errors.add_row(self.tr("About tick&et"), "ticket_id", self.about_ticket)
            self.errors.add_row("", "contact", self.arrears_call)
        left = QVBoxLayout()
        left.addLayout(form)
        tickets = QHBoxLayout()
        tickets.addWidget(self.ticket_button)
        tickets.addWidget(self.ticket_label, 1)
        left.addLayout(tickets)
        left.addWidget(self.errors.general)
        left.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        cancel = QPushButton(self.tr("Close"))
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        buttons.addWidget(self.save_button)
        buttons.addWidget(cancel)
        left.addLayout(buttons)

        self.pinned = named(QLabel(), "call_pinned")
        self.pinned.setWordWrap(True)
        self.pinned.setStyleSheet(
            "background: #fff3cd; color: #7a4b00; padding: 6px; border: 1px solid #e0b252;"
        )
        self.pinned.setVisible(False)
        self.info = named(QLabel(), "call_context")
        self.info.setWordWrap(True)
        self.info.setTextFormat(Qt.TextFormat.RichText)
        self.info.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.suggestions = named(QListWidget(), "call_suggestions")
        self.suggestions.setMaximumHeight(120)
        self.answer = named(QLabel(), "call_answer")
        self.answer.setWordWrap(True)
        self.care = CareBanner(ctx=ctx)  # the household's attention flags (ui/care)
        right = QVBoxLayout()
        right.addWidget(self.care)
        right.addWidget(self.pinned)
        right.addWidget(self.info, 1)
        right.addWidget(QLabel(self.tr("Knowledge base suggestions")))
        right.addWidget(self.suggestions)
        right.addWidget(self.answer)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)

        self._lookup_timer = QTimer(self)
        self._lookup_timer.setSingleShot(True)
        self._lookup_timer.setInterval(150)
        self._lookup_timer.timeout.connect(self.lookup)
        self._suggest_timer = QTimer(self)
        self._suggest_timer.setSingleShot(True)
        self._suggest_timer.setInterval(250)
        self._suggest_timer.timeout.connect(self.suggest)
        self.number.textChanged.connect(lambda _t: self._lookup_timer.start())
        self.number.returnPressed.connect(self.lookup)
        self.household_list.currentRowChanged.connect(self._chose)
        self.summary.textChanged.connect(self._suggest_timer.start)
        self.suggestions.currentRowChanged.connect(self._show_answer)
        self.outcome.currentIndexChanged.connect(self._outcome_changed)
        self.directory_button.clicked.connect(self.pick_from_directory)
        self.ticket_button.clicked.connect(self.make_ticket)
        self.save_button.clicked.connect(self.save)
        QShortcut(QKeySequence("Ctrl+T"), self, self.make_ticket)
        self._outcome_changed()
        # focus in the number; Ctrl+Enter saves; Esc with a summary typed asks first. Enter
        # alone never saves the card (it looks the number up).
        self.keys = install_dialog_keys(self, submit=self.save, first=self.number)
        if number:
            self.lookup()
        else:
            self._load_context()

    # --- the caller ---------------------------------------------------------------------

    def lookup(self) -> None:
        """Identify the household of the number typed (4+ digits)."""
        self._lookup_timer.stop()
        text = self.number.text().strip()
        digits = "".join(ch for ch in text if ch.isdigit())
        if len(digits) < 4:
            self._show_households([])
            return
        self.ctx.query(lambda s: identify.identify(s, text), parent=self).success(
            self._show_households
        ).failure(form_failure(self.errors)).run()

    def _show_households(self, found: list[Household]) -> None:
        self.households = found
        self.household_list.blockSignals(True)
        self.household_list.clear()
        if not found:
            item = QListWidgetItem(self.tr("Unknown caller (recorded as unknown)"))
            self.household_list.addItem(item)
        for h in found:
            self.household_list.addItem(f"{h.label}  {h.phone_shown}")
        self.household_list.blockSignals(False)
        self.household = found[0] if len(found) == 1 else None
        if len(found) == 1:
            self.household_list.setCurrentRow(0)
        if not self.has_input():
            self.keys.mark_clean()  # the lookup's own results are not the clerk's input
        self._load_context()

    def _chose(self, row: int) -> None:
        self.household = self.households[row] if 0 <= row < len(self.households) else None
        self._load_context()

    def _load_context(self) -> None:
        household, number = self.household, self.number.text().strip()
        self.care.show_unit(household.unit_id if household else None)

        def load(s: Session) -> CallerContext:
            return svc.caller_context(s, household, number if len(number) >= 7 else "")

        self.ctx.query(load, parent=self).success(self._show_context).run()

    def _show_context(self, context: CallerContext) -> None:
        self.context = context
        say = self.tr("Say:")
        pins = [
            f"【{o.kind_zh}{'（计划）' if o.planned else '（紧急）'}】{o.scope} "
            f"{clock.to_local(o.starts_at):%m-%d %H:%M}"
            + (f"–{clock.to_local(o.ends_at):%m-%d %H:%M}" if o.ends_at else "")
            + f"：{o.reason}\n{say} {o.script}"
            for o in context.outages
        ]
        self.pinned.setText("\n\n".join(pins))
        self.pinned.setVisible(bool(pins))
        parts: list[str] = []
        if context.household is not None:
            h = context.household
            parts.append(f"<b>{html.escape(h.label)}</b>")
            owed = context.arrears_fen
            parts.append(
                self.tr("Arrears: %1 yuan").replace("%1", f"{owed / 100:,.2f}")
                if owed
                else self.tr("No arrears")
            )
        if context.open_tickets:
            parts.append("<b>" + self.tr("Open tickets") + "</b>")
            parts += [html.escape(f"{t.number} {t.description}") for t in context.open_tickets]
        if context.recent_calls:
            parts.append("<b>" + self.tr("Recent calls") + "</b>")
            parts += [
                html.escape(
                    f"{clock.to_local(c.at):%Y-%m-%d %H:%M} "
                    f"{'↗' if c.direction == 'out' else '↘'} "
                    f"{labels.shown(labels.TOPICS, c.topic)} {c.summary[:40]}"
                )
                for c in context.recent_calls
            ]
        self.info.setText("<br>".join(parts))
        chosen = self.about_ticket.currentData()
        self.about_ticket.clear()
        self.about_ticket.addItem(self.tr("(no ticket)"), None)
        for t in context.open_tickets:
            self.about_ticket.addItem(f"{t.number} {t.description[:30]}", t.id)
        self.about_ticket.setCurrentIndex(max(0, self.about_ticket.findData(chosen)))
        self.arrears_call.setEnabled(context.household is not None and context.arrears_fen > 0)
        if not self.arrears_call.isEnabled():
            self.arrears_call.setChecked(False)

    # --- the form -----------------------------------------------------------------------

    def _outcome_changed(self) -> None:
        outcome = self.outcome.currentData()
        transfer = outcome == "transferred"
        self.transfer_to.setEnabled(transfer)
        self.transfer_ext.setEnabled(transfer)
        self.directory_button.setEnabled(transfer)
        self.callback_due.setEnabled(outcome in ("callback", "transferred"))

    def suggest(self) -> None:
        text = self.summary.toPlainText()
        self.ctx.query(lambda s: kb.suggest(s, text), parent=self).success(
            self._show_suggestions
        ).run()

    def _show_suggestions(self, rows: list[KbEntryRow]) -> None:
        self.suggested = rows
        self.suggestions.clear()
        for r in rows:
            self.suggestions.addItem(r.question)
        if rows:
            self.suggestions.setCurrentRow(0)  # the best match's answer shows at once
        else:
            self.answer.clear()

    def _show_answer(self, row: int) -> None:
        if 0 <= row < len(self.suggested):
            self.answer.setText(self.suggested[row].answer)

    def pick_from_directory(self) -> None:
        """Transfer: choose a useful number; it fills "transfer to" and the extension."""
        picker = DirectoryPicker(ctx=self.ctx, parent=self)
        picker.picked.connect(self.transfer_into_call)
        picker.open()

    def transfer_into_call(self, row: DirectoryRow) -> None:
        self.outcome.setCurrentIndex(self.outcome.findData("transferred"))
        self.transfer_to.setText(f"{row.name} {row.phone}")
        self.transfer_ext.setText(row.extension)

    def make_ticket(self) -> None:
        """Open the ticket form prefilled from the call; the ticket is linked to it."""
        from ui.tickets.intake import IntakeDialog

        h = self.household
        dialog = IntakeDialog(
            ctx=self.ctx,
            kind=labels.TICKET_KIND_OF_TOPIC.get(self.topic.currentData(), "repair"),
            unit_id=h.unit_id if h else None,
            person_id=h.person_id if h else None,
            parent=self,
        )
        dialog.setObjectName("call_ticket_intake")
        dialog.description.setPlainText(self.summary.toPlainText())
        if h is None and self.number.text().strip():
            dialog.phone.setText(self.number.text().strip())

        def done(result: int) -> None:
            if result and dialog.created is not None:
                self.ticket_id = dialog.created.id
                self.ticket_label.setText(self.tr("Ticket %1").replace("%1", dialog.created.number))
                self.outcome.setCurrentIndex(self.outcome.findData("ticket"))
            dialog.deleteLater()

        dialog.finished.connect(done)
        self.intake = dialog
        dialog.open()

    def entry(self) -> CallEntry:
        h = self.household
        due = labels.from_qdatetime(self.callback_due.dateTime())
        outcome = str(self.outcome.currentData())
        return CallEntry(
            number=self.number.text().strip(),
            topic=str(self.topic.currentData()),
            summary=self.summary.toPlainText(),
            outcome=outcome,
            direction="out" if self.outbound else "in",
            person_id=h.person_id if h else None,
            unit_id=h.unit_id if h else None,
            call_id=self.call_id,
            ticket_id=self.ticket_id
            if self.ticket_id is not None
            else (self.about_ticket.currentData() if self.outbound else None),
            transfer_to=self.transfer_to.text() if outcome == "transferred" else "",
            transfer_ext=self.transfer_ext.text() if outcome == "transferred" else "",
            callback_due=due
            if outcome in ("callback", "transferred") and self.callback_due.isEnabled()
            else None,
            parent_id=self.parent_call_id,
            arrears_unit_id=h.unit_id if h and self.arrears_call.isChecked() else None,
        )

    def save(self) -> None:
        if not self.save_button.isEnabled():  # already saving (Ctrl+Enter twice)
            return
        entry = self.entry()
        self.ctx.op(
            lambda s: svc.log_call(s, entry),
            changes=Changes(calls=True),
            parent=self,
            action="log call",
        ).busy(self.save_button).failure(form_failure(self.errors)).success(self._saved).run()

    def _saved(self, call_id: int) -> None:
        self.saved_id = call_id
        self.errors.clear()
        self.accept()

    # --- closing ------------------------------------------------------------------------

    def has_input(self) -> bool:
        return bool(self.summary.toPlainText().strip() or self.ticket_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            return  # Enter in a line field does not close the card; Ctrl+Enter saves
        super().keyPressEvent(event)


class DirectoryPicker(QDialog):
    """Search the directory of useful numbers; Enter (or double-click) transfers to one."""

    picked = Signal(object)

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[DirectoryRow] = []
        self.setObjectName("directory_picker")
        self.setWindowTitle(self.tr("Directory of useful numbers"))
        self.resize(520, 420)
        self.filter = named(QLineEdit(), "directory_filter")
        self.filter.setPlaceholderText(self.tr("Name, number or pinyin initials"))
        self.list = named(QListWidget(), "directory_list")
        transfer = QPushButton(self.tr("&Transfer"))
        transfer.clicked.connect(self.choose)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        layout.addWidget(transfer)
        self.filter.textChanged.connect(self.reload)
        self.filter.returnPressed.connect(self.choose)
        self.list.itemActivated.connect(lambda _i: self.choose())
        self.filter.setFocus()
        self.reload()

    def reload(self) -> None:
        text = self.filter.text()
        self.ctx.query(lambda s: directory.search_numbers(s, text), parent=self).success(
            self._show
        ).run()

    def _show(self, rows: list[DirectoryRow]) -> None:
        self.rows = rows
        self.list.clear()
        for r in rows:
            ext = f" 转{r.extension}" if r.extension else ""
            self.list.addItem(f"{r.name}  {r.phone}{ext}  {r.notes}".strip())
        if rows:
            self.list.setCurrentRow(0)

    def choose(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.rows):
            self.picked.emit(self.rows[row])
            self.accept()
