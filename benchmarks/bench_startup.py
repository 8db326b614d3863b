"""Process start → PropDesk main window painted, against an empty QMainWindow painted.

    python benchmarks/bench_startup.py [--units 3000] [--repeat 5] [--keep FILE]

Each run is a fresh Python process (Qt offscreen unless QT_QPA_PLATFORM is set): the
parent notes the wall clock, starts the child, and the child prints the wall clock when
its window receives its first paint event (and, for the app, when it is usable). ``app`` opens a demo database of ``--units``
units, builds the AppContext and shows the main window on its first module (the login
dialog is skipped: it waits for a person). ``empty`` imports PySide6 and paints an empty
QMainWindow. The app counts as usable once it has painted and every database operation its
first page started has delivered its result. Reported: medians and the ratio. Target: at
most 4x the empty window.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TARGET_RATIO = 4.0


def _child(mode: str, db_path: str) -> None:
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    print(f"MARK qt {time.time():.6f}", flush=True)

    pending = [0]  # database work submitted by the window and not yet delivered

    def usable_when_idle() -> None:
        """Usable: painted, and the first page's data (every op it started) has arrived."""
        if pending[0]:
            QTimer.singleShot(1, usable_when_idle)
            return
        print(f"USABLE {time.time():.6f}", flush=True)
        app.quit()

    class FirstPaint(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.seen = False

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not self.seen:
                self.seen = True
                print(f"PAINTED {time.time():.6f}", flush=True)
                QTimer.singleShot(0, usable_when_idle)
            return False

    if mode == "empty":
        window = QMainWindow()
    else:
        from propdesk.auth.actor import Actor
        from propdesk.config import Settings
        from propdesk.db.engine import open_database
        from ui.app import install_cjk_font, load_translations, make_context
        from ui.main_window import MainWindow
        from ui.worker import ThreadExecutor

        print(f"MARK imports {time.time():.6f}", flush=True)
        install_cjk_font(app)
        translators = load_translations(app, "zh_CN")
        db = open_database(f"sqlite:///{db_path}")
        print(f"MARK database {time.time():.6f}", flush=True)
        executor = ThreadExecutor(app)
        submit = executor.submit

        def counted(op: Any, *, success: Any = None, failure: Any = None) -> None:
            pending[0] += 1

            def ok(result: Any) -> None:
                pending[0] -= 1
                if success is not None:
                    success(result)

            def failed(exc: BaseException) -> None:
                pending[0] -= 1
                if failure is not None:
                    failure(exc)
                else:
                    raise exc

            submit(op, success=ok, failure=failed)

        executor.submit = counted  # type: ignore[method-assign]
        ctx = make_context(db, Actor.system(), Settings(), executor)
        window = MainWindow(ctx=ctx)
        print(f"MARK window {time.time():.6f}", flush=True)
        window.translators = translators  # type: ignore[attr-defined]
    window.resize(1280, 800)
    painter = FirstPaint()
    window.installEventFilter(painter)
    window.show()
    app.exec()


PHASES = {
    "qt": "interpreter + PySide6 + QApplication",
    "imports": "imports (SQLAlchemy, models, services, UI)",
    "database": "fonts, translations, open + migration check",
    "window": "MainWindow + registered modules",
    "painted": "show → first paint",
    "usable": "first paint → first page's data arrived",
}


def _run(mode: str, db_path: str, phases: dict[str, list[float]] | None = None) -> float:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.time()
    out = subprocess.run(
        [sys.executable, __file__, "--child", mode, db_path],
        check=True,
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
    ).stdout
    painted = _stamp(out, "PAINTED ")
    usable = _stamp(out, "USABLE ")
    if phases is not None:
        previous = started
        for mark in [x.split() for x in out.splitlines() if x.startswith("MARK ")] + [
            ["MARK", "painted", str(painted)],
            ["MARK", "usable", str(usable)],
        ]:
            phases.setdefault(mark[1], []).append(float(mark[2]) - previous)
            previous = float(mark[2])
    return usable - started


def _stamp(out: str, prefix: str) -> float:
    return float(next(x for x in out.splitlines() if x.startswith(prefix)).split()[1])


def _demo(path: Path, units: int) -> None:
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from propdesk.db.engine import open_database
    from propdesk.demo.build import generate_demo

    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    db = open_database(f"sqlite:///{path}")
    generate_demo(db, units=units)
    db.dispose()


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) >= 3 and argv[0] == "--child":
        _child(argv[1], argv[2])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=3000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="reuse (or create) this demo database file")
    parser.add_argument(
        "--smoke", action="store_true", help="the smallest configuration, once (smoke test)"
    )
    args = parser.parse_args(argv)
    if args.smoke:
        args.units = 50
        args.repeat = 1
    folder = Path(tempfile.mkdtemp(prefix="propdesk-bench-"))
    path = args.keep or folder / "startup.sqlite3"
    if not path.exists():
        print(f"building a demo estate of {args.units} units …", flush=True)
        _demo(path, args.units)
    if not args.smoke:
        _run("app", str(path))  # warm the file cache and the compiled-bytecode cache once
        _run("empty", str(path))
    empty: list[float] = []
    app: list[float] = []
    phases: dict[str, list[float]] = {}
    for _ in range(args.repeat):  # interleaved, so a busy moment hits both alike
        empty.append(_run("empty", str(path)))
        app.append(_run("app", str(path), phases))
    e, a = statistics.median(empty), statistics.median(app)
    print(f"{'empty QMainWindow painted':<40} {e:8.3f} s")
    print(f"{'PropDesk main window painted + usable':<40} {a:8.3f} s   ratio {a / e:5.1f}x")
    for key, label in PHASES.items():
        if key in phases:
            print(f"  {label:<46} {statistics.median(phases[key]):6.3f} s")
    verdict = "met" if a / e <= TARGET_RATIO else "MISSED"
    print(f"target: at most {TARGET_RATIO:.0f}x the empty window: {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
