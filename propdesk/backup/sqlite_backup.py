"""Online backups of the SQLite database, rotation, and restore.

Copies use SQLite's backup API (``sqlite3.Connection.backup``), which takes a consistent
snapshot while other connections keep working. A backup is written to ``*.part``, checked
with ``PRAGMA quick_check``, switched to a single-file journal mode and only then renamed
into place, so a half-written backup never looks like a real one.

Restore checks the chosen file fully (``PRAGMA integrity_check`` and the PropDesk tables)
before touching anything, keeps the current database aside
(``<name>.before-restore-<timestamp>``) and then copies the backup into the live file
with the backup API (one write transaction: all or nothing).

On PostgreSQL backups belong to the server (``pg_dump``); every function here says so
with :class:`NotAllowed` instead of pretending.

Backups are numbered: ``<stem>-n<sequence>-<local time>-<kind>.sqlite3``. Rotation and
"the newest" go by that sequence, never by the time in the name or the file's mtime, so a
clock set back can never make the backup just written look old and delete it. The time
comes from the database's clock (:mod:`propdesk.clock`), shown in the estate's zone.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from contextlib import closing
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from propdesk import clock
from propdesk.auth.actor import Actor
from propdesk.auth.permissions import Permission, require
from propdesk.backup import receipt_mark
from propdesk.backup.integrity import DatabaseFileError, check_file
from propdesk.backup.restore_plan import (
    RestoreImpact,
    check_schema,
    receipt_counters,
    restore_impact,
)
from propdesk.backup.schedule import backup_due
from propdesk.config import data_dir
from propdesk.db.engine import Database
from propdesk.errors import NotAllowed, ValidationError
from propdesk.files import private_dir, private_file, write_private

KINDS = ("start", "daily", "manual")
KIND_LABELS_ZH = {"start": "启动时", "daily": "每日", "manual": "手动"}
POSTGRES_MESSAGE = (
    "当前数据库在 PostgreSQL 服务器上，备份和恢复由服务器负责（例如每天用 pg_dump 导出，"
    "用 pg_restore 恢复），请联系系统管理员。本程序不对 PostgreSQL 做备份。"
)
_NAME = re.compile(
    r"^(?P<stem>.+)-n(?P<seq>\d{6,})-(?P<ts>\d{8}-\d{6}-\d{6})-(?P<kind>start|daily|manual)"
    r"\.sqlite3$"
)
# Backups written before numbering: sequence 0, older than every numbered one.
_OLD_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<ts>\d{8}-\d{6}-\d{6})-(?P<kind>start|daily|manual)\.sqlite3$"
)
_TS = "%Y%m%d-%H%M%S-%f"


@dataclass(frozen=True)
class BackupInfo:
    """One backup file.

    Attributes:
        path: the file.
        created_at: when it was made, by the database's clock (aware, the estate's zone).
        size: bytes.
        kind: ``start``, ``daily`` or ``manual``.
        seq: its number in the folder; a higher number is a newer backup (0: an old,
            unnumbered file; a file written outside rotation).
    """

    path: Path
    created_at: datetime
    size: int
    kind: str
    seq: int = 0

    @property
    def kind_label(self) -> str:
        return KIND_LABELS_ZH.get(self.kind, self.kind)


@dataclass(frozen=True)
class RestoreResult:
    """A finished restore.

    Attributes:
        restored_from: the backup; kept_aside: the previous database's copy;
        impact: what the restore undid (as shown before the confirmation);
        receipt_floor: per series, the number the restored database continues above.
    """

    restored_from: Path
    kept_aside: Path
    impact: RestoreImpact = field(default_factory=RestoreImpact)
    receipt_floor: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class RestorePlan:
    """A backup checked for restoring (integrity, schema) and what restoring it undoes."""

    source: Path
    live: Path
    impact: RestoreImpact

    def question(self) -> str:
        """The confirmation text: what is replaced, and plainly what is undone."""
        return "\n".join(
            [
                f"将用备份 {self.source.name} 替换当前数据库 {self.live.name}"
                "（当前数据库会先另存一份）。",
                "",
                *self.impact.lines(),
                "",
                "继续恢复吗？",
            ]
        )


def backup_folder() -> Path:
    """``backups/`` in the data folder (created on demand)."""
    return private_dir(data_dir() / "backups")


def database_path(db: Database) -> Path:
    """The SQLite file behind ``db``; PostgreSQL gets the pg_dump explanation."""
    if not db.is_sqlite:
        raise NotAllowed(POSTGRES_MESSAGE)
    name = db.engine.url.database
    if not name or name == ":memory:":
        raise NotAllowed("内存数据库没有文件，无法备份。")
    return Path(name).resolve()


def online_copy(source: Path, dest: Path) -> None:
    """Consistent copy of ``source`` into a new single-file database ``dest`` (checked)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    part = dest.with_name(dest.name + ".part")
    part.unlink(missing_ok=True)
    try:
        write_private(part, b"")  # 0600 before a byte of data is in it (POSIX)
        with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(part)) as dst:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
        check_file(part)
        private_file(part)
        os.replace(part, dest)
    except sqlite3.DatabaseError as exc:
        raise DatabaseFileError(
            f"无法备份 {source.name}：数据库文件已损坏（{exc}）。请从最近的备份恢复。"
        ) from None
    except DatabaseFileError as exc:
        raise DatabaseFileError(f"备份 {source.name} 时发现数据库损坏：{exc}") from None
    finally:
        part.unlink(missing_ok=True)


def sweep_parts(folder: Path) -> list[Path]:
    """Delete the ``*.part`` files an interrupted backup (power cut, killed process) left in
    ``folder``; returns them. Called before every backup into the folder."""
    removed: list[Path] = []
    for part in folder.glob("*.part"):
        try:
            part.unlink()
        except FileNotFoundError:
            continue
        removed.append(part)
    return removed


def _now_local(db: Database, now: datetime | None) -> datetime:
    """``now`` or the database's clock, in the estate's zone."""
    if now is None:
        now = (db.clock or clock.process_clock()).now()
    return clock.to_local(now)


def _target(folder: Path, stem: str, kind: str, now: datetime) -> tuple[Path, int]:
    """The next file name: one past the highest sequence in ``folder``."""
    seq = max((b.seq for b in list_backups(folder, stem)), default=0) + 1
    path = folder / f"{stem}-n{seq:06d}-{now:{_TS}}-{kind}.sqlite3"
    while path.exists():  # a stray file with that number
        seq += 1
        path = folder / f"{stem}-n{seq:06d}-{now:{_TS}}-{kind}.sqlite3"
    return path, seq


def list_backups(folder: Path, stem: str | None = None) -> list[BackupInfo]:
    """Backups in ``folder`` (of database ``stem`` when given), newest (highest sequence) first."""
    out: list[BackupInfo] = []
    if not folder.is_dir():
        return out
    for path in folder.iterdir():
        m = _NAME.match(path.name) or _OLD_NAME.match(path.name)
        if not m or (stem is not None and m["stem"] != stem):
            continue
        created = datetime.strptime(m["ts"], _TS).replace(tzinfo=clock.estate_zone())
        seq = int(m["seq"]) if "seq" in m.groupdict() else 0
        try:
            size = path.stat().st_size
        except FileNotFoundError:  # removed meanwhile (another desk's rotation)
            continue
        out.append(BackupInfo(path, created, size, m["kind"], seq))
    out.sort(key=lambda b: (b.seq, b.created_at, b.path.name), reverse=True)
    return out


def rotate(folder: Path, stem: str, keep: int) -> list[Path]:
    """Delete all but the ``keep`` newest (by sequence) backups of ``stem``; returns what
    was removed."""
    keep = max(1, keep)
    removed = [b.path for b in list_backups(folder, stem)[keep:]]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def _make_backup(
    db: Database,
    *,
    kind: str,
    keep: int,
    folder: Path | None,
    dest: Path | None,
    now: datetime | None = None,
) -> BackupInfo:
    source = database_path(db)
    at = _now_local(db, now)
    if dest is not None:
        dest = dest.expanduser().resolve()
        if dest == source:
            raise ValidationError("dest", "备份文件不能就是当前数据库本身。")
        online_copy(source, dest)
        return BackupInfo(dest, at, dest.stat().st_size, kind)
    folder = private_dir(folder) if folder is not None else backup_folder()
    sweep_parts(folder)
    path, seq = _target(folder, source.stem, kind, at)
    online_copy(source, path)
    rotate(folder, source.stem, keep)
    return BackupInfo(path, at, path.stat().st_size, kind, seq)


def backup_now(
    db: Database,
    *,
    actor: Actor | None,
    keep: int = 10,
    folder: Path | None = None,
    dest: Path | None = None,
    now: datetime | None = None,
) -> BackupInfo:
    """A backup on demand (needs BACKUP_RESTORE), audited as an export of all data. ``dest``
    writes one file outside rotation.

    ``now`` (default: the database's clock) is the time in its name.
    """
    require(actor, Permission.BACKUP_RESTORE)
    info = _make_backup(db, kind="manual", keep=keep, folder=folder, dest=dest, now=now)
    from propdesk.audit.trail import record_export

    # a copy of every record, personal data included: audited as an export, in its own
    # transaction (the backup itself changes nothing in the database)
    record_export(
        db.session_factory,
        actor,
        what="数据库备份（全部数据）",
        path=str(info.path),
        personal=True,
        clock_=db.clock,
    )
    return info


def auto_backup(
    db: Database,
    *,
    kind: str,
    keep: int = 10,
    folder: Path | None = None,
    now: datetime | None = None,
) -> BackupInfo:
    """The app's own backup at start (``kind="start"``) or once a day (``"daily"``)."""
    if kind not in ("start", "daily"):
        raise ValueError(kind)
    return _make_backup(db, kind=kind, keep=keep, folder=folder, dest=None, now=now)


def daily_backup_if_due(
    db: Database, *, keep: int = 10, folder: Path | None = None, now: datetime | None = None
) -> BackupInfo | None:
    """Run the daily backup when the newest backup (by sequence) is a day old or none exists.

    ``now`` is the caller's time (default: the database's clock); a newest backup dated
    after it (the clock was set back) also makes one due (:func:`backup_due`).
    """
    source = database_path(db)
    folder = folder or backup_folder()
    at = _now_local(db, now)
    existing = list_backups(folder, source.stem)
    last = existing[0].created_at if existing else None
    if not backup_due(last, at):
        return None
    return auto_backup(db, kind="daily", keep=keep, folder=folder, now=at)


def _replace_damaged(db: Database, source: Path, live: Path, aside: Path) -> None:
    """The live file is itself damaged: keep its bytes aside and swap the file in whole."""
    db.engine.dispose()
    if live.exists():
        shutil.copy2(live, aside)
        private_file(aside)
        wal = live.with_name(live.name + "-wal")
        if wal.exists():
            shutil.copy2(wal, aside.with_name(aside.name + "-wal"))
            private_file(aside.with_name(aside.name + "-wal"))
    part = live.with_name(live.name + ".restore-part")
    try:
        shutil.copyfile(source, part)
        private_file(part)
        os.replace(part, live)
    finally:
        part.unlink(missing_ok=True)
    for suffix in ("-wal", "-shm"):
        live.with_name(live.name + suffix).unlink(missing_ok=True)


def _require_login(actor: Actor | None) -> Actor:
    require(actor, Permission.BACKUP_RESTORE)
    assert actor is not None
    if actor.user_id is None:
        raise NotAllowed("恢复数据库需要以自己的账号登录后操作（系统账号不能恢复）。")
    return actor


def _checked_source(db: Database, source: Path) -> tuple[Path, Path]:
    live = database_path(db)
    source = source.expanduser().resolve()
    if source == live:
        raise ValidationError("source", "不能用当前数据库恢复它自己，请选择一个备份文件。")
    check_file(source, full=True)
    check_schema(source)  # a newer or unknown schema: refused before the live file is touched
    return source, live


def plan_restore(db: Database, source: Path, *, actor: Actor | None) -> RestorePlan:
    """Check ``source`` (integrity, schema) and say what restoring it would undo; changes
    nothing. Needs BACKUP_RESTORE and a logged-in user."""
    _require_login(actor)
    source, live = _checked_source(db, source)
    return RestorePlan(source, live, restore_impact(live, source))


def restore_backup(
    db: Database, source: Path, *, actor: Actor | None, now: datetime | None = None
) -> RestoreResult:
    """Replace the live database with ``source`` after a full integrity and schema check.

    Refuses (and touches nothing) when ``source`` is damaged, not SQLite, not PropDesk, or
    from a newer or unknown schema; needs BACKUP_RESTORE and a logged-in user. The current
    database is first copied to ``<name>.before-restore-<timestamp>``. Afterwards the
    restored database is brought to the current schema, its receipt counters are raised
    above the highest number ever issued (the live database's, the backup's, and the mark
    file's), and the restore is recorded in its audit log and in the mark file. The caller
    should close and reopen the database afterwards (the app restarts).
    """
    who = _require_login(actor)
    source, live = _checked_source(db, source)
    impact = restore_impact(live, source)
    key = str(live)  # as receipt_mark.database_key names this file
    floor = receipt_mark.high_water(key)
    for counters in (receipt_counters(live), receipt_counters(source)):
        for series, value in counters.items():
            floor[series] = max(floor.get(series, 0), value)
    at = _now_local(db, now)
    stamp = at.strftime(_TS)
    aside = live.with_name(f"{live.name}.before-restore-{stamp}")
    receipt_mark.append(
        {
            "db": key,
            "event": "restore",
            "marks": floor,
            "source": source.name,
            "by": who.username,
            "at": at.isoformat(),
        }
    )
    try:
        check_file(live)
    except DatabaseFileError:
        _replace_damaged(db, source, live, aside)
    else:
        online_copy(live, aside)
        db.engine.dispose()
        with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(live)) as dst:
            src.backup(dst)
    check_file(live)
    _after_restore(live, who, source, aside, impact, floor, db)
    return RestoreResult(source, aside, impact, floor)


def _after_restore(
    live: Path,
    actor: Actor,
    source: Path,
    aside: Path,
    impact: RestoreImpact,
    floor: dict[str, int],
    db: Database,
) -> None:
    """Migrate the restored file, raise its receipt counters, and audit the restore in it."""
    from dataclasses import replace

    from sqlalchemy import update

    from propdesk.audit.trail import RESTORE, record_in
    from propdesk.db.engine import open_database
    from propdesk.db.upsert import dialect_insert
    from propdesk.fees.models import ReceiptCounter

    restored = open_database(f"sqlite:///{live}", clock=db.clock)
    try:
        # the restored users table may not know this login's epoch: record, do not re-check
        with restored.begin(replace(actor, epoch=None)) as session:
            for series, value in sorted(floor.items()):
                ins = dialect_insert("sqlite", ReceiptCounter)
                session.execute(ins.values(series=series, last_value=0).on_conflict_do_nothing())
                session.execute(
                    update(ReceiptCounter)
                    .where(ReceiptCounter.series == series, ReceiptCounter.last_value < value)
                    .values(last_value=value)
                )
            record_in(
                session,
                RESTORE,
                "-",
                "-",
                {
                    "source": source.name,
                    "kept_aside": aside.name,
                    "receipt_floor": floor,
                    **impact.summary(),
                },
            )
    finally:
        restored.dispose()
