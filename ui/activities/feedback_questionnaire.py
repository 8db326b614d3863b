"""An activity's feedback questionnaire (反馈问卷) on the activities page: the form that
starts it with an active questionnaire, and the lines the activity's details show of it.

Starting it opens a survey campaign over the households that attended; its answers are
entered on the surveys page (phone or paper) like any campaign's.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from propdesk.activities.queries import ActivityRow, SignupRow
from propdesk.changes import Changes
from propdesk.surveys import activity_feedback as af
from propdesk.surveys.figures_text import mean_text
from propdesk.surveys.values import ActivityFeedback, QuestionnaireRow
from ui.common.form_dialog import FormDialog
from ui.common.naming import named
from ui.context import AppContext

# A started feedback questionnaire is a new survey campaign with its call queue.
FEEDBACK_CHANGES = Changes(activities=True, surveys=True)


class FeedbackQuestionnaireDialog(FormDialog):
    """Pick an active questionnaire (the newest version, no retired question) and start
    the activity's feedback questionnaire; ``result_value`` is then the campaign's id."""

    changes = FEEDBACK_CHANGES
    minimum_width = 420

    def __init__(
        self,
        *,
        ctx: AppContext,
        activity: ActivityRow,
        questionnaires: Sequence[QuestionnaireRow],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            ctx=ctx,
            title=self.tr("Feedback questionnaire: %1").replace("%1", activity.title),
            parent=parent,
        )
        self.activity = activity
        self.questionnaire = named(QComboBox(), "activity_feedback_questionnaire")
        for qn in questionnaires:
            self.questionnaire.addItem(
                self.tr("%1 (version %2, %3 questions)")
                .replace("%1", qn.name)
                .replace("%2", str(qn.version))
                .replace("%3", str(len(qn.question_ids))),
                qn.id,
            )
        self.errors.add_row(self.tr("&Questionnaire"), "questionnaire_id", self.questionnaire)
        note = QLabel(
            self.tr(
                "The households that attended are called (or return a paper form) from the "
                "surveys page; the questionnaire stays open 14 days from the activity's day."
            )
        )
        note.setWordWrap(True)
        self.form.addRow(note)
        self.install_keys()

    def save(self) -> None:
        qn, aid = self.questionnaire.currentData(), self.activity.id
        questionnaire_id = int(qn) if qn is not None else 0
        self.run_save(
            lambda s: af.start_activity_feedback(s, aid, questionnaire_id),
            "start activity feedback questionnaire",
        )


def feedback_lines(rows: Sequence[SignupRow], feedback: ActivityFeedback | None) -> list[str]:
    """The activity's feedback in its details: the ratings and comments given at the desk,
    then the questionnaire's responses over attendees and the average per rating question."""
    lines: list[str] = []
    rated = [r.rating for r in rows if r.rating]
    comments = sum(1 for r in rows if r.comment)
    if rated:
        lines.append(
            QCoreApplication.translate(
                "ActivityFeedbackLines", "Desk ratings: %1 household(s), average %2; %3 comment(s)"
            )
            .replace("%1", str(len(rated)))
            .replace("%2", mean_text(sum(rated) / len(rated)))
            .replace("%3", str(comments))
        )
    if feedback is None:
        return lines
    lines.append(
        QCoreApplication.translate(
            "ActivityFeedbackLines",
            "Feedback questionnaire “%1” (%2): %3 of %4 attendee household(s) answered",
        )
        .replace("%1", feedback.questionnaire_name)
        .replace("%2", feedback.name)
        .replace("%3", str(feedback.responses))
        .replace("%4", str(feedback.attendees))
    )
    for m in feedback.questions:
        lines.append(
            QCoreApplication.translate("ActivityFeedbackLines", "  %1: average %2 (%3 answered)")
            .replace("%1", m.text)
            .replace("%2", mean_text(m.mean))
            .replace("%3", str(m.answered))
        )
    return lines
