"""Lock-out on the server: five wrong passwords lock a staff login for 15 minutes.

PostgreSQL itself has no lock-out, and a desk whose login was refused has no connection to
count the failure on. So each database has a *gate* role, ``<database>_gate``, whose only
right is to call two functions owned by the owner role (``SECURITY DEFINER``):

- ``pd_login_failed(username)``: count a failure in ``app_user``; the fifth in a row sets
  ``locked_until`` (server time + 15 minutes) and makes the login's password invalid
  (``VALID UNTIL`` in the past), so the server refuses even the right password — with the
  same "password authentication failed" as a wrong one, which tells an attacker nothing.
- ``pd_login_state(username)``: the lock's end, or NULL; an expired lock is lifted here.

The gate's password, :data:`GATE_PASSWORD`, is public on purpose (it is in this source):
it opens nothing but these two functions, which can do no more than a person typing wrong
passwords at a desk. An administrator's unlock lifts the server lock too
(:func:`propdesk.db.pg_roles.sync_user`).

Only desks count failures: someone trying passwords with ``psql`` directly is not counted.
``docs/server.md`` says how the server limits that (``auth_delay``, ``pg_hba.conf``).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import Connection

from propdesk.config import ServerSettings
from propdesk.errors import NotAllowed

if TYPE_CHECKING:
    from sqlalchemy.exc import OperationalError

GATE_PASSWORD = "propdesk-login-gate"  # public: see the module docstring
MAX_FAILED_ATTEMPTS = 5
LOCK_MINUTES = 15


def gate_role(database: str) -> str:
    return f"{database}_gate"


def install(conn: Connection) -> None:
    """Create the gate role and its two functions (the owner, after :func:`pg_roles.install`)."""
    from propdesk.db.pg_roles import (
        LOCKED_UNTIL,
        RoleNames,
        _exec,
        _lit,
        _password_clause,
        _q,
        _role_exists,
        role_names,
    )

    names = role_names(conn)
    gate = gate_role(names.database)
    q = _q(conn, gate)
    if not _role_exists(conn, gate):
        _exec(conn, f"CREATE ROLE {q} LOGIN{_password_clause(GATE_PASSWORD)}")
    _exec(conn, f"GRANT CONNECT ON DATABASE {_q(conn, names.database)} TO {q}")
    _exec(conn, f"GRANT USAGE ON SCHEMA public TO {q}")
    groups = "ARRAY[" + ", ".join(_lit(g) for g in RoleNames(names.database).groups) + "]"
    _exec(
        conn,
        f"""
CREATE OR REPLACE FUNCTION public.pd_login_failed(p_username text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $fn$
DECLARE
    u public.app_user;
BEGIN
    SELECT * INTO u FROM public.app_user WHERE lower(username) = lower(p_username) FOR UPDATE;
    IF NOT FOUND OR NOT u.active OR (u.locked_until IS NOT NULL AND u.locked_until > now()) THEN
        RETURN;
    END IF;
    IF u.failed_attempts + 1 < {MAX_FAILED_ATTEMPTS} THEN
        UPDATE public.app_user SET failed_attempts = failed_attempts + 1 WHERE id = u.id;
        RETURN;
    END IF;
    UPDATE public.app_user
       SET failed_attempts = 0, locked_until = now() + interval '{LOCK_MINUTES} minutes'
     WHERE id = u.id;
    IF EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
               JOIN pg_roles r ON r.oid = m.member
               WHERE r.rolname = lower(u.username) AND g.rolname = ANY({groups})) THEN
        EXECUTE format('ALTER ROLE %I VALID UNTIL %L', lower(u.username), '{LOCKED_UNTIL}');
    END IF;
END
$fn$""",
    )
    _exec(
        conn,
        f"""
CREATE OR REPLACE FUNCTION public.pd_login_state(p_username text) RETURNS timestamptz
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $fn$
DECLARE
    u public.app_user;
BEGIN
    SELECT * INTO u FROM public.app_user WHERE lower(username) = lower(p_username);
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    IF u.locked_until IS NOT NULL AND u.locked_until > now() THEN
        RETURN u.locked_until;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
               JOIN pg_roles r ON r.oid = m.member
               WHERE r.rolname = lower(u.username) AND g.rolname = ANY({groups})
                 AND r.rolvaliduntil IS NOT NULL AND r.rolvaliduntil < now()) THEN
        EXECUTE format('ALTER ROLE %I VALID UNTIL %L', lower(u.username), 'infinity');
    END IF;
    RETURN NULL;
END
$fn$""",
    )
    for fn in ("pd_login_failed(text)", "pd_login_state(text)"):
        _exec(conn, f"REVOKE ALL ON FUNCTION public.{fn} FROM PUBLIC")
        _exec(conn, f"GRANT EXECUTE ON FUNCTION public.{fn} TO {q}")


def _call(server: ServerSettings, sql: str, username: str) -> object:
    """Run one gate function; ``None`` when there is no gate (a server without roles yet)."""
    import psycopg  # only desks on a server pay for the driver's import

    try:
        with psycopg.connect(
            host=server.host,
            port=server.port,
            dbname=server.database,
            user=gate_role(server.database),
            password=GATE_PASSWORD,
            sslmode=server.sslmode,
            connect_timeout=5,
            application_name="PropDesk gate",
        ) as conn:
            row = conn.execute(sql, (username,)).fetchone()
            return row[0] if row else None
    except psycopg.Error:
        return None


def before_login(server: ServerSettings, username: str) -> None:
    """Refuse a login that is locked (lifting an expired lock first)."""
    until = _call(server, "SELECT public.pd_login_state(%s)", username)
    if isinstance(until, datetime):
        from propdesk import clock

        minutes = max(1, -(-int((until - clock.process_clock().now()).total_seconds()) // 60))
        raise NotAllowed(f"账号已锁定，请 {minutes} 分钟后再试，或请系统管理员解锁。")


def after_failure(server: ServerSettings, username: str) -> None:
    """Count a refused password for ``username`` (the fifth in a row locks the login)."""
    _call(server, "SELECT public.pd_login_failed(%s)", username)


def is_wrong_password(exc: OperationalError) -> bool:
    return "password authentication failed" in str(exc.orig or exc)
