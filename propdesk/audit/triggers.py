"""Database triggers: the audit trail records changes however they are made, raw SQL included.

* On the audited tables (:data:`TRIGGER_TABLES`: money, users, permits, people) an
  ``AFTER INSERT/UPDATE/DELETE`` trigger writes one ``audit_log`` row per changed row with
  ``{column: [old, new]}`` — personal columns masked, secrets replaced by ``******`` — so an
  edit through the app, a ``text()`` statement, a Core bulk statement or another program
  holding the app's connection is recorded alike, each row with its id and amounts.
* ``audit_log`` itself: ``UPDATE`` and ``DELETE`` are refused by triggers; every new row is
  sealed into the hash chain (:mod:`propdesk.audit.chain`): ``prev_hash`` is the previous
  row's ``row_hash`` and ``row_hash = sha256(prev_hash + "\\n" + canonical content)``.
* Who: the app puts the transaction's actor where the triggers read it
  (:func:`bind_actor`): on PostgreSQL ``set_config('propdesk.audit', json, true)`` (the
  setting ends with the transaction); on SQLite the connection's Python functions
  ``propdesk_audit_ctx(key)`` read it from the pooled connection (cleared at check-in).
  Without it (a psql session, ``engine.connect()``) the row says ``unknown`` and, on
  PostgreSQL, ``db_user`` still records the server login.

PostgreSQL functions are ``SECURITY DEFINER`` with a pinned ``search_path``: when the
migration owner role owns them, app roles need no UPDATE/DELETE right on ``audit_log``.

The triggers are (re)built from the live columns by :func:`install` after every migration
run (``propdesk/migrations/env.py``) and dropped by :func:`uninstall` before it, so a later
migration that adds, drops or rebuilds a column never trips over them.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import UTC
from typing import Any

from sqlalchemy import Connection, Engine, event, inspect
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.auth.actor import Actor
from propdesk.privacy import mask_id_number, mask_phone

AUDIT_TABLE = "audit_log"
UNKNOWN_USER = "unknown"
REFUSED_MESSAGE = "操作日志不能修改或删除。"
PG_SETTING = "propdesk.audit"
#: PostgreSQL advisory lock serialising the chain's writers (taken when a write begins).
CHAIN_LOCK = "propdesk.audit_log.chain"
_CTX_KEY = "propdesk.audit_ctx"
#: ``session.info`` key: the message of a refused attempt, audited after the rollback.
REFUSED_KEY = "propdesk.refused"
_TRIGGER_PREFIX = "audit_"

#: Tables whose every row change is recorded by a database trigger (the ORM listener in
#: :mod:`propdesk.audit.trail` leaves them alone: no double rows). Missing tables are skipped.
TRIGGER_TABLES: tuple[str, ...] = (
    # users and security
    "app_user",
    "security_policy",
    "approval_grant",
    # people and places
    "estate",
    "building",
    "unit",
    "parking_space",
    "person",
    "occupancy",
    # money
    "fee_item",
    "fee_rate",
    "fee_setting",
    "fee_discount_rule",
    "billing_run",
    "bill_line",
    "receipt_counter",
    "payment",
    "fee_allocation",
    "fee_credit",
    "fee_refund",
    "fee_waiver",
    "fee_closed_period",
    "fee_reversal",
    "fee_daily_close",
    "meter",
    "meter_reading",
    "deposit",
    "deposit_refund",
    "deposit_deduction",
    "key_deposit",
    # permits and moves
    "renovation_permit",
    "renovation_deduction",
    "renovation_violation",
    "movein",
    "moveout",
)
TRIGGER_TABLE_SET = frozenset(TRIGGER_TABLES)

#: Bookkeeping columns that change on every edit and say nothing to a reader.
#: ``unit_sort``: a person's derived sort key, rewritten whenever their occupancies change.
SKIP_ON_UPDATE = ("version", "updated_at", "unit_sort")
SECRET_COLUMNS = frozenset({"password_hash", "secret_hash", "token_hash"})
SECRET_MARK = "******"
#: Personal columns masked in audit rows (the full value never enters the audit log); the same
#: names as ``propdesk.pii.audit`` (the PII encryption), which the triggers cannot import on
#: PostgreSQL, hence the copy.
ID_COLUMNS = frozenset({"id_number"})
PHONE_COLUMNS = frozenset(
    {
        "phone",
        "phone2",
        "emergency_phone",
        "reporter_phone",
        "recipient_phone",
        "borrower_phone",
        "contact_phone",
        "owner_phone",
        "contractor_phone",
        "mobile",
    }
)
#: Lookup hashes and clear last digits: as good as the value to whoever holds the key.
LOOKUP_COLUMNS = frozenset({"phone_hmac", "phone_tail_hmac", "phone_tail", "id_number_hmac"})
#: Encrypted or keyed copies of personal data: only "changed" is recorded.
HIDDEN_SUFFIXES = ("_enc", "_cipher", "_hmac", "_digest", "_nonce")
#: An encrypted value (``v1:…``): nothing of it is shown, not even masked.
_CIPHERTEXT = re.compile(r"^v[0-9]+:")


def is_hidden(column: str) -> bool:
    return column in SECRET_COLUMNS or column in LOOKUP_COLUMNS or column.endswith(HIDDEN_SUFFIXES)


def mask_value(column: str, value: Any) -> Any:
    """What an audit row keeps of ``column``'s ``value`` (masked personal data, no secrets)."""
    if value is None:
        return None
    if is_hidden(column):
        return SECRET_MARK if value not in ("", b"") else ""
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    if column in ID_COLUMNS or column in PHONE_COLUMNS:
        text = str(value)
        if _CIPHERTEXT.match(text):
            return SECRET_MARK
        return mask_id_number(text) if column in ID_COLUMNS else mask_phone(text)
    return value


def is_masked(column: str) -> bool:
    return is_hidden(column) or column in ID_COLUMNS or column in PHONE_COLUMNS


# --------------------------------------------------------------------------- actor context


@dataclass(frozen=True)
class AuditContext:
    """Who acts in a transaction, as the triggers record it."""

    user_id: int | None
    username: str
    os_user: str
    host: str
    clock: clock.Clock

    def utc_text(self) -> str:
        """The clock's time as SQLite stores a UTC datetime."""
        return f"{self.clock.now().astimezone(UTC):%Y-%m-%d %H:%M:%S.%f}"


def context_of(session: Session) -> AuditContext:
    from propdesk.session_info import actor_or_system

    actor: Actor = actor_or_system(session)
    return AuditContext(
        actor.user_id,
        actor.username[:50],
        str(getattr(actor, "os_user", ""))[:64],
        str(getattr(actor, "host", ""))[:120],
        clock.of(session),
    )


def bind_actor(session: Session, connection: Connection) -> None:
    """Tell the triggers who acts in the transaction ``session`` just began on ``connection``
    (on PostgreSQL also take the chain lock: see below)."""
    ctx = context_of(session)
    if connection.dialect.name == "sqlite":  # a dict on the pooled connection: no SQL
        connection.info[_CTX_KEY] = ctx
        return
    if connection.dialect.name != "postgresql":
        return
    payload = json.dumps(
        {
            "user_id": ctx.user_id,
            "username": ctx.username,
            "os_user": ctx.os_user,
            "host": ctx.host,
            "at": ctx.clock.now().isoformat(),
        },
        ensure_ascii=False,
    )
    # The chain lock first, before the transaction locks any row: a writer that took row
    # locks and then waited for the chain while another desk held the chain and waited for
    # those rows would deadlock. Write transactions therefore extend the chain one at a time.
    connection.exec_driver_sql(
        f"SELECT set_config('{PG_SETTING}', %(p)s, true), "
        f"pg_advisory_xact_lock(hashtext('{CHAIN_LOCK}'))",
        {"p": payload},
    )


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def register_sqlite_functions(dbapi_conn: Any, record: Any) -> None:
    """The Python functions SQLite's audit triggers call, on one new connection.

    ``record.info`` is the pool's per-connection dict, the same object as
    ``Connection.info``: :func:`bind_actor` puts the transaction's actor there.
    """
    info: dict[str, Any] = record.info

    def ctx(key: str) -> Any:
        context = info.get(_CTX_KEY)
        if not isinstance(context, AuditContext):
            return None
        if key == "at":
            return context.utc_text()
        value: Any = getattr(context, key, None)
        return value

    def mask(column: str, value: Any) -> Any:
        return mask_value(column, value)

    dbapi_conn.create_function("propdesk_sha256", 1, sha256_hex, deterministic=True)
    dbapi_conn.create_function("propdesk_audit_ctx", 1, ctx)
    dbapi_conn.create_function("propdesk_audit_mask", 2, mask, deterministic=True)


def clear_sqlite_context(_dbapi_conn: Any, record: Any) -> None:
    """Pool check-in: the next user of this connection starts without an actor."""
    record.info.pop(_CTX_KEY, None)


def prepare_engine(engine: Engine) -> None:
    """SQLite: register the triggers' functions on every connection of ``engine``."""
    if engine.dialect.name != "sqlite":
        return
    event.listen(engine, "connect", register_sqlite_functions)
    event.listen(engine, "checkin", clear_sqlite_context)


# --------------------------------------------------------------------------- introspection


def _columns(conn: Connection, table: str) -> list[str]:
    return [str(c["name"]) for c in inspect(conn).get_columns(table)]


def _pk(conn: Connection, table: str) -> list[str]:
    return [str(c) for c in inspect(conn).get_pk_constraint(table)["constrained_columns"]]


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _lit(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def audited_tables(conn: Connection) -> list[str]:
    existing = set(inspect(conn).get_table_names())
    return [t for t in TRIGGER_TABLES if t in existing]


def chain_ready(conn: Connection) -> bool:
    """True when ``audit_log`` has the hash-chain columns (the audittrail migration ran)."""
    if AUDIT_TABLE not in inspect(conn).get_table_names():
        return False
    return "row_hash" in _columns(conn, AUDIT_TABLE)


# --------------------------------------------------------------------------- canonical content

_HASH_COLUMNS = ("prev_hash", "row_hash")


def canonical_sql(conn: Connection, alias: str) -> str:
    """SQL for one audit row's canonical text: ``name=value`` of every non-empty column
    (hash columns excluded), sorted by name, joined by U+001F.

    Leaving out empty values keeps old rows' content unchanged when a migration later adds
    a column with an empty default.
    """
    cols = sorted(c for c in _columns(conn, AUDIT_TABLE) if c not in _HASH_COLUMNS)
    if conn.dialect.name == "postgresql":
        row = f"to_jsonb({alias}) - 'prev_hash' - 'row_hash'"
        at = (
            f"jsonb_build_object('at', to_char({alias}.at AT TIME ZONE 'UTC', "
            "'YYYY-MM-DD HH24:MI:SS.US'))"
        )
        return (
            f"(SELECT string_agg(e.key || '=' || e.value, chr(31) ORDER BY e.key) "
            f"FROM jsonb_each_text(({row}) || {at}) AS e "
            "WHERE e.value IS NOT NULL AND e.value <> '')"
        )
    parts = " UNION ALL ".join(
        f"SELECT {_lit(c)} AS k, {alias}.{_q(c)} AS v, {i} AS o" for i, c in enumerate(cols)
    )
    return (
        f"(SELECT group_concat(k || '=' || v, char(31)) FROM "
        f"(SELECT k, v FROM ({parts}) WHERE v IS NOT NULL AND v <> '' ORDER BY o))"
    )


# --------------------------------------------------------------------------- SQLite


def _sqlite_value(column: str, ref: str) -> str:
    if is_masked(column):
        return f"propdesk_audit_mask({_lit(column)}, {ref})"
    return f"CASE WHEN typeof({ref}) = 'blob' THEN '<' || length({ref}) || ' bytes>' ELSE {ref} END"


def _sqlite_changes(columns: list[str], action: str) -> str:
    items: list[str] = []
    for c in sorted(columns):
        old, new = f"OLD.{_q(c)}", f"NEW.{_q(c)}"
        if action == "insert":
            cond, pair = f"{new} IS NOT NULL AND {new} <> ''", f"NULL, {_sqlite_value(c, new)}"
        elif action == "delete":
            cond, pair = f"{old} IS NOT NULL", f"{_sqlite_value(c, old)}, NULL"
        else:
            if c in SKIP_ON_UPDATE:
                continue
            cond = f"{old} IS NOT {new}"
            pair = f"{_sqlite_value(c, old)}, {_sqlite_value(c, new)}"
        items.append(f"{_lit(c)}, CASE WHEN {cond} THEN json_array({pair}) END")
    return (
        "(SELECT coalesce(json_group_object(key, json(value)), '{}') FROM json_each("
        f"json_object({', '.join(items)})) WHERE type <> 'null')"
    )


def _sqlite_row_trigger(conn: Connection, table: str, action: str) -> str:
    columns = _columns(conn, table)
    audit_cols = set(_columns(conn, AUDIT_TABLE))
    ref = "OLD" if action == "delete" else "NEW"
    pk = _pk(conn, table) or columns[:1]
    record_id = " || ',' || ".join(f"CAST({ref}.{_q(c)} AS TEXT)" for c in pk)
    names = ["at", "user_id", "username", "action", "table_name", "record_id", "changes"]
    values = [
        "coalesce(propdesk_audit_ctx('at'), strftime('%Y-%m-%d %H:%M:%f000', 'now'))",
        "propdesk_audit_ctx('user_id')",
        f"coalesce(propdesk_audit_ctx('username'), {_lit(UNKNOWN_USER)})",
        _lit(action),
        _lit(table),
        record_id,
        _sqlite_changes(columns, action),
    ]
    for extra in ("os_user", "host"):
        if extra in audit_cols:
            names.append(extra)
            values.append(f"coalesce(propdesk_audit_ctx({_lit(extra)}), '')")
    when = ""
    if action == "update":
        watched = [c for c in columns if c not in SKIP_ON_UPDATE]
        when = " WHEN " + " OR ".join(f"OLD.{_q(c)} IS NOT NEW.{_q(c)}" for c in watched)
    verb = action.upper()
    head = f"CREATE TRIGGER {_q(f'{_TRIGGER_PREFIX}{action}_{table}')} AFTER {verb} ON {_q(table)}"
    if not audit_cols <= _SQLITE_SEALED_HERE:  # a column this code does not know: seal later
        return (
            f"{head}{when} BEGIN INSERT INTO {AUDIT_TABLE} ({', '.join(names)}) "
            f"VALUES ({', '.join(values)}); END"
        )
    # Sealed in the INSERT itself (the next id, the last row's hash, the hash over the very
    # values inserted): no second write of the row by the seal trigger.
    names = ["id", *names, "db_user", "prev"]
    values = [
        f"coalesce((SELECT max(id) FROM {AUDIT_TABLE}), 0) + 1",
        *values,
        "''",
        f"coalesce((SELECT row_hash FROM {AUDIT_TABLE} ORDER BY id DESC LIMIT 1), '')",
    ]
    row = ", ".join(f"{v} AS {_q(n)}" for n, v in zip(names, values, strict=True))
    stored = [n for n in names if n != "prev"]
    content = canonical_sql(conn, "src")
    return (
        f"{head}{when} BEGIN INSERT INTO {AUDIT_TABLE} ({', '.join(stored)}, prev_hash, row_hash) "
        f"SELECT {', '.join(f'src.{_q(n)}' for n in stored)}, src.prev, "
        f"propdesk_sha256(src.prev || char(10) || {content}) FROM (SELECT {row}) AS src; END"
    )


#: The audit_log columns a SQLite row trigger fills itself (everything else is the hashes).
_SQLITE_SEALED_HERE = frozenset(
    {
        "id",
        "at",
        "user_id",
        "username",
        "os_user",
        "host",
        "action",
        "table_name",
        "record_id",
        "changes",
        "db_user",
        "prev_hash",
        "row_hash",
    }
)


def _sqlite_install(conn: Connection) -> None:
    cols = [c for c in _columns(conn, AUDIT_TABLE) if c not in _HASH_COLUMNS]
    prev = (
        f"coalesce((SELECT row_hash FROM {AUDIT_TABLE} WHERE id < NEW.id "
        "ORDER BY id DESC LIMIT 1), '')"
    )
    content = canonical_sql(conn, "NEW")
    statements = [
        f"CREATE TRIGGER {_TRIGGER_PREFIX}log_no_delete BEFORE DELETE ON {AUDIT_TABLE} "
        f"BEGIN SELECT RAISE(ABORT, {_lit(REFUSED_MESSAGE)}); END",
        f"CREATE TRIGGER {_TRIGGER_PREFIX}log_no_update BEFORE UPDATE OF "
        f"{', '.join(_q(c) for c in cols)} ON {AUDIT_TABLE} "
        f"BEGIN SELECT RAISE(ABORT, {_lit(REFUSED_MESSAGE)}); END",
        f"CREATE TRIGGER {_TRIGGER_PREFIX}log_no_reseal BEFORE UPDATE OF prev_hash, row_hash "
        f"ON {AUDIT_TABLE} WHEN OLD.row_hash <> '' "
        f"BEGIN SELECT RAISE(ABORT, {_lit(REFUSED_MESSAGE)}); END",
        f"CREATE TRIGGER {_TRIGGER_PREFIX}log_seal AFTER INSERT ON {AUDIT_TABLE} "
        "WHEN NEW.row_hash = '' BEGIN "
        f"UPDATE {AUDIT_TABLE} SET prev_hash = {prev}, "
        f"row_hash = propdesk_sha256({prev} || char(10) || {content}) WHERE id = NEW.id; END",
    ]
    for table in audited_tables(conn):
        statements += [_sqlite_row_trigger(conn, table, a) for a in ("insert", "update", "delete")]
    for sql in statements:
        conn.exec_driver_sql(sql)


def _sqlite_uninstall(conn: Connection) -> None:
    names = conn.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'audit\\_%' ESCAPE '\\'"
    ).scalars()
    for name in list(names):
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {_q(str(name))}")


# --------------------------------------------------------------------------- PostgreSQL

_PG_MASK = """
CREATE OR REPLACE FUNCTION propdesk_audit_mask(col text, v jsonb) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $f$
DECLARE s text; n int;
BEGIN
  IF v IS NULL OR v = 'null'::jsonb THEN RETURN 'null'::jsonb; END IF;
  IF col = ANY(%(hidden)s) OR col ~ '(_enc|_cipher|_hmac|_digest|_nonce)$' THEN
    RETURN CASE WHEN v = '""'::jsonb THEN '""'::jsonb ELSE to_jsonb('%(mark)s'::text) END;
  END IF;
  IF jsonb_typeof(v) <> 'string' THEN RETURN v; END IF;
  s := v #>> '{}'; n := length(s);
  IF (col = ANY(%(ids)s) OR col = ANY(%(phones)s)) AND s ~ '^v[0-9]+:' THEN
    RETURN to_jsonb('%(mark)s'::text);
  END IF;
  IF col = ANY(%(ids)s) THEN
    IF n = 0 THEN RETURN '""'::jsonb; END IF;
    IF n <= 8 THEN RETURN to_jsonb(repeat('*', n)); END IF;
    RETURN to_jsonb(left(s, 4) || repeat('*', n - 8) || right(s, 4));
  END IF;
  IF col = ANY(%(phones)s) THEN
    IF n = 0 THEN RETURN '""'::jsonb; END IF;
    IF n <= 4 THEN RETURN to_jsonb(repeat('*', n)); END IF;
    IF n = 11 AND s ~ '^[0-9]+$' THEN RETURN to_jsonb(left(s, 3) || '****' || right(s, 4)); END IF;
    RETURN to_jsonb(left(s, greatest(n - 8, 0)) || '****' || right(s, 4));
  END IF;
  RETURN v;
END $f$
"""

_PG_ROW = """
CREATE OR REPLACE FUNCTION propdesk_audit_row() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $f$
DECLARE
  ctx jsonb := coalesce(nullif(current_setting('%(setting)s', true), ''), '{}')::jsonb;
  old_j jsonb; new_j jsonb; src jsonb; act text; rid text; chg jsonb;
BEGIN
  IF TG_OP = 'INSERT' THEN new_j := to_jsonb(NEW); act := 'insert';
  ELSIF TG_OP = 'UPDATE' THEN old_j := to_jsonb(OLD); new_j := to_jsonb(NEW); act := 'update';
  ELSE old_j := to_jsonb(OLD); act := 'delete';
  END IF;
  src := coalesce(new_j, old_j);
  SELECT string_agg(src ->> a.c, ',' ORDER BY a.o) INTO rid
    FROM unnest(TG_ARGV) WITH ORDINALITY AS a(c, o);
  SELECT coalesce(jsonb_object_agg(s.key, jsonb_build_array(
           propdesk_audit_mask(s.key, s.o), propdesk_audit_mask(s.key, s.n))), '{}'::jsonb)
    INTO chg
    FROM (SELECT k AS key, old_j -> k AS o, new_j -> k AS n FROM jsonb_object_keys(src) AS k) s
   WHERE CASE act
           WHEN 'update' THEN s.o IS DISTINCT FROM s.n AND s.key <> ALL(%(skip)s)
           WHEN 'insert' THEN s.n <> 'null'::jsonb AND s.n <> '""'::jsonb
           ELSE s.o <> 'null'::jsonb
         END;
  IF act = 'update' AND chg = '{}'::jsonb THEN RETURN NULL; END IF;
  INSERT INTO %(audit)s (%(names)s)
  VALUES (%(values)s);
  RETURN NULL;
END $f$
"""

_PG_SEAL = """
CREATE OR REPLACE FUNCTION propdesk_audit_seal() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $f$
DECLARE prev text;
BEGIN
  -- one writer at a time extends the chain (held until the transaction ends)
  PERFORM pg_advisory_xact_lock(hashtext('%(lock)s'));
  NEW.id := nextval(pg_get_serial_sequence('%(audit)s', 'id'));
  NEW.db_user := session_user;
  SELECT row_hash INTO prev FROM %(audit)s ORDER BY id DESC LIMIT 1;
  NEW.prev_hash := coalesce(prev, '');
  NEW.row_hash := encode(sha256(convert_to(NEW.prev_hash || chr(10) || %(content)s, 'UTF8')), 'hex');
  RETURN NEW;
END $f$
"""

_PG_REFUSE = """
CREATE OR REPLACE FUNCTION propdesk_audit_refuse() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $f$
BEGIN
  RAISE EXCEPTION '%(message)s' USING ERRCODE = 'insufficient_privilege';
END $f$
"""

_PG_FUNCTIONS = (
    "propdesk_audit_row()",
    "propdesk_audit_seal()",
    "propdesk_audit_refuse()",
    "propdesk_audit_mask(text, jsonb)",
)


def _pg_array(values: frozenset[str] | tuple[str, ...]) -> str:
    return "ARRAY[" + ", ".join(_lit(v) for v in sorted(values)) + "]::text[]"


def _pg_install(conn: Connection) -> None:
    audit_cols = set(_columns(conn, AUDIT_TABLE))
    names = ["at", "user_id", "username", "action", "table_name", "record_id", "changes"]
    values = [
        "coalesce((ctx ->> 'at')::timestamptz, now())",
        "(ctx ->> 'user_id')::integer",
        f"coalesce(ctx ->> 'username', {_lit(UNKNOWN_USER)})",
        "act",
        "TG_TABLE_NAME",
        "coalesce(rid, '?')",
        "chg::text",
    ]
    for extra in ("os_user", "host"):
        if extra in audit_cols:
            names.append(extra)
            values.append(f"coalesce(ctx ->> {_lit(extra)}, '')")
    # NEW.* in the seal function: the canonical text of the row being inserted
    content = canonical_sql(conn, "NEW")
    sql = [
        _PG_MASK
        % {
            "hidden": _pg_array(SECRET_COLUMNS | LOOKUP_COLUMNS),
            "mark": SECRET_MARK,
            "ids": _pg_array(ID_COLUMNS),
            "phones": _pg_array(PHONE_COLUMNS),
        },
        _PG_ROW
        % {
            "setting": PG_SETTING,
            "skip": _pg_array(SKIP_ON_UPDATE),
            "audit": AUDIT_TABLE,
            "names": ", ".join(names),
            "values": ", ".join(values),
        },
        _PG_SEAL % {"audit": AUDIT_TABLE, "content": content, "lock": CHAIN_LOCK},
        _PG_REFUSE % {"message": REFUSED_MESSAGE},
        f"CREATE TRIGGER {_TRIGGER_PREFIX}log_seal BEFORE INSERT ON {AUDIT_TABLE} "
        "FOR EACH ROW EXECUTE FUNCTION propdesk_audit_seal()",
        f"CREATE TRIGGER {_TRIGGER_PREFIX}log_refuse BEFORE UPDATE OR DELETE ON {AUDIT_TABLE} "
        "FOR EACH ROW EXECUTE FUNCTION propdesk_audit_refuse()",
    ]
    for table in audited_tables(conn):
        pk = _pk(conn, table) or _columns(conn, table)[:1]
        args = ", ".join(_lit(c) for c in pk)
        sql.append(
            f"CREATE TRIGGER {_TRIGGER_PREFIX}row AFTER INSERT OR UPDATE OR DELETE ON {_q(table)} "
            f"FOR EACH ROW EXECUTE FUNCTION propdesk_audit_row({args})"
        )
    for statement in sql:
        conn.exec_driver_sql(statement)


def _pg_uninstall(conn: Connection) -> None:
    tables = inspect(conn).get_table_names()
    for table in (*TRIGGER_TABLES, AUDIT_TABLE):
        if table in tables:
            for name in ("row", "log_seal", "log_refuse"):
                conn.exec_driver_sql(
                    f"DROP TRIGGER IF EXISTS {_TRIGGER_PREFIX}{name} ON {_q(table)}"
                )
    for fn in _PG_FUNCTIONS:
        conn.exec_driver_sql(f"DROP FUNCTION IF EXISTS {fn}")


# --------------------------------------------------------------------------- public


def install(conn: Connection) -> None:
    """(Re)create every audit trigger from the live columns; nothing before the migration."""
    uninstall(conn)
    if not chain_ready(conn):
        return
    if conn.dialect.name == "sqlite":
        _sqlite_install(conn)
    elif conn.dialect.name == "postgresql":
        _pg_install(conn)


def uninstall(conn: Connection) -> None:
    """Drop every audit trigger (and PostgreSQL function)."""
    if conn.dialect.name == "sqlite":
        _sqlite_uninstall(conn)
    elif conn.dialect.name == "postgresql":
        _pg_uninstall(conn)


def installed_triggers(conn: Connection) -> set[str]:
    """``table:trigger`` names present, for :func:`missing_triggers`."""
    if conn.dialect.name == "sqlite":
        rows = conn.exec_driver_sql(
            "SELECT tbl_name, name FROM sqlite_master WHERE type = 'trigger'"
        ).all()
    else:
        rows = conn.exec_driver_sql(
            "SELECT c.relname, t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "WHERE NOT t.tgisinternal"
        ).all()
    return {f"{r[0]}:{r[1]}" for r in rows}


def missing_triggers(conn: Connection) -> list[str]:
    """Audited tables (and the audit log) whose triggers are gone: a sign of tampering."""
    present = installed_triggers(conn)
    sqlite = conn.dialect.name == "sqlite"
    missing: list[str] = []
    log = (
        ("log_no_delete", "log_no_update", "log_no_reseal", "log_seal")
        if sqlite
        else ("log_seal", "log_refuse")
    )
    missing += [
        f"{AUDIT_TABLE}:{_TRIGGER_PREFIX}{n}"
        for n in log
        if f"{AUDIT_TABLE}:{_TRIGGER_PREFIX}{n}" not in present
    ]
    for table in audited_tables(conn):
        names = (
            [f"{_TRIGGER_PREFIX}{a}_{table}" for a in ("insert", "update", "delete")]
            if sqlite
            else [f"{_TRIGGER_PREFIX}row"]
        )
        missing += [f"{table}:{n}" for n in names if f"{table}:{n}" not in present]
    return missing
