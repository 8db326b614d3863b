"""Editing a month's written summary, problems and plan (月报文字), printed in its report."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from propdesk.auth.permissions import Permission
from propdesk.changes import Changes
from propdesk.reporting.notes import month_notes, save_month_notes
from propdesk.reporting.values import MonthNotes
from ui.common.forms import FormErrors
from ui.common.keyboard import install_dialog_keys
from ui.common.naming import named
from ui.context import AppContext


class NotesDialog(QDialog):
    """The three texts of ``month``'s report; saved with the month (manager).

    Opens with the stored texts (read on the worker); a user without ``WRITE_REPORT`` sees
    them read-only. Save (or Ctrl+Enter; Enter starts a new line) writes them in one
    transaction; a failure keeps the dialog and the text, another desk's save in between is
    refused rather than overwritten.

    Attributes:
        summary / problems / plan: the editors.
        notes: the texts as loaded (``None`` until they arrive).
    """

    def __init__(self, *, ctx: AppContext, month: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.month = month
        self.notes: MonthNotes | None = None
        self.setWindowTitle(self.tr("Monthly report %1: summary and plan").replace("%1", month))
        self.resize(640, 560)
        self.summary = named(QPlainTextEdit(), "notes_summary")
        self.problems = named(QPlainTextEdit(), "notes_problems")
        self.plan = named(QPlainTextEdit(), "notes_plan")
        for editor in (self.summary, self.problems, self.plan):
            editor.setTabChangesFocus(True)
        self.who = QLabel()
        form = QFormLayout()
        self.errors = FormErrors(form)
        self.errors.add_row(self.tr("Work &summary:"), "summary", self.summary)
        self.errors.add_row(self.tr("P&roblems:"), "problems", self.problems)
        self.errors.add_row(self.tr("&Next month's plan:"), "plan", self.plan)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.keys = install_dialog_keys(self, submit=self.save, default=self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.who)
        layout.addWidget(self.errors.general)
        layout.addWidget(self.buttons)
        writable = ctx.can(Permission.WRITE_REPORT)
        for editor in (self.summary, self.problems, self.plan):
            editor.setReadOnly(not writable)
        self.save_button.setVisible(writable)
        self.save_button.setEnabled(False)  # until the texts are loaded
        self.summary.setFocus()
        ctx.query(lambda s: month_notes(s, month), parent=self, action="month notes").success(
            self._loaded
        ).run()

    def _loaded(self, notes: MonthNotes) -> None:
        self.notes = notes
        self.summary.setPlainText(notes.summary)
        self.problems.setPlainText(notes.problems)
        self.plan.setPlainText(notes.plan)
        if notes.updated_by:
            self.who.setText(self.tr("Last saved by %1").replace("%1", notes.updated_by))
        self.save_button.setEnabled(True)
        self.keys.mark_clean()  # the saved texts are not the clerk's unsaved input

    def save(self) -> None:
        if self.notes is None or not self.save_button.isVisible():
            return
        if not self.save_button.isEnabled():
            return  # already saving
        version = self.notes.version
        summary, problems, plan = (
            self.summary.toPlainText(),
            self.problems.toPlainText(),
            self.plan.toPlainText(),
        )
        self.errors.clear()
        self.ctx.op(
            lambda s: save_month_notes(
                s,
                self.month,
                summary=summary,
                problems=problems,
                plan=plan,
                expected_version=version,
            ),
            changes=Changes(),
            parent=self,
            action="save month notes",
        ).busy(self.save_button).success(self._saved).failure(self.errors.handle).run()

    def _saved(self, notes: MonthNotes) -> None:
        self.notes = notes
        self.accept()
