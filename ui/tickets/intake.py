"""The intake dialog (受理): register a ticket while the resident is still on the phone.

Keyboard only: the lookup box has the focus (the desk's search: unit code, name,
phone digits, pinyin initials); Enter picks the first hit, which fills the unit and
the reporter and moves on to the category; Tab goes category → urgency →
description; Ctrl+Enter (or Enter outside the description) saves. The deadlines
the ticket will get, and for complaints any earlier complaint it repeats, are shown
before saving.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from propdesk.errors import DomainError
from propdesk.registry import services as reg
from propdesk.registry.values import PersonDossier, UnitDossier
from propdesk.tickets import catalog
from propdesk.tickets import services as svc
from propdesk.tickets.values import (
    CategoryInfo,
    CreatedTicket,
    Deadlines,
    TicketKind,
    TicketSource,
    Urgency,
)
from ui.common.forms import FormErrors
from ui.common.keyboard import install_dialog_keys
from ui.common.naming import named
from ui.context import AppContext
from ui.events import Changes
from ui.search.search_box import SearchBox
from ui.tickets import labels
from ui.tickets.action_dialogs import form_failure


class IntakeDialog(QDialog):
    """Register a repair, complaint, inquiry or suggestion.

    Attributes:
        created: the :class:`CreatedTicket` after a successful save, else ``None``.
        unit_id, person_id: what the lookup chose.
        errors: the form's :class:`FormErrors`.
    """

    def __init__(
        self,
        *,
        ctx: AppContext,
        kind: str = TicketKind.REPAIR.value,
        unit_id: int | None = None,
        person_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.created: CreatedTicket | None = None
        self.unit_id: int | None = None
        self.person_id: int | None = None
        self.setWindowTitle(self.tr("Register a ticket"))
        self.setMinimumWidth(620)

        self.kind = named(QComboBox(), "intake_kind")
        for k in TicketKind:
            self.kind.addItem(labels.shown(labels.KINDS, k.value), k.value)
        self.kind.setCurrentIndex(max(self.kind.findData(kind), 0))
        self.lookup = SearchBox(ctx=ctx, parent=self)
        self.lookup.setObjectName("intake_lookup")
        self.lookup.setPlaceholderText(
            self.tr("Unit 3-2-1502, name, phone digits or pinyin; Enter picks")
        )
        self.chosen = named(QLabel(self.tr("No unit or person chosen")), "intake_chosen")
        self.category = named(QComboBox(), "intake_category")
        self.urgency = named(QComboBox(), "intake_urgency")
        for u in (Urgency.NORMAL, Urgency.HIGH, Urgency.EMERGENCY):
            self.urgency.addItem(labels.shown(labels.URGENCIES, u.value), u.value)
        self.description = named(QPlainTextEdit(), "intake_description")
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(80)
        self.description.setPlaceholderText(
            self.tr("What is wrong, where, since when (Ctrl+Enter saves)")
        )
        self.source = named(QComboBox(), "intake_source")
        for src in TicketSource:
            self.source.addItem(labels.shown(labels.SOURCES, src.value), src.value)
        self.source.setCurrentIndex(self.source.findData(TicketSource.PHONE.value))
        self.location = named(QLineEdit(), "intake_location")
        self.location.setPlaceholderText(
            self.tr("Public area, e.g. Building 1 lobby (when no unit)")
        )
        self.reporter = named(QLineEdit(), "intake_reporter")
        self.phone = named(QLineEdit(), "intake_phone")
        self.paid = named(
            QCheckBox(self.tr("Paid service (labour and materials charged)")), "intake_paid"
        )
        self.deadline = named(QLabel(), "intake_deadline")
        self.repeat = named(QLabel(), "intake_repeat")
        self.repeat.setStyleSheet("color: #b00020; font-weight: bold;")
        self.repeat.setWordWrap(True)
        self.repeat.setVisible(False)

        form = QFormLayout()
        self.errors = FormErrors(form)
        self.errors.add_row(self.tr("&Unit / person"), "unit_id", self.lookup)
        form.addRow("", self.chosen)
        self.errors.add_row(self.tr("&Kind"), "kind", self.kind)
        self.errors.add_row(self.tr("&Category"), "category_id", self.category)
        self.errors.add_row(self.tr("U&rgency"), "urgency", self.urgency)
        self.errors.add_row(self.tr("&Description"), "description", self.description)
        self.errors.add_row(self.tr("&Source"), "source", self.source)
        self.errors.add_row(self.tr("Public &area"), "location", self.location)
        self.errors.add_row(self.tr("Re&porter"), "reporter_name", self.reporter)
        self.errors.add_row(self.tr("P&hone"), "reporter_phone", self.phone)
        form.addRow("", self.paid)
        form.addRow(self.tr("Deadlines"), self.deadline)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("intake_save")
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.repeat)
        layout.addWidget(self.errors.general)
        layout.addWidget(self.buttons)

        chain = [
            self.lookup,
            self.kind,
            self.category,
            self.urgency,
            self.description,
            self.source,
            self.location,
            self.reporter,
            self.phone,
            self.paid,
            self.save_button,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.keys = install_dialog_keys(
            self, submit=self.save, default=self.save_button, first=self.lookup
        )

        self.lookup.opened.connect(self._picked)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.category.currentIndexChanged.connect(self._update_hints)
        self.urgency.currentIndexChanged.connect(self._update_hints)
        self.location.editingFinished.connect(self._update_hints)
        self._kind_changed()
        if unit_id is not None or person_id is not None:
            # Started from a unit or person page: the lookup is done, the clerk goes on at
            # the category.
            self.keys.set_first(self.category)
        if unit_id is not None:
            self._picked("unit", unit_id)
        elif person_id is not None:
            self._picked("person", person_id)
        self.lookup.setFocus()

    # --- lookup -------------------------------------------------------------------------

    def _picked(self, kind: str, record_id: int) -> None:
        """A unit or person was chosen: read it (on the worker), then fill the unit and the
        reporter and move to the category."""
        if kind == "unit":
            self.ctx.query(
                lambda s: reg.get_unit_dossier(s, record_id), parent=self, action="intake: unit"
            ).failure(form_failure(self.errors)).success(
                lambda dossier: self._unit_picked(record_id, dossier)
            ).run()
        else:
            self.ctx.query(
                lambda s: reg.get_person(s, record_id), parent=self, action="intake: person"
            ).failure(form_failure(self.errors)).success(
                lambda person: self._person_picked(record_id, person)
            ).run()

    def _unit_picked(self, unit_id: int, dossier: UnitDossier) -> None:
        self.unit_id = unit_id
        resident = next(
            (o for o in dossier.current if o.role in ("owner", "tenant", "co_owner")), None
        )
        self.person_id = resident.person_id if resident else None
        self.reporter.setText(resident.person_name if resident else "")
        self.phone.setPlaceholderText(resident.phone if resident else "")
        who = f"  {resident.person_name}" if resident else ""
        self.chosen.setText(f"{dossier.unit.code}{who}")
        self._after_pick()

    def _person_picked(self, person_id: int, person: PersonDossier) -> None:
        self.person_id = person_id
        current = [o for o in person.occupancies if o.current]
        self.unit_id = current[0].unit_id if current else None
        self.reporter.setText(person.person.name)
        self.phone.setPlaceholderText(person.person.phone)
        unit = current[0].unit_code if current else self.tr("no current unit")
        self.chosen.setText(f"{person.person.name}  {unit}")
        self._after_pick()

    def _after_pick(self) -> None:
        self.errors.clear()
        self.lookup.clear()
        self._update_hints()
        self.category.setFocus()

    # --- hints --------------------------------------------------------------------------

    def _kind_changed(self) -> None:
        kind: str = self.kind.currentData()
        self.ctx.query(
            lambda s: catalog.list_categories(s, kind), parent=self, action="intake: categories"
        ).success(lambda cats: self._show_categories(kind, cats)).run()

    def _show_categories(self, kind: str, cats: list[CategoryInfo]) -> None:
        self.category.blockSignals(True)
        self.category.clear()
        for c in cats:
            self.category.addItem(c.name, c.id)
        self.category.blockSignals(False)
        self.paid.setEnabled(kind == TicketKind.REPAIR.value)
        if kind != TicketKind.REPAIR.value:
            self.paid.setChecked(False)
        self._update_hints()

    def _update_hints(self) -> None:
        """The deadlines the ticket would get, and a repeat-complaint warning (on the worker)."""
        kind: str = self.kind.currentData()
        cat: int | None = self.category.currentData()
        urgency: str = self.urgency.currentData()
        if cat is None:
            self.deadline.setText("")
            return
        category_id = cat
        unit_id, location = self.unit_id, self.location.text().strip()

        def load(s: Session) -> tuple[Deadlines, list[tuple[int, str]]]:
            due = svc.preview_deadlines(s, kind, category_id, urgency)
            repeats = (
                svc.repeat_complaints(
                    s, unit_id=unit_id, category_id=category_id, location=location
                )
                if kind == TicketKind.COMPLAINT.value
                else []
            )
            return due, repeats

        self.ctx.query(load, parent=self, action="intake: deadlines").failure(
            self._hint_failed
        ).success(self._show_hints).run()

    def _hint_failed(self, exc: BaseException) -> bool:
        if isinstance(exc, DomainError):
            self.deadline.setText(str(exc))
            return True
        return False

    def _show_hints(self, loaded: tuple[Deadlines, list[tuple[int, str]]]) -> None:
        due, repeats = loaded
        self.deadline.setText(
            self.tr("Response by %1, done by %2")
            .replace("%1", labels.local_time(due.response_due))
            .replace("%2", labels.local_time(due.resolve_due))
        )
        self.repeat.setVisible(bool(repeats))
        if repeats:
            self.repeat.setText(
                self.tr(
                    "Repeat complaint: the same unit or place complained recently (%1)"
                ).replace("%1", "、".join(n for _i, n in repeats[:5]))
            )

    # --- saving -------------------------------------------------------------------------

    def intake(self) -> svc.Intake:
        """What the form says now."""
        return svc.Intake(
            kind=self.kind.currentData(),
            category_id=self.category.currentData() or 0,
            description=self.description.toPlainText(),
            source=self.source.currentData(),
            urgency=self.urgency.currentData(),
            unit_id=self.unit_id,
            location=self.location.text(),
            person_id=self.person_id,
            reporter_name=self.reporter.text(),
            reporter_phone=self.phone.text(),
            is_paid=self.paid.isChecked(),
        )

    def save(self) -> None:
        """Register the ticket; a bad field is shown next to it and nothing typed is lost.
        The dialog accepts only when the ticket was saved; Save is disabled meanwhile."""
        if not self.save_button.isEnabled():  # already saving (Ctrl+Enter twice)
            return
        intake = self.intake()
        self.ctx.op(
            lambda s: svc.create_ticket(s, intake),
            changes=Changes(tickets=True),
            parent=self,
            action="register ticket",
        ).busy(self.save_button).failure(form_failure(self.errors)).success(self._saved).run()

    def _saved(self, created: CreatedTicket) -> None:
        self.errors.clear()
        self.created = created
        self.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Escape with results open closes the results, not the dialog.
        if event.key() == Qt.Key.Key_Escape and self.lookup.results.isVisible():
            self.lookup.results.hide()
            return
        super().keyPressEvent(event)
