"""Keystroke harness: the desk's frequent tasks by keyboard only, on the real main window.

Run from the repository root: ``QT_QPA_PLATFORM=offscreen python benchmarks/keystrokes.py``.
Prints, per task, the command keys, the typed free-text characters (counted apart), the
harness's own run time and a clerk's estimated time (keystroke-level model: 0.28 s a key,
1.35 s of preparation for every second command key). The tasks are in
``benchmarks/keystrokes_tasks.py``; ``tests/ui/keyboard/test_keystroke_tasks.py`` runs the
same tasks as a test that fails if the keyboard alone cannot finish one.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common
import keystrokes_tasks as tasks
from PySide6.QtWidgets import QApplication

from propdesk.config import Settings
from ui.context import AppContext
from ui.errors import ErrorHandler
from ui.events import ChangeHub
from ui.main_window import MainWindow
from ui.worker import InlineExecutor


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as folder:
        db = _common.fresh_database(Path(folder) / "keys.sqlite3")
        estate = tasks.build_estate(db)
        ctx = AppContext(
            db=db,
            actor=tasks.CLERK,
            settings=Settings(language="zh_CN"),
            executor=InlineExecutor(),
            hub=ChangeHub(),
            errors=ErrorHandler(show=lambda _parent, _failure: None),
        )
        window = MainWindow(ctx=ctx)
        window.show()
        results = tasks.run_all(window, estate)
        print(f"{'task':<52} {'keys':>5} {'typed':>6} {'run s':>7} {'clerk s':>8}")
        for r in results:
            print(f"{r.task:<52} {r.keys:>5} {r.typed:>6} {r.seconds:>7.2f} {r.estimate:>8.1f}")
        by_number = {r.task.split()[0]: r for r in results}
        print(
            f"targets: a unit in {by_number['1'].keys} keys beyond the query "
            f"(≤ {tasks.UNIT_KEYS_LIMIT}); a repair in {by_number['2'].estimate:.1f} s "
            f"(< {tasks.REPAIR_SECONDS_LIMIT:.0f} s); a payment with its receipt in "
            f"{by_number['6'].estimate:.1f} s (< {tasks.PAYMENT_SECONDS_LIMIT:.0f} s); "
            f"{len(results)} of 12 tasks by keyboard alone"
        )
        window.close()
        db.dispose()
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
