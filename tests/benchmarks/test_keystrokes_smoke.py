"""The keystroke harness and the page-switch benchmark (issue 15) run end to end.

A smoke test, not a timed one: ``benchmarks/keystrokes.py`` drives all twelve desk tasks on
its small estate and ``benchmarks/keystrokes_pages.py --smoke`` switches every navigation
page of a 50-unit demo, each in its own process; either fails only when a script breaks (a
task the keys can no longer finish, a page that no longer opens), never because the machine
is slow. They are not named ``bench_*.py`` (the harness is not a ratio benchmark), so
``test_smoke.py`` does not pick them up.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT_S = 300


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=False,
    )


def test_keystroke_harness_runs_the_twelve_tasks() -> None:
    proc = _run("benchmarks/keystrokes.py")
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-4000:]
    assert "12 of 12 tasks by keyboard alone" in proc.stdout, proc.stdout[-2000:]


def test_page_benchmark_switches_every_page() -> None:
    proc = _run("benchmarks/keystrokes_pages.py", "--smoke")
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-4000:]
    assert "on the worker" in proc.stdout and "\ninline" in proc.stdout, proc.stdout[-2000:]
    assert "slowest first show or switch" in proc.stdout, proc.stdout[-2000:]
