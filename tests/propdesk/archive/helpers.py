"""A small estate for the archive tests: building 1 with three units, one lived in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from propdesk.archive.models import ArchiveKind
from propdesk.archive.services import ensure_defaults
from propdesk.auth.actor import Actor, Role
from propdesk.db.engine import Database
from propdesk.registry import services as reg

CLERK = Actor(user_id=None, username="wang", display_name="王前台", role=Role.CLERK)
MANAGER = Actor(user_id=None, username="zhao", display_name="赵经理", role=Role.MANAGER)


@dataclass(frozen=True)
class Estate:
    building: int
    units: tuple[int, ...]  # 1-1-101 (owner 张伟 living there), 1-1-201, 1-1-301 (vacant)
    zhang: int
    occupancy: int


def make_estate(db: Database) -> Estate:
    with db.begin(MANAGER) as s:
        eid = reg.create_estate(s, name="翠湖花园")
        b1 = reg.create_building(s, estate_id=eid, code="1", floors=18, entrances=1)
        units = tuple(
            reg.create_unit(s, building_id=b1, entrance=1, room=room, area="88")
            for room in ("101", "201", "301")
        )
        zhang = reg.create_person(s, name="张伟", phone="13812345678")
        occ = reg.start_occupancy(
            s, person_id=zhang, unit_id=units[0], role="owner", start_date=date(2020, 1, 1)
        )
        li = reg.create_person(s, name="李娜", phone="13912345678")
        reg.start_occupancy(
            s, person_id=li, unit_id=units[1], role="owner", start_date=date(2021, 1, 1)
        )
    return Estate(b1, units, zhang, occ)


def kind_id(s: Session, name: str) -> int:
    ensure_defaults(s)
    return int(s.scalar(select(ArchiveKind.id).where(ArchiveKind.name == name)) or 0)


def scan_file(tmp: Path, name: str = "scan.pdf", size: int = 1000) -> Path:
    path = tmp / name
    path.write_bytes(b"%PDF-1.4 " + bytes(size))
    return path
