"""The desk overview: today's patrols, open anomalies, vacant units due, parcels, open items."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from propdesk import clock
from propdesk.changes import Changes
from propdesk.db.engine import Database
from propdesk.desk import parcels, patrols, shiftlog
from tests.ui.desk.helpers import make_route
from tests.ui.helpers import CLERK, SmallEstate, make_ctx, type_text
from ui.desk.overview import DeskOverviewPage
from ui.desk.requests import ParcelsRequest
from ui.navigation import Navigate

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _texts(model: QAbstractItemModel, column: int) -> list[str]:
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_overview_shows_what_the_desk_must_watch(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate, qtmodeltester: object
) -> None:
    route = make_route(sqlite_db, small_estate.unit_1501)
    with sqlite_db.begin(CLERK) as s:
        pid = patrols.start_patrol(s, route, at=clock.now() - timedelta(minutes=30))
        first, second, *_ = patrols.patrol_detail(s, pid).findings
        patrols.record_finding(s, first.id, result="normal")
        patrols.record_finding(s, second.id, result="abnormal", note="电梯异响")
        parcels.receive_parcel(
            s,
            carrier="顺丰",
            tracking_no="SF1",
            unit_id=small_estate.unit_101,
            at=clock.now() - timedelta(days=5),
        )
        parcels.receive_parcel(s, carrier="中通", tracking_no="ZT1", unit_id=small_estate.unit_1502)
        shiftlog.take_over(s)
        shiftlog.add_entry(s, kind="reminder", text="明早停水，提前广播", follow_up=True)
        shiftlog.add_entry(s, kind="event", text="绿化修剪")
    ctx = make_ctx(sqlite_db, CLERK)
    page = DeskOverviewPage(ctx=ctx)
    qtbot.addWidget(page)
    page.show()
    for model in (page.patrol_model, page.anomaly_model, page.vacant_model, page.parcel_model):
        qtmodeltester.check(model)  # type: ignore[attr-defined]

    assert page.tiles["patrols"].text() == "Patrols today: 0 finished of 1 · 2/4 points"
    assert page.tiles["anomalies"].text() == "Open anomalies: 1"
    assert page.tiles["vacant"].text() == "Vacant units due: 1"
    assert page.tiles["parcels"].text() == "Parcels waiting: 2 (1 too long)"
    assert page.tiles["shift"].text() == "On duty: 前台小王 · 1 open item(s)"
    assert _texts(page.patrol_model, 1) == ["日间巡查"]
    assert _texts(page.anomaly_model, 2) == ["3号楼电梯"]
    assert _texts(page.anomaly_model, 4) == ["not reported"]
    assert _texts(page.vacant_model, 0) == ["3-2-1501"]
    assert _texts(page.parcel_model, 2) == ["SF1", "ZT1"]
    assert _texts(page.entry_model, 2) == ["明早停水，提前广播"]

    # "fixed on the spot" needs a word on how; then the anomaly leaves the list
    page.anomalies_view.setCurrentIndex(page.anomaly_model.index(0, 0))
    page.resolve_anomaly()
    assert page.resolve_error.text() == "请写明如何处理的。"
    with sqlite_db.begin(CLERK) as s:
        third = patrols.patrol_detail(s, pid).findings[2]
        patrols.record_finding(s, third.id, result="abnormal", note="灭火器过期")
    ctx.hub.notify(Changes(patrols=True))
    assert _texts(page.anomaly_model, 2) == ["3号楼电梯", "消防设施"]
    page.anomalies_view.setCurrentIndex(page.anomaly_model.index(1, 0))
    type_text(qtbot, page.resolution, "已当场更换灭火器")
    qtbot.keyClick(page.resolution, Qt.Key.Key_Return)
    assert page.resolve_error.text() == ""
    assert _texts(page.anomaly_model, 2) == ["3号楼电梯"]

    # a ticket raised elsewhere updates the overview through the change hub
    ctx.op(
        lambda s: patrols.raise_ticket(s, second.id), changes=Changes(patrols=True, tickets=True)
    ).run()
    assert _texts(page.anomaly_model, 4)[0].startswith("BX")
    opened: list[tuple[str, int]] = []
    page.open_record.connect(lambda kind, rid: opened.append((kind, rid)))
    page.vacant_view.opened.emit(small_estate.unit_1501)
    assert opened == [("unit", small_estate.unit_1501)]


def test_hidden_overview_reloads_when_shown(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    ctx = make_ctx(sqlite_db, CLERK)
    page = DeskOverviewPage(ctx=ctx)
    qtbot.addWidget(page)
    assert page.tiles["parcels"].text() == "Parcels waiting: 0 (0 too long)"
    ctx.op(
        lambda s: parcels.receive_parcel(
            s, carrier="顺丰", tracking_no="SF7", unit_id=small_estate.unit_101
        ),
        changes=Changes(parcels=True),
    ).run()
    assert page.tiles["parcels"].text() == "Parcels waiting: 0 (0 too long)"  # hidden: stale
    page.show()
    assert page.tiles["parcels"].text() == "Parcels waiting: 1 (0 too long)"
    assert _texts(page.parcel_model, 2) == ["SF7"]
    ctx.hub.notify(Changes(visitors=True))  # not the overview's business: no reload
    assert ctx.errors.shown == []


def test_go_buttons_ask_for_the_module(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    ctx = make_ctx(sqlite_db, CLERK)
    page = DeskOverviewPage(ctx=ctx)
    qtbot.addWidget(page)
    page.show()
    asked: list[Navigate] = []
    ctx.hub.navigate.connect(asked.append)
    for name in ("go_parcels", "go_shiftlog"):
        button = page.findChild(QPushButton, name)
        assert button is not None
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert asked == [Navigate("parcels", ParcelsRequest()), Navigate("shiftlog")]
