"""Role cases of the service desk: settings, staff, SLA rules and the quality check (approval)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session

from propdesk.auth.permissions import Permission
from propdesk.tickets import catalog
from propdesk.tickets import services as svc
from propdesk.tickets.staff import save_staff
from tests.propdesk.auth.role_matrix import Call, Guarded

T0 = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)


def _category(c: Call) -> int:
    def make() -> int:
        def first(s: Session) -> int:
            catalog.ensure_defaults(s)
            return next(x.id for x in catalog.list_categories(s, "repair") if x.code == "plumbing")

        return int(c.as_system(first))

    return int(c.world.once("tickets.category", make))


def _closed_ticket(c: Call) -> int:
    category = _category(c)

    def make(s: Session) -> int:
        plumber = save_staff(s, staff_id=None, name=f"师傅{c.tag}", department="engineering")
        intake = svc.Intake(
            kind="repair",
            category_id=category,
            description="地漏堵塞",
            unit_id=c.world.unit_id,
            person_id=c.world.person_id,
        )
        tid = svc.create_ticket(s, intake, at=T0).id
        svc.dispatch(s, tid, staff_id=plumber, at=T0 + timedelta(minutes=5))
        svc.start(s, tid, at=T0 + timedelta(minutes=30))
        svc.complete(s, tid, work_done="已疏通", at=T0 + timedelta(hours=2))
        svc.callback(
            s, tid, overall=5, speed=5, attitude=5, comment="满意", at=T0 + timedelta(hours=20)
        )
        svc.close(s, tid, at=T0 + timedelta(days=1))
        return tid

    return int(c.as_system(make))


def _quality_check(c: Call) -> object:
    return c.run(lambda s: svc.quality_check(s, c.prepared, passed=True, note="抽查合格"))


def _save_category(c: Call) -> object:
    return c.run(
        lambda s: catalog.save_category(s, category_id=None, kind="repair", name=f"门禁{c.tag}")
    )


def _rule(c: Call) -> int:
    """A category override rule of a fresh category (one per attempt)."""

    def make(s: Session) -> int:
        cat = catalog.save_category(s, category_id=None, kind="repair", name=f"规则分类{c.tag}")
        return catalog.save_rule(
            s,
            kind="repair",
            category_id=cat,
            urgency="normal",
            response_minutes=30,
            resolve_minutes=240,
            resolve_working_days=0,
        )

    return int(c.as_system(make))


def _save_rule(c: Call) -> object:
    return c.run(
        lambda s: catalog.save_rule(
            s,
            kind="repair",
            category_id=c.prepared,
            urgency="normal",
            response_minutes=20 + c.n,
            resolve_minutes=0,
            resolve_working_days=2,
        )
    )


def _delete_rule(c: Call) -> object:
    return c.run(lambda s: catalog.delete_rule(s, c.prepared))


def _set_setting(c: Call) -> object:
    return c.run(lambda s: catalog.set_setting(s, "due_soon_hours", 12 + c.n))


def _save_staff(c: Call) -> object:
    return c.run(lambda s: save_staff(s, staff_id=None, name=f"保洁{c.tag}", department="cleaning"))


CASES: list[Guarded] = [
    Guarded(
        "propdesk.tickets.services.quality_check",
        Permission.APPROVE,
        _quality_check,
        _closed_ticket,
    ),
    Guarded("propdesk.tickets.catalog.save_category", Permission.MANAGE_SETTINGS, _save_category),
    Guarded(
        "propdesk.tickets.catalog.save_rule", Permission.MANAGE_SETTINGS, _save_rule, _category
    ),
    Guarded(
        "propdesk.tickets.catalog.delete_rule", Permission.MANAGE_SETTINGS, _delete_rule, _rule
    ),
    Guarded("propdesk.tickets.catalog.set_setting", Permission.MANAGE_SETTINGS, _set_setting),
    Guarded("propdesk.tickets.staff.save_staff", Permission.MANAGE_SETTINGS, _save_staff),
]
