"""Enums, Chinese labels and the plain values the desk services return."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any


class CheckpointArea(StrEnum):
    LOBBY = "lobby"  # 大堂
    ELEVATOR = "elevator"  # 电梯
    FIRE = "fire"  # 消防设施
    GARAGE = "garage"  # 车库
    ROOF = "roof"  # 屋面
    PLANT = "plant"  # 设备房
    VACANT = "vacant"  # 空置房
    OTHER = "other"  # 其他


class PatrolStatus(StrEnum):
    IN_PROGRESS = "in_progress"
    FINISHED = "finished"


class FindingResult(StrEnum):
    PENDING = "pending"  # not yet ticked
    NORMAL = "normal"
    ABNORMAL = "abnormal"
    MISSED = "missed"  # not checked when the patrol finished


class EntryKind(StrEnum):
    EVENT = "event"  # 事件
    INQUIRY = "inquiry"  # 来访来电
    INCIDENT = "incident"  # 突发
    REMINDER = "reminder"  # 待办提醒


class EntryStatus(StrEnum):
    INFO = "info"  # a record, nothing to follow up
    OPEN = "open"  # needs follow-up: carries over at handover
    DONE = "done"
    CARRIED = "carried"  # handed over; continued by an entry of the next shift


class HandoverItemKind(StrEnum):
    TICKET = "ticket"
    KEY = "key"
    PARCEL = "parcel"
    ANOMALY = "anomaly"
    INSPECTION = "inspection"
    VACANT = "vacant"
    ENTRY = "entry"


class ParcelStatus(StrEnum):
    WAITING = "waiting"
    COLLECTED = "collected"
    RETURNED = "returned"  # sent back to the carrier


AREA_ZH = {
    CheckpointArea.LOBBY: "大堂",
    CheckpointArea.ELEVATOR: "电梯",
    CheckpointArea.FIRE: "消防设施",
    CheckpointArea.GARAGE: "车库",
    CheckpointArea.ROOF: "屋面",
    CheckpointArea.PLANT: "设备房",
    CheckpointArea.VACANT: "空置房",
    CheckpointArea.OTHER: "其他",
}
PATROL_STATUS_ZH = {PatrolStatus.IN_PROGRESS: "进行中", PatrolStatus.FINISHED: "已完成"}
RESULT_ZH = {
    FindingResult.PENDING: "未检查",
    FindingResult.NORMAL: "正常",
    FindingResult.ABNORMAL: "异常",
    FindingResult.MISSED: "漏检",
}
ENTRY_KIND_ZH = {
    EntryKind.EVENT: "事件",
    EntryKind.INQUIRY: "来访来电",
    EntryKind.INCIDENT: "突发情况",
    EntryKind.REMINDER: "待办提醒",
}
ENTRY_STATUS_ZH = {
    EntryStatus.INFO: "记录",
    EntryStatus.OPEN: "待处理",
    EntryStatus.DONE: "已处理",
    EntryStatus.CARRIED: "已交班",
}
HANDOVER_KIND_ZH = {
    HandoverItemKind.TICKET: "工单",
    HandoverItemKind.KEY: "钥匙",
    HandoverItemKind.PARCEL: "快递",
    HandoverItemKind.ANOMALY: "巡查异常",
    HandoverItemKind.INSPECTION: "装修巡检",
    HandoverItemKind.VACANT: "空置房",
    HandoverItemKind.ENTRY: "值班事项",
}
PARCEL_STATUS_ZH = {
    ParcelStatus.WAITING: "待取",
    ParcelStatus.COLLECTED: "已取",
    ParcelStatus.RETURNED: "已退回",
}


def label(table: Mapping[Any, str], code: str | None) -> str:
    """The Chinese label of an enum code from one of the tables above (the code if unknown)."""
    if not code:
        return ""
    for key, text in table.items():
        if key == code:
            return text
    return code


@dataclass(frozen=True)
class CheckpointInfo:
    id: int
    route_id: int
    seq: int
    name: str
    area: str
    what_to_check: str
    unit_id: int | None
    unit_code: str
    active: bool


@dataclass(frozen=True)
class RouteInfo:
    id: int
    name: str
    description: str
    active: bool
    version: int
    checkpoints: tuple[CheckpointInfo, ...]


@dataclass(frozen=True)
class FindingInfo:
    id: int
    patrol_id: int
    seq: int
    checkpoint_name: str
    what_to_check: str
    unit_id: int | None
    result: str
    note: str
    photo_path: str
    checked_at: datetime | None
    ticket_id: int | None
    ticket_number: str
    resolved_at: datetime | None


@dataclass(frozen=True)
class PatrolInfo:
    id: int
    route_id: int
    route_name: str
    status: str
    local_day: date
    started_at: datetime
    finished_at: datetime | None
    patroller: str
    version: int
    findings: tuple[FindingInfo, ...]

    @property
    def checked(self) -> int:
        return sum(f.result in ("normal", "abnormal") for f in self.findings)

    @property
    def abnormal(self) -> int:
        return sum(f.result == "abnormal" for f in self.findings)

    @property
    def missed(self) -> int:
        return sum(f.result == "missed" for f in self.findings)


@dataclass(frozen=True)
class PatrolSummary:
    """One patrol in a day's list: how far it got."""

    id: int
    route_name: str
    status: str
    patroller: str
    started_at: datetime
    finished_at: datetime | None
    total: int
    checked: int
    abnormal: int
    missed: int


@dataclass(frozen=True)
class AnomalyRow:
    """An open abnormal finding: no ticket yet, or its ticket not yet done."""

    finding_id: int
    patrol_id: int
    checked_at: datetime | None
    route_name: str
    checkpoint_name: str
    note: str
    ticket_id: int | None
    ticket_number: str
    ticket_status: str


@dataclass(frozen=True)
class RaisedTicket:
    finding_id: int
    ticket_id: int
    ticket_number: str


@dataclass(frozen=True)
class VacantDueRow:
    """A vacant unit due for a check (``next_due`` ``None``: never checked)."""

    unit_id: int
    unit_code: str
    interval_days: int
    last_checked: date | None
    next_due: date | None
    overdue_days: int


@dataclass(frozen=True)
class VacantCheckInfo:
    id: int
    unit_id: int
    checked_on: date
    checked_by: str
    doors_windows_ok: bool
    water_ok: bool
    electricity_ok: bool
    no_leaks: bool
    note: str

    @property
    def all_ok(self) -> bool:
        return self.doors_windows_ok and self.water_ok and self.electricity_ok and self.no_leaks


@dataclass(frozen=True)
class EntryInfo:
    id: int
    shift_id: int
    at: datetime
    kind: str
    text: str
    unit_id: int | None
    unit_code: str
    ticket_id: int | None
    ticket_number: str
    status: str
    by_name: str
    carried_from_id: int | None


@dataclass(frozen=True)
class HandoverLine:
    kind: str
    ref_id: int | None
    text: str


@dataclass(frozen=True)
class ShiftInfo:
    id: int
    started_at: datetime
    started_by: str
    previous_id: int | None
    closed_at: datetime | None
    closed_by: str
    handover_note: str
    acknowledged_at: datetime | None
    acknowledged_by: str
    items: tuple[HandoverLine, ...]

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


@dataclass(frozen=True)
class ParcelRow:
    id: int
    carrier: str
    tracking_no: str
    unit_id: int | None
    unit_code: str
    recipient: str
    recipient_phone: str
    shelf: str
    status: str
    received_at: datetime
    notified_at: datetime | None
    collected_at: datetime | None
    collected_by: str
    held_days: int
    long_held: bool


@dataclass(frozen=True)
class VisitorRow:
    id: int
    name: str
    phone: str
    unit_code: str
    purpose: str
    people: int
    in_at: datetime
    out_at: datetime | None


@dataclass(frozen=True)
class SheetEntry:
    at: datetime
    kind: str  # Chinese
    text: str
    unit_code: str
    ticket_number: str
    status: str  # Chinese
    by_name: str


@dataclass(frozen=True)
class SheetLine:
    kind: str  # Chinese
    text: str


@dataclass(frozen=True)
class HandoverSheetData:
    """One shift: who, when, its log, the handover lines, the note and who took over."""

    estate_name: str
    company: str
    shift_id: int
    started_by: str
    started_at: datetime
    closed_by: str
    closed_at: datetime | None
    acknowledged_by: str
    acknowledged_at: datetime | None
    note: str
    entries: tuple[SheetEntry, ...]
    lines: tuple[SheetLine, ...]
    # the cash the outgoing person counted at their daily close (日结) that day, if closed
    cash_handed_over_fen: int | None = None
