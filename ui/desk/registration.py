"""The desk's entries in the navigation, menus, unit page and status bar."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from propdesk.auth.permissions import Permission
from propdesk.desk import parcels, vacant
from ui import extensions as ext


def parcels_counter_text(counts: tuple[int, int]) -> str:
    """ "Parcels waiting N (M too long)" for the status bar ("" when none)."""
    waiting, long_held = counts
    if not waiting:
        return ""
    text = QCoreApplication.translate("DeskStatus", "Parcels waiting: %1").replace(
        "%1", str(waiting)
    )
    if long_held:
        text += QCoreApplication.translate("DeskStatus", " (%1 too long)").replace(
            "%1", str(long_held)
        )
    return text


def vacant_counter_text(due: int) -> str:
    """ "Vacant checks due: N" for the status bar ("" when none)."""
    if not due:
        return ""
    return QCoreApplication.translate("DeskStatus", "Vacant checks due: %1").replace("%1", str(due))


def feature() -> ext.Feature:
    """Add the desk's modules (overview first), settings, unit panels and counters."""
    nav: list[ext.NavModule] = []
    menu: list[ext.MenuAction] = []
    unit_panels: list[ext.RecordPanel] = []
    counters: list[ext.StatusCounter] = []
    # pages, panels and the settings dialog are imported when first used (start-up time)
    nav.extend(
        [
            ext.NavModule(
                "overview",
                str(QT_TRANSLATE_NOOP("NavModule", "Desk overview")),
                5,
                ext.lazy_page("ui.desk.overview", "DeskOverviewPage"),
            ),
            ext.NavModule(
                "patrols",
                str(QT_TRANSLATE_NOOP("NavModule", "Patrols")),
                60,
                ext.lazy_page("ui.desk.patrols", "PatrolsPage"),
            ),
            ext.NavModule(
                "shiftlog",
                str(QT_TRANSLATE_NOOP("NavModule", "Shift log")),
                61,
                ext.lazy_page("ui.desk.shiftlog", "ShiftLogPage"),
            ),
            ext.NavModule(
                "parcels",
                str(QT_TRANSLATE_NOOP("NavModule", "Parcels & visitors")),
                62,
                ext.lazy_page("ui.desk.parcels", "ParcelsVisitorsPage"),
            ),
        ]
    )
    menu.append(
        ext.MenuAction(
            "admin",
            str(QT_TRANSLATE_NOOP("MenuAction", "Desk settings: patrol routes and thresholds…")),
            60,
            ext.lazy("ui.desk.settings_dialog", "open_desk_settings"),
            visible=lambda ctx: ctx.can(Permission.MANAGE_SETTINGS),
        )
    )
    unit_panels.extend(
        [
            ext.RecordPanel(
                "vacant_checks",
                60,
                ext.lazy_panel("ui.desk.panels", "VacantChecksPanel", "unit_id"),
            ),
            ext.RecordPanel(
                "parcels", 61, ext.lazy_panel("ui.desk.panels", "UnitParcelsPanel", "unit_id")
            ),
        ]
    )
    counters.extend(
        [
            ext.StatusCounter(
                "parcels_waiting",
                lambda c: c.parcels or c.settings,
                parcels.count_waiting,
                parcels_counter_text,
            ),
            ext.StatusCounter(
                "vacant_checks_due",
                lambda c: c.vacant_checks or c.units or c.occupancy or c.settings,
                vacant.count_due,
                vacant_counter_text,
            ),
        ]
    )
    return ext.Feature(
        "desk",
        nav=tuple(nav),
        menu=tuple(menu),
        unit_panels=tuple(unit_panels),
        counters=tuple(counters),
    )
