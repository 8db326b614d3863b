"""Visit forms: record a visit (for a plan item, a unit, or a unit chosen here), raise a saved
visit's findings as a ticket, and the planning rules.

The visit form can raise its findings as a ticket in the same save ("转工单": tick the box
and pick the category); a refused ticket saves no visit and the input stays. Each form opens
with the focus in its first field; Enter submits once; every write goes through ``ctx.op``
and broadcasts ``Changes(care=True, tickets=…)``.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.care import visits
from propdesk.care.visit_plan import rules
from propdesk.care.visit_values import (
    DAYS_RANGE,
    LOOKBACK_RANGE,
    RULE_REASONS,
    VISIT_REASON_ZH,
    PlanItem,
    StaffName,
    VisitReason,
    VisitRow,
    VisitRule,
)
from propdesk.care.visits import TicketRequest, VisitSpec
from propdesk.changes import Changes
from propdesk.errors import ValidationError
from propdesk.tickets import catalog
from propdesk.tickets.values import KIND_ZH, CategoryInfo, TicketKind
from ui.care.dialogs import CareForm, DateField
from ui.common.dates import from_qdate, to_qdate
from ui.common.naming import named
from ui.context import AppContext
from ui.desk.unit_picker import UnitPicker

VISIT_CHANGES = Changes(care=True, tickets=True)
NEXT_VISIT_DAYS = 30  # the next visit's date, when ticked: in a month
TICKET_KINDS = (TicketKind.REPAIR, TicketKind.COMPLAINT, TicketKind.SUGGESTION)


def ticket_categories(s: Session) -> list[CategoryInfo]:
    """Active categories of the kinds a visit's finding may become (repair first)."""
    order = {k.value: n for n, k in enumerate(TICKET_KINDS)}
    found = [c for c in catalog.list_categories(s) if c.active and c.kind in order]
    return sorted(found, key=lambda c: (order[c.kind], c.sort_key))


def _fill_categories(combo: QComboBox, categories: list[CategoryInfo], placeholder: str) -> None:
    """A neutral first entry (no kind, no category: the clerk must choose), then the
    categories by kind; a finding is never filed under a default it does not fit."""
    combo.clear()
    combo.addItem(placeholder, None)
    for c in categories:
        combo.addItem(f"{KIND_ZH[TicketKind(c.kind)]} · {c.name}", (c.kind, c.id))
    combo.setCurrentIndex(0)


def _request(combo: QComboBox) -> TicketRequest | None:
    data = combo.currentData()
    if not isinstance(data, tuple):
        return None
    kind, category_id = data
    return TicketRequest(str(kind), int(category_id))


def _local_now() -> QDateTime:
    now = clock.local_now()
    return QDateTime(to_qdate(now.date()), QTime(now.hour, now.minute))


def _aware(value: QDateTime) -> datetime:
    day, at = value.date(), value.time()
    return clock.local_datetime(from_qdate(day), datetime.min.time()).replace(
        hour=at.hour(), minute=at.minute()
    )


class VisitDialog(CareForm):
    """Record a visit: for a plan ``item``, for ``unit_id`` (from the unit page), or for a
    household chosen here.

    Attributes: picker (when choosing here), when, visitor, companions, findings, rating,
    has_next/next_visit, raise_ticket/category; ``result_value`` the saved :class:`VisitRow`.
    """

    changes = VISIT_CHANGES
    minimum_width = 560

    def __init__(
        self,
        *,
        ctx: AppContext,
        item: PlanItem | None = None,
        unit_id: int | None = None,
        unit_label: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx=ctx, title=self.tr("Record a visit"), parent=parent)
        self.item = item
        self.unit_id = item.unit_id if item is not None else unit_id
        self.picker: UnitPicker | None = None
        self.reason: QComboBox | None = None
        if item is not None:
            who = f"{item.unit_code} {item.person_name}".strip()
            self.form.addRow(self.tr("Household"), named(QLabel(who), "visit_household"))
            plan = f"{item.reason_zh} · {item.detail} · " + self.tr("due %1").replace(
                "%1", f"{item.due_on:%Y-%m-%d}"
            )
            self.form.addRow(self.tr("Plan"), named(QLabel(plan), "visit_plan_item"))
        else:
            if unit_id is None:
                self.picker = UnitPicker(ctx=ctx, parent=self)
                self.errors.add_row(self.tr("&Household"), "unit_id", self.picker)
            else:
                self.form.addRow(self.tr("Household"), named(QLabel(unit_label), "visit_household"))
            self.reason = named(QComboBox(), "visit_reason")
            for reason in (VisitReason.OTHER, *RULE_REASONS):
                self.reason.addItem(VISIT_REASON_ZH[reason], reason.value)
            self.errors.add_row(self.tr("&Reason"), "reason", self.reason)
        self.when = named(DateField(), "visit_when")
        self.when.setDateTime(_local_now())
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when.setCalendarPopup(True)
        self.visitor = named(QComboBox(), "visit_visitor")
        self.visitor.setEditable(True)
        self.visitor.setEditText(ctx.actor.display_name)
        self.companions = named(QLineEdit(), "visit_companions")
        self.companions.setPlaceholderText(self.tr("e.g. a volunteer, the building steward"))
        self.findings = named(QPlainTextEdit(), "visit_findings")
        self.findings.setTabChangesFocus(True)
        self.findings.setMaximumHeight(90)
        self.findings.setPlaceholderText(self.tr("What you saw and heard; problems to follow up"))
        self.rating = named(QComboBox(), "visit_rating")
        self.rating.addItem(self.tr("not rated"), None)
        for n in range(5, 0, -1):
            self.rating.addItem("★" * n + f" {n}", n)
        self.has_next = named(QCheckBox(self.tr("on")), "visit_has_next")
        self.next_visit = named(DateField(), "visit_next_on")
        self.next_visit.setDisplayFormat("yyyy-MM-dd")
        self.next_visit.setCalendarPopup(True)
        self.next_visit.setDate(to_qdate(clock.local_now().date()).addDays(NEXT_VISIT_DAYS))
        self.raise_ticket = named(
            QCheckBox(self.tr("Raise a tic&ket from the findings")), "visit_raise_ticket"
        )
        self.category = named(QComboBox(), "visit_ticket_category")
        next_row = QWidget()
        nl = QHBoxLayout(next_row)
        nl.setContentsMargins(0, 0, 0, 0)
        nl.addWidget(self.has_next)
        nl.addWidget(self.next_visit, 1)
        ticket_row = QWidget()
        t = QHBoxLayout(ticket_row)
        t.setContentsMargins(0, 0, 0, 0)
        t.addWidget(self.raise_ticket)
        t.addWidget(self.category, 1)
        self.errors.add_row(self.tr("&When"), "visited_at", self.when)
        self.errors.add_row(self.tr("&Visited by"), "visitor_name", self.visitor)
        self.errors.add_row(self.tr("Co&mpanions"), "companions", self.companions)
        self.errors.add_row(self.tr("&Findings"), "findings", self.findings)
        self.errors.add_row(self.tr("Satisf&action"), "rating", self.rating)
        self.errors.add_row(self.tr("&Next visit"), "next_visit_on", next_row)
        self.errors.add_row(self.tr("Ticket"), "category_id", ticket_row)
        self.focus_for.update(next_visit_on=self.next_visit, category_id=self.category)
        for field in ("description", "kind", "urgency", "reporter_name"):
            self.errors.labels[field] = self.errors.labels["category_id"]
        self.staff: list[StaffName] = []
        self.has_next.toggled.connect(lambda _c: self._enable())
        self.raise_ticket.toggled.connect(lambda _c: self._enable())
        self._enable()
        self.install_keys()
        ctx.query(
            lambda s: (visits.staff_names(s), ticket_categories(s)),
            parent=self,
            action="visit form choices",
        ).success(self._fill).run()

    def _fill(self, data: tuple[list[StaffName], list[CategoryInfo]]) -> None:
        clean = not self.keys.is_dirty()
        staff, categories = data
        self.staff = staff
        typed = self.visitor.currentText()
        self.visitor.blockSignals(True)
        for person in staff:
            self.visitor.addItem(person.name, person.user_id)
        self.visitor.setEditText(typed)
        self.visitor.blockSignals(False)
        _fill_categories(self.category, categories, self.tr("— choose kind and category —"))
        if clean:
            self.keys.mark_clean()

    def _enable(self) -> None:
        self.next_visit.setEnabled(self.has_next.isChecked())
        self.category.setEnabled(self.raise_ticket.isChecked())

    def _visitor_id(self, name: str) -> int | None:
        return next((p.user_id for p in self.staff if p.name == name.strip()), None)

    def spec(self) -> VisitSpec:
        item = self.item
        unit_id = self.picker.unit_id if self.picker is not None else self.unit_id
        if item is not None:
            reason, trigger = item.reason, item.trigger_id
        else:
            reason = str(self.reason.currentData()) if self.reason else VisitReason.OTHER.value
            trigger = None
        name = self.visitor.currentText()
        rating = self.rating.currentData()
        return VisitSpec(
            unit_id=unit_id,
            visited_at=_aware(self.when.dateTime()),
            findings=self.findings.toPlainText(),
            reason=reason,
            trigger_id=trigger,
            visitor_name=name,
            visitor_user_id=self._visitor_id(name),
            companions=self.companions.text(),
            rating=int(rating) if rating is not None else None,
            next_visit_on=from_qdate(self.next_visit.date()) if self.has_next.isChecked() else None,
            ticket=_request(self.category) if self.raise_ticket.isChecked() else None,
        )

    def save(self) -> None:
        spec = self.spec()
        if spec.ticket is None and self.raise_ticket.isChecked():
            self.errors.clear()
            label = self.errors.labels["category_id"]
            label.setText(self.tr("Choose the ticket's category."))
            label.setVisible(True)
            return
        self.run_save(lambda s: visits.record_visit(s, spec), "record visit")


class VisitTicketDialog(CareForm):
    """Raise a saved visit's findings as a ticket (转工单): the clerk picks the kind and
    category (nothing is preselected; saving without a choice names the field)."""

    changes = VISIT_CHANGES
    minimum_width = 480

    def __init__(self, *, ctx: AppContext, visit: VisitRow, parent: QWidget | None = None) -> None:
        super().__init__(ctx=ctx, title=self.tr("Raise a ticket from a visit"), parent=parent)
        self.visit = visit
        head = f"{visit.unit_code} {visit.person_name} · {visit.visited_on:%Y-%m-%d}".strip()
        self.form.addRow(self.tr("Visit"), named(QLabel(head), "visit_ticket_visit"))
        findings = named(QLabel(visit.findings or self.tr("(no findings)")), "visit_ticket_text")
        findings.setWordWrap(True)
        self.form.addRow(self.tr("Findings"), findings)
        self.category = named(QComboBox(), "visit_ticket_category")
        self.errors.add_row(self.tr("Categor&y"), "category_id", self.category)
        for field in ("findings", "description", "kind", "reporter_name"):
            self.errors.labels[field] = self.errors.labels["category_id"]
        self.install_keys(loaded=True)
        ctx.query(ticket_categories, parent=self, action="ticket categories").success(
            self._fill
        ).run()

    def _fill(self, categories: list[CategoryInfo]) -> None:
        _fill_categories(self.category, categories, self.tr("— choose kind and category —"))
        self.keys.mark_clean()

    def save(self) -> None:
        request = _request(self.category)
        if request is None:
            self.errors.show(
                ValidationError("category_id", self.tr("Choose the ticket's kind and category."))
            )
            return
        visit_id, version = self.visit.id, self.visit.version
        self.run_save(
            lambda s: visits.raise_ticket(s, visit_id, request, expected_version=version),
            "raise ticket from visit",
        )


class VisitRulesDialog(CareForm):
    """The planning rules (a manager's setting): on/off, days and how far back, per reason."""

    changes = Changes(care=True)
    minimum_width = 560

    def __init__(
        self, *, ctx: AppContext, current: dict[VisitReason, VisitRule], parent: QWidget | None
    ) -> None:
        super().__init__(ctx=ctx, title=self.tr("Visit plan rules"), parent=parent)
        self.current = current
        self.rows: dict[VisitReason, tuple[QCheckBox, QSpinBox, QSpinBox]] = {}
        texts = {
            VisitReason.ELDERLY_ALONE: self.tr("&Elderly living alone: every"),
            VisitReason.NEW_HOUSEHOLD: self.tr("New &household: within, of moving in"),
            VisitReason.COMPLAINT: self.tr("After a c&omplaint: within, of closing"),
        }
        for reason in RULE_REASONS:
            rule = current[reason]
            label = texts[reason]
            on = named(QCheckBox(self.tr("planned")), f"rule_{reason.value}_active")
            on.setChecked(rule.active)
            days = named(QSpinBox(), f"rule_{reason.value}_days")
            days.setRange(*DAYS_RANGE)
            days.setValue(rule.days)
            days.setSuffix(self.tr(" day(s)"))
            lookback = named(QSpinBox(), f"rule_{reason.value}_lookback")
            lookback.setRange(*LOOKBACK_RANGE)
            lookback.setValue(rule.lookback_days)
            lookback.setPrefix(self.tr("looking back "))
            lookback.setSuffix(self.tr(" day(s)"))
            row = QWidget()
            h = QHBoxLayout(row)
            h.setContentsMargins(0, 0, 0, 0)
            h.addWidget(days)
            h.addWidget(on)
            if reason is not VisitReason.ELDERLY_ALONE:
                h.addWidget(lookback)
            h.addStretch(1)
            self.errors.add_row(label, f"{reason.value}_days", row)
            self.rows[reason] = (on, days, lookback)
        self.flagged_only = named(
            QCheckBox(self.tr("only complainants flagged 频繁投诉")), "rule_complaint_flagged"
        )
        self.flagged_only.setChecked(current[VisitReason.COMPLAINT].flagged_only)
        self.errors.add_row("", "flagged_only", self.flagged_only)
        self.install_keys(loaded=True)

    def spec(self) -> list[VisitRule]:
        out: list[VisitRule] = []
        for reason, (on, days, lookback) in self.rows.items():
            rule = self.current[reason]
            out.append(
                VisitRule(
                    reason.value,
                    on.isChecked(),
                    days.value(),
                    lookback.value(),
                    self.flagged_only.isChecked() if reason is VisitReason.COMPLAINT else False,
                    rule.version,
                )
            )
        return out

    def save(self) -> None:
        wanted = self.spec()
        changed = [r for r in wanted if r != self.current[VisitReason(r.reason)]]

        def write(s: Session) -> dict[VisitReason, VisitRule]:
            for rule in changed:
                visits.set_rule(s, rule)
            return rules(s)

        self.run_save(write, "visit plan rules")
