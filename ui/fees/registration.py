"""The fee module's entries in the main window (called from :mod:`ui.registrations`)."""

from __future__ import annotations

from types import ModuleType

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ui.context import AppContext


def _arrears_counter(ctx: AppContext) -> str:
    from propdesk.fees.arrears import arrears_list
    from propdesk.fees.money import yuan

    rows = ctx.read(lambda s: arrears_list(s, min_days=31))
    if not rows:
        return ""
    return QCoreApplication.translate("FeesStatus", "Arrears >30 days: {n} units, ¥{owed}").format(
        n=len(rows), owed=yuan(sum(r.owed_fen for r in rows))
    )


def register(ext: ModuleType) -> None:
    """Add the Fees navigation entry, the unit panel and the status counter."""
    ext.NAV_MODULES.append(
        ext.NavModule(
            "fees",
            QT_TRANSLATE_NOOP("NavModule", "Fees"),
            40,
            ext.lazy_page("ui.fees.page", "FeesPage"),  # imported when first opened
            shortcut="F6",
        )
    )
    ext.UNIT_PANELS.append(
        ext.RecordPanel("fees", 20, ext.lazy_panel("ui.fees.unit_panel", "ArrearsPanel", "unit_id"))
    )
    ext.STATUS_COUNTERS.append(
        ext.StatusCounter("arrears", frozenset({"fees", "payments"}), _arrears_counter)
    )
