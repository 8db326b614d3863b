"""The shift log and handover: every open item is carried over and the taking over is recorded."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from propdesk.db.engine import Database
from propdesk.desk import parcels, patrols, shiftlog, vacant
from propdesk.desk.models import ShiftEntry
from propdesk.desk.vacant import CheckInput
from propdesk.errors import Conflict, NotAllowed, ValidationError
from propdesk.tickets import catalog
from propdesk.tickets import services as ticket_services
from tests.propdesk.desk.helpers import CLERK, NIGHT_CLERK, Estate, local

DAY = date(2026, 11, 30)  # a month end


def _ticket(db: Database, estate: Estate, text: str, day: date) -> tuple[int, str]:
    with db.begin(CLERK) as s:
        catalog.ensure_defaults(s)
        cat = next(c.id for c in catalog.list_categories(s, "repair") if c.active)
        created = ticket_services.create_ticket(
            s,
            ticket_services.Intake(
                kind="repair",
                category_id=cat,
                description=text,
                unit_id=estate.lived_in,
                reporter_name="王五",
            ),
            at=local(day, 0),
        )
    return created.id, created.number


def _busy_day(db: Database, estate: Estate) -> dict[str, object]:
    """A day shift with something of every kind left open at 17:00."""
    overdue_id, overdue_no = _ticket(db, estate, "卫生间漏水", date(2026, 11, 20))
    _soon_id, soon_no = _ticket(db, estate, "门铃不响", DAY)
    with db.begin(CLERK) as s:
        first = shiftlog.take_over(s, at=local(DAY, 8))
        e_open = shiftlog.add_entry(
            s,
            kind="reminder",
            text="3-1-101 业主明早来取装修押金收据",
            follow_up=True,
            unit_id=estate.lived_in,
            at=local(DAY, 9),
        )
        e_done = shiftlog.add_entry(
            s, kind="incident", text="停车场道闸抬杆故障", follow_up=True, at=local(DAY, 10)
        )
        shiftlog.add_entry(s, kind="event", text="消防演练通知已张贴", at=local(DAY, 11))
        e_ticket = shiftlog.add_entry(
            s,
            kind="inquiry",
            text="业主来电催修",
            follow_up=True,
            ticket_id=overdue_id,
            at=local(DAY, 12),
        )
        shiftlog.complete_entry(s, e_done, at=local(DAY, 13))
        long_parcel = parcels.receive_parcel(
            s,
            carrier="顺丰",
            tracking_no="SF1",
            unit_id=estate.lived_in,
            at=local(date(2026, 11, 25)),
        )
        parcels.receive_parcel(
            s, carrier="中通", tracking_no="ZT1", unit_id=estate.lived_in, at=local(DAY, 14)
        )
        pid = patrols.start_patrol(s, estate.route_id, at=local(DAY, 15))
        fid = patrols.patrol_detail(s, pid).findings[0].id
        patrols.record_finding(s, fid, result="abnormal", note="大堂玻璃门关不严")
        patrols.finish_patrol(s, pid, at=local(DAY, 15, 30))
        vacant.record_check(s, estate.vacant_b, CheckInput(), at=local(DAY, 16))
    return {
        "shift": first,
        "entries": (e_open, e_ticket),
        "done": e_done,
        "ticket": overdue_no,
        "soon": soon_no,
        "parcel": long_parcel,
        "finding": fid,
    }


def test_handover_carries_every_open_item_and_records_the_acknowledgement(
    db: Database, estate: Estate
) -> None:
    day = _busy_day(db, estate)
    with db.begin(CLERK) as s:
        closed = shiftlog.close_shift(s, note="道闸已修好，明早注意供水通知", at=local(DAY, 17))
    kinds = [i.kind for i in closed.items]
    refs = {(i.kind, i.ref_id) for i in closed.items}
    text = "\n".join(i.text for i in closed.items)
    assert f"{day['ticket']} 水暖管道 3-1-101 已逾期" in text  # past its deadline
    assert f"{day['soon']} 水暖管道 3-1-101 将到期" in text  # near its deadline
    assert ("parcel", day["parcel"]) in refs
    assert "另有待取快递 1 件在架" in text
    assert ("anomaly", day["finding"]) in refs
    assert "大堂玻璃门关不严" in text
    assert ("vacant", estate.vacant_a) in refs  # never checked; 1601 was checked today
    assert ("vacant", estate.vacant_b) not in refs
    open_refs = {r for k, r in refs if k == "entry"}
    assert open_refs == set(day["entries"])  # open entries, not the done or info ones
    assert kinds.index("ticket") < kinds.index("entry")
    assert closed.closed_by == "王前台"
    assert closed.acknowledged_at is None

    with db.begin(CLERK) as s:
        with pytest.raises(NotAllowed):  # nothing can be written between shifts
            shiftlog.add_entry(s, kind="event", text="x")
        assert shiftlog.current_shift(s) is None
        pending = shiftlog.pending_handover(s)
        assert pending is not None
        assert pending.id == closed.id
        assert pending.items == closed.items  # stored, not recomposed

    with db.begin(NIGHT_CLERK) as s:
        night = shiftlog.take_over(s, at=local(DAY, 17, 10))
    with db.begin(NIGHT_CLERK) as s:
        old = shiftlog.shift_detail(s, closed.id)
        assert old.acknowledged_by == "周夜班"
        assert old.acknowledged_at == local(DAY, 17, 10)
        assert shiftlog.pending_handover(s) is None
        current = shiftlog.current_shift(s)
        assert current is not None
        assert current.id == night
        assert current.previous_id == closed.id
        carried = shiftlog.entries_of_shift(s, night)
        assert [e.carried_from_id for e in carried] == list(day["entries"])
        assert [e.status for e in carried] == ["open", "open"]
        assert carried[0].unit_code == "3-1-101"
        assert carried[1].ticket_number == day["ticket"]
        assert carried[0].at == local(DAY, 9)  # the original time is kept
        statuses = dict(s.execute(select(ShiftEntry.id, ShiftEntry.status)).all())
        assert statuses[day["entries"][0]] == "carried"
        assert statuses[day["done"]] == "done"


def test_items_still_open_carry_over_again(db: Database, estate: Estate) -> None:
    day = _busy_day(db, estate)
    with db.begin(CLERK) as s:
        shiftlog.close_shift(s, at=local(DAY, 17))
    with db.begin(NIGHT_CLERK) as s:
        night = shiftlog.take_over(s, at=local(DAY, 17, 5))
        first, second = shiftlog.entries_of_shift(s, night)
        shiftlog.complete_entry(s, first.id)
        closed = shiftlog.close_shift(s, at=local(date(2026, 12, 1), 8))
    with db.begin(CLERK) as s:
        morning = shiftlog.take_over(s, at=local(date(2026, 12, 1), 8, 5))
        [left] = shiftlog.entries_of_shift(s, morning)
    assert [i.ref_id for i in closed.items if i.kind == "entry"] == [second.id]
    assert left.text == "业主来电催修"
    assert left.carried_from_id == second.id
    assert day["entries"][1] != second.id


def test_one_shift_at_a_time(db: Database, estate: Estate) -> None:
    with db.begin(CLERK) as s:
        assert shiftlog.current_shift(s) is None
        shiftlog.take_over(s)
    with db.begin(NIGHT_CLERK) as s, pytest.raises(Conflict):
        shiftlog.take_over(s)


def test_entry_validation(db: Database, estate: Estate) -> None:
    with db.begin(CLERK) as s:
        shiftlog.take_over(s)
        with pytest.raises(ValidationError) as err:
            shiftlog.add_entry(s, kind="event", text=" ")
        assert err.value.field == "text"
        with pytest.raises(ValidationError) as err:
            shiftlog.add_entry(s, kind="party", text="x")
        assert err.value.field == "kind"


def test_keys_out_are_in_the_handover(db: Database, estate: Estate) -> None:
    from propdesk.keys import services as keys

    with db.begin(CLERK) as s:
        deposit = keys.deposit_key(
            s,
            unit_id=estate.vacant_a,
            deposited_by="王五",
            authorised="装修队老周",
            at=local(DAY, 8),
        )
        loan = keys.lend_key(
            s,
            deposit_id=deposit,
            borrower="装修队老周",
            signature="周",
            purpose="进场量房",
            due_at=local(DAY, 12),
            at=local(DAY, 9),
        )
        lines = shiftlog.compose_handover(s, at=local(DAY, 17))
    [key] = [i for i in lines if i.kind == "key"]
    assert key.ref_id == loan
    assert "3-2-1501" in key.text
    assert "装修队老周" in key.text
    assert "逾期未还" in key.text


def test_a_build_without_the_keys_feature_composes_without_them(
    db: Database, estate: Estate, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "propdesk.keys.services", None)  # import fails
    with db.begin(CLERK) as s:
        lines = shiftlog.compose_handover(s, at=local(DAY, 17))
    assert not [i for i in lines if i.kind == "key"]


def test_long_lists_are_itemised_up_to_a_limit_then_counted(
    db: Database, estate: Estate, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(shiftlog, "MAX_LINES", 1)
    with db.begin(CLERK) as s:
        for n in range(3):
            parcels.receive_parcel(
                s,
                carrier="顺丰",
                tracking_no=f"SF{n}",
                unit_id=estate.lived_in,
                at=local(date(2026, 11, 1)),
            )
        parcels.receive_parcel(
            s, carrier="顺丰", tracking_no="SF-new", unit_id=estate.lived_in, at=local(DAY, 9)
        )
        shiftlog.take_over(s, at=local(DAY, 8))
        for n in range(3):
            shiftlog.add_entry(
                s, kind="reminder", text=f"待办{n}", follow_up=True, at=local(DAY, 9)
            )
        lines = shiftlog.compose_handover(s, at=local(DAY, 17))
    parcel_lines = [i for i in lines if i.kind == "parcel"]
    assert [i.ref_id is None for i in parcel_lines] == [False, True]
    assert parcel_lines[-1].text == "另有待取快递 3 件在架"  # 2 more held too long, 1 new
    vacant_lines = [i for i in lines if i.kind == "vacant"]
    assert [i.ref_id is None for i in vacant_lines] == [False, True]
    assert vacant_lines[-1].text == "另有 1 套空置房逾期未检查，见空置房清单"
    assert len([i for i in lines if i.kind == "entry"]) == 3  # own entries: never cut


def test_renovation_inspections_due_are_in_the_handover(db: Database, estate: Estate) -> None:
    from propdesk.renovation.models import RenovationPermit
    from tests.propdesk.renovation.fixtures import approved_permit

    permit = approved_permit(db, estate.vacant_b)
    with db.begin(CLERK) as s:
        number = s.scalar(select(RenovationPermit.permit_no).where(RenovationPermit.id == permit))
        lines = shiftlog.compose_handover(s)  # now: the permit's work period has begun
    [inspection] = [i for i in lines if i.kind == "inspection"]
    assert inspection.ref_id == permit
    assert f"装修巡检 3-2-1601 {number}" in inspection.text
