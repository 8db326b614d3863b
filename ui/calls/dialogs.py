"""Call desk forms: register an outage, edit a knowledge-base entry, add a reminder.

Each opens with the focus in its first field; Enter submits once (Save is busy while the
save runs); a refused value is shown next to its field and the input is kept; Esc with
input typed asks before closing.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.calls import kb, outages, reminders
from propdesk.calls.kb import KbSpec
from propdesk.calls.outages import OutageSpec
from propdesk.calls.reminders import ReminderSpec
from propdesk.calls.values import KbEntryRow
from propdesk.changes import Changes
from propdesk.registry import services as reg
from propdesk.registry.values import BuildingInfo
from ui.calls import labels
from ui.common.dates import from_qdate, to_qdate
from ui.common.forms import FormErrors
from ui.common.keyboard import install_dialog_keys
from ui.common.naming import named
from ui.context import AppContext
from ui.tickets.action_dialogs import form_failure


class _Form(QDialog):
    """A form dialog: Save/Cancel, errors by field, Esc with input asks first."""

    def __init__(self, *, ctx: AppContext, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.errors = FormErrors(self.form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.errors.general)
        layout.addWidget(self.buttons)
        self.saved_id: int | None = None

    def focus_first(self) -> None:
        """Install the desk's keyboard rules (called last by each form's constructor): focus
        in the first field, Enter/Ctrl+Enter save once, Esc with input asks first."""
        self.keys = install_dialog_keys(self, submit=self.save, default=self.save_button)

    def save(self) -> None:
        raise NotImplementedError

    def run_save(self, fn: object, action: str) -> None:
        if not self.save_button.isEnabled():  # Enter twice: saved once
            return
        self.ctx.op(
            fn,  # type: ignore[arg-type]
            changes=Changes(calls=True),
            parent=self,
            action=action,
        ).busy(self.save_button).failure(form_failure(self.errors)).success(self._saved).run()

    def _saved(self, saved: object) -> None:
        self.saved_id = saved if isinstance(saved, int) else None
        self.accept()


class OutageDialog(_Form):
    """Register an outage: kind, planned or emergency, buildings, start and end, reason, script."""

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx=ctx, title=self.tr("Register an outage"), parent=parent)
        self.kind = named(QComboBox(), "outage_kind")
        for key in labels.OUTAGE_KINDS:
            self.kind.addItem(labels.shown(labels.OUTAGE_KINDS, key), key)
        self.planned = named(
            QCheckBox(self.tr("Planned (uncheck for an emergency)")), "outage_planned"
        )
        self.planned.setChecked(True)
        self.whole = named(QCheckBox(self.tr("The whole estate")), "outage_whole")
        self.buildings = named(QListWidget(), "outage_buildings")
        self.buildings.setMaximumHeight(110)
        now = clock.now()
        self.starts = named(QDateTimeEdit(labels.to_qdatetime(now)), "outage_starts")
        self.ends = named(
            QDateTimeEdit(labels.to_qdatetime(now + timedelta(hours=4))), "outage_ends"
        )
        for edit in (self.starts, self.ends):
            edit.setDisplayFormat("yyyy-MM-dd HH:mm")
            edit.setCalendarPopup(True)
        self.reason = named(QLineEdit(), "outage_reason")
        self.script = named(QPlainTextEdit(), "outage_script")
        self.script.setTabChangesFocus(True)
        self.script.setPlaceholderText(self.tr("What the desk says to callers"))
        self.errors.add_row(self.tr("&Kind"), "kind", self.kind)
        self.errors.add_row("", "planned", self.planned)
        self.errors.add_row("", "whole_estate", self.whole)
        self.errors.add_row(self.tr("&Buildings"), "building_ids", self.buildings)
        self.errors.add_row(self.tr("S&tarts"), "starts_at", self.starts)
        self.errors.add_row(self.tr("&Ends (expected)"), "ends_at", self.ends)
        self.errors.add_row(self.tr("&Reason"), "reason", self.reason)
        self.errors.add_row(self.tr("Scri&pt"), "script", self.script)
        self.whole.toggled.connect(lambda on: self.buildings.setEnabled(not on))
        self.ctx.query(reg.list_buildings, parent=self).success(self._show_buildings).run()
        self.focus_first()

    def _show_buildings(self, buildings: list[BuildingInfo]) -> None:
        for b in buildings:
            item = QListWidgetItem(f"{b.code}栋 {b.name}".strip())
            item.setData(Qt.ItemDataRole.UserRole, b.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.buildings.addItem(item)

    def spec(self) -> OutageSpec:
        ids = tuple(
            int(self.buildings.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.buildings.count())
            if self.buildings.item(i).checkState() == Qt.CheckState.Checked
        )
        return OutageSpec(
            kind=str(self.kind.currentData()),
            planned=self.planned.isChecked(),
            starts_at=labels.from_qdatetime(self.starts.dateTime()),
            ends_at=labels.from_qdatetime(self.ends.dateTime()),
            reason=self.reason.text(),
            script=self.script.toPlainText(),
            building_ids=() if self.whole.isChecked() else ids,
            whole_estate=self.whole.isChecked(),
        )

    def save(self) -> None:
        spec = self.spec()
        self.run_save(lambda s: outages.save_outage(s, spec), "register outage")


class KbEntryDialog(_Form):
    """Add or edit a knowledge-base entry."""

    def __init__(
        self, *, ctx: AppContext, entry: KbEntryRow | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx=ctx, title=self.tr("Knowledge base entry"), parent=parent)
        self.entry = entry
        self.question = named(QLineEdit(entry.question if entry else ""), "kb_question")
        self.answer = named(QPlainTextEdit(entry.answer if entry else ""), "kb_answer")
        self.answer.setTabChangesFocus(True)
        self.category = named(QLineEdit(entry.category if entry else ""), "kb_category")
        self.tags = named(QLineEdit(entry.tags if entry else ""), "kb_tags")
        self.ticket_categories = named(
            QLineEdit(entry.ticket_categories if entry else ""), "kb_ticket_categories"
        )
        self.owner = named(
            QLineEdit(entry.owner_name if entry else ctx.actor.display_name), "kb_owner"
        )
        self.expires = named(QDateEdit(), "kb_expires")
        self.expires.setCalendarPopup(True)
        self.expires.setDisplayFormat("yyyy-MM-dd")
        expiry = (
            entry.expires_on if entry and entry.expires_on else clock.today() + timedelta(days=365)
        )
        self.expires.setDate(to_qdate(expiry))
        self.errors.add_row(self.tr("&Question"), "question", self.question)
        self.errors.add_row(self.tr("&Answer / script"), "answer", self.answer)
        self.errors.add_row(self.tr("Categor&y"), "category", self.category)
        self.errors.add_row(self.tr("&Tags"), "tags", self.tags)
        self.errors.add_row(
            self.tr("Related ticket cate&gories"), "ticket_categories", self.ticket_categories
        )
        self.errors.add_row(self.tr("&Owner"), "owner_name", self.owner)
        self.errors.add_row(self.tr("&Expires"), "expires_on", self.expires)
        self.focus_first()

    def save(self) -> None:
        entry = self.entry
        spec = KbSpec(
            question=self.question.text(),
            answer=self.answer.toPlainText(),
            category=self.category.text(),
            tags=self.tags.text(),
            ticket_categories=self.ticket_categories.text(),
            owner_user_id=entry.owner_user_id if entry else self.ctx.actor.user_id,
            owner_name=self.owner.text(),
            last_checked=clock.today(),
            expires_on=from_qdate(self.expires.date()),
        )

        def save(s: Session) -> int:
            return kb.save_entry(
                s,
                spec,
                entry_id=entry.id if entry else None,
                expected_version=entry.version if entry else None,
            )

        self.run_save(save, "save knowledge base entry")


class ReminderDialog(_Form):
    """A reminder (事务提醒) or an instruction (嘱托) on a household or person."""

    def __init__(
        self,
        *,
        ctx: AppContext,
        unit_id: int | None = None,
        person_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx=ctx, title=self.tr("Reminder"), parent=parent)
        self.unit_id = unit_id
        self.person_id = person_id
        self.title = named(QLineEdit(), "reminder_title")
        self.kind = named(QComboBox(), "reminder_kind")
        self.kind.addItem(self.tr("Reminder"), "reminder")
        self.kind.addItem(self.tr("Instruction with an end date"), "instruction")
        self.due = named(QDateEdit(to_qdate(clock.today())), "reminder_due")
        self.until = named(QDateEdit(to_qdate(clock.today() + timedelta(days=7))), "reminder_until")
        for edit in (self.due, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.recurrence = named(QComboBox(), "reminder_recurrence")
        for key, text in (
            ("none", self.tr("Once")),
            ("daily", self.tr("Daily")),
            ("weekly", self.tr("Weekly")),
            ("monthly", self.tr("Monthly")),
            ("yearly", self.tr("Yearly")),
        ):
            self.recurrence.addItem(text, key)
        self.for_me = named(
            QCheckBox(self.tr("Only for me (else the whole desk)")), "reminder_mine"
        )
        self.note = named(QPlainTextEdit(), "reminder_note")
        self.note.setTabChangesFocus(True)
        self.errors.add_row(self.tr("&What"), "title", self.title)
        self.errors.add_row(self.tr("&Kind"), "kind", self.kind)
        self.errors.add_row(self.tr("&Date"), "due_on", self.due)
        self.errors.add_row(self.tr("&Until"), "valid_until", self.until)
        self.errors.add_row(self.tr("&Repeat"), "recurrence", self.recurrence)
        self.errors.add_row("", "assignee_name", self.for_me)
        self.errors.add_row(self.tr("&Note"), "note", self.note)
        self.focus_first()

    def save(self) -> None:
        instruction = self.kind.currentData() == "instruction"
        spec = ReminderSpec(
            title=self.title.text(),
            due_on=from_qdate(self.due.date()),
            kind=str(self.kind.currentData()),
            note=self.note.toPlainText(),
            unit_id=self.unit_id,
            person_id=self.person_id,
            recurrence=str(self.recurrence.currentData()),
            valid_until=from_qdate(self.until.date()) if instruction else None,
            assignee_user_id=self.ctx.actor.user_id if self.for_me.isChecked() else None,
            assignee_name=self.ctx.actor.display_name if self.for_me.isChecked() else "",
        )
        self.run_save(lambda s: reminders.save_reminder(s, spec), "save reminder")
