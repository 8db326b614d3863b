"""Parcels by keyboard: find by tracking number or unit, hand several out with one key, the
collector defaults to the recipient, and the days in storage stop at pickup."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from propdesk import clock
from propdesk.db.engine import Database
from propdesk.desk import parcels
from propdesk.desk.models import Parcel
from tests.ui.helpers import CLERK, SmallEstate, make_ctx, read, type_text
from ui.desk.parcels import ParcelsVisitorsPage

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_scan_select_and_hand_out_with_one_key(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    with sqlite_db.begin(CLERK) as s:
        for no in ("SF1", "SF2"):
            parcels.receive_parcel(
                s, carrier="顺丰", tracking_no=no, unit_id=small_estate.unit_1502, recipient="张三"
            )
        parcels.receive_parcel(
            s, carrier="京东", tracking_no="JD9", unit_id=small_estate.unit_101, recipient="王五"
        )
    ctx = make_ctx(sqlite_db, CLERK)
    page = ParcelsVisitorsPage(ctx=ctx)
    qtbot.addWidget(page)
    page.show()
    tab = page.parcels
    # The form comes first in Tab order, the list after it.
    assert tab.tracking.nextInFocusChain() is not tab.table
    order = []
    widget = tab.carrier.nextInFocusChain()
    while widget is not tab.carrier and len(order) < 200:
        order.append(widget)
        widget = widget.nextInFocusChain()
    assert order.index(tab.shelf) < order.index(tab.table)

    type_text(qtbot, tab.search, "3-2-1502")
    qtbot.keyClick(tab.search, Qt.Key.Key_Return)  # select the unit's parcels
    assert sorted(tab.selected_ids()) == sorted(tab.model.row_id(r) for r in range(2))
    tab.table.setFocus()
    tab.table.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page.window())
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)  # one key hands both out
    assert tab.action_error.text() == ""

    def state(s: object) -> list[tuple[str, str, str]]:
        rows = s.execute(  # type: ignore[attr-defined]
            select(Parcel.tracking_no, Parcel.status, Parcel.collected_by).order_by(
                Parcel.tracking_no
            )
        )
        return [(r.tracking_no, r.status, r.collected_by or "") for r in rows]

    assert read(ctx, state) == [
        ("JD9", "waiting", ""),
        ("SF1", "collected", "张三"),  # the collector defaulted to the recipient
        ("SF2", "collected", "张三"),
    ]
    assert tab.search.text() == ""  # ready for the next scan


def test_days_in_storage_stop_at_pickup() -> None:
    received = clock.now() - timedelta(days=18)
    collected = received + timedelta(days=3)
    today = clock.local_date(clock.now())
    assert parcels.days_in_storage(received, today, collected) == 3
    assert parcels.days_in_storage(received, today, None) == 18


class _LaterExecutor:
    """Runs work only when told, as the real worker thread answers after the keypress."""

    def __init__(self) -> None:
        self.waiting: list[tuple[Any, Any, Any]] = []

    def submit(self, op: Any, *, success: Any = None, failure: Any = None) -> None:
        self.waiting.append((op, success, failure))

    def run_all(self) -> None:
        while self.waiting:
            op, success, failure = self.waiting.pop(0)
            try:
                result = op()
            except Exception as exc:
                if failure is not None:
                    failure(exc)
                continue
            if success is not None:
                success(result)


def test_enter_in_find_selects_once_the_list_has_reloaded_on_the_worker(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    """Found by the new-user trial: with the real worker the list reloads after the keypress
    and the reload wiped the selection, so 已取件 said "select a parcel first"."""
    with sqlite_db.begin(CLERK) as s:
        parcels.receive_parcel(
            s,
            carrier="顺丰",
            tracking_no="SF844550713821",
            unit_id=small_estate.unit_1502,
            recipient="张三",
        )
    later = _LaterExecutor()
    ctx = make_ctx(sqlite_db, CLERK)
    ctx.executor = later
    page = ParcelsVisitorsPage(ctx=ctx)
    qtbot.addWidget(page)
    page.show()
    later.run_all()
    tab = page.parcels
    type_text(qtbot, tab.search, "SF844550713821")
    qtbot.keyClick(tab.search, Qt.Key.Key_Return)
    later.run_all()  # the worker answers
    assert len(tab.selected_ids()) == 1
