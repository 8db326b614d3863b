"""Role cases of move-out: leaving with open arrears needs a manager's waiver (WAIVE)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.orm import Session

from propdesk.auth.permissions import Permission
from propdesk.clock import today
from propdesk.fees.charges import post_one_off_charge
from propdesk.movein import moveout
from propdesk.movein.values import MoveOutForm
from propdesk.registry import services as reg
from tests.propdesk.auth.role_matrix import Call, Guarded


def _occupancy_with_arrears(c: Call) -> int:
    def make(s: Session) -> int:
        unit = reg.create_unit(
            s, building_id=c.world.building_id, entrance=2, room=f"{1 + c.n:02d}81", area="80"
        )
        occ = reg.start_occupancy(
            s,
            person_id=c.world.person_id,
            unit_id=unit,
            role="tenant",
            start_date=today() - timedelta(days=100),
        )
        post_one_off_charge(
            s,
            unit_id=unit,
            amount_fen=9_900,
            description="有偿维修",
            source="role_case",
            source_id=unit,
            on=today() - timedelta(days=40),
        )
        return occ

    return int(c.as_system(make))


def _move_out(c: Call) -> object:
    form = MoveOutForm(
        occupancy_id=c.prepared,
        moved_out_on=today(),
        water_reading_centi=1_000,
        electricity_reading_centi=2_000,
        keys_returned=2,
        waiver_reason="经理同意先行迁出",
    )
    return c.run(lambda s: moveout.record_move_out(s, form))


CASES: list[Guarded] = [
    Guarded(
        "propdesk.movein.moveout.record_move_out",
        Permission.WAIVE,
        _move_out,
        _occupancy_with_arrears,
        also=(Permission.EDIT_REGISTRY, Permission.TAKE_PAYMENT),
    ),
]
