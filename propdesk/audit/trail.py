"""The one audit mechanism: session events write audit rows in the same transaction.

* Unit-of-work changes (``session.add``, attribute edits, ``session.delete``) are caught by
  an ``after_flush`` listener: one ``audit_log`` row per inserted, updated or deleted
  record with ``{field: [old, new]}``. Services write nothing by hand.
* Bulk statements through ``session.execute(insert/update/delete(...))`` bypass the unit of
  work; a ``do_orm_execute`` listener writes ONE summary row per statement
  (``bulk_insert`` / ``bulk_update`` / ``bulk_delete`` with the row count and the columns
  set). An ``audit_note`` execution option adds a human note, e.g.
  ``session.execute(insert(Person).execution_options(audit_note="导入业主台账"), rows)``.
* Work done on the raw connection (``session.connection().execute(...)``) is invisible to
  the ORM; such code calls :func:`record_bulk` itself.

Rows go through the session's own connection inside the flush, so a transaction that
fails leaves neither the change nor its audit row. The audit log itself can never be
updated or deleted through a session (:class:`propdesk.errors.NotAllowed`).
Who: ``session.info["actor"]`` (the system actor when absent).
"""

from __future__ import annotations

import enum
import json
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from sqlalchemy import Table, event, insert, inspect
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker

from propdesk import clock
from propdesk.audit.models import AuditEntry
from propdesk.errors import NotAllowed
from propdesk.session_info import actor_or_system as _actor

INSERT = "insert"
UPDATE = "update"
DELETE = "delete"
REVEAL = "reveal"
BULK_INSERT = "bulk_insert"
BULK_UPDATE = "bulk_update"
BULK_DELETE = "bulk_delete"

ACTION_LABELS_ZH = {
    INSERT: "新增",
    UPDATE: "修改",
    DELETE: "删除",
    REVEAL: "查看完整信息",
    BULK_INSERT: "批量新增",
    BULK_UPDATE: "批量修改",
    BULK_DELETE: "批量删除",
}

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
    return not isinstance(obj, AuditEntry) and getattr(obj, "__audit__", True)


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
    return _json_value(value)


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


def _do_orm_execute(state: ORMExecuteState) -> Any:
    if not (state.is_insert or state.is_update or state.is_delete):
        return None
    table = _statement_table(state)
    if table == _AUDIT_TABLE.name:
        if state.is_insert:
            return None
        raise NotAllowed("操作日志不能修改或删除。")
    session = state.session
    note = state.execution_options.get("audit_note", "")
    params = state.parameters
    changes: dict[str, Any] = {}
    if note:
        changes["note"] = str(note)
    if state.is_insert:
        count = len(params) if isinstance(params, list) else 1
        changes["count"] = count
        _write(session, [_row(session, BULK_INSERT, table, "*", changes)])
        return None
    result = state.invoke_statement()
    if isinstance(params, list) and params:
        count = len(params)
        columns = sorted(params[0])
    else:
        count = int(getattr(result, "rowcount", -1))
        values = getattr(state.statement, "_values", None) or {}
        columns = sorted(str(getattr(k, "key", k)) for k in values)
    changes["count"] = count
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
