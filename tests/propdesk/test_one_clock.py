"""One clock: no module of propdesk/ but propdesk/clock.py reads the wall clock.

An AST scan of every module: calls of ``datetime.now/utcnow/today``, ``date.today``,
``time.time``/``time.time_ns`` (however the module or class was imported), and imports of
those names or of the deprecated shims (``utcnow``, ``local_today``, ``now_or``,
``LOCAL_TZ``) from ``propdesk.clock`` / ``propdesk.db.types``. The offenders are listed.
"""

from __future__ import annotations

import ast
from pathlib import Path

import propdesk

ROOT = Path(propdesk.__file__).resolve().parent
ALLOWED = {ROOT / "clock.py"}

# (module, attribute) pairs that read the wall clock.
WALL_CLOCK = {
    ("datetime", "now"),
    ("datetime", "utcnow"),
    ("datetime", "today"),
    ("date", "today"),
    ("time", "time"),
    ("time", "time_ns"),
}
SHIMS = {"utcnow", "local_today", "now_or", "LOCAL_TZ"}
SHIM_MODULES = {"propdesk.clock", "propdesk.db.types"}


def _offences(source: str, where: str) -> list[str]:
    tree = ast.parse(source, where)
    found: list[str] = []
    # local name → what it stands for: "datetime" (class), "date", "time" (module),
    # or "datetime.now" and the like for a directly imported function.
    aliases: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                if a.name in ("datetime", "time"):
                    aliases[a.asname or a.name] = a.name + "."  # the module
        elif isinstance(node, ast.ImportFrom) and node.module:
            for a in node.names:
                local = a.asname or a.name
                if node.module == "datetime" and a.name in ("datetime", "date"):
                    aliases[local] = a.name
                elif node.module == "time" and a.name in ("time", "time_ns"):
                    aliases[local] = f"time.{a.name}"
                    found.append(f"{where}:{node.lineno}: imports time.{a.name}")
                if node.module in SHIM_MODULES and a.name in SHIMS:
                    found.append(f"{where}:{node.lineno}: imports {a.name} from {node.module}")
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _dotted(node.func, aliases)
        if name is None:
            continue
        parts = tuple(name.split("."))
        if parts[-2:] in WALL_CLOCK or name in {"time.time", "time.time_ns"}:
            found.append(f"{where}:{node.lineno}: calls {name}()")
    return found


def _dotted(func: ast.expr, aliases: dict[str, str]) -> str | None:
    """``datetime.datetime.now`` for ``dt.datetime.now`` after ``import datetime as dt``."""
    names: list[str] = []
    while isinstance(func, ast.Attribute):
        names.append(func.attr)
        func = func.value
    if not isinstance(func, ast.Name) or func.id not in aliases:
        return None
    head = aliases[func.id]
    if head.endswith("."):  # a module: datetime.datetime.now, time.time
        head = head[:-1]
        if head == "datetime" and names and names[-1] in ("datetime", "date"):
            head = names.pop()
    if not names:
        return head if head.startswith("time.") else None
    return ".".join([head, *reversed(names)])


def test_scanner_finds_every_form() -> None:
    source = (
        "import datetime as dt\nimport time\nfrom datetime import date, datetime\n"
        "from time import time_ns\nfrom propdesk.clock import local_today\n"
        "from propdesk.db.types import utcnow\n"
        "a = dt.datetime.now()\nb = date.today()\nc = datetime.utcnow()\nd = time.time()\n"
        "e = time_ns()\nf = datetime.today()\ng = dt.date.today()\n"
        "ok = datetime.combine(date(2026, 1, 1), dt.time(0))\nok2 = time.perf_counter()\n"
    )
    found = _offences(source, "probe.py")
    assert len(found) == 10, found
    assert not any("combine" in f or "perf_counter" in f for f in found)


def test_only_the_clock_reads_the_time() -> None:
    offenders: list[str] = []
    for path in sorted(ROOT.rglob("*.py")):
        if path in ALLOWED:
            continue
        where = str(path.relative_to(ROOT.parent))
        offenders += _offences(path.read_text(encoding="utf-8"), where)
    assert not offenders, "Wall-clock reads outside propdesk/clock.py:\n" + "\n".join(offenders)
