"""Alembic environment: runs against the engine PropDesk hands over (or the configured URL)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from propdesk.db.model_modules import import_all_models
from propdesk.models_base import Base

import_all_models()
target_metadata = Base.metadata
config = context.config
# ``python -m propdesk.db.migrate revision --module X`` limits autogenerate to X's tables.
_only_tables: set[str] | None = config.attributes.get("only_tables")


def _include_object(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
) -> bool:
    if _only_tables is None:
        return True
    table = name if type_ == "table" else getattr(getattr(obj, "table", None), "name", None)
    return table in _only_tables


def run_migrations_online() -> None:
    engine = config.attributes.get("engine")
    if engine is None:
        engine = create_engine(config.get_main_option("sqlalchemy.url") or "")
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            compare_type=True,
            include_object=_include_object,
        )
        from propdesk.audit import triggers

        with context.begin_transaction():
            # Audit triggers name columns: drop them while migrations alter tables, then
            # rebuild them from the live columns (propdesk.audit.triggers).
            triggers.uninstall(connection)
            context.run_migrations()
            triggers.install(connection)
        connection.commit()


run_migrations_online()
