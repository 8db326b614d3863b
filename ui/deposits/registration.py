"""The deposit ledger's navigation entry."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ui import extensions as ext


def feature() -> ext.Feature:
    """Add the deposit ledger (押金台账) to the navigation and a deposits panel to the unit page."""
    return ext.Feature(
        "deposits",
        nav=(
            ext.NavModule(
                "deposits",
                str(QT_TRANSLATE_NOOP("NavModule", "Deposits")),
                45,
                ext.lazy_page("ui.deposits.page", "DepositsPage"),
            ),
        ),
        unit_panels=(
            ext.RecordPanel(
                "deposits",
                45,
                ext.lazy_panel("ui.deposits.unit_panel", "UnitDepositsPanel", "unit_id"),
            ),
        ),
    )
