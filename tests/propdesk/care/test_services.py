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
        care.end_flag(s, soon, "已复查，不再需要")
        assert cq.overdue_reviews(s) == []


def test_editing_an_overdue_flag_asks_for_the_next_review(
    db: Database, estate: dict[str, int], test_clock: clock.FixedClock
) -> None:
    """Saving an overdue flag with its past review date left as it was is refused with a
    hint (it would stay overdue although the clerk "reviewed" it); nothing is saved."""
    today = _today(db)
    with db.begin(CLERK) as s:
        flag = care.add_household_flag(
            s, estate["u1"], FlagSpec("vip", "原因", review_on=today + timedelta(days=3))
        )
    test_clock.advance(timedelta(days=4))
    with pytest.raises(ValidationError) as refused, db.begin(CLERK) as s:
        care.update_flag(
            s,
            flag.id,
            FlagSpec("vip", "改了原因", review_on=today + timedelta(days=3)),
            expected_version=None,
        )
    assert refused.value.field == "review_on"
    assert "下一次复查日期" in refused.value.message
    with db.begin(SUPERVISOR) as s:
        assert care.view_flag(s, flag.id).reason == "原因"
        assert cq.count_overdue(s) == 1
    # with the next review date set (and 已复查) the flag is no longer overdue
    later = _today(db) + timedelta(days=30)
    with db.begin(CLERK) as s:
        care.update_flag(
            s, flag.id, FlagSpec("vip", "改了原因", review_on=later), expected_version=None,
            reviewed=True,
        )  # fmt: skip
        assert cq.count_overdue(s) == 0
        detail = care.view_flag(s, flag.id)
    assert (detail.reason, detail.row.review_on, detail.reviewed_by) == (
        "改了原因",
        later,
        "王前台",
    )


def test_reviewed_records_who_and_when_and_needs_a_future_date(
    db: Database, estate: dict[str, int], test_clock: clock.FixedClock
) -> None:
    today = _today(db)
    with db.begin(CLERK) as s:
        flag = care.add_household_flag(
            s, estate["u1"], FlagSpec("vip", "原因", review_on=today + timedelta(days=3))
        )
    test_clock.advance(timedelta(days=4))
    now_today = _today(db)
    for bad in (now_today, now_today - timedelta(days=1)):
        with pytest.raises(ValidationError) as refused, db.begin(CLERK) as s:
            care.review_flag(s, flag.id, bad, expected_version=flag.version)
        assert refused.value.field == "review_on"
    with db.begin(CLERK) as s:
        assert cq.count_overdue(s) == 1
        nxt = care.next_review_default(now_today)
        row = care.review_flag(s, flag.id, nxt, expected_version=flag.version)
        assert row.review_on == nxt
        assert cq.count_overdue(s) == 0
        assert cq.overdue_reviews(s) == []
        at = s.get(CareFlag, flag.id)
        assert at is not None
        assert at.reviewed_by == "王前台"
        assert at.reviewed_at is not None
        assert clock.to_local(at.reviewed_at).date() == now_today
    assert nxt == care.add_months(now_today, 6)
    with db.begin(MANAGER) as s:
        audited = (
            s.execute(
                select(AuditEntry.changes).where(
                    AuditEntry.table_name == "care_flag", AuditEntry.action == "update"
                )
            )
            .scalars()
            .all()
        )
    assert any("reviewed_by" in c and "王前台" in c for c in audited)


def test_add_months_keeps_the_day_or_takes_the_months_last() -> None:
    assert care.add_months(date(2026, 8, 31), 6) == date(2027, 2, 28)
    assert care.add_months(date(2026, 12, 7), 6) == date(2027, 6, 7)
    assert care.add_months(date(2027, 8, 29), 6) == date(2028, 2, 29)


def test_moved_out_households_flags_leave_the_list_and_the_overdue_count(
    db: Database, estate: dict[str, int], test_clock: clock.FixedClock
) -> None:
    """The list and the overdue count use the banner's definition of a current flag: a
    household flag whose household moved out is gone from both (a person's flag stays)."""
    today = _today(db)
    with db.begin(CLERK) as s:
        gone = care.add_household_flag(
            s, estate["u1"], FlagSpec("vip", "x", review_on=today + timedelta(days=3))
        ).id
        stays = care.add_person_flag(
            s, estate["owner"], FlagSpec("complainant", "y", review_on=today + timedelta(days=3))
        ).id
        here = care.add_household_flag(
            s, estate["u3"], FlagSpec("vip", "z", review_on=today + timedelta(days=3))
        ).id
    test_clock.advance(timedelta(days=4))
    with db.begin(MANAGER) as s:
        reg.end_occupancy(s, estate["occ"], end_date=_today(db), reason="卖房迁出")
    with db.begin(SUPERVISOR) as s:
        listed = [r.id for r in cq.list_flags(s, *cq.list_conditions(actor=SUPERVISOR))]
        overdue = [r.id for r in cq.overdue_reviews(s)]
        assert cq.count_overdue(s) == len(overdue) == 2
        banner = {b.flag_id for b in cq.banner_flags(s, unit_ids=[estate["u1"], estate["u3"]])}
    assert gone not in listed
    assert gone not in overdue
    assert gone not in banner
    assert sorted(listed) == sorted(overdue) == sorted([stays, here])
    assert here in banner


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


def test_evacuation_team_copy_audit_names_the_list_and_the_team(
    db: Database, estate: dict[str, int]
) -> None:
    """The team's copy reveals every phone; the audit line reads as the screen does
    (疏散协助名单, 疏散小组), not as the gate's lists (门岗)."""
    with db.begin(CLERK) as s:
        care.add_household_flag(s, estate["u1"], FlagSpec("evacuation", "视力差"))
    with db.begin(CLERK) as s:
        evacuation_rows(s, reader=Reader.GUARD)
    with db.begin(MANAGER) as s:
        lines = list(
            s.scalars(
                select(AuditEntry.changes).where(
                    AuditEntry.action == "reveal", AuditEntry.table_name == "person"
                )
            )
        )
    assert lines
    assert all("phone（打印：疏散协助名单，疏散小组）" in line for line in lines)


def test_elderly_alone_on_a_household_of_several_needs_confirmation(
    db: Database, estate: dict[str, int]
) -> None:
    """独居老人 on a unit where more than one person lives now is not accepted silently:
    the service refuses until the clerk confirms (nothing saved before)."""
    with db.begin(MANAGER) as s:
        spouse = reg.create_person(s, name="李芳", phone="13812340000")
        reg.start_occupancy(
            s, person_id=spouse, unit_id=estate["u1"], role="family", start_date=date(2020, 1, 1)
        )
    with pytest.raises(care.NeedsConfirmation) as asked, db.begin(CLERK) as s:
        care.add_household_flag(s, estate["u1"], FlagSpec("elderly_alone", "独居"))
    assert asked.value.field == "kind"
    assert "2 位住户" in asked.value.message
    assert _count(db) == 0
    with pytest.raises(care.NeedsConfirmation), db.begin(CLERK) as s:
        care.add_person_flag(s, estate["owner"], FlagSpec("elderly_alone", "独居"))
    with db.begin(CLERK) as s:
        # living alone: no question
        care.add_household_flag(s, estate["u2"], FlagSpec("elderly_alone", "独居"))
        care.add_household_flag(
            s, estate["u1"], FlagSpec("elderly_alone", "白天独居", confirmed=True)
        )
    assert _count(db) == 2


@pytest.mark.parametrize("kind", ["evacuation", "disability"])
def test_self_declared_sensitive_flag_without_consent_needs_confirmation(
    db: Database, estate: dict[str, int], kind: str
) -> None:
    with pytest.raises(care.NeedsConfirmation) as asked, db.begin(CLERK) as s:
        care.add_household_flag(s, estate["u3"], FlagSpec(kind, "坐轮椅", source="self"))
    assert asked.value.field == "consent_on"
    assert _count(db) == 0
    with db.begin(CLERK) as s:
        care.add_household_flag(
            s, estate["u3"], FlagSpec(kind, "坐轮椅", source="self", consent=True)
        )
        care.add_person_flag(s, estate["other"], FlagSpec(kind, "坐轮椅", source="observed"))
        care.add_household_flag(
            s, estate["u2"], FlagSpec(kind, "坐轮椅", source="self", confirmed=True)
        )
    assert _count(db) == 3
