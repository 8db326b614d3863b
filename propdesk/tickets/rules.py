"""Conditions the ticket screens show, decided here rather than in the UI.

Which actions a ticket page offers (beyond the workflow's status moves), whether a deadline
was met late, and whether a phone the desk was given is only its masked form.
"""

from __future__ import annotations

from datetime import datetime

from propdesk.tickets.values import TicketInfo
from propdesk.tickets.workflow import Action, allowed_actions

PAGE_ACTIONS = (
    "dispatch",
    "start",
    "complete",
    "callback",
    "close",
    "cancel",
    "note",
    "print",
    "findings",
    "costs",
    "quality",
    "attach",
)
"""Every action of the ticket page, in button order."""

_COSTS_EDITABLE = frozenset({"received", "dispatched", "in_progress"})


def page_actions(ticket: TicketInfo, *, may_approve: bool) -> frozenset[str]:
    """The page actions (:data:`PAGE_ACTIONS`) open for ``ticket`` now.

    The status moves follow the workflow; complaint findings are for complaints not
    cancelled; paid-service costs for repairs not yet done; a quality check for a closed
    ticket, by someone who may approve.
    """
    moves = set(allowed_actions(ticket.status))
    open_: set[str] = {"note", "attach"}
    for key, action in (
        ("dispatch", Action.DISPATCH),
        ("start", Action.START),
        ("complete", Action.COMPLETE),
        ("callback", Action.CALLBACK),
        ("close", Action.CLOSE),
        ("cancel", Action.CANCEL),
    ):
        if action in moves:
            open_.add(key)
    if ticket.status != "cancelled":
        open_.add("print")
        if ticket.kind == "complaint":
            open_.add("findings")
    if ticket.kind == "repair" and ticket.status in _COSTS_EDITABLE:
        open_.add("costs")
    if ticket.status == "closed" and may_approve:
        open_.add("quality")
    return frozenset(open_)


def met_late(due: datetime, met: datetime | None) -> bool:
    """Whether a deadline was met after it fell due (``False`` while not met yet)."""
    return met is not None and met > due


def is_masked_phone(shown: str) -> bool:
    """Whether ``shown`` is a masked phone (:func:`propdesk.privacy.mask_phone`), not the number."""
    return "*" in shown
