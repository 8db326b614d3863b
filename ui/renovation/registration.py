"""The occupancy modules' entries in the main window (called from :mod:`ui.registrations`):
Move-in/out, Renovation and Keys in the navigation, the violation-types settings, the unit
panel and two status counters."""

from __future__ import annotations

from types import ModuleType

from PySide6.QtCore import QT_TRANSLATE_NOOP


def register(ext: ModuleType) -> None:
    """Add the navigation entries, the unit panel and the status counters."""
    from ui.keys.page import KeysPage, overdue_keys_text
    from ui.movein.page import MoveInPage
    from ui.renovation.page import RenovationPage, attention_counter_text
    from ui.renovation.settings_dialog import can_manage, open_violation_types
    from ui.renovation.unit_panel import RenovationKeysPanel

    ext.NAV_MODULES.extend(
        [
            ext.NavModule(
                "movein",
                QT_TRANSLATE_NOOP("NavModule", "Move-in / out"),
                50,
                lambda ctx: MoveInPage(ctx=ctx),
            ),
            ext.NavModule(
                "renovation",
                QT_TRANSLATE_NOOP("NavModule", "Renovation"),
                55,
                lambda ctx: RenovationPage(ctx=ctx),
            ),
            ext.NavModule(
                "keys",
                QT_TRANSLATE_NOOP("NavModule", "Keys"),
                58,
                lambda ctx: KeysPage(ctx=ctx),
            ),
        ]
    )
    ext.MENU_ACTIONS.append(
        ext.MenuAction(
            "admin",
            QT_TRANSLATE_NOOP("MenuAction", "Renovation violation types…"),
            16,
            open_violation_types,
            visible=can_manage,
        )
    )
    ext.UNIT_PANELS.append(
        ext.RecordPanel(
            "renovation_keys", 40, lambda ctx, uid: RenovationKeysPanel(ctx=ctx, unit_id=uid)
        )
    )
    ext.STATUS_COUNTERS.extend(
        [
            ext.StatusCounter(
                "renovation_overdue", frozenset({"renovation"}), attention_counter_text
            ),
            ext.StatusCounter("keys_overdue", frozenset({"keys"}), overdue_keys_text),
        ]
    )
