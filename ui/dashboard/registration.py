"""Navigation entries of the dashboard (first) and notices."""

from __future__ import annotations

from types import ModuleType


def register(ext: ModuleType) -> None:
    """Add the dashboard (order 1) and the notices module to the navigation."""
    from PySide6.QtCore import QT_TRANSLATE_NOOP

    ext.NAV_MODULES.extend(
        [
            ext.NavModule(
                "dashboard",
                QT_TRANSLATE_NOOP("NavModule", "Dashboard"),
                1,
                ext.lazy_page("ui.dashboard.page", "DashboardPage"),  # imported when opened
            ),
            ext.NavModule(
                "notices",
                QT_TRANSLATE_NOOP("NavModule", "Notices"),
                70,
                ext.lazy_page("ui.notices.page", "NoticesPage"),
            ),
        ]
    )
