"""Desk GUI test helpers: a route over the small estate."""

from __future__ import annotations

from propdesk.auth.actor import Actor, Role
from propdesk.db.engine import Database
from propdesk.desk import routes
from propdesk.desk.routes import CheckpointSpec

MANAGER = Actor(user_id=None, username="mgr", display_name="赵经理", role=Role.MANAGER)


def make_route(db: Database, vacant_unit: int) -> int:
    with db.begin(MANAGER) as s:
        return routes.save_route(
            s,
            name="日间巡查",
            checkpoints=[
                CheckpointSpec("大堂", "lobby", "地面、门禁、照明"),
                CheckpointSpec("3号楼电梯", "elevator", "运行、应急电话"),
                CheckpointSpec("消防设施", "fire", "灭火器压力、消防通道畅通"),
                CheckpointSpec("空置房 3-2-1501", "vacant", "门窗、水电", unit_id=vacant_unit),
            ],
        )
