"""复核: the paper forms drawn for a re-check call, and the answers given again by phone.

Enter on a form in the list starts the questionnaire; the answers are typed as on a call,
and the last Enter records them: the line under the form says how many differ from the
paper, and the list shows each form's differences.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget
from sqlalchemy import select
from sqlalchemy.orm import Session

from propdesk.changes import Changes
from propdesk.surveys import queries as q
from propdesk.surveys import services as sv
from propdesk.surveys.values import (
    AnswerInput,
    CampaignRow,
    CampaignStatus,
    QuestionRow,
    RecheckRow,
)
from ui.common.list_model import RowListModel
from ui.common.naming import named
from ui.context import AppContext
from ui.surveys.common import CampaignChooser, say_refusal, table_view
from ui.surveys.dialogs import CHANGES
from ui.surveys.entry import SurveyEntry


@dataclass(frozen=True)
class Difference:
    """One answer of a re-checked form that differs from the paper."""

    question_id: int
    paper_rating: int | None
    paper_choices: tuple[int, ...]
    rating: int | None
    choices: tuple[int, ...]


def _indexes(text: str) -> tuple[int, ...]:
    return tuple(int(x) for x in text.split(",") if x.strip())


def recheck_differences(session: Session, response_id: int) -> list[Difference]:
    """The answers of a re-checked paper form that differ from the paper, in entry order.

    (Read here until the core offers it: see propdesk/surveys/UI_NEEDS.md.)"""
    from propdesk.surveys.models import SurveyRecheck, SurveyRecheckAnswer

    a = SurveyRecheckAnswer
    rows = session.execute(
        select(a.question_id, a.paper_rating, a.paper_choices, a.rating, a.choices)
        .join(SurveyRecheck, SurveyRecheck.id == a.recheck_id)
        .where(SurveyRecheck.response_id == response_id, a.differs.is_(True))
        .order_by(a.id)
    )
    return [
        Difference(int(qid), p_rating, _indexes(p_choices or ""), rating, _indexes(choices or ""))
        for qid, p_rating, p_choices, rating, choices in rows
    ]


@dataclass(frozen=True)
class Rechecks:
    rows: list[RecheckRow]
    questions: list[QuestionRow]


class RecheckTab(QWidget):
    """Attributes: campaign, model / table (the drawn forms), current (the form being
    re-checked), entry, message."""

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.current: RecheckRow | None = None
        self.campaign = CampaignChooser(
            (CampaignStatus.OPEN, CampaignStatus.CLOSED), "survey_recheck_campaign"
        )
        campaign_label = QLabel(self.tr("C&ampaign"))
        campaign_label.setBuddy(self.campaign)
        self.model: RowListModel[RecheckRow] = RowListModel(
            [
                (self.tr("Unit"), lambda r: r.unit_code),
                (self.tr("Form number"), lambda r: r.paper_form_no),
                (
                    self.tr("Re-check"),
                    lambda r: self.tr("done") if r.status == "done" else self.tr("to call"),
                ),
                (
                    self.tr("Differences"),
                    lambda r: str(r.differences) if r.status == "done" else "",
                ),
            ],
            right_aligned=(3,),
            parent=self,
        )
        self.table = table_view("survey_recheck_table")
        self.table.setModel(self.model)
        self.start_button = named(
            QPushButton(self.tr("&Re-check this form")), "survey_recheck_start"
        )
        self.number_button = named(QPushButton(self.tr("Show n&umber")), "survey_recheck_number")
        self.form = named(QLabel(), "survey_recheck_form")
        self.form.setTextFormat(Qt.TextFormat.PlainText)
        self.form.setWordWrap(True)
        self.form.setText(self.tr("Choose a form and press Enter to re-check it by phone."))
        self.entry = SurveyEntry()
        self.entry.setObjectName("survey_recheck_entry")
        self.entry.setEnabled(False)
        self.message = named(QLabel(), "survey_recheck_message")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        top = QHBoxLayout()
        top.addWidget(campaign_label)
        top.addWidget(self.campaign)
        top.addWidget(self.start_button)
        top.addWidget(self.number_button)
        top.addStretch(1)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.form)
        rl.addWidget(self.entry, 1)
        rl.addWidget(self.message)
        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(right)
        split.setSizes([380, 680])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        self.campaign.chosen.connect(lambda _cid: self.reload())
        self.table.activated.connect(lambda _i: self.start_selected())
        self.start_button.clicked.connect(self.start_selected)
        self.number_button.clicked.connect(self.show_number)
        self.entry.submit_requested.connect(self.submit)

    def primary_field(self) -> QWidget:
        return self.table

    def set_campaigns(self, rows: Sequence[CampaignRow]) -> None:
        """The campaigns offered (the page reloads this tab when it is shown)."""
        self.campaign.set_campaigns(rows, announce=False)

    def reload(self) -> None:
        campaign = self.campaign.campaign()
        if campaign is None:
            self.model.set_rows([])
            self.entry.set_questions([])
            self.entry.setEnabled(False)
            return
        cid, qn = campaign.id, campaign.questionnaire_id

        def read(s: Session) -> Rechecks:
            return Rechecks(q.recheck_queue(s, cid), q.questionnaire_questions(s, qn))

        self.ctx.query(read, parent=self, action="survey rechecks").success(self._loaded).run()

    def _loaded(self, loaded: Rechecks) -> None:
        self.model.set_rows(loaded.rows)
        if [x.id for x in loaded.questions] != [x.id for x in self.entry.questions]:
            self.entry.set_questions(loaded.questions)
        pending = [i for i, r in enumerate(loaded.rows) if r.status != "done"]
        if loaded.rows:
            self.table.selectRow(pending[0] if pending else 0)

    def start_selected(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            self.message.setText(self.tr("No form drawn for a re-check."))
            return
        row = self.model.row_value(index.row())
        if row.status == "done":
            self.message.setText(
                self.tr("Form %1 was re-checked already: %2 difference(s).")
                .replace("%1", row.paper_form_no)
                .replace("%2", str(row.differences))
            )
            rid, number = row.response_id, row.paper_form_no
            self.ctx.query(
                lambda s: recheck_differences(s, rid), parent=self, action="survey recheck"
            ).success(lambda which: self.show_differences(number, which)).run()
            return
        self.current = row
        self.form.setText(
            self.tr("Re-checking form %1 of %2: ask the questions again")
            .replace("%1", row.paper_form_no)
            .replace("%2", row.unit_code)
        )
        self.message.clear()
        self.entry.setEnabled(True)
        self.entry.start()
        self.entry.focus_answer()

    def answer_text(self, question_id: int, rating: int | None, choices: Sequence[int]) -> str:
        """``4 满意`` or the options' names, as the form shows them."""
        q = next((x for x in self.entry.questions if x.id == question_id), None)
        if rating is not None:
            label = q.labels[rating - 1] if q is not None and 0 < rating <= len(q.labels) else ""
            return f"{rating} {label}".strip()
        names = [
            q.options[i] if q is not None and 0 <= i < len(q.options) else str(i + 1)
            for i in choices
        ]
        return "、".join(names) or "—"

    def show_differences(self, number: str, which: Sequence[Difference]) -> None:
        """Under the form: each answer that differs, paper against phone."""
        if not which:
            self.form.setText(
                self.tr("Form %1: the answers by phone match the paper.").replace("%1", number)
            )
            return
        position = {q.id: i for i, q in enumerate(self.entry.questions, start=1)}
        lines = [self.tr("Form %1 differs from the paper:").replace("%1", number)]
        for d in which:
            q = next((x for x in self.entry.questions if x.id == d.question_id), None)
            lines.append(
                self.tr("Q%1 %2: paper %3, by phone %4")
                .replace("%1", str(position.get(d.question_id, "?")))
                .replace("%2", q.text if q is not None else "")
                .replace("%3", self.answer_text(d.question_id, d.paper_rating, d.paper_choices))
                .replace("%4", self.answer_text(d.question_id, d.rating, d.choices))
            )
        self.form.setText("\n".join(lines))

    def show_number(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            return
        row = self.model.row_value(index.row())
        sid = row.sample_id
        self.ctx.op(
            lambda s: sv.dial_number(s, sid), changes=Changes(), parent=self, action="survey dial"
        ).failure(say_refusal(self.message)).success(
            lambda number: self.message.setText(f"{row.unit_code}：{number}")
        ).run()

    def submit(self, answers: list[AnswerInput], _key: str) -> None:
        row = self.current
        if row is None:
            self.entry.refused(self.tr("Choose a form to re-check first."))
            return
        rid, number = row.response_id, row.paper_form_no

        def done(found: tuple[int, list[Difference]]) -> None:
            differences, which = found
            self.message.setText(
                self.tr("Re-check of form %1 recorded: %2 answer(s) differ from the paper.")
                .replace("%1", number)
                .replace("%2", str(differences))
                if differences
                else self.tr("Re-check of form %1 recorded: the answers match the paper.").replace(
                    "%1", number
                )
            )
            self.current = None
            self.entry.saved()
            self.entry.setEnabled(False)
            self.show_differences(number, which)
            self.reload()
            self.table.setFocus()

        def failed(exc: BaseException) -> bool:
            handled = say_refusal(self.message)(exc)
            self.entry.refused(
                self.message.text() if handled else self.tr("Not saved."),
                getattr(exc, "field", ""),
            )
            return handled

        def write(s: Session) -> tuple[int, list[Difference]]:
            return sv.record_recheck(s, rid, answers), recheck_differences(s, rid)

        self.ctx.op(
            write,
            changes=CHANGES,
            parent=self,
            action="survey recheck",
        ).failure(failed).success(done).run()
