"""The people list sorts by its Units column (first current unit), in SQL, both ways."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from propdesk.registry import services as reg
from tests.ui.helpers import SmallEstate
from ui.context import AppContext
from ui.registry.lists import PeoplePage

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _column(page: PeoplePage, column: int) -> list[str]:
    model = page.model
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_clicking_units_header_sorts_by_first_unit(
    qtbot: QtBot, ui_ctx: AppContext, small_estate: SmallEstate
) -> None:
    with ui_ctx.db.begin(ui_ctx.actor) as s:  # 赵六 has no unit; 王五 also rents 3-2-1501
        reg.create_person(s, name="赵六")
        reg.start_occupancy(
            s,
            person_id=small_estate.wang_wu,
            unit_id=small_estate.unit_1501,
            role="tenant",
            start_date=date(2021, 1, 1),
        )
    page = PeoplePage(ctx=ui_ctx)
    qtbot.addWidget(page)
    page.show()
    page.model.refresh()
    header = page.table.horizontalHeader()
    units = 2
    qtbot.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(header.sectionViewportPosition(units) + 5, header.height() // 2),
    )
    order = header.sortIndicatorOrder()
    names = _column(page, 0)
    shown = _column(page, units)
    expected = [("赵六", ""), ("王五", "3-1-101 (+1)"), ("李四", "3-2-1502"), ("张三", "3-2-1502")]
    if order == Qt.SortOrder.DescendingOrder:
        expected = [
            expected[2],
            expected[3],
            expected[1],
            expected[0],
        ]  # pinyin stays the tie-break
    assert header.sortIndicatorSection() == units
    assert list(zip(names, shown, strict=True)) == expected

    page.table.sortByColumn(units, Qt.SortOrder.DescendingOrder)
    assert _column(page, 0) == ["李四", "张三", "王五", "赵六"]
    page.table.sortByColumn(units, Qt.SortOrder.AscendingOrder)
    assert _column(page, 0) == ["赵六", "王五", "李四", "张三"]
