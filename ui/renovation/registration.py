"""The occupancy modules' entries in the main window (called from :mod:`ui.registrations`):
Move-in/out, Renovation and Keys in the navigation, the violation-types settings, the unit
panel and two status counters."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from sqlalchemy.orm import Session

from propdesk import clock
from ui import extensions as ext


def _count_renovation(session: Session) -> dict[str, int]:
    from propdesk.renovation.queries import glance_counts

    return dict(glance_counts(session, clock.today(session)))


def _renovation_text(counts: dict[str, int]) -> str:
    """Status bar: overdue and expiring permits, inspections due today, overdue violations."""
    if not any(counts.values()):
        return ""
    return (
        QCoreApplication.translate(
            "RenovationStatusBar",
            "Renovation: %1 overdue, %2 expiring, %3 to inspect, %4 violations past deadline",
        )
        .replace("%1", str(counts["permit_overdue"]))
        .replace("%2", str(counts["permit_expiring"]))
        .replace("%3", str(counts["inspection_due"]))
        .replace("%4", str(counts["violation_overdue"]))
    )


def _count_keys(session: Session) -> int:
    from propdesk.keys import services as keys

    return int(keys.count_keys_overdue(session, now=clock.now(session)))


def _keys_text(n: int) -> str:
    """Status bar: keys not returned by their due time ("" when none)."""
    if not n:
        return ""
    return QCoreApplication.translate("KeysStatusBar", "Keys overdue: %1").replace("%1", str(n))


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
                _count_renovation,
                _renovation_text,
            ),
            ext.StatusCounter("keys_overdue", lambda c: c.keys, _count_keys, _keys_text),
        ]
    )
    return ext.Feature(
        "occupancy",
        nav=tuple(nav),
        menu=tuple(menu),
        unit_panels=tuple(unit_panels),
        counters=tuple(counters),
    )
