"""Opening call cards: F9 from anywhere, a call arriving from the caller-ID hook, a callback
from the queue. One :class:`CallDesk` per main window keeps the open cards alive (so a card
survives a screen lock and is never garbage-collected while open).

A call that arrives while the clerk is typing in a dialog (a modal dialog is open, or a
card is already open) is only recorded: it waits in the queue with its deadline and the
status bar says so; the clerk's focus is never taken.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import isValid

from propdesk.changes import Changes
from ui.context import AppContext

if TYPE_CHECKING:
    from ui.calls.card import CallCard
    from ui.calls.endpoint import CallEndpoint

_DESK_ATTR = "_propdesk_call_desk"


class CallDesk(QObject):
    """The call cards of one main window.

    Signals:
        queued(str): a call arrived while the clerk was busy; it waits in the queue.
    """

    queued = Signal(str)

    def __init__(self, *, ctx: AppContext, window: QWidget) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self.cards: list[CallCard] = []
        self.endpoint: CallEndpoint | None = None

    def open_card(
        self,
        *,
        number: str = "",
        call_id: int | None = None,
        outbound_for: int | None = None,
        outbound: bool = False,
    ) -> CallCard:
        from ui.calls.card import CallCard  # the card's modules load when first used

        card = CallCard(
            ctx=self.ctx,
            number=number,
            call_id=call_id,
            outbound_for=outbound_for,
            outbound=outbound,
            parent=self.window,
        )
        self.cards = [c for c in self.cards if isValid(c) and c.isVisible()]
        self.cards.append(card)
        card.finished.connect(lambda _r, c=card: self._closed(c))
        card.show()
        card.raise_()
        card.activateWindow()
        return card

    def _closed(self, card: CallCard) -> None:
        if card in self.cards:
            self.cards.remove(card)
        card.deleteLater()

    def busy(self) -> bool:
        """The clerk is typing in a dialog (or already on a call): do not pop a card."""
        if QApplication.activeModalWidget() is not None:
            return True
        return any(isValid(c) and c.isVisible() for c in self.cards)

    def incoming(self, number: str) -> None:
        """A call arrives (caller-ID): recorded at once; the card pops only when the clerk
        is free, otherwise the call waits in the queue."""

        def rung(call_id: int) -> None:
            if self.busy():
                self.queued.emit(number)
                return
            self.open_card(number=number, call_id=call_id)

        from propdesk.calls.calls import ring

        self.ctx.op(
            lambda s: ring(s, number),
            changes=Changes(calls=True),
            parent=self.window,
            action="incoming call",
        ).success(rung).run()


def call_desk(ctx: AppContext, window: QWidget) -> CallDesk:
    """The call desk of ``window`` (created on first use)."""
    desk = getattr(window, _DESK_ATTR, None)
    if not isinstance(desk, CallDesk) or not isValid(desk):
        desk = CallDesk(ctx=ctx, window=window)
        setattr(window, _DESK_ATTR, desk)
        _start_endpoint(desk)
    return desk


def _start_endpoint(desk: CallDesk) -> None:
    from ui.calls.endpoint import start_endpoint

    start_endpoint(desk)


def open_call_card(ctx: AppContext, parent: QWidget) -> None:
    """F9: a new call card (menu command)."""
    window = parent.window()
    call_desk(ctx, window).open_card()


def open_outgoing_call(ctx: AppContext, parent: QWidget) -> None:
    """Shift+F9: log a call the desk makes (a dunning call, a ticket follow-up)."""
    call_desk(ctx, parent.window()).open_card(outbound=True)
