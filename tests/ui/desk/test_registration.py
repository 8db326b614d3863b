"""The desk's plug-ins: the overview is the desk's landing module, status-bar figures, unit panels."""

from __future__ import annotations

from datetime import timedelta

from propdesk import clock
from propdesk.auth.actor import Role
from propdesk.db.engine import Database
from propdesk.desk import parcels
from tests.ui.helpers import CLERK, SmallEstate
from ui.desk.registration import parcels_counter_text
from ui.main_window import landing_module
from ui.registrations import default_features


def test_overview_is_the_landing_module() -> None:
    keys = [m.key for m in sorted(default_features().nav_modules, key=lambda m: m.order)]
    assert landing_module(Role.CLERK, keys) == "overview"  # the desk lands on its overview
    assert landing_module(Role.SUPERVISOR, keys) == "overview"
    assert landing_module(Role.MANAGER, keys) == "dashboard"  # management on the dashboard
    assert landing_module(Role.ADMIN, keys) == "dashboard"
    assert landing_module(Role.CLERK, [k for k in keys if k != "overview"]) == keys[0]
    keys = {m.key for m in default_features().nav_modules}
    assert {"patrols", "shiftlog", "parcels"} <= keys
    assert {"parcels_waiting", "vacant_checks_due"} <= {
        c.key for c in default_features().status_counters
    }
    assert {"parcels", "vacant_checks"} <= {p.key for p in default_features().unit_panels}


def test_status_counters(sqlite_db: Database, small_estate: SmallEstate) -> None:
    def counted(key: str) -> str:
        [counter] = [c for c in default_features().status_counters if c.key == key]
        with sqlite_db.begin(CLERK) as s:
            value = counter.count(s)
        return counter.text(value)

    assert counted("parcels_waiting") == parcels_counter_text((0, 0)) == ""
    assert counted("vacant_checks_due") == "Vacant checks due: 1"  # 3-2-1501, never checked
    with sqlite_db.begin(CLERK) as s:
        parcels.receive_parcel(
            s,
            carrier="顺丰",
            tracking_no="SF1",
            unit_id=small_estate.unit_101,
            at=clock.now() - timedelta(days=10),
        )
        parcels.receive_parcel(s, carrier="顺丰", tracking_no="SF2", unit_id=small_estate.unit_101)
    assert counted("parcels_waiting") == "Parcels waiting: 2 (1 too long)"
