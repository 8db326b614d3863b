"""Household tables: vehicles, pets and emergency contacts.

Each row belongs to a unit and to the household living there when it was recorded
(``occupancy_id``: the current tenant's occupancy, else the owner's, else none), so a
household's vehicles, pets and contacts leave the unit page when that household moves out.

A vehicle is removed by setting ``removed_at`` (its history stays); ``active_plate`` equals
``plate`` while the vehicle is registered and is NULL once removed, and its UNIQUE
constraint keeps one active vehicle per plate on SQLite and PostgreSQL alike.
``plate_tail_rev`` is the active plate without its province, reversed (NULL once removed):
the search finds a plate by its end, typed without the province, on its index.

The contact's phone is personal data: encrypted (:mod:`propdesk.pii`) with its lookup
hashes and last four digits beside it, like a person's phone.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, String, Text, event
from sqlalchemy.orm import Mapped, mapped_column

from propdesk.household.values import PetKind, VehicleKind
from propdesk.models_base import Base, Versioned
from propdesk.models_base import one_of as _in
from propdesk.pii.columns import Encrypted
from propdesk.pii.index import phone_hmac, phone_tail, tail_hash


class HouseholdVehicle(Versioned, Base):
    __tablename__ = "household_vehicle"
    __table_args__ = (
        CheckConstraint(_in("kind", VehicleKind), name="kind"),
        CheckConstraint(
            "pass_to IS NULL OR pass_from IS NULL OR pass_to >= pass_from", name="pass_in_order"
        ),
        Index("ix_household_vehicle_unit", "unit_id", "removed_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"))
    occupancy_id: Mapped[int | None] = mapped_column(
        ForeignKey("occupancy.id", ondelete="SET NULL")
    )
    plate: Mapped[str] = mapped_column(String(10))
    active_plate: Mapped[str | None] = mapped_column(String(10), unique=True)
    plate_tail_rev: Mapped[str | None] = mapped_column(String(10), index=True)
    kind: Mapped[str] = mapped_column(String(10), default=VehicleKind.SMALL.value)
    parking_space: Mapped[str] = mapped_column(String(30), default="")
    pass_from: Mapped[date | None] = mapped_column(Date)
    pass_to: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    removed_at: Mapped[datetime | None] = mapped_column()


class HouseholdPet(Versioned, Base):
    __tablename__ = "household_pet"
    __table_args__ = (
        CheckConstraint(_in("kind", PetKind), name="kind"),
        Index("ix_household_pet_unit", "unit_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"))
    occupancy_id: Mapped[int | None] = mapped_column(
        ForeignKey("occupancy.id", ondelete="SET NULL")
    )
    kind: Mapped[str] = mapped_column(String(10), default=PetKind.DOG.value)
    name: Mapped[str] = mapped_column(String(30), default="")
    vaccinated_on: Mapped[date | None] = mapped_column(Date)
    registration_no: Mapped[str] = mapped_column(String(30), default="")


class HouseholdContact(Versioned, Base):
    __tablename__ = "household_contact"
    __table_args__ = (Index("ix_household_contact_unit", "unit_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"))
    occupancy_id: Mapped[int | None] = mapped_column(
        ForeignKey("occupancy.id", ondelete="SET NULL")
    )
    name: Mapped[str] = mapped_column(String(50))
    relation: Mapped[str] = mapped_column(String(20), default="")
    phone: Mapped[str] = mapped_column(Encrypted("household_contact.phone"), default="")
    phone_hmac: Mapped[str] = mapped_column(String(32), default="", server_default="", index=True)
    phone_tail_hmac: Mapped[str] = mapped_column(
        String(32), default="", server_default="", index=True
    )
    phone_tail: Mapped[str] = mapped_column(String(4), default="", server_default="")


def contact_lookup(phone: str | None) -> dict[str, str]:
    """The lookup columns of a contact with this phone (bulk inserts add them)."""
    tail = phone_tail(phone)
    return {
        "phone_hmac": phone_hmac(phone),
        "phone_tail_hmac": tail_hash(tail) if tail else "",
        "phone_tail": tail,
    }


@event.listens_for(HouseholdContact, "before_insert")
@event.listens_for(HouseholdContact, "before_update")
def _contact_lookup(_mapper: object, _connection: object, contact: HouseholdContact) -> None:
    for key, value in contact_lookup(contact.phone).items():
        setattr(contact, key, value)
