"""The audit log's hash chain: every row seals the one before it.

``row_hash = sha256(prev_hash + "\\n" + content)`` where ``prev_hash`` is the previous row's
``row_hash`` (``""`` for the first row ever written) and ``content`` is the row's canonical
text (:func:`propdesk.audit.triggers.canonical_sql`: ``name=value`` of every non-empty column,
sorted). The database's seal trigger computes both when a row is inserted; :func:`verify`
recomputes them from the stored columns. Changing any value of a row breaks that row's hash;
deleting or inserting a row in the middle breaks the next row's link; deleting the first rows
leaves a first row whose ``prev_hash`` is not empty.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from propdesk.audit.triggers import (
    AUDIT_TABLE,
    canonical_sql,
    chain_ready,
    missing_triggers,
    sha256_hex,
)
from propdesk.auth.permissions import Permission, require
from propdesk.session_info import actor_or_none

_BATCH = 5000


@dataclass(frozen=True)
class ChainBreak:
    """The first place the chain does not hold.

    Attributes:
        row_id: the audit row where it breaks.
        reason: ``content`` (the row was changed), ``link`` (a row before it was removed,
            inserted or changed its hash), ``start`` (the rows before the first were removed).
        message: one Chinese sentence for the manager.
    """

    row_id: int
    reason: str
    message: str


@dataclass(frozen=True)
class ChainReport:
    """What :func:`verify` found.

    Attributes:
        rows: audit rows checked.
        last_id: the id of the last row checked (0: none).
        first_break: the first broken link, or None.
        missing_triggers: ``table:trigger`` names that should exist and do not.
    """

    rows: int
    last_id: int
    first_break: ChainBreak | None
    missing_triggers: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return self.first_break is None and not self.missing_triggers


def link_hash(prev_hash: str, content: str) -> str:
    return sha256_hex(f"{prev_hash}\n{content}")


def _rows(conn: Connection, after: int) -> list[tuple[int, str, str, str]]:
    content = canonical_sql(conn, "a")
    sql = (
        f"SELECT a.id, a.prev_hash, a.row_hash, {content} AS content FROM {AUDIT_TABLE} a "
        f"WHERE a.id > {int(after)} ORDER BY a.id LIMIT {_BATCH}"
    )
    return [
        (int(r[0]), str(r[1] or ""), str(r[2] or ""), str(r[3] or ""))
        for r in conn.exec_driver_sql(sql)
    ]


def verify(conn: Connection) -> ChainReport:
    """Walk the whole audit log in id order and report the first broken link."""
    if not chain_ready(conn):
        return ChainReport(
            0, 0, ChainBreak(0, "start", "数据库没有操作日志的校验链（未升级）。"), ()
        )
    missing = tuple(missing_triggers(conn))
    expected_prev = ""
    count, last = 0, 0
    first = True
    while True:
        batch = _rows(conn, last)
        if not batch:
            break
        for row_id, prev, row_hash, content in batch:
            if prev != expected_prev:
                if first:
                    message = f"第一条操作日志（编号 {row_id}）之前的记录被删除了：链条起点不对。"
                    broken = ChainBreak(row_id, "start", message)
                else:
                    message = (
                        f"操作日志编号 {row_id} 与上一条（编号 {last}）接不上："
                        "中间有记录被删除、插入或改动。"
                    )
                    broken = ChainBreak(row_id, "link", message)
                return ChainReport(count, last, broken, missing)
            if link_hash(prev, content) != row_hash:
                message = f"操作日志编号 {row_id} 的内容在写入后被改动过（校验值不符）。"
                return ChainReport(count, last, ChainBreak(row_id, "content", message), missing)
            expected_prev = row_hash
            first = False
            count += 1
            last = row_id
    return ChainReport(count, last, None, missing)


def seal_existing(conn: Connection) -> int:
    """Seal rows written before the chain existed (the migration), in id order; returns how
    many. Runs while the audit triggers are dropped (during migrations)."""
    prev = ""
    done = 0
    last = 0
    while True:
        batch = _rows(conn, last)
        if not batch:
            break
        updates = []
        for row_id, _old_prev, _old_hash, content in batch:
            row_hash = link_hash(prev, content)
            updates.append({"i": row_id, "p": prev, "h": row_hash})
            prev = row_hash
            last = row_id
        conn.execute(
            text(f"UPDATE {AUDIT_TABLE} SET prev_hash = :p, row_hash = :h WHERE id = :i"),
            updates,
        )
        done += len(updates)
    return done


def verify_trail(session: Session) -> ChainReport:
    """:func:`verify` for the logged-in user of ``session`` (needs ``VIEW_AUDIT``)."""
    require(actor_or_none(session), Permission.VIEW_AUDIT)
    return verify(session.connection())
