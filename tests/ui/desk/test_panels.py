"""Unit page panels: vacant-unit checks (record one, interval) and the unit's parcels."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from propdesk.changes import Changes
from propdesk.clock import FixedClock
from propdesk.db.engine import Database
from propdesk.desk import parcels, vacant
from tests.ui.helpers import CLERK, SmallEstate, captured_selects, make_ctx, type_text
from ui.desk.panels import UnitParcelsPanel, VacantCheckDialog, VacantChecksPanel

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_vacant_check_from_the_unit_page(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    ctx = make_ctx(sqlite_db, CLERK)
    host = QWidget()  # as on the unit page: the panel is a child, never a window
    qtbot.addWidget(host)
    host.show()
    panel = VacantChecksPanel(ctx=ctx, unit_id=small_estate.unit_1501, parent=host)
    assert not panel.isHidden()
    assert "never checked: due now" in panel.title.text()

    dialog = VacantCheckDialog(ctx=ctx, unit_id=small_estate.unit_1501)
    qtbot.addWidget(dialog)
    dialog.water.setChecked(False)
    dialog.save()
    assert dialog.errors.labels["note"].text() == "有异常项时请写明情况。"
    type_text(qtbot, dialog.note, "厨房水龙头滴水")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert "water Problem" in panel.history.text()
    assert "厨房水龙头滴水" in panel.history.text()
    assert "due now" not in panel.title.text()

    panel.interval.setValue(7)
    qtbot.mouseClick(panel.interval_button, Qt.MouseButton.LeftButton)
    with sqlite_db.begin(CLERK) as s:
        interval, last, due = vacant.plan_of_unit(s, small_estate.unit_1501)
    assert interval == 7
    assert last is not None
    assert due == last + timedelta(days=7)

    lived_in = VacantChecksPanel(ctx=ctx, unit_id=small_estate.unit_101, parent=host)
    assert lived_in.isHidden()  # not vacant and never checked

    # changed while the unit page is hidden: the panel catches up when the page shows again
    host.hide()
    with sqlite_db.begin(CLERK) as s:
        vacant.set_interval(s, small_estate.unit_1501, 10)
    ctx.hub.notify(Changes(vacant_checks=True))
    assert panel.interval.value() == 7
    host.show()
    assert panel.interval.value() == 10
    assert ctx.errors.shown == []


def test_a_refused_check_keeps_the_dialog_open(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    ctx = make_ctx(sqlite_db, CLERK)
    dialog = VacantCheckDialog(ctx=ctx, unit_id=small_estate.unit_1501)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.leaks.setChecked(False)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert dialog.errors.labels["note"].text() == "有异常项时请写明情况。"
    assert dialog.ok.isEnabled()  # busy only while the operation runs
    assert ctx.errors.shown == []  # a refusal is shown by its field, not in a box


def test_unit_parcels_panel(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate, test_clock: FixedClock
) -> None:
    with sqlite_db.begin(CLERK) as s:
        pid = parcels.receive_parcel(
            s, carrier="顺丰", tracking_no="SF9", unit_id=small_estate.unit_101
        )
    test_clock.advance(hours=2)
    with sqlite_db.begin(CLERK) as s:
        parcels.receive_parcel(s, carrier="中通", tracking_no="ZT9", unit_id=small_estate.unit_101)
        parcels.collect_parcel(s, pid, collected_by="王五")
    with captured_selects(sqlite_db) as seen:
        panel = UnitParcelsPanel(ctx=make_ctx(sqlite_db, CLERK), unit_id=small_estate.unit_101)
    qtbot.addWidget(panel)
    assert panel.title.text() == "Parcels (1 waiting, 2 in all)"
    # newest first, as the panel says; the list is read once (not again for the view's sort)
    assert [panel.model.index(r, 2).data() for r in range(2)] == ["ZT9", "SF9"]
    assert sum(1 for sql in seen if "FROM desk_parcel" in sql and "LIMIT" in sql) == 1


def test_a_unit_without_parcels_shows_one_line_not_an_empty_table(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    """No parcels: one quiet line on the unit page instead of an empty table; the table comes
    back with the first parcel (the hub refreshes the panel)."""
    ctx = make_ctx(sqlite_db, CLERK)
    panel = UnitParcelsPanel(ctx=ctx, unit_id=small_estate.unit_101)
    qtbot.addWidget(panel)
    panel.show()
    assert panel.title.text() == "Parcels (0 waiting, 0 in all)"  # the count stays
    assert panel.empty.isVisible()
    assert panel.empty.text() == "No parcels yet."
    assert not panel.table.isVisible()
    assert panel.sizeHint().height() < panel.table.minimumHeight()
    ctx.op(
        lambda s: parcels.receive_parcel(
            s, carrier="顺丰", tracking_no="SF1", unit_id=small_estate.unit_101
        ),
        changes=Changes(parcels=True),
    ).run()
    assert panel.table.isVisible()
    assert not panel.empty.isVisible()
    assert panel.title.text() == "Parcels (1 waiting, 1 in all)"
