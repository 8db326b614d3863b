"""The household's entries: vehicles, pets and emergency contacts panels on the unit page."""

from __future__ import annotations

from ui import extensions as ext


def feature() -> ext.Feature:
    return ext.Feature(
        "household",
        unit_panels=(
            ext.RecordPanel(
                "household_vehicles",
                40,
                ext.lazy_panel("ui.household.panels", "UnitVehiclesPanel", "unit_id"),
            ),
            ext.RecordPanel(
                "household_pets",
                41,
                ext.lazy_panel("ui.household.panels", "UnitPetsPanel", "unit_id"),
            ),
            ext.RecordPanel(
                "household_contacts",
                42,
                ext.lazy_panel("ui.household.panels", "UnitContactsPanel", "unit_id"),
            ),
        ),
    )
