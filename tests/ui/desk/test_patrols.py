"""The patrol screen: a patrol with one abnormal checkpoint raises a ticket that is on the board."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from propdesk.changes import Changes
from propdesk.db.engine import Database
from propdesk.desk import patrols
from propdesk.desk.models import PatrolFinding
from tests.ui.desk.helpers import make_route
from tests.ui.helpers import CLERK, SmallEstate, make_ctx, type_text
from ui.desk.patrols import PatrolsPage
from ui.tickets.board import TicketBoard
from ui.tickets.ticket_page import TicketPage

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _column(model: object, column: int) -> list[str]:
    from PySide6.QtCore import QAbstractItemModel

    assert isinstance(model, QAbstractItemModel)
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_patrol_with_one_abnormal_checkpoint_raises_a_ticket_on_the_board(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    make_route(sqlite_db, small_estate.unit_1501)
    ctx = make_ctx(sqlite_db, CLERK)
    page = PatrolsPage(ctx=ctx)
    qtbot.addWidget(page)
    assert page.route.currentText() == "日间巡查 (4 points)"

    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    run = page.run
    assert _column(run.model, 1) == ["大堂", "3号楼电梯", "消防设施", "空置房 3-2-1501"]
    assert run.table.currentIndex().row() == 0
    assert "地面、门禁、照明" in run.what.text()

    qtbot.mouseClick(run.normal_button, Qt.MouseButton.LeftButton)  # lobby
    assert run.table.currentIndex().row() == 1  # moved on to the next checkpoint
    run.note.setFocus()
    type_text(qtbot, run.note, "应急电话无声")
    qtbot.mouseClick(run.abnormal_button, Qt.MouseButton.LeftButton)
    assert run.ticket_button.isEnabled()
    qtbot.mouseClick(run.ticket_button, Qt.MouseButton.LeftButton)
    assert "BX" in run.message.text()
    assert not run.ticket_button.isEnabled()  # one ticket per finding
    assert run.table.currentIndex().row() == 2
    qtbot.keyClick(run.note, Qt.Key.Key_Return)  # Enter with no note: normal
    # the last checkpoint is left unchecked: finishing asks twice, then records it missed
    qtbot.mouseClick(run.finish_button, Qt.MouseButton.LeftButton)
    assert "1" in run.message.text()
    assert run.patrol is not None
    assert run.patrol.status == "in_progress"
    qtbot.mouseClick(run.finish_button, Qt.MouseButton.LeftButton)
    assert run.patrol.status == "finished"
    assert _column(run.model, 3) == ["Normal", "Abnormal", "Normal", "Missed"]
    ticket_number = _column(run.model, 6)[1]
    assert ticket_number.startswith("BX")

    with sqlite_db.begin(CLERK) as s:
        ticket_ids = list(
            s.scalars(select(PatrolFinding.ticket_id).where(PatrolFinding.ticket_id.is_not(None)))
        )
        assert len(ticket_ids) == 1
        back = patrols.finding_for_ticket(s, ticket_ids[0])
        assert back is not None
        assert back.checkpoint_name == "3号楼电梯"

    board = TicketBoard(ctx=ctx)
    qtbot.addWidget(board)
    numbers = _column(board.model, 0)
    assert numbers == [ticket_number]
    row = numbers.index(ticket_number)
    descriptions = [board.model.index(row, c).data() for c in range(board.model.columnCount())]
    assert any("应急电话无声" in str(d) for d in descriptions)

    # ... and the ticket page links back to the patrol finding it came from.
    page = TicketPage(ctx=ctx, ticket_id=ticket_ids[0])
    qtbot.addWidget(page)
    shown = [
        page.facts.itemAt(i).widget().text()
        for i in range(page.facts.count())
        if isinstance(page.facts.itemAt(i).widget(), QLabel)
    ]
    assert any("3号楼电梯" in text and "应急电话无声" in text for text in shown)


def test_a_photo_goes_with_the_mark(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate, tmp_path: Path
) -> None:
    make_route(sqlite_db, small_estate.unit_1501)
    page = PatrolsPage(ctx=make_ctx(sqlite_db, CLERK))
    qtbot.addWidget(page)
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    run = page.run
    assert run.patrol is not None
    photo = tmp_path / "lobby.jpg"
    photo.write_bytes(b"\xff\xd8photo")
    run.pending_photo = photo  # what the file dialog of "Photo…" sets
    type_text(qtbot, run.note, "地砖破损")
    qtbot.mouseClick(run.abnormal_button, Qt.MouseButton.LeftButton)
    assert _column(run.model, 5)[0] == "yes"
    assert run.pending_photo is None
    stored = patrols.photo_file(run.patrol.findings[0].photo_path)
    assert stored is not None
    assert stored.read_bytes() == b"\xff\xd8photo"


def test_hidden_patrol_page_loads_new_routes_when_shown(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    ctx = make_ctx(sqlite_db, CLERK)
    page = PatrolsPage(ctx=ctx)
    qtbot.addWidget(page)
    assert page.route.count() == 0
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    assert "No route yet" in page.error.text()
    make_route(sqlite_db, small_estate.unit_1501)
    ctx.hub.notify(Changes(patrol_routes=True))
    assert page.route.count() == 0  # hidden: only marked stale
    page.show()
    assert page.route.currentText() == "日间巡查 (4 points)"
    assert ctx.errors.shown == []
