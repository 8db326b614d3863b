"""One extra PostgreSQL database for the tests that install PropDesk's server roles.

``<test database>_roles`` is created once and kept (creating and dropping a database costs a
checkpoint: tens of seconds on a busy disk); each module empties it before use and, at the
end, removes every role it created, so the cluster is left as it was found.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import text
from sqlalchemy.engine import make_url

from propdesk.db import pg_roles
from propdesk.db.engine import make_engine
from propdesk.db.login_gate import gate_role
from tests.conftest import PG_URL


def _run(url: str, *statements: str) -> None:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            conn = conn.execution_options(isolation_level="AUTOCOMMIT")
            for sql in statements:
                conn.exec_driver_sql(sql)
    finally:
        engine.dispose()


def roles_database() -> tuple[str, str]:
    """``(owner URL, database name)`` of the extra database, created if needed."""
    assert PG_URL
    base = make_url(PG_URL)
    name = f"{base.database}_roles"
    engine = make_engine(PG_URL)
    try:
        with engine.connect() as conn:
            conn = conn.execution_options(isolation_level="AUTOCOMMIT")
            found = conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name})
            if found.scalar() is None:
                conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    finally:
        engine.dispose()
    return base.set(database=name).render_as_string(hide_password=False), name


def empty_and_drop_roles(url: str, name: str, logins: Iterable[str]) -> None:
    """Drop the schema (objects and their grants) and every role of ``name`` and ``logins``."""
    roles = [*pg_roles.RoleNames(name).groups, gate_role(name), *logins]
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            existing = set(
                conn.execute(
                    text("SELECT rolname FROM pg_roles WHERE rolname = ANY(:r)"), {"r": roles}
                ).scalars()
            )
    finally:
        engine.dispose()
    masked = pg_roles.RoleNames(name).masked_schema
    _run(
        url,
        f'DROP SCHEMA IF EXISTS "{masked}" CASCADE',
        "DROP SCHEMA IF EXISTS public CASCADE",
        "CREATE SCHEMA public",
        f'GRANT CONNECT, TEMPORARY ON DATABASE "{name}" TO PUBLIC',
        *(f'REVOKE ALL ON DATABASE "{name}" FROM "{r}"' for r in sorted(existing)),
    )
    assert PG_URL
    _run(PG_URL, *(f'DROP ROLE IF EXISTS "{r}"' for r in roles))
