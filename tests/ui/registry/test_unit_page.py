"""The unit page: occupants, moving out (history stays), adding an occupant, plug-in panels."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QWidget
from pytestqt.qtbot import QtBot

from propdesk.auth.actor import Actor, Role
from propdesk.db.engine import Database
from tests.ui.helpers import SmallEstate, make_ctx, type_text
from ui import extensions as ext
from ui.context import AppContext
from ui.registrations import default_features
from ui.registry.dialogs import AddOccupantDialog, EndOccupancyDialog
from ui.registry.unit_page import UnitPage

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _names(model: object) -> list[str]:
    return [model.index(r, 0).data() for r in range(model.rowCount())]  # type: ignore[attr-defined]


def _when_modal(qtbot: QtBot, handle: object) -> None:
    """Drive the next modal dialog (opened with exec()) from the event loop."""

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, run)
            return
        handle(dialog)  # type: ignore[operator]

    QTimer.singleShot(0, run)


def test_page_shows_unit_and_occupants(
    qtbot: QtBot, ui_ctx: AppContext, small_estate: SmallEstate
) -> None:
    page = UnitPage(ctx=ui_ctx, unit_id=small_estate.unit_1502)
    qtbot.addWidget(page)
    page.show()
    assert page.title.text() == "3-2-1502"
    assert page.facts.values["area"].text() == "89.56 m²"
    assert _names(page.current_model) == ["张三", "李四"]  # owners first
    assert page.current_model.index(0, 1).data() == "13812345678"  # supervisor sees phones
    assert not page.history_box.isVisible()


def test_move_out_closes_the_occupancy_and_keeps_history(
    qtbot: QtBot, ui_ctx: AppContext, small_estate: SmallEstate
) -> None:
    page = UnitPage(ctx=ui_ctx, unit_id=small_estate.unit_1502)
    qtbot.addWidget(page)
    page.show()
    page.current.setFocus()
    page.current.selectRow(1)  # 李四, the tenant

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, EndOccupancyDialog)
        assert dialog.occupancy.person_name == "李四"
        type_text(qtbot, dialog.reason, "租约到期")
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
        )

    _when_modal(qtbot, fill)
    qtbot.mouseClick(page.move_out_button, Qt.MouseButton.LeftButton)
    assert _names(page.current_model) == ["张三"]
    assert _names(page.history_model) == ["李四"]
    assert page.history_model.index(0, 5).data() == "租约到期"
    assert page.history_box.isVisible()


def test_add_existing_person_as_occupant(
    qtbot: QtBot, ui_ctx: AppContext, small_estate: SmallEstate
) -> None:
    page = UnitPage(ctx=ui_ctx, unit_id=small_estate.unit_1501)
    qtbot.addWidget(page)
    page.show()
    assert page.empty_note.isVisible()
    dialog = AddOccupantDialog(ctx=ui_ctx, unit_id=small_estate.unit_1501)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    assert "name" in dialog.errors.visible_messages()  # "new person" with no name
    qtbot.keyClicks(dialog.find_person, "ww")
    assert dialog.existing.isChecked()
    assert dialog.matches.current_id() == small_estate.wang_wu
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    assert dialog.saved_id is not None
    assert _names(page.current_model) == ["王五"]
    assert not page.empty_note.isVisible()


def test_a_features_panels_are_stacked_on_the_page(
    qtbot: QtBot, ui_ctx: AppContext, small_estate: SmallEstate
) -> None:
    def make(_ctx: AppContext, unit_id: int) -> QWidget:
        label = QLabel(f"panel for {unit_id}")
        label.refresh = lambda: None  # type: ignore[attr-defined]
        return label

    features = default_features().with_feature(
        ext.Feature("test", unit_panels=(ext.RecordPanel("test_panel", 99, make),))
    )
    page = UnitPage(ctx=ui_ctx, unit_id=small_estate.unit_101, panels=features.unit_panels)
    qtbot.addWidget(page)
    panel = page.findChild(QLabel, "panel_test_panel")
    assert panel is not None
    assert panel.text() == f"panel for {small_estate.unit_101}"


def test_finance_may_look_but_not_edit(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    finance = Actor(user_id=None, username="f", display_name="刘洋", role=Role.FINANCE)
    page = UnitPage(ctx=make_ctx(sqlite_db, actor=finance), unit_id=small_estate.unit_1502)
    qtbot.addWidget(page)
    assert _names(page.current_model) == ["张三", "李四"]
    assert not page.edit_button.isEnabled()
    assert not page.add_button.isEnabled()
    assert not page.move_out_button.isEnabled()


def test_tab_leaves_the_occupant_tables_and_every_occupant_row_shows(
    qtbot: QtBot, ui_ctx: AppContext, small_estate: SmallEstate
) -> None:
    """A new-user walk-through: Tab stayed in the current-occupants table for ever, and a
    horizontal scroll bar covered its last row."""
    page = UnitPage(ctx=ui_ctx, unit_id=small_estate.unit_1502)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    qtbot.waitExposed(page)
    table = page.current
    assert table.model().rowCount() == 2
    assert not table.horizontalScrollBar().isVisible()
    rows = sum(table.rowHeight(r) for r in range(2))
    assert table.viewport().height() >= rows  # both occupants in full
    table.setFocus()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert not table.hasFocus()


def test_the_care_banner_stands_under_the_title(
    qtbot: QtBot, ui_ctx: AppContext, small_estate: SmallEstate
) -> None:
    """The clerk on the phone sees the household's attention flags first, above the unit's
    facts and occupants (it stood below the occupancy history)."""
    page = UnitPage(ctx=ui_ctx, unit_id=small_estate.unit_1502)
    qtbot.addWidget(page)
    banner = page.findChild(QWidget, "panel_care")
    assert banner is not None
    body = page.body
    order = [body.itemAt(i).widget() for i in range(body.count())]
    facts_box = page.facts.parentWidget()
    assert order.index(banner) < order.index(facts_box) < order.index(page.current_box)
