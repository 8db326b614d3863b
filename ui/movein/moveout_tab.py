"""Move-out: pick the unit and the leaving occupant, take final readings and returns; open
arrears need a manager's waiver; then print the slip for the guards."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select
from sqlalchemy.orm import Session

from propdesk.auth.approvals import ApprovalAction, ApprovalOutcome
from propdesk.auth.permissions import Permission
from propdesk.changes import Changes
from propdesk.errors import ValidationError
from propdesk.fees.money import yuan
from propdesk.movein import moveout
from propdesk.movein.models import MoveOut
from propdesk.movein.values import MoveOutForm, MoveOutInfo
from propdesk.registry import services as reg
from propdesk.registry.models import OCCUPANCY_ROLE_ZH, OccupancyRole, Unit
from propdesk.registry.values import UnitDossier
from ui.auth.approval import ApprovalFields
from ui.common.dates import to_qdate
from ui.common.forms import FormErrors
from ui.common.sql_table_model import RIGHT, SqlColumn, SqlTableModel
from ui.common.table_view import RecordTableView
from ui.context import AppContext
from ui.desk.unit_picker import UnitPicker
from ui.movein.printing import print_slip
from ui.movein.readings import parse_reading
from ui.renovation.widgets import (
    StaleGuard,
    date_edit,
    desk_today,
    from_qdate,
    named,
    show_in_form,
)

CHANGES = Changes(movein=True, occupancy=True, units=True, fees=True)


class MoveOutListModel(SqlTableModel):
    """Move-outs, newest first (slip, unit, who, date, arrears released by whom)."""

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            db=ctx.db,
            base=select(MoveOut).join(Unit, Unit.id == MoveOut.unit_id),
            id_column=MoveOut.id,
            columns=[
                SqlColumn(self.tr("Slip no."), MoveOut.slip_no),
                SqlColumn(self.tr("Unit"), Unit.code),
                SqlColumn(self.tr("Moved out"), MoveOut.person_name),
                SqlColumn(self.tr("Date"), MoveOut.moved_out_on, fmt=lambda d: f"{d:%Y-%m-%d}"),
                SqlColumn(self.tr("Arrears"), MoveOut.open_arrears_fen, align=RIGHT, fmt=yuan),
                SqlColumn(self.tr("Released by"), MoveOut.waiver_by),
            ],
            default_order=[MoveOut.moved_out_on.desc(), MoveOut.id.desc()],
            parent=parent,
        )


class MoveOutTab(QWidget):
    """The move-out form.

    Attributes:
        unit, occupant, arrears_label, moved_out_on, water, electricity, keys_returned,
        cards_returned, waiver, items_note, record_button, print_button, message, errors,
        last_moveout_id; history / history_table: recent move-outs (Enter reprints a slip).
    """

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.last_moveout_id: int | None = None
        form = QFormLayout()
        self.errors = FormErrors(form)
        self.unit = UnitPicker(ctx=ctx)
        self.occupant = named(QComboBox(), "occupancy")
        self.arrears_label = named(QLabel(), "arrears")
        self.moved_out_on = date_edit(desk_today(), object_name="moved_out_on")
        self.water = named(QLineEdit(), "water_reading")
        self.electricity = named(QLineEdit(), "electricity_reading")
        self.keys_returned = named(QSpinBox(), "keys_returned")
        self.keys_returned.setRange(0, 50)
        self.cards_returned = named(QLineEdit(), "cards_returned")
        self.waiver = named(QLineEdit(), "waiver_reason")
        self.waiver.setPlaceholderText(
            self.tr("Why the occupant may leave with arrears (a manager approves)")
        )
        # a clerk's release with arrears needs a manager's password on this desk
        self.approval: ApprovalFields | None = None
        if not ctx.can(Permission.WAIVE):
            self.approval = ApprovalFields(
                note=self.tr("Release with arrears: a manager enters their username and password.")
            )
        self.items_note = named(QLineEdit(), "items_note")
        e = self.errors
        e.add_row(self.tr("Unit"), "unit_id", self.unit)
        e.add_row(self.tr("Occupant leaving"), "occupancy_id", self.occupant)
        e.add_row(self.tr("Unit account"), "arrears", self.arrears_label)
        e.add_row(self.tr("Move-out date"), "moved_out_on", self.moved_out_on)
        e.add_row(self.tr("Water meter (m³)"), "water_reading", self.water)
        e.add_row(self.tr("Electricity meter (kWh)"), "electricity_reading", self.electricity)
        e.add_row(self.tr("Keys returned"), "keys_returned", self.keys_returned)
        e.add_row(self.tr("Cards returned"), "cards_returned", self.cards_returned)
        e.add_row(self.tr("Arrears waiver"), "waiver_reason", self.waiver)
        if self.approval is not None:
            form.addRow(self.approval)
        e.add_row(self.tr("Items taken out"), "items_note", self.items_note)
        self.record_button = named(QPushButton(self.tr("Record move-out")), "record_moveout")
        self.print_button = named(QPushButton(self.tr("Print move-out slip")), "print_slip")
        self.print_button.setEnabled(False)
        self.message = named(QLabel(), "message")
        buttons = QHBoxLayout()
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        self.history = MoveOutListModel(ctx=ctx, parent=self)
        self.history_table = RecordTableView()
        self.history_table.setObjectName("moveout_history")
        self.history_table.setModel(self.history)
        self.history_table.resizeColumnsToContents()
        self.history_table.opened.connect(lambda mid: print_slip(ctx, mid, self))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        layout.addWidget(QLabel(self.tr("Recent move-outs (Enter reprints the slip)")))
        layout.addWidget(self.history_table, 1)
        self._stale = StaleGuard(self, self.history.refresh)
        ctx.hub.changed.connect(self._hub_changed)  # a bound slot: dropped with the widget
        self.unit.picked.connect(self.load_unit)
        self.record_button.clicked.connect(self.record)
        self.print_button.clicked.connect(
            lambda: print_slip(ctx, self.last_moveout_id, self) if self.last_moveout_id else None
        )

    def _hub_changed(self, changes: Changes) -> None:
        if changes.movein:
            self._stale.changed()

    def load_unit(self, unit_id: int) -> None:
        """Fill the occupant list and show what the unit owes (read on the database worker)."""

        def read(s: Session) -> tuple[UnitDossier, int]:
            return reg.get_unit_dossier(s, unit_id), moveout.open_arrears_fen(s, unit_id)

        self.ctx.query(read, parent=self, action="move-out unit").success(self._show_unit).run()

    def _show_unit(self, data: tuple[UnitDossier, int]) -> None:
        dossier, owed = data
        self.occupant.clear()
        for o in dossier.current:
            if o.end_date is None:
                role = OCCUPANCY_ROLE_ZH.get(OccupancyRole(o.role), o.role)
                self.occupant.addItem(f"{o.person_name}（{role}）", o.id)
        if owed:
            self.arrears_label.setText(
                self.tr("Open arrears %1 yuan: settle first or a manager waives").replace(
                    "%1", yuan(owed)
                )
            )
            self.arrears_label.setStyleSheet("color: #b00020;")
        else:
            self.arrears_label.setText(self.tr("Nothing owed"))
            self.arrears_label.setStyleSheet("")
        self.record_button.setEnabled(self.occupant.count() > 0)
        self.occupant.setFocus()

    def record(self) -> None:
        """Record the move-out (on the database worker); an error shows by its field."""
        try:
            form = self.form_value()
        except ValidationError as exc:  # the form's own input, before any database work
            self.errors.show(exc)
            return
        self.errors.clear()

        grant = (
            self.approval.grant(
                ApprovalAction.MOVE_OUT_RELEASE, moveout.move_out_record(form.occupancy_id)
            )
            if self.approval is not None
            and form.waiver_reason.strip()
            and self.approval.username.text().strip()
            else None
        )

        def record(s: Session) -> MoveOutInfo | ApprovalOutcome:
            token = None
            if grant is not None:
                outcome = grant(s)
                if not outcome.ok:
                    return outcome  # committed: counts towards this desk's limit
                token = outcome.token
            return moveout.get_move_out(s, moveout.record_move_out(s, form, approval=token))

        self.ctx.op(record, changes=CHANGES, parent=self, action="record move-out").busy(
            self.record_button
        ).failure(show_in_form(self.errors)).success(self._recorded).run()

    def form_value(self) -> MoveOutForm:
        """The form as the service's value (raises ValidationError for missing input)."""
        occ = self.occupant.currentData()
        if occ is None:
            raise ValidationError("occupancy_id", self.tr("Choose who moves out."))
        water = parse_reading(self.water.text(), "water_reading")
        if water is None:
            raise ValidationError("water_reading", self.tr("Take the final meter readings."))
        elec = parse_reading(self.electricity.text(), "electricity_reading")
        if elec is None:
            raise ValidationError("electricity_reading", self.tr("Take the final meter readings."))
        return MoveOutForm(
            occupancy_id=int(occ),
            moved_out_on=from_qdate(self.moved_out_on.date()),
            water_reading_centi=water,
            electricity_reading_centi=elec,
            keys_returned=self.keys_returned.value(),
            cards_returned=self.cards_returned.text(),
            waiver_reason=self.waiver.text(),
            items_note=self.items_note.text(),
        )

    def _recorded(self, info: MoveOutInfo | ApprovalOutcome) -> None:
        if isinstance(info, ApprovalOutcome):
            self.errors.general.setText(info.message)
            self.errors.general.setVisible(True)
            if self.approval is not None:
                field = self.approval.refused(info)
                if field is not None:
                    field.setFocus()
            return
        self.last_moveout_id = info.id
        self.message.setText(
            self.tr("Moved out: slip %1 for %2")
            .replace("%1", info.slip_no)
            .replace("%2", info.unit_code)
        )
        self.print_button.setEnabled(True)
        self.reset_form()
        self.print_button.setFocus()  # Enter prints the slip just recorded

    def reset_form(self) -> None:
        """Empty the form after a move-out, so it cannot be recorded twice by accident: the
        next move-out starts by choosing a unit again (Record stays off until then)."""
        self.unit.clear_choice()
        self.occupant.clear()
        self.arrears_label.clear()
        self.arrears_label.setStyleSheet("")
        self.moved_out_on.setDate(to_qdate(desk_today()))
        for field in (self.water, self.electricity, self.cards_returned, self.waiver):
            field.clear()
        self.items_note.clear()
        self.keys_returned.setValue(0)
        if self.approval is not None:
            self.approval.username.clear()
            self.approval.password.clear()
        self.errors.clear()
        self.record_button.setEnabled(False)
