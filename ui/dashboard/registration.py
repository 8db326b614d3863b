"""Navigation entries of the dashboard (first) and notices."""

from __future__ import annotations

from types import ModuleType


def register(ext: ModuleType) -> None:
    """Add the dashboard (order 1) and the notices module to the navigation."""
    from PySide6.QtCore import QT_TRANSLATE_NOOP

    from ui.dashboard.page import DashboardPage
    from ui.notices.page import NoticesPage

    ext.NAV_MODULES.extend(
        [
            ext.NavModule(
                "dashboard",
                QT_TRANSLATE_NOOP("NavModule", "Dashboard"),
                1,
                lambda ctx: DashboardPage(ctx=ctx),
            ),
            ext.NavModule(
                "notices",
                QT_TRANSLATE_NOOP("NavModule", "Notices"),
                70,
                lambda ctx: NoticesPage(ctx=ctx),
            ),
        ]
    )
