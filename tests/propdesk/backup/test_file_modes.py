"""Private files: the data folder is 0700; database, backups, settings, exports are 0600
(POSIX). An interrupted backup leaves no ``.part`` behind."""

from __future__ import annotations

import os
import sqlite3
import stat
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from propdesk.backup import sqlite_backup
from propdesk.backup.sqlite_backup import auto_backup, online_copy, sweep_parts
from propdesk.config import DEFAULT_DB_FILE, ENV_DATA_DIR, SETTINGS_FILE, Settings, data_dir
from propdesk.db.engine import Database
from propdesk.fees.document_values import FeeSheetRow
from propdesk.files import private_dir, write_private
from propdesk.registry.ledger import LedgerLine
from reports.excel.fees import write_fee_sheet
from reports.excel.owners import write_export
from reports.pdf.owner_ledger import owner_ledger_pdf

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@posix_only
def test_data_folder_0700_and_its_files_0600(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "private-data"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    old_db = folder / DEFAULT_DB_FILE
    old_db.write_bytes(b"")
    os.chmod(old_db, 0o644)
    monkeypatch.setenv(ENV_DATA_DIR, str(folder))
    assert data_dir() == folder
    assert _mode(folder) == 0o700
    assert _mode(old_db) == 0o600  # an older install's database is tightened too
    Settings(language="en").save(folder)
    assert _mode(folder / SETTINGS_FILE) == 0o600
    assert Settings.load(folder).language == "en"


@posix_only
def test_private_helpers(tmp_path: Path) -> None:
    assert _mode(private_dir(tmp_path / "a" / "b")) == 0o700
    out = tmp_path / "x.bin"
    out.write_bytes(b"old")
    os.chmod(out, 0o644)
    write_private(out, b"new")
    assert out.read_bytes() == b"new"
    assert _mode(out) == 0o600


@posix_only
def test_backups_are_private(sqlite_db: Database, tmp_path: Path) -> None:
    info = auto_backup(sqlite_db, kind="start", keep=10, folder=tmp_path / "b")
    assert _mode(tmp_path / "b") == 0o700
    assert _mode(info.path) == 0o600
    dest = tmp_path / "copy.sqlite3"
    online_copy(sqlite_backup.database_path(sqlite_db), dest)
    assert _mode(dest) == 0o600


def test_interrupted_backup_leaves_no_part(
    sqlite_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "b"
    folder.mkdir()

    def boom(path: Path) -> None:
        raise KeyboardInterrupt  # the process is stopped half-way through

    monkeypatch.setattr(sqlite_backup, "check_file", boom)
    with pytest.raises(KeyboardInterrupt):
        auto_backup(sqlite_db, kind="start", keep=10, folder=folder)
    assert list(folder.iterdir()) == []


def test_stale_part_files_are_swept_before_a_backup(sqlite_db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "b"
    folder.mkdir()
    stale = folder / "propdesk-20260101-000000-start.sqlite3.part"
    stale.write_bytes(b"half a database")
    keep = folder / "notes.txt"
    keep.write_text("mine")
    info = auto_backup(sqlite_db, kind="start", keep=10, folder=folder)
    assert not stale.exists()
    assert keep.exists()
    assert info.path.exists()
    assert not list(folder.glob("*.part"))
    assert sweep_parts(folder) == []
    with sqlite3.connect(info.path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


@posix_only
def test_exports_are_private(tmp_path: Path) -> None:
    row = FeeSheetRow(
        "3栋", "3-1-0101", "张三", "物业服务费", "2026-03", date(2026, 3, 31),
        100, 220, 22200, 0, 0, 22200,
    )  # fmt: skip
    write_fee_sheet([row], tmp_path / "fee.xlsx")
    line = LedgerLine(
        unit_code="3-1-0101", building_code="3", building_name="3栋", entrance=1, floor=1,
        room="0101", area_centi=10000, unit_type="residence", status="occupied",
        unit_notes="", person_name="张三",
    )  # fmt: skip
    write_export([line], tmp_path / "ledger.xlsx")
    owner_ledger_pdf(
        [line],
        estate_name="翠湖花园",
        building_name="3栋",
        printed_at=datetime(2026, 6, 15, 2, tzinfo=UTC),
        target=tmp_path / "ledger.pdf",
    )
    for name in ("fee.xlsx", "ledger.xlsx", "ledger.pdf"):
        assert _mode(tmp_path / name) == 0o600, name


_KILLED_BACKUP = """
import pathlib, sys, time
from propdesk.backup import sqlite_backup
from propdesk.db.engine import open_database

marker = pathlib.Path(sys.argv[3])

def slow_check(path, **_kw):  # the copy is written; the check takes long on a big file
    marker.write_text(str(path))
    time.sleep(120)

sqlite_backup.check_file = slow_check
db = open_database(sys.argv[1])
sqlite_backup.auto_backup(db, kind="start", keep=10, folder=pathlib.Path(sys.argv[2]))
"""


@posix_only
def test_kill_9_during_a_backup_leaves_no_part_after_the_next_backup(
    sqlite_db: Database, tmp_path: Path
) -> None:
    """kill -9 runs no clean-up: the half-made ``.part`` is found and removed by the next
    backup (the app makes one at every start)."""
    import os
    import signal
    import subprocess
    import sys
    import time

    folder = tmp_path / "b"
    marker = tmp_path / "copying"
    child = subprocess.Popen(
        [sys.executable, "-c", _KILLED_BACKUP, str(sqlite_db.url), str(folder), str(marker)],
        cwd=Path(__file__).resolve().parents[3],
    )
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():  # wait until the copy is on disk, mid-backup
            assert child.poll() is None, "the backup process ended early"
            assert time.monotonic() < deadline, "the backup never started"
            time.sleep(0.05)
        os.kill(child.pid, signal.SIGKILL)
        assert child.wait(timeout=30) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
    parts = list(folder.glob("*.part"))
    assert len(parts) == 1
    assert parts[0].stat().st_size > 0
    assert _mode(parts[0]) == 0o600  # private even half-written
    info = auto_backup(sqlite_db, kind="start", keep=10, folder=folder)
    assert list(folder.glob("*.part")) == []
    assert [p.name for p in folder.iterdir()] == [info.path.name]


@posix_only
def test_an_old_world_readable_log_becomes_private(tmp_path: Path) -> None:
    from propdesk.failures import LOG_FILE, configure_logging, log

    folder = tmp_path / "logs"
    folder.mkdir(mode=0o755)
    old = folder / LOG_FILE
    old.write_text("old\n")
    old.chmod(0o644)
    rotated = folder / f"{LOG_FILE}.1"
    rotated.write_text("older\n")
    rotated.chmod(0o644)
    configure_logging(folder)
    for handler in [h for h in log.handlers if getattr(h, "_propdesk", False)]:
        log.removeHandler(handler)  # leave no handler on this test's folder
        handler.close()
    assert _mode(folder) == 0o700
    assert _mode(old) == 0o600
    assert _mode(rotated) == 0o600
