"""Care's entries: the 关怀 page, the banner first on the unit and person pages, and the
status-bar figure of flags due for review."""

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
        ),
        unit_panels=(
            ext.RecordPanel("care", 1, ext.lazy_panel("ui.care.banner", "unit_panel", "unit_id")),
        ),
        person_panels=(
            ext.RecordPanel(
                "care", 1, ext.lazy_panel("ui.care.banner", "person_panel", "person_id")
            ),
        ),
        counters=(
            ext.StatusCounter(
                "care_reviews",
                lambda c: c.care,
                ext.lazy("propdesk.care.queries", "count_overdue"),
                overdue_text,
            ),
        ),
    )
