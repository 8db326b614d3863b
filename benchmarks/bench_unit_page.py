"""The unit page with every panel painted, on the 5,000-unit demo, vs raw sqlite3.

    python benchmarks/bench_unit_page.py [--units 5000] [--repeat 3] [--db demo.sqlite3] [--smoke]

A demo estate (every module's demo step, so each panel has its data: vehicles, pets and
emergency contacts, keys, deposits, parcels, activities, tickets, history…; ``--db`` keeps
it between runs). **PropDesk**: what opening a unit from the search does — build
``ui.registry.unit_page.UnitPage`` with every registered unit panel
(``ui.registrations.default_features()``), each loading its rows through the operation
object (an inline executor: the database work is timed too), show it at 1200×900 and paint
it completely (``QWidget.grab``), in Chinese. Measured over households that have a vehicle,
a pet and an emergency contact, a different unit each time (no warm page). The household's
three panels are also timed alone. **Raw**: the SQL that opening sent (captured from the
engine), replayed on a plain ``sqlite3`` connection, plus plain PySide6 painting the same
texts (a widget with one group box per panel holding a ``QLabel`` per text the page
showed, shown and grabbed the same way): the data and the drawing without PropDesk's
layers. Target: the page painted within 100 ms.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _common import (
    captured_sql,
    demo_arguments,
    kept_or_new_demo,
    median_seconds,
    raw_connection,
    replay,
)
from sqlalchemy import select

from propdesk.auth.actor import Actor, Role
from propdesk.household.models import HouseholdContact, HouseholdPet, HouseholdVehicle

TARGET_MS = 100.0
SAMPLES = 8  # units opened per repeat


def rich_units(db: Any, count: int) -> list[int]:
    """Units whose household has a vehicle, a pet and an emergency contact (spread out)."""
    with db.session_factory() as s:
        ids = sorted(
            set(s.scalars(select(HouseholdVehicle.unit_id)))
            & set(s.scalars(select(HouseholdPet.unit_id)))
            & set(s.scalars(select(HouseholdContact.unit_id)))
        )
    if not ids:
        with db.session_factory() as s:
            ids = sorted(set(s.scalars(select(HouseholdVehicle.unit_id))))
    step = max(len(ids) // max(count, 1), 1)
    return ids[::step][:count]


def main(argv: list[str] | None = None) -> int:
    args = demo_arguments(argv)
    from PySide6.QtWidgets import (
        QApplication,
        QGroupBox,
        QLabel,
        QListWidget,
        QPushButton,
        QVBoxLayout,
        QWidget,
    )

    from ui.app import load_translations
    from ui.context import AppContext
    from ui.events import ChangeHub
    from ui.household.panels import UnitContactsPanel, UnitPetsPanel, UnitVehiclesPanel
    from ui.registrations import default_features
    from ui.registry.unit_page import UnitPage
    from ui.worker import InlineExecutor

    app = QApplication.instance() or QApplication([])
    load_translations(app, "zh_CN")  # type: ignore[arg-type]
    with tempfile.TemporaryDirectory(prefix="propdesk-bench-") as tmp:
        path, db = kept_or_new_demo(args.db, Path(tmp), args.units, None)
        raw = raw_connection(path)
        actor = Actor(user_id=None, username="bench", display_name="前台", role=Role.CLERK)
        ctx = AppContext(
            db=db, actor=actor, settings=None, executor=InlineExecutor(), hub=ChangeHub()
        )  # type: ignore[arg-type]
        panels = default_features().unit_panels
        samples = 2 if args.smoke else SAMPLES
        units = rich_units(db, samples * (args.repeat + 1))
        if not units:
            print("no household with a vehicle in this demo")
            return 1
        print(
            f"unit page with {len(panels)} panels ({', '.join(p.key for p in panels)}), "
            f"{args.units:,}-unit demo, {samples} units × {args.repeat} repeats"
        )

        def open_page(unit_id: int) -> QWidget:
            page = UnitPage(ctx=ctx, unit_id=unit_id, panels=panels)
            page.resize(1200, 900)
            page.show()
            app.processEvents()
            page.grab()  # every panel painted
            return page

        def open_household(unit_id: int) -> QWidget:
            host = QWidget()
            for cls in (UnitVehiclesPanel, UnitPetsPanel, UnitContactsPanel):
                cls(ctx=ctx, unit_id=unit_id, parent=host)
            host.resize(600, 500)
            host.show()
            app.processEvents()
            host.grab()
            return host

        def texts_of(widget: QWidget) -> list[list[str]]:
            """The texts shown, grouped by top-level section (group box)."""
            groups: list[list[str]] = []
            for box in widget.findChildren(QGroupBox):
                texts = [box.title()]
                texts += [w.text() for w in box.findChildren(QLabel) if w.text()]
                texts += [w.text() for w in box.findChildren(QPushButton)]
                for lst in box.findChildren(QListWidget):
                    texts += [lst.item(i).text() for i in range(lst.count())]
                groups.append(texts)
            return groups

        def raw_qt(groups: list[list[str]], size: tuple[int, int]) -> None:
            host = QWidget()
            layout = QVBoxLayout(host)
            for texts in groups:
                box = QGroupBox(texts[0])
                inner = QVBoxLayout(box)
                for t in texts[1:]:
                    inner.addWidget(QLabel(t))
                layout.addWidget(box)
            host.resize(*size)
            host.show()
            app.processEvents()
            host.grab()
            host.close()
            host.deleteLater()
            app.processEvents()

        def timed(
            open_fn: Callable[[int], QWidget], ids: list[int]
        ) -> tuple[float, list[Any], list[list[str]], tuple[int, int]]:
            """Median s per unit, the SQL and the texts of the last opening."""
            times: list[float] = []
            statements: list[Any] = []
            groups: list[list[str]] = []
            size = (0, 0)
            for uid in ids:
                with captured_sql(db.engine) as seen:
                    t0 = time.perf_counter()
                    widget = open_fn(uid)
                    times.append(time.perf_counter() - t0)
                statements = list(seen)
                groups = texts_of(widget)
                size = (widget.width(), widget.height())
                widget.close()
                widget.deleteLater()
                app.processEvents()
            return statistics.median(times), statements, groups, size

        open_page(units[-1]).close()  # warm-up: lazy imports, fonts, translations
        open_household(units[-1]).close()
        print(f"{'what':<34} {'PropDesk':>10} {'sqlite3':>9} {'+ Qt':>9} {'ratio':>7}")
        verdict = ""
        for label, fn in (
            ("unit page, every panel painted", open_page),
            ("the household's 3 panels alone", open_household),
        ):
            ours_all: list[float] = []
            sql_all: list[float] = []
            qt_all: list[float] = []
            for rep in range(args.repeat):
                ids = units[rep * samples : (rep + 1) * samples] or units[:samples]
                ours, statements, groups, size = timed(fn, ids)
                sql_all.append(median_seconds(lambda st=statements: replay(raw, st), 5))
                qt_all.append(median_seconds(lambda g=groups, z=size: raw_qt(g, z), 5))
                ours_all.append(ours)
            ours_m = statistics.median(ours_all)
            sql_m = statistics.median(sql_all)
            qt_m = statistics.median(qt_all)
            print(
                f"{label:<34} {ours_m * 1000:>8.2f}ms {sql_m * 1000:>7.2f}ms "
                f"{qt_m * 1000:>7.2f}ms {ours_m / (sql_m + qt_m):>6.1f}x"
                f"   ({len(statements)} statements, {sum(len(g) for g in groups)} texts)"
            )
            if fn is open_page:
                verdict = (
                    f"unit page painted in {ours_m * 1000:.1f} ms (target < {TARGET_MS:.0f} ms): "
                    + ("met" if ours_m * 1000 < TARGET_MS else "MISSED")
                )
        print(verdict)
        raw.close()
        db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
