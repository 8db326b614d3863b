"""Values of attention flags: kinds, sources, visibility, and the frozen rows services return."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from enum import StrEnum


class FlagKind(StrEnum):
    ELDERLY_ALONE = "elderly_alone"
    EVACUATION = "evacuation"
    DISABILITY = "disability"
    VIP = "vip"
    COMPLAINANT = "complainant"
    DO_NOT_DISTURB = "dnd"
    CUSTOM = "custom"


FLAG_KIND_ZH: dict[FlagKind, str] = {
    FlagKind.ELDERLY_ALONE: "独居老人",
    FlagKind.EVACUATION: "疏散需协助",
    FlagKind.DISABILITY: "残障",
    FlagKind.VIP: "VIP",
    FlagKind.COMPLAINANT: "频繁投诉",
    FlagKind.DO_NOT_DISTURB: "免打扰时段",
    FlagKind.CUSTOM: "自定义",
}

#: Kinds whose details are sensitive whatever their visibility: viewing them is audited.
SENSITIVE_KINDS = frozenset({FlagKind.EVACUATION, FlagKind.DISABILITY, FlagKind.ELDERLY_ALONE})


class FlagSource(StrEnum):
    SELF_DECLARED = "self"
    OBSERVED = "observed"


FLAG_SOURCE_ZH = {FlagSource.SELF_DECLARED: "本人申报", FlagSource.OBSERVED: "工作人员观察"}


class Visibility(StrEnum):
    ALL_STAFF = "all"
    SUPERVISORS = "supervisors"


VISIBILITY_ZH = {Visibility.ALL_STAFF: "全体员工", Visibility.SUPERVISORS: "仅主管"}

#: What a clerk sees of a flag only supervisors may see.
RESTRICTED_TEXT = "有关注事项（需主管查看）"


def kind_label(kind: str, custom_name: str = "") -> str:
    """The Chinese name of a flag's kind (a custom kind's own name)."""
    if kind == FlagKind.CUSTOM.value and custom_name:
        return custom_name
    try:
        return FLAG_KIND_ZH[FlagKind(kind)]
    except ValueError:
        return kind


def hours_text(start: time | None, end: time | None) -> str:
    """``22:00–08:00`` ("" when not set)."""
    if start is None or end is None:
        return ""
    return f"{start:%H:%M}–{end:%H:%M}"


@dataclass(frozen=True)
class CustomKindRow:
    id: int
    name: str
    sensitive: bool
    active: bool


@dataclass(frozen=True)
class FlagRow:
    """A flag as lists show it (no reason: that is the audited detail)."""

    id: int
    kind: str
    kind_zh: str
    target: str  # "household" or "person"
    unit_id: int | None
    unit_code: str
    person_id: int | None
    person_name: str
    review_on: date | None
    visibility: str
    sensitive: bool
    dnd_hours: str
    active: bool
    version: int


@dataclass(frozen=True)
class FlagDetail:
    """Every field of one flag (reading it is audited when the flag is sensitive)."""

    row: FlagRow
    reason: str
    source: str
    consent: bool
    consent_on: date | None
    dnd_start: time | None
    dnd_end: time | None
    custom_kind_id: int | None
    created_by: str
    created_at: datetime
    ended_at: datetime | None
    ended_by: str
    end_reason: str
    reviewed_at: datetime | None = None
    reviewed_by: str = ""


@dataclass(frozen=True)
class BannerFlag:
    """One entry of a banner: the kind (and do-not-disturb hours); ``restricted`` when the
    viewer may not see it (shown as :data:`RESTRICTED_TEXT`); ``review_due`` when its
    review is overdue (the banner marks it 待复查)."""

    flag_id: int
    unit_id: int | None
    person_id: int | None
    text: str
    restricted: bool
    sensitive: bool
    #: its review date has come (on or before today) and the viewer may see it
    review_due: bool = False


@dataclass(frozen=True)
class EvacuationRow:
    building: str
    building_sort: int
    floor: int
    unit_code: str
    person_name: str
    phone: str
    notes: str
