"""Vehicles, pets and emergency contacts on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select, text

from propdesk import clock
from propdesk.auth.actor import Actor, Role
from propdesk.db.engine import Database
from propdesk.errors import Conflict, NotAllowed, ValidationError
from propdesk.household import queries as hq
from propdesk.household import services as hh
from propdesk.household.models import HouseholdContact, HouseholdVehicle
from propdesk.household.plates import normalize_plate, validate_plate
from propdesk.household.search import find_plates
from propdesk.household.services import ContactSpec, PetSpec, VehicleSpec
from propdesk.pii.index import phone_hmac, tail_hash
from propdesk.registry import search as registry_search
from propdesk.registry import services as reg

CLERK = Actor(user_id=None, username="wang", display_name="王前台", role=Role.CLERK)
MANAGER = Actor(user_id=None, username="zhao", display_name="赵经理", role=Role.MANAGER)
FINANCE = Actor(user_id=None, username="qian", display_name="钱会计", role=Role.FINANCE)


@pytest.fixture
def units(db: Database) -> tuple[int, int]:
    with db.begin(MANAGER) as s:
        eid = reg.create_estate(s, name="翠湖花园")
        bid = reg.create_building(s, estate_id=eid, code="1", floors=18, entrances=1)
        u1 = reg.create_unit(s, building_id=bid, entrance=1, room="101", area="88")
        u2 = reg.create_unit(s, building_id=bid, entrance=1, room="201", area="88")
        owner = reg.create_person(s, name="张伟", phone="13812345678")
        reg.start_occupancy(
            s, person_id=owner, unit_id=u1, role="owner", start_date=date(2020, 1, 1)
        )
    return u1, u2


def test_plates_normalised_and_checked() -> None:
    assert validate_plate("粤b·123 45") == "粤B12345"
    assert validate_plate("粤BD12345") == "粤BD12345"
    assert normalize_plate(" 京a-88888 ") == "京A88888"
    for bad in ("B12345", "粤12345", "粤B1234", "粤B1234567", "粤B12#45", "X粤B12345", ""):
        with pytest.raises(ValidationError) as err:
            validate_plate(bad)
        assert err.value.field == "plate"
        assert "车牌" in err.value.message


def test_add_vehicle_upper_cases_and_lists(db: Database, units: tuple[int, int]) -> None:
    u1, _ = units
    with db.begin(CLERK) as s:
        row = hh.add_vehicle(
            s,
            u1,
            VehicleSpec(
                "粤b 12345",
                "small",
                "B2-018",
                date(2026, 6, 1),
                date(2026, 6, 30),
            ),
        )
    assert row.plate == "粤B12345"
    with db.begin(CLERK) as s:
        rows = hq.unit_vehicles(s, u1)
        occ = s.scalars(select(HouseholdVehicle.occupancy_id)).one()
        assert occ == hh.household_occupancy(s, u1)
    assert [(r.plate, r.kind_zh, r.parking_space) for r in rows] == [
        ("粤B12345", "小型车", "B2-018")
    ]


def test_wrong_plate_saves_nothing(db: Database, units: tuple[int, int]) -> None:
    u1, _ = units
    with pytest.raises(ValidationError) as err, db.begin(CLERK) as s:
        hh.add_vehicle(s, u1, VehicleSpec("粤B12"))
    assert "格式不正确" in err.value.message
    with db.begin(CLERK) as s:
        assert s.scalar(select(func.count(HouseholdVehicle.id))) == 0


def test_new_energy_plate_needs_new_energy_kind(db: Database, units: tuple[int, int]) -> None:
    u1, _ = units
    with pytest.raises(ValidationError) as err, db.begin(CLERK) as s:
        hh.add_vehicle(s, u1, VehicleSpec("粤BD12345", "small"))
    assert err.value.field == "kind"
    with db.begin(CLERK) as s:
        assert hh.add_vehicle(s, u1, VehicleSpec("粤BD12345", "nev")).kind_zh == "新能源"


def test_pass_dates_in_order(db: Database, units: tuple[int, int]) -> None:
    u1, _ = units
    with pytest.raises(ValidationError) as err, db.begin(CLERK) as s:
        hh.add_vehicle(
            s, u1, VehicleSpec("粤B12345", pass_from=date(2026, 7, 1), pass_to=date(2026, 6, 1))
        )
    assert err.value.field == "pass_to"


def test_one_active_vehicle_per_plate(db: Database, units: tuple[int, int]) -> None:
    u1, u2 = units
    with db.begin(CLERK) as s:
        vid = hh.add_vehicle(s, u1, VehicleSpec("粤B12345")).id
    with pytest.raises(ValidationError) as err, db.begin(CLERK) as s:
        hh.add_vehicle(s, u2, VehicleSpec("粤b12345"))
    assert "1-1-101" in err.value.message
    with db.begin(CLERK) as s:
        hh.remove_vehicle(s, vid)
    with db.begin(CLERK) as s:
        hh.add_vehicle(s, u2, VehicleSpec("粤B12345"))
    with db.begin(CLERK) as s:
        assert hq.unit_vehicles(s, u1) == ()
        assert [v.plate for v in hq.unit_vehicles(s, u2)] == ["粤B12345"]
        # the removed row stays, without its active plate
        assert s.scalar(select(func.count(HouseholdVehicle.id))) == 2


def test_edit_keeps_own_plate_and_checks_version(db: Database, units: tuple[int, int]) -> None:
    u1, _ = units
    with db.begin(CLERK) as s:
        row = hh.add_vehicle(s, u1, VehicleSpec("粤B12345"))
    with db.begin(CLERK) as s:
        edited = hh.update_vehicle(
            s, row.id, VehicleSpec("粤B12345", parking_space="A-7"), expected_version=row.version
        )
    assert edited.parking_space == "A-7"
    with pytest.raises(Conflict), db.begin(CLERK) as s:
        hh.update_vehicle(s, row.id, VehicleSpec("粤B12345"), expected_version=row.version)


def test_pets(db: Database, units: tuple[int, int]) -> None:
    u1, _ = units
    today = date(2026, 6, 15)
    with db.begin(CLERK) as s:
        today = clock.today(s)
        pid = hh.add_pet(
            s, u1, PetSpec("dog", "旺财", today - timedelta(days=30), "sz-2026-001")
        ).id
    with pytest.raises(ValidationError) as err, db.begin(CLERK) as s:
        hh.update_pet(
            s, pid, PetSpec("dog", "旺财", today + timedelta(days=1)), expected_version=None
        )
    assert err.value.field == "vaccinated_on"
    with pytest.raises(ValidationError), db.begin(CLERK) as s:
        hh.add_pet(s, u1, PetSpec("lizard", "小龙"))
    with db.begin(CLERK) as s:
        rows = hq.unit_pets(s, u1)
    assert [(p.kind_zh, p.name, p.registration_no) for p in rows] == [("犬", "旺财", "SZ-2026-001")]
    with db.begin(CLERK) as s:
        hh.remove_pet(s, pid)
    with db.begin(CLERK) as s:
        assert hq.unit_pets(s, u1) == ()


def test_contacts_phone_encrypted_with_lookup(db: Database, units: tuple[int, int]) -> None:
    u1, _ = units
    with db.begin(CLERK) as s:
        hh.add_contact(s, u1, ContactSpec("李芳", "女儿", "139 0000 1111"))
        hh.add_contact(s, u1, ContactSpec("王强", "儿子", "0755-12345678"))
    with db.begin(CLERK) as s:
        rows = hq.unit_contacts(s, u1)
        stored = s.execute(
            text("SELECT phone, phone_tail FROM household_contact ORDER BY id")
        ).all()
        hit = s.scalars(
            select(HouseholdContact.name).where(
                HouseholdContact.phone_hmac == phone_hmac("13900001111")
            )
        ).all()
        tail = s.scalars(
            select(HouseholdContact.name).where(
                HouseholdContact.phone_tail_hmac == tail_hash("5678")
            )
        ).all()
    assert [(c.name, c.relation, c.phone) for c in rows] == [
        ("李芳", "女儿", "13900001111"),
        ("王强", "儿子", "0755-12345678"),
    ]
    assert "13900001111" not in stored[0].phone
    assert stored[0].phone_tail == "1111"
    assert hit == ["李芳"]
    assert tail == ["王强"]


def test_contact_needs_name_and_valid_phone(db: Database, units: tuple[int, int]) -> None:
    u1, _ = units
    with pytest.raises(ValidationError) as err, db.begin(CLERK) as s:
        hh.add_contact(s, u1, ContactSpec("", "女儿", "13900001111"))
    assert err.value.field == "name"
    with pytest.raises(ValidationError) as err, db.begin(CLERK) as s:
        hh.add_contact(s, u1, ContactSpec("李芳", "女儿", "12345"))
    assert err.value.field == "phone"
    with db.begin(CLERK) as s:
        assert s.scalar(select(func.count(HouseholdContact.id))) == 0


def test_moved_out_household_leaves_the_page(db: Database, units: tuple[int, int]) -> None:
    u1, _ = units
    with db.begin(MANAGER) as s:
        tenant = reg.create_person(s, name="赵六", phone="13611112222")
        occ = reg.start_occupancy(
            s, person_id=tenant, unit_id=u1, role="tenant", start_date=date(2026, 1, 1)
        )
    with db.begin(CLERK) as s:
        hh.add_vehicle(s, u1, VehicleSpec("粤B55555"))
        hh.add_contact(s, u1, ContactSpec("赵母", "母亲", "13611113333"))
    with db.begin(MANAGER) as s:
        reg.end_occupancy(s, occ, end_date=date(2026, 6, 1))
    with db.begin(CLERK) as s:
        assert hq.unit_vehicles(s, u1) == ()
        assert hq.unit_contacts(s, u1) == ()


def test_readonly_refused(db: Database, units: tuple[int, int]) -> None:
    u1, _ = units
    with pytest.raises(NotAllowed), db.begin(FINANCE) as s:
        hh.add_vehicle(s, u1, VehicleSpec("粤B12345"))


def test_plate_search_finds_the_unit(db: Database, units: tuple[int, int]) -> None:
    u1, _ = units
    with db.begin(CLERK) as s:
        hh.add_vehicle(s, u1, VehicleSpec("粤B12345"))
        vid = hh.add_vehicle(s, u1, VehicleSpec("粤B12399")).id
        hh.remove_vehicle(s, vid)
    with db.begin(CLERK) as s:
        hits = registry_search.search(s, "粤b123")
        assert [(h.kind, h.id, h.title) for h in hits] == [("unit", u1, "1-1-101")]
        assert "粤B12345" in hits[0].subtitle
        assert find_plates(s, "粤C", limit=5) == []
        assert registry_search.search(s, "张伟")[0].kind == "person"  # names still go to people


def test_lapsed_monthly_pass(db: Database, units: tuple[int, int]) -> None:
    u1, _ = units
    with db.begin(CLERK) as s:
        today = clock.today(s)
        hh.add_vehicle(
            s,
            u1,
            VehicleSpec(
                "粤B11111", pass_from=today - timedelta(days=60), pass_to=today - timedelta(days=1)
            ),
        )
        hh.add_vehicle(
            s, u1, VehicleSpec("粤B22222", pass_from=today - timedelta(days=60), pass_to=today)
        )
        hh.add_vehicle(s, u1, VehicleSpec("粤B33333"))
    with db.begin(CLERK) as s:
        lapsed = [(v.plate, v.pass_lapsed) for v in hq.unit_vehicles(s, u1)]
    assert lapsed == [("粤B11111", True), ("粤B22222", False), ("粤B33333", False)]


def test_household_is_the_tenants_when_rented(db: Database, units: tuple[int, int]) -> None:
    u1, u2 = units
    with db.begin(MANAGER) as s:
        owner_occ = hh.household_occupancy(s, u1)
        tenant = reg.create_person(s, name="赵六", phone="13611112222")
        occ = reg.start_occupancy(
            s, person_id=tenant, unit_id=u1, role="tenant", start_date=date(2026, 1, 1)
        )
    with db.begin(MANAGER) as s:
        assert owner_occ is not None
        assert hh.household_occupancy(s, u1) == occ
        assert hh.household_occupancy(s, u2) is None  # nobody lives there


def test_occupant_contacts_are_the_current_occupants_own(
    db: Database, units: tuple[int, int]
) -> None:
    """The unit page's contacts panel shows these beside the household's: read from the
    person records (nothing copied), only current occupants, only those with a contact."""
    u1, u2 = units
    with db.begin(MANAGER) as s:
        assert hq.occupant_contacts(s, u1) == ()  # 张伟 has none
        tenant = reg.create_person(
            s, name="徐军健", emergency_contact="贾桂", emergency_phone="17312345678"
        )
        reg.start_occupancy(s, person_id=tenant, unit_id=u1, role="tenant",
                            start_date=date(2024, 1, 1))  # fmt: skip
        gone = reg.create_person(
            s, name="李旧", emergency_contact="李母", emergency_phone="13700001111"
        )
        reg.start_occupancy(s, person_id=gone, unit_id=u1, role="family",
                            start_date=date(2020, 1, 1), end_date=date(2021, 1, 1))  # fmt: skip
        found = hq.occupant_contacts(s, u1)
        assert [(c.person_name, c.name, c.phone) for c in found] == [
            ("徐军健", "贾桂", "17312345678")
        ]
        assert hq.occupant_contacts(s, u2) == ()
        assert hq.unit_contacts(s, u1) == ()  # nothing copied into the household's list
