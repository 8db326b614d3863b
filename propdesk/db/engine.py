"""One engine and one session factory per database.

SQLite gets WAL mode, foreign keys and a busy timeout on every connection; a
PostgreSQL URL works with no code change.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from propdesk import clock as clock_mod
from propdesk.audit.triggers import REFUSED_KEY
from propdesk.audit.triggers import prepare_engine as prepare_audit_triggers
from propdesk.auth.actor import Actor
from propdesk.clock import Clock
from propdesk.db.migrate import upgrade_database
from propdesk.errors import NotAllowed

SQLITE_BUSY_TIMEOUT_MS = 10_000
#: Connection execution option: this transaction writes (SQLite: ``BEGIN IMMEDIATE``).
WRITE_OPTION = "propdesk_write"


def make_engine(url: str, **kwargs: Any) -> Engine:
    """Create an engine; SQLite connections are tuned for one desk with a background worker."""
    if url.startswith("sqlite"):
        engine = create_engine(
            url,
            connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
            hide_parameters=True,  # SQL parameters (phones, ID numbers) never reach an error text
            **kwargs,
        )

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn: Any, _record: Any) -> None:
            # Let SQLAlchemy, not the driver, own BEGIN so a transaction is one user action.
            dbapi_conn.isolation_level = None
            cur = dbapi_conn.cursor()
            if url not in ("sqlite://", "sqlite:///:memory:"):
                cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()

        prepare_audit_triggers(engine)  # the Python functions SQLite's audit triggers call

        @event.listens_for(engine, "begin")
        def _on_begin(conn: Any) -> None:
            # A write takes the write lock at BEGIN, where the busy timeout applies. A
            # deferred transaction that read first and then writes fails at once with
            # "database is locked" when another writer got in between (WAL snapshot).
            write = conn.get_execution_options().get(WRITE_OPTION, False)
            conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

        return engine
    return create_engine(url, pool_pre_ping=True, hide_parameters=True, **kwargs)


@dataclass
class Database:
    """The engine and session factory of one opened database.

    Attributes:
        url: the SQLAlchemy URL.
        engine: the engine.
        session_factory: ``sessionmaker`` bound to the engine; callers own their sessions.
        clock: the clock its transactions read (``None``: the process clock at each begin;
            a desk on a shared server gets one that follows the server's time).
    """

    url: str
    engine: Engine
    session_factory: sessionmaker[Session]
    clock: Clock | None = None

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def begin(self, actor: Actor | None = None, *, write: bool = True) -> Iterator[Session]:
        """One transaction for one user action; ``actor`` is who does it (for audit and checks).

        ``write=False`` for a transaction that only reads: on SQLite it begins deferred and
        never waits for a writer. A write transaction (the default) begins with ``BEGIN
        IMMEDIATE`` there, so concurrent writers queue on the busy timeout instead of
        failing with "database is locked"; PostgreSQL is unaffected.
        """
        with self.session_factory.begin() as session:
            session.info["write"] = write
            if actor is not None:
                session.info["actor"] = actor
            clock_mod.bind(session, self.clock or clock_mod.process_clock())
            # Read by the SQLite "begin" hook when the first statement procures the connection.
            session.execution_options = session.execution_options.union({WRITE_OPTION: write})
            if actor is not None and actor.epoch is not None:
                from propdesk.auth.epoch import check_actor

                check_actor(session, actor)  # deactivated, demoted: refused at the next action
            try:
                yield session
            except NotAllowed as exc:  # audited in its own transaction (propdesk.audit.trail)
                session.info[REFUSED_KEY] = exc.message
                raise

    def dispose(self) -> None:
        self.engine.dispose()


def check_database_file(url: str) -> None:
    """Refuse a damaged or foreign SQLite file (``DatabaseFileError``) before anything writes to it."""
    from sqlalchemy.engine import make_url

    from propdesk.backup.integrity import QUICK_SCAN_LIMIT, check_file

    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        path = Path(parsed.database)
        small = not path.is_file() or path.stat().st_size <= QUICK_SCAN_LIMIT
        check_file(path, allow_new=True, scan=small)


def _share_clock_with_connection(factory: sessionmaker[Session]) -> None:
    """Put each transaction's clock on its connection, for :func:`propdesk.clock.column_now`."""

    @event.listens_for(factory, "after_begin")
    def _after_begin(session: Session, _transaction: Any, connection: Any) -> None:
        connection.info[clock_mod.CONNECTION_KEY] = clock_mod.of(session)


def open_database(url: str, *, upgrade: bool = True, clock: Clock | None = None) -> Database:
    """Open (and by default migrate to the newest schema) the database at ``url``.

    A SQLite file is checked first (header, schema, PropDesk tables, and ``PRAGMA
    quick_check`` up to 64 MB; bigger files are scanned by the start backup): a damaged
    or foreign file raises ``DatabaseFileError`` and is never migrated or written.
    """
    check_database_file(url)
    engine = make_engine(url)
    if upgrade:
        from propdesk.db.schema_version import refuse_newer_schema

        try:
            refuse_newer_schema(engine)  # a newer app's schema: say which version to install
        except Exception:
            engine.dispose()
            raise
        upgrade_database(engine)
    factory = sessionmaker(engine, expire_on_commit=False)
    from propdesk.audit.trail import install as install_audit_trail
    from propdesk.db.text_guard import install as install_text_guard
    from propdesk.pii.guard import install as install_pii_guard

    install_text_guard(factory)  # before the audit trail: refuse bad text before it is logged
    install_audit_trail(factory)
    install_pii_guard(factory)  # a desk with another personal-data key reads and writes nothing
    _share_clock_with_connection(factory)
    return Database(url=url, engine=engine, session_factory=factory, clock=clock)
