"""Attention flags on SQLite and PostgreSQL: validation, visibility, the batched banner query,
audited views, overdue reviews, flags_of_kind and the evacuation list's data."""

from __future__ import annotations

import json
from datetime import date, time, timedelta

import pytest
from sqlalchemy import func, select, text

from propdesk import clock
from propdesk.audit.models import AuditEntry
from propdesk.auth.actor import Actor, Role
from propdesk.care import queries as cq
from propdesk.care import services as care
from propdesk.care.models import CareFlag
from propdesk.care.print_data import evacuation_rows
from propdesk.care.services import FlagSpec
from propdesk.care.values import RESTRICTED_TEXT
from propdesk.db.engine import Database
from propdesk.errors import NotAllowed, ValidationError
from propdesk.print_audience import Reader
from propdesk.registry import services as reg

CLERK = Actor(user_id=None, username="wang", display_name="王前台", role=Role.CLERK)
SUPERVISOR = Actor(user_id=None, username="li", display_name="李主管", role=Role.SUPERVISOR)
MANAGER = Actor(user_id=None, username="zhao", display_name="赵经理", role=Role.MANAGER)
FINANCE = Actor(user_id=None, username="qian", display_name="钱会计", role=Role.FINANCE)


@pytest.fixture
def estate(db: Database) -> dict[str, int]:
    with db.begin(MANAGER) as s:
        eid = reg.create_estate(s, name="翠湖花园")
        b1 = reg.create_building(s, estate_id=eid, code="1", floors=18, entrances=1)
        b2 = reg.create_building(s, estate_id=eid, code="2", floors=18, entrances=1)
        u1 = reg.create_unit(s, building_id=b1, entrance=1, room="301", area="88")
        u2 = reg.create_unit(s, building_id=b1, entrance=1, room="101", area="88")
        u3 = reg.create_unit(s, building_id=b2, entrance=1, room="501", area="88")
        owner = reg.create_person(s, name="张伟", phone="13812345678")
        occ = reg.start_occupancy(
            s, person_id=owner, unit_id=u1, role="owner", start_date=date(2020, 1, 1)
        )
        grandma = reg.create_person(s, name="王奶奶", phone="13900001111")
        reg.start_occupancy(
            s, person_id=grandma, unit_id=u2, role="owner", start_date=date(2019, 1, 1)
        )
        other = reg.create_person(s, name="刘强", phone="13700002222")
        reg.start_occupancy(
            s, person_id=other, unit_id=u3, role="owner", start_date=date(2018, 1, 1)
        )
    return {
        "b1": b1, "b2": b2, "u1": u1, "u2": u2, "u3": u3,
        "owner": owner, "occ": occ, "grandma": grandma, "other": other,
    }  # fmt: skip


def _today(db: Database) -> date:
    with db.begin(CLERK) as s:
        return clock.today(s)


def _count(db: Database) -> int:
    with db.begin(MANAGER) as s:
        return int(s.execute(select(func.count(CareFlag.id))).scalar_one())


def test_household_flag_saved_with_who_and_encrypted_reason(
    db: Database, estate: dict[str, int]
) -> None:
    review = _today(db) + timedelta(days=90)
    with db.begin(CLERK) as s:
        row = care.add_household_flag(
            s,
            estate["u1"],
            FlagSpec(
                "elderly_alone",
                "八十岁独居，子女在外地",
                source="self",
                consent=True,
                review_on=review,
            ),
        )
    assert row.kind_zh == "独居老人"
    assert row.person_name == "张伟"
    assert row.unit_code.endswith("301")
    assert row.sensitive
    assert row.review_on == review
    with db.begin(CLERK) as s:
        detail = care.view_flag(s, row.id)
        raw = s.execute(text("SELECT reason_enc FROM care_flag")).scalar_one()
    assert detail.reason == "八十岁独居，子女在外地"
    assert detail.created_by == "王前台"
    assert detail.consent
    assert detail.consent_on == _today(db)
    assert "独居" not in raw  # encrypted at rest
    with db.begin(MANAGER) as s:
        inserted = s.execute(
            select(AuditEntry.changes).where(
                AuditEntry.table_name == "care_flag", AuditEntry.action == "insert"
            )
        ).scalar_one()
    assert "独居" not in inserted  # the audit trail hides the reason


def test_review_date_in_the_past_or_today_refused_nothing_saved(
    db: Database, estate: dict[str, int]
) -> None:
    today = _today(db)
    for day in (today - timedelta(days=1), today):
        with pytest.raises(ValidationError) as err, db.begin(CLERK) as s:
            care.add_household_flag(
                s, estate["u1"], FlagSpec("evacuation", "坐轮椅", review_on=day)
            )
        assert err.value.field == "review_on"
        assert "复查日期必须在今天" in err.value.message
    assert _count(db) == 0


@pytest.mark.parametrize(
    ("spec", "field"),
    [
        (FlagSpec("evacuation", "  "), "reason"),
        (FlagSpec("nonsense", "x"), "kind"),
        (FlagSpec("dnd", "夜班"), "dnd_start"),
        (FlagSpec("dnd", "夜班", dnd_start=time(22), dnd_end=time(22)), "dnd_end"),
        (FlagSpec("custom", "孕妇"), "custom_kind_id"),
        (FlagSpec("vip", "x", visibility="boss"), "visibility"),
    ],
)
def test_bad_input_names_its_field(
    db: Database, estate: dict[str, int], spec: FlagSpec, field: str
) -> None:
    with pytest.raises(ValidationError) as err, db.begin(CLERK) as s:
        care.add_household_flag(s, estate["u1"], spec)
    assert err.value.field == field
    assert _count(db) == 0


def test_one_active_flag_per_kind(db: Database, estate: dict[str, int]) -> None:
    with db.begin(CLERK) as s:
        care.add_household_flag(s, estate["u1"], FlagSpec("vip", "业委会主任"))
    with pytest.raises(ValidationError), db.begin(CLERK) as s:
        care.add_household_flag(s, estate["u1"], FlagSpec("vip", "再来一次"))
    assert _count(db) == 1


def test_banner_batched_and_restricted_for_clerks(db: Database, estate: dict[str, int]) -> None:
    with db.begin(CLERK) as s:
        care.add_household_flag(
            s,
            estate["u1"],
            FlagSpec("dnd", "夜班工作", dnd_start=time(22), dnd_end=time(8)),
        )
        care.add_person_flag(s, estate["grandma"], FlagSpec("evacuation", "坐轮椅"))
        care.add_household_flag(
            s, estate["u3"], FlagSpec("complainant", "多次投诉噪音", visibility="supervisors")
        )
    units = [estate["u1"], estate["u2"], estate["u3"]]
    with db.begin(CLERK) as s:
        clerk = {(b.unit_id, b.text) for b in cq.banner_flags(s, unit_ids=units)}
        by_person = cq.banner_flags(s, person_ids=[estate["grandma"]])
    assert clerk == {
        (estate["u1"], "免打扰时段 22:00–08:00"),
        (estate["u2"], "疏散需协助"),
        (estate["u3"], RESTRICTED_TEXT),
    }
    assert [(b.person_id, b.text) for b in by_person] == [(estate["grandma"], "疏散需协助")]
    with db.begin(SUPERVISOR) as s:
        sup = {b.text for b in cq.banner_flags(s, unit_ids=[estate["u3"]])}
    assert sup == {"频繁投诉"}


def test_banner_leaves_with_the_household(db: Database, estate: dict[str, int]) -> None:
    with db.begin(CLERK) as s:
        care.add_household_flag(s, estate["u1"], FlagSpec("vip", "业委会主任"))
    with db.begin(MANAGER) as s:
        reg.end_occupancy(s, estate["occ"], end_date=_today(db))
        assert cq.banner_flags(s, unit_ids=[estate["u1"]]) == []


def test_viewing_sensitive_flag_is_audited_and_restricted(
    db: Database, estate: dict[str, int]
) -> None:
    with db.begin(CLERK) as s:
        vip = care.add_household_flag(s, estate["u1"], FlagSpec("vip", "业委会主任")).id
        wheel = care.add_person_flag(s, estate["grandma"], FlagSpec("evacuation", "坐轮椅")).id
        secret = care.add_household_flag(
            s, estate["u3"], FlagSpec("complainant", "多次投诉", visibility="supervisors")
        ).id

    def reveals() -> list[str]:
        with db.begin(MANAGER) as s:
            rows = s.execute(
                select(AuditEntry.record_id, AuditEntry.changes).where(
                    AuditEntry.table_name == "care_flag", AuditEntry.action == "reveal"
                )
            ).all()
        return [r.record_id for r in rows if json.loads(r.changes)["fields"]]

    with db.begin(CLERK) as s:
        care.view_flag(s, vip)
    assert reveals() == []
    with db.begin(CLERK) as s:
        care.view_flag(s, wheel)
    assert reveals() == [str(wheel)]
    with pytest.raises(NotAllowed), db.begin(CLERK) as s:
        care.view_flag(s, secret)
    with db.begin(SUPERVISOR) as s:
        assert care.view_flag(s, secret).reason == "多次投诉"
    assert reveals() == [str(wheel), str(secret)]
    with pytest.raises(NotAllowed), db.begin(FINANCE) as s:
        care.view_flag(s, vip)


def test_overdue_reviews_listed(
    db: Database, estate: dict[str, int], test_clock: clock.FixedClock
) -> None:
    today = _today(db)
    with db.begin(CLERK) as s:
        soon = care.add_household_flag(
            s, estate["u1"], FlagSpec("vip", "x", review_on=today + timedelta(days=3))
        ).id
        care.add_household_flag(
            s, estate["u3"], FlagSpec("vip", "y", review_on=today + timedelta(days=30))
        )
        assert cq.overdue_reviews(s) == []
    test_clock.advance(timedelta(days=4))
    with db.begin(CLERK) as s:
        assert [r.id for r in cq.overdue_reviews(s)] == [soon]
        assert cq.count_overdue(s) == 1
        # editing other fields keeps the (now past) review date
        care.update_flag(
            s,
            soon,
            FlagSpec("vip", "改了原因", review_on=today + timedelta(days=3)),
            expected_version=None,
        )
        care.end_flag(s, soon, "已复查，不再需要")
        assert cq.overdue_reviews(s) == []


def test_flags_of_kind_and_custom_kinds(db: Database, estate: dict[str, int]) -> None:
    with db.begin(MANAGER) as s:
        kind = care.define_kind(s, "孕妇", sensitive=True)
        with pytest.raises(ValidationError):
            care.define_kind(s, "孕妇")
    with db.begin(CLERK) as s:
        care.add_household_flag(s, estate["u1"], FlagSpec("elderly_alone", "独居"))
        care.add_person_flag(s, estate["grandma"], FlagSpec("elderly_alone", "独居"))
        row = care.add_household_flag(
            s, estate["u3"], FlagSpec("custom", "孕晚期", custom_kind_id=kind.id)
        )
        assert row.kind_zh == "孕妇"
        assert row.sensitive
        found = cq.flags_of_kind(s, "elderly_alone")
    assert [(f.target, f.unit_id, f.person_id) for f in found] == [
        ("household", estate["u1"], None),
        ("person", estate["u2"], estate["grandma"]),
    ]
    assert found[0].occupancy_id == estate["occ"]


def test_evacuation_rows_by_building_and_floor_phones_by_audience(
    db: Database, estate: dict[str, int]
) -> None:
    with db.begin(CLERK) as s:
        care.add_household_flag(s, estate["u3"], FlagSpec("evacuation", "卧床"))
        care.add_household_flag(s, estate["u1"], FlagSpec("evacuation", "视力差"))
        care.add_person_flag(s, estate["grandma"], FlagSpec("evacuation", "坐轮椅"))
        care.add_household_flag(s, estate["u2"], FlagSpec("vip", "不在名单上"))
    with db.begin(CLERK) as s:
        rows = evacuation_rows(s, reader=Reader.GUARD)
        office = evacuation_rows(s, reader=Reader.OFFICE, building_id=estate["b1"])
    assert [(r.floor, r.person_name, r.notes) for r in rows] == [
        (1, "王奶奶", "坐轮椅"),
        (3, "张伟", "视力差"),
        (5, "刘强", "卧床"),
    ]
    assert rows[1].phone == "13812345678"  # the guards call them
    assert [r.phone for r in office] == ["139****1111", "138****5678"]  # a clerk's office copy
    with db.begin(MANAGER) as s:
        exports = s.execute(
            select(func.count(AuditEntry.id)).where(AuditEntry.action == "export")
        ).scalar_one()
    assert exports == 2
