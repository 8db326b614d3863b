"""Parcels and visitors screen: receive, long-held parcels stand out, collect; visitors in/out."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt
from pytestqt.qtbot import QtBot

from propdesk import clock
from propdesk.changes import Changes
from propdesk.db.engine import Database
from propdesk.desk import parcels
from tests.ui.helpers import CLERK, SmallEstate, make_ctx, type_text
from ui.desk.models import ALERT
from ui.desk.parcels import ParcelsVisitorsPage
from ui.desk.requests import ParcelsRequest

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _texts(model: QAbstractItemModel, column: int) -> list[str]:
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_receive_and_collect_a_parcel(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate, qtmodeltester: object
) -> None:
    with sqlite_db.begin(CLERK) as s:
        parcels.receive_parcel(
            s,
            carrier="京东",
            tracking_no="JD0001",
            unit_id=small_estate.unit_101,
            at=clock.now() - timedelta(days=6),
        )
    ctx = make_ctx(sqlite_db, CLERK)
    page = ParcelsVisitorsPage(ctx=ctx)
    qtbot.addWidget(page)
    page.show()
    tab = page.parcels
    qtmodeltester.check(tab.model)  # type: ignore[attr-defined]
    assert tab.summary.text() == "1 waiting, 1 held too long"
    red = tab.model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole)
    assert red is not None
    assert red.color() == ALERT

    tab.carrier.setCurrentText("顺丰")
    type_text(qtbot, tab.tracking, "SF123456")
    type_text(qtbot, tab.unit.box, "3-2-1502")
    qtbot.keyClick(tab.unit.box, Qt.Key.Key_Return)
    assert tab.recipient.text() == "张三"  # the unit's first resident
    type_text(qtbot, tab.phone, "13812345678")
    type_text(qtbot, tab.shelf, "A-3")
    qtbot.keyClick(tab.shelf, Qt.Key.Key_Return)
    assert tab.errors.visible_messages() == {}
    assert _texts(tab.model, 2) == ["JD0001", "SF123456"]
    assert _texts(tab.model, 3) == ["3-1-101", "3-2-1502"]
    assert _texts(tab.model, 5) == ["", "138****5678"]  # a clerk sees phones masked
    assert tab.model.index(1, 0).data(Qt.ItemDataRole.ForegroundRole) is None
    assert tab.summary.text() == "2 waiting, 1 held too long"

    # the same parcel twice is refused next to the tracking number; the form keeps the text
    type_text(qtbot, tab.tracking, "SF123456")
    type_text(qtbot, tab.unit.box, "3-2-1502")
    qtbot.keyClick(tab.unit.box, Qt.Key.Key_Return)
    qtbot.mouseClick(tab.receive_button, Qt.MouseButton.LeftButton)
    assert tab.errors.visible_messages() == {"tracking_no": "该快递已登记在架，请勿重复登记。"}
    assert tab.tracking.text() == "SF123456"

    tab.table.setCurrentIndex(tab.model.index(0, 0))
    type_text(qtbot, tab.collector, "王五")
    qtbot.keyClick(tab.collector, Qt.Key.Key_Return)
    assert _texts(tab.model, 2) == ["SF123456"]
    assert tab.summary.text() == "1 waiting, 0 held too long"
    tab.show_filter.setCurrentIndex(tab.show_filter.findData("all"))
    collected = {tab.model.index(r, 2).data(): tab.model.index(r, 10).data() for r in range(2)}
    assert collected == {"JD0001": "王五", "SF123456": ""}

    row = _texts(tab.model, 2).index("SF123456")
    tab.table.setCurrentIndex(tab.model.index(row, 0))
    type_text(qtbot, tab.collector, "顺丰快递员")
    qtbot.mouseClick(tab.return_button, Qt.MouseButton.LeftButton)
    row = _texts(tab.model, 2).index("SF123456")
    assert tab.model.index(row, 9).data() == "Returned"
    assert tab.summary.text() == "0 waiting, 0 held too long"


def test_visitor_signs_in_and_out(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    ctx = make_ctx(sqlite_db, CLERK)
    page = ParcelsVisitorsPage(ctx=ctx)
    qtbot.addWidget(page)
    page.show()
    page.tabs.setCurrentWidget(page.visitors)
    tab = page.visitors
    qtbot.mouseClick(tab.sign_in_button, Qt.MouseButton.LeftButton)
    assert tab.errors.visible_messages() == {"name": "请填写访客姓名。"}
    type_text(qtbot, tab.name, "钱七")
    type_text(qtbot, tab.unit.box, "3-1-101")
    qtbot.keyClick(tab.unit.box, Qt.Key.Key_Return)
    tab.purpose.setCurrentText("探亲访友")
    tab.people.setValue(2)
    qtbot.mouseClick(tab.sign_in_button, Qt.MouseButton.LeftButton)
    assert tab.errors.visible_messages() == {}
    assert _texts(tab.model, 2) == ["钱七"]
    assert _texts(tab.model, 4) == ["3-1-101"]
    assert _texts(tab.model, 1) == [""]
    tab.table.setCurrentIndex(tab.model.index(0, 0))
    qtbot.mouseClick(tab.left_button, Qt.MouseButton.LeftButton)
    assert _texts(tab.model, 1)[0] != ""


def test_opened_with_a_request_shows_the_parcels_asked_for(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    with sqlite_db.begin(CLERK) as s:
        old = parcels.receive_parcel(
            s,
            carrier="京东",
            tracking_no="JD0002",
            unit_id=small_estate.unit_101,
            at=clock.now() - timedelta(days=6),
        )
        parcels.receive_parcel(
            s, carrier="顺丰", tracking_no="SF0002", unit_id=small_estate.unit_101
        )
        parcels.receive_parcel(
            s, carrier="中通", tracking_no="ZT0002", unit_id=small_estate.unit_1502
        )
        parcels.collect_parcel(s, old, collected_by="王五")
    ctx = make_ctx(sqlite_db, CLERK)
    page = ParcelsVisitorsPage(ctx=ctx)
    qtbot.addWidget(page)
    page.show()
    page.tabs.setCurrentWidget(page.visitors)
    tab = page.parcels
    tab.search.setText("nothing matches")
    page.apply_request(ParcelsRequest())
    assert page.tabs.currentWidget() is tab
    assert tab.search.text() == ""
    assert _texts(tab.model, 2) == ["SF0002", "ZT0002"]
    page.apply_request(ParcelsRequest(show="all", search="3-1"))
    assert tab.show_filter.currentData() == "all"
    assert _texts(tab.model, 2) == ["JD0002", "SF0002"]
    page.apply_request(object())  # another page's request: ignored
    assert _texts(tab.model, 2) == ["JD0002", "SF0002"]


def test_hidden_tab_reloads_when_shown(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    ctx = make_ctx(sqlite_db, CLERK)
    page = ParcelsVisitorsPage(ctx=ctx)
    qtbot.addWidget(page)
    page.show()
    assert page.parcels.summary.text() == "0 waiting, 0 held too long"
    page.tabs.setCurrentWidget(page.visitors)
    ctx.op(
        lambda s: parcels.receive_parcel(
            s, carrier="顺丰", tracking_no="SF0003", unit_id=small_estate.unit_101
        ),
        changes=Changes(parcels=True),
    ).run()
    assert page.parcels.summary.text() == "0 waiting, 0 held too long"  # hidden: stale
    page.tabs.setCurrentWidget(page.parcels)
    assert page.parcels.summary.text() == "1 waiting, 0 held too long"
