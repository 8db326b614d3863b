"""Fee standards (收费标准): custom items, scoped rates, vacant discount, rounding, catalogue."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from propdesk.auth.actor import Actor
from propdesk.db.engine import Database, make_engine
from propdesk.db.migrate import alembic_config, upgrade_database
from propdesk.errors import NotAllowed, ValidationError
from propdesk.fees.billing import run_billing
from propdesk.fees.items import item_id, set_rate
from propdesk.fees.models import BillLine, FeeItem, ItemKind, Rounding
from propdesk.fees.rate_rules import ScopedRate, line_amount, pick_rate
from propdesk.fees.standards import (
    add_rate,
    catalogue,
    list_scoped_rates,
    list_standards,
    new_request_key,
    post_catalogue_charge,
    save_item,
)
from propdesk.registry import services as reg
from propdesk.registry.models import Unit
from tests.propdesk.fees.fee_fixtures import CLERK, MANAGER, Estate


def _unit(db: Database, estate: Estate, room: str, *, unit_type: str = "residence") -> int:
    with db.begin(Actor.system()) as s:
        return reg.create_unit(
            s,
            building_id=estate.building_ids[0],
            entrance=1,
            room=room,
            area="100",
            unit_type=unit_type,
        )


def _occupy(db: Database, *unit_ids: int) -> None:
    with db.begin(MANAGER) as s:
        for uid in unit_ids:
            unit = s.get(Unit, uid)
            assert unit is not None
            unit.status = "occupied"


def _amounts(db: Database, period: str, code: str) -> dict[int, int]:
    with db.begin() as s:
        rows = s.execute(
            select(BillLine.unit_id, BillLine.amount_fen)
            .join(FeeItem, FeeItem.id == BillLine.item_id)
            .where(BillLine.period == period, FeeItem.code == code)
        ).all()
    return {int(u): int(a) for u, a in rows}


def test_pick_rate_most_specific_then_newest() -> None:
    d = date(2025, 1, 1)
    rates = [
        ScopedRate(d, 100),
        ScopedRate(date(2026, 1, 1), 120),
        ScopedRate(d, 200, building_id=1),
        ScopedRate(d, 300, building_id=1, unit_type="shop"),
        ScopedRate(d, 0, floor_from=1, floor_to=2),
        ScopedRate(d, 50, floor_from=1, floor_to=10),
    ]
    on = date(2026, 6, 1)
    assert pick_rate(rates, on, building_id=2, unit_type="residence", floor=5) == rates[5]
    assert pick_rate(rates, on, building_id=2, unit_type="residence", floor=2) == rates[4]
    assert pick_rate(rates, on, building_id=2, unit_type="residence", floor=12) == rates[1]
    assert pick_rate(rates, date(2025, 6, 1), building_id=2, unit_type="x", floor=12) == rates[0]
    assert pick_rate(rates, on, building_id=1, unit_type="residence", floor=1) == rates[2]
    assert pick_rate(rates, on, building_id=1, unit_type="shop", floor=1) == rates[3]
    assert pick_rate(rates, date(2024, 1, 1), building_id=1, unit_type="shop", floor=1) is None


def test_line_amount_discount_and_rounding() -> None:
    assert line_amount(8956, 185) == 16569  # 165.686 → 165.69
    assert line_amount(8956, 185, rounding=Rounding.JIAO) == 16570
    assert line_amount(8956, 185, rounding=Rounding.YUAN) == 16600
    assert line_amount(8956, 185, discount_pct=30) == 11598  # 115.9802 → 115.98
    assert line_amount(100, 1000, discount_pct=100) == 0
    with pytest.raises(ValueError, match="discount_pct"):
        line_amount(100, 1, discount_pct=101)


def test_specific_rate_wins_and_no_lift_fee_on_floors_1_and_2(db: Database, estate: Estate) -> None:
    high = _unit(db, estate, "0501")
    shop = _unit(db, estate, "0502", unit_type="shop")
    with db.begin(MANAGER) as s:
        set_rate(s, item_code="property", effective_from=date(2025, 1, 1), rate_fen=185)
        set_rate(s, item_code="elevator", effective_from=date(2025, 1, 1), rate_fen=3000)
        prop = item_id(s, "property")
        lift = item_id(s, "elevator")
        add_rate(s, item_id=lift, effective_from=date(2025, 1, 1), rate_fen=0, floor_to=2)
        add_rate(
            s,
            item_id=prop,
            effective_from=date(2025, 1, 1),
            rate_fen=250,
            building_id=estate.building_ids[0],
        )
        add_rate(
            s,
            item_id=prop,
            effective_from=date(2025, 1, 1),
            rate_fen=500,
            building_id=estate.building_ids[0],
            unit_type="shop",
        )
        # a newer estate-wide rate does not beat the building's own rate
        set_rate(s, item_code="property", effective_from=date(2026, 1, 1), rate_fen=190)
        run_billing(s, "2026-03")
    u1, _u2, u3 = estate.unit_ids
    lift_lines = _amounts(db, "2026-03", "elevator")
    assert lift_lines == {high: 3000, shop: 3000}  # floor 1 units pay none; building 2 has no lift
    prop_lines = _amounts(db, "2026-03", "property")
    assert prop_lines[u1] == line_amount(8956, 250)
    assert prop_lines[high] == 25000
    assert prop_lines[shop] == 50000
    assert prop_lines[u3] == line_amount(7505, 190)
    with db.begin() as s:
        scoped = list_scoped_rates(s, lift)
    assert [(r.floor_from, r.floor_to, r.rate_fen) for r in scoped] == [
        (None, None, 3000),
        (None, 2, 0),
    ]


def test_vacant_discount_and_per_item_rounding(db: Database, estate: Estate) -> None:
    u1, u2, u3 = estate.unit_ids
    _occupy(db, u2)
    with db.begin(MANAGER) as s:
        prop = item_id(s, "property")
        save_item(
            s,
            item_id=prop,
            name="物业服务费",
            kind=ItemKind.AREA,
            category="物业",
            vacant_discount_pct=30,
            rounding=Rounding.JIAO,
        )
        set_rate(s, item_code="property", effective_from=date(2025, 1, 1), rate_fen=185)
        run_billing(s, "2026-03")
    lines = _amounts(db, "2026-03", "property")
    assert lines[u1] == line_amount(8956, 185, discount_pct=30, rounding="jiao") == 11600
    assert lines[u2] == 22200  # occupied: full 222.00
    assert lines[u3] == line_amount(7505, 185, discount_pct=30, rounding="jiao")
    with db.begin() as s:
        desc = s.scalar(select(BillLine.description).where(BillLine.unit_id == u1))
    assert desc == "空置优惠"


def test_custom_items_are_billed(db: Database, estate: Estate) -> None:
    u1, u2, u3 = estate.unit_ids
    _occupy(db, u1, u2, u3)
    with db.begin(MANAGER) as s:
        trash = save_item(
            s, name="垃圾清运费", kind=ItemKind.FIXED, category="杂项", rounding=Rounding.YUAN
        )
        water2 = save_item(s, name="二次供水", kind=ItemKind.AREA, category="能耗")
        add_rate(s, item_id=trash, effective_from=date(2026, 1, 1), rate_fen=850)
        add_rate(s, item_id=water2, effective_from=date(2026, 1, 1), rate_fen=15)
        codes = {i.name: i.code for i in list_standards(s)}
        result = run_billing(s, "2026-03")
    assert "垃圾清运费" not in result.items_without_rate
    assert _amounts(db, "2026-03", codes["垃圾清运费"]) == {u1: 900, u2: 900, u3: 900}
    assert _amounts(db, "2026-03", codes["二次供水"])[u2] == 1800


def test_item_validation_and_permission(db: Database, estate: Estate) -> None:
    with db.begin(MANAGER) as s, pytest.raises(ValidationError) as err:
        save_item(s, name="  ", kind=ItemKind.FIXED)
    assert err.value.field == "name"
    with db.begin(MANAGER) as s, pytest.raises(ValidationError) as err:
        save_item(s, name="物业服务费", kind=ItemKind.AREA)
    assert "已存在" in str(err.value)
    with db.begin(MANAGER) as s, pytest.raises(ValidationError) as err:
        save_item(s, name="临停", kind=ItemKind.FIXED, in_catalogue=True)
    assert err.value.field == "in_catalogue"
    with db.begin(MANAGER) as s, pytest.raises(ValidationError) as err:
        add_rate(
            s,
            item_id=item_id(s, "elevator"),
            effective_from=date(2026, 1, 1),
            rate_fen=1,
            floor_from=3,
            floor_to=2,
        )
    assert err.value.field == "floor_to"
    with db.begin(CLERK) as s, pytest.raises(NotAllowed):
        save_item(s, name="临停", kind=ItemKind.ONE_OFF)


def test_catalogue_charge_is_posted_once(db: Database, estate: Estate) -> None:
    u1 = estate.unit_ids[0]
    with db.begin(MANAGER) as s:
        card = save_item(s, name="门禁卡工本费", kind=ItemKind.ONE_OFF, in_catalogue=True)
        save_item(s, name="装修管理费", kind=ItemKind.ONE_OFF, in_catalogue=True)
        add_rate(s, item_id=card, effective_from=date(2026, 1, 1), rate_fen=2000)
    with db.begin(CLERK) as s:
        entries = catalogue(s)
    assert [(e.name, e.price_fen) for e in entries] == [
        ("门禁卡工本费", 2000),
        ("装修管理费", None),
    ]
    key = new_request_key()
    with db.begin(CLERK) as s:
        first = post_catalogue_charge(s, unit_id=u1, item_id=card, request_key=key, quantity=2)
    with db.begin(CLERK) as s:  # Enter pressed twice: the same form's key
        again = post_catalogue_charge(s, unit_id=u1, item_id=card, request_key=key, quantity=2)
    assert first == again
    with db.begin() as s:
        line = s.get(BillLine, first)
        assert line is not None
        assert (line.amount_fen, line.description, line.period) == (
            4000,
            "门禁卡工本费 × 2",
            "2026-06",
        )
    with db.begin(CLERK) as s, pytest.raises(ValidationError):
        post_catalogue_charge(s, unit_id=u1, item_id=entries[1].item_id, request_key=key + 1)


def test_a_rate_change_leaves_issued_bills_unchanged(db: Database, estate: Estate) -> None:
    u1 = estate.unit_ids[0]
    with db.begin(MANAGER) as s:
        prop = item_id(s, "property")
        set_rate(s, item_code="property", effective_from=date(2026, 1, 1), rate_fen=185)
        add_rate(
            s,
            item_id=prop,
            effective_from=date(2026, 1, 1),
            rate_fen=210,
            building_id=estate.building_ids[0],
        )
        run_billing(s, "2026-03")
    before = _amounts(db, "2026-03", "property")
    # the same rate and date cannot be corrected once billed
    with db.begin(MANAGER) as s, pytest.raises(ValidationError):
        add_rate(
            s,
            item_id=prop,
            effective_from=date(2026, 1, 1),
            rate_fen=999,
            building_id=estate.building_ids[0],
        )
    with db.begin(MANAGER) as s:
        add_rate(
            s,
            item_id=prop,
            effective_from=date(2026, 3, 1),
            rate_fen=999,
            building_id=estate.building_ids[0],
        )
        save_item(s, item_id=prop, name="物业服务费", kind=ItemKind.AREA, vacant_discount_pct=50)
        run_billing(s, "2026-03")  # a re-run adds nothing
        run_billing(s, "2026-04")
    assert _amounts(db, "2026-03", "property") == before
    assert _amounts(db, "2026-04", "property")[u1] == line_amount(8956, 999, discount_pct=50)


def test_populated_sqlite_upgrades_to_fee_standards(tmp_path: Path) -> None:
    """fees_0006 on a database with items, rates and bill lines: no rebuild of fee_item,
    old rates become estate-wide rates, and the new 'fixed' kind is accepted."""
    engine = make_engine(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    command.upgrade(alembic_config(engine), "fees_0004")
    stamp = "'2026-01-01'"
    with engine.begin() as conn:
        for sql in (
            f"INSERT INTO estate (id, name, address, phone, company, version, created_at, updated_at) VALUES (1, '翠湖', '', '', '', 1, {stamp}, {stamp})",
            f"INSERT INTO building (id, estate_id, code, name, floors, entrances, has_elevator, sort_key, version, created_at, updated_at) VALUES (1, 1, '1', '1栋', 6, 1, 1, 1, 1, {stamp}, {stamp})",
            f"INSERT INTO unit (id, estate_id, building_id, code, entrance, floor, room, area_centi, unit_type, status, notes, version, created_at, updated_at) VALUES (1, 1, 1, '1-1-0101', 1, 1, '0101', 8956, 'residence', 'occupied', '', 1, {stamp}, {stamp})",
            f"INSERT INTO fee_item (id, code, name, kind, meter_kind, active, sort_key, version, created_at, updated_at) VALUES (1, 'property', '物业服务费', 'area', '', 1, 0, 1, {stamp}, {stamp})",
            f"INSERT INTO fee_rate (id, item_id, effective_from, rate_fen, created_at, created_by) VALUES (1, 1, '2025-01-01', 185, {stamp}, '')",
            f"INSERT INTO bill_line (id, unit_id, item_id, period, due_date, quantity_centi, rate_fen, amount_fen, paid_fen, waived_fen, settled, description, source, source_ref, created_at, created_by, notes) VALUES (1, 1, 1, '2026-01', '2026-01-31', 8956, 185, 16569, 0, 0, 0, '', 'billing', '', {stamp}, '', '')",
        ):
            conn.execute(text(sql))
    upgrade_database(engine)
    with engine.begin() as conn:
        conn.execute(
            text(
                f"INSERT INTO fee_item (code, name, kind, meter_kind, active, sort_key, version, created_at, updated_at) VALUES ('trash', '垃圾清运费', 'fixed', '', 1, 1, 1, {stamp}, {stamp})"
            )
        )
        row = conn.execute(
            text("SELECT building_id, unit_type, floor_from, rate_fen FROM fee_rate")
        ).one()
        assert tuple(row) == (None, "", None, 185)
        item = conn.execute(
            text("SELECT vacant_discount_pct, rounding, in_catalogue FROM fee_item WHERE id = 1")
        ).one()
        assert tuple(item) == (0, "fen", 0)
        assert conn.execute(text("SELECT count(*) FROM bill_line")).scalar_one() == 1
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(
            text(
                f"INSERT INTO fee_item (code, name, kind, meter_kind, active, sort_key, version, created_at, updated_at) VALUES ('bad', '坏', 'bogus', '', 1, 1, 1, {stamp}, {stamp})"
            )
        )
    engine.dispose()


def test_metered_items_take_the_units_own_rate(db: Database, estate: Estate) -> None:
    """Water is billed at the building's own price where one is set, else the estate's."""
    from propdesk.fees.meters import create_meter, record_reading

    u1, _u2, u3 = estate.unit_ids  # u1 in the first building, u3 in the second
    with db.begin(MANAGER) as s:
        set_rate(s, item_code="water", effective_from=date(2025, 1, 1), rate_fen=450)
        add_rate(
            s,
            item_id=item_id(s, "water"),
            effective_from=date(2025, 1, 1),
            rate_fen=520,
            building_id=estate.building_ids[0],
        )
        meters = [create_meter(s, code=f"W-{uid}", kind="water", unit_id=uid) for uid in (u1, u3)]
    with db.begin(MANAGER) as s:
        for meter in meters:
            record_reading(s, meter_id=meter, period="2026-02", reading_centi=10_000)
            record_reading(s, meter_id=meter, period="2026-03", reading_centi=11_000)  # 10 m³
        run_billing(s, "2026-03")
    water = _amounts(db, "2026-03", "water")
    assert water[u1] == 10 * 520  # the building's own price
    assert water[u3] == 10 * 450  # the estate-wide price
