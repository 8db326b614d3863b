"""docs/keyboard.md, window rules: walk every page of the main window.

* The navigation list changes page on Enter or click, not on every arrow step.
* Every page puts the focus in its primary field when shown.
* No two Alt+letters collide in the window, menu bar included (English and Chinese).
* Every key F1 lists under "From every page" works from every page.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTimer, QTranslator
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QPushButton, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from propdesk.auth.actor import Actor, Role
from propdesk.db.engine import Database
from tests.ui.helpers import SUPERVISOR, SmallEstate, make_ctx
from ui.app import load_translations
from ui.auth.lock import LOCK_SHORTCUT
from ui.common.keyboard import collisions, is_field
from ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)


@pytest.fixture(autouse=True)
def _english_after() -> Iterator[None]:
    saved = QLocale()
    yield
    app = QCoreApplication.instance()
    if app is None:
        return
    for translator in app.findChildren(QTranslator):
        app.removeTranslator(translator)
        translator.deleteLater()
    QLocale.setDefault(saved)


def _window(
    qtbot: QtBot, db: Database, chinese: bool = False, actor: Actor = SUPERVISOR
) -> MainWindow:
    if chinese:
        app = QCoreApplication.instance()
        assert app is not None
        load_translations(app, "zh_CN")
    win = MainWindow(ctx=make_ctx(db, actor=actor))
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=2000)
    return win


def test_navigation_changes_page_on_enter_or_click_not_on_arrows(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    win = _window(qtbot, sqlite_db)
    start = win.stack.currentWidget()
    qtbot.keyClick(win, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(win.nav.hasFocus)
    row = win.nav.currentRow()
    for _ in range(3):
        qtbot.keyClick(win.nav, Qt.Key.Key_Down)
    assert win.stack.currentWidget() is start  # only the highlight moved
    assert win.nav.currentRow() == row + 3
    qtbot.keyClick(win.nav, Qt.Key.Key_Return)
    key = win.modules[row + 3].key
    assert win.stack.currentWidget() is win._pages[key]

    item = win.nav.item(0)
    rect = win.nav.visualItemRect(item)
    qtbot.mouseClick(win.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert win.stack.currentWidget() is win._pages[win.modules[0].key]


MANAGER = Actor(user_id=None, username="boss", display_name="经理老赵", role=Role.MANAGER)


@pytest.mark.parametrize(
    ("chinese", "actor"),
    [(False, SUPERVISOR), (True, SUPERVISOR), (True, MANAGER)],
    ids=["en", "zh", "zh-manager"],
)
def test_every_page_focuses_its_primary_field_and_no_mnemonic_collides(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate, chinese: bool, actor: Actor
) -> None:
    win = _window(qtbot, sqlite_db, chinese, actor)
    problems: dict[str, object] = {}
    for i, module in enumerate(win.modules):
        if i < 9:  # by its key, as the clerk does
            qtbot.keyClick(win, Qt.Key(Qt.Key.Key_1 + i), Qt.KeyboardModifier.ControlModifier)
        else:
            win.show_module(module.key)
        page = win.stack.currentWidget()
        assert page is win._pages[module.key]
        focused = QApplication.focusWidget()
        usable = focused is not None and (is_field(focused) or isinstance(focused, QPushButton))
        if focused is None or not page.isAncestorOf(focused) or not usable:
            problems[f"{module.key}: focus"] = type(focused).__name__ if focused else None
        for tabs in _tab_widgets(page):
            for t in range(tabs.count()):
                tabs.setCurrentIndex(t)
                clash = collisions(win)
                if clash:
                    problems[f"{module.key} / {tabs.tabText(t)}: mnemonics"] = clash
            tabs.setCurrentIndex(0)
        clash = collisions(win)
        if clash:
            problems[f"{module.key}: mnemonics"] = clash
    for kind, record in (("unit", small_estate.unit_1502), ("person", small_estate.zhang_san)):
        win.open_record(kind, record)
        clash = collisions(win)
        if clash:
            problems[f"{kind} page: mnemonics"] = clash
    assert problems == {}


def _tab_widgets(page: QWidget) -> list[QTabWidget]:
    return [t for t in page.findChildren(QTabWidget) if t.isVisibleTo(page)]


def _close_dialogs(seen: list[str]) -> None:
    """Close whatever a key opened (a modal dialog runs its own loop inside keyClick).

    One at a time, asking Qt again after each: closing one window can destroy another (its
    handler drops the last reference to a dialog, and the dialog's children go with it), and
    touching a window from a list taken before that crashed a CI worker."""
    for _ in range(20):
        shown = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QDialog | QMessageBox) and w.isVisible()
        ]
        if not shown:
            return
        widget = shown[-1]
        seen.append(type(widget).__name__)
        widget.reject()


def test_every_global_key_works_from_every_page(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    win = _window(qtbot, sqlite_db)
    disabled = {
        a.shortcut().toString()
        for menu in win.menus.values()
        for a in menu.actions()
        if not a.isEnabled()  # not allowed for this user: the key rightly does nothing
    }
    skip = {LOCK_SHORTCUT, "Alt+Left", *disabled}
    keys = [k for k, _what in win.global_shortcuts() if k not in skip]
    assert {"Ctrl+K", "Ctrl+F", "F2", "F3", "F4", "Ctrl+D", "Ctrl+0"} <= set(keys)
    places: list[tuple[str, int | None]] = [(m.key, None) for m in win.modules]
    places.append(("unit", small_estate.unit_1502))
    failures: list[str] = []
    for place, record in places:
        for keys_text in keys:
            if record is None:
                win.show_module(place)
            else:
                win.open_record(place, record)
            win.activateWindow()  # a dialog the previous key opened has closed
            qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=2000)
            before_page = win.stack.currentWidget()
            before_focus = QApplication.focusWidget()
            opened: list[str] = []
            timer = QTimer()
            timer.setInterval(10)
            timer.timeout.connect(lambda opened=opened: _close_dialogs(opened))
            timer.start()
            sequence = QKeySequence(keys_text)
            combo = sequence[0]
            target = QApplication.focusWidget() or win
            qtbot.keyClick(target, combo.key(), combo.keyboardModifiers())
            _close_dialogs(opened)
            timer.stop()
            moved = (
                win.stack.currentWidget() is not before_page
                or QApplication.focusWidget() is not before_focus
                or bool(opened)
            )
            if not moved and not _already_there(win, keys_text):
                failures.append(f"{keys_text} on {place}")
    assert failures == []


def _already_there(win: MainWindow, keys_text: str) -> bool:
    """The key's target is where the focus already is (e.g. Ctrl+F on a page whose filter
    has the focus, Ctrl+3 on page 3)."""
    focused = QApplication.focusWidget()
    page = win.stack.currentWidget()
    for seq, key in win.module_shortcuts:
        if seq == keys_text:
            return page is win._pages.get(key)
    if keys_text == "Ctrl+D":
        return isinstance(focused, QWidget) and focused.objectName() in ("entry_text", "take_over")
    if keys_text == "Ctrl+F":
        return isinstance(focused, QWidget) and focused.objectName() in (
            "filter",
            "global_search",
            "parcel_search",
            "key_search",
        )
    return False
