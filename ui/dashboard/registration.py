"""Navigation entries of the dashboard (first) and notices."""

from __future__ import annotations

from ui import extensions as ext


def feature() -> ext.Feature:
    """Add the dashboard (order 1) and the notices module to the navigation."""
    nav: list[ext.NavModule] = []
    menu: list[ext.MenuAction] = []
    unit_panels: list[ext.RecordPanel] = []
    counters: list[ext.StatusCounter] = []
    from PySide6.QtCore import QT_TRANSLATE_NOOP

    nav.extend(
        [
            ext.NavModule(
                "dashboard",
                str(QT_TRANSLATE_NOOP("NavModule", "Dashboard")),
                1,
                ext.lazy_page("ui.dashboard.page", "DashboardPage"),  # imported when opened
            ),
            ext.NavModule(
                "notices",
                str(QT_TRANSLATE_NOOP("NavModule", "Notices")),
                70,
                ext.lazy_page("ui.notices.page", "NoticesPage"),
            ),
        ]
    )
    return ext.Feature(
        "dashboard",
        nav=tuple(nav),
        menu=tuple(menu),
        unit_panels=tuple(unit_panels),
        counters=tuple(counters),
    )
