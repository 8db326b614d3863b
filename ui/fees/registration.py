"""The fee module's entries in the main window (called from :mod:`ui.registrations`)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from sqlalchemy.orm import Session

from propdesk.fees.arrears_summary import ArrearsSummary
from ui import extensions as ext


def _count_arrears(session: Session) -> ArrearsSummary:
    from propdesk.fees.arrears_summary import arrears_summary

    return arrears_summary(session, min_days=31)


def _arrears_text(summary: ArrearsSummary) -> str:
    from propdesk.fees.money import yuan

    if not summary.units:
        return ""
    return QCoreApplication.translate("FeesStatus", "Arrears >30 days: {n} units, ¥{owed}").format(
        n=summary.units, owed=yuan(summary.owed_fen)
    )


def feature() -> ext.Feature:
    """Add the Fees navigation entry, the unit panel and the status counter."""
    nav: list[ext.NavModule] = []
    menu: list[ext.MenuAction] = []
    unit_panels: list[ext.RecordPanel] = []
    counters: list[ext.StatusCounter] = []
    nav.append(
        ext.NavModule(
            "fees",
            str(QT_TRANSLATE_NOOP("NavModule", "Fees")),
            40,
            ext.lazy_page("ui.fees.page", "FeesPage"),  # imported when first opened
            shortcut="F6",
        )
    )
    unit_panels.append(
        ext.RecordPanel("fees", 20, ext.lazy_panel("ui.fees.unit_panel", "ArrearsPanel", "unit_id"))
    )
    counters.append(
        ext.StatusCounter("arrears", lambda c: c.fees or c.payments, _count_arrears, _arrears_text)
    )
    return ext.Feature(
        "fees",
        nav=tuple(nav),
        menu=tuple(menu),
        unit_panels=tuple(unit_panels),
        counters=tuple(counters),
    )
