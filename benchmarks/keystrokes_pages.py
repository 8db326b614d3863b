"""Page switches on the demo estate (issue 15: at most 150 ms on the 5,000-unit demo).

Run from the repository root:
``QT_QPA_PLATFORM=offscreen python benchmarks/keystrokes_pages.py [--units N] [--db kept.sqlite3]``.
For every navigation page: the first show (the page is built) and the median of later
switches to it (the page is kept and only reloads what changed), each including the paint.
Measured twice: with the database work run inline (the worst case), and as the app runs it,
on the database worker thread — then the figure is the time the UI thread is busy until the
page is on screen (the switch the clerk feels), and "filled" the time until the worker's
data is painted in it. The raw figure is Qt's own ``QStackedWidget`` switching to a blank
page and painting it.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common
from PySide6.QtWidgets import QApplication, QStackedWidget, QWidget

from propdesk.auth.actor import Actor, Role
from propdesk.config import Settings
from ui.context import AppContext
from ui.errors import ErrorHandler
from ui.events import ChangeHub
from ui.main_window import MainWindow
from ui.worker import InlineExecutor, ThreadExecutor

CLERK = Actor(user_id=None, username="clerk", display_name="前台小王", role=Role.SUPERVISOR)


def _timed(app: QApplication, fn: object) -> float:
    start = time.perf_counter()
    fn()  # type: ignore[operator]
    app.processEvents()
    return time.perf_counter() - start


def _settle(app: QApplication, executor: ThreadExecutor) -> None:
    """Until the worker has delivered everything queued (and the page painted it)."""
    while executor._relays or not executor.wait(0):
        app.processEvents()
        time.sleep(0.001)
    app.processEvents()


def _measure(app: QApplication, db: object, threaded: bool, repeat: int) -> float:
    executor: InlineExecutor | ThreadExecutor = ThreadExecutor() if threaded else InlineExecutor()
    ctx = AppContext(
        db=db,  # type: ignore[arg-type]
        actor=CLERK,
        settings=Settings(language="zh_CN"),
        executor=executor,
        hub=ChangeHub(),
        errors=ErrorHandler(show=lambda _parent, _failure: None),
    )
    window = MainWindow(ctx=ctx)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    if isinstance(executor, ThreadExecutor):
        _settle(app, executor)
    mode = "on the worker (UI thread busy / until filled)" if threaded else "inline"
    print(f"\n{mode}")
    print(f"{'page':<14} {'first ms':>9} {'switch ms':>10} {'filled ms':>10}")
    worst = 0.0
    keys = [m.key for m in window.modules]
    for key in keys:
        start = time.perf_counter()
        first = _timed(app, lambda k=key: window.show_module(k))
        if isinstance(executor, ThreadExecutor):
            _settle(app, executor)
        filled = time.perf_counter() - start
        again = []
        for _ in range(repeat):
            other = keys[0] if key != keys[0] else keys[1]
            window.show_module(other)
            app.processEvents()
            if isinstance(executor, ThreadExecutor):
                _settle(app, executor)
            again.append(_timed(app, lambda k=key: window.show_module(k)))
            if isinstance(executor, ThreadExecutor):
                _settle(app, executor)
        switch = statistics.median(again)
        worst = max(worst, switch, first)
        print(f"{key:<14} {first * 1000:9.1f} {switch * 1000:10.1f} {filled * 1000:10.1f}")
    print(f"slowest first show or switch {worst * 1000:.1f} ms (target 150 ms)")
    window.close()
    return worst


def main(argv: list[str] | None = None) -> int:
    args = _common.demo_arguments(argv)
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory() as folder:
        _path, db = _common.kept_or_new_demo(args.db, Path(folder), args.units, date(2026, 6, 15))
        stack = QStackedWidget()
        blanks = [QWidget(), QWidget()]
        for b in blanks:
            stack.addWidget(b)
        stack.show()
        raw = statistics.median(
            _timed(app, lambda i=i: stack.setCurrentWidget(blanks[i % 2])) for i in range(20)
        )
        print(f"raw QStackedWidget switch {raw * 1000:.2f} ms")
        # The worker first: its first shows also import each page's modules (cold).
        _measure(app, db, threaded=True, repeat=args.repeat)
        _measure(app, db, threaded=False, repeat=args.repeat)
        db.dispose()
    return 0

if __name__ == "__main__":
    raise SystemExit(main())
