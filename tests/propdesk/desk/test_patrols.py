"""Patrols: checkpoints in order, missed ones recorded as missed, one linked ticket per finding."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from propdesk.db.engine import Database
from propdesk.desk import patrols, routes
from propdesk.desk.routes import CheckpointSpec
from propdesk.errors import Conflict, InvalidTransition, NotAllowed, ValidationError
from propdesk.tickets.models import Ticket, TicketCategory
from tests.propdesk.desk.helpers import CLERK, MANAGER, Estate, local

DAY = date(2026, 11, 23)


def test_start_creates_pending_findings_in_route_order(db: Database, estate: Estate) -> None:
    with db.begin(CLERK) as s:
        pid = patrols.start_patrol(s, estate.route_id, at=local(DAY, 9))
        info = patrols.patrol_detail(s, pid)
    assert [f.checkpoint_name for f in info.findings] == [
        "大堂",
        "3号楼电梯",
        "消防设施",
        "空置房 3-2-1501",
    ]
    assert {f.result for f in info.findings} == {"pending"}
    assert info.patroller == "王前台"
    assert info.local_day == DAY
    assert info.findings[3].unit_id == estate.vacant_a


def test_unticked_checkpoints_are_recorded_as_missed_not_normal(
    db: Database, estate: Estate
) -> None:
    with db.begin(CLERK) as s:
        pid = patrols.start_patrol(s, estate.route_id, at=local(DAY, 9))
        first, second, *_ = patrols.patrol_detail(s, pid).findings
        patrols.record_finding(s, first.id, result="normal", at=local(DAY, 9, 5))
        patrols.record_finding(s, second.id, result="abnormal", note="应急电话无声")
        missed = patrols.finish_patrol(s, pid, at=local(DAY, 9, 30))
        info = patrols.patrol_detail(s, pid)
    assert missed == 2
    assert [f.result for f in info.findings] == ["normal", "abnormal", "missed", "missed"]
    assert info.status == "finished"
    assert (info.checked, info.abnormal, info.missed) == (2, 1, 2)
    with db.begin(CLERK) as s:
        [summary] = patrols.patrols_of_day(s, DAY)
    assert (summary.total, summary.checked, summary.abnormal, summary.missed) == (4, 2, 1, 2)


def test_finished_patrol_cannot_be_ticked_any_more(db: Database, estate: Estate) -> None:
    with db.begin(CLERK) as s:
        pid = patrols.start_patrol(s, estate.route_id)
        fid = patrols.patrol_detail(s, pid).findings[0].id
        patrols.finish_patrol(s, pid)
    with db.begin(CLERK) as s, pytest.raises(InvalidTransition):
        patrols.record_finding(s, fid, result="normal")
    with db.begin(CLERK) as s:
        assert patrols.patrol_detail(s, pid).findings[0].result == "missed"


def test_abnormal_needs_a_note(db: Database, estate: Estate) -> None:
    with db.begin(CLERK) as s:
        pid = patrols.start_patrol(s, estate.route_id)
        fid = patrols.patrol_detail(s, pid).findings[0].id
        with pytest.raises(ValidationError) as err:
            patrols.record_finding(s, fid, result="abnormal", note="  ")
    assert err.value.field == "note"


def test_abnormal_finding_creates_exactly_one_linked_ticket(db: Database, estate: Estate) -> None:
    with db.begin(CLERK) as s:
        pid = patrols.start_patrol(s, estate.route_id, at=local(DAY, 9))
        fid = patrols.patrol_detail(s, pid).findings[2].id
        patrols.record_finding(s, fid, result="abnormal", note="2楼灭火器压力不足")
        raised = patrols.raise_ticket(s, fid, at=local(DAY, 9, 10))
    with db.begin(CLERK) as s, pytest.raises(Conflict):
        patrols.raise_ticket(s, fid)
    with db.begin(CLERK) as s:
        tickets = s.execute(select(Ticket.id, Ticket.source, Ticket.location, Ticket.description))
        rows = tickets.all()
        assert len(rows) == 1
        tid, source, location, description = rows[0]
        assert tid == raised.ticket_id
        assert source == "patrol"
        assert location == "消防设施"
        category = s.scalar(
            select(TicketCategory.code).join(Ticket, Ticket.category_id == TicketCategory.id)
        )
        assert category == "public_area"  # suggested by the checkpoint area (fire)
        assert "2楼灭火器压力不足" in description
        # both ways: finding → ticket and ticket → finding
        finding = patrols.patrol_detail(s, pid).findings[2]
        assert finding.ticket_id == tid
        assert finding.ticket_number == raised.ticket_number
        back = patrols.finding_for_ticket(s, tid)
        assert back is not None
        assert back.id == fid
        assert back.patrol_id == pid


def test_vacant_unit_finding_raises_ticket_on_the_unit(db: Database, estate: Estate) -> None:
    with db.begin(CLERK) as s:
        pid = patrols.start_patrol(s, estate.route_id)
        fid = patrols.patrol_detail(s, pid).findings[3].id
        patrols.record_finding(s, fid, result="abnormal", note="卫生间渗水")
        raised = patrols.raise_ticket(s, fid)
        unit_id = s.scalar(select(Ticket.unit_id).where(Ticket.id == raised.ticket_id))
    assert unit_id == estate.vacant_a


def test_normal_finding_raises_no_ticket(db: Database, estate: Estate) -> None:
    with db.begin(CLERK) as s:
        pid = patrols.start_patrol(s, estate.route_id)
        fid = patrols.patrol_detail(s, pid).findings[0].id
        patrols.record_finding(s, fid, result="normal")
        with pytest.raises(InvalidTransition):
            patrols.raise_ticket(s, fid)
        assert s.scalar(select(func.count(Ticket.id))) == 0


def test_open_anomalies_until_ticket_done_or_resolved(db: Database, estate: Estate) -> None:
    from propdesk.tickets import services as ticket_services

    with db.begin(CLERK) as s:
        pid = patrols.start_patrol(s, estate.route_id)
        findings = patrols.patrol_detail(s, pid).findings
        patrols.record_finding(s, findings[0].id, result="abnormal", note="大堂灯不亮")
        patrols.record_finding(s, findings[1].id, result="abnormal", note="电梯异响")
        raised = patrols.raise_ticket(s, findings[1].id)
        patrols.finish_patrol(s, pid)
    with db.begin(CLERK) as s:
        assert [a.checkpoint_name for a in patrols.open_anomalies(s)] == ["大堂", "3号楼电梯"]
        assert patrols.count_open_anomalies(s) == 2
        patrols.resolve_finding(s, findings[0].id, note="已当场更换灯泡")
        ticket_services.cancel(s, raised.ticket_id, reason="重复")
    with db.begin(CLERK) as s:
        assert patrols.open_anomalies(s) == []
        assert patrols.count_open_anomalies(s) == 0


def test_photo_is_copied_into_the_data_folder(db: Database, estate: Estate, tmp_path: Path) -> None:
    photo = tmp_path / "crack.jpg"
    photo.write_bytes(b"\xff\xd8jpeg")
    with db.begin(CLERK) as s:
        pid = patrols.start_patrol(s, estate.route_id)
        fid = patrols.patrol_detail(s, pid).findings[0].id
        patrols.record_finding(s, fid, result="abnormal", note="地砖裂缝", photo=photo)
        stored = patrols.patrol_detail(s, pid).findings[0].photo_path
    path = patrols.photo_file(stored)
    assert path is not None
    assert path.read_bytes() == b"\xff\xd8jpeg"
    assert path != photo


def test_route_edit_keeps_checkpoint_ids_and_needs_manage_settings(
    db: Database, estate: Estate
) -> None:
    with db.begin(CLERK) as s, pytest.raises(NotAllowed):
        routes.save_route(s, name="夜间巡查", checkpoints=[CheckpointSpec("车库")])
    with db.begin(MANAGER) as s:
        route = routes.get_route(s, estate.route_id)
        lobby, _elevator, fire, _vacant = route.checkpoints
        routes.save_route(
            s,
            route_id=route.id,
            name=route.name,
            expected_version=route.version,
            checkpoints=[
                CheckpointSpec(fire.name, fire.area, fire.what_to_check, id=fire.id),
                CheckpointSpec(lobby.name, lobby.area, lobby.what_to_check, id=lobby.id),
                CheckpointSpec("屋面", "roof", "排水口、避雷带"),
            ],
        )
        after = routes.get_route(s, route.id)
    assert [c.name for c in after.checkpoints] == ["消防设施", "大堂", "屋面"]
    assert after.checkpoints[0].id == fire.id
    assert after.checkpoints[1].id == lobby.id
    with db.begin(MANAGER) as s, pytest.raises(Conflict):
        routes.save_route(
            s,
            route_id=route.id,
            name=route.name,
            expected_version=route.version,
            checkpoints=[CheckpointSpec("大堂")],
        )


def test_route_needs_a_name_and_checkpoints(db: Database, estate: Estate) -> None:
    with db.begin(MANAGER) as s:
        with pytest.raises(ValidationError) as err:
            routes.save_route(s, name="", checkpoints=[CheckpointSpec("大堂")])
        assert err.value.field == "name"
        with pytest.raises(ValidationError) as err:
            routes.save_route(s, name="空路线", checkpoints=[])
        assert err.value.field == "checkpoints"
        with pytest.raises(ValidationError) as err:
            routes.save_route(s, name="日间巡查", checkpoints=[CheckpointSpec("大堂")])
        assert err.value.field == "name"
