"""The audit trail: database triggers for the audited tables, session events for the rest.

* The audited tables (:data:`propdesk.audit.triggers.TRIGGER_TABLES`: money, users, permits,
  people) are recorded by database triggers, whatever writes them (unit of work, Core bulk
  statements, raw ``text()`` SQL): one ``audit_log`` row per changed row, with its id and
  ``{field: [old, new]}``. This module only tells the triggers who acts
  (:func:`propdesk.audit.triggers.bind_actor` when a transaction begins) and writes nothing
  for those tables, so there are never two rows for one change.
* Other tables: an ``after_flush`` listener writes one row per inserted, updated or deleted
  record; a ``do_orm_execute`` listener writes one row per Core bulk statement that lists the
  ids it touched (``bulk_insert`` / ``bulk_update`` / ``bulk_delete``). An ``audit_note``
  execution option adds a human note.
* Work on the raw connection of a non-audited table calls :func:`record_bulk` itself.
* :func:`record_refused` and :func:`record_export` write in their OWN transaction: a refused
  attempt rolls its own transaction back, and an export changes nothing.

Every row is sealed into the hash chain by the database (:mod:`propdesk.audit.chain`); the
audit log itself can never be updated or deleted: the session refuses it
(:class:`propdesk.errors.NotAllowed`) and so do the database's triggers.
Who: ``session.info["actor"]`` (the system actor when absent).
"""

from __future__ import annotations

import enum
import json
import logging
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, Table, event, insert, inspect, select
from sqlalchemy.orm import ORMExecuteState, Session, SessionTransaction, sessionmaker

from propdesk import clock
from propdesk.audit.models import AuditEntry
from propdesk.audit.triggers import REFUSED_KEY, TRIGGER_TABLE_SET, bind_actor, mask_value
from propdesk.errors import NotAllowed
from propdesk.session_info import actor_or_system as _actor

INSERT = "insert"
UPDATE = "update"
DELETE = "delete"
REVEAL = "reveal"
BULK_INSERT = "bulk_insert"
BULK_UPDATE = "bulk_update"
BULK_DELETE = "bulk_delete"
REFUSED = "refused"
EXPORT = "export"
RESTORE = "restore"

ACTION_LABELS_ZH = {
    INSERT: "新增",
    UPDATE: "修改",
    DELETE: "删除",
    REVEAL: "查看完整信息",
    BULK_INSERT: "批量新增",
    BULK_UPDATE: "批量修改",
    BULK_DELETE: "批量删除",
    REFUSED: "被拒绝的操作",
    EXPORT: "导出",
    RESTORE: "从备份恢复",
}
#: How many ids a bulk row lists (a longer statement says how many more).
BULK_ID_LIMIT = 500

# Bookkeeping columns that change on every edit and say nothing to a reader.
_SKIP_ON_UPDATE = frozenset({"version", "updated_at"})
# Secrets: the audit row says they changed, never what they are.
SECRET_FIELDS = frozenset({"password_hash"})
SECRET_MARK = "******"
_AUDIT_TABLE: Table = AuditEntry.__table__  # type: ignore[assignment]


def _json_value(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, enum.Enum):
        return _json_value(value.value)
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    return str(value)


def _row(
    session: Session, action: str, table: str, record_id: str, changes: dict[str, Any]
) -> dict[str, Any]:
    actor = _actor(session)
    return {
        "at": clock.now(session),
        "user_id": actor.user_id,
        "username": actor.username,
        "os_user": actor.os_user[:64],
        "host": actor.host[:120],
        "action": action,
        "table_name": table[:60],
        "record_id": record_id[:60],
        "changes": json.dumps(changes, ensure_ascii=False, sort_keys=True),
    }


def _write(session: Session, rows: list[dict[str, Any]]) -> None:
    if rows:
        session.connection().execute(insert(_AUDIT_TABLE), rows)


def _audited(obj: object) -> bool:
    if isinstance(obj, AuditEntry) or not getattr(obj, "__audit__", True):
        return False
    # the database's triggers record these tables
    return inspect(obj).mapper.local_table.name not in TRIGGER_TABLE_SET


def _record_id(obj: object) -> str:
    # New objects get their identity key only after the flush finalises; read the columns.
    state = inspect(obj)
    identity = state.identity or tuple(
        state.dict.get(state.mapper.get_property_by_column(col).key)
        for col in state.mapper.primary_key
    )
    return ",".join(str(part) for part in identity) if identity else "?"


def _shown(key: str, value: Any) -> Any:
    if key in SECRET_FIELDS:
        return SECRET_MARK if value else ""
    return _json_value(mask_value(key, value))


def _snapshot(obj: object) -> dict[str, Any]:
    """Every loaded column value (inserted or deleted record)."""
    state = inspect(obj)
    out: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        if attr.key in state.dict:  # loaded values only: never trigger a load mid-flush
            out[attr.key] = state.dict[attr.key]
    return out


def _insert_changes(obj: object) -> dict[str, Any]:
    return {k: [None, _shown(k, v)] for k, v in _snapshot(obj).items() if v is not None and v != ""}


def _delete_changes(obj: object) -> dict[str, Any]:
    return {k: [_shown(k, v), None] for k, v in _snapshot(obj).items() if v is not None}


def _update_changes(obj: object) -> dict[str, Any]:
    state = inspect(obj)
    out: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        if attr.key in _SKIP_ON_UPDATE:
            continue
        hist = state.attrs[attr.key].history
        if not hist.has_changes():
            continue
        old = hist.deleted[0] if hist.deleted else None
        new = hist.added[0] if hist.added else None
        if old == new:
            continue
        out[attr.key] = [_shown(attr.key, old), _shown(attr.key, new)]
    return out


def _before_flush(session: Session, _ctx: Any, _instances: Any) -> None:
    for obj in (*session.dirty, *session.deleted):
        if isinstance(obj, AuditEntry) and (obj in session.deleted or session.is_modified(obj)):
            raise NotAllowed("操作日志不能修改或删除。")


def _after_flush(session: Session, _ctx: Any) -> None:
    rows: list[dict[str, Any]] = []
    for obj in session.new:
        if _audited(obj):
            table = inspect(obj).mapper.local_table.name
            rows.append(_row(session, INSERT, table, _record_id(obj), _insert_changes(obj)))
    for obj in session.dirty:
        if _audited(obj) and obj not in session.deleted:
            changes = _update_changes(obj)
            if changes:
                table = inspect(obj).mapper.local_table.name
                rows.append(_row(session, UPDATE, table, _record_id(obj), changes))
    for obj in session.deleted:
        if _audited(obj):
            table = inspect(obj).mapper.local_table.name
            rows.append(_row(session, DELETE, table, _record_id(obj), _delete_changes(obj)))
    # The session's sets iterate in memory order: sort, so the same flush always writes the
    # same audit rows in the same order (a demo build is reproducible row for row).
    order = {INSERT: 0, UPDATE: 1, DELETE: 2}
    rows.sort(key=lambda r: (order.get(r["action"], 3), r["table_name"], _id_key(r["record_id"])))
    _write(session, rows)


def _id_key(record_id: str) -> tuple[tuple[int, int | str], ...]:
    """``"12,3"`` sorts as (12, 3): numbers by value, anything else as text after them."""
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in record_id.split(","))


def _statement_table(state: ORMExecuteState) -> str:
    table = getattr(state.statement, "table", None)
    name = getattr(table, "name", None)
    return str(name) if name else "?"


def _listed_ids(ids: list[Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"ids": [_json_value(i) for i in ids[:BULK_ID_LIMIT]]}
    if len(ids) > BULK_ID_LIMIT:
        out["more_ids"] = len(ids) - BULK_ID_LIMIT
    return out


def _ids_in_params(state: ORMExecuteState, params: Any) -> list[Any] | None:
    table = getattr(state.statement, "table", None)
    pk = [c.key for c in getattr(table, "primary_key", ())]
    rows = params if isinstance(params, list) else [params] if isinstance(params, dict) else []
    if len(pk) != 1 or not rows or not all(pk[0] in r for r in rows):
        return None
    return [r[pk[0]] for r in rows]


def _ids_matching(state: ORMExecuteState) -> list[Any] | None:
    """The primary keys an UPDATE/DELETE with a WHERE clause is about to touch."""
    table = getattr(state.statement, "table", None)
    pk = list(getattr(table, "primary_key", ()))
    if len(pk) != 1:
        return None
    stmt = select(pk[0])
    where = getattr(state.statement, "whereclause", None)
    if where is not None:
        stmt = stmt.where(where)
    return list(state.session.connection().execute(stmt).scalars())


def _do_orm_execute(state: ORMExecuteState) -> Any:
    if not (state.is_insert or state.is_update or state.is_delete):
        return None
    table = _statement_table(state)
    if table == _AUDIT_TABLE.name:
        if state.is_insert:
            return None
        raise NotAllowed("操作日志不能修改或删除。")
    if table in TRIGGER_TABLE_SET:
        return None  # the database's triggers record every row, with its id and values
    session = state.session
    note = state.execution_options.get("audit_note", "")
    params = state.parameters
    changes: dict[str, Any] = {}
    if note:
        changes["note"] = str(note)
    if state.is_insert:
        count = len(params) if isinstance(params, list) else 1
        changes["count"] = count
        ids = _ids_in_params(state, params)
        if ids is not None:
            changes.update(_listed_ids(ids))
        _write(session, [_row(session, BULK_INSERT, table, "*", changes)])
        return None
    ids = _ids_in_params(state, params) if isinstance(params, list) and params else None
    if ids is None:
        ids = _ids_matching(state)
    result = state.invoke_statement()
    if isinstance(params, list) and params:
        count = len(params)
        columns = sorted(params[0])
    else:
        count = int(getattr(result, "rowcount", -1))
        values = getattr(state.statement, "_values", None) or {}
        columns = sorted(str(getattr(k, "key", k)) for k in values)
    changes["count"] = count
    if ids is not None:
        changes.update(_listed_ids(ids))
    if state.is_update:
        changes["columns"] = columns
    action = BULK_UPDATE if state.is_update else BULK_DELETE
    _write(session, [_row(session, action, table, "*", changes)])
    return result


def record_bulk(
    session: Session, table: str, count: int, note: str, action: str = BULK_INSERT
) -> None:
    """One summary audit row for work done outside the ORM (raw connection)."""
    _write(session, [_row(session, action, table, "*", {"count": count, "note": note})])


def record_reveal(session: Session, table: str, record_id: int | str, fields: list[str]) -> None:
    """Audit that the current user looked at a full ID number or phone."""
    _write(session, [_row(session, REVEAL, table, str(record_id), {"fields": fields})])


def _independent_row(
    connection: Connection,
    actor: Any,
    at: Any,
    action: str,
    table: str,
    record_id: str,
    changes: dict[str, Any],
) -> None:
    row = {
        "at": at,
        "user_id": actor.user_id,
        "username": actor.username[:50],
        "action": action,
        "table_name": table[:60],
        "record_id": record_id[:60],
        "changes": json.dumps(changes, ensure_ascii=False, sort_keys=True),
    }
    columns = set(_AUDIT_TABLE.c.keys())
    for extra, limit in (("os_user", 64), ("host", 120)):
        if extra in columns:
            row[extra] = str(getattr(actor, extra, ""))[:limit]
    connection.execute(insert(_AUDIT_TABLE), [row])


def record_refused(
    factory: sessionmaker[Session], actor: Any, message: str, *, clock_: Any = None
) -> None:
    """Log a refused attempt (permission denied…) in its own transaction: the attempt's
    transaction is rolled back, this row stays."""
    at = (clock_ or clock.process_clock()).now()
    with factory.begin() as session:
        session.info["actor"] = actor
        clock.bind(session, clock_ or clock.process_clock())
        _independent_row(session.connection(), actor, at, REFUSED, "-", "-", {"message": message})


def record_export(
    factory: sessionmaker[Session],
    actor: Any,
    *,
    what: str,
    path: str = "",
    rows: int | None = None,
    personal: bool = False,
    clock_: Any = None,
) -> None:
    """Log an export (what, where, how many rows, whether it holds personal data) in its own
    transaction (an export changes nothing, so no other transaction would carry it)."""
    changes: dict[str, Any] = {"what": what}
    if path:
        changes["path"] = path
    if rows is not None:
        changes["rows"] = rows
    if personal:
        changes["personal"] = True
    at = (clock_ or clock.process_clock()).now()
    with factory.begin() as session:
        session.info["actor"] = actor
        clock.bind(session, clock_ or clock.process_clock())
        _independent_row(session.connection(), actor, at, EXPORT, "-", "-", changes)


def record_in(
    session: Session, action: str, table: str, record_id: str, changes: dict[str, Any]
) -> None:
    """One audit row of ``action`` in the caller's transaction (e.g. a restore)."""
    _write(session, [_row(session, action, table, record_id, changes)])


def _after_begin(
    session: Session, _transaction: SessionTransaction, connection: Connection
) -> None:
    # PostgreSQL pays one round trip: only for transactions that may write
    if session.info.get("write", True) or connection.dialect.name == "sqlite":
        bind_actor(session, connection)


def _after_transaction_end(session: Session, transaction: SessionTransaction) -> None:
    """A transaction ended by a refusal (``Database.begin`` marks it): log the attempt in a
    transaction of its own, after the refused one rolled back."""
    if transaction.parent is not None:
        return
    message = session.info.pop(REFUSED_KEY, None)
    if message is None or session.bind is None:
        return
    actor = _actor(session)
    at = clock.of(session).now()
    try:
        with Session(bind=session.bind) as own, own.begin():
            own.info["actor"] = actor
            _independent_row(own.connection(), actor, at, REFUSED, "-", "-", {"message": message})
    except Exception:  # never hide the refusal itself behind a logging failure
        logging.getLogger("propdesk").warning("could not audit a refused attempt", exc_info=True)


def install(factory: sessionmaker[Session]) -> None:
    """Attach the audit listeners to every session of ``factory`` (idempotent).

    The mark is kept on the factory itself: ``event.contains`` looks targets up by ``id()``,
    and a new factory can reuse the address of one already collected, which made it answer
    "installed" for a factory that had no listeners — and that database kept no audit trail.
    """
    if getattr(factory, "_propdesk_audit_installed", False):
        return
    factory._propdesk_audit_installed = True  # type: ignore[attr-defined]
    event.listen(factory, "before_flush", _before_flush)
    event.listen(factory, "after_flush", _after_flush)
    event.listen(factory, "do_orm_execute", _do_orm_execute)
    event.listen(factory, "after_begin", _after_begin)
    event.listen(factory, "after_transaction_end", _after_transaction_end)
