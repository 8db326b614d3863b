"""Every module that defines tables. Add a feature's ``models`` module here."""

from __future__ import annotations

import importlib

MODEL_MODULES = (
    "propdesk.registry.models",
    "propdesk.auth.models",
    "propdesk.audit.models",
    "propdesk.fees.models",
    "propdesk.fees.closing_models",
    "propdesk.tickets.models",
    "propdesk.desk.models",
    "propdesk.movein.models",
    "propdesk.renovation.models",
    "propdesk.keys.models",
    "propdesk.deposits.models",
    "propdesk.calls.models",
    "propdesk.activities.models",
    "propdesk.reporting.models",
    "propdesk.reporting.notes_models",
    "propdesk.pii.models",
    "propdesk.team.models",
    "propdesk.archive.models",
    "propdesk.household.models",
    "propdesk.care.models",
    "propdesk.care.visit_models",
    "propdesk.surveys.models",
)


def import_all_models() -> None:
    for name in MODEL_MODULES:
        importlib.import_module(name)
