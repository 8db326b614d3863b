"""The household demo step: vehicles for ~40% of households, pets for ~15%, emergency
contacts for most and for every elderly owner living alone; valid, unique plates."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from propdesk.db.engine import Database
from propdesk.demo import build, steps
from propdesk.household import queries as hq
from propdesk.household.models import HouseholdContact, HouseholdPet, HouseholdVehicle
from propdesk.household.plates import validate_plate
from propdesk.registry.models import Occupancy
from propdesk.registry.search import search
from tests.propdesk.activities.helpers import CLERK

TODAY = date(2026, 6, 15)


@pytest.fixture
def demo(db: Database, monkeypatch: pytest.MonkeyPatch) -> Database:
    monkeypatch.setattr(
        steps,
        "DEMO_STEPS",
        [s for s in steps.DEMO_STEPS if s[1] in ("propdesk.demo.registry", "propdesk.auth.demo")]
        + [(130, "propdesk.household.demo", "build_household")],
    )
    build.generate_demo(db, units=300, seed=7, today=TODAY)
    return db


def test_demo_household(demo: Database) -> None:
    with demo.begin(CLERK) as s:
        households = s.scalar(
            select(func.count(func.distinct(Occupancy.unit_id))).where(Occupancy.end_date.is_(None))
        )
        assert households
        with_vehicle = s.scalar(select(func.count(func.distinct(HouseholdVehicle.unit_id))))
        with_pet = s.scalar(select(func.count(func.distinct(HouseholdPet.unit_id))))
        with_contact = s.scalar(select(func.count(func.distinct(HouseholdContact.unit_id))))
        assert 0.30 < with_vehicle / households < 0.50
        assert 0.08 < with_pet / households < 0.22
        assert 0.60 < with_contact / households < 0.90
        plates = s.scalars(select(HouseholdVehicle.plate)).all()
        assert len(plates) == len(set(plates))
        assert all(validate_plate(p) == p for p in plates)
        contact = s.scalars(select(HouseholdContact).limit(1)).one()
        assert contact.phone.startswith("1")
        assert contact.phone_tail == contact.phone[-4:]
        vehicle = s.scalars(select(HouseholdVehicle).limit(1)).one()
        assert vehicle.plate in [v.plate for v in hq.unit_vehicles(s, vehicle.unit_id)]
        hits = search(s, vehicle.plate)
        assert [h.id for h in hits] == [vehicle.unit_id]
