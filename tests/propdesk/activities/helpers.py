"""A small estate and an open activity for the activity tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.activities import services as act
from propdesk.activities.models import Activity
from propdesk.activities.services import ActivitySpec
from propdesk.auth.actor import Actor, Role
from propdesk.db.engine import Database
from propdesk.registry import services as reg
from tests.conftest import TEST_NOW

CLERK = Actor(user_id=None, username="wang", display_name="王前台", role=Role.CLERK)
MANAGER = Actor(user_id=None, username="zhao", display_name="赵经理", role=Role.MANAGER)
# five days after the test clock (2026-06-20 14:00 China time by default), at 14:00
START = datetime.combine(
    TEST_NOW.date() + timedelta(days=5), time(14, 0), tzinfo=TEST_NOW.tzinfo
).astimezone(UTC)


@dataclass(frozen=True)
class Estate:
    units: tuple[int, ...]  # 1-1-101, 1-1-201, …, 1-1-1001, 2-1-101 (creation order mixed)
    codes: tuple[str, ...]
    zhang: int


def make_estate(db: Database) -> Estate:
    with db.begin(MANAGER) as s:
        eid = reg.create_estate(s, name="翠湖花园")
        b2 = reg.create_building(s, estate_id=eid, code="2", floors=18, entrances=1)
        b1 = reg.create_building(s, estate_id=eid, code="1", floors=18, entrances=1)
        units: list[int] = []
        codes: list[str] = []
        for bid, bcode, room in [
            (b2, "2", "101"),
            (b1, "1", "1001"),
            (b1, "1", "201"),
            (b1, "1", "101"),
            (b1, "1", "301"),
            (b1, "1", "401"),
        ]:
            units.append(reg.create_unit(s, building_id=bid, entrance=1, room=room, area="88"))
            codes.append(f"{bcode}-1-{room}")
        zhang = reg.create_person(s, name="张伟", phone="13812345678")
        reg.start_occupancy(
            s, person_id=zhang, unit_id=units[3], role="owner", start_date=date(2020, 1, 1)
        )
    return Estate(tuple(units), tuple(codes), zhang)


def spec(capacity: int = 4, **kw: object) -> ActivitySpec:
    base: dict[str, object] = {
        "kind": "owner_meeting",
        "title": "业主见面会",
        "starts_at": START,
        "ends_at": START + timedelta(hours=2),
        "venue": "会所二楼",
        "capacity": capacity,
        "budget_fen": 50000,
        "organiser": "赵经理",
    }
    base.update(kw)
    return ActivitySpec(**base)  # type: ignore[arg-type]


def open_activity(db: Database, capacity: int = 4) -> int:
    with db.begin(MANAGER) as s:
        return act.create_activity(s, spec(capacity), open_now=True)


def begun(session: Session, activity_id: int) -> None:
    """Test set-up: the activity began an hour ago by the session's clock (only an activity
    that has started can be finished, and its attendance and feedback recorded)."""
    row = session.get(Activity, activity_id)
    assert row is not None
    row.starts_at = clock.now(session) - timedelta(hours=1)
    row.ends_at = None
    session.flush()


def after_its_start(session: Session, activity_id: int) -> None:
    """Test set-up: for the rest of this transaction, the session's clock stands two hours
    after the activity's start (its date unchanged), so it can be finished and its attendance
    recorded."""
    row = session.get(Activity, activity_id)
    assert row is not None
    clock.bind(session, clock.FixedClock(row.starts_at + timedelta(hours=2)))
