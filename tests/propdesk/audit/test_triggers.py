"""Database triggers: changes are recorded however they are made, the audit log cannot be
edited, and ``verify`` finds the first broken link of the hash chain (both databases)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import Connection, select, text, update
from sqlalchemy.exc import DBAPIError

from propdesk.audit.chain import ChainBreak, ChainReport, verify
from propdesk.audit.models import AuditEntry
from propdesk.auth.actor import Actor, Role
from propdesk.auth.permissions import Permission, require
from propdesk.db.engine import Database
from propdesk.errors import NotAllowed
from propdesk.fees.billing import run_billing
from propdesk.fees.models import BillLine
from tests.propdesk.fees.fee_fixtures import MANAGER, make_estate, set_standard_rates

CLERK = Actor(user_id=7, username="wang", display_name="小王", role=Role.CLERK)


def _rows(db: Database, table: str | None = None) -> list[AuditEntry]:
    with db.begin() as s:
        stmt = select(AuditEntry).order_by(AuditEntry.id)
        if table:
            stmt = stmt.where(AuditEntry.table_name == table)
        rows = list(s.scalars(stmt))
        s.expunge_all()
    return rows


def _billed(db: Database) -> list[int]:
    make_estate(db)
    set_standard_rates(db)
    with db.begin(MANAGER) as s:
        run_billing(s, "2026-05")
        return list(s.scalars(select(BillLine.id).order_by(BillLine.id)))


def _verify(db: Database) -> ChainReport:
    with db.engine.connect() as conn:
        return verify(conn)


def _first(report: ChainReport) -> ChainBreak:
    assert report.first_break is not None
    return report.first_break


def test_raw_delete_and_update_of_the_audit_log_are_refused(db: Database) -> None:
    _billed(db)
    before = len(_rows(db))
    for sql in (
        "DELETE FROM audit_log",
        "UPDATE audit_log SET username = 'nobody'",
        "UPDATE audit_log SET row_hash = ''",
    ):
        with pytest.raises(DBAPIError), db.begin() as s:
            s.execute(text(sql))
    with pytest.raises(DBAPIError), db.engine.begin() as conn:  # no session, no ORM listener
        conn.execute(text("DELETE FROM audit_log"))
    assert len(_rows(db)) == before
    assert _verify(db).ok


def test_raw_update_of_a_bill_line_is_recorded_with_who_and_amounts(db: Database) -> None:
    line_id = _billed(db)[0]
    with db.begin(CLERK) as s:
        s.execute(text("UPDATE bill_line SET waived_fen = 10000 WHERE id = :i"), {"i": line_id})
    row = _rows(db, "bill_line")[-1]
    assert (row.action, row.record_id, row.username) == ("update", str(line_id), "wang")
    assert json.loads(row.changes) == {"waived_fen": [0, 10000]}
    # outside any session: the row says so instead of naming someone
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE bill_line SET waived_fen = 0 WHERE id = :i"), {"i": line_id})
    assert _rows(db, "bill_line")[-1].username == "unknown"
    assert _verify(db).ok


def test_core_bulk_update_lists_every_id_and_amount(db: Database) -> None:
    ids = _billed(db)
    with db.begin(CLERK) as s:
        s.execute(update(BillLine).where(BillLine.id.in_(ids[:2])).values(waived_fen=500))
    rows = [r for r in _rows(db, "bill_line") if r.action == "update"]
    assert sorted(int(r.record_id) for r in rows) == sorted(ids[:2])
    assert all(json.loads(r.changes) == {"waived_fen": [0, 500]} for r in rows)


def test_one_row_per_change_through_the_orm(db: Database) -> None:
    """The session listener leaves trigger tables alone: no double rows."""
    ids = _billed(db)
    with db.begin(CLERK) as s:
        line = s.get(BillLine, ids[0])
        assert line is not None
        line.waived_fen = 300
    rows = [r for r in _rows(db, "bill_line") if r.action == "update"]
    assert len(rows) == 1
    assert json.loads(rows[0].changes) == {"waived_fen": [0, 300]}


def test_personal_fields_are_masked_in_audit_rows(db: Database) -> None:
    from propdesk.registry import services as reg

    with db.begin(CLERK) as s:
        reg.create_person(s, name="张三", phone="13812345678", id_number="110101199003071233")
    raw = " ".join(r.changes for r in _rows(db, "person"))
    assert "13812345678" not in raw
    assert "110101199003071233" not in raw
    assert "张三" in raw


def test_refused_attempt_is_logged_in_its_own_transaction(db: Database) -> None:
    with pytest.raises(NotAllowed), db.begin(CLERK):
        require(CLERK, Permission.BACKUP_RESTORE)
    rows = [r for r in _rows(db) if r.action == "refused"]
    assert len(rows) == 1
    assert rows[0].username == "wang"
    assert "无权" in json.loads(rows[0].changes)["message"]


def _tamper(conn: Connection, sql: str, params: dict[str, object]) -> None:
    """What an attacker with the database owner's rights does: switch the guard off."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("DROP TRIGGER IF EXISTS audit_log_no_update")
        conn.exec_driver_sql("DROP TRIGGER IF EXISTS audit_log_no_delete")
    else:
        conn.exec_driver_sql("ALTER TABLE audit_log DISABLE TRIGGER audit_log_refuse")
    conn.execute(text(sql), params)
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql("ALTER TABLE audit_log ENABLE TRIGGER audit_log_refuse")


def test_verify_reports_the_first_changed_row(db: Database) -> None:
    _billed(db)
    ids = [r.id for r in _rows(db)]
    assert len(ids) > 5
    report = _verify(db)
    assert report.ok
    assert report.rows == len(ids)
    with db.engine.begin() as conn:
        _tamper(
            conn,
            "UPDATE audit_log SET changes = '{}' WHERE id IN (:a, :b)",
            {"a": ids[3], "b": ids[5]},
        )
    report = _verify(db)
    assert _first(report).row_id == ids[3]
    assert _first(report).reason == "content"
    assert report.rows == 3
    if db.is_sqlite:  # the dropped guards are reported too
        assert "audit_log:audit_log_no_update" in report.missing_triggers


def test_verify_reports_a_deleted_row_at_the_next_link(db: Database) -> None:
    _billed(db)
    ids = [r.id for r in _rows(db)]
    with db.engine.begin() as conn:
        _tamper(conn, "DELETE FROM audit_log WHERE id = :a", {"a": ids[2]})
    report = _verify(db)
    assert _first(report).row_id == ids[3]
    assert _first(report).reason == "link"
    with db.engine.begin() as conn:
        _tamper(conn, "DELETE FROM audit_log WHERE id = :a", {"a": ids[0]})
    assert _first(_verify(db)).reason == "start"


def _export_that_fails_afterwards(db: Database) -> None:
    from propdesk.audit.trail import record_export

    with db.begin(CLERK, write=False) as s:  # the export reads…
        s.scalar(select(AuditEntry.id).limit(1))
        record_export(db.session_factory, CLERK, what="收费明细表", path="fee.xlsx", rows=12)
        raise RuntimeError  # …and its own transaction fails later


def test_an_export_is_logged_in_its_own_transaction(db: Database) -> None:
    with pytest.raises(RuntimeError):
        _export_that_fails_afterwards(db)
    rows = [r for r in _rows(db) if r.action == "export"]
    assert len(rows) == 1
    assert rows[0].username == "wang"
    assert json.loads(rows[0].changes) == {"what": "收费明细表", "path": "fee.xlsx", "rows": 12}
    assert _verify(db).ok
