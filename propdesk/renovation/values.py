"""Plain values the renovation services return."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum


class PermitStatus(StrEnum):
    APPLIED = "applied"  # 已申请
    APPROVED = "approved"  # 已批准（施工中）
    REJECTED = "rejected"  # 已驳回
    ACCEPTED = "accepted"  # 已验收
    REFUNDED = "refunded"  # 押金已退（结案）
    CANCELLED = "cancelled"  # 已撤销


PERMIT_STATUS_ZH = {
    PermitStatus.APPLIED: "待审批",
    PermitStatus.APPROVED: "施工中",
    PermitStatus.REJECTED: "已驳回",
    PermitStatus.ACCEPTED: "已验收",
    PermitStatus.REFUNDED: "已退押金",
    PermitStatus.CANCELLED: "已撤销",
}

#: Default violation types (configurable afterwards): code, name, days to rectify.
DEFAULT_VIOLATION_TYPES: tuple[tuple[str, str, int], ...] = (
    ("working_hours", "违规时段施工", 1),
    ("load_bearing", "破坏承重结构", 1),
    ("debris", "装修垃圾乱堆放", 2),
    ("fire_safety", "消防安全隐患", 1),
    ("noise", "噪音扰民", 1),
)


@dataclass(frozen=True)
class WorkerSpec:
    name: str
    phone: str = ""


@dataclass(frozen=True)
class PermitApplication:
    """What the clerk enters for a new application."""

    unit_id: int
    owner_name: str
    contractor: str
    scope: str
    planned_start: date
    planned_end: date
    deposit_fen: int
    owner_phone: str = ""
    contractor_contact: str = ""
    contractor_phone: str = ""
    workers: tuple[WorkerSpec, ...] = ()


@dataclass(frozen=True)
class WorkerInfo:
    id: int
    name: str
    phone: str  # masked for the actor
    pass_no: str


@dataclass(frozen=True)
class ViolationInfo:
    id: int
    inspection_id: int
    type_code: str
    type_name: str
    description: str
    deadline: date
    status: str
    rectified_on: date | None
    follow_up_note: str
    ticket_id: int | None


@dataclass(frozen=True)
class InspectionInfo:
    id: int
    inspected_on: date
    inspector: str
    result: str
    notes: str
    photo_count: int
    violations: tuple[ViolationInfo, ...]


@dataclass(frozen=True)
class DeductionInfo:
    reason: str
    amount_fen: int


@dataclass(frozen=True)
class PermitInfo:
    id: int
    permit_no: str
    unit_id: int
    unit_code: str
    owner_name: str
    owner_phone: str  # masked for the actor
    contractor: str
    contractor_contact: str
    contractor_phone: str  # masked for the actor
    scope: str
    planned_start: date
    planned_end: date
    deposit_fen: int
    deposit_receipt_no: str
    status: str
    decision_reason: str
    decided_by: str
    decided_at: datetime | None
    accepted_on: date | None
    accepted_by: str
    acceptance_note: str
    refund_fen: int | None
    refunded_on: date | None
    version: int
    workers: tuple[WorkerInfo, ...]
    inspections: tuple[InspectionInfo, ...]
    deductions: tuple[DeductionInfo, ...]

    @property
    def deposit_paid(self) -> bool:
        return self.deposit_fen == 0 or bool(self.deposit_receipt_no)

    @property
    def open_violations(self) -> int:
        return sum(1 for i in self.inspections for v in i.violations if v.status == "open")


@dataclass(frozen=True)
class ViolationSpec:
    """A violation to record at an inspection. ``deadline`` None: the type's default days."""

    type_id: int
    description: str = ""
    deadline: date | None = None
    raise_ticket: bool = False


@dataclass(frozen=True)
class ViolationTypeInfo:
    id: int
    code: str
    name: str
    default_days: int
    active: bool


@dataclass(frozen=True)
class InspectionDue:
    """A permit to inspect on a day: its daily round, or a violation's follow-up due."""

    permit_id: int
    permit_no: str
    unit_id: int
    unit_code: str
    reason: str  # "daily" or "follow_up"
    violation_id: int | None
    what: str  # Chinese description for lists


@dataclass(frozen=True)
class GlanceRow:
    """One line of the at-a-glance view."""

    kind: str  # "permit_overdue", "permit_expiring", "inspection_due", "violation_overdue"
    permit_id: int
    permit_no: str
    unit_code: str
    day: date
    what: str
