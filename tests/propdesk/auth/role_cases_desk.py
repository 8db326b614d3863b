"""Role cases of the desk module: patrol routes and desk settings (MANAGE_SETTINGS)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from propdesk.auth.permissions import Permission
from propdesk.desk import routes, settings
from tests.propdesk.auth.role_matrix import Call, Guarded


def _save_route(c: Call) -> object:
    return c.run(
        lambda s: routes.save_route(
            s,
            name=f"夜间巡逻{c.tag}",
            checkpoints=[routes.CheckpointSpec(name="北门"), routes.CheckpointSpec(name="车库")],
        )
    )


def _route(c: Call) -> int:
    def make(s: Session) -> int:
        return routes.save_route(
            s, name=f"白班巡逻{c.tag}", checkpoints=[routes.CheckpointSpec(name="南门")]
        )

    return int(c.as_system(make))


def _deactivate_route(c: Call) -> object:
    return c.run(lambda s: routes.deactivate_route(s, c.prepared))


def _set_setting(c: Call) -> object:
    return c.run(lambda s: settings.set_setting(s, "parcel_hold_days", 2 + c.n))


CASES: list[Guarded] = [
    Guarded("propdesk.desk.routes.save_route", Permission.MANAGE_SETTINGS, _save_route),
    Guarded(
        "propdesk.desk.routes.deactivate_route",
        Permission.MANAGE_SETTINGS,
        _deactivate_route,
        _route,
    ),
    Guarded("propdesk.desk.settings.set_setting", Permission.MANAGE_SETTINGS, _set_setting),
]
