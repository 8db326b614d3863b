"""Every script in ``benchmarks/`` imports and runs its smallest configuration.

A smoke test, not a timed one: it fails when a script breaks (an import that moved, an API
that changed), never because the machine is slow. Each script runs ``--smoke`` (tiny sizes,
one repeat) in its own process, one test per script (about 3–13 s each on an idle machine).
"""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BENCHMARKS = ROOT / "benchmarks"
SCRIPTS = sorted(BENCHMARKS.glob("bench_*.py"))
TIMEOUT_S = 300


@pytest.fixture
def _benchmarks_on_path() -> Iterator[None]:
    """The scripts import their siblings (``_common``) as top-level modules."""
    sys.path.insert(0, str(BENCHMARKS))
    try:
        yield
    finally:
        sys.path.remove(str(BENCHMARKS))


def test_there_are_scripts() -> None:
    assert len(SCRIPTS) >= 10


@pytest.mark.usefixtures("_benchmarks_on_path")
@pytest.mark.parametrize("script", SCRIPTS, ids=[s.stem for s in SCRIPTS])
def test_script_imports_and_has_a_main(script: Path) -> None:
    module = importlib.import_module(script.stem)
    assert callable(getattr(module, "main", None)), f"{script.name} has no main(argv)"


def _run(script: Path) -> tuple[Path, int, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONDONTWRITEBYTECODE": "1"}
    try:
        proc = subprocess.run(
            [sys.executable, str(script), "--smoke"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return script, -1, f"no result after {TIMEOUT_S} s"
    return script, proc.returncode, proc.stdout[-2000:] + proc.stderr[-4000:]


@pytest.mark.parametrize("script", SCRIPTS, ids=[s.stem for s in SCRIPTS])
def test_script_runs_its_smoke_configuration(script: Path) -> None:
    """One test per script, so each has its own time limit and the workers share them out
    (all scripts in one test took over the limit on a loaded two-core machine)."""
    _script, code, output = _run(script)
    assert code == 0, f"{script.name} exited {code}:\n{output}"
