"""Role cases of attention flags: setting, editing, ending and viewing are desk work
(``EDIT_REGISTRY``); a supervisors-only flag also needs ``APPROVE``; custom kinds are a
setting (``MANAGE_SETTINGS``). Visits: recording one and raising its finding as a ticket are
desk work (``EDIT_REGISTRY``); the planning rules are a setting (``MANAGE_SETTINGS``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.auth.permissions import Permission
from propdesk.care import services as care
from propdesk.care import visits
from propdesk.care.services import FlagSpec
from propdesk.care.visit_plan import rules
from propdesk.care.visit_values import VisitReason, VisitRule
from propdesk.care.visits import TicketRequest, VisitSpec
from propdesk.registry import services as reg
from propdesk.tickets import catalog
from tests.propdesk.auth.role_matrix import Call, Guarded

KINDS = ("elderly_alone", "evacuation", "disability", "vip", "complainant")


def _spec(c: Call, visibility: str = "all") -> FlagSpec:
    return FlagSpec(KINDS[c.n % len(KINDS)], "行动不便，需协助", visibility=visibility)


def _person_flag(visibility: str) -> Callable[[Call], int]:
    def prepare(c: Call) -> int:
        def make(s: Session) -> int:
            person = reg.create_person(s, name=f"李{c.tag}"[:10])
            return care.add_person_flag(s, person, _spec(c, visibility)).id

        return int(c.as_system(make))

    return prepare


def _kind(c: Call) -> int:
    return int(c.as_system(lambda s: care.define_kind(s, f"孕妇{c.n}").id))


def _visit_spec(s: Session, c: Call, findings: str = "楼道灯不亮") -> VisitSpec:
    return VisitSpec(
        unit_id=c.world.unit_id,
        visited_at=clock.now(s) - timedelta(hours=1),
        findings=findings,
        rating=1 + c.n % 5,
    )


def _repair(s: Session) -> TicketRequest:
    catalog.ensure_defaults(s)
    return TicketRequest("repair", next(x.id for x in catalog.list_categories(s, "repair")))


def _saved_visit(c: Call) -> int:
    return int(c.as_system(lambda s: visits.record_visit(s, _visit_spec(s, c)).id))


def _set_rule(s: Session, c: Call) -> VisitRule:
    current = rules(s)[VisitReason.ELDERLY_ALONE]
    return visits.set_rule(
        s, VisitRule("elderly_alone", True, 20 + c.n, 3650, version=current.version)
    )


_all = _person_flag("all")
_restricted = _person_flag("supervisors")

CASES: list[Guarded] = [
    Guarded(
        "propdesk.care.services.add_household_flag",
        Permission.EDIT_REGISTRY,
        lambda c: c.run(lambda s: care.add_household_flag(s, c.world.unit_id, _spec(c))),
    ),
    Guarded(
        "propdesk.care.services.add_person_flag",
        Permission.EDIT_REGISTRY,
        lambda c: c.run(lambda s: care.add_person_flag(s, c.world.person_id, _spec(c))),
    ),
    Guarded(
        "propdesk.care.services.update_flag",
        Permission.EDIT_REGISTRY,
        lambda c: c.run(
            lambda s: care.update_flag(
                s,
                c.prepared,
                FlagSpec(KINDS[c.n % len(KINDS)], "改：轮椅", review_on=date(2099, 1, 1)),
                expected_version=None,
            )
        ),
        _all,
    ),
    Guarded(
        "propdesk.care.services.update_flag",
        Permission.EDIT_REGISTRY,
        lambda c: c.run(
            lambda s: care.update_flag(
                s, c.prepared, _spec(c, "supervisors"), expected_version=None
            )
        ),
        _restricted,
        also=(Permission.APPROVE,),
    ),
    Guarded(
        "propdesk.care.services.review_flag",
        Permission.EDIT_REGISTRY,
        lambda c: c.run(
            lambda s: care.review_flag(s, c.prepared, date(2099, 1, 1), expected_version=None)
        ),
        _all,
    ),
    Guarded(
        "propdesk.care.services.end_flag",
        Permission.EDIT_REGISTRY,
        lambda c: c.run(lambda s: care.end_flag(s, c.prepared, "已搬离")),
        _all,
    ),
    Guarded(
        "propdesk.care.services.end_flag",
        Permission.EDIT_REGISTRY,
        lambda c: c.run(lambda s: care.end_flag(s, c.prepared, "已搬离")),
        _restricted,
        also=(Permission.APPROVE,),
    ),
    Guarded(
        "propdesk.care.services.view_flag",
        Permission.EDIT_REGISTRY,
        lambda c: c.run(lambda s: care.view_flag(s, c.prepared)),
        _all,
    ),
    Guarded(
        "propdesk.care.services.view_flag",
        Permission.EDIT_REGISTRY,
        lambda c: c.run(lambda s: care.view_flag(s, c.prepared)),
        _restricted,
        also=(Permission.APPROVE,),
    ),
    Guarded(
        "propdesk.care.services.define_kind",
        Permission.MANAGE_SETTINGS,
        lambda c: c.run(lambda s: care.define_kind(s, f"独居残障{c.n}")),
    ),
    Guarded(
        "propdesk.care.services.retire_kind",
        Permission.MANAGE_SETTINGS,
        lambda c: c.run(lambda s: care.retire_kind(s, c.prepared)),
        _kind,
    ),
    Guarded(
        "propdesk.care.visits.record_visit",
        Permission.EDIT_REGISTRY,
        lambda c: c.run(lambda s: visits.record_visit(s, _visit_spec(s, c))),
    ),
    Guarded(
        "propdesk.care.visits.record_visit",
        Permission.EDIT_REGISTRY,
        lambda c: c.run(
            lambda s: visits.record_visit(
                s, replace(_visit_spec(s, c, "卫生间漏水"), ticket=_repair(s))
            )
        ),
    ),
    Guarded(
        "propdesk.care.visits.raise_ticket",
        Permission.EDIT_REGISTRY,
        lambda c: c.run(
            lambda s: visits.raise_ticket(s, c.prepared, _repair(s), expected_version=None)
        ),
        _saved_visit,
    ),
    Guarded(
        "propdesk.care.visits.set_rule",
        Permission.MANAGE_SETTINGS,
        lambda c: c.run(lambda s: _set_rule(s, c)),
    ),
]
