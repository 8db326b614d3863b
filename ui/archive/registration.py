"""The household archive's entries: the 档案 page and the unit page's archive panel."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ui import extensions as ext


def feature() -> ext.Feature:
    return ext.Feature(
        "archive",
        nav=(
            ext.NavModule(
                "archive",
                str(QT_TRANSLATE_NOOP("NavModule", "Archive")),
                48,
                ext.lazy_page("ui.archive.page", "ArchivePage"),
            ),
        ),
        unit_panels=(
            ext.RecordPanel(
                "archive",
                65,
                ext.lazy_panel("ui.archive.unit_panel", "UnitArchivePanel", "unit_id"),
            ),
        ),
    )
