"""Role cases of renovation: approval, rejection, acceptance, deposit refund, violation types."""

from __future__ import annotations

from sqlalchemy.orm import Session

from propdesk.auth.permissions import Permission
from propdesk.registry import services as reg
from propdesk.renovation import inspections, permits
from propdesk.renovation.refund import Deduction, refund_deposit
from tests.propdesk.auth.role_matrix import Call, Guarded
from tests.propdesk.renovation.fixtures import application

_ROOMS = {"approve": 1, "reject": 2, "accept": 3, "refund": 4}


def _permit(c: Call, purpose: str, *, approve: bool = False, accept: bool = False) -> int:
    def make(s: Session) -> int:
        unit = reg.create_unit(
            s,
            building_id=c.world.building_id,
            entrance=2,
            room=f"{1 + c.n:02d}9{_ROOMS[purpose]}",
            area="80",
        )
        pid = permits.apply_for_permit(s, application(unit, deposit_fen=100_000))
        permits.collect_deposit(s, pid, method="cash")
        if approve:
            permits.approve_permit(s, pid)
        if accept:
            permits.accept_permit(s, pid)
        return pid

    return int(c.as_system(make))


CASES: list[Guarded] = [
    Guarded(
        "propdesk.renovation.permits.approve_permit",
        Permission.APPROVE,
        lambda c: c.run(lambda s: permits.approve_permit(s, c.prepared)),
        lambda c: _permit(c, "approve"),
        also=(Permission.EDIT_REGISTRY,),
    ),
    Guarded(
        "propdesk.renovation.permits.reject_permit",
        Permission.APPROVE,
        lambda c: c.run(lambda s: permits.reject_permit(s, c.prepared, reason="资料不全")),
        lambda c: _permit(c, "reject"),
    ),
    Guarded(
        "propdesk.renovation.permits.accept_permit",
        Permission.APPROVE,
        lambda c: c.run(lambda s: permits.accept_permit(s, c.prepared)),
        lambda c: _permit(c, "accept", approve=True),
        also=(Permission.EDIT_REGISTRY,),
    ),
    Guarded(
        "propdesk.renovation.refund.refund_deposit",
        Permission.APPROVE,
        lambda c: c.run(
            lambda s: refund_deposit(
                s, c.prepared, deductions=[Deduction("垃圾清运", 5_000)], method="cash"
            )
        ),
        lambda c: _permit(c, "refund", approve=True, accept=True),
        also=(Permission.VOID_RECEIPT,),
    ),
    Guarded(
        "propdesk.renovation.inspections.save_violation_type",
        Permission.MANAGE_SETTINGS,
        lambda c: c.run(
            lambda s: inspections.save_violation_type(
                s, code=f"smoking_{c.tag}", name=f"吸烟{c.tag}", default_days=1
            )
        ),
    ),
]
