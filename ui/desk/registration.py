"""The desk's entries in the navigation, menus, unit page and status bar."""

from __future__ import annotations

from types import ModuleType

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from propdesk.auth.permissions import Permission
from propdesk.desk import parcels, vacant
from ui.context import AppContext


def parcels_counter_text(ctx: AppContext) -> str:
    """ "Parcels waiting N (M too long)" for the status bar ("" when none)."""
    waiting, long_held = ctx.read(lambda s: parcels.count_waiting(s))
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


def vacant_counter_text(ctx: AppContext) -> str:
    """ "Vacant checks due: N" for the status bar ("" when none)."""
    due = ctx.read(lambda s: vacant.count_due(s))
    if not due:
        return ""
    return QCoreApplication.translate("DeskStatus", "Vacant checks due: %1").replace("%1", str(due))


def register(ext: ModuleType) -> None:
    """Add the desk's modules (overview first), settings, unit panels and counters."""
    # pages, panels and the settings dialog are imported when first used (start-up time)
    ext.NAV_MODULES.extend(
        [
            ext.NavModule(
                "overview",
                QT_TRANSLATE_NOOP("NavModule", "Desk overview"),
                5,
                ext.lazy_page("ui.desk.overview", "DeskOverviewPage"),
            ),
            ext.NavModule(
                "patrols",
                QT_TRANSLATE_NOOP("NavModule", "Patrols"),
                60,
                ext.lazy_page("ui.desk.patrols", "PatrolsPage"),
            ),
            ext.NavModule(
                "shiftlog",
                QT_TRANSLATE_NOOP("NavModule", "Shift log"),
                61,
                ext.lazy_page("ui.desk.shiftlog", "ShiftLogPage"),
            ),
            ext.NavModule(
                "parcels",
                QT_TRANSLATE_NOOP("NavModule", "Parcels & visitors"),
                62,
                ext.lazy_page("ui.desk.parcels", "ParcelsVisitorsPage"),
            ),
        ]
    )
    ext.MENU_ACTIONS.append(
        ext.MenuAction(
            "admin",
            QT_TRANSLATE_NOOP("MenuAction", "Desk settings: patrol routes and thresholds…"),
            60,
            ext.lazy("ui.desk.settings_dialog", "open_desk_settings"),
            visible=lambda ctx: ctx.can(Permission.MANAGE_SETTINGS),
        )
    )
    ext.UNIT_PANELS.extend(
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
    ext.STATUS_COUNTERS.extend(
        [
            ext.StatusCounter(
                "parcels_waiting", frozenset({"parcels", "settings"}), parcels_counter_text
            ),
            ext.StatusCounter(
                "vacant_checks_due",
                frozenset({"vacant_checks", "units", "occupancy", "settings"}),
                vacant_counter_text,
            ),
        ]
    )
