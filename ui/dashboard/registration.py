"""Navigation entries of the dashboard (first) and notices; the Reports menu's Excel exports."""

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
    # Every Excel export is reachable from the app (Reports menu), not only the command line.
    for order, title, name in (
        (10, QT_TRANSLATE_NOOP("MenuAction", "Fee collection sheet (Excel)…"), "menu_fee_sheet"),
        (11, QT_TRANSLATE_NOOP("MenuAction", "Arrears sheet (Excel)…"), "menu_arrears_sheet"),
        (12, QT_TRANSLATE_NOOP("MenuAction", "Arrears call list (Excel)…"), "menu_call_list"),
        (13, QT_TRANSLATE_NOOP("MenuAction", "Prepaid balances (Excel)…"), "menu_prepaid"),
    ):
        menu.append(
            ext.MenuAction("reports", str(title), order, ext.lazy("ui.dashboard.exports", name))
        )
    return ext.Feature(
        "dashboard",
        nav=tuple(nav),
        menu=tuple(menu),
        unit_panels=tuple(unit_panels),
        counters=tuple(counters),
    )
