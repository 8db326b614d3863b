"""Role cases of the desk: patrol routes and desk thresholds need MANAGE_SETTINGS."""

from __future__ import annotations

from sqlalchemy.orm import Session

from propdesk.auth.permissions import Permission
from propdesk.desk import routes, settings
from propdesk.desk.routes import CheckpointSpec
from tests.propdesk.auth.role_matrix import Call, Guarded


def _save_route(c: Call) -> object:
    return c.run(
        lambda s: routes.save_route(
            s, name=f"巡查路线{c.tag}", checkpoints=[CheckpointSpec("大堂", "lobby", "门禁")]
        )
    )


def _a_route(c: Call) -> int:
    def make(s: Session) -> int:
        return routes.save_route(
            s, name=f"待停用路线{c.tag}", checkpoints=[CheckpointSpec("车库", "garage")]
        )

    return int(c.as_system(make))


def _deactivate(c: Call) -> object:
    return c.run(lambda s: routes.deactivate_route(s, c.prepared))


def _set_setting(c: Call) -> object:
    return c.run(lambda s: settings.set_setting(s, "parcel_hold_days", 2 + c.n))


CASES: list[Guarded] = [
    Guarded("propdesk.desk.routes.save_route", Permission.MANAGE_SETTINGS, _save_route),
    Guarded(
        "propdesk.desk.routes.deactivate_route",
        Permission.MANAGE_SETTINGS,
        _deactivate,
        _a_route,
    ),
    Guarded("propdesk.desk.settings.set_setting", Permission.MANAGE_SETTINGS, _set_setting),
]
