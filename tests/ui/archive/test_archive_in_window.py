"""In the main window: the archive page opened from a unit page starts on that unit, and the
unit page's archive panel opens the page on the unit."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from propdesk.db.engine import Database
from tests.ui.helpers import SmallEstate, make_ctx
from ui.archive.page import ArchivePage
from ui.archive.unit_panel import UnitArchivePanel
from ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _archive_on(page: object, unit_id: int) -> bool:
    return (
        isinstance(page, ArchivePage)
        and page.archive is not None
        and page.archive.unit_id == unit_id
    )


def test_archive_starts_with_the_unit_of_the_record_page(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    window = MainWindow(ctx=make_ctx(sqlite_db))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)

    window.open_unit(small_estate.unit_101)
    panel = window.record_page.findChild(UnitArchivePanel)
    assert panel is not None
    qtbot.waitUntil(lambda: panel.summary is not None, timeout=3000)
    panel.open_button.click()
    qtbot.waitUntil(
        lambda: _archive_on(window.stack.currentWidget(), small_estate.unit_101), timeout=3000
    )

    window.open_unit(small_estate.unit_1501)
    window.nav.setFocus()  # (Ctrl+0), then the arrows to 档案 and Enter
    window.nav.setCurrentRow(next(i for i, m in enumerate(window.modules) if m.key == "archive"))
    qtbot.keyClick(window.nav, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: _archive_on(window.stack.currentWidget(), small_estate.unit_1501), timeout=3000
    )
