"""Enums, labels and the plain values the ticket services return."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum


class TicketKind(StrEnum):
    REPAIR = "repair"  # 报修
    COMPLAINT = "complaint"  # 投诉
    INQUIRY = "inquiry"  # 咨询
    SUGGESTION = "suggestion"  # 建议


class TicketSource(StrEnum):
    WALK_IN = "walk_in"
    PHONE = "phone"
    PATROL = "patrol"
    INSPECTION = "inspection"
    VISIT = "visit"  # 走访: raised from a household visit's findings
    SURVEY = "survey"  # 满意度调查: a dissatisfied survey answer's follow-up
    OTHER = "other"


class TicketStatus(StrEnum):
    RECEIVED = "received"  # 受理
    DISPATCHED = "dispatched"  # 派工
    IN_PROGRESS = "in_progress"  # 处理中
    DONE = "done"  # 完工
    CALLED_BACK = "called_back"  # 已回访
    CLOSED = "closed"  # 关闭
    CANCELLED = "cancelled"  # 已取消


class Urgency(StrEnum):
    EMERGENCY = "emergency"  # 紧急
    HIGH = "high"  # 加急
    NORMAL = "normal"  # 一般


class Department(StrEnum):
    ENGINEERING = "engineering"  # 工程部
    CLEANING = "cleaning"  # 保洁
    SECURITY = "security"  # 安管
    SERVICE = "service"  # 客服


class CostKind(StrEnum):
    LABOUR = "labour"
    MATERIAL = "material"


OPEN_STATUSES: frozenset[TicketStatus] = frozenset(
    {TicketStatus.RECEIVED, TicketStatus.DISPATCHED, TicketStatus.IN_PROGRESS}
)
"""Statuses in which the work is not yet done: deadlines run and tickets can be overdue."""

KIND_ZH = {
    TicketKind.REPAIR: "报修",
    TicketKind.COMPLAINT: "投诉",
    TicketKind.INQUIRY: "咨询",
    TicketKind.SUGGESTION: "建议",
}
KIND_PREFIX = {
    TicketKind.REPAIR: "BX",
    TicketKind.COMPLAINT: "TS",
    TicketKind.INQUIRY: "ZX",
    TicketKind.SUGGESTION: "JY",
}
SOURCE_ZH = {
    TicketSource.WALK_IN: "来访",
    TicketSource.PHONE: "来电",
    TicketSource.PATROL: "巡查",
    TicketSource.INSPECTION: "检查",
    TicketSource.VISIT: "走访",
    TicketSource.SURVEY: "满意度调查",
    TicketSource.OTHER: "其他",
}
STATUS_ZH = {
    TicketStatus.RECEIVED: "已受理",
    TicketStatus.DISPATCHED: "已派工",
    TicketStatus.IN_PROGRESS: "处理中",
    TicketStatus.DONE: "已完工",
    TicketStatus.CALLED_BACK: "已回访",
    TicketStatus.CLOSED: "已关闭",
    TicketStatus.CANCELLED: "已取消",
}
URGENCY_ZH = {Urgency.EMERGENCY: "紧急", Urgency.HIGH: "加急", Urgency.NORMAL: "一般"}
DEPARTMENT_ZH = {
    Department.ENGINEERING: "工程部",
    Department.CLEANING: "保洁",
    Department.SECURITY: "安管",
    Department.SERVICE: "客服",
}
COST_KIND_ZH = {CostKind.LABOUR: "人工", CostKind.MATERIAL: "材料"}


def department_label(code: str | None) -> str:
    """The Chinese name of a department code (``""`` for none)."""
    if not code:
        return ""
    try:
        return DEPARTMENT_ZH[Department(code)]
    except ValueError:
        return code


@dataclass(frozen=True)
class CategoryInfo:
    id: int
    kind: str
    code: str
    name: str
    default_department: str
    sort_key: int
    active: bool


@dataclass(frozen=True)
class SlaRuleInfo:
    """A deadline rule. ``category_id`` ``None`` is the kind's default for that urgency.

    The completion deadline is ``resolve_working_days`` working days when that is > 0,
    else ``resolve_minutes`` calendar minutes.
    """

    id: int
    kind: str
    category_id: int | None
    category_name: str
    urgency: str
    response_minutes: int
    resolve_minutes: int
    resolve_working_days: int


@dataclass(frozen=True)
class StaffInfo:
    id: int
    name: str
    department: str
    phone: str  # masked for the actor where needed
    active: bool
    version: int


@dataclass(frozen=True)
class Deadlines:
    response_due: datetime
    resolve_due: datetime


@dataclass(frozen=True)
class TicketEventInfo:
    id: int
    at: datetime
    action: str
    from_status: str
    to_status: str
    actor_name: str
    note: str


@dataclass(frozen=True)
class CostLineInfo:
    id: int
    kind: str
    description: str
    quantity: int
    unit_price_fen: int
    amount_fen: int


@dataclass(frozen=True)
class CallbackInfo:
    id: int
    at: datetime
    by_name: str
    overall: int
    speed: int
    attitude: int
    fixed: bool
    comment: str
    reopened: bool


@dataclass(frozen=True)
class QualityCheckInfo:
    id: int
    at: datetime
    by_name: str
    passed: bool
    note: str


@dataclass(frozen=True)
class AttachmentInfo:
    id: int
    file_name: str
    path: str  # absolute path in the data folder
    size: int
    added_at: datetime


@dataclass(frozen=True)
class TicketInfo:
    """Everything the ticket page shows. Phones are already masked for the actor."""

    id: int
    number: str
    kind: str
    source: str
    status: str
    urgency: str
    category_id: int
    category_name: str
    unit_id: int | None
    unit_code: str
    location: str
    person_id: int | None
    reporter_name: str
    reporter_phone: str
    description: str
    created_at: datetime
    owner_name: str
    staff_id: int | None
    staff_name: str
    department: str
    response_due: datetime
    resolve_due: datetime
    responded_at: datetime | None
    done_at: datetime | None
    closed_at: datetime | None
    cancel_reason: str
    work_done: str
    reopen_count: int
    is_paid: bool
    charge_id: int | None
    responsible_department: str
    complaint_valid: bool | None
    validity_reason: str
    root_cause: str
    resolution: str
    repeat_of: str
    overdue: bool
    version: int
    events: tuple[TicketEventInfo, ...]
    cost_lines: tuple[CostLineInfo, ...]
    callbacks: tuple[CallbackInfo, ...]
    quality_checks: tuple[QualityCheckInfo, ...]
    attachments: tuple[AttachmentInfo, ...]

    @property
    def total_fen(self) -> int:
        return sum(line.amount_fen for line in self.cost_lines)


@dataclass(frozen=True)
class CreatedTicket:
    """What intake returns: the new ticket and, for complaints, earlier ones it repeats."""

    id: int
    number: str
    deadlines: Deadlines
    repeat_numbers: tuple[str, ...]


@dataclass(frozen=True)
class TicketRow:
    """One line of a ticket list (unit/person history, queues)."""

    id: int
    number: str
    kind: str
    status: str
    category_name: str
    unit_code: str
    location: str
    reporter_name: str
    description: str
    created_at: datetime
    resolve_due: datetime
    done_at: datetime | None
    assignee: str
    overdue: bool


@dataclass(frozen=True)
class StatLine:
    """One line of the complaint statistics: counts, share, handling time and satisfaction."""

    key: str
    label: str
    count: int
    share_permille: int  # of all complaints in the range, in ‰ (integer)
    valid_count: int
    handled_count: int
    avg_handling_hours: float | None
    avg_satisfaction: float | None


@dataclass(frozen=True)
class ComplaintStats:
    start: date
    end: date
    total: int
    by_category: tuple[StatLine, ...]
    by_department: tuple[StatLine, ...]
    by_month: tuple[StatLine, ...]


@dataclass(frozen=True)
class WorkOrderLine:
    kind: str  # 人工 / 材料
    description: str
    quantity: int
    unit_price_fen: int
    amount_fen: int


@dataclass(frozen=True)
class WorkOrderData:
    """Everything printed on a work order; texts already in Chinese, the phone as the
    technician needs it (in full; :mod:`propdesk.print_audience`)."""

    estate_name: str
    company: str
    number: str
    kind: str
    category: str
    urgency: str
    source: str
    created_at: datetime
    place: str  # unit code or public location
    contact: str
    phone: str
    description: str
    response_due: datetime
    resolve_due: datetime
    assignee: str
    owner: str
    is_paid: bool
    lines: tuple[WorkOrderLine, ...]
    reopen_count: int

    @property
    def total_fen(self) -> int:
        return sum(line.amount_fen for line in self.lines)
