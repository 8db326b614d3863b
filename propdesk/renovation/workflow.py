"""The permit's state machine: which steps are legal from which state."""

from __future__ import annotations

from propdesk.errors import InvalidTransition
from propdesk.renovation.values import PERMIT_STATUS_ZH, PermitStatus

S = PermitStatus

#: action → (states it may start from, state it leads to)
TRANSITIONS: dict[str, tuple[frozenset[PermitStatus], PermitStatus]] = {
    "approve": (frozenset({S.APPLIED}), S.APPROVED),
    "reject": (frozenset({S.APPLIED}), S.REJECTED),
    "cancel": (frozenset({S.APPLIED, S.APPROVED}), S.CANCELLED),
    "accept": (frozenset({S.APPROVED}), S.ACCEPTED),
    "refund": (frozenset({S.ACCEPTED}), S.REFUNDED),
}

ACTION_ZH = {
    "approve": "批准",
    "reject": "驳回",
    "cancel": "撤销",
    "accept": "验收",
    "refund": "退还押金",
    "inspect": "巡查",
    "collect_deposit": "收取押金",
}


def next_state(current: str, action: str) -> PermitStatus:
    """The state ``action`` leads to from ``current``; :class:`InvalidTransition` if illegal."""
    sources, target = TRANSITIONS[action]
    state = PermitStatus(current)
    if state not in sources:
        raise InvalidTransition(
            f"该装修申请当前为“{PERMIT_STATUS_ZH[state]}”，不能{ACTION_ZH[action]}。"
        )
    return target


def allowed_actions(current: str) -> tuple[str, ...]:
    """Actions legal from ``current`` (the UI enables only these)."""
    state = PermitStatus(current)
    return tuple(a for a, (sources, _t) in TRANSITIONS.items() if state in sources)
