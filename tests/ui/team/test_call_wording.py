"""The calls figure and the call card say what they count, in Chinese: the figure counts
calls in and out (来电与去电, as the printed sheet explains it), and an outgoing call's card
is a 去电 naming the person called and the clerk who dialled."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFormLayout, QLabel
from pytestqt.qtbot import QtBot

from propdesk import clock
from propdesk.auth.actor import Actor, Role
from propdesk.calls.models import CallRecord
from propdesk.db.engine import Database
from propdesk.team.figures import month_bounds
from tests.propdesk.team import helpers as h
from tests.ui.helpers import make_ctx
from ui.team.dialogs import CallDialog
from ui.team.page import TeamPage

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

SYSTEM = Actor.system()


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    from ui.app import load_translations

    saved = QLocale()
    installed = load_translations(qapp, "zh_CN")
    assert installed
    yield
    for translator in installed:
        qapp.removeTranslator(translator)
    QLocale.setDefault(saved)


def _form(dialog: CallDialog) -> dict[str, str]:
    out: dict[str, str] = {}
    for row in range(dialog.form.rowCount()):
        label = dialog.form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        field = dialog.form.itemAt(row, QFormLayout.ItemRole.FieldRole)
        if label is None or field is None:
            continue
        label_widget, field_widget = label.widget(), field.widget()
        assert isinstance(label_widget, QLabel)
        assert isinstance(field_widget, QLabel)
        out[label_widget.text()] = field_widget.text()
    return out


def test_calls_figure_and_cards_say_in_or_out(
    qtbot: QtBot, sqlite_db: Database, chinese: None
) -> None:
    with sqlite_db.begin(SYSTEM) as s:
        period = f"{clock.today(s):%Y-%m}"
        lo, _ = month_bounds(period)
        wang = h.add_user(s, "wang", "王前台")
        boss = h.add_user(s, "zhao", "赵经理", Role.MANAGER)
        assert wang.user_id is not None
        for i in range(2):
            h.call(s, clerk=wang.user_id, at=lo + timedelta(hours=1 + i))
        out_id = h.call(
            s, clerk=wang.user_id, at=lo + timedelta(hours=5), direction="out", outcome="answered"
        )
        out_call = s.get(CallRecord, out_id)
        assert out_call is not None
        out_call.caller_name = "张业主"
        out_call.clerk_name = "王前台"
    page = TeamPage(ctx=make_ctx(sqlite_db, boss))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow, timeout=2000)
    tab = page.assessment
    tab.month.setCurrentIndex(tab.month.findData(period))
    tab.clerk.setCurrentIndex(tab.clerk.findData(wang.user_id))
    calls = next(i for i, f in enumerate(tab.figure_model.rows()) if f.key == "calls")
    line = tab.figure_model.rows()[calls]
    assert line.label == "来电与去电"  # not 接听来电: the outgoing call is counted too
    assert line.value == "3"
    first_call = next(f for f in tab.figure_model.rows() if f.key == "first_call")
    assert first_call.value.startswith("来电 2 个中 2 个")

    tab.figures.setFocus()
    tab.figures.setCurrentIndex(tab.figure_model.index(calls, 0))
    QTest.keyClick(tab.figures, Qt.Key.Key_Return)
    rows = tab.record_model.rows()
    assert [r.reference.split()[0] for r in rows] == ["来电", "来电", "去电"]
    assert rows[2].reference == f"去电 {out_id}"
    assert rows[0].detail == "当场解决"
    assert rows[2].detail != "当场解决"  # an outgoing call is not a first-call resolution
    assert rows[2].detail  # its outcome, in Chinese
    assert rows[2].detail.isascii() is False

    QTest.keyClick(tab.figures, Qt.Key.Key_Tab)
    assert tab.records.hasFocus()
    QTest.keyClick(tab.records, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(tab.records, Qt.Key.Key_Return)
    dialog = tab.call_dialog
    assert isinstance(dialog, CallDialog)
    assert dialog.windowTitle() == f"去电 {out_id}"
    shown = _form(dialog)
    assert shown["被叫人"] == "张业主"
    assert shown["拨打人"] == "王前台"
    assert "来电人" not in shown
    assert "接听人" not in shown
    assert shown["时间"].endswith("去电")
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert tab.call_dialog is None

    QTest.keyClick(tab.records, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(tab.records, Qt.Key.Key_Return)
    incoming = tab.call_dialog
    assert isinstance(incoming, CallDialog)
    assert incoming.windowTitle().startswith("来电 ")
    assert {"来电人", "接听人"} <= set(_form(incoming))
    QTest.keyClick(incoming, Qt.Key.Key_Escape)
