"""Role cases of the registry beyond the basic services: estate info, buildings, ledger import."""

from __future__ import annotations

from propdesk.auth.permissions import Permission
from propdesk.registry import services as reg
from propdesk.registry.ledger import import_ledger
from propdesk.registry.ledger_columns import SourceRow
from propdesk.registry.setup import update_estate
from tests.propdesk.auth.role_matrix import Call, Guarded


def _update_estate(c: Call) -> object:
    return c.run(
        lambda s: update_estate(
            s, c.world.estate_id, expected_version=None, name="翠湖苑", address=f"湖滨路{c.n}号"
        )
    )


def _update_building(c: Call) -> object:
    return c.run(
        lambda s: reg.update_building(
            s, c.world.building_id, expected_version=None, name=f"1栋（{c.tag}）", floors=20 + c.n
        )
    )


def _import_ledger(c: Call) -> object:
    rows = [
        SourceRow(
            2,
            {
                "楼栋": "1",
                "单元": 1,
                "房号": f"{c.n + 5:02d}01",
                "建筑面积": 90,
                "姓名": f"导入业主{c.tag}",
                "身份": "业主",
            },
        )
    ]
    return c.run(lambda s: import_ledger(s, rows))


CASES: list[Guarded] = [
    Guarded("propdesk.registry.setup.update_estate", Permission.EDIT_REGISTRY, _update_estate),
    Guarded(
        "propdesk.registry.services.update_building", Permission.EDIT_REGISTRY, _update_building
    ),
    Guarded(
        "propdesk.registry.ledger.import_ledger",
        Permission.IMPORT_DATA,
        _import_ledger,
        also=(Permission.EDIT_REGISTRY,),
    ),
]
