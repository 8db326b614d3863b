"""The occupancy modules' entries in the main window (called from :mod:`ui.registrations`):
Move-in/out, Renovation and Keys in the navigation, the violation-types settings, the unit
panel and two status counters."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ui import extensions as ext


def feature() -> ext.Feature:
    """Add the navigation entries, the unit panel and the status counters."""
    nav: list[ext.NavModule] = []
    menu: list[ext.MenuAction] = []
    unit_panels: list[ext.RecordPanel] = []
    counters: list[ext.StatusCounter] = []
    from propdesk.auth.permissions import Permission

    # pages, panels and dialogs are imported when first used (start-up time); the two
    # counters' modules load when the status bar first computes them
    nav.extend(
        [
            ext.NavModule(
                "movein",
                str(QT_TRANSLATE_NOOP("NavModule", "Move-in / out")),
                50,
                ext.lazy_page("ui.movein.page", "MoveInPage"),
            ),
            ext.NavModule(
                "renovation",
                str(QT_TRANSLATE_NOOP("NavModule", "Renovation")),
                55,
                ext.lazy_page("ui.renovation.page", "RenovationPage"),
            ),
            ext.NavModule(
                "keys",
                str(QT_TRANSLATE_NOOP("NavModule", "Keys")),
                58,
                ext.lazy_page("ui.keys.page", "KeysPage"),
            ),
        ]
    )
    menu.append(
        ext.MenuAction(
            "admin",
            str(QT_TRANSLATE_NOOP("MenuAction", "Renovation violation types…")),
            16,
            ext.lazy("ui.renovation.settings_dialog", "open_violation_types"),
            visible=lambda ctx: ctx.can(Permission.MANAGE_SETTINGS),  # as its can_manage
        )
    )
    unit_panels.append(
        ext.RecordPanel(
            "renovation_keys",
            40,
            ext.lazy_panel("ui.renovation.unit_panel", "RenovationKeysPanel", "unit_id"),
        )
    )
    counters.extend(
        [
            ext.StatusCounter(
                "renovation_overdue",
                lambda c: c.renovation,
                ext.lazy("ui.renovation.page", "count_attention"),
                ext.lazy("ui.renovation.page", "attention_label"),
            ),
            ext.StatusCounter(
                "keys_overdue",
                lambda c: c.keys,
                ext.lazy("ui.keys.page", "count_overdue_keys"),
                ext.lazy("ui.keys.page", "overdue_keys_label"),
            ),
        ]
    )
    return ext.Feature(
        "occupancy",
        nav=tuple(nav),
        menu=tuple(menu),
        unit_panels=tuple(unit_panels),
        counters=tuple(counters),
    )
