"""电话访问: the call queue of an open campaign and the household being called.

The next household comes up by itself (callbacks due first, as the core orders them). The
clerk dials (Show number reveals it, audited), then either records why there are no
answers — F5 no answer, F7 refused, F8 call back at a time (F6 stays the fees key) — or types the answers into the
questionnaire below, keys only; the last Enter saves once and the next household comes up.
A dissatisfied answer or a complaint opens a callback ticket, and the line under the form
says so with the ticket numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select
from sqlalchemy.orm import Session

from propdesk.changes import Changes
from propdesk.surveys import queries as q
from propdesk.surveys import services as sv
from propdesk.surveys.values import (
    SAMPLE_STATUS_ZH,
    AnswerInput,
    CallOutcome,
    CampaignRow,
    CampaignStatus,
    QuestionRow,
    QueueRow,
    SampleStatus,
    SubmitResult,
)
from ui.calls.labels import from_qdatetime
from ui.common.list_model import RowListModel
from ui.common.naming import named
from ui.context import AppContext
from ui.surveys.common import CampaignChooser, say_refusal, table_view, when
from ui.surveys.dialogs import CHANGES, CallbackDialog
from ui.surveys.entry import SurveyEntry


@dataclass(frozen=True)
class Queue:
    rows: list[QueueRow]
    current: QueueRow | None
    questions: list[QuestionRow]


def ticket_numbers(session: Session, ticket_ids: Sequence[int]) -> list[str]:
    """The numbers of the callback tickets a submission opened, in order."""
    from propdesk.tickets.models import Ticket

    if not ticket_ids:
        return []
    found = {
        int(tid): str(number)
        for tid, number in session.execute(
            select(Ticket.id, Ticket.number).where(Ticket.id.in_(ticket_ids))
        )
    }
    return [str(found.get(t, t)) for t in ticket_ids]


@dataclass(frozen=True)
class Saved:
    result: SubmitResult
    ticket_nos: list[str]


def saved_text(unit_code: str, saved: Saved) -> str:
    """``3-2-1502 的答卷已保存。已开回访工单：…`` (phone calls and paper forms alike)."""
    text = QCoreApplication.translate("SurveySaved", "Answers of %1 saved.").replace(
        "%1", unit_code
    )
    if saved.ticket_nos:
        text += QCoreApplication.translate(
            "SurveySaved",
            " A callback ticket was opened for the dissatisfied answer or complaint: %1",
        ).replace("%1", "、".join(saved.ticket_nos))
    if saved.result.recheck:
        text += QCoreApplication.translate(
            "SurveySaved", " This paper form was drawn for a re-check call."
        )
    return text


class CallsTab(QWidget):
    """The call queue and the questionnaire of the household being called.

    Attributes:
        campaign: the open campaigns; queue_model / queue: the queue; current: the household
        being called; household: its line; entry: the questionnaire; message: the outcome
        of the last action; dialog: the call-back form while it is open.
    """

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.current: QueueRow | None = None
        self.dialog: QDialog | None = None
        self.campaign = CampaignChooser((CampaignStatus.OPEN,), "survey_calls_campaign")
        campaign_label = QLabel(self.tr("C&ampaign"))
        campaign_label.setBuddy(self.campaign)
        self.queue_model: RowListModel[QueueRow] = RowListModel(
            [
                (self.tr("Unit"), lambda r: r.unit_code),
                (self.tr("Building"), lambda r: r.building),
                (self.tr("Contact"), lambda r: r.contact),
                (self.tr("Phone"), lambda r: r.phone),
                (self.tr("Status"), lambda r: SAMPLE_STATUS_ZH.get(r.status, r.status)),
                (self.tr("Attempts"), lambda r: str(r.attempts)),
                (self.tr("Call back at"), lambda r: when(r.callback_at)),
                (self.tr("Last call"), lambda r: when(r.last_attempt_at)),
            ],
            right_aligned=(5,),
            parent=self,
        )
        self.queue = table_view("survey_calls_queue")
        self.queue.setModel(self.queue_model)
        for column, width in enumerate((76, 48, 64, 96, 64, 60, 84)):
            self.queue.setColumnWidth(column, width)
        self.household = named(QLabel(), "survey_calls_household")
        self.household.setTextFormat(Qt.TextFormat.PlainText)
        self.household.setWordWrap(True)
        font = self.household.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.household.setFont(font)
        self.next_button = named(QPushButton(self.tr("&Next household")), "survey_calls_next")
        self.call_button = named(QPushButton(self.tr("Call this &one")), "survey_calls_take")
        self.number_button = named(QPushButton(self.tr("Show n&umber")), "survey_calls_number")
        self.no_answer_button = named(
            QPushButton(self.tr("No ans&wer (F5)")), "survey_calls_no_answer"
        )
        self.refused_button = named(QPushButton(self.tr("&Refused (F7)")), "survey_calls_refused")
        self.callback_button = named(
            QPushButton(self.tr("Call &back at… (F8)")), "survey_calls_callback"
        )
        self.entry = SurveyEntry()
        self.message = named(QLabel(), "survey_calls_message")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)

        top = QHBoxLayout()
        top.addWidget(campaign_label)
        top.addWidget(self.campaign)
        top.addWidget(self.next_button)
        top.addWidget(self.call_button)
        top.addStretch(1)
        outcome = QHBoxLayout()
        for b in (
            self.number_button,
            self.no_answer_button,
            self.refused_button,
            self.callback_button,
        ):
            outcome.addWidget(b)
        outcome.addStretch(1)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.household)
        rl.addLayout(outcome)
        rl.addWidget(self.entry, 1)
        rl.addWidget(self.message)
        split = QSplitter()
        split.addWidget(self.queue)
        split.addWidget(right)
        split.setStretchFactor(1, 3)
        split.setSizes([420, 640])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)

        self.campaign.chosen.connect(lambda _cid: self.reload())
        self.next_button.clicked.connect(self.reload)
        self.call_button.clicked.connect(self.take_selected)
        self.queue.activated.connect(lambda _i: self.take_selected())
        self.number_button.clicked.connect(self.show_number)
        self.no_answer_button.clicked.connect(lambda: self.record(CallOutcome.NO_ANSWER))
        self.refused_button.clicked.connect(lambda: self.record(CallOutcome.REFUSED))
        self.callback_button.clicked.connect(self.call_back)
        self.entry.submit_requested.connect(self.submit)
        for key, slot in (
            ("F5", lambda: self.record(CallOutcome.NO_ANSWER)),
            ("F7", lambda: self.record(CallOutcome.REFUSED)),
            ("F8", self.call_back),
        ):
            QShortcut(
                QKeySequence(key), self, slot, context=Qt.ShortcutContext.WidgetWithChildrenShortcut
            )
        self._show(None)

    def primary_field(self) -> QWidget:
        return self.entry if self.current is not None else self.campaign

    def set_campaigns(self, rows: Sequence[CampaignRow]) -> None:
        """The campaigns offered (the page reloads this tab when it is shown)."""
        self.campaign.set_campaigns(rows, announce=False)
        if self.campaign.campaign_id() is None:
            self.queue_model.set_rows([])
            self._show(None)

    # --- loading --------------------------------------------------------------------------

    def reload(self, *, take: int | None = None) -> None:
        """The queue, and the household to call: ``take`` (a sample id) or the next one."""
        cid = self.campaign.campaign_id()
        if cid is None:
            return
        qn = self.campaign.rows[cid].questionnaire_id

        def read(s: Session) -> Queue:
            rows = q.call_queue(s, cid)
            current = next((r for r in rows if r.sample_id == take), None) if take else None
            return Queue(rows, current or q.next_call(s, cid), q.questionnaire_questions(s, qn))

        self.ctx.query(read, parent=self, action="survey call queue").success(self._loaded).run()

    def _loaded(self, queue: Queue) -> None:
        self.queue_model.set_rows(queue.rows)
        if [x.id for x in queue.questions] != [x.id for x in self.entry.questions]:
            self.entry.set_questions(queue.questions)
        self._show(queue.current)

    def _show(self, row: QueueRow | None) -> None:
        changed = (row.sample_id if row else None) != (
            self.current.sample_id if self.current else None
        )
        self.current = row
        for b in (
            self.number_button,
            self.no_answer_button,
            self.refused_button,
            self.callback_button,
        ):
            b.setEnabled(row is not None)
        self.entry.setEnabled(row is not None)
        if row is None:
            self.household.setText(
                self.tr("Nobody left to call in this campaign.")
                if self.campaign.campaign_id() is not None
                else self.tr("No open campaign: draw a sample first.")
            )
            return
        c = self.campaign.campaign()
        most = c.max_attempts if c else 0
        parts = [
            row.unit_code,
            row.building,
            self.tr("contact %1").replace("%1", row.contact or "—"),
            self.tr("phone %1").replace("%1", row.phone or "—"),
            self.tr("calls %1 of %2").replace("%1", str(row.attempts)).replace("%2", str(most)),
        ]
        if row.status == SampleStatus.CALLBACK and row.callback_at is not None:
            parts.append(
                self.tr("asked to be called back at %1").replace("%1", when(row.callback_at))
            )
        self.household.setText("　".join(parts))
        for i in range(self.queue_model.rowCount()):
            if self.queue_model.row_value(i).sample_id == row.sample_id:
                self.queue.selectRow(i)
                break
        if changed:
            self.entry.start()
        if self.isVisible():
            self.entry.focus_answer()

    def take_selected(self) -> None:
        index = self.queue.currentIndex()
        if index.isValid():
            self.reload(take=self.queue_model.row_value(index.row()).sample_id)

    # --- the call -------------------------------------------------------------------------

    def show_number(self) -> None:
        row = self.current
        if row is None:
            return
        sid = row.sample_id

        def shown(number: str) -> None:
            self.household.setText(
                self.household.text().replace(row.phone, number, 1) if row.phone else number
            )

        # (an audited reveal, no survey record changes: the line keeps the number shown)
        self.ctx.op(
            lambda s: sv.dial_number(s, sid), changes=Changes(), parent=self, action="survey dial"
        ).failure(say_refusal(self.message)).success(shown).run()

    def record(self, outcome: CallOutcome) -> None:
        row = self.current
        if row is None:
            return
        sid, code = row.sample_id, row.unit_code

        def done(status: SampleStatus) -> None:
            self.message.setText(
                self.tr("%1: %2, now %3.")
                .replace("%1", code)
                .replace("%2", self._outcome_text(outcome))
                .replace("%3", SAMPLE_STATUS_ZH.get(status, status))
            )
            self.reload()

        self.ctx.op(
            lambda s: sv.record_attempt(s, sid, outcome),
            changes=CHANGES,
            parent=self,
            action="survey call",
        ).failure(say_refusal(self.message)).success(done).run()

    def _outcome_text(self, outcome: CallOutcome) -> str:
        return {
            CallOutcome.NO_ANSWER: self.tr("no answer"),
            CallOutcome.REFUSED: self.tr("refused"),
            CallOutcome.CALLBACK: self.tr("call back"),
            CallOutcome.ANSWERED: self.tr("answered"),
        }[outcome]

    def call_back(self) -> CallbackDialog | None:
        row = self.current
        if row is None:
            return None
        dialog = CallbackDialog(
            ctx=self.ctx, sample_id=row.sample_id, unit_code=row.unit_code, parent=self
        )
        code = row.unit_code

        def accepted() -> None:
            at = from_qdatetime(dialog.when.dateTime())  # said: the column may be off screen
            self.message.setText(
                self.tr("%1 will be called back at %2.").replace("%1", code).replace("%2", when(at))
            )
            self.reload()

        dialog.accepted.connect(accepted)
        self.dialog = dialog
        dialog.open()
        return dialog

    def submit(self, answers: list[AnswerInput], key: str) -> None:
        row = self.current
        if row is None:
            self.entry.refused(self.tr("No household is being called."))
            return
        sid, code = row.sample_id, row.unit_code

        def write(s: Session) -> Saved:
            result = sv.submit_phone(s, sid, answers, key=key)
            return Saved(result, ticket_numbers(s, result.ticket_ids))

        def done(saved: Saved) -> None:
            self.message.setText(saved_text(code, saved))
            self.entry.saved()
            self.reload()

        def failed(exc: BaseException) -> bool:
            handled = say_refusal(self.message)(exc)
            self.entry.refused(
                self.message.text() if handled else self.tr("Not saved."),
                getattr(exc, "field", ""),
            )
            return handled

        self.ctx.op(write, changes=CHANGES, parent=self, action="survey phone answers").failure(
            failed
        ).success(done).run()
