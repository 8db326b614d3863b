"""Values of the household archive: stages, scopes, states and the frozen rows services return."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

#: The largest scan accepted (bytes).
MAX_SCAN_BYTES = 20 * 1024 * 1024


class Stage(StrEnum):
    MOVEIN = "movein"  # 交房入住
    RENOVATION = "renovation"  # 装修
    MOVEOUT = "moveout"  # 迁出
    OTHER = "other"  # 日常 (letters, receipts): never part of a stage's checklist


STAGE_ZH: dict[str, str] = {
    Stage.MOVEIN: "交房入住",
    Stage.RENOVATION: "装修",
    Stage.MOVEOUT: "迁出",
    Stage.OTHER: "日常",
}


class Scope(StrEnum):
    UNIT = "unit"  # stays with the unit when a household moves out
    HOUSEHOLD = "household"  # the occupancy: leaves with the household
    PERSON = "person"  # the person, wherever they live


SCOPE_ZH: dict[str, str] = {Scope.UNIT: "房屋", Scope.HOUSEHOLD: "住户", Scope.PERSON: "个人"}


class Source(StrEnum):
    MANUAL = "manual"  # filed at the desk
    PRINTED = "printed"  # printed by PropDesk and filed automatically


class DocState(StrEnum):
    PRESENT = "present"
    EXPIRED = "expired"
    MISSING = "missing"


STATE_ZH: dict[str, str] = {
    DocState.PRESENT: "齐全",
    DocState.EXPIRED: "已过期",
    DocState.MISSING: "缺失",
}


@dataclass(frozen=True)
class KindRow:
    id: int
    code: str
    name: str
    stage: str
    scope: str
    required: bool
    validity_months: int | None
    active: bool
    version: int


@dataclass(frozen=True)
class DocumentRow:
    id: int
    kind_id: int
    kind_name: str
    stage: str
    scope: str
    unit_id: int | None
    occupancy_id: int | None
    person_id: int | None
    person_name: str
    title: str
    doc_date: date
    expires_on: date | None
    file_id: int | None
    file_name: str
    file_size: int
    cabinet: str
    box: str
    source: str
    on_loan: bool
    borrower: str
    due_on: date | None
    version: int

    def expired(self, today: date) -> bool:
        return self.expires_on is not None and self.expires_on < today


@dataclass(frozen=True)
class LoanRow:
    id: int
    document_id: int
    borrower: str
    purpose: str
    lent_at: datetime
    due_on: date
    lent_by: str
    returned_at: datetime | None
    returned_to: str


@dataclass(frozen=True)
class ChecklistLine:
    """One required kind on one unit: its state and the newest document of that kind."""

    kind_id: int
    kind_name: str
    stage: str
    required: bool
    state: str  # DocState value
    document_id: int | None
    expires_on: date | None


@dataclass(frozen=True)
class UnitCompleteness:
    unit_id: int
    unit_code: str
    present: tuple[str, ...]  # kind names
    missing: tuple[str, ...]
    expired: tuple[str, ...]

    @property
    def complete(self) -> bool:
        return not self.missing and not self.expired

    @property
    def needs_documents(self) -> bool:
        """Some stage of the checklist applies to the unit."""
        return bool(self.present or self.missing or self.expired)


@dataclass(frozen=True)
class BuildingCompleteness:
    building_id: int
    building_name: str
    units: tuple[UnitCompleteness, ...]

    @property
    def complete_units(self) -> int:
        """Units needing documents that have all of them (units needing none not counted)."""
        return sum(1 for u in self.units if u.complete and u.needs_documents)

    @property
    def units_needing_nothing(self) -> int:
        return sum(1 for u in self.units if not u.needs_documents)


@dataclass(frozen=True)
class ArchiveSummary:
    """A unit's archive at a glance (the unit page's panel)."""

    documents: int
    present: int
    missing: tuple[str, ...]
    expired: tuple[str, ...]
    on_loan: int
    required: int  # required kinds of the stages that apply (0: nothing is asked yet)


# The default checklist: (code, name, stage, scope, required, validity in months). The
# migration seeds the same rows; :func:`propdesk.archive.services.ensure_defaults` adds them
# to an archive that has no kinds at all (a database emptied by hand).
DEFAULT_KINDS: tuple[tuple[str, str, str, str, bool, int | None], ...] = (
    ("", "房屋交接单", "movein", "unit", True, None),
    ("", "购房合同/产权证明", "movein", "unit", True, None),
    ("", "业主身份证复印件", "movein", "person", True, None),
    ("movein_form", "入住登记表", "movein", "household", True, None),
    ("", "租赁合同", "movein", "household", False, 12),
    ("", "装修申请表", "renovation", "unit", True, None),
    ("renovation_permit", "装修施工许可证", "renovation", "unit", True, 6),
    ("", "装修押金收据", "renovation", "unit", True, None),
    ("", "施工人员身份证复印件", "renovation", "unit", False, None),
    ("moveout_slip", "迁出结算单", "moveout", "unit", True, None),
    ("", "钥匙交还单", "moveout", "unit", True, None),
    ("letter", "催缴函/通知", "other", "unit", False, None),
    ("receipt", "收费收据", "other", "unit", False, None),
)
