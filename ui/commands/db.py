"""``propdesk db upgrade``: apply the schema migrations.

Also home of :func:`checked_url` and :func:`open_db_or_fail`, which turn a bad
``--db`` (missing folder, unwritable file, not a database, server refusing) into one
clear line (exit code 2 for bad input, 1 when the database refuses) instead of a traceback.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError

from propdesk.config import resolve_database_url
from propdesk.db.engine import Database, check_database_file, make_engine
from propdesk.db.migrate import pending_revisions, upgrade_database


def register(sub: Any) -> None:
    from ui.cli import add_db_option

    db = sub.add_parser(
        "db", help="database administration", description="Database administration."
    )
    dbsub = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    up = dbsub.add_parser(
        "upgrade",
        help="apply pending schema migrations",
        description="Create the database if needed and bring its schema up to date.",
    )
    add_db_option(up)
    up.set_defaults(func=_upgrade)


def shown_url(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def checked_url(args: argparse.Namespace) -> str:
    """The database URL of ``--db``; a SQLite file must be in an existing, writable folder."""
    from ui.cli import CliError

    url = resolve_database_url(getattr(args, "db", None))
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise CliError(f"数据库地址无法识别：{url}") from None
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        path = Path(parsed.database or "")
        if not path.parent.is_dir():
            raise CliError(f"文件夹不存在：{path.parent}")
        if path.is_dir():
            raise CliError(f"这是一个文件夹，不是数据库文件：{path}")
    return url


@contextmanager
def database_errors(url: str) -> Iterator[None]:
    """Name the database in a failure to open or write ``url``.

    A URL SQLAlchemy cannot use (unknown driver) is bad input (:class:`ui.cli.CliError`,
    exit 2); a database that refuses (server down, locked, no access) is a
    :class:`ui.cli.DatabaseUnavailable` (exit 1). The driver's own text is logged, never printed.
    """
    from ui.cli import CliError, DatabaseUnavailable

    try:
        yield
    except (ArgumentError, NoSuchModuleError) as exc:
        raise CliError(f"数据库地址无法使用：{shown_url(url)}") from exc
    except SQLAlchemyError as exc:
        raise DatabaseUnavailable(shown_url(url), exc) from exc


def open_db_or_fail(args: argparse.Namespace) -> Database:
    """Open (and migrate) the database of ``--db``, or fail with one clear line."""
    from ui.commands import open_db_from_args

    return open_db_from_args(args)


def _upgrade(args: argparse.Namespace) -> int:
    url = checked_url(args)
    check_database_file(url)  # a foreign or damaged file is refused, never migrated
    with database_errors(url):
        engine = make_engine(url)
        try:
            pending = pending_revisions(engine)
            upgrade_database(engine)
        finally:
            engine.dispose()
    print(f"数据库已是最新结构（应用了 {len(pending)} 个迁移）：{shown_url(url)}")
    return 0
