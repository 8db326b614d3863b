"""Plain values of the monthly management report (管理月报); built by :mod:`.monthly`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from propdesk.activities.values import ActivityFigures
from propdesk.calls.values import CallStats, OutageRow
from propdesk.fees.document_values import CollectionRow
from propdesk.surveys.values import SurveyMonthFigures
from propdesk.tickets.values import ComplaintStats


def ratio(part: int, whole: int) -> float | None:
    """``part / whole`` or ``None`` when there is nothing to divide by."""
    return part / whole if whole else None


@dataclass(frozen=True)
class Count:
    """One labelled count (a bar of a chart, a row of a table)."""

    key: str
    label: str
    count: int


@dataclass(frozen=True)
class TicketSection:
    """Service tickets registered in the month (by intake date).

    ``response_*``: tickets that got a first response, and how many within the deadline;
    ``resolve_*``: tickets done, and how many by the completion deadline.
    """

    total: int
    by_kind: tuple[Count, ...]
    by_category: tuple[Count, ...]  # label: "报修 · 水电"
    by_status: tuple[Count, ...]
    responded: int
    avg_response_minutes: float | None
    done: int
    avg_completion_hours: float | None
    response_on_time: int
    resolve_on_time: int
    cancelled: int = 0  # registered in the window and cancelled: in no other figure

    @property
    def complaints(self) -> int:
        """Complaints registered (not cancelled): the one complaint count of the report."""
        return next((c.count for c in self.by_kind if c.key == "complaint"), 0)

    @property
    def response_hit_rate(self) -> float | None:
        return ratio(self.response_on_time, self.responded)

    @property
    def sla_hit_rate(self) -> float | None:
        """Share of the tickets done that were done by their completion deadline."""
        return ratio(self.resolve_on_time, self.done)


@dataclass(frozen=True)
class CallbackSection:
    """Callbacks (回访) made in the month."""

    count: int
    avg_overall: float | None
    avg_speed: float | None
    avg_attitude: float | None
    by_score: tuple[int, int, int, int, int]  # how many rated 1…5 overall
    satisfied: int  # overall ≥ 4
    not_fixed: int

    @property
    def satisfied_rate(self) -> float | None:
        return ratio(self.satisfied, self.count)


@dataclass(frozen=True)
class RenovationSection:
    """Renovation permits, inspections and violations in the month."""

    applied: int
    approved: int
    rejected: int
    accepted: int  # completion acceptance (验收)
    active_at_end: int  # approved, not accepted/cancelled, on the last day
    inspections: int
    inspections_by_result: tuple[Count, ...]
    violations: int
    violations_by_type: tuple[Count, ...]
    violations_rectified: int  # rectified during the month (any found date)
    violations_open_at_end: int


@dataclass(frozen=True)
class PatrolSection:
    """Patrols of the month: checkpoints checked, missed, anomalies."""

    patrols: int
    finished: int
    checkpoints: int
    checked: int  # normal + abnormal
    missed: int
    anomalies: int
    anomalies_ticketed: int
    anomalies_resolved: int
    anomalies_by_area: tuple[Count, ...]

    @property
    def completion_rate(self) -> float | None:
        return ratio(self.checked, self.checkpoints)


@dataclass(frozen=True)
class DeskSection:
    """Parcels (快递代收) and keys in custody (钥匙托管)."""

    parcels_received: int
    parcels_collected: int
    parcels_returned: int
    parcels_waiting_at_end: int
    keys_deposited: int
    key_loans: int
    keys_returned: int
    key_loans_late: int  # due in the month and returned late or not yet


@dataclass(frozen=True)
class FeeSection:
    """Billed vs collected for the month's period, by building; arrears ageing."""

    by_building: tuple[CollectionRow, ...]
    total: CollectionRow
    payments: int
    payments_fen: int  # money received in the month (receipts not voided)
    arrears_as_of: date
    arrears_units: int
    ageing_fen: tuple[int, int, int, int]  # ≤30, 31–90, 91–180, >180 days
    # 红冲: receipts of closed months voided during this month (count, amount received)
    reversals: int = 0
    reversals_fen: int = 0

    @property
    def arrears_fen(self) -> int:
        return sum(self.ageing_fen)


@dataclass(frozen=True)
class Headline:
    """Key figures of one month, for the comparison with other months."""

    period: str
    tickets: int
    complaints: int
    sla_hit_rate: float | None
    avg_satisfaction: float | None
    violations: int
    anomalies: int
    billed_fen: int
    collected_fen: int

    @property
    def collection_rate(self) -> float | None:
        return ratio(self.collected_fen, self.billed_fen)


@dataclass(frozen=True)
class CareMonthFigures:
    """Household care (关怀走访) of a window of local days: counts only, no names or text.

    Visits count by their local date (``visited_on``) in the window: how many, the households
    (distinct units) visited, by reason (every :class:`VisitReason`, zeros included), the
    ratings given and their mean (1–5, ``None`` when none was given), and the findings raised
    as tickets. Flags count by when they were set (``created_at``) and ended (``ended_at``)
    in the window, whatever their visibility (a count names nobody).

    ``visits_overdue``/``reviews_overdue`` are the app's own counts of now
    (:func:`propdesk.care.visit_plan.count_overdue_visits`,
    :func:`propdesk.care.queries.count_overdue`) on ``overdue_as_of``: only for a window that
    ends today or later; ``None`` for a past month (a figure of now would be wrong for it).
    """

    visits: int
    households: int
    by_reason: tuple[Count, ...]
    ratings: int
    average_rating: float | None
    ticketed: int
    flags_new: int
    flags_ended: int
    visits_overdue: int | None = None
    reviews_overdue: int | None = None
    overdue_as_of: date | None = None

    @property
    def empty(self) -> bool:
        """Nothing happened in the window: no visit, no flag set or ended."""
        return not (self.visits or self.flags_new or self.flags_ended)

    @property
    def current(self) -> bool:
        """The overdue figures of now are given (the window ends today or later)."""
        return self.overdue_as_of is not None


@dataclass(frozen=True)
class MonthNotes:
    """The written part of a month's report; ``version`` 0: nothing written yet."""

    period: str
    summary: str = ""
    problems: str = ""
    plan: str = ""
    updated_by: str = ""
    version: int = 0


@dataclass(frozen=True)
class MonthlyReport:
    """The whole monthly management report of ``period`` (``YYYY-MM``).

    ``previous``/``last_year`` are ``None`` when there is nothing to compare with (a month
    before the estate's first record, or a rolling window). ``rolling_days``: the figures
    cover the ``start``…``end`` window of that many days instead of the calendar month.
    """

    period: str
    estate_name: str
    company: str
    start: date
    end: date
    tickets: TicketSection
    callbacks: CallbackSection
    complaints: ComplaintStats
    renovation: RenovationSection
    patrols: PatrolSection
    desk: DeskSection
    fees: FeeSection
    current: Headline
    previous: Headline | None
    last_year: Headline | None
    notes: MonthNotes | None = None
    rolling_days: int | None = None
    calls: CallStats | None = None
    """The call desk's figures of the window (话务量), ``None`` when not computed."""
    outages: tuple[OutageRow, ...] = ()
    """Outages (停水/停电/电梯/燃气) that began in the window."""
    activities: ActivityFigures | None = None
    """Community activities of the window (社区活动), ``None`` when not computed."""
    surveys: SurveyMonthFigures | None = None
    """Satisfaction surveys that ended in the window (满意度调查), ``None`` when not computed."""
    care: CareMonthFigures | None = None
    """Household visits and attention flags of the window (关怀走访), ``None`` when not computed."""
