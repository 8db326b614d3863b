"""The surveys' entry: the 满意度调查 page in the navigation."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ui import extensions as ext


def feature() -> ext.Feature:
    return ext.Feature(
        "surveys",
        nav=(
            ext.NavModule(
                "surveys",
                str(QT_TRANSLATE_NOOP("NavModule", "Satisfaction surveys")),
                49,
                ext.lazy_page("ui.surveys.page", "SurveysPage"),
            ),
        ),
    )
