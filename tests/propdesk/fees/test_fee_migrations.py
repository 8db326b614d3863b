"""A database with payments upgrades to the newest fee schema (no table rebuild on SQLite)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import text

from propdesk.db.engine import make_engine
from propdesk.db.migrate import alembic_config, upgrade_database


def test_populated_sqlite_database_upgrades_past_fees_0002(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    command.upgrade(alembic_config(engine), "fees_0002")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO estate (id, name, address, phone, company, version, created_at, updated_at) VALUES (1, '翠湖花园', '', '', '', 1, '2026-01-01', '2026-01-01')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO building (id, estate_id, code, name, floors, entrances, has_elevator, sort_key, version, created_at, updated_at) VALUES (1, 1, '1', '1栋', 6, 1, 1, 1, 1, '2026-01-01', '2026-01-01')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO unit (id, estate_id, building_id, code, entrance, floor, room, area_centi, unit_type, status, notes, version, created_at, updated_at) VALUES (1, 1, 1, '1-1-0101', 1, 1, '0101', 8956, 'residence', 'occupied', '', 1, '2026-01-01', '2026-01-01')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO fee_item (id, code, name, kind, meter_kind, active, sort_key, version, created_at, updated_at) VALUES (1, 'property', '物业服务费', 'area', '', 1, 0, 1, '2026-01-01', '2026-01-01')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO bill_line (id, unit_id, item_id, period, due_date, quantity_centi, rate_fen, amount_fen, paid_fen, waived_fen, settled, description, source, source_ref, created_at, created_by, notes) VALUES (1, 1, 1, '2026-01', '2026-01-31', 8956, 185, 16569, 100, 0, 0, '', 'billing', '', '2026-01-01', '', '')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO payment (id, receipt_no, unit_id, paid_at, paid_on, amount_fen, method, allocated_fen, credit_fen, discount_fen, discount_note, payer, notes, taken_by, voided, void_reason, voided_by) VALUES (1, '2026000001', 1, '2026-01-05', '2026-01-05', 100, 'cash', 100, 0, 0, '', '', '', '', 0, '', '')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO payment (id, receipt_no, unit_id, paid_at, paid_on, amount_fen, method, allocated_fen, credit_fen, discount_fen, discount_note, payer, notes, taken_by, voided, void_reason, voided_by) VALUES (2, '2026000002', 1, '2026-01-06', '2026-01-06', 50, 'cash', 0, 0, 0, '', '', '', '', 1, '收错房号', '赵主管')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO fee_allocation (bill_line_id, payment_id, kind, amount_fen, paid_on, reversed, created_at) VALUES (1, 1, 'payment', 100, '2026-01-05', 0, '2026-01-05')"
            )
        )
    upgrade_database(engine)
    with engine.connect() as conn:
        row = conn.execute(
            text("SELECT paid_fen, late_fee_charged_fen, late_fee_of FROM bill_line")
        ).one()
        assert tuple(row) == (100, 0, None)
        # fees_0004: whoever voided a receipt before then was also its approver
        approvers = conn.execute(
            text("SELECT receipt_no, voided_by, void_approved_by FROM payment ORDER BY id")
        ).all()
    assert [tuple(r) for r in approvers] == [
        ("2026000001", "", ""),
        ("2026000002", "赵主管", "赵主管"),
    ]
    engine.dispose()
