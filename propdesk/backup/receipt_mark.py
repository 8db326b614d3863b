"""The receipt numbers' high-water mark, kept OUTSIDE the database too.

Restoring an older backup must never let the next payment reissue a receipt number that was
already handed to a resident. The database's counter rewinds with the restore, so every
issued number is also appended to ``receipt-numbers.log`` in the data folder (one JSON line
per receipt, written after its payment committed; the file is only ever appended to and is
private, 0600). Issuing takes ``max(database counter, file mark) + 1``, so even a backup copied
over the live file by hand continues above the highest number ever issued; a restore done by
PropDesk also records itself there and raises the restored database's counters at once.

Lines are keyed by the database file's full path, so several databases keep apart (a data
folder moved elsewhere starts a new key; the restored database's own counters still hold).
SQLite only: a PostgreSQL server is restored by its administrator (``pg_restore``). A series' numbers only grow, so its last
line is its mark: :func:`high_water` reads the file backwards and stops at it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy.engine import URL, make_url

from propdesk.config import data_dir
from propdesk.files import FILE_MODE, private_file

MARK_FILE = "receipt-numbers.log"
_CHUNK = 64 * 1024


def mark_path() -> Path:
    return data_dir() / MARK_FILE


def database_key(url: str | URL) -> str | None:
    """Which database a line belongs to: the SQLite file's full path; None for a server
    database (PostgreSQL is restored by its administrator with ``pg_restore``, and one desk's
    file would see only its own receipts)."""
    parsed = make_url(url) if isinstance(url, str) else url
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return str(Path(parsed.database).resolve())


def append(entry: dict[str, Any], path: Path | None = None) -> None:
    """Append one line (``O_APPEND``: never rewrites what is there; created 0600)."""
    target = path or mark_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    line = (json.dumps(entry, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")
    fd = os.open(
        target, os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_BINARY", 0), FILE_MODE
    )
    try:
        os.write(fd, line)
    finally:
        os.close(fd)
    private_file(target)


def record_issued(key: str, series: str, value: int, *, at: str = "") -> None:
    append({"db": key, "series": series, "last": value, "event": "issued", "at": at})


def _lines_backwards(path: Path) -> Iterator[bytes]:
    with path.open("rb") as fh:
        fh.seek(0, os.SEEK_END)
        pos = fh.tell()
        tail = b""
        while pos > 0:
            step = min(_CHUNK, pos)
            pos -= step
            fh.seek(pos)
            block = fh.read(step) + tail
            lines = block.split(b"\n")
            tail = lines[0]
            yield from reversed(lines[1:])
        if tail:
            yield tail


def _parse(line: bytes) -> dict[str, Any] | None:
    try:
        entry = json.loads(line)
    except ValueError:
        return None  # a torn last line (power cut mid-write): ignored
    return entry if isinstance(entry, dict) else None


def high_water(key: str, series: str | None = None, path: Path | None = None) -> dict[str, int]:
    """The highest number recorded per series for database ``key`` (one series when given)."""
    target = path or mark_path()
    if not target.is_file():
        return {}
    out: dict[str, int] = {}
    for raw in _lines_backwards(target):
        entry = _parse(raw)
        if entry is None or entry.get("db") != key:
            continue
        marks: dict[str, Any] = entry.get("marks") or {entry.get("series"): entry.get("last")}
        for name, value in marks.items():
            if isinstance(name, str) and isinstance(value, int) and (series in (None, name)):
                out[name] = max(out.get(name, 0), value)
        if series is not None and series in out:
            return out  # a series only grows: its last line is its mark
    return out
