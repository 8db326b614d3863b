"""Is this file a healthy PropDesk database? Checked before opening and before restoring.

A corrupt file, a file that is not SQLite at all, or another program's SQLite database
opened by mistake gets a clear :class:`DatabaseFileError`, never a crash and never a
migration written into someone else's file.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from propdesk.errors import DomainError

SQLITE_HEADER = b"SQLite format 3\x00"
# Tables every PropDesk database has since the first migration.
REQUIRED_TABLES = frozenset({"alembic_version", "estate", "app_user", "audit_log"})


class DatabaseFileError(DomainError):
    """The file is missing, damaged, not SQLite, or not a PropDesk database."""


def _read_only_uri(path: Path) -> str:
    return f"{path.resolve().as_uri()}?mode=ro"


def _header_ok(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(len(SQLITE_HEADER)) == SQLITE_HEADER


def table_names(conn: sqlite3.Connection) -> set[str]:
    return {
        r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    }


# Above this size the start-up check reads only the header and the schema; the page scan
# (``quick_check``) then happens off the UI thread in the start backup, which checks its copy.
QUICK_SCAN_LIMIT = 64 * 1024 * 1024


def check_file(
    path: Path, *, full: bool = False, allow_new: bool = False, scan: bool = True
) -> None:
    """Raise :class:`DatabaseFileError` unless ``path`` is a sound PropDesk database.

    ``full`` runs ``PRAGMA integrity_check`` (before a restore) instead of the faster
    ``quick_check``; ``scan=False`` skips the page scan (header and schema only).
    ``allow_new`` accepts a missing or empty file or an SQLite file without any table
    (a database about to be created).
    """
    name = path.name
    if not path.exists():
        if allow_new:
            return
        raise DatabaseFileError(f"找不到数据库文件 {path}。")
    if path.is_dir():
        raise DatabaseFileError(f"{path} 是一个文件夹，不是数据库文件。")
    if path.stat().st_size == 0:
        if allow_new:
            return
        raise DatabaseFileError(f"{name} 是空文件，不是 PropDesk 数据库。")
    if not _header_ok(path):
        raise DatabaseFileError(
            f"{name} 不是 SQLite 数据库文件（可能选错了文件），程序没有打开或修改它。"
        )
    try:
        with closing(sqlite3.connect(_read_only_uri(path), uri=True)) as conn:
            tables = table_names(conn)
            result = ["ok"]
            if full or scan:
                pragma = "integrity_check" if full else "quick_check"
                result = [r[0] for r in conn.execute(f"PRAGMA {pragma}").fetchall()]
    except sqlite3.DatabaseError as exc:
        raise DatabaseFileError(
            f"{name} 已损坏，无法读取（{exc}）。请从备份恢复，程序没有修改它。"
        ) from None
    if result != ["ok"]:
        detail = "；".join(result[:3])
        raise DatabaseFileError(f"{name} 检查发现损坏：{detail}。请从备份恢复，程序没有修改它。")
    if not tables and allow_new:
        return
    missing = REQUIRED_TABLES - tables
    if missing:
        raise DatabaseFileError(
            f"{name} 是 SQLite 数据库，但不是 PropDesk 的数据库（缺少 "
            f"{'、'.join(sorted(missing))}），程序没有打开或修改它。"
        )
