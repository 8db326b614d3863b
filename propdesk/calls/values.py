"""Plain values of the call desk: enums with their Chinese labels and frozen result rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum


class Direction(StrEnum):
    IN = "in"  # 来电
    OUT = "out"  # 去电（回访、催缴）


class CallState(StrEnum):
    MISSED = "missed"  # 未接/待登记：来电到达但尚未登记
    LOGGED = "logged"  # 已登记


class Topic(StrEnum):
    CONSULTATION = "consultation"
    REPAIR = "repair"
    COMPLAINT = "complaint"
    SUGGESTION = "suggestion"
    PRAISE = "praise"
    OTHER = "other"


class Outcome(StrEnum):
    ANSWERED = "answered"  # 已解答
    TICKET = "ticket"  # 已建工单
    TRANSFERRED = "transferred"  # 已转接
    CALLBACK = "callback"  # 需回电
    NO_ANSWER = "no_answer"  # 去电未接通
    MISSED = "missed"  # 未接来电


class OutageKind(StrEnum):
    WATER = "water"
    POWER = "power"
    ELEVATOR = "elevator"
    GAS = "gas"


class Recurrence(StrEnum):
    NONE = "none"
    DAILY = "daily"
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    YEARLY = "yearly"


class ReminderKind(StrEnum):
    REMINDER = "reminder"  # 事务提醒
    INSTRUCTION = "instruction"  # 住户嘱托（如“12-20前外出，代收快递”）


class DirectoryCategory(StrEnum):
    WATER = "water"
    POWER = "power"
    GAS = "gas"
    TELECOM = "telecom"
    POLICE = "police"
    COMMUNITY = "community"
    CONTRACTOR = "contractor"
    OTHER = "other"


TOPIC_ZH = {
    Topic.CONSULTATION: "咨询",
    Topic.REPAIR: "报修",
    Topic.COMPLAINT: "投诉",
    Topic.SUGGESTION: "建议",
    Topic.PRAISE: "表扬",
    Topic.OTHER: "其他",
}
OUTCOME_ZH = {
    Outcome.ANSWERED: "已解答",
    Outcome.TICKET: "已建工单",
    Outcome.TRANSFERRED: "已转接",
    Outcome.CALLBACK: "需回电",
    Outcome.NO_ANSWER: "未接通",
    Outcome.MISSED: "未接来电",
}
OUTAGE_KIND_ZH = {
    OutageKind.WATER: "停水",
    OutageKind.POWER: "停电",
    OutageKind.ELEVATOR: "电梯停运",
    OutageKind.GAS: "停气",
}
RECURRENCE_ZH = {
    Recurrence.NONE: "一次",
    Recurrence.DAILY: "每天",
    Recurrence.WEEKLY: "每周",
    Recurrence.MONTHLY: "每月",
    Recurrence.YEARLY: "每年",
}
DIRECTORY_CATEGORY_ZH = {
    DirectoryCategory.WATER: "供水",
    DirectoryCategory.POWER: "供电",
    DirectoryCategory.GAS: "燃气",
    DirectoryCategory.TELECOM: "通信",
    DirectoryCategory.POLICE: "公安/消防/急救",
    DirectoryCategory.COMMUNITY: "社区/街道",
    DirectoryCategory.CONTRACTOR: "外包/维保单位",
    DirectoryCategory.OTHER: "其他",
}
ROLE_ZH = {"owner": "业主", "co_owner": "共有人", "family": "家属", "tenant": "租户"}


@dataclass(frozen=True)
class Household:
    """One unit a caller's number belongs to, with who answered to that number."""

    unit_id: int
    unit_code: str
    building_id: int
    person_id: int
    person_name: str
    role: str  # owner / co_owner / family / tenant
    phone_shown: str

    @property
    def label(self) -> str:
        return f"{self.unit_code}  {self.person_name}（{ROLE_ZH.get(self.role, self.role)}）"


@dataclass(frozen=True)
class OutageRow:
    id: int
    kind: str
    planned: bool
    title: str
    starts_at: datetime
    ends_at: datetime | None
    actual_end_at: datetime | None
    reason: str
    script: str
    scope: str  # "1栋、2栋" or "全小区"
    building_ids: tuple[int, ...]
    unit_ids: tuple[int, ...]
    closed: bool
    version: int

    @property
    def kind_zh(self) -> str:
        return OUTAGE_KIND_ZH.get(OutageKind(self.kind), self.kind)


@dataclass(frozen=True)
class CallRow:
    id: int
    direction: str
    state: str
    at: datetime
    number_shown: str
    caller: str  # person name, or 未知来电
    unit_code: str
    topic: str
    summary: str
    outcome: str
    clerk: str
    ticket_id: int | None
    ticket_number: str
    transfer_to: str
    callback_due: datetime | None
    callback_done_at: datetime | None
    parent_id: int | None


@dataclass(frozen=True)
class QueueItem:
    """A missed call or a callback due, with its deadline."""

    call_id: int
    kind: str  # "missed" | "callback"
    number_shown: str
    caller: str
    unit_code: str
    summary: str
    deadline: datetime
    overdue: bool


@dataclass(frozen=True)
class TicketBrief:
    id: int
    number: str
    status: str
    description: str


@dataclass(frozen=True)
class CallerContext:
    """What the call card shows beside the form for one household."""

    household: Household | None
    open_tickets: tuple[TicketBrief, ...]
    arrears_fen: int
    outages: tuple[OutageRow, ...]
    recent_calls: tuple[CallRow, ...]


@dataclass(frozen=True)
class KbEntryRow:
    id: int
    question: str
    answer: str
    category: str
    tags: str
    ticket_categories: str
    owner_name: str
    owner_user_id: int | None
    last_checked: date | None
    expires_on: date | None
    expired: bool
    version: int


@dataclass(frozen=True)
class KbMissRow:
    query: str
    times: int
    last_at: datetime


@dataclass(frozen=True)
class DirectoryRow:
    id: int
    name: str
    category: str
    phone: str
    extension: str
    notes: str
    version: int


@dataclass(frozen=True)
class ReminderRow:
    id: int
    kind: str
    title: str
    note: str
    unit_id: int | None
    unit_code: str
    person_id: int | None
    person_name: str
    due_on: date
    recurrence: str
    valid_until: date | None
    assignee_user_id: int | None
    assignee_name: str  # "" = the desk
    active: bool
    version: int


@dataclass(frozen=True)
class TodayItem:
    """One line of the Today panel; ``record`` says what opens it."""

    kind: str  # callback | reminder | instruction | deposit | key | parcel
    ref: int
    title: str
    detail: str
    due: date | None
    overdue: bool
    record_kind: str  # "call", "unit", "person", "reminder", ""
    record_id: int | None


@dataclass(frozen=True)
class CallStats:
    """Call statistics of a period (话务量)."""

    start: date
    end: date
    total: int
    inbound: int
    outbound: int
    missed: int
    by_hour: tuple[int, ...]  # 24
    by_weekday: tuple[int, ...]  # 7, Monday first
    by_topic: tuple[tuple[str, int], ...]
    by_outcome: tuple[tuple[str, int], ...]
    by_clerk: tuple[tuple[str, int], ...]
    first_call_resolved: int
    first_call_base: int
    callbacks_due: int
    callbacks_on_time: int

    @property
    def fcr_rate(self) -> float:
        return self.first_call_resolved / self.first_call_base if self.first_call_base else 0.0

    @property
    def callback_on_time_rate(self) -> float:
        return self.callbacks_on_time / self.callbacks_due if self.callbacks_due else 0.0
