"""Values of household visits (走访): the reasons a visit is planned, the default rules, and
the frozen rows the visit services and queries return. No SQLAlchemy: documents and screens
import it freely."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum


class VisitReason(StrEnum):
    """Why a visit is planned (the plan item a visit fulfils)."""

    ELDERLY_ALONE = "elderly_alone"  # 独居老人：定期走访
    NEW_HOUSEHOLD = "new_household"  # 新入住：入住后 N 天内
    COMPLAINT = "complaint"  # 投诉关闭后走访
    FOLLOW_UP = "follow_up"  # 上次走访约定的下次走访
    OTHER = "other"  # 临时走访


VISIT_REASON_ZH: dict[VisitReason, str] = {
    VisitReason.ELDERLY_ALONE: "独居老人定期走访",
    VisitReason.NEW_HOUSEHOLD: "新入住走访",
    VisitReason.COMPLAINT: "投诉关闭后走访",
    VisitReason.FOLLOW_UP: "约定的下次走访",
    VisitReason.OTHER: "其他走访",
}

#: Reasons that come from a rule a manager may adjust (the others have no rule).
RULE_REASONS = (VisitReason.ELDERLY_ALONE, VisitReason.NEW_HOUSEHOLD, VisitReason.COMPLAINT)


@dataclass(frozen=True)
class VisitRule:
    """How one reason plans visits.

    ``days``: for the elderly, the interval between visits; for a new household, the days
    after moving in; after a complaint, the days after it was closed. ``lookback_days``: how
    far back a move-in or a closed complaint still calls for a visit (older ones are out of
    the plan). ``flagged_only`` (complaints): only households flagged as frequent
    complainants (频繁投诉); off, every closed complaint plans a visit to its unit, or to the
    complainant's household when it has no unit (a public area).
    """

    reason: str
    active: bool
    days: int
    lookback_days: int
    flagged_only: bool = False
    version: int = 0  # 0: the default, not stored yet


#: The rules until a manager changes them.
DEFAULT_RULES: dict[VisitReason, VisitRule] = {
    VisitReason.ELDERLY_ALONE: VisitRule(VisitReason.ELDERLY_ALONE.value, True, 30, 3650),
    VisitReason.NEW_HOUSEHOLD: VisitRule(VisitReason.NEW_HOUSEHOLD.value, True, 30, 180),
    VisitReason.COMPLAINT: VisitRule(VisitReason.COMPLAINT.value, True, 7, 90, flagged_only=True),
}
DAYS_RANGE = (1, 365)
LOOKBACK_RANGE = (1, 3650)
#: Plan items due within this many days are listed as "due soon".
DUE_SOON_DAYS = 7
RATING_RANGE = (1, 5)


def reason_label(reason: str) -> str:
    try:
        return VISIT_REASON_ZH[VisitReason(reason)]
    except ValueError:
        return reason


@dataclass(frozen=True)
class PlanItem:
    """One visit the plan calls for.

    ``trigger_id`` is what planned it: the flag (elderly), the occupancy (new household),
    the ticket (complaint) or the last visit (follow-up). ``since`` is the local date from
    which a visit to the unit fulfils it; ``due_on`` the date it is due by.
    """

    reason: str
    reason_zh: str
    trigger_id: int
    unit_id: int
    unit_code: str
    building: str
    person_name: str
    since: date
    due_on: date
    overdue: bool
    detail: str  # e.g. the complaint's ticket number, the last visit's date

    @property
    def key(self) -> tuple[str, int]:
        return (self.reason, self.trigger_id)


@dataclass(frozen=True)
class VisitRow:
    """A recorded visit as lists show it."""

    id: int
    unit_id: int
    unit_code: str
    person_name: str
    reason: str
    reason_zh: str
    visited_at: datetime
    visited_on: date
    visitor_name: str
    companions: str
    findings: str
    rating: int | None
    next_visit_on: date | None
    ticket_id: int | None
    ticket_number: str
    recorded_by: str
    version: int


@dataclass(frozen=True)
class StaffName:
    user_id: int
    name: str
