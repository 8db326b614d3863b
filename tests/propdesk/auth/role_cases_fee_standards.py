"""Role cases of fee standards (收费标准): items, scoped rates, the one-off catalogue."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from propdesk.auth.permissions import Permission
from propdesk.fees import standards
from propdesk.fees.models import ItemKind
from tests.propdesk.auth.role_matrix import Call, Guarded


def _save_item(c: Call) -> object:
    return c.run(
        lambda s: standards.save_item(
            s, name=f"垃圾清运费{c.tag}", kind=ItemKind.FIXED, category="杂项"
        )
    )


def _item(c: Call) -> int:
    return int(
        c.as_system(lambda s: standards.save_item(s, name=f"二次供水{c.tag}", kind=ItemKind.AREA))
    )


def _add_rate(c: Call) -> object:
    return c.run(
        lambda s: standards.add_rate(
            s,
            item_id=c.prepared,
            effective_from=date(2026, 1, 1),
            rate_fen=15,
            building_id=c.world.building_id,
            floor_from=1,
            floor_to=2,
        )
    )


def _catalogue_item(c: Call) -> int:
    def make() -> int:
        def run(s: Session) -> int:
            iid = standards.save_item(
                s,
                name="门禁卡工本费",
                kind=ItemKind.ONE_OFF,
                in_catalogue=True,
            )
            standards.add_rate(
                s,
                item_id=iid,
                effective_from=date(2020, 1, 1),
                rate_fen=2000,
            )
            return iid

        return int(c.as_system(run))

    return int(c.world.once("fees.catalogue_item", make))


def _post_catalogue_charge(c: Call) -> object:
    return c.run(
        lambda s: standards.post_catalogue_charge(
            s, unit_id=c.world.unit_id, item_id=c.prepared, request_key=1000 + c.n
        )
    )


CASES = [
    Guarded("propdesk.fees.standards.save_item", Permission.MANAGE_FEES, _save_item),
    Guarded("propdesk.fees.standards.add_rate", Permission.MANAGE_FEES, _add_rate, _item),
    Guarded(
        "propdesk.fees.standards.post_catalogue_charge",
        Permission.TAKE_PAYMENT,
        _post_catalogue_charge,
        _catalogue_item,
    ),
]
