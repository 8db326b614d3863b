"""The person page: contact details (phones masked for roles that may not see them; the ID
number in the Personal data panel) and all their units."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QPushButton, QWidget

from propdesk.auth.permissions import Permission
from propdesk.changes import Changes
from propdesk.errors import NotFound
from propdesk.registry import services as reg
from propdesk.registry.values import PersonDossier
from ui.context import AppContext
from ui.extensions import RecordPanel
from ui.registry.dialogs import PersonDialog
from ui.registry.occupancy_model import OccupancyModel
from ui.registry.record_page import FactsGrid, RecordPage, SmallTable


class PersonPage(RecordPage):
    """One person with every unit they are or were registered at.

    Attributes:
        person_id: the person shown.
        units: the occupancy table (``units_model``), current first.
    """

    def wants(self, changes: Changes) -> bool:
        return changes.people or changes.occupancy or changes.units

    def __init__(
        self,
        *,
        ctx: AppContext,
        person_id: int,
        panels: Sequence[RecordPanel] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx=ctx, parent=parent)
        self.person_id = person_id
        self.dossier: PersonDossier | None = None
        self.facts = FactsGrid()
        self.facts.add("phone", self.tr("Phone"))
        self.facts.add("phone2", self.tr("Phone 2"))
        # the ID number is in the Personal data panel (masked; shown in full only through
        # its audited reveal), not repeated here
        self.facts.add("emergency", self.tr("Emergency contact"))
        self.facts.add("notes", self.tr("Notes"))
        self.section(self.tr("Contact"), self.facts)
        self.units_model = OccupancyModel(show_unit=True, parent=self)
        self.units = SmallTable()
        self.units.setObjectName("units")
        self.units.setModel(self.units_model)
        self.units.row_opened.connect(
            lambda r: self.open_record.emit("unit", self.units_model.item(r).unit_id)
        )
        self.section(self.tr("Units"), self.units)
        self.edit_button = QPushButton(self.tr("&Edit person"))
        self.edit_button.setEnabled(ctx.can(Permission.EDIT_REGISTRY))
        self.edit_button.clicked.connect(self.edit_person)
        self.actions_bar.addWidget(self.edit_button)
        QShortcut(QKeySequence("Ctrl+E"), self, self.edit_person)
        if panels is None:  # a page built outside the main window: the app's own panels
            from ui.registrations import default_features

            panels = default_features().person_panels
        self.add_panels(panels, person_id)
        self.refresh()

    def refresh(self) -> None:
        """Reload the person on the worker; a person deleted meanwhile shows the message."""
        person_id = self.person_id
        self.ctx.query(
            lambda s: reg.get_person(s, person_id), parent=self, action="open person"
        ).success(self._show).failure(self._not_found).run()

    def _not_found(self, exc: BaseException) -> bool:
        if isinstance(exc, NotFound):
            self.title.setText(str(exc))
            return True
        return False

    def _show(self, dossier: PersonDossier) -> None:
        self.dossier = dossier
        p = dossier.person
        self.title.setText(p.name)
        self.setWindowTitle(p.name)
        current = [o.unit_code for o in self.dossier.occupancies if o.current]
        self.subtitle.setText(" ".join(current) or self.tr("no current unit"))
        self.facts.set("phone", p.phone or "—")
        self.facts.set("phone2", p.phone2 or "—")
        emergency = " ".join(x for x in (p.emergency_contact, p.emergency_phone) if x)
        self.facts.set("emergency", emergency or "—")
        self.facts.set("notes", p.notes or "—")
        self.units_model.set_items(self.dossier.occupancies)
        self.units.fit_rows()

    def edit_person(self) -> None:
        if not self.edit_button.isEnabled():
            return
        PersonDialog(ctx=self.ctx, person_id=self.person_id, parent=self).exec()
