"""A unit chooser for desk forms: the desk's search box (unit code, name, phone, pinyin);
Enter picks the first hit. A person picks their current unit."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from propdesk.errors import DomainError
from propdesk.registry import services as reg
from ui.context import AppContext
from ui.search.search_box import SearchBox


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
        self.chosen = QLabel(self.tr("no unit"), objectName="picked_unit")
        self.chosen.setMinimumWidth(110)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box, 1)
        layout.addWidget(self.chosen)
        self.setFocusProxy(self.box)
        self.box.opened.connect(self._opened)

    def _opened(self, kind: str, record_id: int) -> None:
        try:
            if kind == "unit":
                dossier = self.ctx.read(lambda s: reg.get_unit_dossier(s, record_id))
                first = dossier.current[0].person_name if dossier.current else ""
                self.set_unit(record_id, dossier.unit.code, first)
            else:
                person = self.ctx.read(lambda s: reg.get_person(s, record_id))
                current = [o for o in person.occupancies if o.current]
                if not current:
                    self.chosen.setText(
                        self.tr("%1 has no current unit").replace("%1", person.person.name)
                    )
                    return
                self.set_unit(current[0].unit_id, current[0].unit_code, person.person.name)
        except DomainError as exc:
            self.chosen.setText(str(exc))
            return
        self.box.clear()
        self.picked.emit(record_id if kind == "unit" else self.unit_id or 0)

    def set_unit(self, unit_id: int | None, code: str, person_name: str = "") -> None:
        """Show ``code`` as the choice (``None`` clears it)."""
        self.unit_id = unit_id
        self.unit_code = code if unit_id is not None else ""
        self.person_name = person_name
        self.chosen.setText(code if unit_id is not None else self.tr("no unit"))

    def clear_choice(self) -> None:
        self.box.clear()
        self.set_unit(None, "")
