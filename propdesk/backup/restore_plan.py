"""Before a restore: is the backup's schema one this program knows, and what will it undo?

Both questions are answered from the files alone (read-only SQLite connections), before the
live file is touched and before anyone is asked to confirm:

* :func:`check_schema` refuses a backup whose ``alembic_version`` names a revision this
  program does not ship (a newer PropDesk, or not PropDesk at all): restoring it would leave
  a database the app cannot open;
* :func:`restore_impact` compares the backup with the live database and lists what the
  restore takes back: payments taken after the backup, receipts voided after it (they come
  back as valid), users added, and users whose status or role changed.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from propdesk.backup.integrity import DatabaseFileError
from propdesk.errors import DomainError

_SHOWN = 20


class BackupTooNew(DomainError):
    """The backup comes from a newer (or unknown) PropDesk schema: nothing was changed."""


@cache
def known_revisions() -> frozenset[str]:
    """Every migration revision this program ships."""
    from alembic.script import ScriptDirectory

    from propdesk.db.migrate import alembic_config

    script = ScriptDirectory.from_config(alembic_config())
    return frozenset(r.revision for r in script.walk_revisions())


def _ro(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def backup_revisions(path: Path) -> frozenset[str]:
    with closing(_ro(path)) as conn:
        try:
            rows = conn.execute("SELECT version_num FROM alembic_version").fetchall()
        except sqlite3.DatabaseError as exc:
            raise DatabaseFileError(
                f"{path.name} 无法读取数据库版本（{exc}），没有恢复。"
            ) from None
    return frozenset(str(r[0]) for r in rows)


def check_schema(path: Path) -> None:
    """Raise :class:`BackupTooNew` when ``path``'s schema is newer than or unknown to the app."""
    revisions = backup_revisions(path)
    unknown = sorted(revisions - known_revisions())
    if not revisions:
        raise BackupTooNew(f"{path.name} 没有记录数据库版本，不能确定它属于哪个版本，没有恢复。")
    if unknown:
        raise BackupTooNew(
            f"{path.name} 来自更新版本（或其他来源）的 PropDesk：数据库版本 "
            f"{'、'.join(unknown)} 本程序不认识。没有恢复，当前数据库没有任何改动；"
            "请先把 PropDesk 升级到与该备份相同或更新的版本。"
        )


@dataclass(frozen=True)
class LostPayment:
    """A payment the restore takes back (or un-voids)."""

    receipt_no: str
    amount_fen: int
    paid_on: str
    payer: str


@dataclass(frozen=True)
class RestoreImpact:
    """What restoring a backup over the live database undoes.

    Attributes:
        new_payments: payments in the live database and not in the backup (they disappear).
        voids_undone: receipts voided after the backup (valid again after the restore).
        user_changes: one Chinese line per user added, removed, re-enabled, disabled or
            given another role after the backup.
        compared: False when the live database could not be read (damaged): nothing listed.
    """

    new_payments: tuple[LostPayment, ...] = ()
    voids_undone: tuple[LostPayment, ...] = ()
    user_changes: tuple[str, ...] = ()
    compared: bool = True
    notes: tuple[str, ...] = field(default=())

    @property
    def undoes_anything(self) -> bool:
        return bool(self.new_payments or self.voids_undone or self.user_changes)

    def lines(self) -> list[str]:
        """The plain Chinese explanation shown before the confirmation."""
        if not self.compared:
            return ["当前数据库已损坏，无法与备份比较；恢复后备份之后的所有变动都会丢失。"]
        if not self.undoes_anything:
            return ["备份之后没有新的收款、作废或用户变动，恢复不会撤销这些内容。"]
        out: list[str] = []
        if self.new_payments:
            total = sum(p.amount_fen for p in self.new_payments)
            out.append(
                f"将撤销备份之后的 {len(self.new_payments)} 笔收款，共 {_yuan(total)}"
                "（收据号不会重复使用）："
            )
            out += [_payment_line(p) for p in self.new_payments[:_SHOWN]]
            if len(self.new_payments) > _SHOWN:
                out.append(f"  ……另有 {len(self.new_payments) - _SHOWN} 笔")
        if self.voids_undone:
            out.append(f"备份之后作废的 {len(self.voids_undone)} 张收据将恢复为有效：")
            out += [_payment_line(p) for p in self.voids_undone[:_SHOWN]]
            if len(self.voids_undone) > _SHOWN:
                out.append(f"  ……另有 {len(self.voids_undone) - _SHOWN} 张")
        if self.user_changes:
            out.append("用户的变动将被撤销：")
            out += [f"  {line}" for line in self.user_changes]
        out += list(self.notes)
        return out

    def summary(self) -> dict[str, int]:
        """Counts for the audit row."""
        return {
            "payments_undone": len(self.new_payments),
            "payments_undone_fen": sum(p.amount_fen for p in self.new_payments),
            "voids_undone": len(self.voids_undone),
            "user_changes_undone": len(self.user_changes),
        }


def _yuan(fen: int) -> str:
    return f"{fen // 100:,}.{fen % 100:02d} 元"


def _payment_line(p: LostPayment) -> str:
    payer = f"，交款人 {p.payer}" if p.payer else ""
    return f"  收据 {p.receipt_no}：{_yuan(p.amount_fen)}，{p.paid_on}{payer}"


_ROLE_ZH = {
    "clerk": "前台",
    "supervisor": "主管",
    "manager": "经理",
    "finance": "财务",
    "admin": "系统管理员",
}


def _payments(conn: sqlite3.Connection, sql: str) -> tuple[LostPayment, ...]:
    rows = conn.execute(sql).fetchall()
    return tuple(
        LostPayment(str(r[0]), int(r[1] or 0), str(r[2] or ""), str(r[3] or "")) for r in rows
    )


def _user_changes(conn: sqlite3.Connection) -> tuple[str, ...]:
    out: list[str] = []
    added = conn.execute(
        "SELECT username, role FROM main.app_user WHERE lower(username) NOT IN "
        "(SELECT lower(username) FROM bk.app_user) ORDER BY username"
    ).fetchall()
    out += [f"用户 {u}（{_ROLE_ZH.get(r, r)}）是备份之后添加的，将不复存在。" for u, r in added]
    both = conn.execute(
        "SELECT l.username, l.active, b.active, l.role, b.role FROM main.app_user l "
        "JOIN bk.app_user b ON lower(b.username) = lower(l.username) "
        "WHERE l.active <> b.active OR l.role <> b.role ORDER BY l.username"
    ).fetchall()
    for username, live_active, old_active, live_role, old_role in both:
        if bool(live_active) != bool(old_active):
            if old_active:
                out.append(f"用户 {username} 在备份之后被停用，恢复后将重新启用。")
            else:
                out.append(f"用户 {username} 在备份之后被启用，恢复后将回到停用。")
        if live_role != old_role:
            out.append(
                f"用户 {username} 的角色将从 {_ROLE_ZH.get(live_role, live_role)} "
                f"回到 {_ROLE_ZH.get(old_role, old_role)}。"
            )
    return tuple(out)


def restore_impact(live: Path, backup: Path) -> RestoreImpact:
    """Compare ``backup`` with the ``live`` database (both read only)."""
    try:
        conn = _ro(live)
    except sqlite3.DatabaseError:
        return RestoreImpact(compared=False)
    with closing(conn):
        try:
            conn.execute("ATTACH DATABASE ? AS bk", (f"{backup.resolve().as_uri()}?mode=ro",))
        except sqlite3.DatabaseError:
            return RestoreImpact(compared=False)
        parts: dict[str, object] = {}
        notes: list[str] = []
        queries: dict[str, Callable[[], object]] = {
            "new_payments": lambda: _payments(
                conn,
                "SELECT receipt_no, amount_fen, paid_on, payer FROM main.payment "
                "WHERE receipt_no NOT IN (SELECT receipt_no FROM bk.payment) ORDER BY receipt_no",
            ),
            "voids_undone": lambda: _payments(
                conn,
                "SELECT l.receipt_no, l.amount_fen, l.paid_on, l.payer FROM main.payment l "
                "JOIN bk.payment b ON b.receipt_no = l.receipt_no "
                "WHERE l.voided AND NOT b.voided ORDER BY l.receipt_no",
            ),
            "user_changes": lambda: _user_changes(conn),
        }
        for name, query in queries.items():
            try:
                parts[name] = query()
            except sqlite3.DatabaseError:  # a very old backup without the table or column
                notes.append("（部分内容无法比较：备份来自较早的版本。）")
        return RestoreImpact(
            new_payments=parts.get("new_payments", ()),  # type: ignore[arg-type]
            voids_undone=parts.get("voids_undone", ()),  # type: ignore[arg-type]
            user_changes=parts.get("user_changes", ()),  # type: ignore[arg-type]
            notes=tuple(dict.fromkeys(notes)),
        )


def receipt_counters(path: Path) -> dict[str, int]:
    """The receipt counters stored in a database file ({} when unreadable)."""
    out: dict[str, int] = {}
    try:
        with closing(_ro(path)) as conn:
            rows = conn.execute("SELECT series, last_value FROM receipt_counter").fetchall()
            # a fee receipt number is the year and its sequence: 2026000123
            rows += conn.execute(
                "SELECT 'R' || substr(receipt_no, 1, 4), "
                "max(CAST(substr(receipt_no, 5) AS INTEGER)) FROM payment "
                "WHERE length(receipt_no) = 10 GROUP BY substr(receipt_no, 1, 4)"
            ).fetchall()
    except sqlite3.DatabaseError:
        return out
    for series, value in rows:
        out[str(series)] = max(out.get(str(series), 0), int(value or 0))
    return out
