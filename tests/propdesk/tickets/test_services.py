"""Intake, dispatch, callbacks, quality checks, paid repairs, complaints and settings."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from propdesk.db.engine import Database
from propdesk.errors import Conflict, InvalidTransition, NotAllowed, ValidationError
from propdesk.tickets import catalog
from propdesk.tickets import services as svc
from propdesk.tickets.attachments import attach_file
from propdesk.tickets.complaints import set_findings
from propdesk.tickets.costs import CostLineInput, set_cost_lines
from propdesk.tickets.queries import ticket_detail
from propdesk.tickets.staff import list_staff, save_staff
from tests.propdesk.tickets.helpers import CLERK, MANAGER, SUPERVISOR, Desk, category_id, make_desk

T0 = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)  # Monday 10:00 in Beijing


def _repair(db: Database, desk: Desk, **kw: object) -> int:
    cat = category_id(db, "repair", "plumbing")
    intake = svc.Intake(
        kind="repair",
        category_id=cat,
        description="卫生间地漏堵塞",
        unit_id=desk.unit_id,
        person_id=desk.person_id,
    )
    if kw:
        from dataclasses import replace

        intake = replace(intake, **kw)  # type: ignore[arg-type]
    with db.begin(CLERK) as s:
        return svc.create_ticket(s, intake, at=T0).id


def test_intake_records_owner_reporter_and_first_event(db: Database) -> None:
    desk = make_desk(db)
    tid = _repair(db, desk)
    with db.begin(SUPERVISOR) as s:
        info = ticket_detail(s, tid, now=T0)
    assert info.number == "BX20261123-0001"
    assert info.status == "received"
    assert info.owner_name == "王前台"  # 首问负责制: the registering clerk owns it
    assert info.reporter_name == "张三"
    assert info.reporter_phone == "13812345678"  # a supervisor may see it
    assert info.department == "engineering"  # the category's default department
    assert [(e.action, e.to_status, e.actor_name) for e in info.events] == [
        ("create", "received", "王前台")
    ]
    with db.begin(CLERK) as s:
        assert ticket_detail(s, tid, now=T0).reporter_phone == "138****5678"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"description": "  "}, "description"),
        ({"unit_id": None, "location": ""}, "unit_id"),
        ({"person_id": None, "reporter_name": ""}, "reporter_name"),
        ({"reporter_phone": "138abc"}, "reporter_phone"),
        ({"kind": "complaint"}, "category_id"),  # plumbing is a repair category
        ({"urgency": "whenever"}, "urgency"),
    ],
)
def test_intake_validation(db: Database, changes: dict[str, object], field: str) -> None:
    desk = make_desk(db)
    with pytest.raises(ValidationError) as err:
        _repair(db, desk, **changes)
    assert err.value.field == field


def test_public_area_ticket_from_patrol_needs_no_reporter(db: Database) -> None:
    make_desk(db)
    cat = category_id(db, "repair", "public_area")
    with db.begin(CLERK) as s:
        created = svc.create_ticket(
            s,
            svc.Intake(
                kind="repair",
                source="patrol",
                category_id=cat,
                description="地库照明损坏",
                location="地下车库B区",
            ),
            at=T0,
        )
    assert created.number.startswith("BX")


def test_full_cycle_with_quality_check(db: Database) -> None:
    desk = make_desk(db)
    tid = _repair(db, desk)
    with db.begin(CLERK) as s:
        svc.dispatch(
            s, tid, staff_id=desk.plumber_id, note="尽快上门", at=T0 + timedelta(minutes=3)
        )
        svc.start(s, tid, at=T0 + timedelta(minutes=40))
        svc.complete(s, tid, work_done="疏通地漏", at=T0 + timedelta(hours=2))
        assert not svc.callback(
            s, tid, overall=5, speed=5, attitude=4, comment="很满意", at=T0 + timedelta(days=1)
        )
        svc.close(s, tid, at=T0 + timedelta(days=1, minutes=1))
    with pytest.raises(NotAllowed), db.begin(CLERK) as s:
        svc.quality_check(s, tid, passed=True)
    with db.begin(SUPERVISOR) as s:
        svc.quality_check(s, tid, passed=True, note="抽查合格")
        info = ticket_detail(s, tid)
    assert [e.action for e in info.events] == [
        "create",
        "dispatch",
        "start",
        "complete",
        "callback",
        "close",
        "quality_check",
    ]
    assert info.staff_name == "刘师傅"
    assert info.work_done == "疏通地漏"
    assert info.callbacks[0].overall == 5
    assert info.quality_checks[0].by_name == "李主管"
    assert "派给 刘师傅（工程部）" in info.events[1].note


def test_bad_or_not_fixed_callback_reopens(db: Database) -> None:
    desk = make_desk(db)
    tid = _repair(db, desk)
    with db.begin(CLERK) as s:
        svc.dispatch(s, tid, department="engineering")
    for rating, fixed, reopens in ((2, True, 1), (4, False, 2), (3, True, 2)):
        with db.begin(CLERK) as s:
            svc.start(s, tid)
            svc.complete(s, tid)
            svc.callback(s, tid, overall=rating, speed=3, attitude=3, fixed=fixed)
            info = ticket_detail(s, tid)
        assert info.reopen_count == reopens
        assert info.status == ("dispatched" if rating <= 2 or not fixed else "called_back")
    assert info.status == "called_back"
    assert [c.reopened for c in info.callbacks] == [True, True, False]


def test_invalid_transitions_and_cancel_reason(db: Database) -> None:
    desk = make_desk(db)
    tid = _repair(db, desk)
    with pytest.raises(InvalidTransition) as err, db.begin(CLERK) as s:
        svc.complete(s, tid)
    assert "已受理" in str(err.value)
    with pytest.raises(ValidationError), db.begin(CLERK) as s:
        svc.cancel(s, tid, reason=" ")
    with db.begin(CLERK) as s:
        svc.cancel(s, tid, reason="业主已自行修好")
    with pytest.raises(InvalidTransition), db.begin(CLERK) as s:
        svc.dispatch(s, tid, department="engineering")
    with pytest.raises(ValidationError), db.begin(CLERK) as s:
        svc.callback(s, tid, overall=6, speed=1, attitude=1)


def test_stale_version_is_a_conflict(db: Database) -> None:
    desk = make_desk(db)
    tid = _repair(db, desk)
    with db.begin(CLERK) as s:
        shown = ticket_detail(s, tid).version
        svc.dispatch(s, tid, department="engineering", expected_version=shown)
    with pytest.raises(Conflict), db.begin(CLERK) as s:
        svc.start(s, tid, expected_version=shown)


def test_dispatch_needs_active_staff_or_department(db: Database) -> None:
    desk = make_desk(db)
    tid = _repair(db, desk)
    with pytest.raises(ValidationError), db.begin(CLERK) as s:
        svc.dispatch(s, tid)
    with db.begin(MANAGER) as s:
        save_staff(s, staff_id=desk.cleaner_id, name="陈阿姨", department="cleaning", active=False)
    with pytest.raises(ValidationError), db.begin(CLERK) as s:
        svc.dispatch(s, tid, staff_id=desk.cleaner_id)
    with db.begin(CLERK) as s:
        assert [x.name for x in list_staff(s)] == ["刘师傅"]
        assert list_staff(s)[0].phone == "137****1111"


def test_settings_need_manage_settings(db: Database) -> None:
    make_desk(db)
    with pytest.raises(NotAllowed), db.begin(CLERK) as s:
        save_staff(s, staff_id=None, name="新人", department="security")
    with pytest.raises(NotAllowed), db.begin(SUPERVISOR) as s:
        catalog.set_setting(s, "repeat_complaint_days", 10)
    with db.begin(MANAGER) as s:
        cid = catalog.save_category(
            s, category_id=None, kind="repair", name="燃气管道", default_department="engineering"
        )
        rid = catalog.save_rule(
            s,
            kind="repair",
            category_id=cid,
            urgency="normal",
            response_minutes=30,
            resolve_minutes=240,
            resolve_working_days=0,
        )
        due = svc.preview_deadlines(s, "repair", cid, "normal", at=T0)
        assert due.response_due == T0 + timedelta(minutes=30)
        catalog.delete_rule(s, rid)
        assert svc.preview_deadlines(
            s, "repair", cid, "normal", at=T0
        ).response_due == T0 + timedelta(hours=24)
        with pytest.raises(ValidationError):
            catalog.set_setting(s, "holidays", ["2026-13-01"])


def test_repeat_complaint_warning(db: Database) -> None:
    desk = make_desk(db)
    noise = category_id(db, "complaint", "noise")
    hygiene = category_id(db, "complaint", "hygiene")
    with db.begin(CLERK) as s:
        first = svc.create_ticket(
            s,
            svc.Intake(
                kind="complaint",
                category_id=noise,
                description="楼上噪音",
                unit_id=desk.unit_id,
                person_id=desk.person_id,
            ),
            at=T0,
        )
        garden = svc.create_ticket(
            s,
            svc.Intake(
                kind="complaint",
                category_id=hygiene,
                description="垃圾桶满溢",
                location="2号垃圾站",
                reporter_name="路过业主",
            ),
            at=T0,
        )
        assert first.repeat_numbers == ()
        again = svc.create_ticket(
            s,
            svc.Intake(
                kind="complaint",
                category_id=hygiene,
                description="又有人投诉",
                unit_id=desk.unit_id,
                person_id=desk.person_id,
            ),
            at=T0 + timedelta(days=10),
        )
        same_place = svc.create_ticket(
            s,
            svc.Intake(
                kind="complaint",
                category_id=hygiene,
                description="垃圾站异味",
                location="2号垃圾站",
                reporter_name="李女士",
            ),
            at=T0 + timedelta(days=3),
        )
        other_unit = svc.create_ticket(
            s,
            svc.Intake(
                kind="complaint",
                category_id=noise,
                description="噪音",
                unit_id=desk.unit2_id,
                reporter_name="王先生",
            ),
            at=T0 + timedelta(days=3),
        )
        late = svc.create_ticket(
            s,
            svc.Intake(
                kind="complaint",
                category_id=noise,
                description="噪音",
                unit_id=desk.unit_id,
                reporter_name="张三",
            ),
            at=T0 + timedelta(days=45),
        )
    assert again.repeat_numbers == (first.number,)
    assert same_place.repeat_numbers == (garden.number,)
    assert other_unit.repeat_numbers == ()
    assert late.repeat_numbers == ()  # outside the 30-day window
    with db.begin(CLERK) as s:
        assert ticket_detail(s, again.id).repeat_of == first.number


def test_complaint_findings(db: Database) -> None:
    desk = make_desk(db)
    noise = category_id(db, "complaint", "staff_attitude")
    with db.begin(CLERK) as s:
        tid = svc.create_ticket(
            s,
            svc.Intake(
                kind="complaint",
                category_id=noise,
                description="保安态度差",
                unit_id=desk.unit_id,
                person_id=desk.person_id,
            ),
            at=T0,
        ).id
    with pytest.raises(ValidationError), db.begin(CLERK) as s:
        set_findings(s, tid, responsible_department="security", valid=True)
    with db.begin(CLERK) as s:
        set_findings(
            s,
            tid,
            responsible_department="security",
            valid=True,
            validity_reason="监控核实属实",
            root_cause="新入职保安培训不足",
            resolution="赔礼道歉并加强培训",
        )
        info = ticket_detail(s, tid)
    assert (info.responsible_department, info.complaint_valid, info.root_cause) == (
        "security",
        True,
        "新入职保安培训不足",
    )
    assert info.events[-1].action == "findings"
    with pytest.raises(NotAllowed), db.begin(CLERK) as s:
        set_findings(s, _repair(db, desk), responsible_department="", valid=None)


def test_paid_repair_posts_one_charge_when_done(db: Database) -> None:
    from propdesk.fees.models import BillLine

    desk = make_desk(db)
    tid = _repair(db, desk, is_paid=True)
    lines = [
        CostLineInput("labour", "更换水龙头人工", 1, 5000),
        CostLineInput("material", "水龙头", 2, 3850),
    ]
    with db.begin(CLERK) as s:
        assert set_cost_lines(s, tid, lines) == 12700
        svc.dispatch(s, tid, staff_id=desk.plumber_id)
        svc.start(s, tid)
        svc.complete(s, tid, work_done="更换水龙头两个")
        info = ticket_detail(s, tid)
    assert info.charge_id is not None
    assert info.total_fen == 12700
    with db.begin(CLERK) as s:
        line = s.scalar(select(BillLine).where(BillLine.id == info.charge_id))
        assert line is not None
        assert (line.unit_id, line.amount_fen, line.source, line.source_ref) == (
            desk.unit_id,
            12700,
            "ticket",
            str(tid),
        )
    with pytest.raises(NotAllowed), db.begin(CLERK) as s:
        set_cost_lines(s, tid, lines)


def test_paid_repair_failure_rolls_back_completion(db: Database) -> None:
    desk = make_desk(db)
    cat = category_id(db, "repair", "public_area")
    with db.begin(CLERK) as s:
        tid = svc.create_ticket(
            s,
            svc.Intake(
                kind="repair",
                category_id=cat,
                description="换灯",
                location="大堂",
                reporter_name="保安",
                is_paid=True,
            ),
            at=T0,
        ).id
        set_cost_lines(s, tid, [CostLineInput("material", "灯管", 1, 2000)])
        svc.dispatch(s, tid, staff_id=desk.plumber_id)
        svc.start(s, tid)
    with pytest.raises(ValidationError), db.begin(CLERK) as s:
        svc.complete(s, tid)
    with db.begin(CLERK) as s:
        assert ticket_detail(s, tid).status == "in_progress"


def test_attachment_copied_into_data_folder(db: Database, tmp_path: Path) -> None:
    from propdesk.config import data_dir

    desk = make_desk(db)
    tid = _repair(db, desk)
    photo = tmp_path / "漏水.jpg"
    photo.write_bytes(b"\xff\xd8fake-jpeg")
    with db.begin(CLERK) as s:
        attach_file(s, tid, photo)
        attach_file(s, tid, photo)
        info = ticket_detail(s, tid)
    paths = [Path(a.path) for a in info.attachments]
    assert [p.name for p in paths] == ["漏水.jpg", "漏水-1.jpg"]
    assert all(p.read_bytes() == photo.read_bytes() and data_dir() in p.parents for p in paths)
    with pytest.raises(ValidationError), db.begin(CLERK) as s:
        attach_file(s, tid, tmp_path / "missing.png")


def test_rules_listed_with_category_names(db: Database) -> None:
    with db.begin(CLERK) as s:
        rules = catalog.list_rules(s)
    assert len(rules) == 17
    assert rules[0].kind == "repair"
    assert rules[0].category_id is None
    outage = [r for r in rules if r.category_name == "停水停电"]
    assert {r.response_minutes for r in outage} == {30}
