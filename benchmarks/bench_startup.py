"""Process start → PropDesk main window painted, against an empty QMainWindow painted.

    python benchmarks/bench_startup.py [--units 3000] [--repeat 5] [--keep FILE]

Each run is a fresh Python process (Qt offscreen unless QT_QPA_PLATFORM is set): the
parent notes the wall clock, starts the child, and the child prints the wall clock when
its window receives its first paint event. ``app`` opens a demo database of ``--units``
units, builds the AppContext and shows the main window on its first module (the login
dialog is skipped: it waits for a person). ``empty`` imports PySide6 and paints an empty
QMainWindow. Reported: medians and the ratio. Target: the app under 2 s.
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

ROOT = Path(__file__).resolve().parent.parent
TARGET_S = 2.0


def _child(mode: str, db_path: str) -> None:
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    print(f"MARK qt {time.time():.6f}", flush=True)

    class FirstPaint(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                print(f"PAINTED {time.time():.6f}", flush=True)
                app.quit()
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
        ctx = make_context(db, Actor.system(), Settings(), ThreadExecutor(app))
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
    line = next(x for x in out.splitlines() if x.startswith("PAINTED "))
    painted = float(line.split()[1])
    if phases is not None:
        previous = started
        for mark in [x.split() for x in out.splitlines() if x.startswith("MARK ")] + [
            ["MARK", "painted", str(painted)]
        ]:
            phases.setdefault(mark[1], []).append(float(mark[2]) - previous)
            previous = float(mark[2])
    return painted - started


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
    print(f"{'PropDesk main window painted':<40} {a:8.3f} s   ratio {a / e:5.1f}x")
    for key, label in PHASES.items():
        if key in phases:
            print(f"  {label:<46} {statistics.median(phases[key]):6.3f} s")
    verdict = "OK" if a < TARGET_S else "SLOWER THAN TARGET"
    print(f"target < {TARGET_S:.1f} s: {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
