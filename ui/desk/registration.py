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
    from ui.desk.overview import DeskOverviewPage
    from ui.desk.panels import UnitParcelsPanel, VacantChecksPanel
    from ui.desk.parcels import ParcelsVisitorsPage
    from ui.desk.patrols import PatrolsPage
    from ui.desk.settings_dialog import open_desk_settings
    from ui.desk.shiftlog import ShiftLogPage

    ext.NAV_MODULES.extend(
        [
            ext.NavModule(
                "overview",
                QT_TRANSLATE_NOOP("NavModule", "Desk overview"),
                5,
                lambda ctx: DeskOverviewPage(ctx=ctx),
            ),
            ext.NavModule(
                "patrols",
                QT_TRANSLATE_NOOP("NavModule", "Patrols"),
                60,
                lambda ctx: PatrolsPage(ctx=ctx),
            ),
            ext.NavModule(
                "shiftlog",
                QT_TRANSLATE_NOOP("NavModule", "Shift log"),
                61,
                lambda ctx: ShiftLogPage(ctx=ctx),
            ),
            ext.NavModule(
                "parcels",
                QT_TRANSLATE_NOOP("NavModule", "Parcels & visitors"),
                62,
                lambda ctx: ParcelsVisitorsPage(ctx=ctx),
            ),
        ]
    )
    ext.MENU_ACTIONS.append(
        ext.MenuAction(
            "admin",
            QT_TRANSLATE_NOOP("MenuAction", "Desk settings: patrol routes and thresholds…"),
            60,
            open_desk_settings,
            visible=lambda ctx: ctx.can(Permission.MANAGE_SETTINGS),
        )
    )
    ext.UNIT_PANELS.extend(
        [
            ext.RecordPanel(
                "vacant_checks", 60, lambda ctx, uid: VacantChecksPanel(ctx=ctx, unit_id=uid)
            ),
            ext.RecordPanel("parcels", 61, lambda ctx, uid: UnitParcelsPanel(ctx=ctx, unit_id=uid)),
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
