"""deposits_0001 copies renovation deposits taken as fee lines into the deposit ledger."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import text

from propdesk.db.engine import make_engine
from propdesk.db.migrate import alembic_config, upgrade_database

_ROWS = (
    "INSERT INTO estate (id, name, address, phone, company, version, created_at, updated_at)"
    " VALUES (1, '翠湖花园', '', '', '', 1, '2026-01-01', '2026-01-01')",
    "INSERT INTO building (id, estate_id, code, name, floors, entrances, has_elevator, sort_key,"
    " version, created_at, updated_at)"
    " VALUES (1, 1, '1', '1栋', 6, 1, 1, 1, 1, '2026-01-01', '2026-01-01')",
    "INSERT INTO unit (id, estate_id, building_id, code, entrance, floor, room, area_centi,"
    " unit_type, status, notes, version, created_at, updated_at) VALUES (1, 1, 1, '1-1-0101',"
    " 1, 1, '0101', 8956, 'residence', 'occupied', '', 1, '2026-01-01', '2026-01-01')",
    "INSERT INTO fee_item (id, code, name, kind, meter_kind, active, sort_key, version,"
    " created_at, updated_at) VALUES (91, 'deposit', '押金', 'one_off', '', 1, 0, 1,"
    " '2026-01-01', '2026-01-01'), (92, 'renovation_deduction', '装修违规扣款', 'one_off',"
    " '', 1, 0, 1, '2026-01-01', '2026-01-01')",
    # permit 1: deposit 3,000.00 taken, refunded 2,850.00 after a 150.00 deduction
    # permit 2: deposit 2,000.00 taken, still held
    "INSERT INTO bill_line (id, unit_id, item_id, period, due_date, quantity_centi, rate_fen,"
    " amount_fen, paid_fen, waived_fen, settled, description, source, source_ref, created_at,"
    " created_by, notes) VALUES"
    " (1, 1, 91, '2026-01', '2026-01-05', 100, 300000, 300000, 300000, 0, 1,"
    " '装修押金 ZX2026-0001', 'renovation_deposit', '1', '2026-01-05', '', ''),"
    " (2, 1, 91, '2026-02', '2026-02-05', 100, 200000, 200000, 200000, 0, 1,"
    " '装修押金 ZX2026-0002', 'renovation_deposit', '2', '2026-02-05', '', ''),"
    " (3, 1, 92, '2026-03', '2026-03-01', 100, 15000, 15000, 15000, 0, 1,"
    " '装修 ZX2026-0001 押金扣款：垃圾', 'renovation_deduction', '1', '2026-03-01', '', '')",
    "INSERT INTO payment (id, receipt_no, unit_id, paid_at, paid_on, amount_fen, method,"
    " allocated_fen, credit_fen, discount_fen, discount_note, payer, notes, taken_by, voided,"
    " void_reason, voided_by) VALUES"
    " (1, '2026000001', 1, '2026-01-05', '2026-01-05', 300000, 'cash', 300000, 0, 0, '',"
    " '张三', '', '李前台', 0, '', ''),"
    " (2, '2026000002', 1, '2026-02-05', '2026-02-05', 200000, 'wechat', 200000, 0, 0, '',"
    " '张三', '', '李前台', 0, '', '')",
    "INSERT INTO fee_allocation (bill_line_id, payment_id, kind, amount_fen, paid_on, reversed,"
    " created_at) VALUES (1, 1, 'payment', 300000, '2026-01-05', 0, '2026-01-05'),"
    " (2, 2, 'payment', 200000, '2026-02-05', 0, '2026-02-05')",
    "INSERT INTO renovation_permit (id, permit_no, unit_id, owner_name, owner_phone, contractor,"
    " contractor_contact, contractor_phone, scope, planned_start, planned_end, deposit_fen,"
    " deposit_line_id, deposit_receipt_no, status, decision_reason, decided_by,"
    " previous_unit_status, accepted_by, acceptance_note, refund_id, refund_fen, refunded_on,"
    " created_by, version, created_at, updated_at) VALUES"
    " (1, 'ZX2026-0001', 1, '张三', '', '安居', '', '', '刷墙', '2026-01-10', '2026-02-10',"
    " 300000, 1, '2026000001', 'refunded', '', '', 'occupied', '', '', NULL, 285000,"
    " '2026-03-01', '', 1, '2026-01-05', '2026-01-05'),"
    " (2, 'ZX2026-0002', 1, '张三', '', '安居', '', '', '刷墙', '2026-02-10', '2026-03-10',"
    " 200000, 2, '2026000002', 'approved', '', '', 'occupied', '', '', NULL, NULL, NULL,"
    " '', 1, '2026-02-05', '2026-02-05')",
    "INSERT INTO renovation_deduction (id, permit_id, reason, amount_fen)"
    " VALUES (1, 1, '垃圾', 15000)",
)


def test_old_renovation_deposits_move_into_the_ledger(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    config = alembic_config(engine)
    command.upgrade(config, "occupancy_0002")
    command.upgrade(config, "fees_0004")
    with engine.begin() as conn:
        for sql in _ROWS:
            conn.execute(text(sql))
    upgrade_database(engine)
    with engine.connect() as conn:
        deposits = conn.execute(
            text(
                "SELECT receipt_no, kind, amount_fen, method, payer, source, source_ref, status,"
                " refunded_fen, deducted_fen, legacy_line_id FROM deposit ORDER BY id"
            )
        ).all()
        refunds = conn.execute(
            text("SELECT amount_fen, deducted_fen, refunded_on FROM deposit_refund")
        ).all()
        deductions = conn.execute(
            text("SELECT reason, amount_fen, bill_line_id FROM deposit_deduction")
        ).all()
    engine.dispose()
    assert [tuple(r) for r in deposits] == [
        ("2026000001", "renovation", 300000, "cash", "张三", "renovation_permit", "1",
         "refunded", 285000, 15000, 1),
        ("2026000002", "renovation", 200000, "wechat", "张三", "renovation_permit", "2",
         "held", 0, 0, 2),
    ]  # fmt: skip
    assert [(r[0], r[1], str(r[2])) for r in refunds] == [(285000, 15000, "2026-03-01")]
    assert [tuple(r) for r in deductions] == [("垃圾", 15000, 3)]
