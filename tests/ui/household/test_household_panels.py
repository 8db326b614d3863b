"""The unit page's household panels, by keyboard: a vehicle (a wrong plate first) and an
emergency contact added from the unit page; the plate then found by the search box."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from propdesk.household import queries as hq
from propdesk.registry.search import search
from tests.ui.helpers import CLERK, SmallEstate, make_ctx, read, type_text
from ui import extensions as ext
from ui.household.dialogs import EmergencyContactDialog, VehicleDialog
from ui.household.panels import UnitContactsPanel, UnitPetsPanel, UnitVehiclesPanel
from ui.household.registration import feature
from ui.registry.unit_page import UnitPage

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def test_add_vehicle_and_contact_by_keyboard(
    qtbot: QtBot, sqlite_db: object, small_estate: SmallEstate
) -> None:
    ctx = make_ctx(sqlite_db, CLERK)  # type: ignore[arg-type]
    page = UnitPage(
        ctx=ctx, unit_id=small_estate.unit_1502, panels=ext.Features((feature(),)).unit_panels
    )
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    vehicles = page.findChild(UnitVehiclesPanel)
    contacts = page.findChild(UnitContactsPanel)
    pets = page.findChild(UnitPetsPanel)
    assert vehicles is not None
    assert contacts is not None
    assert pets is not None
    assert vehicles.empty.text() == vehicles.empty_text()
    assert vehicles.list.count() == 0

    # Insert on the (empty) vehicle list opens the form with the focus in the plate
    vehicles.list.setFocus()
    qtbot.keyClick(vehicles.list, Qt.Key.Key_Insert)
    dialog = vehicles.dialog
    assert isinstance(dialog, VehicleDialog)
    qtbot.waitUntil(lambda: dialog.plate.hasFocus())
    type_text(qtbot, _focused(), "粤b12")
    qtbot.keyClick(_focused(), Qt.Key.Key_Tab)  # type
    qtbot.keyClick(_focused(), Qt.Key.Key_Tab)  # parking space
    type_text(qtbot, _focused(), "B2-018")
    qtbot.keyClick(_focused(), Qt.Key.Key_Return)  # Enter submits: refused, input kept
    assert "格式不正确" in dialog.errors.labels["plate"].text()
    assert dialog.isVisible()
    assert read(ctx, lambda s: hq.unit_vehicles(s, small_estate.unit_1502)) == ()
    assert dialog.plate.hasFocus()
    type_text(qtbot, dialog.plate, "345")
    qtbot.keyClick(dialog.plate, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert vehicles.text() == "粤B12345  小型车  " + vehicles.tr("space %1").replace("%1", "B2-018")

    # the contact: Insert, name, relation, phone, Enter
    qtbot.keyClick(contacts.list, Qt.Key.Key_Insert)
    cdialog = contacts.dialog
    assert isinstance(cdialog, EmergencyContactDialog)
    qtbot.waitUntil(lambda: cdialog.name.hasFocus())
    type_text(qtbot, _focused(), "李芳")
    qtbot.keyClick(_focused(), Qt.Key.Key_Tab)
    type_text(qtbot, _focused(), "女儿")
    qtbot.keyClick(_focused(), Qt.Key.Key_Tab)
    type_text(qtbot, _focused(), "13900001111")
    qtbot.keyClick(_focused(), Qt.Key.Key_Return)
    assert cdialog.result() == cdialog.DialogCode.Accepted
    assert contacts.text() == "李芳  （女儿）  139****1111"  # a clerk sees it masked
    saved = read(ctx, lambda s: hq.unit_contacts(s, small_estate.unit_1502))
    assert [(c.name, c.phone) for c in saved] == [("李芳", "13900001111")]

    # the plate is found from the global search and names the unit
    hits = read(ctx, lambda s: search(s, "粤B123"))
    assert [(h.kind, h.id) for h in hits] == [("unit", small_estate.unit_1502)]

    # Enter on the vehicle line edits it: the form is filled and clean
    vehicles.list.setFocus()
    qtbot.keyClick(vehicles.list, Qt.Key.Key_Return)
    edit = vehicles.dialog
    assert isinstance(edit, VehicleDialog)
    assert edit.plate.text() == "粤B12345"
    assert edit.space.text() == "B2-018"
    edit.reject()

    # a new-energy plate picks the new-energy type as it is typed
    qtbot.keyClick(vehicles.list, Qt.Key.Key_Insert)
    nev = vehicles.dialog
    assert isinstance(nev, VehicleDialog)
    type_text(qtbot, nev.plate, "粤bd12345")
    assert nev.kind.currentData() == "nev"
    qtbot.keyClick(nev.plate, Qt.Key.Key_Return)
    assert nev.result() == nev.DialogCode.Accepted
    assert vehicles.text().splitlines()[1] == "粤BD12345  新能源"


def test_delete_removes_after_asking(
    qtbot: QtBot, sqlite_db: object, small_estate: SmallEstate, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from propdesk.auth.actor import Actor
    from propdesk.household import services as hh
    from propdesk.household.services import PetSpec

    ctx = make_ctx(sqlite_db, CLERK)  # type: ignore[arg-type]
    with ctx.db.begin(Actor.system()) as s:
        hh.add_pet(s, small_estate.unit_1502, PetSpec("dog", "旺财"))
        hh.add_pet(s, small_estate.unit_1502, PetSpec("cat", "咪咪"))
    pets = UnitPetsPanel(ctx=ctx, unit_id=small_estate.unit_1502)
    qtbot.addWidget(pets)
    pets.show()
    assert pets.list.count() == 2
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *_args: object) -> object:
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    pets.list.setFocus()
    pets.list.setCurrentRow(1)
    qtbot.keyClick(pets.list, Qt.Key.Key_Delete)  # No: kept
    assert pets.list.count() == 2
    qtbot.keyClick(pets.list, Qt.Key.Key_Delete)  # Yes: removed, the list reloads
    assert "咪咪" in asked[1]
    assert pets.list.count() == 1
    remaining = read(ctx, lambda s: hq.unit_pets(s, small_estate.unit_1502))
    assert [p.name for p in remaining] == ["旺财"]


def test_the_current_line_is_blue_only_while_the_list_has_the_keyboard(
    qtbot: QtBot, sqlite_db: object, small_estate: SmallEstate
) -> None:
    """A page of household panels does not show a row of selection-blue bars: the current
    line is grey until the clerk is in that list, then in the selection colour."""
    from PySide6.QtGui import QPalette

    from propdesk.household import services as hh

    with sqlite_db.begin(CLERK) as s:  # type: ignore[attr-defined]
        hh.add_vehicle(s, small_estate.unit_1502, hh.VehicleSpec(plate="粤B12345"))
    ctx = make_ctx(sqlite_db, CLERK)  # type: ignore[arg-type]
    page = UnitPage(
        ctx=ctx, unit_id=small_estate.unit_1502, panels=ext.Features((feature(),)).unit_panels
    )
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page, timeout=2000)
    vehicles = page.findChild(UnitVehiclesPanel)
    assert vehicles is not None
    assert vehicles.list.count() == 1
    blue = QApplication.palette().color(QPalette.ColorRole.Highlight)

    def highlight() -> object:
        return vehicles.list.palette().color(QPalette.ColorRole.Highlight)

    page.title.setFocus()
    assert highlight() != blue
    vehicles.list.setFocus()
    qtbot.waitUntil(vehicles.list.hasFocus, timeout=2000)
    assert highlight() == blue
    qtbot.keyClick(vehicles.list, Qt.Key.Key_Tab)  # leaves the list
    qtbot.waitUntil(lambda: not vehicles.list.hasFocus(), timeout=2000)
    assert highlight() != blue


def test_contacts_panel_shows_the_occupants_own_contacts_read_only(
    qtbot: QtBot, sqlite_db: object, small_estate: SmallEstate
) -> None:
    """The person page's 紧急联系人 (on 张三's record) shows in the unit's contacts panel,
    marked as his and masked for a clerk; 未登记紧急联系人 only while there is neither."""
    from propdesk.changes import Changes
    from propdesk.privacy import shown_phone
    from propdesk.registry import services as reg

    ctx = make_ctx(sqlite_db, CLERK)  # type: ignore[arg-type]
    contacts = UnitContactsPanel(ctx=ctx, unit_id=small_estate.unit_1502)
    qtbot.addWidget(contacts)
    contacts.show()
    qtbot.waitExposed(contacts)
    assert contacts.empty_text() in contacts.list.placeholder
    assert not contacts.also.isVisible()

    version = read(ctx, lambda s: reg.get_person(s, small_estate.zhang_san).person.version)
    ctx.op(
        lambda s: reg.update_person(
            s,
            small_estate.zhang_san,
            expected_version=version,
            emergency_contact="贾桂",
            emergency_phone="17312345678",
        ),
        changes=Changes(people=True),
    ).run()
    masked = shown_phone(CLERK, "17312345678")
    assert masked != "17312345678"
    mark = contacts.tr("(resident record: %1)").replace("%1", "张三")
    qtbot.waitUntil(lambda: contacts.also.isVisible())
    assert contacts.also.text() == f"贾桂  {masked}{mark}"
    assert contacts.empty_text() not in contacts.list.placeholder  # not "none recorded"
    assert contacts.list.count() == 0  # read-only: not a household record to edit or remove

    # Insert still adds the household's own contact; both show
    contacts.list.setFocus()
    qtbot.keyClick(contacts.list, Qt.Key.Key_Insert)
    cdialog = contacts.dialog
    assert isinstance(cdialog, EmergencyContactDialog)
    qtbot.waitUntil(lambda: cdialog.name.hasFocus())
    type_text(qtbot, _focused(), "李芳")
    qtbot.keyClick(_focused(), Qt.Key.Key_Tab)
    qtbot.keyClick(_focused(), Qt.Key.Key_Tab)
    type_text(qtbot, _focused(), "13900001111")
    qtbot.keyClick(_focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: contacts.list.count() == 1)
    assert contacts.text().startswith("李芳")
    assert contacts.also.text() == f"贾桂  {masked}{mark}"
