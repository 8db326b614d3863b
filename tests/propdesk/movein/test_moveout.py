"""Move-out: refused with open arrears unless a manager's waiver is recorded; closes the occupancy."""

from __future__ import annotations

from datetime import timedelta

import pytest

from propdesk.clock import today
from propdesk.db.engine import Database
from propdesk.errors import NotAllowed
from propdesk.fees.charges import post_one_off_charge
from propdesk.movein import moveout
from propdesk.movein.values import MoveOutForm
from propdesk.registry import services as reg
from propdesk.registry.models import Occupancy
from tests.propdesk.renovation.fixtures import CLERK, MANAGER, SUPERVISOR, make_place


def _occupied_with_arrears(db: Database) -> tuple[int, int]:
    place = make_place(db)
    uid = place.unit_ids[0]
    with db.begin(CLERK) as s:
        occ = reg.start_occupancy(
            s,
            person_id=place.person_ids[0],
            unit_id=uid,
            role="tenant",
            start_date=today() - timedelta(days=400),
        )
        post_one_off_charge(
            s,
            unit_id=uid,
            amount_fen=12_345,
            description="有偿维修",
            source="test",
            source_id=7,
            on=today() - timedelta(days=60),
        )
    return uid, occ


def _form(occ: int, waiver: str = "") -> MoveOutForm:
    return MoveOutForm(
        occupancy_id=occ,
        moved_out_on=today(),
        water_reading_centi=50_000,
        electricity_reading_centi=90_000,
        keys_returned=3,
        cards_returned="A0001",
        waiver_reason=waiver,
    )


def test_move_out_refused_with_open_arrears(db: Database) -> None:
    uid, occ = _occupied_with_arrears(db)
    with db.begin(CLERK) as s, pytest.raises(NotAllowed, match=r"欠费 123\.45 元"):
        moveout.record_move_out(s, _form(occ))
    # a waiver typed by someone without the right is refused too
    for actor in (CLERK, SUPERVISOR):
        with db.begin(actor) as s, pytest.raises(NotAllowed):
            moveout.record_move_out(s, _form(occ, "业主已承诺转账"))
    with db.begin(CLERK) as s:
        assert [o.id for o in reg.get_unit_dossier(s, uid).current] == [occ]


def test_manager_waiver_lets_move_out_and_records_it(db: Database) -> None:
    uid, occ = _occupied_with_arrears(db)
    with db.begin(MANAGER) as s:
        mid = moveout.record_move_out(s, _form(occ, "租户已转账待到账"))
    with db.begin(CLERK) as s:
        info = moveout.get_move_out(s, mid)
        dossier = reg.get_unit_dossier(s, uid)
    assert info.open_arrears_fen == 12_345
    assert info.waiver_by == "王经理"
    assert info.slip_no.startswith(f"FX{today().year}-")
    closed = [o for o in (*dossier.current, *dossier.history) if o.id == occ]
    assert [o.end_date for o in closed] == [today()]
    assert dossier.unit.status == "vacant"


def test_settled_unit_moves_out_without_waiver(db: Database) -> None:
    place = make_place(db)
    with db.begin(CLERK) as s:
        occ = reg.start_occupancy(
            s,
            person_id=place.person_ids[1],
            unit_id=place.unit_ids[1],
            role="owner",
            start_date=today() - timedelta(days=10),
        )
    with db.begin(CLERK) as s:
        mid = moveout.record_move_out(s, _form(occ))
        assert moveout.get_move_out(s, mid).waiver_by == ""


def test_reading_below_the_meter_is_refused_next_to_the_field(db: Database) -> None:
    from propdesk.errors import ValidationError

    uid, occ = _occupied_with_arrears(db)
    last_month = MoveOutForm(
        **{**_form(occ, "经理同意").__dict__, "moved_out_on": today() - timedelta(days=35)}
    )
    with db.begin(MANAGER) as s:
        moveout.record_move_out(s, last_month)  # water 500.00 m³ read last month
    with db.begin(CLERK) as s:
        person = s.get(Occupancy, occ)
        assert person is not None
        occ2 = reg.start_occupancy(
            s,
            person_id=person.person_id,
            unit_id=uid,
            role="owner",
            start_date=today() - timedelta(days=30),
        )
    form = _form(occ2, "经理同意")
    low = MoveOutForm(**{**form.__dict__, "water_reading_centi": 10})
    with db.begin(MANAGER) as s, pytest.raises(ValidationError) as caught:
        moveout.record_move_out(s, low)
    assert caught.value.field == "water_reading"
