"""Registry tables: estate → building → unit, parking spaces, people, occupancies."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import (
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    event,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from propdesk.models_base import Base, Versioned
from propdesk.pii.columns import Encrypted
from propdesk.pii.index import person_lookup
from propdesk.registry.values import OCCUPANCY_ROLE_ZH as OCCUPANCY_ROLE_ZH
from propdesk.registry.values import PARKING_KIND_ZH as PARKING_KIND_ZH
from propdesk.registry.values import UNIT_STATUS_ZH as UNIT_STATUS_ZH
from propdesk.registry.values import UNIT_TYPE_ZH as UNIT_TYPE_ZH
from propdesk.registry.values import OccupancyRole as OccupancyRole
from propdesk.registry.values import ParkingKind as ParkingKind
from propdesk.registry.values import UnitStatus as UnitStatus
from propdesk.registry.values import UnitType as UnitType


def _enum_values(enum: type[StrEnum]) -> str:
    return ", ".join(f"'{m.value}'" for m in enum)


class Estate(Versioned, Base):
    __tablename__ = "estate"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    address: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    company: Mapped[str] = mapped_column(String(100), default="")

    buildings: Mapped[list[Building]] = relationship(
        back_populates="estate", order_by="Building.sort_key"
    )


class Building(Versioned, Base):
    __tablename__ = "building"
    __table_args__ = (
        UniqueConstraint("estate_id", "code"),
        CheckConstraint("floors > 0", name="floors_positive"),
        CheckConstraint("entrances > 0", name="entrances_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estate.id", ondelete="RESTRICT"), index=True)
    code: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(50))
    floors: Mapped[int] = mapped_column(Integer)
    entrances: Mapped[int] = mapped_column(Integer, default=1)
    has_elevator: Mapped[bool] = mapped_column(default=True)
    sort_key: Mapped[int] = mapped_column(Integer, default=0)

    estate: Mapped[Estate] = relationship(back_populates="buildings")


class Unit(Versioned, Base):
    """A unit (房屋). ``code`` is building-entrance-room, e.g. ``3-2-1502``.

    Area is stored in hundredths of a square metre (``area_centi``) so that fee
    arithmetic stays in integers; :attr:`area` gives the Decimal.
    """

    __tablename__ = "unit"
    __table_args__ = (
        UniqueConstraint("estate_id", "code"),
        CheckConstraint("area_centi > 0", name="area_positive"),
        CheckConstraint(f"unit_type IN ({_enum_values(UnitType)})", name="unit_type"),
        CheckConstraint(f"status IN ({_enum_values(UnitStatus)})", name="status"),
        Index("ix_unit_building_sort", "building_id", "entrance", "floor", "room"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estate.id", ondelete="RESTRICT"))
    building_id: Mapped[int] = mapped_column(ForeignKey("building.id", ondelete="RESTRICT"))
    code: Mapped[str] = mapped_column(String(30), index=True)
    entrance: Mapped[int] = mapped_column(Integer)
    floor: Mapped[int] = mapped_column(Integer)
    room: Mapped[str] = mapped_column(String(10))
    area_centi: Mapped[int] = mapped_column(Integer)
    unit_type: Mapped[str] = mapped_column(String(20), default=UnitType.RESIDENCE.value)
    status: Mapped[str] = mapped_column(String(20), default=UnitStatus.VACANT.value)
    notes: Mapped[str] = mapped_column(Text, default="")

    building: Mapped[Building] = relationship()

    @property
    def area(self) -> Decimal:
        return Decimal(self.area_centi) / 100


class ParkingSpace(Versioned, Base):
    __tablename__ = "parking_space"
    __table_args__ = (
        UniqueConstraint("estate_id", "code"),
        CheckConstraint(f"kind IN ({_enum_values(ParkingKind)})", name="kind"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estate.id", ondelete="RESTRICT"))
    code: Mapped[str] = mapped_column(String(30))
    kind: Mapped[str] = mapped_column(String(20), default=ParkingKind.RENTED.value)
    unit_id: Mapped[int | None] = mapped_column(
        ForeignKey("unit.id", ondelete="SET NULL"), index=True
    )
    plate: Mapped[str] = mapped_column(String(20), default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class Person(Versioned, Base):
    """A resident or owner. ``name_initials``/``name_pinyin`` serve the desk's pinyin search.

    ``unit_sort`` is the code of the person's lowest current unit (``""`` when none), kept
    only so the people list can sort by its Units column through an index (a correlated
    ``MIN`` over 100,000 people takes ~300 ms). :func:`propdesk.registry.unit_sort.refresh_unit_sort`
    keeps it: the occupancy services call it, and so must any bulk insert of occupancies.
    """

    __tablename__ = "person"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50), index=True)
    name_initials: Mapped[str] = mapped_column(String(50), index=True, default="")
    name_pinyin: Mapped[str] = mapped_column(String(200), default="")
    # Encrypted (propdesk.pii): search and uniqueness go through the lookup columns below.
    # ``id_number`` keeps the UNIQUE constraint it had in clear: harmless on ciphertexts.
    phone: Mapped[str] = mapped_column(Encrypted("person.phone"), default="")
    phone2: Mapped[str] = mapped_column(Encrypted("person.phone2"), default="")
    id_number: Mapped[str | None] = mapped_column(Encrypted("person.id_number"), unique=True)
    emergency_contact: Mapped[str] = mapped_column(String(50), default="")
    emergency_phone: Mapped[str] = mapped_column(Encrypted("person.emergency_phone"), default="")
    # Lookup values (propdesk.pii.index), kept by the mapper events below.
    phone_hmac: Mapped[str] = mapped_column(String(32), default="", server_default="", index=True)
    phone_tail_hmac: Mapped[str] = mapped_column(
        String(32), default="", server_default="", index=True
    )
    phone_tail: Mapped[str] = mapped_column(String(4), default="", server_default="")
    id_number_hmac: Mapped[str | None] = mapped_column(String(32), index=True, unique=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    unit_sort: Mapped[str] = mapped_column(String(30), default="", server_default="")


@event.listens_for(Person, "before_insert")
@event.listens_for(Person, "before_update")
def _person_lookup(_mapper: object, _connection: object, person: Person) -> None:
    """Keep the lookup hashes in step with the phone and ID number (unit-of-work writes).

    Bulk inserts fill them with :func:`propdesk.pii.index.with_person_lookup`.
    """
    for key, value in person_lookup(person.phone, person.id_number).items():
        if getattr(person, key) != value:
            setattr(person, key, value)


# The people list sorts by (unit_sort, name_pinyin, name, id) either way up: one index per
# direction, so a deep page never sorts the skipped rows (ASC/DESC on unit_sort, the pinyin
# tie-break always ascending).
Index("ix_person_unit_sort", Person.unit_sort, Person.name_pinyin, Person.name)
Index("ix_person_unit_sort_desc", Person.unit_sort.desc(), Person.name_pinyin, Person.name)


class Occupancy(Base):
    """Person ↔ unit with a role over a period. Closed by setting ``end_date``, never deleted."""

    __tablename__ = "occupancy"
    __table_args__ = (
        CheckConstraint(f"role IN ({_enum_values(OccupancyRole)})", name="role"),
        CheckConstraint("end_date IS NULL OR end_date >= start_date", name="dates_in_order"),
        Index("ix_occupancy_unit_current", "unit_id", "end_date"),
        Index("ix_occupancy_person", "person_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"))
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"))
    role: Mapped[str] = mapped_column(String(20))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    end_reason: Mapped[str] = mapped_column(String(200), default="")

    person: Mapped[Person] = relationship()
    unit: Mapped[Unit] = relationship()
# The people list's default order is by pinyin (as clerks look names up): 安娜 before 张三.
Index("ix_person_name_pinyin", Person.name_pinyin, Person.name, Person.id)
