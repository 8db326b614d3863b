"""Attention-flag forms: add or edit a flag, end a flag, define a custom kind.

Each opens with the focus in its first field; Enter submits once (Save is busy while the
save runs); a refused value (a review date that is not in the future…) is shown next to its
field, nothing is saved and the input is kept; Esc with input typed asks before closing.
Every write goes through ``ctx.op`` and broadcasts ``Changes(care=True)``.
"""

from __future__ import annotations

from datetime import date, time, timedelta

from PySide6.QtCore import Qt, QTime
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTimeEdit,
    QWidget,
)

from propdesk import clock
from propdesk.care import services as care
from propdesk.care.queries import custom_kinds
from propdesk.care.services import FlagSpec
from propdesk.care.values import (
    FLAG_KIND_ZH,
    FLAG_SOURCE_ZH,
    VISIBILITY_ZH,
    CustomKindRow,
    FlagDetail,
    FlagKind,
    FlagRow,
)
from propdesk.changes import Changes
from propdesk.errors import DomainError, ValidationError
from ui.common.dates import from_qdate, to_qdate
from ui.common.form_dialog import FormDialog
from ui.common.naming import named
from ui.context import AppContext
from ui.desk.unit_picker import UnitPicker
from ui.tickets.action_dialogs import form_failure

CHANGES = Changes(care=True)
REVIEW_AFTER_DAYS = 90  # a new flag's review date: in three months


SEPARATORS = ("-", "/", ".", " ", ":")


class DateField(QDateTimeEdit):
    """A date (``yyyy-MM-dd``) or date and time the clerk can type whole: ``20261220`` or
    ``2026-12-20``.

    Qt's date edit moves on to the next part by itself when a part is full (the year after
    four digits), and a typed separator then moved on once more, so ``2026-12-20`` became
    2026-06-12; a separator right after such a move is swallowed here. With the whole text
    selected (Ctrl+A) a typed digit starts the year instead of being refused, and the focus
    arriving by keyboard selects the year, so typing replaces the date from its start.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._moved_on = False  # the last digit filled its part and Qt moved to the next

    def select_year(self) -> None:
        self.setCurrentSection(QDateTimeEdit.Section.YearSection)
        self.setSelectedSection(QDateTimeEdit.Section.YearSection)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self._moved_on = False
        if event.reason() != Qt.FocusReason.MouseFocusReason:
            self.select_year()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if text in SEPARATORS and self._moved_on:
            self._moved_on = False
            event.accept()
            return
        edit = self.lineEdit()
        if text.isdigit() and edit.hasSelectedText() and edit.selectedText() == edit.text():
            self.select_year()  # Ctrl+A then a date: the digits fill the year first
        before = self.currentSection()
        super().keyPressEvent(event)
        self._moved_on = text.isdigit() and self.currentSection() != before


def focus_refused(editor: QWidget) -> None:
    """Put the focus in a refused field with its text selected, so typing replaces it (a
    date: its year selected, so ``20261220`` or ``2026-12-20`` typed replaces the date); a
    row of several widgets passes the focus on to its focus proxy."""
    target = editor.focusProxy() or editor
    target.setFocus(Qt.FocusReason.OtherFocusReason)
    if isinstance(target, QDateTimeEdit):
        target.setCurrentSection(QDateTimeEdit.Section.YearSection)
        target.setSelectedSection(QDateTimeEdit.Section.YearSection)
    elif isinstance(target, QLineEdit | QAbstractSpinBox | QPlainTextEdit):
        target.selectAll()


class CareForm(FormDialog):
    """A care form: after a refused value, the focus goes to that field with its text
    selected (``focus_for`` names the editor inside a row of several widgets)."""

    def __init__(self, *, ctx: AppContext, title: str, parent: QWidget | None) -> None:
        super().__init__(ctx=ctx, title=title, parent=parent)
        self.focus_for: dict[str, QWidget] = {}

    def refused(self, exc: BaseException) -> bool:
        """Show a refusal by its field (input kept) and focus that field."""
        handled = super().refused(exc)
        if handled and isinstance(exc, ValidationError):
            editor = self.focus_for.get(exc.field) or self.errors.editors.get(exc.field)
            if editor is not None:
                focus_refused(editor)
        return handled


class _Form(CareForm):
    changes = CHANGES


def _date_edit(name: str, day: date) -> DateField:
    edit = named(DateField(), name)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setCalendarPopup(True)
    edit.setDate(to_qdate(day))
    return edit


def _time_edit(name: str, at: time) -> QTimeEdit:
    edit = named(QTimeEdit(), name)
    edit.setDisplayFormat("HH:mm")
    edit.setTime(QTime(at.hour, at.minute))
    return edit


def _py_time(edit: QTimeEdit) -> time:
    value = edit.time()
    return time(value.hour(), value.minute())


class FlagDialog(_Form):
    """Add a flag to a household (``unit_id``, or a unit chosen here) or a person
    (``person_id``), or edit one (``detail``, read through the audited
    :func:`propdesk.care.services.view_flag`)."""

    def __init__(
        self,
        *,
        ctx: AppContext,
        unit_id: int | None = None,
        person_id: int | None = None,
        target_label: str = "",
        detail: FlagDetail | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("Edit attention flag") if detail else self.tr("New attention flag")
        super().__init__(ctx=ctx, title=title, parent=parent)
        self.detail = detail
        self.unit_id, self.person_id = unit_id, person_id
        today = clock.local_now().date()
        self.picker: UnitPicker | None = None
        if detail is None and unit_id is None and person_id is None:
            self.picker = UnitPicker(ctx=ctx, parent=self)
            self.errors.add_row(self.tr("&Household"), "unit_id", self.picker)
        else:
            who = target_label or (
                f"{detail.row.unit_code} {detail.row.person_name}".strip() if detail else ""
            )
            self.form.addRow(self.tr("For"), named(QLabel(who), "care_flag_target"))
        if detail is not None:
            at = clock.to_local(detail.created_at)
            self.form.addRow(
                self.tr("Set by"),
                named(QLabel(f"{detail.created_by}  {at:%Y-%m-%d %H:%M}"), "care_flag_set_by"),
            )
            if detail.reviewed_at is not None:
                seen = clock.to_local(detail.reviewed_at)
                self.form.addRow(
                    self.tr("Last reviewed"),
                    named(
                        QLabel(f"{detail.reviewed_by}  {seen:%Y-%m-%d %H:%M}"),
                        "care_flag_reviewed_by",
                    ),
                )
        self.kind = named(QComboBox(), "care_flag_kind")
        for key, label in FLAG_KIND_ZH.items():
            if key != FlagKind.CUSTOM:
                self.kind.addItem(label, key.value)
        self.reason = named(QPlainTextEdit(), "care_flag_reason")
        self.reason.setTabChangesFocus(True)
        self.reason.setMaximumHeight(70)
        self.source = named(QComboBox(), "care_flag_source")
        for source, source_zh in FLAG_SOURCE_ZH.items():
            self.source.addItem(source_zh, source.value)
        self.consent = named(QCheckBox(self.tr("The resident agreed")), "care_flag_consent")
        self.consent_on = _date_edit("care_flag_consent_on", today)
        self.has_review = named(QCheckBox(self.tr("Review on")), "care_flag_has_review")
        self.has_review.setChecked(True)
        self.review_on = _date_edit("care_flag_review_on", today + timedelta(REVIEW_AFTER_DAYS))
        self.visibility = named(QComboBox(), "care_flag_visibility")
        for seen_by, seen_by_zh in VISIBILITY_ZH.items():
            self.visibility.addItem(seen_by_zh, seen_by.value)
        self.dnd_start = _time_edit("care_flag_dnd_start", time(22, 0))
        self.dnd_end = _time_edit("care_flag_dnd_end", time(8, 0))
        consent_row = QWidget()
        c = QHBoxLayout(consent_row)
        c.setContentsMargins(0, 0, 0, 0)
        c.addWidget(self.consent)
        c.addWidget(self.consent_on, 1)
        review_row = QWidget()
        r = QHBoxLayout(review_row)
        r.setContentsMargins(0, 0, 0, 0)
        r.addWidget(self.has_review)
        r.addWidget(self.review_on, 1)
        review_row.setFocusProxy(self.review_on)
        self.today = today
        #: 已复查 pressed: the save records the review (who, when) with the new date.
        self.reviewing = False
        self.reviewed_button: QPushButton | None = None
        if detail is not None and detail.row.active:
            self.reviewed_button = named(
                QPushButton(self.tr("Reviewe&d: set next review")), "care_flag_reviewed"
            )
            self.reviewed_button.setAutoDefault(False)
            self.reviewed_button.clicked.connect(self.mark_reviewed)
            r.addWidget(self.reviewed_button)
            # Ctrl+R as on the care page; Ctrl+D kept (the dialog is modal, so the main
            # window's Ctrl+D, the shift log, does not compete with it here)
            for keys in ("Ctrl+R", "Ctrl+D"):
                QShortcut(QKeySequence(keys), self, self.mark_reviewed)
            self.reviewed_button.setToolTip(
                self.tr("Record the review and set the next one (%1)").replace("%1", "Ctrl+R")
            )
        hours_row = QWidget()
        h = QHBoxLayout(hours_row)
        h.setContentsMargins(0, 0, 0, 0)
        h.addWidget(self.dnd_start)
        h.addWidget(QLabel("–"))
        h.addWidget(self.dnd_end)
        h.addStretch(1)
        self.errors.add_row(self.tr("&Kind"), "kind", self.kind)
        self.errors.add_row(self.tr("&Reason"), "reason", self.reason)
        self.errors.add_row(self.tr("&Source"), "source", self.source)
        self.errors.add_row(self.tr("Co&nsent"), "consent_on", consent_row)
        self.errors.add_row(self.tr("Re&view"), "review_on", review_row)
        self.errors.add_row(self.tr("Visi&ble to"), "visibility", self.visibility)
        self.errors.add_row(self.tr("&Quiet hours"), "dnd_start", hours_row)
        self.errors.labels["dnd_end"] = self.errors.labels["dnd_start"]
        self.errors.labels["custom_kind_id"] = self.errors.labels["kind"]
        self.focus_for.update(
            review_on=self.review_on,
            consent_on=self.consent_on,
            dnd_start=self.dnd_start,
            dnd_end=self.dnd_end,
            custom_kind_id=self.kind,
        )
        consent_row.setFocusProxy(self.consent)
        hours_row.setFocusProxy(self.dnd_start)
        #: The question asked before a save that needs the clerk's confirmation.
        self.confirm_box: QMessageBox | None = None
        self.kind.currentIndexChanged.connect(lambda _i: self._enable())
        self.consent.toggled.connect(lambda _c: self._enable())
        self.has_review.toggled.connect(lambda _c: self._enable())
        if detail is not None:
            self._fill(detail)
        self._enable()
        self.install_keys()
        ctx.query(lambda s: custom_kinds(s), parent=self, action="custom kinds").success(
            self._add_kinds
        ).run()

    def _fill(self, d: FlagDetail) -> None:
        self._select(self.kind, d.row.kind)
        self.reason.setPlainText(d.reason)
        self._select(self.source, d.source)
        self.consent.setChecked(d.consent)
        if d.consent_on:
            self.consent_on.setDate(to_qdate(d.consent_on))
        self.has_review.setChecked(d.row.review_on is not None)
        if d.row.review_on:
            self.review_on.setDate(to_qdate(d.row.review_on))
        self._select(self.visibility, d.row.visibility)
        if d.dnd_start and d.dnd_end:
            self.dnd_start.setTime(QTime(d.dnd_start.hour, d.dnd_start.minute))
            self.dnd_end.setTime(QTime(d.dnd_end.hour, d.dnd_end.minute))

    @staticmethod
    def _select(combo: QComboBox, value: object) -> None:
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)

    def _add_kinds(self, kinds: list[CustomKindRow]) -> None:
        clean = not self.keys.is_dirty()
        for kind in kinds:
            self.kind.addItem(kind.name, f"custom:{kind.id}")
        if self.detail is not None and self.detail.custom_kind_id is not None:
            self._select(self.kind, f"custom:{self.detail.custom_kind_id}")
        if clean:
            self.keys.mark_clean()

    def _enable(self) -> None:
        self.consent_on.setEnabled(self.consent.isChecked())
        self.review_on.setEnabled(self.has_review.isChecked())
        dnd = self.kind.currentData() == FlagKind.DO_NOT_DISTURB.value
        self.dnd_start.setEnabled(dnd)
        self.dnd_end.setEnabled(dnd)

    def mark_reviewed(self) -> None:
        """已复查: the save records this review; the next review date (six months on unless
        a later one is set) is selected for the clerk to keep or retype."""
        if self.reviewed_button is None:
            return
        self.reviewing = True
        self.has_review.setChecked(True)
        if from_qdate(self.review_on.date()) <= self.today:
            self.review_on.setDate(to_qdate(care.next_review_default(self.today)))
        self.reviewed_button.setText(self.tr("Saving records the review"))
        self.reviewed_button.setEnabled(False)
        label = self.errors.labels["review_on"]  # the refusal of the old date is answered
        label.clear()
        label.setVisible(False)
        focus_refused(self.review_on)

    def spec(self, *, confirmed: bool = False) -> FlagSpec:
        data = str(self.kind.currentData() or "")
        kind, custom_id = data, None
        if data.startswith("custom:"):
            kind, custom_id = FlagKind.CUSTOM.value, int(data.split(":", 1)[1])
        dnd = kind == FlagKind.DO_NOT_DISTURB.value
        return FlagSpec(
            kind=kind,
            reason=self.reason.toPlainText(),
            source=str(self.source.currentData()),
            consent=self.consent.isChecked(),
            consent_on=from_qdate(self.consent_on.date()) if self.consent.isChecked() else None,
            review_on=from_qdate(self.review_on.date()) if self.has_review.isChecked() else None,
            visibility=str(self.visibility.currentData()),
            dnd_start=_py_time(self.dnd_start) if dnd else None,
            dnd_end=_py_time(self.dnd_end) if dnd else None,
            custom_kind_id=custom_id,
            confirmed=confirmed,
        )

    def refused(self, exc: BaseException) -> bool:
        if isinstance(exc, care.NeedsConfirmation):
            self._ask(exc)
            return True
        return super().refused(exc)

    def _ask(self, exc: DomainError) -> None:
        """Ask before saving what the services want confirmed (No is the default)."""
        box = named(
            QMessageBox(
                QMessageBox.Icon.Question,
                self.tr("Save attention flag?"),
                exc.message,
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                self,
            ),
            "care_flag_confirm",
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        self.confirm_box = box

        def answered(result: int) -> None:
            self.confirm_box = None
            if result == QMessageBox.StandardButton.Yes:
                self.save(confirmed=True)
            else:
                form_failure(self.errors)(exc)  # the question stays by its field
                focus_refused(self.focus_for.get(getattr(exc, "field", ""), self.kind))

        box.finished.connect(answered)
        box.open()

    def save(self, confirmed: bool = False) -> None:
        spec = self.spec(confirmed=confirmed)
        if self.detail is not None:
            flag_id, version = self.detail.row.id, self.detail.row.version
            reviewed = self.reviewing
            self.run_save(
                lambda s: care.update_flag(
                    s, flag_id, spec, expected_version=version, reviewed=reviewed
                ),
                "edit attention flag",
            )
            return
        person_id = self.person_id
        unit_id = self.picker.unit_id if self.picker is not None else self.unit_id
        if person_id is not None:
            self.run_save(lambda s: care.add_person_flag(s, person_id, spec), "add flag")
        elif unit_id is None:
            # through FormErrors.show, like every refusal (it makes room for the message)
            self.errors.show(ValidationError("unit_id", self.tr("Choose the household first.")))
            if self.picker is not None:
                self.picker.setFocus()
        else:
            self.run_save(lambda s: care.add_household_flag(s, unit_id, spec), "add flag")


class ReviewDialog(_Form):
    """已复查: record that the flag was reviewed (who and when) and its next review date
    (six months on by default, after today)."""

    def __init__(self, *, ctx: AppContext, row: FlagRow, parent: QWidget | None = None) -> None:
        super().__init__(ctx=ctx, title=self.tr("Flag reviewed"), parent=parent)
        self.row = row
        who = f"{row.unit_code} {row.person_name} · {row.kind_zh}".strip()
        self.form.addRow(self.tr("Flag"), named(QLabel(who), "care_review_flag"))
        if row.review_on is not None:
            self.form.addRow(
                self.tr("Was due"), named(QLabel(f"{row.review_on:%Y-%m-%d}"), "care_review_due")
            )
        today = clock.local_now().date()
        self.next_review = _date_edit("care_review_next", care.next_review_default(today))
        self.errors.add_row(self.tr("&Next review"), "review_on", self.next_review)
        self.install_keys()

    def save(self) -> None:
        flag_id, version = self.row.id, self.row.version
        day = from_qdate(self.next_review.date())
        self.run_save(
            lambda s: care.review_flag(s, flag_id, day, expected_version=version),
            "review attention flag",
        )


class EndFlagDialog(_Form):
    """End a flag (it stays in the history) with the reason it is no longer needed."""

    def __init__(self, *, ctx: AppContext, row: FlagRow, parent: QWidget | None = None) -> None:
        super().__init__(ctx=ctx, title=self.tr("End attention flag"), parent=parent)
        self.row = row
        who = f"{row.unit_code} {row.person_name} · {row.kind_zh}".strip()
        self.form.addRow(self.tr("Flag"), named(QLabel(who), "care_end_flag"))
        self.reason = named(QLineEdit(), "care_end_reason")
        self.reason.setPlaceholderText(self.tr("e.g. moved out, reviewed: no longer needed"))
        self.errors.add_row(self.tr("&Why"), "end_reason", self.reason)
        self.install_keys()

    def save(self) -> None:
        flag_id, reason = self.row.id, self.reason.text()
        self.run_save(lambda s: care.end_flag(s, flag_id, reason), "end attention flag")


class KindDialog(_Form):
    """A manager's own kind of flag (e.g. 孕妇); sensitive kinds' details are audited."""

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx=ctx, title=self.tr("New kind of attention flag"), parent=parent)
        self.name = named(QLineEdit(), "care_kind_name")
        self.sensitive = named(
            QCheckBox(self.tr("Sensitive: viewing details is audited")), "care_kind_sensitive"
        )
        self.errors.add_row(self.tr("&Name"), "name", self.name)
        self.errors.add_row("", "sensitive", self.sensitive)
        self.install_keys()

    def save(self) -> None:
        name, sensitive = self.name.text(), self.sensitive.isChecked()
        self.run_save(lambda s: care.define_kind(s, name, sensitive=sensitive), "define kind")
