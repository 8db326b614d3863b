"""Opening the unit list of a 2,000-unit building vs raw sqlite3 running the same SQL.

    python benchmarks/bench_unit_list.py [--units 2000] [--repeat 15]

A demo estate (3,000 units) plus one tower of 2,000 units (50 floors × 4 entrances ×
10 rooms), most of them with an owner. PropDesk: the registry's real
``ui.registry.list_models.UnitsModel`` (a ``SqlTableModel`` with fetchMore), as the
units page uses it: switching to the tower (first batch) and painting the visible rows;
the unit count shown under the list; scrolling to the end (every fetchMore). Raw: the
SQL those steps sent (captured from the engine) replayed on a plain sqlite3 connection.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _common import captured_sql, fresh_database, median_seconds, raw_connection, replay
from sqlalchemy import insert, select

from propdesk import clock
from propdesk.auth.actor import Actor
from propdesk.db.engine import Database
from propdesk.demo import steps
from propdesk.demo.build import generate_demo
from propdesk.demo.people import PeopleFactory
from propdesk.registry.models import Building, Estate, Occupancy, Person, Unit, UnitStatus

TOWER_CODE = "50"
VISIBLE_ROWS = 30


def add_tower(db: Database, units: int) -> int:
    """A tower of ``units`` units (4 entrances × 10 rooms a floor) with owners; its id."""
    rng = random.Random(5)
    factory = PeopleFactory(rng, date.today())
    now = clock.now()
    per_floor = 40
    floors = -(-units // per_floor)
    with db.begin(Actor.system()) as s:
        estate_id = s.scalar(select(Estate.id))
        tower = s.execute(
            insert(Building).returning(Building.id),
            [
                {
                    "estate_id": estate_id,
                    "code": TOWER_CODE,
                    "name": "50栋",
                    "floors": floors,
                    "entrances": 4,
                    "has_elevator": True,
                    "sort_key": 50,
                    "created_at": now,
                    "updated_at": now,
                }
            ],
        ).scalar_one()
        rows = []
        for i in range(units):
            entrance, rest = divmod(i, floors * 10)
            floor, room = divmod(rest, 10)
            code_room = f"{floor + 1}{room + 1:02d}"
            status = UnitStatus.VACANT if rng.random() < 0.08 else UnitStatus.OCCUPIED
            rows.append(
                {
                    "estate_id": estate_id,
                    "building_id": tower,
                    "code": f"{TOWER_CODE}-{entrance + 1}-{code_room}",
                    "entrance": entrance + 1,
                    "floor": floor + 1,
                    "room": code_room,
                    "area_centi": rng.randint(6000, 18000),
                    "unit_type": "residence",
                    "status": status.value,
                    "notes": "",
                    "created_at": now,
                    "updated_at": now,
                }
            )
        s.execute(insert(Unit), rows)
        unit_ids = list(
            s.scalars(select(Unit.id).where(Unit.building_id == tower).order_by(Unit.id))
        )
        statuses = list(
            s.scalars(select(Unit.status).where(Unit.building_id == tower).order_by(Unit.id))
        )
        for uid, status in zip(unit_ids, statuses, strict=True):
            if status == UnitStatus.VACANT:
                continue
            p = factory.person()
            initials, full = factory.pinyin(p)
            pid = s.execute(
                insert(Person).returning(Person.id),
                [
                    {
                        "name": p.name,
                        "name_initials": initials,
                        "name_pinyin": full,
                        "phone": p.phone,
                        "phone2": "",
                        "id_number": p.id_number,
                        "emergency_contact": "",
                        "emergency_phone": "",
                        "notes": "",
                        "created_at": now,
                        "updated_at": now,
                    }
                ],
            ).scalar_one()
            s.execute(
                insert(Occupancy),
                [
                    {
                        "person_id": pid,
                        "unit_id": uid,
                        "role": "owner",
                        "start_date": date.today() - timedelta(days=rng.randrange(3000)),
                        "end_date": None,
                        "end_reason": "",
                    }
                ],
            )
    return tower


def timed(fn: Callable[[], object], before: Callable[[], object], repeat: int) -> float:
    """Median time of ``fn`` over ``repeat`` runs, each after an untimed ``before``."""
    times = []
    for _ in range(repeat):
        before()
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    # Only the registry matters here (and other modules' steps would add minutes).
    steps.DEMO_STEPS[:] = [s for s in steps.DEMO_STEPS if s[1] == "propdesk.demo.registry"]
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--units", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument(
        "--smoke", action="store_true", help="the smallest configuration, once (smoke test)"
    )
    args = parser.parse_args(argv)
    if args.smoke:
        args.units = 50
        args.repeat = 1

    from PySide6.QtCore import QModelIndex, Qt
    from PySide6.QtGui import QGuiApplication

    from ui.registry.list_models import UnitsModel

    app = QGuiApplication.instance() or QGuiApplication([])
    with tempfile.TemporaryDirectory(prefix="propdesk-bench-") as tmp:
        path = Path(tmp) / "units.sqlite3"
        db = fresh_database(path)
        generate_demo(db, units=3000, seed=1)
        tower = add_tower(db, args.units)
        raw = raw_connection(path)
        model = UnitsModel(db=db)  # the units page opens on every unit

        def paint() -> None:
            for r in range(min(VISIBLE_ROWS, model.rowCount())):
                for c in range(model.columnCount()):
                    ix = model.index(r, c)
                    model.data(ix, Qt.ItemDataRole.DisplayRole)
                    model.data(ix, Qt.ItemDataRole.ForegroundRole)

        def open_tower() -> None:
            model.set_building(tower)
            paint()

        def scroll_to_end() -> None:
            while model.canFetchMore(QModelIndex()):
                model.fetchMore(QModelIndex())

        def count() -> Any:
            return model.total_count()

        def on_other_building() -> None:
            model.set_building(None)

        def on_tower() -> None:
            model.set_building(tower)

        def nothing() -> None:
            return None

        print(f"unit list of a {args.units:,}-unit building (SQLite), median of {args.repeat}")
        print(f"{'step':<36} {'PropDesk':>10} {'raw sqlite3':>12} {'ratio':>7}")
        for label, fn, before in (
            ("switch to the tower + paint 30 rows", open_tower, on_other_building),
            ("unit count under the list", count, nothing),
            ("scroll to the end (fetchMore)", scroll_to_end, on_tower),
        ):
            before()
            with captured_sql(db.engine) as statements:
                fn()
            ours = timed(fn, before, args.repeat)
            theirs = median_seconds(lambda st=statements: replay(raw, st), args.repeat)
            print(
                f"{label:<36} {ours * 1000:>8.2f}ms {theirs * 1000:>10.2f}ms {ours / theirs:>6.1f}x"
            )
        on_tower()
        scroll_to_end()
        print(f"rows loaded after scrolling: {model.rowCount():,} (batches of {model.batch_size})")
        raw.close()
        db.dispose()
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
