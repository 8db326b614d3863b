"""题库: the question bank (type, topic, locked once answered, active) and the questionnaires
with their versions. Designing is a manager's: the buttons show for managers only, and the
services refuse anyone else anyway.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from propdesk.auth.permissions import Permission
from propdesk.surveys import services as sv
from propdesk.surveys.values import QUESTION_KIND_ZH, QuestionnaireRow, QuestionRow
from ui.common.list_model import RowListModel
from ui.common.naming import named
from ui.context import AppContext
from ui.surveys.common import say_refusal, table_view
from ui.surveys.dialogs import CHANGES, QuestionDialog, QuestionnaireDialog


class BankTab(QWidget):
    """Attributes: question_model / question_table, questionnaire_model /
    questionnaire_table, the buttons, message, dialog (the form open now)."""

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dialog: QDialog | None = None
        self.question_model: RowListModel[QuestionRow] = RowListModel(
            [
                (self.tr("Question"), lambda r: r.text),
                (self.tr("Type"), lambda r: QUESTION_KIND_ZH.get(r.kind, r.kind)),
                (self.tr("Topic"), lambda r: r.topic),
                (self.tr("Options"), lambda r: " / ".join(r.options)),
                (self.tr("Locked"), lambda r: self.tr("locked") if r.locked else ""),
                (self.tr("In use"), lambda r: self.tr("yes") if r.active else self.tr("retired")),
            ],
            parent=self,
        )
        self.question_table = table_view("survey_bank_questions")
        self.question_table.setModel(self.question_model)
        self.question_table.setColumnWidth(0, 320)
        self.questionnaire_model: RowListModel[QuestionnaireRow] = RowListModel(
            [
                (self.tr("Questionnaire"), lambda r: r.name),
                (self.tr("Version"), lambda r: str(r.version)),
                (self.tr("Questions"), lambda r: str(len(r.question_ids))),
                (self.tr("Used by a campaign"), lambda r: self.tr("yes") if r.in_use else ""),
            ],
            right_aligned=(1, 2),
            parent=self,
        )
        self.questionnaire_table = table_view("survey_bank_questionnaires")
        self.questionnaire_table.setModel(self.questionnaire_model)
        self.questionnaire_table.setColumnWidth(0, 240)
        self.new_question_button = named(
            QPushButton(self.tr("New &question…")), "survey_bank_new_question"
        )
        self.edit_question_button = named(
            QPushButton(self.tr("&Edit question…")), "survey_bank_edit_question"
        )
        self.retire_button = named(QPushButton(self.tr("Re&tire / restore")), "survey_bank_retire")
        self.new_qn_button = named(
            QPushButton(self.tr("New q&uestionnaire…")), "survey_bank_new_qn"
        )
        self.revise_qn_button = named(
            QPushButton(self.tr("Re&vise questionnaire…")), "survey_bank_revise_qn"
        )
        self.message = named(QLabel(), "survey_bank_message")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        manager = ctx.can(Permission.MANAGE_SETTINGS)
        for b in (
            self.new_question_button,
            self.edit_question_button,
            self.retire_button,
            self.new_qn_button,
            self.revise_qn_button,
        ):
            b.setVisible(manager)
        qrow = QHBoxLayout()
        qrow.addWidget(QLabel(self.tr("Question bank (a question answered once is locked)")))
        qrow.addStretch(1)
        for b in (self.new_question_button, self.edit_question_button, self.retire_button):
            qrow.addWidget(b)
        nrow = QHBoxLayout()
        nrow.addWidget(QLabel(self.tr("Questionnaires (one in use is revised as a new version)")))
        nrow.addStretch(1)
        for b in (self.new_qn_button, self.revise_qn_button):
            nrow.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(qrow)
        layout.addWidget(self.question_table, 3)
        layout.addLayout(nrow)
        layout.addWidget(self.questionnaire_table, 2)
        layout.addWidget(self.message)
        self.new_question_button.clicked.connect(self.new_question)
        self.edit_question_button.clicked.connect(self.edit_question)
        self.question_table.activated.connect(lambda _i: self.edit_question())
        self.retire_button.clicked.connect(self.retire)
        self.new_qn_button.clicked.connect(self.new_questionnaire)
        self.revise_qn_button.clicked.connect(self.revise_questionnaire)
        self.questionnaire_table.activated.connect(lambda _i: self.revise_questionnaire())

    def primary_field(self) -> QWidget:
        return self.question_table

    def show_bank(
        self, questions: Sequence[QuestionRow], questionnaires: Sequence[QuestionnaireRow]
    ) -> None:
        qrow = max(self.question_table.currentIndex().row(), 0)
        nrow = max(self.questionnaire_table.currentIndex().row(), 0)
        self.question_model.set_rows(questions)
        self.questionnaire_model.set_rows(questionnaires)
        if questions:
            self.question_table.selectRow(min(qrow, len(questions) - 1))
        if questionnaires:
            self.questionnaire_table.selectRow(min(nrow, len(questionnaires) - 1))

    def current_question(self) -> QuestionRow | None:
        index = self.question_table.currentIndex()
        return self.question_model.row_value(index.row()) if index.isValid() else None

    def current_questionnaire(self) -> QuestionnaireRow | None:
        index = self.questionnaire_table.currentIndex()
        return self.questionnaire_model.row_value(index.row()) if index.isValid() else None

    def _open(self, dialog: QDialog) -> QDialog:
        self.dialog = dialog
        dialog.open()
        return dialog

    def new_question(self) -> QDialog:
        return self._open(QuestionDialog(ctx=self.ctx, parent=self))

    def edit_question(self) -> QDialog | None:
        question = self.current_question()
        if question is None or not self.ctx.can(Permission.MANAGE_SETTINGS):
            return None
        return self._open(QuestionDialog(ctx=self.ctx, question=question, parent=self))

    def retire(self) -> None:
        question = self.current_question()
        if question is None:
            return
        qid, active = question.id, not question.active
        self.ctx.op(
            lambda s: sv.set_question_active(s, qid, active),
            changes=CHANGES,
            parent=self,
            action="survey question active",
        ).failure(say_refusal(self.message)).success(
            lambda _r: self.message.setText(
                self.tr("Question restored to the bank.")
                if active
                else self.tr("Question retired: new questionnaires leave it out.")
            )
        ).run()

    def new_questionnaire(self) -> QDialog:
        return self._open(
            QuestionnaireDialog(ctx=self.ctx, questions=self.question_model.rows(), parent=self)
        )

    def revise_questionnaire(self) -> QDialog | None:
        qn = self.current_questionnaire()
        if qn is None or not self.ctx.can(Permission.MANAGE_SETTINGS):
            return None
        dialog = QuestionnaireDialog(
            ctx=self.ctx, questions=self.question_model.rows(), questionnaire=qn, parent=self
        )

        def saved() -> None:
            new_id = dialog.result_value
            if qn.in_use and new_id != qn.id:
                self.message.setText(
                    self.tr("%1 is used by a campaign: saved as version %2.")
                    .replace("%1", qn.name)
                    .replace("%2", str(qn.version + 1))
                )
            else:
                self.message.setText(self.tr("Questionnaire %1 saved.").replace("%1", qn.name))

        dialog.accepted.connect(saved)
        return self._open(dialog)
