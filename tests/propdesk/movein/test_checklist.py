"""Move-in checklist: saved half-done, refused with a mandatory item missing, then completed."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import select

from propdesk.clock import today
from propdesk.db.engine import Database
from propdesk.errors import InvalidTransition, NotAllowed
from propdesk.fees.charges import post_one_off_charge
from propdesk.fees.models import Meter, MeterReading
from propdesk.fees.payments import take_payment
from propdesk.movein import checklist
from propdesk.movein.values import MoveInForm
from propdesk.registry import services as reg
from tests.propdesk.renovation.fixtures import CLERK, make_place

FULL = MoveInForm(
    planned_on=today(),
    documents_checked=True,
    fees_settled=True,
    water_reading_centi=12_345,
    electricity_reading_centi=67_890,
    keys=(("入户门钥匙", 3), ("信报箱钥匙", 1)),
    card_numbers="A0001, A0002",
    parking_requested=True,
    parking_note="申请地下车位",
    signed_on=today(),
)


@pytest.mark.parametrize(
    ("change", "item"),
    [
        ({"documents_checked": False}, "资料核验"),
        ({"fees_settled": False}, "费用结清"),
        ({"water_reading_centi": None}, "水表底数"),
        ({"electricity_reading_centi": None}, "电表底数"),
        ({"keys": ()}, "钥匙移交"),
        ({"signed_on": None}, "签字日期"),
    ],
)
def test_occupancy_cannot_start_with_a_mandatory_item_missing(
    sqlite_db: Database, change: dict[str, object], item: str
) -> None:
    place = make_place(sqlite_db)
    uid, pid = place.unit_ids[0], place.person_ids[0]
    with sqlite_db.begin(CLERK) as s:
        mid = checklist.open_movein(
            s, unit_id=uid, person_id=pid, role="owner", form=replace(FULL, **change)
        )
    with sqlite_db.begin(CLERK) as s, pytest.raises(NotAllowed, match=item):
        checklist.complete_movein(s, mid, expected_version=None)
    with sqlite_db.begin(CLERK) as s:
        assert reg.get_unit_dossier(s, uid).current == ()
        assert checklist.get_movein(s, mid).missing == (item,)


def test_save_resume_and_complete(db: Database) -> None:
    place = make_place(db)
    uid, pid = place.unit_ids[0], place.person_ids[0]
    half = MoveInForm(planned_on=today(), documents_checked=True, keys=(("入户门钥匙", 2),))
    with db.begin(CLERK) as s:
        mid = checklist.open_movein(s, unit_id=uid, person_id=pid, role="owner", form=half)
    with db.begin(CLERK) as s:
        info = checklist.get_movein(s, mid)
    assert info.status == "draft"
    assert info.form.keys == (("入户门钥匙", 2),)
    assert "费用结清" in info.missing
    with db.begin(CLERK) as s:
        checklist.save_movein(s, mid, FULL, expected_version=info.version)
    with db.begin(CLERK) as s:
        info = checklist.get_movein(s, mid)
        occ = checklist.complete_movein(s, mid, expected_version=info.version)
    with db.begin(CLERK) as s:
        dossier = reg.get_unit_dossier(s, uid)
        readings = dict(
            s.execute(
                select(Meter.kind, MeterReading.reading_centi)
                .join(MeterReading, MeterReading.meter_id == Meter.id)
                .where(Meter.unit_id == uid)
            ).all()
        )
        done = checklist.get_movein(s, mid)
    assert [o.id for o in dossier.current] == [occ]
    assert dossier.unit.status == "occupied"
    assert readings == {"water": 12_345, "electricity": 67_890}
    assert done.status == "completed"
    assert done.key_total == 4
    with db.begin(CLERK) as s, pytest.raises(InvalidTransition):
        checklist.save_movein(s, mid, FULL, expected_version=None)


def test_ticked_fees_settled_with_real_arrears_is_refused(db: Database) -> None:
    place = make_place(db)
    uid, pid = place.unit_ids[0], place.person_ids[0]
    with db.begin(CLERK) as s:
        post_one_off_charge(
            s,
            unit_id=uid,
            amount_fen=5_000,
            description="开荒保洁",
            source="test",
            source_id=1,
            item_code="other",
            on=today() - timedelta(days=40),
        )
        mid = checklist.open_movein(s, unit_id=uid, person_id=pid, role="owner", form=FULL)
    with db.begin(CLERK) as s, pytest.raises(NotAllowed, match=r"欠费 50\.00 元"):
        checklist.complete_movein(s, mid, expected_version=None)
    with db.begin(CLERK) as s:
        take_payment(s, unit_id=uid, amount_fen=5_000, method="cash")
    with db.begin(CLERK) as s:
        checklist.complete_movein(s, mid, expected_version=None)


def test_shared_meter_is_not_doubled_by_a_private_one(db: Database) -> None:
    from propdesk.fees.meters import create_meter
    from propdesk.registry.models import Unit

    place = make_place(db)
    uid, pid = place.unit_ids[0], place.person_ids[0]
    with db.begin(CLERK) as s:
        unit = s.get(Unit, uid)
        assert unit is not None
        create_meter(
            s, code="E-1栋公摊", kind="electricity", building_id=unit.building_id, split="area"
        )
        mid = checklist.open_movein(s, unit_id=uid, person_id=pid, role="owner", form=FULL)
    with db.begin(CLERK) as s:
        checklist.complete_movein(s, mid, expected_version=None)
    with db.begin(CLERK) as s:
        kinds = sorted(s.scalars(select(Meter.kind).where(Meter.unit_id == uid)))
        info = checklist.get_movein(s, mid)
    assert kinds == ["water"]  # electricity comes from the building's shared meter
    assert info.form.electricity_reading_centi == 67_890  # kept on the checklist
