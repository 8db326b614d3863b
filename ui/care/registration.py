"""Care's entries: the 关怀 and 走访 pages, the banner first on the unit and person pages, the
unit page's visits panel, and the status-bar figures of flags due for review and of overdue
visits."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ui import extensions as ext


def overdue_text(count: int) -> str:
    """ "Care reviews due: N" for the status bar ("" when none)."""
    if not count:
        return ""
    return QCoreApplication.translate("CareStatus", "Care reviews due: %1").replace(
        "%1", str(count)
    )


def visits_overdue_text(count: int) -> str:
    """ "Overdue visits: N" (the status bar hides it at 0; the desk overview shows 0 too)."""
    return QCoreApplication.translate("CareStatus", "Overdue visits: %1").replace("%1", str(count))


def _visits_status(count: int) -> str:
    return visits_overdue_text(count) if count else ""


def feature() -> ext.Feature:
    return ext.Feature(
        "care",
        nav=(
            ext.NavModule(
                "care",
                str(QT_TRANSLATE_NOOP("NavModule", "Care")),
                46,
                ext.lazy_page("ui.care.page", "CarePage"),
            ),
            ext.NavModule(
                "visits",
                str(QT_TRANSLATE_NOOP("NavModule", "Visits")),
                46,  # right after 关怀 (same order: kept in this order)
                ext.lazy_page("ui.care.visits", "VisitsPage"),
            ),
        ),
        unit_panels=(
            ext.RecordPanel(
                "care", 1, ext.lazy_panel("ui.care.banner", "unit_panel", "unit_id"), top=True
            ),
            ext.RecordPanel(
                "care_visits",
                59,
                ext.lazy_panel("ui.care.visit_panel", "UnitVisitsPanel", "unit_id"),
            ),
        ),
        person_panels=(
            ext.RecordPanel(
                "care", 1, ext.lazy_panel("ui.care.banner", "person_panel", "person_id"), top=True
            ),
        ),
        counters=(
            ext.StatusCounter(
                "care_reviews",
                # a move-out ends the household's flags: the count follows occupancy too
                lambda c: c.care or c.occupancy,
                ext.lazy("propdesk.care.queries", "count_overdue"),
                overdue_text,
            ),
            ext.StatusCounter(
                "care_visits",
                lambda c: c.care or c.tickets or c.occupancy,
                ext.lazy("propdesk.care.visit_plan", "count_overdue_visits"),
                _visits_status,
            ),
        ),
    )
