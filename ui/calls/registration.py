"""The call desk's entries: the Call desk page, F9 (a call card from anywhere) and the
status-bar figure of the call queue."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ui import extensions as ext

CALL_CARD_SHORTCUT = "F9"  # F1 help, F2 ticket, F3/F4 parcels & visitors, F6 fees
OUTGOING_SHORTCUT = "Shift+F9"


def queue_counter_text(counts: tuple[int, int]) -> str:
    """ "Call queue: N (M overdue)" for the status bar ("" when empty)."""
    waiting, late = counts
    if not waiting:
        return ""
    text = QCoreApplication.translate("CallStatus", "Call queue: %1").replace("%1", str(waiting))
    if late:
        text += QCoreApplication.translate("CallStatus", " (%1 overdue)").replace("%1", str(late))
    return text


def feature() -> ext.Feature:
    return ext.Feature(
        "calls",
        nav=(
            ext.NavModule(
                "calls",
                str(QT_TRANSLATE_NOOP("NavModule", "Call desk")),
                7,
                ext.lazy_page("ui.calls.page", "CallDeskPage"),
            ),
        ),
        menu=(
            ext.MenuAction(
                "records",
                str(QT_TRANSLATE_NOOP("MenuAction", "Incoming call…")),
                5,
                ext.lazy("ui.calls.desk", "open_call_card"),
                shortcut=CALL_CARD_SHORTCUT,
            ),
            ext.MenuAction(
                "records",
                str(QT_TRANSLATE_NOOP("MenuAction", "Outgoing call…")),
                6,
                ext.lazy("ui.calls.desk", "open_outgoing_call"),
                shortcut=OUTGOING_SHORTCUT,
            ),
        ),
        counters=(
            ext.StatusCounter(
                "call_queue",
                lambda c: c.calls,
                ext.lazy("propdesk.calls.calls", "count_queue"),
                queue_counter_text,
            ),
        ),
    )
