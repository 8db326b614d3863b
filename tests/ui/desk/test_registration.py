"""The desk's plug-ins: the overview is the desk's landing module, status-bar figures, unit panels."""

from __future__ import annotations

from datetime import timedelta

from propdesk.auth.actor import Role
from propdesk.db.engine import Database
from propdesk.db.types import utcnow
from propdesk.desk import parcels
from tests.ui.helpers import CLERK, SmallEstate, make_ctx
from ui import extensions as ext
from ui.desk.registration import parcels_counter_text, vacant_counter_text
from ui.main_window import landing_module
from ui.registrations import register_all


def test_overview_is_the_landing_module() -> None:
    register_all()
    keys = [m.key for m in sorted(ext.NAV_MODULES, key=lambda m: m.order)]
    assert landing_module(Role.CLERK, keys) == "overview"  # the desk lands on its overview
    assert landing_module(Role.SUPERVISOR, keys) == "overview"
    assert landing_module(Role.MANAGER, keys) == "dashboard"  # management on the dashboard
    assert landing_module(Role.ADMIN, keys) == "dashboard"
    assert landing_module(Role.CLERK, [k for k in keys if k != "overview"]) == keys[0]
    keys = {m.key for m in ext.NAV_MODULES}
    assert {"patrols", "shiftlog", "parcels"} <= keys
    assert {"parcels_waiting", "vacant_checks_due"} <= {c.key for c in ext.STATUS_COUNTERS}
    assert {"parcels", "vacant_checks"} <= {p.key for p in ext.UNIT_PANELS}


def test_status_counters(sqlite_db: Database, small_estate: SmallEstate) -> None:
    ctx = make_ctx(sqlite_db, CLERK)
    assert parcels_counter_text(ctx) == ""
    assert vacant_counter_text(ctx) == "Vacant checks due: 1"  # 3-2-1501, never checked
    with sqlite_db.begin(CLERK) as s:
        parcels.receive_parcel(
            s,
            carrier="顺丰",
            tracking_no="SF1",
            unit_id=small_estate.unit_101,
            at=utcnow() - timedelta(days=10),
        )
        parcels.receive_parcel(s, carrier="顺丰", tracking_no="SF2", unit_id=small_estate.unit_101)
    assert parcels_counter_text(ctx) == "Parcels waiting: 2 (1 too long)"
