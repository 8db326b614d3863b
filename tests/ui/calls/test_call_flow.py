"""The call card end to end: a call from a known number → the card shows the household →
a ticket made from it → a callback queued → the callback logged; a call arriving while the
clerk types in a dialog waits in the queue; the card survives a lock; the caller-ID
endpoint called from another process."""

from __future__ import annotations

import subprocess
import sys
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMainWindow, QWidget
from pytestqt.qtbot import QtBot

from propdesk import clock
from propdesk.calls import calls as svc
from propdesk.calls import outages
from propdesk.calls.outages import OutageSpec
from tests.ui.helpers import SmallEstate, read, type_text
from ui.calls.card import CallCard
from ui.calls.desk import CallDesk, call_desk
from ui.calls.endpoint import start_endpoint
from ui.context import AppContext

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture(autouse=True)
def _no_endpoint(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PROPDESK_CALL_PORT", "0")  # tests start their own on a free port


@pytest.fixture
def window(qtbot: QtBot) -> QMainWindow:
    host = QMainWindow()
    qtbot.addWidget(host)
    host.show()
    return host


def _activate(qtbot: QtBot, widget: QWidget) -> None:
    """Make ``widget`` the active window (window shortcuts such as Ctrl+T need it)."""
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow, timeout=2000)


def _card(desk: CallDesk) -> CallCard:
    [card] = [c for c in desk.cards if c.isVisible()]
    return card


def test_known_caller_ticket_callback_flow(
    qtbot: QtBot, ui_ctx: AppContext, small_estate: SmallEstate, window: QMainWindow
) -> None:
    now = clock.now()
    with ui_ctx.db.begin(ui_ctx.actor) as s:
        outages.save_outage(
            s,
            OutageSpec(
                "water",
                True,
                now + timedelta(hours=2),
                now + timedelta(hours=6),
                "二次供水水箱清洗",
                "3栋今天12点至16点停水，请提前储水。",
                building_ids=(small_estate.building_id,),
            ),
        )
    desk = call_desk(ui_ctx, window)
    desk.incoming("+86 138-1234-5678")
    card = _card(desk)
    assert card.call_id is not None
    assert card.household is not None
    assert card.household.unit_id == small_estate.unit_1502
    assert "张三" in card.household_list.item(0).text()
    assert card.pinned.isVisible()
    assert "停水" in card.pinned.text()

    # a ticket from the call (Ctrl+T), prefilled with the unit, the caller and the summary
    card.topic.setCurrentIndex(card.topic.findData("repair"))
    _activate(qtbot, card)
    card.summary.setFocus()
    type_text(qtbot, card.summary, "卫生间天花板漏水")
    qtbot.keyClick(card.summary, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)  # type: ignore[no-untyped-call]
    intake = card.intake
    assert intake is not None
    assert intake.isVisible()
    assert intake.description.toPlainText() == "卫生间天花板漏水"
    intake.save()
    assert intake.created is not None
    assert card.outcome.currentData() == "ticket"
    _activate(qtbot, card)
    qtbot.keyClick(card.summary, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # type: ignore[no-untyped-call]
    assert card.saved_id == card.call_id
    row = read(ui_ctx, lambda s: svc.get_call(s, card.call_id or 0))
    assert row.ticket_number == intake.created.number
    assert row.state == "logged"

    # the same caller again: a callback is needed
    desk.open_card(number="13812345678")
    card2 = _card(desk)
    card2.topic.setCurrentIndex(card2.topic.findData("complaint"))
    type_text(qtbot, card2.summary, "工单进度太慢，要求主管回电")
    card2.outcome.setCurrentIndex(card2.outcome.findData("callback"))
    card2.save()
    [item] = read(ui_ctx, svc.queue)
    assert item.kind == "callback"

    # from the queue on the call desk page: call back, logged, the queue is empty
    from ui.calls.page import CallDeskPage

    page = CallDeskPage(ctx=ui_ctx)
    qtbot.addWidget(page)
    window.setCentralWidget(page)
    page.show()
    qtbot.waitUntil(page.isVisible)
    assert page.queue.count() == 1
    page.queue.setCurrentRow(0)
    page.call_back()
    back = _card(desk)
    assert back.parent_call_id == item.call_id
    assert back.number.text() == "13812345678"
    type_text(qtbot, back.summary, "主管已回电解释维修安排")
    back.save()
    assert read(ui_ctx, svc.queue) == []
    assert page.queue.count() == 0
    assert ui_ctx.errors.shown == []


def test_empty_summary_is_refused_next_to_the_field(
    qtbot: QtBot, ui_ctx: AppContext, small_estate: SmallEstate, window: QMainWindow
) -> None:
    card = call_desk(ui_ctx, window).open_card(number="5678")
    assert card.focusWidget() in (card.number, None) or card.number.hasFocus()
    card.save()
    assert card.isVisible()
    assert "摘要" in card.errors.visible_messages()["summary"]


def test_call_while_typing_in_a_dialog_waits_in_the_queue(
    qtbot: QtBot, ui_ctx: AppContext, small_estate: SmallEstate, window: QMainWindow
) -> None:
    desk = call_desk(ui_ctx, window)
    dialog = QDialog(window)
    dialog.setModal(True)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.isVisible())
    with qtbot.waitSignal(desk.queued):
        desk.incoming("13900001111")
    assert [c for c in desk.cards if c.isVisible()] == []
    [item] = read(ui_ctx, svc.queue)
    assert (item.kind, item.caller) == ("missed", "李四")
    dialog.reject()


def test_card_survives_a_lock(
    qtbot: QtBot, ui_ctx: AppContext, small_estate: SmallEstate, window: QMainWindow
) -> None:
    from ui.auth.lock import install_session_lock

    lock = install_session_lock(window, ctx=ui_ctx)
    card = call_desk(ui_ctx, window).open_card(number="13812345678")
    type_text(qtbot, card.summary, "问物业费")
    lock.lock()
    assert not card.isVisible()
    assert lock.dialog is not None
    lock.dialog.accept()  # the same user unlocks
    assert card.isVisible()
    assert card.summary.toPlainText() == "问物业费"


def test_caller_id_endpoint_from_another_process(
    qtbot: QtBot, ui_ctx: AppContext, small_estate: SmallEstate, window: QMainWindow
) -> None:
    desk = call_desk(ui_ctx, window)
    endpoint = start_endpoint(desk, port=0)
    assert endpoint is not None
    try:
        script = (
            "import urllib.request, urllib.parse, sys;"
            "data = urllib.parse.urlencode({'number': '0086 139 0000 1111'}).encode();"
            f"r = urllib.request.urlopen('http://127.0.0.1:{endpoint.port}/incoming', data=data);"
            "sys.exit(0 if r.status == 200 else 1)"
        )
        done = subprocess.run([sys.executable, "-c", script], timeout=20, check=False)
        assert done.returncode == 0
        qtbot.waitUntil(lambda: any(c.isVisible() for c in desk.cards), timeout=5000)
        card = _card(desk)
        assert card.household is not None
        assert card.household.person_name == "李四"
    finally:
        endpoint.stop()


def test_outgoing_call_about_a_ticket(
    qtbot: QtBot, ui_ctx: AppContext, small_estate: SmallEstate, window: QMainWindow
) -> None:
    from propdesk.tickets import catalog
    from propdesk.tickets import services as tickets

    with ui_ctx.db.begin(ui_ctx.actor) as s:
        category = catalog.list_categories(s, "repair")[0]
        made = tickets.create_ticket(
            s,
            tickets.Intake(
                kind="repair",
                category_id=category.id,
                description="阳台地漏堵塞",
                unit_id=small_estate.unit_1502,
                person_id=small_estate.zhang_san,
            ),
        )
    card = call_desk(ui_ctx, window).open_card(number="13812345678", outbound=True)
    assert card.windowTitle() == "Outgoing call"
    assert card.outcome.findData("no_answer") >= 0
    card.about_ticket.setCurrentIndex(card.about_ticket.findData(made.id))
    type_text(qtbot, card.summary, "告知维修师傅明天上午上门")
    card.save()
    row = read(ui_ctx, lambda s: svc.get_call(s, card.saved_id or 0))
    assert (row.direction, row.ticket_number) == ("out", made.number)
    assert not card.arrears_call.isEnabled()  # no arrears: nothing to write in the contact log


def test_propdesk_call_incoming_reaches_the_desk(
    qtbot: QtBot, ui_ctx: AppContext, small_estate: SmallEstate, window: QMainWindow
) -> None:
    from ui.cli import main

    desk = call_desk(ui_ctx, window)
    endpoint = start_endpoint(desk, port=0)
    assert endpoint is not None
    try:
        assert main(["call", "incoming", "138 1234 5678", "--port", str(endpoint.port)]) == 0
        qtbot.waitUntil(lambda: any(c.isVisible() for c in desk.cards), timeout=5000)
        assert _card(desk).household is not None
    finally:
        endpoint.stop()
