"""Attention-flag forms: add or edit a flag, end a flag, define a custom kind.

Each opens with the focus in its first field; Enter submits once (Save is busy while the
save runs); a refused value (a review date that is not in the future…) is shown next to its
field, nothing is saved and the input is kept; Esc with input typed asks before closing.
Every write goes through ``ctx.op`` and broadcasts ``Changes(care=True)``.
"""

from __future__ import annotations

from datetime import date, time, timedelta

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
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
from ui.common.dates import from_qdate, to_qdate
from ui.common.form_dialog import FormDialog
from ui.common.naming import named
from ui.context import AppContext
from ui.desk.unit_picker import UnitPicker

CHANGES = Changes(care=True)
REVIEW_AFTER_DAYS = 90  # a new flag's review date: in three months


class _Form(FormDialog):
    changes = CHANGES


def _date_edit(name: str, day: date) -> QDateEdit:
    edit = named(QDateEdit(), name)
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

    def spec(self) -> FlagSpec:
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
        )

    def save(self) -> None:
        spec = self.spec()
        if self.detail is not None:
            flag_id, version = self.detail.row.id, self.detail.row.version
            self.run_save(
                lambda s: care.update_flag(s, flag_id, spec, expected_version=version),
                "edit attention flag",
            )
            return
        person_id = self.person_id
        unit_id = self.picker.unit_id if self.picker is not None else self.unit_id
        if person_id is not None:
            self.run_save(lambda s: care.add_person_flag(s, person_id, spec), "add flag")
        elif unit_id is None:
            self.errors.clear()
            self.errors.labels["unit_id"].setText(self.tr("Choose the household first."))
            self.errors.labels["unit_id"].setVisible(True)
            if self.picker is not None:
                self.picker.setFocus()
        else:
            self.run_save(lambda s: care.add_household_flag(s, unit_id, spec), "add flag")


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
