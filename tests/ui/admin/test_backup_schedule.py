"""The automatic backups: one at start, daily when due; a damaged database is reported."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import sessionmaker

from propdesk import clock
from propdesk.auth.actor import Actor
from propdesk.backup.sqlite_backup import list_backups
from propdesk.changes import Changes
from propdesk.db.engine import Database, make_engine
from propdesk.registry import services as reg
from tests.ui.helpers import make_ctx
from ui.admin.backup_schedule import BackupScheduler


def test_start_backup_then_daily_only_when_due(
    qtbot: QtBot, sqlite_db: Database, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    scheduler = BackupScheduler(ctx=make_ctx(sqlite_db, Actor.system()), folder=folder)
    with qtbot.waitSignal(scheduler.backed_up) as done:
        scheduler.start()
    assert done.args[0].kind == "start"
    assert scheduler.timer.isActive()
    with qtbot.assertNotEmitted(scheduler.backed_up):
        scheduler.check_daily()  # the start backup is less than a day old
    assert [b.kind for b in list_backups(folder)] == ["start"]


def test_damaged_database_reported(qtbot: QtBot, sqlite_db: Database, tmp_path: Path) -> None:
    with sqlite_db.begin(Actor.system()) as s:
        for i in range(40):
            reg.create_person(s, name=f"住户{i:02d}")
    with sqlite_db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    sqlite_db.dispose()
    live = Path(str(sqlite_db.engine.url.database))
    data = bytearray(live.read_bytes())
    for offset in range(2 * 4096, min(len(data), 6 * 4096), 7):
        data[offset] = 0xFF
    live.write_bytes(bytes(data))
    engine = make_engine(sqlite_db.url)
    damaged = Database(sqlite_db.url, engine, sessionmaker(engine))
    scheduler = BackupScheduler(ctx=make_ctx(damaged, Actor.system()), folder=tmp_path / "b")
    with qtbot.waitSignal(scheduler.failed) as failed:
        scheduler.start()
    assert "自动备份失败" in failed.args[0]
    assert "损坏" in failed.args[0]
    assert list_backups(tmp_path / "b") == []
    engine.dispose()


pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def test_daily_backup_is_due_by_the_desk_clock(
    qtbot: QtBot, sqlite_db: Database, tmp_path: Path, test_clock: clock.FixedClock
) -> None:
    folder = tmp_path / "backups"
    ctx = make_ctx(sqlite_db, Actor.system())
    seen: list[Changes] = []
    ctx.hub.changed.connect(seen.append)
    scheduler = BackupScheduler(ctx=ctx, folder=folder)
    scheduler.start()
    test_clock.advance(hours=23)
    with qtbot.assertNotEmitted(scheduler.backed_up):
        scheduler.check_daily()
    test_clock.advance(hours=1)
    with qtbot.waitSignal(scheduler.backed_up) as done:
        scheduler.check_daily()
    assert done.args[0].kind == "daily"
    assert [b.kind for b in list_backups(folder)] == ["daily", "start"]
    assert seen == [Changes(backups=True), Changes(backups=True)]
    scheduler.timer.stop()
