"""Household visits (走访) on SQLite and PostgreSQL: the plan from flags and rules (elderly
monthly, new households, closed complaints, agreed next visits), overdue items and their
count, recording a visit with its validation, a finding raised as a ticket in the same
transaction, encrypted findings, and the rules a manager adjusts."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, select, text

from propdesk import clock
from propdesk.auth.actor import Actor, Role
from propdesk.care import services as care
from propdesk.care import visits
from propdesk.care.services import FlagSpec
from propdesk.care.visit_models import CareVisit
from propdesk.care.visit_plan import count_overdue_visits, overdue_items, plan_items, rules
from propdesk.care.visit_values import VisitReason, VisitRow, VisitRule
from propdesk.care.visits import TicketRequest, VisitSpec
from propdesk.db.engine import Database
from propdesk.errors import Conflict, NotAllowed, ValidationError
from propdesk.registry import services as reg
from propdesk.tickets import catalog
from propdesk.tickets import services as svc
from propdesk.tickets.models import Ticket
from propdesk.tickets.print_data import work_order_data
from propdesk.tickets.staff import save_staff

CLERK = Actor(user_id=None, username="wang", display_name="王前台", role=Role.CLERK)
SUPERVISOR = Actor(user_id=None, username="li", display_name="李主管", role=Role.SUPERVISOR)
MANAGER = Actor(user_id=None, username="zhao", display_name="赵经理", role=Role.MANAGER)


@pytest.fixture
def estate(db: Database) -> dict[str, int]:
    with db.begin(MANAGER) as s:
        eid = reg.create_estate(s, name="翠湖花园")
        b1 = reg.create_building(s, estate_id=eid, code="1", floors=18, entrances=1)
        u1 = reg.create_unit(s, building_id=b1, entrance=1, room="301", area="88")
        u2 = reg.create_unit(s, building_id=b1, entrance=1, room="101", area="88")
        u3 = reg.create_unit(s, building_id=b1, entrance=1, room="501", area="88")
        owner = reg.create_person(s, name="张伟", phone="13812345678")
        reg.start_occupancy(
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
    return {"u1": u1, "u2": u2, "u3": u3, "owner": owner, "grandma": grandma, "other": other}


def _today(db: Database) -> date:
    with db.begin(CLERK) as s:
        return clock.today(s)


def _now(db: Database) -> datetime:
    with db.begin(CLERK) as s:
        return clock.now(s)


def _plan(db: Database, actor: Actor = CLERK, **kw: object) -> list[tuple[str, int, date, bool]]:
    with db.begin(actor) as s:
        return [(i.reason, i.unit_id, i.due_on, i.overdue) for i in plan_items(s, **kw)]  # type: ignore[arg-type]


def _overdue_count(db: Database, actor: Actor = CLERK) -> int:
    with db.begin(actor) as s:
        return count_overdue_visits(s)


def _visit(db: Database, unit_id: int, **kw: object) -> VisitRow:
    at = kw.pop("visited_at", None) or _now(db) - timedelta(hours=1)
    with db.begin(CLERK) as s:
        return visits.record_visit(s, VisitSpec(unit_id=unit_id, visited_at=at, **kw))  # type: ignore[arg-type]


def _category(db: Database, kind: str) -> int:
    with db.begin(MANAGER) as s:
        catalog.ensure_defaults(s)
        return next(c.id for c in catalog.list_categories(s, kind) if c.active)


def _count_visits(db: Database) -> int:
    with db.begin(MANAGER) as s:
        return int(s.execute(select(func.count(CareVisit.id))).scalar_one())


def test_elderly_alone_are_visited_monthly(
    db: Database, estate: dict[str, int], test_clock: clock.FixedClock
) -> None:
    with db.begin(CLERK) as s:
        flag = care.add_household_flag(s, estate["u2"], FlagSpec("elderly_alone", "八十岁独居"))
    today = _today(db)
    assert _plan(db) == [("elderly_alone", estate["u2"], today + timedelta(days=30), False)]
    assert _overdue_count(db) == 0

    test_clock.advance(days=31)
    assert _plan(db) == [("elderly_alone", estate["u2"], today + timedelta(days=30), True)]
    assert _overdue_count(db) == 1
    with db.begin(CLERK) as s:
        (item,) = overdue_items(s)
    assert (item.trigger_id, item.person_name, item.reason_zh) == (
        flag.id,
        "王奶奶",
        "独居老人定期走访",
    )

    row = _visit(db, estate["u2"], reason="elderly_alone", trigger_id=flag.id, findings="身体尚好")
    visited_on = row.visited_on
    assert _plan(db) == [("elderly_alone", estate["u2"], visited_on + timedelta(days=30), False)]
    assert _overdue_count(db) == 0
    # the plan follows the latest visit: a month after it, due again
    test_clock.advance(days=31)
    assert _overdue_count(db) == 1

    with db.begin(CLERK) as s:
        care.end_flag(s, flag.id, "已随子女搬走")
    assert _plan(db) == []


def test_a_new_household_is_visited_within_30_days_of_moving_in(
    db: Database, estate: dict[str, int]
) -> None:
    today = _today(db)
    assert _plan(db) == []  # households of 2018–2020 are not new
    with db.begin(MANAGER) as s:
        tenant = reg.create_person(s, name="陈租户", phone="13600003333")
        occ = reg.start_occupancy(
            s, person_id=tenant, unit_id=estate["u1"], role="tenant",
            start_date=today - timedelta(days=40),
        )  # fmt: skip
        family = reg.create_person(s, name="陈小妹")
        reg.start_occupancy(
            s, person_id=family, unit_id=estate["u1"], role="family",
            start_date=today - timedelta(days=40),
        )  # fmt: skip
    due = today - timedelta(days=10)
    assert _plan(db) == [("new_household", estate["u1"], due, True)]
    with db.begin(CLERK) as s:
        (item,) = plan_items(s)
    assert item.trigger_id == occ
    assert item.person_name == "陈租户"
    assert _overdue_count(db) == 1
    # a visit from before the move-in does not count; one after it does
    _visit(db, estate["u1"], visited_at=clock.local_midnight(today - timedelta(days=41)))
    assert _overdue_count(db) == 1
    _visit(db, estate["u1"], reason="new_household", trigger_id=occ)
    assert _plan(db) == []


def _closed_complaint(
    db: Database,
    unit_id: int | None,
    person_id: int | None,
    closed_at: datetime,
    *,
    location: str = "",
    reporter_name: str = "",
) -> int:
    category = _category(db, "complaint")
    with db.begin(MANAGER) as s:
        intake = svc.Intake(
            kind="complaint", category_id=category, description="楼上噪音",
            unit_id=unit_id, person_id=person_id, location=location,
            reporter_name=reporter_name,
        )  # fmt: skip
        start = closed_at - timedelta(days=2)
        tid = svc.create_ticket(s, intake, at=start).id
        staff = save_staff(s, staff_id=None, name=f"客服{tid}", department="service")
        svc.dispatch(s, tid, staff_id=staff, at=start + timedelta(minutes=5))
        svc.start(s, tid, at=start + timedelta(minutes=30))
        svc.complete(s, tid, work_done="已协调", at=start + timedelta(hours=2))
        svc.callback(s, tid, overall=4, speed=4, attitude=4, at=closed_at - timedelta(hours=1))
        svc.close_complaint(
            s, tid, responsible_department="", valid=False,
            validity_reason="正常装修时段", resolution="已向业主解释",
            at=closed_at,
        )  # fmt: skip
        return tid


def test_a_flagged_complainant_is_visited_after_the_complaint_is_closed(
    db: Database, estate: dict[str, int]
) -> None:
    now, today = _now(db), _today(db)
    with db.begin(CLERK) as s:
        care.add_household_flag(s, estate["u1"], FlagSpec("complainant", "多次投诉噪音"))
    flagged = _closed_complaint(db, estate["u1"], estate["owner"], now - timedelta(days=10))
    _closed_complaint(db, estate["u3"], estate["other"], now - timedelta(days=3))
    # default rule: complainants flagged 频繁投诉 only, within 7 days of closing
    assert _plan(db) == [("complaint", estate["u1"], today - timedelta(days=3), True)]
    with db.begin(CLERK) as s:
        (item,) = plan_items(s)
        number = s.scalar(select(Ticket.number).where(Ticket.id == flagged))
    assert item.trigger_id == flagged
    assert number is not None
    assert number in item.detail

    # the manager extends the rule to every closed complaint
    with db.begin(MANAGER) as s:
        rule = rules(s)[VisitReason.COMPLAINT]
        visits.set_rule(s, VisitRule("complaint", True, 7, 90, flagged_only=False))
    assert rule.version == 0
    assert sorted(_plan(db)) == [
        ("complaint", estate["u1"], today - timedelta(days=3), True),
        ("complaint", estate["u3"], today + timedelta(days=4), False),
    ]
    _visit(db, estate["u1"], reason="complaint", trigger_id=flagged, rating=3)
    assert _plan(db) == [("complaint", estate["u3"], today + timedelta(days=4), False)]


def test_a_public_area_complaint_plans_a_visit_to_the_complainants_household(
    db: Database, estate: dict[str, int]
) -> None:
    """A complaint about a public area has no unit: its visit goes to the complainant's
    household (their current occupancy's unit). With neither a unit nor a complainant who
    lives here there is no household to visit, and nothing is planned."""
    now, today = _now(db), _today(db)
    with db.begin(CLERK) as s:
        care.add_household_flag(s, estate["u3"], FlagSpec("complainant", "多次投诉绿化"))
    garden = _closed_complaint(
        db, None, estate["other"], now - timedelta(days=2), location="中心花园"
    )
    # nobody known: a passer-by's complaint, and one from a person who has moved out
    _closed_complaint(
        db, None, None, now - timedelta(days=2), location="北门", reporter_name="路过业主"
    )
    with db.begin(MANAGER) as s:
        gone = reg.create_person(s, name="孙志刚", phone="13600003333")
        occ = reg.start_occupancy(
            s, person_id=gone, unit_id=estate["u1"], role="tenant", start_date=date(2021, 1, 1)
        )
        reg.end_occupancy(s, occ, end_date=date(2022, 1, 1))
    _closed_complaint(db, None, gone, now - timedelta(days=2), location="地下车库")
    with db.begin(MANAGER) as s:
        visits.set_rule(s, VisitRule("complaint", True, 7, 90, flagged_only=False))

    due = today + timedelta(days=5)
    assert _plan(db) == [("complaint", estate["u3"], due, False)]
    with db.begin(CLERK) as s:
        (item,) = plan_items(s, unit_id=estate["u3"])
        assert plan_items(s, unit_id=estate["u1"]) == []
    assert (item.trigger_id, item.person_name) == (garden, "刘强")
    # the default rule (flagged complainants only) plans it too: the household is flagged
    with db.begin(MANAGER) as s:
        visits.set_rule(s, VisitRule("complaint", True, 7, 90, flagged_only=True, version=1))
    assert _plan(db) == [("complaint", estate["u3"], due, False)]

    # the visit is recorded against the household's unit, not another one
    with pytest.raises(ValidationError, match="不属于所选的房屋"):
        _visit(db, estate["u1"], reason="complaint", trigger_id=garden)
    _visit(db, estate["u3"], reason="complaint", trigger_id=garden, rating=4)
    assert _plan(db) == []


def test_the_agreed_next_visit_is_planned(
    db: Database, estate: dict[str, int], test_clock: clock.FixedClock
) -> None:
    today = _today(db)
    first = _visit(
        db, estate["u3"], findings="想了解装修规定", next_visit_on=today + timedelta(days=5)
    )
    assert _plan(db) == [("follow_up", estate["u3"], today + timedelta(days=5), False)]
    with db.begin(CLERK) as s:
        assert plan_items(s, due_by=today)[:1] == []
        assert [i.trigger_id for i in plan_items(s, unit_id=estate["u3"])] == [first.id]
        assert plan_items(s, unit_id=estate["u1"]) == []
    test_clock.advance(days=6)
    assert _overdue_count(db) == 1
    _visit(db, estate["u3"], reason="follow_up", trigger_id=first.id)
    assert _plan(db) == []


def test_a_finding_becomes_a_ticket_in_the_same_transaction(
    db: Database, estate: dict[str, int]
) -> None:
    repair = _category(db, "repair")
    row = _visit(
        db, estate["u2"], findings="卫生间漏水，楼下已受影响", rating=4,
        companions="社区志愿者", ticket=TicketRequest("repair", repair),
    )  # fmt: skip
    assert row.ticket_id is not None
    assert row.ticket_number.startswith("BX")
    assert (row.visitor_name, row.recorded_by, row.rating) == ("王前台", "王前台", 4)
    with db.begin(MANAGER) as s:
        ticket = s.get(Ticket, row.ticket_id)
        assert ticket is not None
        assert ticket.unit_id == estate["u2"]
        assert ticket.person_id == estate["grandma"]
        assert "卫生间漏水" in ticket.description
        assert ticket.reporter_name == "王奶奶"
        # it says it came from a visit (走访), not 其他, on the printed work order too
        assert ticket.source == "visit"
        assert work_order_data(s, ticket.id).source == "走访"
        assert visits.unit_visits(s, estate["u2"])[0].ticket_number == row.ticket_number
        # findings are encrypted at rest
        raw = s.execute(text("SELECT findings_enc FROM care_visit")).scalar_one()
        assert "漏水" not in raw
        assert raw != ""
    with pytest.raises(Conflict, match="已转工单"), db.begin(CLERK) as s:
        visits.raise_ticket(s, row.id, TicketRequest("repair", repair), expected_version=None)

    # a refused ticket saves no visit either
    before = _count_visits(db)
    with pytest.raises(ValidationError) as refused, db.begin(CLERK) as s:
        visits.record_visit(
            s,
            VisitSpec(
                unit_id=estate["u1"], visited_at=_now(db), findings="门禁坏了",
                ticket=TicketRequest("repair", _category(db, "complaint")),
            ),
        )  # fmt: skip
    assert refused.value.field == "category_id"
    assert _count_visits(db) == before


def test_a_saved_visit_raises_its_ticket_later(db: Database, estate: dict[str, int]) -> None:
    complaint = _category(db, "complaint")
    row = _visit(db, estate["u1"], findings="对停车收费有意见")
    assert row.ticket_id is None
    with db.begin(CLERK) as s:
        raised = visits.raise_ticket(
            s, row.id, TicketRequest("complaint", complaint), expected_version=row.version
        )
    assert raised.ticket_number.startswith("TS")
    silent = _visit(db, estate["u3"], findings="")
    with pytest.raises(ValidationError, match="没有记录发现的问题"), db.begin(CLERK) as s:
        visits.raise_ticket(
            s, silent.id, TicketRequest("complaint", complaint), expected_version=None
        )


@pytest.mark.parametrize(
    ("field", "change", "message"),
    [
        ("visited_at", {"visited_at": "future"}, "不能晚于现在"),
        ("rating", {"rating": 6}, "1 到 5 分"),
        ("rating", {"rating": 0}, "1 到 5 分"),
        ("findings", {"ticket": "repair"}, "请先填写走访发现的问题"),
        ("next_visit_on", {"next_visit_on": "today-1"}, "之后"),
        ("unit_id", {"unit_id": None}, "请选择走访的房屋"),
        ("reason", {"reason": "elderly_alone", "trigger_id": "other unit"}, "不属于所选的房屋"),
        ("reason", {"reason": "picnic"}, "走访原因应为"),
        ("visitor_name", {"visitor_name": "名" * 51}, "走访人不能超过"),
    ],
)
def test_bad_input_is_refused_with_a_chinese_message_and_nothing_saved(
    db: Database, estate: dict[str, int], field: str, change: dict[str, object], message: str
) -> None:
    with db.begin(CLERK) as s:
        other_flag = care.add_household_flag(s, estate["u3"], FlagSpec("elderly_alone", "独居"))
    now, today = _now(db), _today(db)
    values: dict[str, object] = {"unit_id": estate["u2"], "visited_at": now, "findings": ""}
    for key, value in change.items():
        if value == "future":
            value = now + timedelta(minutes=5)
        elif value == "today-1":
            value = today - timedelta(days=1)
        elif value == "other unit":
            value = other_flag.id
        elif key == "ticket":
            value = TicketRequest("repair", _category(db, "repair"))
        values[key] = value
    with pytest.raises(ValidationError) as refused, db.begin(CLERK) as s:
        visits.record_visit(s, VisitSpec(**values))  # type: ignore[arg-type]
    assert refused.value.field == field
    assert message in refused.value.message
    assert _count_visits(db) == 0


def test_rules_are_a_managers_setting(db: Database, estate: dict[str, int]) -> None:
    with db.begin(CLERK) as s:
        care.add_household_flag(s, estate["u2"], FlagSpec("elderly_alone", "独居"))
    with pytest.raises(NotAllowed), db.begin(CLERK) as s:
        visits.set_rule(s, VisitRule("elderly_alone", True, 14, 3650))
    with db.begin(MANAGER) as s:
        saved = visits.set_rule(s, VisitRule("elderly_alone", True, 14, 3650))
    assert saved.version == 1
    assert _plan(db) == [("elderly_alone", estate["u2"], _today(db) + timedelta(days=14), False)]
    with pytest.raises(Conflict), db.begin(MANAGER) as s:
        visits.set_rule(s, VisitRule("elderly_alone", True, 21, 3650))  # started from version 0
    with pytest.raises(ValidationError, match="1 到 365 天"), db.begin(MANAGER) as s:
        visits.set_rule(s, VisitRule("elderly_alone", True, 0, 3650, version=1))
    with pytest.raises(ValidationError), db.begin(MANAGER) as s:
        visits.set_rule(s, VisitRule("follow_up", True, 10, 10))
    with db.begin(MANAGER) as s:
        visits.set_rule(s, VisitRule("elderly_alone", False, 14, 3650, version=1))
    assert _plan(db) == []


def test_clerks_do_not_see_plan_items_of_supervisors_only_flags(
    db: Database, estate: dict[str, int]
) -> None:
    with db.begin(CLERK) as s:
        care.add_household_flag(
            s, estate["u2"], FlagSpec("elderly_alone", "独居", visibility="supervisors")
        )
    assert _plan(db, CLERK) == []
    assert len(_plan(db, SUPERVISOR)) == 1
    assert _overdue_count(db, CLERK) == 0


def test_the_audit_viewer_names_visits_in_chinese() -> None:
    from propdesk.audit.labels import describe_changes, field_label
    from propdesk.audit.queries import table_label

    assert table_label("care_visit").startswith("走访记录")
    assert table_label("care_visit_rule").startswith("走访计划规则")
    for column in ("visited_at", "visitor_name", "rating", "next_visit_on", "ticket_id", "days"):
        assert field_label(column) != column, column
    assert "新入住走访" in describe_changes({"reason": [None, "new_household"]}, "care_visit")
