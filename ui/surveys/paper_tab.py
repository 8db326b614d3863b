"""纸质录入: the returned paper forms, typed in with the same keys as a call.

Choose the campaign, type the household's code (``3-2-1502``, or its room ``1502`` when that
is unique in the sample) and Enter, the form's number and Enter: the questionnaire takes
the keys. The last Enter saves the form once (source: paper) and the unit box is ready for
the next form.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from propdesk.surveys import queries as q
from propdesk.surveys import services as sv
from propdesk.surveys.values import (
    SAMPLE_STATUS_ZH,
    AnswerInput,
    CampaignRow,
    CampaignStatus,
    QuestionRow,
    QueueRow,
    SampleStatus,
)
from ui.common.naming import named
from ui.context import AppContext
from ui.surveys.calls_tab import Saved, saved_text, ticket_numbers
from ui.surveys.campaigns_tab import form_number
from ui.surveys.common import CampaignChooser, say_refusal
from ui.surveys.dialogs import CHANGES
from ui.surveys.entry import SurveyEntry

PRINTED_NUMBER = re.compile(r"\d+-\d{4}")  # the number "Print forms for the sample" gives


@dataclass(frozen=True)
class Sample:
    households: list[QueueRow]
    questions: list[QuestionRow]


def find_household(households: Sequence[QueueRow], typed: str) -> QueueRow | None:
    """The sampled household of ``typed``: its code, or a code ending in ``-typed`` when only
    one does."""
    typed = typed.strip()
    if not typed:
        return None
    exact = [h for h in households if h.unit_code == typed]
    if exact:
        return exact[0]
    tail = [h for h in households if h.unit_code.endswith(f"-{typed}")]
    return tail[0] if len(tail) == 1 else None


class PaperTab(QWidget):
    """Attributes: campaign, unit, form_no, entry, message; households (the sample)."""

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.households: list[QueueRow] = []
        self.household: QueueRow | None = None
        self._kept_number: tuple[int, str] | None = None  # a mismatch the clerk confirmed
        self.campaign = CampaignChooser((CampaignStatus.OPEN,), "survey_paper_campaign")
        self.unit = named(QLineEdit(), "survey_paper_unit")
        self.unit.setPlaceholderText(self.tr("e.g. 3-2-1502; Enter"))
        self.form_no = named(QLineEdit(), "survey_paper_form_no")
        self.form_no.setPlaceholderText(self.tr("as written on the form; Enter"))
        self.found = named(QLabel(), "survey_paper_found")
        self.entry = SurveyEntry()
        self.entry.setObjectName("survey_paper_entry")
        self.message = named(QLabel(), "survey_paper_message")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        form = QFormLayout()
        for text, widget in (
            (self.tr("C&ampaign"), self.campaign),
            (self.tr("&Unit code"), self.unit),
            (self.tr("Form &number"), self.form_no),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        form.addRow("", self.found)
        top = QHBoxLayout()
        top.addLayout(form)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.entry, 1)
        layout.addWidget(self.message)

        self.campaign.chosen.connect(lambda _cid: self.reload())
        self.unit.returnPressed.connect(self.unit_entered)
        self.form_no.returnPressed.connect(self.form_no_entered)
        self.entry.submit_requested.connect(self.submit)
        self.entry.setEnabled(False)

    def primary_field(self) -> QWidget:
        return self.unit

    def set_campaigns(self, rows: Sequence[CampaignRow]) -> None:
        """The campaigns offered (the page reloads this tab when it is shown)."""
        self.campaign.set_campaigns(rows, announce=False)

    def reload(self) -> None:
        campaign = self.campaign.campaign()
        if campaign is None:
            self.households = []
            self.entry.set_questions([])
            self.entry.setEnabled(False)
            self.found.setText(self.tr("No open campaign: forms are entered while it is open."))
            return
        cid, qn = campaign.id, campaign.questionnaire_id

        def read(s: Session) -> Sample:
            return Sample(
                q.call_queue(s, cid, include_finished=True), q.questionnaire_questions(s, qn)
            )

        self.ctx.query(read, parent=self, action="survey paper sample").success(self._loaded).run()

    def _loaded(self, sample: Sample) -> None:
        self.households = sample.households
        if [x.id for x in sample.questions] != [x.id for x in self.entry.questions]:
            self.entry.set_questions(sample.questions)

    def unit_entered(self) -> None:
        row = find_household(self.households, self.unit.text())
        self.household = row
        if row is None:
            self.found.setText(
                self.tr("%1 is not in this campaign's sample.").replace(
                    "%1", self.unit.text().strip()
                )
            )
            self.entry.setEnabled(False)
            return
        self.unit.setText(row.unit_code)
        status = SAMPLE_STATUS_ZH.get(row.status, row.status)
        self.found.setText(f"{row.unit_code}　{row.building}　{row.contact}　{status}")
        if row.status == SampleStatus.DONE:
            self.found.setText(self.found.text() + self.tr(" — already answered"))
        self.form_no.setFocus()
        self.form_no.selectAll()

    def form_no_entered(self) -> None:
        if self.household is None:
            self.unit.setFocus()
            return
        if not self.form_no.text().strip():
            self.message.setText(self.tr("Type the form's number first."))
            return
        typed = self.form_no.text().strip()
        printed = self.printed_number(self.household)
        if (
            printed is not None
            and PRINTED_NUMBER.fullmatch(typed)
            and typed != printed
            and self._kept_number != (self.household.sample_id, typed)
        ):
            # a printed number of another household: the unit or the number is mistyped
            self._kept_number = (self.household.sample_id, typed)
            self.message.setText(
                self.tr(
                    "Form %1 was printed for another household; %2's form is %3. "
                    "Check the unit and the number (Enter again keeps %1)."
                )
                .replace("%1", typed)
                .replace("%2", self.household.unit_code)
                .replace("%3", printed)
            )
            self.form_no.selectAll()
            return
        self.message.clear()
        self.entry.setEnabled(True)
        self.entry.start()
        self.entry.focus_answer()

    def printed_number(self, row: QueueRow) -> str | None:
        """The number printed on ``row``'s form by Print forms for the sample (its place in
        the whole sample by unit code, as campaigns_tab numbers them)."""
        campaign = self.campaign.campaign()
        if campaign is None:
            return None
        ordered = sorted(self.households, key=lambda h: h.unit_code)
        for n, h in enumerate(ordered, start=1):
            if h.sample_id == row.sample_id:
                return form_number(campaign.id, n)
        return None

    def submit(self, answers: list[AnswerInput], key: str) -> None:
        campaign, row = self.campaign.campaign(), self.household
        if campaign is None or row is None:
            self.entry.refused(self.tr("Type the household first."))
            return
        cid, uid, code, number = campaign.id, row.unit_id, row.unit_code, self.form_no.text()

        def write(s: Session) -> Saved:
            result = sv.submit_paper(s, cid, uid, answers, form_no=number, key=key)
            return Saved(result, ticket_numbers(s, result.ticket_ids))

        def done(saved: Saved) -> None:
            self.message.setText(saved_text(code, saved))
            self.entry.saved()
            self.entry.setEnabled(False)
            self.household = None
            self.found.clear()
            self.unit.clear()
            self.form_no.clear()
            self.unit.setFocus()
            self.reload()

        def failed(exc: BaseException) -> bool:
            handled = say_refusal(self.message)(exc)
            self.entry.refused(
                self.message.text() if handled else self.tr("Not saved."),
                getattr(exc, "field", ""),
            )
            field = getattr(exc, "field", "")
            if field in ("unit_id", "form_no"):  # the answers stay; correct the header
                (self.unit if field == "unit_id" else self.form_no).setFocus()
            return handled

        self.ctx.op(write, changes=CHANGES, parent=self, action="survey paper form").failure(
            failed
        ).success(done).run()
