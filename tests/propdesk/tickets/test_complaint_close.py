"""A complaint closes only with its conclusion; repairs keep closing as before."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from propdesk.db.engine import Database
from propdesk.errors import ValidationError
from propdesk.tickets import services as svc
from propdesk.tickets.complaints import set_findings
from propdesk.tickets.models import Ticket, TicketEvent
from propdesk.tickets.queries import ticket_detail
from tests.propdesk.tickets.helpers import CLERK, Desk, category_id, make_desk

T0 = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)


def _called_back(db: Database, desk: Desk, kind: str = "complaint") -> int:
    code = "noise" if kind == "complaint" else "plumbing"
    intake = svc.Intake(
        kind=kind,
        category_id=category_id(db, kind, code),
        description="楼上装修噪音",
        unit_id=desk.unit_id,
        person_id=desk.person_id,
    )
    with db.begin(CLERK) as s:
        tid = svc.create_ticket(s, intake, at=T0).id
        svc.dispatch(s, tid, department="security", at=T0 + timedelta(minutes=5))
        svc.start(s, tid, at=T0 + timedelta(minutes=30))
        svc.complete(s, tid, work_done="已上门协调", at=T0 + timedelta(hours=2))
        svc.callback(
            s, tid, overall=4, speed=4, attitude=4, fixed=True, at=T0 + timedelta(hours=20)
        )
    return tid


def _state(db: Database, tid: int) -> tuple[object, ...]:
    with db.begin(CLERK) as s:
        t = s.get(Ticket, tid)
        assert t is not None
        events = s.scalar(select(func.count()).where(TicketEvent.ticket_id == tid))
        return (
            t.status,
            t.closed_at,
            t.responsible_department,
            t.complaint_valid,
            t.root_cause,
            t.resolution,
            t.version,
            events,
        )


def test_a_complaint_without_a_conclusion_does_not_close(db: Database) -> None:
    desk = make_desk(db)
    tid = _called_back(db, desk)
    before = _state(db, tid)
    with pytest.raises(ValidationError) as raised, db.begin(CLERK) as s:
        svc.close(s, tid, note="已处理")
    assert raised.value.field == "valid"
    assert "是否成立" in raised.value.message
    assert _state(db, tid) == before


@pytest.mark.parametrize(
    ("findings", "field", "words"),
    [
        ({"valid": True, "root_cause": "施工超时", "resolution": "已约谈"}, "responsible_department", "责任部门"),
        ({"valid": True, "responsible_department": "security", "resolution": "已约谈"}, "root_cause", "根本原因"),
        ({"valid": True, "responsible_department": "security", "root_cause": "施工超时"}, "resolution", "处理结果"),
        ({"valid": False, "responsible_department": "security"}, "resolution", "处理结果"),
    ],
)  # fmt: skip
def test_each_missing_part_of_the_conclusion_is_named(
    db: Database, findings: dict[str, object], field: str, words: str
) -> None:
    desk = make_desk(db)
    tid = _called_back(db, desk)
    args: dict[str, object] = {"responsible_department": "", "validity_reason": "已核实"}
    args.update(findings)
    with db.begin(CLERK) as s:
        set_findings(s, tid, **args)  # type: ignore[arg-type]
    before = _state(db, tid)
    with pytest.raises(ValidationError) as raised, db.begin(CLERK) as s:
        svc.close(s, tid)
    assert (raised.value.field, words in raised.value.message) == (field, True)
    assert _state(db, tid) == before


def test_close_complaint_saves_nothing_when_refused_and_all_when_complete(db: Database) -> None:
    desk = make_desk(db)
    tid = _called_back(db, desk)
    before = _state(db, tid)
    with db.begin(CLERK) as s:
        version = s.get(Ticket, tid).version  # type: ignore[union-attr]
    # upheld, department and cause given, but no result: the findings are not kept either
    with pytest.raises(ValidationError) as raised, db.begin(CLERK) as s:
        svc.close_complaint(
            s,
            tid,
            responsible_department="security",
            valid=True,
            validity_reason="监控核实属实",
            root_cause="夜间施工无人制止",
            resolution="  ",
            expected_version=version,
        )
    assert raised.value.field == "resolution"
    assert _state(db, tid) == before

    with db.begin(CLERK) as s:
        svc.close_complaint(
            s,
            tid,
            responsible_department="security",
            valid=True,
            validity_reason="监控核实属实",
            root_cause="夜间施工无人制止",
            resolution="约谈施工方并加强夜间巡查",
            note="业主认可",
            expected_version=version,
            at=T0 + timedelta(days=1),
        )
        info = ticket_detail(s, tid)
    assert info.status == "closed"
    assert (info.responsible_department, info.complaint_valid, info.root_cause) == (
        "security",
        True,
        "夜间施工无人制止",
    )
    assert info.resolution == "约谈施工方并加强夜间巡查"
    assert [e.action for e in info.events][-2:] == ["findings", "close"]


def test_a_complaint_not_upheld_closes_with_its_explanation(db: Database) -> None:
    desk = make_desk(db)
    tid = _called_back(db, desk)
    with db.begin(CLERK) as s:
        set_findings(
            s,
            tid,
            responsible_department="",
            valid=False,
            validity_reason="经核实为正常作息时间",
            resolution="已向业主解释装修时间规定",
        )
    with db.begin(CLERK) as s:
        svc.close_complaint(
            s,
            tid,
            responsible_department="",
            valid=False,
            validity_reason="经核实为正常作息时间",
            resolution="已向业主解释装修时间规定",
        )
        info = ticket_detail(s, tid)
    assert info.status == "closed"
    # nothing changed, so no second findings event
    assert [e.action for e in info.events].count("findings") == 1


def test_a_repair_still_closes_with_nothing_more(db: Database) -> None:
    desk = make_desk(db)
    tid = _called_back(db, desk, kind="repair")
    with db.begin(CLERK) as s:
        svc.close(s, tid)
        assert s.get(Ticket, tid).status == "closed"  # type: ignore[union-attr]
