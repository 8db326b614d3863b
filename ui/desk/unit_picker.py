"""A unit chooser for desk forms: the desk's search box (unit code, name, phone, pinyin);
Enter picks the first hit. A person picks their current unit."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from propdesk.registry import services as reg
from ui.care.banner import CareBanner
from ui.common.naming import named
from ui.context import AppContext
from ui.desk.feedback import in_label
from ui.search.search_box import SearchBox


@dataclass(frozen=True)
class UnitChoice:
    """What a search hit picks: the unit (``None`` if the person has no current unit), its
    code and the person's name."""

    unit_id: int | None
    code: str
    person_name: str


def unit_choice(session: Session, kind: str, record_id: int) -> UnitChoice:
    """The unit a hit of ``kind`` ("unit" or "person") stands for."""
    if kind == "unit":
        dossier = reg.get_unit_dossier(session, record_id)
        first = dossier.current[0].person_name if dossier.current else ""
        return UnitChoice(record_id, dossier.unit.code, first)
    person = reg.get_person(session, record_id)
    current = [o for o in person.occupancies if o.current]
    if not current:
        return UnitChoice(None, "", person.person.name)
    return UnitChoice(current[0].unit_id, current[0].unit_code, person.person.name)


class UnitPicker(QWidget):
    """Search box plus the chosen unit's code.

    Signals:
        picked(int): a unit was chosen.

    Attributes:
        unit_id: the chosen unit, or None.
        unit_code: its code ("" when none).
        person_name: the person picked (or the unit's first current resident).
        box: the search box; chosen: the label showing the choice.
    """

    picked = Signal(int)

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.unit_id: int | None = None
        self.unit_code = ""
        self.person_name = ""
        self.box = SearchBox(ctx=ctx, parent=self)
        self.box.setPlaceholderText(self.tr("Unit 3-2-1502, name, phone or pinyin; Enter picks"))
        self.chosen = named(QLabel(self.tr("no unit")), "picked_unit")
        self.chosen.setMinimumWidth(110)
        self.care = CareBanner(ctx=ctx)  # the chosen household's attention flags (ui/care)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        layout = QHBoxLayout()
        outer.addLayout(layout)
        outer.addWidget(self.care)
        layout.addWidget(self.box, 1)
        layout.addWidget(self.chosen)
        self.setFocusProxy(self.box)
        self.box.opened.connect(self._opened)

    def _opened(self, kind: str, record_id: int) -> None:
        self.ctx.query(
            lambda s: unit_choice(s, kind, record_id), parent=self, action="pick a unit"
        ).failure(in_label(self.chosen)).success(self._chosen).run()

    def _chosen(self, choice: UnitChoice) -> None:
        if choice.unit_id is None:
            self.chosen.setText(self.tr("%1 has no current unit").replace("%1", choice.person_name))
            return
        self.set_unit(choice.unit_id, choice.code, choice.person_name)
        self.box.clear()
        self.picked.emit(choice.unit_id)

    def set_unit(self, unit_id: int | None, code: str, person_name: str = "") -> None:
        """Show ``code`` as the choice (``None`` clears it)."""
        self.unit_id = unit_id
        self.unit_code = code if unit_id is not None else ""
        self.person_name = person_name
        self.chosen.setText(code if unit_id is not None else self.tr("no unit"))
        self.care.show_unit(unit_id)

    def clear_choice(self) -> None:
        self.box.clear()
        self.set_unit(None, "")
