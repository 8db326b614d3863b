"""Entering a questionnaire by keyboard alone (电话访问, 纸质录入, 复核 share it).

One question at a time. Number keys choose: 1–5 rate, 1… pick an option (a multiple choice
toggles, Enter confirms). A comment goes in the text box (focused on a text question; Tab
reaches it on the others) with a "complaint" box (Alt+C). Enter advances, PageUp (or
Backspace outside the text box, or in it while empty) goes back. Enter on the last question
asks to submit, once: the form's idempotency key is made when the form starts, and further
Enters are ignored until the owner has the answer (:meth:`SurveyEntry.saved` starts the next
form, :meth:`SurveyEntry.refused` lets the clerk correct and submit again).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from uuid import uuid4

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from propdesk.surveys.values import QUESTION_KIND_ZH, AnswerInput, QuestionKind, QuestionRow
from ui.common.naming import named

_DIGITS = {getattr(Qt.Key, f"Key_{n}").value: n for n in range(10)}
_ENTER = (Qt.Key.Key_Return.value, Qt.Key.Key_Enter.value)


@dataclass
class _Answer:
    rating: int | None = None
    choices: set[int] = field(default_factory=set)
    text: str = ""
    complaint: bool = False


class SurveyEntry(QFrame):
    """The questionnaire, one question at a time, answered by key.

    Signals:
        submit_requested(list, str): the answers (``AnswerInput``) and the form's key.

    Attributes:
        questions: the questionnaire's questions in order; index: the one shown.
        key: this form's idempotency key (a new one per form).
        busy: a submit is under way (keys are ignored).
        title, counter, text, options, comment, complaint, hint: the widgets.
    """

    submit_requested = Signal(list, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("survey_entry")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.questions: list[QuestionRow] = []
        self.answers: list[_Answer] = []
        self.index = 0
        self.key = ""
        self.busy = False
        self.counter = named(QLabel(), "survey_entry_counter")
        self.text = named(QLabel(), "survey_entry_question")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        big = QFont(self.text.font())
        big.setPointSizeF(big.pointSizeF() * 1.35)
        big.setBold(True)
        self.text.setFont(big)
        self.options = named(QLabel(), "survey_entry_options")
        self.options.setTextFormat(Qt.TextFormat.PlainText)
        opt_font = QFont(self.options.font())
        opt_font.setPointSizeF(opt_font.pointSizeF() * 1.2)
        self.options.setFont(opt_font)
        self.comment = named(QLineEdit(), "survey_entry_comment")
        self.comment.setMaxLength(500)
        self.comment.setPlaceholderText(self.tr("Comment (Tab here; Enter goes on)"))
        comment_label = QLabel(self.tr("Co&mment"))
        comment_label.setBuddy(self.comment)
        self.complaint = named(
            QCheckBox(self.tr("&Complaint: call back")), "survey_entry_complaint"
        )
        self.hint = named(QLabel(), "survey_entry_hint")
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.message = named(QLabel(), "survey_entry_message")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setStyleSheet("color: #b00020;")
        self.progress = named(QLabel(), "survey_entry_progress")
        self.progress.setWordWrap(True)
        self.progress.setTextFormat(Qt.TextFormat.PlainText)
        row = QHBoxLayout()
        row.addWidget(comment_label)
        row.addWidget(self.comment, 1)
        row.addWidget(self.complaint)
        layout = QVBoxLayout(self)
        layout.addWidget(self.counter)
        layout.addWidget(self.text)
        layout.addWidget(self.options)
        layout.addLayout(row)
        layout.addWidget(self.hint)
        layout.addWidget(self.message)
        layout.addWidget(self.progress)
        layout.addStretch(1)
        self.comment.installEventFilter(self)
        self.complaint.installEventFilter(self)
        self.comment.textEdited.connect(self._comment_edited)
        self.complaint.toggled.connect(self._complaint_toggled)
        self.set_questions([])

    # --- the form ------------------------------------------------------------------------

    def set_questions(self, questions: Sequence[QuestionRow]) -> None:
        """Start a new form over ``questions`` (a new key)."""
        self.questions = list(questions)
        self.start()

    def start(self) -> None:
        """A blank form: every answer cleared, the first question shown, a new key."""
        self.answers = [_Answer() for _ in self.questions]
        self.key = uuid4().hex
        self.busy = False
        self.index = 0
        self.message.clear()
        self._show()

    def saved(self) -> None:
        """The owner saved the answers: the next form starts (new key)."""
        self.start()

    def refused(self, message: str, field: str = "") -> None:
        """The owner could not save: say why, keep the answers (and the key) to resubmit.

        ``field`` ``"q<question id>"`` (the core's name for an answer) shows that question."""
        self.busy = False
        index = next((i for i, q in enumerate(self.questions) if field == f"q{q.id}"), self.index)
        if index != self.index:
            self.index = index
            self._show()
        self.message.setText(message)
        self.focus_answer()

    def focus_answer(self) -> None:
        """Put the keyboard where the current question is answered."""
        if self._current_kind() == QuestionKind.TEXT:
            self.comment.setFocus()
        else:
            self.setFocus()

    def answer_inputs(self) -> list[AnswerInput]:
        """The answers as the services take them (a text question left empty is skipped)."""
        out: list[AnswerInput] = []
        for q, a in zip(self.questions, self.answers, strict=True):
            if q.kind == QuestionKind.TEXT and not a.text.strip():
                continue
            out.append(
                AnswerInput(
                    q.id,
                    rating=a.rating if q.kind == QuestionKind.RATING else None,
                    choices=tuple(sorted(a.choices)),
                    text=a.text.strip(),
                    is_complaint=a.complaint and bool(a.text.strip()),
                )
            )
        return out

    # --- keys ----------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._key(event.key(), in_text=False):
            super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched in (self.comment, self.complaint)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            key = event.key()
            empty = not self.comment.text()
            if key in _ENTER or key == Qt.Key.Key_PageUp or (key == Qt.Key.Key_Backspace and empty):
                return self._key(key, in_text=True)
            if watched is self.complaint and key in _DIGITS:
                return self._key(key, in_text=False)
        return super().eventFilter(watched, event)

    def _key(self, key: int, *, in_text: bool) -> bool:
        """Handle one key; True when it was the form's."""
        if not self.questions:
            return False
        if self.busy:
            return key in _ENTER or key in _DIGITS
        if key in _ENTER:
            self.advance()
            return True
        if key in (Qt.Key.Key_PageUp.value, Qt.Key.Key_Backspace.value):
            self.back()
            return True
        if key == Qt.Key.Key_PageDown.value:
            self.advance()
            return True
        if key in _DIGITS and not in_text:
            self.choose(_DIGITS[key])
            return True
        return False

    # --- answering -----------------------------------------------------------------------

    def _current_kind(self) -> QuestionKind | None:
        return self.questions[self.index].kind if self.questions else None

    def choose(self, number: int) -> None:
        """Number key ``number`` on the current question."""
        q, a = self.questions[self.index], self.answers[self.index]
        self.message.clear()
        if q.kind == QuestionKind.RATING:
            if 1 <= number <= 5:
                a.rating = number
            else:
                self.message.setText(self.tr("A rating is 1 to 5."))
        elif q.kind in (QuestionKind.SINGLE, QuestionKind.MULTI):
            if 1 <= number <= len(q.options):
                pick = number - 1
                if q.kind == QuestionKind.SINGLE:
                    a.choices = {pick}
                elif pick in a.choices:
                    a.choices.discard(pick)
                else:
                    a.choices.add(pick)
            else:
                self.message.setText(self.tr("There is no option %1.").replace("%1", str(number)))
        self._show_options()

    def _missing(self) -> str:
        """Why the current question cannot be left yet ("" when it can)."""
        q, a = self.questions[self.index], self.answers[self.index]
        if q.kind == QuestionKind.RATING and a.rating is None:
            return self.tr("Press 1 to 5 for the rating first.")
        if q.kind == QuestionKind.SINGLE and not a.choices:
            return self.tr("Press the number of an option first.")
        if q.kind == QuestionKind.MULTI and not a.choices:
            return self.tr("Press the numbers of the options chosen, then Enter.")
        if a.complaint and not a.text.strip():
            return self.tr("A complaint needs its text in the comment box.")
        return ""

    def advance(self) -> None:
        """Enter: the next question; on the last, ask once to submit."""
        missing = self._missing()
        if missing:
            self.message.setText(missing)
            return
        self.message.clear()
        if self.index + 1 < len(self.questions):
            self.index += 1
            self._show()
            return
        self.busy = True
        self.hint.setText(self.tr("Saving…"))
        self.submit_requested.emit(self.answer_inputs(), self.key)

    def back(self) -> None:
        if self.index > 0:
            self.index -= 1
            self.message.clear()
            self._show()

    def _comment_edited(self, text: str) -> None:
        if self.answers:
            self.answers[self.index].text = text

    def _complaint_toggled(self, on: bool) -> None:
        if self.answers:
            self.answers[self.index].complaint = on

    # --- showing -------------------------------------------------------------------------

    def _show(self) -> None:
        if not self.questions:
            self.counter.setText("")
            self.text.setText(self.tr("No questionnaire to enter."))
            self.options.setText("")
            self.hint.setText("")
            self.progress.setText("")
            self.comment.setEnabled(False)
            self.complaint.setEnabled(False)
            return
        q, a = self.questions[self.index], self.answers[self.index]
        self.comment.setEnabled(True)
        self.complaint.setEnabled(True)
        self.counter.setText(
            self.tr("Question %1 of %2 (%3)")
            .replace("%1", str(self.index + 1))
            .replace("%2", str(len(self.questions)))
            .replace("%3", QUESTION_KIND_ZH.get(q.kind, q.kind))
        )
        self.text.setText(q.text)
        self.comment.blockSignals(True)
        self.comment.setText(a.text)
        self.comment.blockSignals(False)
        self.complaint.blockSignals(True)
        self.complaint.setChecked(a.complaint)
        self.complaint.blockSignals(False)
        last = self.index + 1 == len(self.questions)
        enter = self.tr("Enter submits") if last else self.tr("Enter: next question")
        hints = {
            QuestionKind.RATING: self.tr("Press 1–5 for the rating"),
            QuestionKind.SINGLE: self.tr("Press the option's number"),
            QuestionKind.MULTI: self.tr("Press numbers to tick or untick options"),
            QuestionKind.TEXT: self.tr("Type the comment; tick Complaint (Alt+C) to call back"),
        }
        back = self.tr("PageUp: back")
        self.hint.setText(f"{hints[q.kind]}；{enter}；{back}")
        self._show_options()
        self.focus_answer()

    def _show_options(self) -> None:
        q, a = self.questions[self.index], self.answers[self.index]
        if q.kind == QuestionKind.RATING:
            lines = [
                f"{'●' if a.rating == n else '○'} {n} {label}"
                for n, label in enumerate(q.labels, start=1)
            ]
        elif q.kind in (QuestionKind.SINGLE, QuestionKind.MULTI):
            mark = ("●", "○") if q.kind == QuestionKind.SINGLE else ("☑", "☐")
            lines = [
                f"{mark[0] if i in a.choices else mark[1]} {i + 1} {option}"
                for i, option in enumerate(q.options)
            ]
        else:
            lines = []
        self.options.setText("\n".join(lines))
        self.options.setVisible(bool(lines))
        self._show_progress()

    def _show_progress(self) -> None:
        parts = []
        for n, (q, a) in enumerate(zip(self.questions, self.answers, strict=True), start=1):
            if q.kind == QuestionKind.RATING:
                value = str(a.rating) if a.rating else "—"
            elif q.kind == QuestionKind.TEXT:
                value = "✎" if a.text.strip() else "—"
            else:
                value = ",".join(str(i + 1) for i in sorted(a.choices)) or "—"
            if a.complaint and a.text.strip():
                value += "!"
            parts.append(f"{n}:{value}")
        self.progress.setText("  ".join(parts))
