"""A database with clear ID numbers and phones, at the heads before the ``pii`` branch,
upgrades in place: values encrypted, lookups filled, the same values read back."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Engine, select, text
from sqlalchemy.engine import make_url

from propdesk.auth.actor import Actor
from propdesk.db.engine import make_engine, open_database
from propdesk.db.migrate import alembic_config
from propdesk.desk.models import Parcel
from propdesk.registry import services as reg
from propdesk.registry.models import Person
from propdesk.registry.personal import phone_condition
from tests.conftest import PG_URL

BEFORE_PII = "wave_0001"
STAMP = "'2026-01-01'"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def old_engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    if request.param == "sqlite":
        engine = make_engine(f"sqlite:///{tmp_path / 'old.sqlite3'}")
        yield engine
        engine.dispose()
        return
    if not PG_URL:
        pytest.skip("PROPDESK_TEST_PG_URL not set (CI sets it)")
    # A database of its own, kept between runs (CREATE/DROP DATABASE force checkpoints that
    # take minutes on a busy server); emptied at the start instead.
    base = make_url(PG_URL)
    name = f"{base.database}_piimig"
    admin = make_engine(PG_URL)
    with admin.connect() as conn:
        conn = conn.execution_options(isolation_level="AUTOCOMMIT")
        exists = conn.execute(
            text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}
        ).scalar()
        if not exists:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    engine = make_engine(base.set(database=name).render_as_string(hide_password=False))
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    yield engine
    engine.dispose()


def _fill_in_clear(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO person (id, name, name_initials, name_pinyin, phone, phone2, "
                "id_number, emergency_contact, emergency_phone, notes, unit_sort, version, "
                f"created_at, updated_at) VALUES (1, '张三', 'zs', 'zhangsan', '13812345678', "
                f"'', '11010119900307803X', '李四', '13900001111', '', '', 1, {STAMP}, {STAMP}),"
                " (2, '王五', 'ww', 'wangwu', '0755-86312569', '', NULL, '', '', '', '', 1, "
                f"{STAMP}, {STAMP})"
            )
        )
        conn.execute(
            text(
                "INSERT INTO desk_parcel (id, carrier, tracking_no, unit_id, recipient, "
                "recipient_phone, shelf, status, received_at, received_by, notified_at, "
                "collected_at, collected_by, handed_by, version, created_at, updated_at) VALUES "
                f"(1, '顺丰', 'SF1', NULL, '张三', '13812345678', 'A1', 'waiting', {STAMP}, '', "
                f"NULL, NULL, '', '', 1, {STAMP}, {STAMP})"
            )
        )


def test_clear_data_is_encrypted_in_place_and_reads_back(old_engine: Engine) -> None:
    command.upgrade(alembic_config(old_engine), BEFORE_PII)
    _fill_in_clear(old_engine)
    database = open_database(old_engine.url.render_as_string(hide_password=False))
    try:
        with database.engine.connect() as conn:
            raw = conn.execute(text("SELECT phone, id_number FROM person WHERE id = 1")).one()
            parcel = conn.execute(text("SELECT recipient_phone FROM desk_parcel")).scalar_one()
        assert raw.phone.startswith("v1:")
        assert raw.id_number.startswith("v1:")
        assert parcel.startswith("v1:")
        with database.begin() as s:
            zs = s.get(Person, 1)
            ww = s.get(Person, 2)
            assert zs is not None
            assert ww is not None
            assert (zs.phone, zs.id_number, zs.emergency_phone) == (
                "13812345678",
                "11010119900307803X",
                "13900001111",
            )
            assert (ww.phone, ww.id_number, ww.id_number_hmac) == ("0755-86312569", None, None)
            assert s.scalars(select(Parcel.recipient_phone)).one() == "13812345678"
            for query, who in (("5678", 1), ("13812345678", 1), ("2569", 2)):
                condition = phone_condition(query)
                assert condition is not None
                assert s.scalars(select(Person.id).where(condition)).all() == [who]
    finally:
        database.dispose()


def test_downgrade_decrypts_and_upgrade_encrypts_again(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'round.sqlite3'}"
    database = open_database(url)
    with database.begin(Actor.system()) as s:
        estate = reg.create_estate(s, name="翠湖花园")
        building = reg.create_building(s, estate_id=estate, code="3", floors=18, entrances=2)
        unit = reg.create_unit(s, building_id=building, entrance=2, room="1502", area="89.5")
        person = reg.create_person(
            s, name="张三", phone="13812345678", id_number="11010119900307803X"
        )
        reg.start_occupancy(
            s, person_id=person, unit_id=unit, role="owner", start_date=date(2024, 1, 1)
        )
    database.dispose()
    engine = make_engine(url)
    try:
        for _ in range(2):  # pii_0002 (the key id), then pii_0001 (the encryption)
            command.downgrade(alembic_config(engine), "pii@-1")
        with engine.connect() as conn:
            clear = conn.execute(text("SELECT phone, id_number FROM person")).one()
            occupancies = conn.execute(text("SELECT count(*) FROM occupancy")).scalar_one()
        assert tuple(clear) == ("13812345678", "11010119900307803X")
        assert occupancies == 1  # the person's rows kept their references
        command.upgrade(alembic_config(engine), "heads")
        with engine.connect() as conn:
            raw = conn.execute(text("SELECT phone, phone_tail FROM person")).one()
        assert raw.phone.startswith("v1:")
        assert raw.phone_tail == "5678"
    finally:
        engine.dispose()
