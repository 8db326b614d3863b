"""Role cases of attention flags: setting, editing, ending and viewing are desk work
(``EDIT_REGISTRY``); a supervisors-only flag also needs ``APPROVE``; custom kinds are a
setting (``MANAGE_SETTINGS``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlalchemy.orm import Session

from propdesk.auth.permissions import Permission
from propdesk.care import services as care
from propdesk.care.services import FlagSpec
from propdesk.registry import services as reg
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
]
