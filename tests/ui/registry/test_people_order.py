"""The people list is in pinyin order by default and when its Name header is clicked."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from propdesk.auth.actor import Actor
from propdesk.db.engine import Database
from propdesk.registry import services as reg
from ui.registry.list_models import PeopleModel

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

ADMIN = Actor.system()


def _names(model: PeopleModel) -> list[str]:
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_people_sort_by_pinyin(qtbot: QtBot, sqlite_db: Database) -> None:
    with sqlite_db.begin(ADMIN) as s:
        for name in ("张三", "曾小明", "安娜", "李四", "王五"):
            reg.create_person(s, name=name)
    model = PeopleModel(db=sqlite_db, actor=ADMIN)
    model.refresh()
    qtbot.waitUntil(lambda: model.rowCount() == 5, timeout=3000)
    assert _names(model) == ["安娜", "李四", "王五", "曾小明", "张三"]
    model.sort(0, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: _names(model)[0] == "张三", timeout=3000)
    assert _names(model) == ["张三", "曾小明", "王五", "李四", "安娜"]
