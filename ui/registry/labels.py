"""Shown names of registry codes (unit type, status, occupancy role), through Qt's translator."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from propdesk.registry.models import OccupancyRole, ParkingKind, UnitStatus, UnitType

_CTX = "RegistryLabels"

UNIT_TYPES: dict[str, str] = {
    UnitType.RESIDENCE: str(QT_TRANSLATE_NOOP("RegistryLabels", "Residence")),
    UnitType.SHOP: str(QT_TRANSLATE_NOOP("RegistryLabels", "Shop")),
    UnitType.OFFICE: str(QT_TRANSLATE_NOOP("RegistryLabels", "Office")),
    UnitType.OTHER: str(QT_TRANSLATE_NOOP("RegistryLabels", "Other")),
}
UNIT_STATUSES: dict[str, str] = {
    UnitStatus.VACANT: str(QT_TRANSLATE_NOOP("RegistryLabels", "Vacant")),
    UnitStatus.OCCUPIED: str(QT_TRANSLATE_NOOP("RegistryLabels", "Owner-occupied")),
    UnitStatus.RENOVATING: str(QT_TRANSLATE_NOOP("RegistryLabels", "Renovating")),
    UnitStatus.RENTED: str(QT_TRANSLATE_NOOP("RegistryLabels", "Rented out")),
}
ROLES: dict[str, str] = {
    OccupancyRole.OWNER: str(QT_TRANSLATE_NOOP("RegistryLabels", "Owner")),
    OccupancyRole.CO_OWNER: str(QT_TRANSLATE_NOOP("RegistryLabels", "Co-owner")),
    OccupancyRole.TENANT: str(QT_TRANSLATE_NOOP("RegistryLabels", "Tenant")),
    OccupancyRole.FAMILY: str(QT_TRANSLATE_NOOP("RegistryLabels", "Family")),
}
PARKING_KINDS: dict[str, str] = {
    ParkingKind.OWNED: str(QT_TRANSLATE_NOOP("RegistryLabels", "Owned")),
    ParkingKind.RENTED: str(QT_TRANSLATE_NOOP("RegistryLabels", "Rented")),
}


def shown(table: dict[str, str], code: str | None) -> str:
    source = table.get(code or "")
    return QCoreApplication.translate(_CTX, source) if source else (code or "")


def unit_type(code: str | None) -> str:
    return shown(UNIT_TYPES, code)


def unit_status(code: str | None) -> str:
    return shown(UNIT_STATUSES, code)


def role(code: str | None) -> str:
    return shown(ROLES, code)


def area(area_centi: int | None) -> str:
    """``8956`` → ``89.56 m²``."""
    if area_centi is None:
        return ""
    return f"{area_centi // 100}.{area_centi % 100:02d} m²"
