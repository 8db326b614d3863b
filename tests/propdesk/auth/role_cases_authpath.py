"""Role cases of issue 14's login path: the security policy, service accounts, and the money
and permit helpers that became guarded (add_credit, apply_credits, post_one_off_charge,
write_rate, permits, inspections)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from propdesk.auth import policy, users
from propdesk.auth.passwords import TEST_COST
from propdesk.auth.permissions import Permission
from propdesk.fees import charges, credits, rate_store
from propdesk.fees.items import item_id
from propdesk.registry import services as reg
from propdesk.renovation import inspections, permits
from propdesk.renovation.inspections import ViolationSpec
from tests.propdesk.auth.role_matrix import Call, Guarded
from tests.propdesk.renovation.fixtures import application

_ROOMS = {"apply": 5, "workers": 6, "cancel": 7, "inspect": 8, "follow": 9}


def _unit(c: Call, purpose: str) -> int:
    return int(
        c.as_system(
            lambda s: reg.create_unit(
                s,
                building_id=c.world.building_id,
                entrance=2,
                room=f"{1 + c.n:02d}8{_ROOMS[purpose]}",
                area="80",
            )
        )
    )


def _permit(c: Call, purpose: str, *, approve: bool = False) -> int:
    unit = _unit(c, purpose)

    def make(s: Session) -> int:
        pid = permits.apply_for_permit(s, application(unit, deposit_fen=100_000))
        if approve:
            permits.collect_deposit(s, pid, method="cash")
            permits.approve_permit(s, pid)
        return pid

    return int(c.as_system(make))


def _violation(c: Call) -> int:
    pid = _permit(c, "follow", approve=True)

    def make(s: Session) -> int:
        kind = next(t.id for t in inspections.list_violation_types(s))
        inspections.record_inspection(
            s, pid, inspector="张工", violations=[ViolationSpec(kind, "未按时施工")]
        )
        from propdesk.renovation.queries import get_permit

        return int(get_permit(s, pid).inspections[0].violations[0].id)

    return int(c.as_system(make))


def _item(c: Call) -> Any:
    return c.as_system(lambda s: item_id(s, "property"))


CASES: list[Guarded] = [
    Guarded(
        "propdesk.auth.policy.set_idle_lock",
        Permission.MANAGE_SECURITY,
        lambda c: c.run(lambda s: policy.set_idle_lock(s, 10 + c.n)),
    ),
    Guarded(
        "propdesk.auth.users.create_service_account",
        Permission.MANAGE_USERS,
        lambda c: c.run(
            lambda s: users.create_service_account(
                s,
                username=f"svc_{c.tag}",
                display_name="夜间备份",
                role="admin",
                secret="svc-secret-123",
                cost=TEST_COST,
            )
        ),
    ),
    Guarded(
        "propdesk.fees.credits.add_credit",
        Permission.VOID_RECEIPT,  # credit no payment brought in is an adjustment
        lambda c: c.run(lambda s: credits.add_credit(s, c.world.unit_id, 100, "adjust")),
    ),
    Guarded(
        "propdesk.fees.credits.apply_credits",
        Permission.TAKE_PAYMENT,
        lambda c: c.run(lambda s: credits.apply_credits(s, [c.world.unit_id])),
    ),
    Guarded(
        "propdesk.fees.charges.post_one_off_charge",
        Permission.TAKE_PAYMENT,
        lambda c: c.run(
            lambda s: charges.post_one_off_charge(
                s,
                unit_id=c.world.unit_id,
                amount_fen=1_000,
                description="更换门锁",
                source="role-case",
                source_id=c.n,
            )
        ),
    ),
    Guarded(
        "propdesk.fees.rate_store.write_rate",
        Permission.MANAGE_FEES,
        lambda c: c.run(
            lambda s: rate_store.write_rate(
                s, item_id=c.prepared, effective_from=date(2026, 1 + c.n, 1), rate_fen=180
            )
        ),
        _item,
    ),
    Guarded(
        "propdesk.renovation.permits.apply_for_permit",
        Permission.EDIT_REGISTRY,
        lambda c: c.run(lambda s: permits.apply_for_permit(s, application(c.prepared))),
        lambda c: _unit(c, "apply"),
    ),
    Guarded(
        "propdesk.renovation.permits.add_workers",
        Permission.EDIT_REGISTRY,
        lambda c: c.run(lambda s: permits.add_workers(s, c.prepared, [("王工", "13800000000")])),
        lambda c: _permit(c, "workers"),
    ),
    Guarded(
        "propdesk.renovation.permits.cancel_permit",
        Permission.EDIT_REGISTRY,
        lambda c: c.run(lambda s: permits.cancel_permit(s, c.prepared, reason="业主暂缓装修")),
        lambda c: _permit(c, "cancel"),
    ),
    Guarded(
        "propdesk.renovation.inspections.record_inspection",
        Permission.EDIT_REGISTRY,
        lambda c: c.run(lambda s: inspections.record_inspection(s, c.prepared, inspector="张工")),
        lambda c: _permit(c, "inspect", approve=True),
    ),
    Guarded(
        "propdesk.renovation.inspections.follow_up_violation",
        Permission.EDIT_REGISTRY,
        lambda c: c.run(lambda s: inspections.follow_up_violation(s, c.prepared, rectified=True)),
        _violation,
    ),
]
