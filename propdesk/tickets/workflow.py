"""The ticket state diagram, as data, and the one function that moves a ticket along it.

::

    received ─dispatch→ dispatched ─start→ in_progress ─complete→ done ─callback→ called_back ─close→ closed
                 ↺ dispatch (reassign)                              │
                     ↑────────────── reopen (failed callback) ──────┘
    received | dispatched | in_progress ─cancel(reason)→ cancelled

Every transition appends exactly one :class:`~propdesk.tickets.models.TicketEvent`;
a step the diagram does not allow raises :class:`~propdesk.errors.InvalidTransition`
and changes nothing.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy.orm import Session

from propdesk.errors import InvalidTransition
from propdesk.session_info import actor_or_system
from propdesk.tickets.models import Ticket, TicketEvent
from propdesk.tickets.values import STATUS_ZH, TicketStatus

S = TicketStatus


class Action(StrEnum):
    CREATE = "create"
    DISPATCH = "dispatch"
    START = "start"
    COMPLETE = "complete"
    CALLBACK = "callback"
    REOPEN = "reopen"
    CLOSE = "close"
    CANCEL = "cancel"
    # Events that do not move the ticket:
    NOTE = "note"
    QUALITY_CHECK = "quality_check"
    FINDINGS = "findings"
    COSTS = "costs"
    ATTACH = "attach"


ACTION_ZH = {
    Action.CREATE: "受理",
    Action.DISPATCH: "派工",
    Action.START: "开始处理",
    Action.COMPLETE: "完工",
    Action.CALLBACK: "回访",
    Action.REOPEN: "回访不满意，重新派工",
    Action.CLOSE: "关闭",
    Action.CANCEL: "取消",
    Action.NOTE: "备注",
    Action.QUALITY_CHECK: "质检",
    Action.FINDINGS: "投诉处理结论",
    Action.COSTS: "有偿服务费用",
    Action.ATTACH: "附件",
}

TRANSITIONS: dict[Action, tuple[frozenset[TicketStatus], TicketStatus]] = {
    Action.DISPATCH: (frozenset({S.RECEIVED, S.DISPATCHED}), S.DISPATCHED),
    Action.START: (frozenset({S.DISPATCHED}), S.IN_PROGRESS),
    Action.COMPLETE: (frozenset({S.IN_PROGRESS}), S.DONE),
    Action.CALLBACK: (frozenset({S.DONE}), S.CALLED_BACK),
    Action.REOPEN: (frozenset({S.DONE}), S.DISPATCHED),
    Action.CLOSE: (frozenset({S.CALLED_BACK}), S.CLOSED),
    Action.CANCEL: (frozenset({S.RECEIVED, S.DISPATCHED, S.IN_PROGRESS}), S.CANCELLED),
}
"""For each moving action: the statuses it may start from, and where it leads."""

ALLOWED_EDGES: frozenset[tuple[TicketStatus, TicketStatus]] = frozenset(
    (src, dst) for sources, dst in TRANSITIONS.values() for src in sources
)


def allowed_actions(status: str) -> list[Action]:
    """The moving actions possible from ``status`` (for enabling buttons)."""
    return [a for a, (sources, _dst) in TRANSITIONS.items() if TicketStatus(status) in sources]


def check(ticket: Ticket, action: Action) -> TicketStatus:
    """Raise :class:`InvalidTransition` unless ``action`` is allowed now; return the target."""
    sources, target = TRANSITIONS[action]
    current = TicketStatus(ticket.status)
    if current not in sources:
        raise InvalidTransition(
            f"工单 {ticket.number} 当前状态为“{STATUS_ZH[current]}”，不能执行“{ACTION_ZH[action]}”。"
        )
    return target


def record(
    session: Session,
    ticket: Ticket,
    action: Action,
    at: datetime,
    *,
    note: str = "",
    from_status: str = "",
    to_status: str = "",
) -> None:
    """Append one timeline event for ``ticket`` by the session's actor."""
    actor = actor_or_system(session)
    session.add(
        TicketEvent(
            ticket_id=ticket.id,
            at=at,
            action=action.value,
            from_status=from_status,
            to_status=to_status,
            actor_user_id=actor.user_id,
            actor_name=actor.display_name,
            note=note.strip(),
        )
    )


def move(session: Session, ticket: Ticket, action: Action, at: datetime, *, note: str = "") -> None:
    """Check, change ``ticket.status`` and record the one event of this transition."""
    target = check(ticket, action)
    source = ticket.status
    ticket.status = target.value
    record(session, ticket, action, at, note=note, from_status=source, to_status=target.value)
