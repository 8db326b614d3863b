"""The team module's value types (no SQLAlchemy): what the services return and what the
printed assessment sheet and roster take."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from propdesk import clock
from propdesk.calls.values import Direction, Outcome
from propdesk.surveys.values import CallOutcome

CALLBACK_HOURS = 48
RESOLVED = (Outcome.ANSWERED.value, Outcome.TICKET.value)


@dataclass(frozen=True)
class TicketRec:
    id: int
    number: str
    created_at: datetime
    responded_at: datetime | None

    @property
    def response_minutes(self) -> float | None:
        if self.responded_at is None:
            return None
        return (self.responded_at - self.created_at).total_seconds() / 60


@dataclass(frozen=True)
class CallbackRec:
    id: int
    ticket_number: str
    at: datetime
    ticket_done_at: datetime | None
    overall: int

    @property
    def on_time(self) -> bool:
        return self.ticket_done_at is not None and self.at <= self.ticket_done_at + timedelta(
            hours=CALLBACK_HOURS
        )


@dataclass(frozen=True)
class CallRec:
    id: int
    at: datetime
    direction: str
    outcome: str

    @property
    def resolved(self) -> bool:
        return self.direction == Direction.IN.value and self.outcome in RESOLVED


@dataclass(frozen=True)
class SurveyCallRec:
    """One satisfaction-survey call the clerk made (an attempt in a campaign's call queue)."""

    id: int
    at: datetime
    campaign: str
    unit_code: str
    outcome: str  # a CallOutcome value

    @property
    def answered(self) -> bool:
        return self.outcome == CallOutcome.ANSWERED.value


@dataclass(frozen=True)
class Figures:
    user_id: int
    period: str
    tickets_registered: int
    responded: int
    avg_response_minutes: float | None
    callbacks: int
    callbacks_on_time: int
    avg_satisfaction: float | None
    calls_handled: int
    inbound_calls: int
    first_call_resolved: int
    survey_calls: int = 0  # satisfaction-survey calls made (every attempt)
    survey_answered: int = 0  # of those, the ones that completed a questionnaire

    @property
    def first_call_resolution(self) -> float | None:
        return self.first_call_resolved / self.inbound_calls if self.inbound_calls else None


@dataclass(frozen=True)
class SignOff:
    comment: str
    comment_by_name: str
    comment_at: datetime | None
    ack_at: datetime | None
    ack_by_name: str
    version: int


@dataclass(frozen=True)
class Sheet:
    user_id: int
    clerk_name: str
    figures: Figures
    sign_off: SignOff


@dataclass(frozen=True)
class ShiftRow:
    id: int
    code: str
    name: str
    starts: time
    ends: time

    @property
    def short(self) -> str:
        """The one-character code a roster cell shows (早, 中, 夜)."""
        return (self.name or self.code)[:1]

    @property
    def hours(self) -> str:
        """``22:00–08:00``."""
        return f"{self.starts:%H:%M}–{self.ends:%H:%M}"

    @property
    def crosses_midnight(self) -> bool:
        return self.ends <= self.starts

    def window(self, day: date) -> tuple[datetime, datetime]:
        """The aware start and end of this shift rostered on local ``day``."""
        start = clock.local_datetime(day, self.starts)
        end_day = day + timedelta(days=1) if self.crosses_midnight else day
        return start, clock.local_datetime(end_day, self.ends)


@dataclass(frozen=True)
class OnDuty:
    user_id: int
    name: str
    shift: ShiftRow
    day: date
    starts_at: datetime
    ends_at: datetime


@dataclass(frozen=True)
class RosterClerk:
    user_id: int
    name: str


@dataclass(frozen=True)
class MonthRoster:
    """The roster of one month as a grid: clerks (rows) × days (columns)."""

    year: int
    month: int
    days: tuple[date, ...]
    clerks: tuple[RosterClerk, ...]
    shifts: tuple[ShiftRow, ...]
    cells: dict[tuple[int, date], tuple[int, ...]]  # (user_id, day) -> shift ids by start

    def shift(self, shift_id: int) -> ShiftRow | None:
        return next((s for s in self.shifts if s.id == shift_id), None)


@dataclass(frozen=True)
class HandoverRoster:
    """Who the roster has on duty now and on the next shift (for the handover)."""

    at: datetime
    on_duty: tuple[OnDuty, ...]
    incoming: tuple[OnDuty, ...]


class VolumeSource(StrEnum):
    CALLS = "calls"
    TICKETS = "tickets"


@dataclass(frozen=True)
class HourlyVolume:
    period: str
    source: VolumeSource
    counts: tuple[int, ...]  # 24 counts, index = local hour of day

    @property
    def total(self) -> int:
        return sum(self.counts)

    @property
    def busiest(self) -> int | None:
        """The hour with the most (the first of equals), None when there is nothing."""
        if not self.total:
            return None
        return max(range(24), key=lambda h: (self.counts[h], -h))


@dataclass(frozen=True)
class AssessmentSheetData:
    estate_name: str
    company: str
    sheet: Sheet
    printed_at: datetime


@dataclass(frozen=True)
class RosterPrintData:
    estate_name: str
    company: str
    grid: MonthRoster
    volume: HourlyVolume
    printed_at: datetime
