"""The team's entry: the Team page (考核 and 排班) in the navigation."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ui import extensions as ext


def feature() -> ext.Feature:
    return ext.Feature(
        "team",
        nav=(
            ext.NavModule(
                "team",
                str(QT_TRANSLATE_NOOP("NavModule", "Team")),
                75,
                ext.lazy_page("ui.team.page", "TeamPage"),
            ),
        ),
    )
