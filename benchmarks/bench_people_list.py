"""The people list (a SqlTableModel) over 100,000 people vs raw sqlite3 running the same SQL.

    python benchmarks/bench_people_list.py [--people 100000] [--repeat 7] [--keep FILE]

Times what a clerk does to the list: open it (first batch of 200 + the count), scroll
(one fetchMore deep in the list), type in the filter box (name, pinyin initials, phone
digits), and click a header to sort (the Units column through the person's maintained
``unit_sort`` key). Raw: the exact statements the model sent, captured
from the engine and replayed on a plain sqlite3 connection. Target: every action < 100 ms,
so the list stays interactive at 100,000 people.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from _common import captured_sql, median_seconds, ratio_line, raw_connection, replay
from bench_search import build

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from propdesk.auth.actor import Actor
from ui.registry.list_models import PeopleModel

TARGET_MS = 100.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="database file to keep and reuse")
    parser.add_argument(
        "--smoke", action="store_true", help="the smallest configuration, once (smoke test)"
    )
    args = parser.parse_args(argv)
    if args.smoke:
        args.people = 500
        args.repeat = 1
    app = QApplication([])
    with tempfile.TemporaryDirectory(prefix="propdesk-bench-") as tmp:
        path = args.keep or Path(tmp) / "people.sqlite3"
        db = build(path, args.people)
        raw = raw_connection(path)
        actor = Actor.system()
        model = PeopleModel(db=db, actor=actor)
        total = model.total_count()

        def deep_scroll() -> None:
            model._fetch_batch(total // 2)

        def sort_units_deep(order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
            model.sort(2, order)
            model._fetch_batch(total // 2)

        actions: list[tuple[str, Callable[[], object]]] = [
            ("open the list (first 200 rows)", lambda: PeopleModel(db=db, actor=actor)),
            ("count the people", model.total_count),
            ("fetchMore at row 50,000", deep_scroll),
            ("filter: name 张", lambda: model.set_text("张")),
            ("filter: pinyin initials zs", lambda: model.set_text("zs")),
            ("filter: phone digits 1381", lambda: model.set_text("1381")),
            ("filter: unit code 3-2-", lambda: model.set_text("3-2-")),
            ("sort by phone, descending", lambda: model.sort(1, Qt.SortOrder.DescendingOrder)),
            ("sort by units (first unit code)", lambda: model.sort(2)),
            ("sort by units, descending", lambda: model.sort(2, Qt.SortOrder.DescendingOrder)),
            ("sort by units, fetchMore at 50,000", sort_units_deep),
            (
                "sort by units desc., fetchMore at 50,000",
                lambda: sort_units_deep(Qt.SortOrder.DescendingOrder),
            ),
            ("sort by name (default)", lambda: model.sort(-1)),
        ]
        print(f"people list over {total:,} people (SQLite), median of {args.repeat}")
        worst = 0.0
        for label, action in actions:
            model.set_text("")
            model.sort(-1)
            action()  # warm
            with captured_sql(db.engine) as statements:
                action()
            ours = median_seconds(action, args.repeat)
            theirs = median_seconds(lambda st=statements: replay(raw, st), args.repeat)
            worst = max(worst, ours)
            print(ratio_line(label, ours, theirs))
        raw.close()
        db.dispose()
    verdict = "met" if worst * 1000 < TARGET_MS else "MISSED"
    print(f"slowest action {worst * 1000:.1f} ms; target < {TARGET_MS:.0f} ms: {verdict}")
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
