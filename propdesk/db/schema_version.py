"""Which PropDesk migrated a database: its schema against this code, the version recorded.

A database whose schema holds revisions this code does not know was migrated by a newer
PropDesk: :func:`refuse_newer_schema` stops :func:`propdesk.db.engine.open_database` before
anything migrates it, and says which version to install when the owner recorded it
(PostgreSQL: ``COMMENT ON TABLE alembic_version``, written by :func:`record_version`).
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from functools import cache

from sqlalchemy import Connection, Engine, text

import propdesk
from propdesk.db import pg_roles
from propdesk.db.migrate import MIGRATIONS_DIR, code_heads, database_heads
from propdesk.errors import DomainError

_VERSION_NOTE = re.compile(r"PropDesk ([^;\s]+)")
_ROLES_NOTE = re.compile(r"roles ([0-9a-f]+)")


class SchemaTooNew(DomainError):
    """The server's schema was migrated by a newer PropDesk than this one."""


@dataclass(frozen=True)
class SchemaStatus:
    """The server's schema against this code.

    Attributes:
        empty: no PropDesk schema yet (a new database).
        unknown: revisions in the database that this code does not know (a newer app).
        pending: true when this code has migrations the database lacks.
        installed_by: the PropDesk version recorded by the last owner who migrated it.
    """

    empty: bool
    unknown: frozenset[str]
    pending: bool
    installed_by: str | None


@cache
def known_revisions() -> frozenset[str]:
    """Every revision id shipped with this code (read from the files, without Alembic)."""
    found: set[str] = set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.Assign) and len(node.targets) == 1:
                target, value = node.targets[0], node.value
            elif isinstance(node, ast.AnnAssign) and node.value is not None:
                target, value = node.target, node.value
            else:
                continue
            if isinstance(target, ast.Name) and target.id == "revision":
                literal = ast.literal_eval(value)
                if isinstance(literal, str):
                    found.add(literal)
    return frozenset(found)


def _note(conn: Connection) -> str:
    value = conn.execute(
        text("SELECT obj_description(to_regclass('alembic_version'), 'pg_class')")
    ).scalar()
    return str(value or "")


def installed_version(conn: Connection) -> str | None:
    """The PropDesk version the owner recorded on ``alembic_version`` (PostgreSQL)."""
    match = _VERSION_NOTE.search(_note(conn))
    return match.group(1) if match else None


def installed_roles(conn: Connection) -> str | None:
    """The :func:`pg_roles.plan_digest` the owner last applied."""
    match = _ROLES_NOTE.search(_note(conn))
    return match.group(1) if match else None


def record_version(conn: Connection) -> None:
    """Write this app's version and roles fingerprint on ``alembic_version`` (the owner,
    after migrating): ``PropDesk 0.1.0; roles 1a2b3c4d5e6f``."""
    version = propdesk.__version__
    assert re.fullmatch(r"[0-9A-Za-z.+-]+", version)
    note = f"PropDesk {version}; roles {pg_roles.plan_digest()}"
    conn.exec_driver_sql(f"COMMENT ON TABLE alembic_version IS '{note}'")


def schema_status(engine: Engine) -> SchemaStatus:
    heads = database_heads(engine)
    if heads is None:
        return SchemaStatus(True, frozenset(), True, None)
    with engine.connect() as conn:
        version = installed_version(conn)
    unknown = heads - known_revisions()
    return SchemaStatus(False, frozenset(unknown), heads != code_heads() and not unknown, version)


def refuse_newer_schema(engine: Engine) -> None:
    """Raise :class:`SchemaTooNew` when the database was migrated by a newer PropDesk (any
    back end), before anything tries to migrate it; nothing else costs more than one query."""
    heads = database_heads(engine)
    if heads is None or heads == code_heads() or not heads - known_revisions():
        return
    version = None
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            version = installed_version(conn)
    raise SchemaTooNew(too_new_message(SchemaStatus(False, heads, False, version)))


def too_new_message(status: SchemaStatus) -> str:
    mine = propdesk.__version__
    if status.installed_by:
        return (
            f"这个数据库已由 PropDesk {status.installed_by} 升级，比本机的 PropDesk {mine} 新。"
            f"请在本机安装 PropDesk {status.installed_by}（或更新的版本）后再连接。"
        )
    return (
        f"这个数据库已由比本机（PropDesk {mine}）更新的 PropDesk 升级。"
        "请在本机安装最新版本的 PropDesk 后再打开。"
    )
