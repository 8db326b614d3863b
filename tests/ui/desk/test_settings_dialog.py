"""Desk settings: a route's checkpoints are added and reordered; thresholds saved; clerks refused."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from propdesk.db.engine import Database
from propdesk.desk import routes, settings
from tests.ui.desk.helpers import MANAGER, make_route
from tests.ui.helpers import CLERK, SmallEstate, make_ctx, type_text
from ui.desk.settings_dialog import DeskSettingsDialog


def test_edit_route_and_thresholds(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    route_id = make_route(sqlite_db, small_estate.unit_1501)
    ctx = make_ctx(sqlite_db, MANAGER)
    dialog = DeskSettingsDialog(ctx=ctx)
    qtbot.addWidget(dialog)
    assert dialog.name.text() == "日间巡查"
    assert dialog.point_model.rowCount() == 4
    assert dialog.point_model.index(3, 3).data() == "3-2-1501"

    qtbot.mouseClick(dialog.add_point_button, Qt.MouseButton.LeftButton)
    row = dialog.point_model.rowCount() - 1
    dialog.point_model.setData(dialog.point_model.index(row, 0), "屋面")
    dialog.point_model.setData(dialog.point_model.index(row, 1), "roof", Qt.ItemDataRole.UserRole)
    dialog.point_model.setData(dialog.point_model.index(row, 2), "排水口、避雷带")
    dialog.points.setCurrentIndex(dialog.point_model.index(row, 0))
    qtbot.mouseClick(dialog.up_button, Qt.MouseButton.LeftButton)  # before the vacant unit
    qtbot.mouseClick(dialog.save_route_button, Qt.MouseButton.LeftButton)
    with sqlite_db.begin(MANAGER) as s:
        saved = routes.get_route(s, route_id)
    assert [c.name for c in saved.checkpoints] == [
        "大堂",
        "3号楼电梯",
        "消防设施",
        "屋面",
        "空置房 3-2-1501",
    ]
    assert saved.checkpoints[3].area == "roof"
    assert saved.checkpoints[4].unit_id == small_estate.unit_1501

    dialog.point_model.setData(dialog.point_model.index(4, 3), "9-9-999")
    qtbot.mouseClick(dialog.save_route_button, Qt.MouseButton.LeftButton)
    assert "9-9-999" in dialog.errors.labels["checkpoints"].text()

    dialog.parcel_days.setValue(5)
    qtbot.mouseClick(dialog.save_thresholds_button, Qt.MouseButton.LeftButton)
    with sqlite_db.begin(MANAGER) as s:
        assert settings.get_setting(s, "parcel_hold_days") == 5

    dialog.new_route()
    type_text(qtbot, dialog.name, "夜间巡查")
    qtbot.mouseClick(dialog.save_route_button, Qt.MouseButton.LeftButton)
    assert dialog.errors.labels["checkpoints"].text() == "路线至少需要一个巡查点。"


def test_a_clerk_cannot_change_routes(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    make_route(sqlite_db, small_estate.unit_1501)
    dialog = DeskSettingsDialog(ctx=make_ctx(sqlite_db, CLERK))
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.save_route_button, Qt.MouseButton.LeftButton)
    assert "无权" in dialog.errors.general.text()
