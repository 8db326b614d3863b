"""A desk on a shared PostgreSQL server: log in, check the schema, migrate as the owner.

- Every staff member connects with their own login (:mod:`propdesk.db.pg_roles`); the user
  and password are asked at each start and never stored.
- The *owner* login (the role that owns the database's tables, or may create them in an
  empty database) migrates the schema to this app's version, (re)applies the grants and
  records which PropDesk version it installed. The first desk does this once.
- Any other desk refuses to start on a schema newer than its code (and says which version
  to install), or older than its code (and says the owner must log in once to upgrade).
- Five wrong passwords lock a staff login on the server itself (:mod:`propdesk.db.login_gate`).
"""

from __future__ import annotations

import re

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import OperationalError, SQLAlchemyError

import propdesk
from propdesk.clock import Clock
from propdesk.config import ServerSettings
from propdesk.db import login_gate, pg_roles
from propdesk.db.engine import Database, make_engine, open_database
from propdesk.db.migrate import upgrade_database
from propdesk.db.schema_version import (
    SchemaTooNew,
    installed_roles,
    record_version,
    schema_status,
    too_new_message,
)
from propdesk.errors import DomainError, NotAllowed

CONNECT_TIMEOUT_S = 8


class SchemaNeedsUpgrade(DomainError):
    """The server's schema is older than this app and this login may not migrate it."""


class ServerUnreachable(DomainError):
    """The server did not answer or refused the login (no password in the message)."""


def is_owner(conn: Connection) -> bool:
    """May this login migrate: it owns ``alembic_version``, or may create tables in a new
    database."""
    owns = conn.execute(
        text(
            "SELECT pg_has_role(current_user, c.relowner, 'USAGE') FROM pg_class c "
            "WHERE c.oid = to_regclass('alembic_version')"
        )
    ).scalar()
    if owns is not None:
        return bool(owns)
    return bool(conn.execute(text("SELECT has_schema_privilege('public', 'CREATE')")).scalar())


def needs_upgrade_message(server: ServerSettings) -> str:
    return (
        f"服务器 {server.describe()} 上的数据库比本机的 PropDesk {propdesk.__version__} 旧，"
        "需要先升级：请用数据库所有者账号在本机登录一次（它会升级数据库），再用自己的账号登录。"
    )


def connect_engine(server: ServerSettings, username: str, password: str) -> Engine:
    """An engine for this login; the connection is tried now (wrong password: refused)."""
    login_gate.before_login(server, username)
    engine = make_engine(
        server.url(username, password), connect_args={"connect_timeout": CONNECT_TIMEOUT_S}
    )
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except OperationalError as exc:
        engine.dispose()
        if login_gate.is_wrong_password(exc):
            login_gate.after_failure(server, username)
            raise NotAllowed("用户名或密码不正确。") from None
        raise ServerUnreachable(describe_failure(server, exc)) from None
    return engine


_REASONS = (
    ("Connection refused", "服务器拒绝连接：地址或端口不对，或服务器没有运行"),
    ("timeout expired", "连接超时：服务器没有响应"),
    ("could not translate host name", "找不到这个服务器名称"),
    ("Name or service not known", "找不到这个服务器名称"),
    ("No route to host", "网络不通：到不了这台服务器"),
    ("SSL was required", "服务器不支持加密连接（sslmode 要求加密）"),
    ("SSL negotiation", "对方不像是 PostgreSQL 服务器，或不支持加密连接"),
    ("no pg_hba.conf entry", "服务器不允许这台电脑或这个账号连接（pg_hba.conf）"),
    ("does not exist", "服务器上没有这个数据库"),
    ("certificate verify failed", "服务器证书校验失败（sslmode=verify-ca/verify-full）"),
    ("not permitted to log in", "该账号已停用"),
)


def describe_failure(server: ServerSettings, exc: BaseException) -> str:
    """A one-line Chinese reason naming the server, never the password."""
    detail = str(getattr(exc, "orig", None) or exc).strip()
    for needle, reason in _REASONS:
        if needle in detail:
            return f"无法连接服务器 {server.describe()}：{reason}。"
    lines = detail.splitlines()
    first = re.sub(r"password=\S+", "password=***", lines[0] if lines else type(exc).__name__)
    return f"无法连接服务器 {server.describe()}：{first}"


def open_server(
    server: ServerSettings, username: str, password: str, *, clock: Clock | None = None
) -> Database:
    """Log in to the server, check its schema and open it.

    The owner login migrates an older or empty schema, applies the roles
    (:func:`propdesk.db.pg_roles.install`) and records the app version. Any login is refused
    on a schema newer than this code (:class:`SchemaTooNew`); a staff login on an older one
    gets :class:`SchemaNeedsUpgrade`.
    """
    engine = connect_engine(server, username, password)
    try:
        status = schema_status(engine)
        if status.unknown:
            raise SchemaTooNew(too_new_message(status))
        with engine.connect() as conn:
            owner = is_owner(conn)
        if status.empty and not owner:
            raise SchemaNeedsUpgrade(
                f"服务器 {server.describe()} 上的数据库还是空的：请先用数据库所有者账号登录一次，"
                "建立数据库。"
            )
        if status.pending and not owner:
            raise SchemaNeedsUpgrade(needs_upgrade_message(server))
        if owner:
            upgrade_database(engine)
            with engine.begin() as conn:
                stale = installed_roles(conn) != pg_roles.plan_digest()
                if status.pending or stale or not pg_roles.enforced(conn):
                    pg_roles.install(conn)
                    login_gate.install(conn)
                    record_version(conn)
    except (DomainError, SQLAlchemyError):
        engine.dispose()
        raise
    engine.dispose()
    database = open_database(server.url(username, password), upgrade=False, clock=clock)
    database.url = server.url(username)  # the engine keeps the password; the URL shown does not
    return database


def probe(server: ServerSettings, username: str, password: str) -> str:
    """The settings' "Test connection": log in, read the schema state, say it in one line."""
    engine = connect_engine(server, username, password)
    try:
        status = schema_status(engine)
        with engine.connect() as conn:
            owner = is_owner(conn)
            user = conn.execute(text("SELECT current_user")).scalar()
            ssl = conn.execute(
                text("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
            ).scalar()
    except SQLAlchemyError as exc:
        raise ServerUnreachable(describe_failure(server, exc)) from None
    finally:
        engine.dispose()
    tls = "已加密（TLS）" if ssl else "未加密"
    if status.unknown:
        return f"连接成功（{user}，{tls}），但{too_new_message(status)}"
    if status.empty:
        state = (
            "数据库是空的：用所有者账号登录时将建立数据库。"
            if owner
            else ("数据库是空的：请用数据库所有者账号登录一次以建立数据库。")
        )
    elif status.pending:
        state = "登录时将升级数据库。" if owner else needs_upgrade_message(server)
    else:
        state = f"数据库版本与本机一致（PropDesk {status.installed_by or propdesk.__version__}）。"
    return f"连接成功（{user}，{tls}）。{state}"
