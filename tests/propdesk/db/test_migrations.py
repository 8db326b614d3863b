"""The schema built by the shipped migrations equals the models, on SQLite and PostgreSQL."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from propdesk.db.engine import Database
from propdesk.db.migrate import pending_revisions
from propdesk.db.model_modules import import_all_models
from propdesk.models_base import Base


def test_migrated_schema_matches_models(db: Database) -> None:
    import_all_models()
    with db.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(ctx, Base.metadata)
    assert diff == []
    assert pending_revisions(db.engine) == set()


def test_sqlite_connection_pragmas(sqlite_db: Database) -> None:
    with sqlite_db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 10000


def test_no_qt_or_reportlab_in_core() -> None:
    """propdesk/ never imports the UI or the printing layer."""
    import pathlib
    import re

    root = pathlib.Path(__file__).resolve().parents[3] / "propdesk"
    banned = re.compile(r"^\s*(from|import)\s+(PySide6|reportlab|openpyxl|ui|reports)\b", re.M)
    offenders = [str(p) for p in root.rglob("*.py") if banned.search(p.read_text(encoding="utf-8"))]
    assert offenders == []
