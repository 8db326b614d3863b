"""Smoke test of ``benchmarks/bench_unit_page.py``: its smallest configuration runs and
reports the unit page (every panel painted) and the household panels against raw sqlite3
+ Qt. Not timed: it fails when the script breaks, never because the machine is slow."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_bench_unit_page_smoke() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONDONTWRITEBYTECODE": "1"}
    proc = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "bench_unit_page.py"), "--smoke"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    out = proc.stdout
    assert "household_vehicles, household_pets, household_contacts" in out
    assert "unit page, every panel painted" in out
    assert "the household's 3 panels alone" in out
    assert "unit page painted in " in out
