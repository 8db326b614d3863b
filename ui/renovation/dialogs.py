"""The renovation dialogs: application, deposit, reject/cancel, inspection, follow-up,
acceptance and deposit refund. Each OK reads the form and runs one service call as one
operation on the database worker; the dialog closes only when it succeeded."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from propdesk.changes import Changes
from propdesk.errors import ValidationError
from propdesk.fees.models import PAY_METHOD_ZH, PayMethod
from propdesk.fees.money import parse_yuan, yuan
from propdesk.fees.payments import TAKEN_METHODS
from propdesk.renovation import inspections, permits
from propdesk.renovation.refund import Deduction, refund_deposit
from propdesk.renovation.values import (
    PermitApplication,
    PermitInfo,
    ViolationSpec,
    ViolationTypeInfo,
    WorkerSpec,
)
from ui.context import AppContext
from ui.desk.unit_picker import UnitPicker
from ui.renovation.widgets import ServiceDialog, Work, date_edit, desk_today, from_qdate, named

CHANGES = Changes(renovation=True, units=True, fees=True, payments=True)


def method_combo(object_name: str = "method") -> QComboBox:
    combo = named(QComboBox(), object_name)
    for m in TAKEN_METHODS:
        combo.addItem(PAY_METHOD_ZH[PayMethod(m)], m.value)
    return combo


class ApplicationDialog(ServiceDialog):
    """A new renovation application (装修申请). ``result_value`` is the permit id."""

    changes = CHANGES

    def __init__(
        self, *, ctx: AppContext, unit_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx=ctx, title=self.tr("New renovation application"), parent=parent)
        self.unit = UnitPicker(ctx=ctx)
        self.owner = named(QLineEdit(), "owner_name")
        self.owner_phone = named(QLineEdit(), "owner_phone")
        self.contractor = named(QLineEdit(), "contractor")
        self.contact = named(QLineEdit(), "contractor_contact")
        self.contact_phone = named(QLineEdit(), "contractor_phone")
        self.scope = named(QLineEdit(), "scope")
        self.start = date_edit(desk_today(), object_name="planned_start")
        self.end = date_edit(desk_today() + timedelta(days=60), object_name="planned_end")
        self.deposit = named(QLineEdit("2000.00"), "deposit")
        self.workers = named(QPlainTextEdit(), "workers")
        self.workers.setPlaceholderText(self.tr("One worker per line: name and phone"))
        self.workers.setTabChangesFocus(True)
        self.workers.setFixedHeight(80)
        e = self.errors
        e.add_row(self.tr("Unit"), "unit_id", self.unit)
        e.add_row(self.tr("Owner"), "owner_name", self.owner)
        e.add_row(self.tr("Owner's phone"), "owner_phone", self.owner_phone)
        e.add_row(self.tr("Contractor"), "contractor", self.contractor)
        e.add_row(self.tr("Site contact"), "contractor_contact", self.contact)
        e.add_row(self.tr("Contact's phone"), "contractor_phone", self.contact_phone)
        e.add_row(self.tr("Scope of work"), "scope", self.scope)
        e.add_row(self.tr("Planned start"), "planned_start", self.start)
        e.add_row(self.tr("Planned end"), "planned_end", self.end)
        e.add_row(self.tr("Deposit (yuan)"), "deposit_fen", self.deposit)
        e.add_row(self.tr("Workers"), "workers", self.workers)
        self.unit.picked.connect(self._picked)
        if unit_id is not None:
            ctx.query(lambda s: _unit_code(s, unit_id), parent=self).success(
                lambda code: self.unit.set_unit(unit_id, code)
            ).run()

    def _picked(self, _uid: int) -> None:
        if self.unit.person_name and not self.owner.text():
            self.owner.setText(self.unit.person_name)
        self.owner.setFocus()

    def action(self) -> Work:
        if self.unit.unit_id is None:
            raise ValidationError("unit_id", self.tr("Choose the unit first."))
        workers: list[WorkerSpec] = []
        for line in self.workers.toPlainText().splitlines():
            parts = line.split()
            if parts:
                workers.append(WorkerSpec(parts[0], parts[1] if len(parts) > 1 else ""))
        app = PermitApplication(
            unit_id=self.unit.unit_id,
            owner_name=self.owner.text(),
            owner_phone=self.owner_phone.text(),
            contractor=self.contractor.text(),
            contractor_contact=self.contact.text(),
            contractor_phone=self.contact_phone.text(),
            scope=self.scope.text(),
            planned_start=from_qdate(self.start.date()),
            planned_end=from_qdate(self.end.date()),
            deposit_fen=parse_yuan(self.deposit.text() or "0", "deposit_fen"),
            workers=tuple(workers),
        )
        return lambda s: permits.apply_for_permit(s, app)


def _unit_code(session: Session, unit_id: int) -> str:
    from propdesk.registry.services import get_unit

    return get_unit(session, unit_id).code


class DepositDialog(ServiceDialog):
    """Take the deposit into the deposit ledger (押金收据). ``result_value``: its receipt no."""

    changes = CHANGES

    def __init__(
        self, *, ctx: AppContext, permit: PermitInfo, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx=ctx, title=self.tr("Collect deposit"), parent=parent)
        self.permit_id = permit.id
        self.method = method_combo()
        self.txn_ref = named(QLineEdit(), "txn_ref")
        amount = named(QLabel(yuan(permit.deposit_fen)), "deposit_amount")
        self.errors.add_row(self.tr("Deposit (yuan)"), "deposit_fen", amount)
        self.errors.add_row(self.tr("Paid by"), "method", self.method)
        self.errors.add_row(self.tr("Transaction no."), "txn_ref", self.txn_ref)

    def action(self) -> Work:
        permit_id, method, txn_ref = self.permit_id, self.method.currentData(), self.txn_ref.text()
        return lambda s: permits.collect_deposit(s, permit_id, method=method, txn_ref=txn_ref)


class ReasonDialog(ServiceDialog):
    """Ask a reason, then run ``action(session, reason)`` (reject, cancel)."""

    changes = CHANGES

    def __init__(
        self,
        *,
        ctx: AppContext,
        title: str,
        action: Callable[[Session, str], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx=ctx, title=title, parent=parent)
        self._action = action
        self.reason = named(QLineEdit(), "reason")
        self.errors.add_row(self.tr("Reason"), "reason", self.reason)

    def action(self) -> Work:
        action, reason = self._action, self.reason.text()
        return lambda s: action(s, reason)


class InspectionDialog(ServiceDialog):
    """Record a site inspection: date, inspector, violations found (with a deadline), photos."""

    changes = Changes(renovation=True, tickets=True)

    def __init__(
        self,
        *,
        ctx: AppContext,
        permit_id: int,
        types: list[ViolationTypeInfo],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx=ctx, title=self.tr("Site inspection"), parent=parent)
        self.permit_id = permit_id
        self.day = date_edit(desk_today(), object_name="inspected_on")
        self.inspector = named(QLineEdit(ctx.actor.display_name), "inspector")
        self.notes = named(QLineEdit(), "notes")
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.checks: dict[int, QCheckBox] = {}
        self.descriptions: dict[int, QLineEdit] = {}
        for row, t in enumerate(types):
            check = named(QCheckBox(t.name), f"violation_{t.code}")
            text = named(QLineEdit(), f"description_{t.code}")
            text.setPlaceholderText(self.tr("What was found"))
            text.setEnabled(False)
            check.toggled.connect(text.setEnabled)
            grid.addWidget(check, row, 0)
            grid.addWidget(text, row, 1)
            self.checks[t.id] = check
            self.descriptions[t.id] = text
        self.deadline = date_edit(desk_today() + timedelta(days=1), object_name="deadline")
        self.ticket = named(
            QCheckBox(self.tr("Needs repair: raise a service ticket")), "raise_ticket"
        )
        photo_row = QWidget()
        ph = QHBoxLayout(photo_row)
        ph.setContentsMargins(0, 0, 0, 0)
        self.photo_button = named(QPushButton(self.tr("Add photos…")), "add_photos")
        self.photo_label = named(QLabel(self.tr("no photos")), "photo_count")
        ph.addWidget(self.photo_button)
        ph.addWidget(self.photo_label, 1)
        self.photo_button.clicked.connect(self._pick_photos)
        self.photos: list[tuple[str, bytes]] = []
        e = self.errors
        e.add_row(self.tr("Date"), "inspected_on", self.day)
        e.add_row(self.tr("Inspector"), "inspector", self.inspector)
        e.add_row(self.tr("Violations"), "violations", box)
        e.add_row(self.tr("Rectify by"), "deadline", self.deadline)
        e.add_row("", "ticket", self.ticket)
        e.add_row(self.tr("Notes"), "notes", self.notes)
        e.add_row(self.tr("Photos"), "photos", photo_row)

    def add_photo(self, name: str, content: bytes) -> None:
        self.photos.append((name, content))
        self.photo_label.setText(self.tr("%n photo(s)", "", len(self.photos)))

    def _pick_photos(self) -> None:
        from ui.common.file_dialogs import ask_open_files

        files = ask_open_files(
            self, self.tr("Photos"), self.tr("Images (*.jpg *.jpeg *.png)"), purpose="photos"
        )
        from pathlib import Path

        for name in files:
            self.add_photo(Path(name).name, Path(name).read_bytes())

    def specs(self) -> list[ViolationSpec]:
        deadline = from_qdate(self.deadline.date())
        return [
            ViolationSpec(
                tid, self.descriptions[tid].text(), deadline, raise_ticket=self.ticket.isChecked()
            )
            for tid, check in self.checks.items()
            if check.isChecked()
        ]

    def action(self) -> Work:
        permit_id, inspector, specs = self.permit_id, self.inspector.text(), self.specs()
        notes, photos, on = self.notes.text(), list(self.photos), from_qdate(self.day.date())
        return lambda s: inspections.record_inspection(
            s, permit_id, inspector=inspector, violations=specs, notes=notes, photos=photos, on=on
        )


class FollowUpDialog(ServiceDialog):
    """The follow-up (复查) of one violation: rectified, or a new deadline."""

    changes = Changes(renovation=True)

    def __init__(
        self, *, ctx: AppContext, violation_id: int, what: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx=ctx, title=self.tr("Follow up violation"), parent=parent)
        self.violation_id = violation_id
        self.rectified = named(QCheckBox(self.tr("Rectified")), "rectified")
        self.rectified.setChecked(True)
        self.note = named(QLineEdit(), "note")
        self.new_deadline = date_edit(desk_today() + timedelta(days=2), object_name="new_deadline")
        self.new_deadline.setEnabled(False)
        self.rectified.toggled.connect(lambda on: self.new_deadline.setEnabled(not on))
        self.errors.add_row(self.tr("Violation"), "violation", QLabel(what))
        self.errors.add_row("", "rectified", self.rectified)
        self.errors.add_row(self.tr("Note"), "note", self.note)
        self.errors.add_row(self.tr("New deadline"), "new_deadline", self.new_deadline)

    def action(self) -> Work:
        violation_id, rectified, note = (
            self.violation_id,
            self.rectified.isChecked(),
            self.note.text(),
        )
        new_deadline = None if rectified else from_qdate(self.new_deadline.date())
        return lambda s: inspections.follow_up_violation(
            s, violation_id, rectified=rectified, note=note, new_deadline=new_deadline
        )


class AcceptDialog(ServiceDialog):
    """Completion acceptance (竣工验收)."""

    changes = CHANGES

    def __init__(
        self, *, ctx: AppContext, permit: PermitInfo, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx=ctx, title=self.tr("Completion acceptance"), parent=parent)
        self.permit = permit
        self.day = date_edit(desk_today(), object_name="accepted_on")
        self.note = named(QLineEdit(), "note")
        self.errors.add_row(self.tr("Accepted on"), "accepted_on", self.day)
        self.errors.add_row(self.tr("Note"), "note", self.note)

    def action(self) -> Work:
        permit, on, note = self.permit, from_qdate(self.day.date()), self.note.text()
        return lambda s: permits.accept_permit(
            s, permit.id, on=on, note=note, expected_version=permit.version
        )


class RefundDialog(ServiceDialog):
    """Refund the deposit less itemised deductions; the net amount updates as you type."""

    changes = CHANGES

    def __init__(
        self, *, ctx: AppContext, permit: PermitInfo, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx=ctx, title=self.tr("Refund deposit"), parent=parent)
        self.permit = permit
        self.rows_box = QWidget()
        self.rows_layout = QVBoxLayout(self.rows_box)
        self.rows_layout.setContentsMargins(0, 0, 0, 0)
        self.rows: list[tuple[QLineEdit, QLineEdit]] = []
        self.add_button = named(QPushButton(self.tr("Add deduction")), "add_deduction")
        self.add_button.clicked.connect(lambda: self.add_row())
        self.net = named(QLabel(), "net_refund")
        self.method = method_combo()
        self.errors.add_row(self.tr("Deposit (yuan)"), "deposit", QLabel(yuan(permit.deposit_fen)))
        self.errors.add_row(self.tr("Deductions"), "deductions", self.rows_box)
        self.errors.add_row("", "add", self.add_button)
        self.errors.add_row(self.tr("Refund (yuan)"), "net", self.net)
        self.errors.add_row(self.tr("Refund by"), "method", self.method)
        self._update_net()

    def add_row(self, reason: str = "", amount: str = "") -> tuple[QLineEdit, QLineEdit]:
        n = len(self.rows)
        row = QWidget()
        h = QHBoxLayout(row)
        h.setContentsMargins(0, 0, 0, 0)
        r = named(QLineEdit(reason), f"deduction_reason_{n}")
        r.setPlaceholderText(self.tr("Reason"))
        a = named(QLineEdit(amount), f"deduction_amount_{n}")
        a.setPlaceholderText(self.tr("Yuan"))
        a.setMaximumWidth(110)
        h.addWidget(r, 1)
        h.addWidget(a)
        self.rows_layout.addWidget(row)
        self.rows.append((r, a))
        a.textChanged.connect(self._update_net)
        r.setFocus()
        return r, a

    def deductions(self) -> list[Deduction]:
        out: list[Deduction] = []
        for reason, amount in self.rows:
            if not reason.text().strip() and not amount.text().strip():
                continue
            out.append(Deduction(reason.text(), parse_yuan(amount.text(), "deductions")))
        return out

    def _update_net(self) -> None:
        try:
            total = sum(d.amount_fen for d in self.deductions())
        except ValidationError:
            self.net.setText(self.tr("check the amounts"))
            return
        self.net.setText(yuan(self.permit.deposit_fen - total))

    def action(self) -> Work:
        permit_id, deductions, method = self.permit.id, self.deductions(), self.method.currentData()
        return lambda s: refund_deposit(s, permit_id, deductions=deductions, method=method)
