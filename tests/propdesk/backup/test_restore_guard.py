"""A restore cannot rewind money: login and permission, schema check before touching the live
file, receipt numbers continue above the highest ever issued (also kept outside the
database), the restore is audited, and the confirmation says what it undoes."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import select

from propdesk.audit.models import AuditEntry
from propdesk.auth import users
from propdesk.auth.actor import Actor, Role
from propdesk.auth.passwords import TEST_COST
from propdesk.backup import receipt_mark
from propdesk.backup.restore_plan import BackupTooNew
from propdesk.backup.sqlite_backup import backup_now, plan_restore, restore_backup
from propdesk.db.engine import Database, open_database
from propdesk.errors import NotAllowed
from propdesk.fees.billing import run_billing
from propdesk.fees.payments import take_payment
from tests.propdesk.fees.fee_fixtures import MANAGER, make_estate, set_standard_rates

ADMIN = Actor(user_id=900, username="root", display_name="管理员", role=Role.ADMIN)
CLERK = Actor(user_id=2, username="wang", display_name="小王", role=Role.CLERK)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _pay(db: Database, unit_id: int, fen: int = 10000) -> str:
    with db.begin(CLERK) as s:
        return take_payment(s, unit_id=unit_id, amount_fen=fen, method="cash").receipt_no


@pytest.fixture
def billed(sqlite_db: Database) -> tuple[Database, int]:
    estate = make_estate(sqlite_db)
    set_standard_rates(sqlite_db)
    with sqlite_db.begin(MANAGER) as s:
        run_billing(s, "2026-05")
    return sqlite_db, estate.unit_ids[0]


def _backup(db: Database, tmp_path: Path) -> Path:
    return backup_now(db, actor=ADMIN, dest=tmp_path / "before.sqlite3").path


def test_restore_needs_the_permission_and_a_login(
    billed: tuple[Database, int], tmp_path: Path
) -> None:
    db, _unit = billed
    backup = _backup(db, tmp_path)
    with pytest.raises(NotAllowed):
        restore_backup(db, backup, actor=CLERK)
    with pytest.raises(NotAllowed):
        restore_backup(db, backup, actor=Actor.system())  # nobody logged in
    with pytest.raises(NotAllowed):
        plan_restore(db, backup, actor=None)


def test_a_newer_schema_is_refused_before_the_live_file_is_touched(
    billed: tuple[Database, int], tmp_path: Path
) -> None:
    db, _unit = billed
    backup = _backup(db, tmp_path)
    with closing(sqlite3.connect(backup)) as conn:
        conn.execute("INSERT INTO alembic_version VALUES ('future_0001')")
        conn.commit()
    live = Path(db.engine.url.database or "")
    db.dispose()
    before = _digest(live)
    with pytest.raises(BackupTooNew, match="future_0001"):
        restore_backup(db, backup, actor=ADMIN)
    assert _digest(live) == before
    assert not list(live.parent.glob("*.before-restore-*"))  # not even the copy aside


def test_receipt_numbers_continue_above_the_highest_ever_issued(
    billed: tuple[Database, int], tmp_path: Path
) -> None:
    db, unit = billed
    first = _pay(db, unit)
    backup = _backup(db, tmp_path)
    second = _pay(db, unit)
    assert int(second) == int(first) + 1
    result = restore_backup(db, backup, actor=ADMIN)
    assert [p.receipt_no for p in result.impact.new_payments] == [second]
    restored = open_database(str(db.engine.url))
    try:
        third = _pay(restored, unit)
        assert int(third) == int(second) + 1  # not second again
        with restored.begin() as s:
            rows = list(s.scalars(select(AuditEntry).where(AuditEntry.action == "restore")))
        assert len(rows) == 1
        assert rows[0].username == "root"
        details = json.loads(rows[0].changes)
        assert details["payments_undone"] == 1
        assert details["source"] == "before.sqlite3"
    finally:
        restored.dispose()
    events = [json.loads(x) for x in receipt_mark.mark_path().read_text().splitlines()]
    assert [e["event"] for e in events] == ["issued", "issued", "restore", "issued"]
    assert oct(receipt_mark.mark_path().stat().st_mode & 0o777) == "0o600"


def test_a_backup_copied_over_by_hand_still_cannot_reissue_a_number(
    billed: tuple[Database, int], tmp_path: Path
) -> None:
    db, unit = billed
    _pay(db, unit)
    backup = _backup(db, tmp_path)
    second = _pay(db, unit)
    live = Path(db.engine.url.database or "")
    db.dispose()
    with closing(sqlite3.connect(backup)) as src, closing(sqlite3.connect(live)) as dst:
        src.backup(dst)  # outside PropDesk: no restore record, the counter rewound
    copied = open_database(str(db.engine.url))
    try:
        assert int(_pay(copied, unit)) == int(second) + 1
    finally:
        copied.dispose()


def test_the_confirmation_says_what_the_restore_undoes(
    billed: tuple[Database, int], tmp_path: Path
) -> None:
    db, unit = billed
    with db.begin(Actor.system()) as s:
        kept = users.create_user(
            s, username="li", display_name="李", role="clerk", password="pw123456", cost=TEST_COST
        )
    backup = _backup(db, tmp_path)
    receipt = _pay(db, unit, 12345)
    with db.begin(ADMIN) as s:
        users.update_user(s, kept, active=False)
        users.create_user(
            s,
            username="zhao",
            display_name="赵",
            role="finance",
            password="pw123456",
            cost=TEST_COST,
        )
    plan = plan_restore(db, backup, actor=ADMIN)
    text = plan.question()
    assert f"收据 {receipt}：123.45 元" in text
    assert "1 笔收款，共 123.45 元" in text
    assert "用户 li 在备份之后被停用，恢复后将重新启用。" in text
    assert "用户 zhao（财务）是备份之后添加的，将不复存在。" in text


def test_a_backup_on_demand_is_audited_as_an_export(
    billed: tuple[Database, int], tmp_path: Path
) -> None:
    db, _unit = billed
    path = _backup(db, tmp_path)
    with db.begin() as s:
        rows = list(s.scalars(select(AuditEntry).where(AuditEntry.action == "export")))
    assert len(rows) == 1
    assert rows[0].username == "root"
    assert json.loads(rows[0].changes) == {
        "what": "数据库备份（全部数据）",
        "path": str(path),
        "personal": True,
    }
