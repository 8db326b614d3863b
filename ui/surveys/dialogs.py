"""Survey forms: a question of the bank, a questionnaire (new or revised), a campaign, and the
time a household asked to be called back.

Each opens with the focus in its first field; Enter saves once; a refusal shows next to its
field with the input kept; Esc with input typed asks first. Every write goes through
``ctx.op`` and broadcasts ``Changes(surveys=True)``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.changes import Changes
from propdesk.surveys import services as sv
from propdesk.surveys.values import (
    QUESTION_KIND_ZH,
    RATING_LABELS,
    CallOutcome,
    CampaignSpec,
    QuestionKind,
    QuestionnaireRow,
    QuestionRow,
    QuestionSpec,
)
from ui.calls.labels import from_qdatetime, to_qdatetime
from ui.common.form_dialog import FormDialog
from ui.common.naming import named
from ui.context import AppContext

CHANGES = Changes(surveys=True)


class _Form(FormDialog):
    changes = CHANGES
    minimum_width = 520


def _lines(widget: QPlainTextEdit) -> tuple[str, ...]:
    return tuple(x.strip() for x in widget.toPlainText().splitlines() if x.strip())


class QuestionDialog(_Form):
    """A question of the bank: type, text, topic; options (one a line) for a choice; the five
    labels of a rating. A question already answered is locked: the service refuses an edit
    of it with its own message, shown here."""

    def __init__(
        self, *, ctx: AppContext, question: QuestionRow | None = None, parent: QWidget | None = None
    ) -> None:
        title = self.tr("Edit question") if question else self.tr("New question")
        super().__init__(ctx=ctx, title=title, parent=parent)
        self.question = question
        self.kind = named(QComboBox(), "survey_question_kind")
        for key, label in QUESTION_KIND_ZH.items():
            self.kind.addItem(label, str(key))
        self.text = named(QLineEdit(), "survey_question_text")
        self.topic = named(QLineEdit(), "survey_question_topic")
        self.topic.setPlaceholderText(self.tr("e.g. 保洁, 安保, 维修, 客服"))
        self.options = named(QPlainTextEdit(), "survey_question_options")
        self.options.setTabChangesFocus(True)
        self.options.setMaximumHeight(110)
        self.options.setPlaceholderText(self.tr("One option a line"))
        self.labels = named(QLineEdit(), "survey_question_labels")
        self.labels.setPlaceholderText(self.tr("Five labels, 1 to 5, separated by /"))
        self.errors.add_row(self.tr("&Type"), "kind", self.kind)
        self.errors.add_row(self.tr("&Question"), "text", self.text)
        self.errors.add_row(self.tr("T&opic"), "topic", self.topic)
        self.errors.add_row(self.tr("O&ptions"), "options", self.options)
        self.errors.add_row(self.tr("Rating &labels"), "labels", self.labels)
        if question is None:
            self.labels.setText("/".join(RATING_LABELS))
        else:
            self.kind.setCurrentIndex(max(0, self.kind.findData(str(question.kind))))
            self.text.setText(question.text)
            self.topic.setText(question.topic)
            self.options.setPlainText("\n".join(question.options))
            self.labels.setText("/".join(question.labels or RATING_LABELS))
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self._kind_changed()
        self.install_keys(loaded=question is not None)

    def _kind_changed(self) -> None:
        kind = str(self.kind.currentData())
        self.options.setEnabled(kind in (QuestionKind.SINGLE, QuestionKind.MULTI))
        self.labels.setEnabled(kind == QuestionKind.RATING)

    def spec(self) -> QuestionSpec:
        kind = QuestionKind(str(self.kind.currentData()))
        options = _lines(self.options) if kind in (QuestionKind.SINGLE, QuestionKind.MULTI) else ()
        labels = (
            tuple(x.strip() for x in self.labels.text().split("/"))
            if kind == QuestionKind.RATING
            else RATING_LABELS
        )
        return QuestionSpec(kind, self.text.text(), options, labels, self.topic.text())

    def save(self) -> None:
        spec, question = self.spec(), self.question

        def write(s: Session) -> int:
            if question is None:
                return sv.create_question(s, spec)
            sv.update_question(s, question.id, spec)
            return question.id

        self.run_save(write, "save survey question")


class QuestionnaireDialog(_Form):
    """A questionnaire: its name and the questions in order (Space ticks, Alt+Up/Down moves
    the current one). Revising one in use makes a new version (the service decides)."""

    def __init__(
        self,
        *,
        ctx: AppContext,
        questions: Sequence[QuestionRow],
        questionnaire: QuestionnaireRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = (
            self.tr("Revise questionnaire %1 (version %2)")
            .replace("%1", questionnaire.name)
            .replace("%2", str(questionnaire.version))
            if questionnaire
            else self.tr("New questionnaire")
        )
        super().__init__(ctx=ctx, title=title, parent=parent)
        self.questionnaire = questionnaire
        self.name = named(QLineEdit(questionnaire.name if questionnaire else ""), "survey_qn_name")
        self.list = named(QListWidget(), "survey_qn_questions")
        self.list.setMinimumHeight(220)
        # a question reads whole with its type and topic (the form opened too narrow for it)
        self.list.setMinimumWidth(self.fontMetrics().horizontalAdvance("您" * 34))
        # the ticks as text in a hidden field, so they count as input (Esc asks first)
        self.ticks = named(QLineEdit(), "survey_qn_ticks")
        self.ticks.hide()
        chosen = list(questionnaire.question_ids) if questionnaire else []
        by_id = {q.id: q for q in questions}
        ordered = [by_id[i] for i in chosen if i in by_id]
        ordered += [q for q in questions if q.id not in chosen and q.active]
        for q in ordered:
            kind = QUESTION_KIND_ZH.get(q.kind, q.kind)
            item = QListWidgetItem(f"{q.text}（{kind}{'，' + q.topic if q.topic else ''}）")
            item.setData(Qt.ItemDataRole.UserRole, q.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if q.id in chosen else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.list.installEventFilter(self)
        self.list.itemChanged.connect(lambda _i: self._mirror())
        # a find box: with a long bank the clerk types part of a question and Down goes there
        self.find_box = named(QLineEdit(), "survey_qn_find")
        self.find_box.setPlaceholderText(self.tr("Part of a question; Down goes to the list"))
        self.find_box.textChanged.connect(self._find)
        self.find_box.installEventFilter(self)
        if questionnaire is None:
            self.errors.add_row(self.tr("&Name"), "name", self.name)
        else:
            self.name.hide()  # a revision keeps its name (the version counts up)
        self.errors.add_row(self.tr("&Find"), "find", self.find_box)
        self.errors.add_row(
            self.tr("&Questions (Space ticks, Alt+Up/Down moves)"), "question_ids", self.list
        )
        self.form.addRow(self.ticks)
        self._mirror()
        self.install_keys(loaded=questionnaire is not None)

    def _find(self, text: str) -> None:
        text = text.strip()
        if not text:
            return
        for i in range(self.list.count()):
            if text in self.list.item(i).text():
                self.list.setCurrentRow(i)
                return

    def eventFilter(self, watched: object, event: object) -> bool:
        if (
            watched is getattr(self, "find_box", None)
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Down
        ):
            self.list.setFocus()
            return True
        if (
            watched is getattr(self, "list", None)
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
        ):
            key, mods = event.key(), event.modifiers()
            if key == Qt.Key.Key_Space:
                self.toggle_current()
                return True
            if mods & Qt.KeyboardModifier.AltModifier and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self.move_current(-1 if key == Qt.Key.Key_Up else 1)
                return True
        return super().eventFilter(watched, event)  # type: ignore[arg-type]

    def toggle_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            on = item.checkState() == Qt.CheckState.Checked
            item.setCheckState(Qt.CheckState.Unchecked if on else Qt.CheckState.Checked)

    def move_current(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)
        self._mirror()

    def chosen_ids(self) -> list[int]:
        return [
            int(self.list.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]

    def _mirror(self) -> None:
        self.ticks.setText(",".join(str(i) for i in self.chosen_ids()))

    def save(self) -> None:
        name, ids, qn = self.name.text(), self.chosen_ids(), self.questionnaire

        def write(s: Session) -> int:
            if qn is None:
                return sv.create_questionnaire(s, name, ids)
            return sv.revise_questionnaire(s, qn.id, ids)

        self.run_save(write, "save questionnaire")


class CampaignDialog(_Form):
    """A new campaign: questionnaire, buildings (none ticked: all), sampling rate, stratified,
    rotation, phone attempts, dates. Its sample is drawn afterwards (Draw sample)."""

    def __init__(
        self,
        *,
        ctx: AppContext,
        questionnaires: Sequence[QuestionnaireRow],
        buildings: Sequence[tuple[int, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx=ctx, title=self.tr("New survey campaign"), parent=parent)
        today = clock.today()
        half = "上半年" if today.month <= 6 else "下半年"
        self.name = named(QLineEdit(f"{today.year}年{half}满意度调查"), "survey_campaign_name")
        self.questionnaire = named(QComboBox(), "survey_campaign_questionnaire")
        for qn in questionnaires:
            self.questionnaire.addItem(
                self.tr("%1 (version %2)").replace("%1", qn.name).replace("%2", str(qn.version)),
                qn.id,
            )
        self.buildings = named(QListWidget(), "survey_campaign_buildings")
        self.buildings.setMaximumHeight(120)
        for bid, label in buildings:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, bid)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.buildings.addItem(item)
        if self.buildings.count():
            self.buildings.setCurrentRow(0)
        self.buildings.installEventFilter(self)
        self.rate = named(QSpinBox(), "survey_campaign_rate")
        self.rate.setRange(1, 100)
        self.rate.setSuffix(" %")
        self.rate.setValue(20)
        self.stratified = named(
            QCheckBox(self.tr("Same rate in every building")), "survey_campaign_stratified"
        )
        self.stratified.setChecked(True)
        self.rotation = named(QSpinBox(), "survey_campaign_rotation")
        self.rotation.setRange(0, 60)
        self.rotation.setValue(6)
        self.rotation.setSpecialValueText(self.tr("no rotation"))
        self.attempts = named(QSpinBox(), "survey_campaign_attempts")
        self.attempts.setRange(1, 10)
        self.attempts.setValue(3)
        self.starts = named(QDateEdit(QDate(today)), "survey_campaign_starts")
        self.ends = named(QDateEdit(QDate(today + timedelta(days=30))), "survey_campaign_ends")
        for edit in (self.starts, self.ends):
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setCalendarPopup(True)
        self.errors.add_row(self.tr("&Name"), "name", self.name)
        self.errors.add_row(self.tr("&Questionnaire"), "questionnaire_id", self.questionnaire)
        self.errors.add_row(
            self.tr("&Buildings (none ticked: all)"), "building_ids", self.buildings
        )
        self.errors.add_row(self.tr("Sampling &rate"), "rate_pct", self.rate)
        self.errors.add_row("", "stratified", self.stratified)
        self.errors.add_row(self.tr("Ro&tation (months)"), "rotation_months", self.rotation)
        self.errors.add_row(self.tr("Phone &attempts"), "max_attempts", self.attempts)
        self.errors.add_row(self.tr("&Starts"), "starts_on", self.starts)
        self.errors.add_row(self.tr("&Ends"), "ends_on", self.ends)
        self.install_keys()

    def eventFilter(self, watched: object, event: object) -> bool:
        if (
            watched is getattr(self, "buildings", None)
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Space
        ):
            item = self.buildings.currentItem()
            if item is not None:
                on = item.checkState() == Qt.CheckState.Checked
                item.setCheckState(Qt.CheckState.Unchecked if on else Qt.CheckState.Checked)
            return True
        return super().eventFilter(watched, event)  # type: ignore[arg-type]

    def building_ids(self) -> tuple[int, ...]:
        return tuple(
            int(self.buildings.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.buildings.count())
            if self.buildings.item(i).checkState() == Qt.CheckState.Checked
        )

    def spec(self) -> CampaignSpec:
        qn = self.questionnaire.currentData()
        return CampaignSpec(
            name=self.name.text(),
            questionnaire_id=int(qn) if qn is not None else 0,
            building_ids=self.building_ids(),
            rate_pct=self.rate.value(),
            stratified=self.stratified.isChecked(),
            rotation_months=self.rotation.value(),
            max_attempts=self.attempts.value(),
            starts_on=self.starts.date().toPython(),  # type: ignore[arg-type]
            ends_on=self.ends.date().toPython(),  # type: ignore[arg-type]
        )

    def save(self) -> None:
        spec = self.spec()
        self.run_save(lambda s: sv.create_campaign(s, spec), "create survey campaign")


class CallbackDialog(_Form):
    """The household asked to be called back at a time (with an optional note)."""

    def __init__(
        self, *, ctx: AppContext, sample_id: int, unit_code: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            ctx=ctx, title=self.tr("Call back %1").replace("%1", unit_code), parent=parent
        )
        self.sample_id = sample_id
        self.when = named(QDateTimeEdit(), "survey_callback_at")
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when.setCalendarPopup(True)
        start = clock.now().replace(second=0, microsecond=0) + timedelta(hours=2)
        self.when.setDateTime(to_qdatetime(start))
        self.note = named(QLineEdit(), "survey_callback_note")
        self.errors.add_row(self.tr("Call &back at"), "callback_at", self.when)
        self.errors.add_row(self.tr("&Note"), "note", self.note)
        self.install_keys()
        self.keys.mark_clean()

    def save(self) -> None:
        at, note, sid = from_qdatetime(self.when.dateTime()), self.note.text(), self.sample_id
        self.run_save(
            lambda s: sv.record_attempt(s, sid, CallOutcome.CALLBACK, callback_at=at, note=note),
            "survey call back",
        )
