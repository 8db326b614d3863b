"""The unit page: the desk's one-screen dossier of a unit, keyed by its code.

Area, type and status; current occupants (owners first) and the closed ones (history);
parking; then every panel registered in the unit panels of the app's features (tickets, arrears…).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.auth.permissions import Permission
from propdesk.changes import Changes
from propdesk.errors import NotFound
from propdesk.registry import services as reg
from propdesk.registry.rules import split_occupancies
from propdesk.registry.values import OccupancyInfo, UnitDossier
from ui.context import AppContext
from ui.extensions import RecordPanel
from ui.registry import labels
from ui.registry.dialogs import AddOccupantDialog, EndOccupancyDialog, UnitDialog
from ui.registry.occupancy_model import OccupancyModel
from ui.registry.record_page import FactsGrid, RecordPage, SmallTable


class UnitPage(RecordPage):
    """One unit's dossier.

    Attributes:
        unit_id: the unit shown.
        dossier: the last loaded :class:`UnitDossier`.
        current, history: the occupancy tables (and their ``current_model``/``history_model``).
    """

    def wants(self, changes: Changes) -> bool:
        return changes.units or changes.occupancy or changes.people or changes.buildings

    def __init__(
        self,
        *,
        ctx: AppContext,
        unit_id: int,
        panels: Sequence[RecordPanel] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx=ctx, parent=parent)
        self.unit_id = unit_id
        self.editable = ctx.can(Permission.EDIT_REGISTRY)
        self.dossier: UnitDossier | None = None
        self.facts = FactsGrid()
        self.facts.add("area", self.tr("Area"))
        self.facts.add("unit_type", self.tr("Type"))
        self.facts.add("status", self.tr("Status"))
        self.facts.add("floor", self.tr("Floor"))
        self.facts.add("parking", self.tr("Parking"))
        self.facts.add("notes", self.tr("Notes"))
        self.section(self.tr("Unit"), self.facts)
        self.current_model = OccupancyModel(show_unit=False, parent=self)
        self.current = SmallTable()
        self.current.setObjectName("current_occupants")
        self.current.setModel(self.current_model)
        self.current.row_opened.connect(self._open_person_current)
        self.empty_note = QLabel(self.tr("Nobody is registered at this unit."))
        self.empty_note.setStyleSheet("color: #777;")
        holder = QWidget()
        holder_layout = QVBoxLayout(holder)
        holder_layout.setContentsMargins(0, 0, 0, 0)
        holder_layout.addWidget(self.current)
        holder_layout.addWidget(self.empty_note)
        self.current_box = self.section(self.tr("Current occupants"), holder)
        self.history_model = OccupancyModel(show_unit=False, parent=self)
        self.history = SmallTable()
        self.history.setObjectName("history")
        self.history.setModel(self.history_model)
        self.history.row_opened.connect(
            lambda r: self.open_record.emit("person", self.history_model.item(r).person_id)
        )
        self.history_box = self.section(self.tr("History"), self.history)

        self.edit_button = QPushButton(self.tr("&Edit unit"))
        self.add_button = QPushButton(self.tr("&Add occupant"))
        self.move_out_button = QPushButton(self.tr("&Move out…"))
        for button in (self.edit_button, self.add_button, self.move_out_button):
            self.actions_bar.addWidget(button)
        self.edit_button.setEnabled(self.editable)
        self.add_button.setEnabled(self.editable)
        self.edit_button.clicked.connect(self.edit_unit)
        self.add_button.clicked.connect(self.add_occupant)
        self.move_out_button.clicked.connect(self.move_out)
        QShortcut(QKeySequence("Ctrl+E"), self, self.edit_unit)
        QShortcut(QKeySequence("Ctrl+Shift+A"), self, self.add_occupant)
        if panels is None:  # a page built outside the main window: the app's own panels
            from ui.registrations import default_features

            panels = default_features().unit_panels
        with ctx.reads_together():  # the dossier and every panel: one read transaction
            self.add_panels(panels, unit_id)
            self.refresh()

    def refresh(self) -> None:
        """Reload the dossier on the worker; a unit deleted meanwhile shows the message."""
        unit_id = self.unit_id

        def read(s: Session) -> tuple[UnitDossier, list[OccupancyInfo], list[OccupancyInfo]]:
            dossier = reg.get_unit_dossier(s, unit_id)
            current, history = split_occupancies(dossier, clock.today(s))
            return dossier, current, history

        self.ctx.query(read, parent=self, action="open unit").success(self._show).failure(
            self._not_found
        ).run()

    def _not_found(self, exc: BaseException) -> bool:
        if isinstance(exc, NotFound):
            self.title.setText(str(exc))
            return True
        return False

    def _show(self, loaded: tuple[UnitDossier, list[OccupancyInfo], list[OccupancyInfo]]) -> None:
        self.dossier, current, history = loaded
        d = self.dossier
        u = d.unit
        self.title.setText(u.code)
        self.subtitle.setText(
            self.tr("%1, entrance %2, floor %3")
            .replace("%1", u.building_name)
            .replace("%2", str(u.entrance))
            .replace("%3", str(u.floor))
        )
        self.setWindowTitle(u.code)
        self.facts.set("area", labels.area(u.area_centi))
        self.facts.set("unit_type", labels.unit_type(u.unit_type))
        self.facts.set("status", labels.unit_status(u.status))
        self.facts.set("floor", str(u.floor))
        self.facts.set("parking", "、".join(d.parking) or self.tr("none"))
        self.facts.set("notes", u.notes or "—")
        self.current_model.set_items(current)
        self.history_model.set_items(history)
        self.current.setColumnHidden(4, True)  # "To" and "Reason" are empty for current occupants
        self.current.setColumnHidden(5, True)
        self.current.setVisible(bool(current))
        self.empty_note.setVisible(not current)
        self.history_box.setVisible(bool(history))
        self.current.fit_rows()
        self.history.fit_rows()
        self.move_out_button.setEnabled(bool(current) and self.editable)

    def _open_person_current(self, row: int) -> None:
        self.open_record.emit("person", self.current_model.item(row).person_id)

    def edit_unit(self) -> None:
        if not self.editable:
            return
        UnitDialog(ctx=self.ctx, unit_id=self.unit_id, parent=self).exec()

    def add_occupant(self) -> None:
        if not self.editable:
            return
        AddOccupantDialog(ctx=self.ctx, unit_id=self.unit_id, parent=self).exec()

    def move_out(self) -> None:
        """Close the selected current occupancy (the first one if none is selected)."""
        if self.current_model.rowCount() == 0 or not self.editable:
            return
        row = self.current.selected_row()
        if row < 0:
            if self.current_model.rowCount() > 1:
                QMessageBox.information(
                    self, self.tr("Move out"), self.tr("Select the occupant who moves out first.")
                )
                self.current.setFocus()
                return
            row = 0
        occupancy = self.current_model.item(row)
        EndOccupancyDialog(ctx=self.ctx, occupancy=occupancy, parent=self).exec()
