"""Layering of ``reports/``: plain data in, PDF or XLSX out (conventions §1, §9).

``reports/`` never imports SQLAlchemy, Qt or the UI, and the value types it takes come from
modules that do not touch SQLAlchemy either (``values.py`` and the like), not from the query
modules that build them. Both are checked on the source files (``ast``), so nothing is
imported and the check sees imports inside functions too.
"""

from __future__ import annotations

import ast
import importlib.util
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
REPORTS = ROOT / "reports"
BANNED_IN_REPORTS = ("sqlalchemy", "PySide6", "ui")


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _walk_runtime(tree: ast.AST) -> Iterator[ast.AST]:
    """Every node except the bodies of ``if TYPE_CHECKING:`` blocks (never run)."""
    stack = [tree]
    while stack:
        node = stack.pop()
        yield node
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                stack.extend(child.orelse)
            else:
                stack.append(child)


def imported_modules(path: Path) -> set[str]:
    """The absolute module names a source file imports at run time.

    ``from a.b import c`` yields ``a.b`` and, when ``a.b.c`` is itself a module, ``a.b.c``.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in _walk_runtime(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            for alias in node.names:
                candidate = f"{node.module}.{alias.name}"
                if _source_of(candidate) is not None:
                    found.add(candidate)
    return found


def _source_of(module: str) -> Path | None:
    """The source file of a ``propdesk`` module (``None`` for other modules and for names)."""
    if module.split(".")[0] != "propdesk":
        return None
    try:
        spec = importlib.util.find_spec(module)
    except (ImportError, ValueError):
        return None
    if spec is None or spec.origin is None or not spec.origin.endswith(".py"):
        return None
    return Path(spec.origin)


def _top(module: str) -> str:
    return module.split(".")[0]


def _reports_sources() -> list[Path]:
    return sorted(REPORTS.rglob("*.py"))


def test_reports_import_no_orm_qt_or_ui() -> None:
    offenders = [
        f"{path.relative_to(ROOT)} imports {module}"
        for path in _reports_sources()
        for module in sorted(imported_modules(path))
        if _top(module) in BANNED_IN_REPORTS
    ]
    assert not offenders, "\n".join(offenders)


def _with_parents(module: str) -> list[str]:
    """``a.b.c`` → ``a``, ``a.b``, ``a.b.c``: importing a module runs its packages too."""
    parts = module.split(".")
    return [".".join(parts[: i + 1]) for i in range(len(parts))]


def core_modules_used_by_reports() -> dict[str, list[str]]:
    """Every ``propdesk`` module that importing ``reports/`` runs, with how it is reached."""
    chains: dict[str, list[str]] = {}
    todo: list[tuple[str, list[str]]] = []
    for path in _reports_sources():
        here = str(path.relative_to(ROOT))
        for module in imported_modules(path):
            if _top(module) == "propdesk":
                todo.append((module, [here]))
    while todo:
        module, via = todo.pop()
        for name in _with_parents(module):
            source = _source_of(name)
            if source is None or name in chains:
                continue
            chains[name] = [*via, name]
            todo.extend(
                (imported, chains[name])
                for imported in imported_modules(source)
                if _top(imported) == "propdesk"
            )
    return chains


def test_value_types_for_reports_come_from_modules_without_sqlalchemy() -> None:
    """A report's inputs are plain values: none of the core modules it reaches imports SQLAlchemy.

    When this fails, move the dataclass (or enum, or label table) the report needs from the
    query or models module into the feature's ``values.py`` and re-export it from the old
    place.
    """
    chains = core_modules_used_by_reports()
    assert "propdesk.clock" in chains  # the walk found the core at all
    offenders = []
    for module, chain in sorted(chains.items()):
        source = _source_of(module)
        assert source is not None
        if any(_top(m) == "sqlalchemy" for m in imported_modules(source)):
            offenders.append(" → ".join(chain))
    assert not offenders, "modules importing SQLAlchemy reached from reports/:\n" + "\n".join(
        offenders
    )
