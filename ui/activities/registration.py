"""Community activities' entries: the 社区活动 page and the unit page's participation panel."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ui import extensions as ext


def feature() -> ext.Feature:
    return ext.Feature(
        "activities",
        nav=(
            ext.NavModule(
                "activities",
                str(QT_TRANSLATE_NOOP("NavModule", "Community activities")),
                47,
                ext.lazy_page("ui.activities.page", "ActivitiesPage"),
            ),
        ),
        unit_panels=(
            ext.RecordPanel(
                "activities",
                60,
                ext.lazy_panel("ui.activities.unit_panel", "UnitActivitiesPanel", "unit_id"),
            ),
        ),
    )
