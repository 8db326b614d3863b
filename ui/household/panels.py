"""The unit page's panels: the household's vehicles, pets and emergency contacts.

Each lists the current household's records, one line each; by keyboard, Insert adds,
Enter edits the selected line and Delete removes it (after asking); the buttons do the
same. A panel reloads on the database worker after a household change, or when next shown
if it was hidden then.

The contacts panel also shows, read-only under its list, the emergency contacts kept on
the current occupants' own records (the person page's 紧急联系人), each marked with whose
record it is, so the desk sees every contact of the unit in one place.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QFocusEvent, QKeyEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from propdesk.changes import Changes
from propdesk.household import queries as hq
from propdesk.household import services as hh
from propdesk.household.values import ContactRow, OccupantContact, PetRow, VehicleRow
from propdesk.privacy import shown_phone
from ui.common.naming import named
from ui.context import AppContext
from ui.household.dialogs import CHANGES, EmergencyContactDialog, PetDialog, VehicleDialog
from ui.renovation.widgets import StaleGuard

R = TypeVar("R", VehicleRow, PetRow, ContactRow)


class RecordList(QListWidget):
    """The panel's lines: Insert adds, Enter edits, Delete removes."""

    def __init__(
        self,
        *,
        add: Callable[[], None],
        edit: Callable[[], None],
        remove: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._keys = {
            Qt.Key.Key_Insert: add,
            Qt.Key.Key_Return: edit,
            Qt.Key.Key_Enter: edit,
            Qt.Key.Key_Delete: remove,
        }
        self.itemActivated.connect(lambda _item: edit())
        self.placeholder = ""  # said inside the empty list, as a line edit's placeholder
        # The current line is marked in the selection colour only while the list has the
        # keyboard; otherwise in a quiet grey, so a page of panels does not show a row of
        # blue bars the clerk did not select.
        self._focused_palette = QPalette(self.palette())
        self.quiet_palette = QPalette(self.palette())
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            self.quiet_palette.setColor(group, QPalette.ColorRole.Highlight, QColor("#e3e8ef"))
            self.quiet_palette.setColor(
                group,
                QPalette.ColorRole.HighlightedText,
                self.palette().color(group, QPalette.ColorRole.Text),
            )
        self.setPalette(self.quiet_palette)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.setPalette(self._focused_palette)
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.setPalette(self.quiet_palette)
        super().focusOutEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.count() == 0 and self.placeholder:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(
                self.viewport().rect().adjusted(6, 0, -6, 0),
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                self.placeholder,
            )
            painter.end()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        action = self._keys.get(Qt.Key(event.key()))
        if action is not None and event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            action()
            event.accept()
            return
        super().keyPressEvent(event)


class _HouseholdPanel(QGroupBox, Generic[R]):
    """One kind of household record: a list, Add/Edit/Remove, a note when empty.

    Attributes: rows (last loaded), list (the lines shown), dialog (the form last opened),
    also (read-only lines under the list, kept elsewhere; hidden when none).
    """

    name = ""

    def __init__(self, *, ctx: AppContext, unit_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.title_text())
        self.ctx = ctx
        self.unit_id = unit_id
        self.rows: tuple[R, ...] = ()
        self.dialog: QDialog | None = None
        self.list = named(
            RecordList(add=self.add, edit=self.edit, remove=self.remove), f"{self.name}_list"
        )
        self.empty = QLabel()
        self.empty.setStyleSheet("color: #777;")
        self.also = named(QLabel(), f"{self.name}_also")
        self.also.setStyleSheet("color: #555;")
        self.also.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.also.setVisible(False)
        self.add_button = named(
            QPushButton(QCoreApplication.translate("HouseholdPanel", "Add… (Ins)")),
            f"{self.name}_add",
        )
        self.edit_button = named(
            QPushButton(QCoreApplication.translate("HouseholdPanel", "Edit… (Enter)")),
            f"{self.name}_edit",
        )
        self.remove_button = named(
            QPushButton(QCoreApplication.translate("HouseholdPanel", "Remove (Del)")),
            f"{self.name}_remove",
        )
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.remove_button.clicked.connect(self.remove)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(self.also)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        self._stale = StaleGuard(self, self.refresh)
        ctx.hub.changed.connect(self._changed)  # a bound slot: dropped with the widget
        self.refresh()

    # --- what each kind gives ----------------------------------------------------------

    def title_text(self) -> str:
        raise NotImplementedError

    def empty_text(self) -> str:
        raise NotImplementedError

    def read(self, session: Session, unit_id: int) -> tuple[R, ...]:
        raise NotImplementedError

    def line(self, row: R) -> str:
        raise NotImplementedError

    def form(self, row: R | None) -> QDialog:
        raise NotImplementedError

    def delete(self, session: Session, record_id: int) -> None:
        raise NotImplementedError

    def read_also(self, session: Session, unit_id: int) -> tuple[OccupantContact, ...]:
        """Records kept elsewhere, shown read-only under the list (none by default)."""
        return ()

    def also_line(self, item: OccupantContact) -> str:
        raise NotImplementedError

    def describe(self, row: R) -> str:
        return self.line(row)

    def add_hint(self) -> str:
        return QCoreApplication.translate("HouseholdPanel", "(Ins adds one)")

    # --- shared ------------------------------------------------------------------------

    def _changed(self, changes: Changes) -> None:
        if changes.household:
            self._stale.changed()

    def refresh(self) -> None:
        unit_id = self.unit_id

        def read(s: Session) -> tuple[tuple[R, ...], tuple[OccupantContact, ...]]:
            return self.read(s, unit_id), self.read_also(s, unit_id)

        self.ctx.query(read, parent=self, action=f"unit {self.name}").success(self._show).run()

    def _show(self, loaded: tuple[tuple[R, ...], tuple[OccupantContact, ...]]) -> None:
        rows, also = loaded
        self.also.setText("\n".join(self.also_line(a) for a in also))
        self.also.setVisible(bool(also))
        keep = self.list.currentRow()
        self.rows = rows
        self.list.clear()
        for row in rows:
            item = QListWidgetItem(self.line(row))
            self.list.addItem(item)
        if rows:
            self.list.setCurrentRow(min(max(keep, 0), len(rows) - 1))
        # the list stays (Tab reaches it, Ins adds); it is as tall as its lines, up to five
        line = max(self.list.sizeHintForRow(0), self.list.fontMetrics().height() + 4)
        self.list.setFixedHeight(line * min(max(len(rows), 1), 5) + 2 * self.list.frameWidth())
        # an empty list says so inside itself (it stays: Tab reaches it and Ins adds), so it
        # is not taken for an empty text field with a note under it
        self.empty.setText(self.empty_text())
        self.empty.setVisible(False)
        # "none recorded" only when there is nothing at all: with lines kept elsewhere
        # the list only says how to add one
        if rows:
            self.list.placeholder = ""
        elif also:
            self.list.placeholder = self.add_hint()
        else:
            self.list.placeholder = self.empty_text() + "  " + self.add_hint()
        self.list.viewport().update()
        self.edit_button.setEnabled(bool(rows))
        self.remove_button.setEnabled(bool(rows))

    def text(self) -> str:
        """The lines shown (tests and the benchmark read them)."""
        return "\n".join(self.list.item(i).text() for i in range(self.list.count()))

    def selected(self) -> R | None:
        row = self.list.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: self.list.setFocus())
        dialog.open()

    def add(self) -> None:
        self._open(self.form(None))

    def edit(self) -> None:
        row = self.selected()
        if row is not None:
            self._open(self.form(row))

    def remove(self) -> None:
        row = self.selected()
        if row is None:
            return
        answer = QMessageBox.question(
            self,
            QCoreApplication.translate("HouseholdPanel", "Remove"),
            QCoreApplication.translate("HouseholdPanel", "Remove %1?").replace(
                "%1", self.describe(row)
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        record_id = row.id
        self.ctx.op(
            lambda s: self.delete(s, record_id),
            changes=CHANGES,
            parent=self,
            action=f"remove {self.name}",
        ).run()


class UnitVehiclesPanel(_HouseholdPanel[VehicleRow]):
    name = "vehicles"

    def title_text(self) -> str:
        return self.tr("Vehicles")

    def empty_text(self) -> str:
        return self.tr("No vehicle registered.")

    def read(self, session: Session, unit_id: int) -> tuple[VehicleRow, ...]:
        return hq.unit_vehicles(session, unit_id)

    def line(self, row: VehicleRow) -> str:
        parts = [row.plate, row.kind_zh]
        if row.parking_space:
            parts.append(self.tr("space %1").replace("%1", row.parking_space))
        if row.pass_from is not None:
            until = f"{row.pass_to:%Y-%m-%d}" if row.pass_to else "…"
            parts.append(
                self.tr("monthly pass %1 to %2")
                .replace("%1", f"{row.pass_from:%Y-%m-%d}")
                .replace("%2", until)
            )
            if row.pass_lapsed:
                parts.append(self.tr("(pass lapsed)"))
        if row.notes:
            parts.append(row.notes)
        return "  ".join(parts)

    def describe(self, row: VehicleRow) -> str:
        return row.plate

    def form(self, row: VehicleRow | None) -> QDialog:
        return VehicleDialog(ctx=self.ctx, unit_id=self.unit_id, vehicle=row, parent=self)

    def delete(self, session: Session, record_id: int) -> None:
        hh.remove_vehicle(session, record_id)


class UnitPetsPanel(_HouseholdPanel[PetRow]):
    name = "pets"

    def title_text(self) -> str:
        return self.tr("Pets")

    def empty_text(self) -> str:
        return self.tr("No pet registered.")

    def read(self, session: Session, unit_id: int) -> tuple[PetRow, ...]:
        return hq.unit_pets(session, unit_id)

    def line(self, row: PetRow) -> str:
        parts = [row.kind_zh]
        if row.name:
            parts.append(f"“{row.name}”")
        if row.vaccinated_on is not None:
            parts.append(self.tr("vaccinated %1").replace("%1", f"{row.vaccinated_on:%Y-%m-%d}"))
            if row.vaccination_overdue:
                parts.append(self.tr("(over a year ago)"))
        else:
            parts.append(self.tr("no vaccination recorded"))
        if row.registration_no:
            parts.append(self.tr("registration %1").replace("%1", row.registration_no))
        return "  ".join(parts)

    def describe(self, row: PetRow) -> str:
        return f"{row.kind_zh}{row.name}"

    def form(self, row: PetRow | None) -> QDialog:
        return PetDialog(ctx=self.ctx, unit_id=self.unit_id, pet=row, parent=self)

    def delete(self, session: Session, record_id: int) -> None:
        hh.remove_pet(session, record_id)


class UnitContactsPanel(_HouseholdPanel[ContactRow]):
    name = "contacts"

    def title_text(self) -> str:
        return self.tr("Emergency contacts")

    def empty_text(self) -> str:
        return self.tr("No emergency contact recorded.")

    def read(self, session: Session, unit_id: int) -> tuple[ContactRow, ...]:
        return hq.unit_contacts(session, unit_id)

    def read_also(self, session: Session, unit_id: int) -> tuple[OccupantContact, ...]:
        return hq.occupant_contacts(session, unit_id)

    def also_line(self, item: OccupantContact) -> str:
        parts = [p for p in (item.name, shown_phone(self.ctx.actor, item.phone)) if p]
        return "  ".join(parts) + self.tr("(resident record: %1)").replace("%1", item.person_name)

    def _changed(self, changes: Changes) -> None:
        # an occupant's own contact is edited on the person page; who lives here can change
        if changes.household or changes.people or changes.occupancy:
            self._stale.changed()

    def line(self, row: ContactRow) -> str:
        parts = [row.name]
        if row.relation:
            parts.append(f"（{row.relation}）")
        parts.append(shown_phone(self.ctx.actor, row.phone))
        return "  ".join(parts)

    def describe(self, row: ContactRow) -> str:
        return row.name

    def form(self, row: ContactRow | None) -> QDialog:
        return EmergencyContactDialog(ctx=self.ctx, unit_id=self.unit_id, contact=row, parent=self)

    def delete(self, session: Session, record_id: int) -> None:
        hh.remove_contact(session, record_id)
