"""No import cycles between modules of propdesk/ (imports inside functions count too)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _graph(package: str) -> dict[str, set[str]]:
    modules = {_module_name(p): p for p in (ROOT / package).rglob("*.py")}
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        if "migrations" in name:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                targets = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            for target in targets:
                if target in modules and target != name and not name.startswith(target + "."):
                    graph[name].add(target)
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_propdesk_has_no_import_cycles() -> None:
    assert _cycles(_graph("propdesk")) == []


def test_start_up_knows_the_migration_heads_without_alembic() -> None:
    from alembic.script import ScriptDirectory

    from propdesk.db.migrate import alembic_config, code_heads

    script = ScriptDirectory.from_config(alembic_config())
    # A revision another one depends on (depends_on) is no head of the database: Alembic
    # leaves it out of alembic_version once the dependent one is applied (surveys_0004
    # depends on activities_0001), and so does code_heads().
    needed = {
        dep
        for rev in script.walk_revisions()
        for dep in (
            (rev.dependencies,) if isinstance(rev.dependencies, str) else rev.dependencies or ()
        )
    }
    assert code_heads() == frozenset(script.get_heads()) - needed


def test_the_heads_start_up_knows_are_what_a_migrated_database_records(
    sqlite_db: object,
) -> None:
    from sqlalchemy import text

    from propdesk.db.engine import Database
    from propdesk.db.migrate import code_heads

    assert isinstance(sqlite_db, Database)
    with sqlite_db.engine.connect() as conn:
        recorded = {r for (r,) in conn.execute(text("select version_num from alembic_version"))}
    assert frozenset(recorded) == code_heads()
