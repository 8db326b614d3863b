"""The main window: navigation from the registered modules, lists, status bar, refresh on change."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QShortcut
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from propdesk.auth.actor import Actor, Role
from propdesk.db.engine import Database
from propdesk.registry import services as reg
from tests.ui.helpers import CLERK, SUPERVISOR, SmallEstate, make_ctx, type_text
from ui.auth.lock import LOCK_SHORTCUT
from ui.events import Changes
from ui.main_window import MainWindow, describe_database
from ui.registrations import default_features
from ui.registry.lists import PeoplePage, RegistryPage
from ui.registry.person_page import PersonPage
from ui.registry.unit_page import UnitPage

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def window(qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate) -> MainWindow:
    win = MainWindow(ctx=make_ctx(sqlite_db, actor=CLERK))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_navigation_lists_exactly_the_registered_modules(window: MainWindow) -> None:
    keys = [window.nav.item(i).data(Qt.ItemDataRole.UserRole) for i in range(window.nav.count())]
    assert keys == [m.key for m in sorted(default_features().nav_modules, key=lambda m: m.order)]
    assert {"registry", "people"} <= set(keys)
    # a clerk lands on the desk overview, not on the first (management) module
    assert window.stack.currentWidget() is window._pages["overview"]
    assert window.nav.currentItem().data(Qt.ItemDataRole.UserRole) == "overview"


@pytest.mark.parametrize(
    ("actor", "landing"),
    [
        (SUPERVISOR, "overview"),
        (
            Actor(user_id=None, username="boss", display_name="经理老赵", role=Role.MANAGER),
            "dashboard",
        ),
        (Actor.system(), "dashboard"),
    ],
)
def test_each_role_lands_on_its_module(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate, actor: Actor, landing: str
) -> None:
    win = MainWindow(ctx=make_ctx(sqlite_db, actor=actor))
    qtbot.addWidget(win)
    assert win.stack.currentWidget() is win._pages[landing]
    assert list(win._pages) == [landing]  # no other page is built at start
    win.show_module("people")
    win.open_record("person", small_estate.zhang_san)
    win.go_back()
    win.go_back()
    assert win.stack.currentWidget() is win._pages["people"]


def test_status_bar_shows_database_user_and_counters(window: MainWindow) -> None:
    assert "propdesk.sqlite3" in window.status_labels["database"].text()
    assert "前台小王" in window.status_labels["user"].text()
    for counter in default_features().status_counters:
        assert counter.key in window.status_labels


def test_units_list_filters_and_enter_opens_the_unit(
    qtbot: QtBot, window: MainWindow, small_estate: SmallEstate
) -> None:
    page = window.show_module("registry")
    assert isinstance(page, RegistryPage)
    assert page.model.rowCount() == 3
    page.buildings.setCurrentRow(1)  # building 3
    assert page.model.building_id == small_estate.building_id
    qtbot.keyClicks(page.filter, "2-150")
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    assert page.count.text() in ("共 2 套", "2 unit(s)", "2 units")
    page.table.setFocus()
    page.table.selectRow(1)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert isinstance(window.record_page, UnitPage)
    assert window.record_page.unit_id == small_estate.unit_1502
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.stack.currentWidget() is page  # back to the list the unit was opened from


def test_people_list_filter_enter_and_refresh_after_a_write(
    qtbot: QtBot, window: MainWindow, small_estate: SmallEstate
) -> None:
    position = [m.key for m in window.modules].index("people")  # Ctrl+1…9 follow the nav order
    qtbot.keyClick(window, Qt.Key(Qt.Key.Key_1 + position), Qt.KeyboardModifier.ControlModifier)
    page = window.stack.currentWidget()
    assert isinstance(page, PeoplePage)
    assert page.model.rowCount() == 3
    type_text(qtbot, page.filter, "王")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    qtbot.keyClick(page.filter, Qt.Key.Key_Return)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert isinstance(window.record_page, PersonPage)
    assert window.record_page.person_id == small_estate.wang_wu
    # a write elsewhere broadcasts "people"; the list refreshes itself
    window.show_module("people")
    page.filter.clear()
    page.model.set_text("")
    window.ctx.op(
        lambda s: reg.create_person(s, name="赵六", phone="13612345678"),
        changes=Changes(people=True),
    ).run()
    assert page.model.rowCount() == 4
    assert "赵六" in [page.model.index(r, 0).data() for r in range(4)]


def test_clerk_sees_masked_phones_in_the_people_list(window: MainWindow) -> None:
    page = window.show_module("people")
    assert isinstance(page, PeoplePage)
    phones = {page.model.index(r, 1).data() for r in range(page.model.rowCount())}
    assert "138****5678" in phones
    assert "13812345678" not in phones


def test_describe_database() -> None:
    assert describe_database("sqlite:////data/propdesk.sqlite3") == "propdesk.sqlite3"
    assert describe_database("postgresql+psycopg://u:p@db.local:5432/desk") == "db.local/desk"


def test_people_list_shows_first_unit_and_how_many_more(
    window: MainWindow, small_estate: SmallEstate
) -> None:
    window.ctx.op(
        lambda s: reg.start_occupancy(
            s,
            person_id=small_estate.wang_wu,
            unit_id=small_estate.unit_1501,
            role="owner",
            start_date=date(2021, 1, 1),
        ),
        changes=Changes(occupancy=True),
    ).run()
    page = window.show_module("people")
    assert isinstance(page, PeoplePage)
    row = page.model.find_row(small_estate.wang_wu)
    assert page.model.index(row, 2).data() == "3-1-101 (+1)"
    assert page.model.index(page.model.find_row(small_estate.zhang_san), 2).data() == "3-2-1502"


def test_back_walks_record_pages_then_returns_to_the_list(
    qtbot: QtBot, window: MainWindow, small_estate: SmallEstate
) -> None:
    people = window.show_module("people")
    window.open_unit(small_estate.unit_1502)
    unit_page = window.record_page
    assert isinstance(unit_page, UnitPage)
    unit_page.current.selectRow(0)
    qtbot.keyClick(unit_page.current, Qt.Key.Key_Return)  # opens 张三
    assert isinstance(window.record_page, PersonPage)
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert isinstance(window.record_page, UnitPage)
    assert window.record_page.unit_id == small_estate.unit_1502
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.stack.currentWidget() is people


def test_down_arrow_moves_from_the_filter_into_the_list(
    qtbot: QtBot, window: MainWindow, small_estate: SmallEstate
) -> None:
    page = window.show_module("registry")
    assert isinstance(page, RegistryPage)
    page.filter.setFocus()
    qtbot.keyClicks(page.filter, "1-101")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    qtbot.keyClick(page.filter, Qt.Key.Key_Down)
    assert page.table.currentIndex().row() == 0
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert isinstance(window.record_page, UnitPage)
    assert window.record_page.unit_id == small_estate.unit_101


def test_f1_help_lists_the_real_shortcuts_and_none_is_bound_twice(
    qtbot: QtBot, window: MainWindow, small_estate: SmallEstate
) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F1)
    box = window.findChild(QMessageBox, "shortcut_help")
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    for keys in ("Ctrl+K", "Ctrl+L", "F2", "Ctrl+E", "Ctrl+0", "F6", "Ctrl+Shift+P"):
        assert f"<b>{keys}</b>" in box.text()
    assert "新建服务工单" in box.text() or "New service ticket" in box.text()
    box.accept()

    # the window's own keys and the menus': each sequence once (an ambiguous key does
    # nothing), and never Ctrl+L, which the screen lock takes first
    window_keys = [
        sc.key().toString() for sc in window.findChildren(QShortcut) if sc.parent() is window
    ] + [
        a.shortcut().toString()
        for menu in window.menus.values()
        for a in menu.actions()
        if not a.shortcut().isEmpty()
    ]
    assert len(window_keys) == len(set(window_keys))
    assert "Ctrl+L" not in window_keys

    # every key the help names is bound somewhere: the window, a menu, a page or a panel
    for module in window.modules:
        window.show_module(module.key)
    window.open_record("person", small_estate.zhang_san)
    person_keys = {sc.key().toString() for sc in window.record_page.findChildren(QShortcut)}
    window.open_record("unit", small_estate.unit_1502)
    bound = (
        set(window_keys)
        | person_keys
        | {sc.key().toString() for sc in window.findChildren(QShortcut)}
        | {a.shortcut().toString() for a in window.findChildren(QAction)}
    )
    for keys, _what in window.shortcut_help():
        if keys not in ("Enter", LOCK_SHORTCUT):  # Enter: the lists' own key handling
            assert keys in bound, keys


def test_module_keys_and_the_navigation_key(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F6)
    assert window.stack.currentWidget() is window._pages["fees"]
    position = [m.key for m in window.modules].index("fees")
    window.show_module("people")
    qtbot.keyClick(window, Qt.Key(Qt.Key.Key_1 + position), Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window._pages["fees"]  # Ctrl+N by position too
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.nav.hasFocus)


def test_back_from_a_record_opened_after_a_module_returns_to_that_module(
    qtbot: QtBot, window: MainWindow, small_estate: SmallEstate
) -> None:
    window.open_unit(small_estate.unit_1502)
    people = window.show_module("people")  # the unit page is no longer on screen
    window.open_person(small_estate.zhang_san)
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.stack.currentWidget() is people  # not the unit page seen before


def test_record_pages_open_close_and_reopen_any_number_of_times(
    window: MainWindow, small_estate: SmallEstate
) -> None:
    for _ in range(3):
        window.open_unit(small_estate.unit_1502)
        assert isinstance(window.record_page, UnitPage)
        window.go_back()
        window.open_person(small_estate.zhang_san)
        assert isinstance(window.record_page, PersonPage)
        assert window.record_page.person_id == small_estate.zhang_san
        window.go_back()


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_menu_entry_has_its_own_access_key(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate, language: str
) -> None:
    """Keyboard first: every entry of every menu is reachable by Alt+menu key, then a letter
    unique in that menu (the 管理 menu's entries had none)."""
    from propdesk.auth.actor import Actor, Role
    from ui.main_window import _mnemonic

    admin = Actor(user_id=None, username="admin", display_name="管理员", role=Role.ADMIN)
    win = MainWindow(ctx=make_ctx(sqlite_db, actor=admin, language=language))
    qtbot.addWidget(win)
    for key, menu in win.menus.items():
        entries = [a for a in menu.actions() if not a.isSeparator()]
        keys = [_mnemonic(a.text()).upper() for a in entries]
        assert all(keys), (key, [a.text() for a in entries])
        assert len(set(keys)) == len(keys), (key, [a.text() for a in entries])
    admin_menu = [a.text() for a in win.menus["admin"].actions() if not a.isSeparator()]
    # the key is marked before the shortcut hint, not inside it
    assert any("&" in t and t.index("&") < t.index("(Ctrl+L)") for t in admin_menu if "Ctrl+L" in t)
