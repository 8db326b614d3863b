"""Alembic migrations shipped inside the package.

Each feature keeps its own migration branch rooted at the foundation revision
(``branch_labels=("tickets",)``, ``down_revision="0001_foundation"`` or a later
revision it needs), so modules can add tables without touching each other; the
database is always upgraded to ``heads``.

Developers create a migration with::

    python -m propdesk.db.migrate revision -m "add tickets" --branch tickets
"""

from __future__ import annotations

import argparse
import ast
import sys
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, Table, text
from sqlalchemy.exc import SQLAlchemyError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"


def _literal_names(value: ast.expr | None) -> set[str]:
    if value is None:
        return set()
    literal = ast.literal_eval(value)
    if literal is None:
        return set()
    return {literal} if isinstance(literal, str) else set(literal)


@cache
def code_heads() -> frozenset[str]:
    """The head revisions of the migrations shipped with this code, read without Alembic.

    Start-up compares them with the database's ``alembic_version`` and imports Alembic (a
    quarter of a second) only when something is to be applied.
    """
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            target: ast.expr | None = None
            if isinstance(node, ast.AnnAssign):
                target = node.target
            elif isinstance(node, ast.Assign) and len(node.targets) == 1:
                target = node.targets[0]
            if not isinstance(target, ast.Name) or not isinstance(node, ast.Assign | ast.AnnAssign):
                continue
            if target.id == "revision":
                revisions |= _literal_names(node.value)
            elif target.id in ("down_revision", "depends_on"):
                parents |= _literal_names(node.value)
    return frozenset(revisions - parents)


def database_heads(engine: Engine) -> frozenset[str] | None:
    """The revisions recorded in the database (``None``: not a migrated database yet)."""
    try:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT version_num FROM alembic_version")).scalars()
            return frozenset(rows)
    except SQLAlchemyError:
        return None


def alembic_config(engine: Engine | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if engine is not None:
        cfg.attributes["engine"] = engine
        # ConfigParser reads "%" as interpolation: a password or option holding one must be doubled.
        url = engine.url.render_as_string(hide_password=False).replace("%", "%%")
        cfg.set_main_option("sqlalchemy.url", url)
    return cfg


def upgrade_database(engine: Engine) -> None:
    """Apply every migration not yet applied (all branches); nothing to do costs one query."""
    if database_heads(engine) == code_heads():
        return
    from alembic import command

    command.upgrade(alembic_config(engine), "heads")


def pending_revisions(engine: Engine) -> set[str]:
    """Revisions that the code has and the database has not applied yet.

    The database's version table lists only its heads; everything those heads stand
    on (down revisions and ``depends_on`` dependencies) counts as applied.
    """
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    with engine.connect() as conn:
        current = set(MigrationContext.configure(conn).get_current_heads())
    applied: set[str] = set()
    todo = list(current)
    while todo:
        rev_id = todo.pop()
        if rev_id in applied:
            continue
        applied.add(rev_id)
        rev = script.get_revision(rev_id)
        if rev is None:
            continue
        for parents in (rev.down_revision, rev.dependencies):
            if isinstance(parents, str):
                todo.append(parents)
            elif parents:
                todo.extend(parents)
    return {r.revision for r in script.walk_revisions()} - applied


def _tables_of(module: str) -> set[str]:
    import importlib

    from propdesk.db.model_modules import import_all_models
    from propdesk.models_base import Base

    import_all_models()
    importlib.import_module(module)
    return {
        table.name
        for m in Base.registry.mappers
        if m.class_.__module__ == module and isinstance(table := m.local_table, Table)
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m propdesk.db.migrate")
    sub = parser.add_subparsers(dest="cmd", required=True)
    rev = sub.add_parser("revision", help="autogenerate a migration against a scratch SQLite db")
    rev.add_argument("-m", "--message", required=True)
    rev.add_argument("--branch", help="branch label of a new feature branch")
    rev.add_argument("--head", default="heads", help="revision to base the new one on")
    rev.add_argument("--rev-id")
    rev.add_argument(
        "--module", help="only tables defined in this models module, e.g. propdesk.tickets.models"
    )
    args = parser.parse_args(argv)

    import tempfile

    from alembic import command
    from sqlalchemy import create_engine

    with tempfile.TemporaryDirectory() as tmp:
        engine = create_engine(f"sqlite:///{tmp}/scratch.sqlite3")
        upgrade_database(engine)
        cfg = alembic_config(engine)
        if args.module:
            cfg.attributes["only_tables"] = _tables_of(args.module)
        command.revision(
            cfg,
            message=args.message,
            autogenerate=True,
            head="0001_foundation" if args.branch else args.head,
            branch_label=args.branch,
            rev_id=args.rev_id,
            splice=bool(args.branch),
        )
        engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
