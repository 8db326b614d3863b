"""The occupancy modules' entries in the main window (called from :mod:`ui.registrations`):
Move-in/out, Renovation and Keys in the navigation, the violation-types settings, the unit
panel and two status counters."""

from __future__ import annotations

from types import ModuleType

from PySide6.QtCore import QT_TRANSLATE_NOOP


def register(ext: ModuleType) -> None:
    """Add the navigation entries, the unit panel and the status counters."""
    from propdesk.auth.permissions import Permission

    # pages, panels and dialogs are imported when first used (start-up time); the two
    # counters' modules load when the status bar first computes them
    ext.NAV_MODULES.extend(
        [
            ext.NavModule(
                "movein",
                QT_TRANSLATE_NOOP("NavModule", "Move-in / out"),
                50,
                ext.lazy_page("ui.movein.page", "MoveInPage"),
            ),
            ext.NavModule(
                "renovation",
                QT_TRANSLATE_NOOP("NavModule", "Renovation"),
                55,
                ext.lazy_page("ui.renovation.page", "RenovationPage"),
            ),
            ext.NavModule(
                "keys",
                QT_TRANSLATE_NOOP("NavModule", "Keys"),
                58,
                ext.lazy_page("ui.keys.page", "KeysPage"),
            ),
        ]
    )
    ext.MENU_ACTIONS.append(
        ext.MenuAction(
            "admin",
            QT_TRANSLATE_NOOP("MenuAction", "Renovation violation types…"),
            16,
            ext.lazy("ui.renovation.settings_dialog", "open_violation_types"),
            visible=lambda ctx: ctx.can(Permission.MANAGE_SETTINGS),  # as its can_manage
        )
    )
    ext.UNIT_PANELS.append(
        ext.RecordPanel(
            "renovation_keys",
            40,
            ext.lazy_panel("ui.renovation.unit_panel", "RenovationKeysPanel", "unit_id"),
        )
    )
    ext.STATUS_COUNTERS.extend(
        [
            ext.StatusCounter(
                "renovation_overdue",
                frozenset({"renovation"}),
                ext.lazy("ui.renovation.page", "attention_counter_text"),
            ),
            ext.StatusCounter(
                "keys_overdue", frozenset({"keys"}), ext.lazy("ui.keys.page", "overdue_keys_text")
            ),
        ]
    )
