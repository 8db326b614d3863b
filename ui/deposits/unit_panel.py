"""The unit page's panel: the unit's deposits (押金) and what is still held.

It reloads on the database worker after fees, renovation or keys changed (a deposit is
taken or refunded through them), or when next shown if it was hidden then.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from propdesk.changes import Changes
from propdesk.deposits.queries import deposit_rows
from propdesk.deposits.values import DepositRow
from propdesk.fees.money import yuan
from ui.context import AppContext
from ui.renovation.widgets import StaleGuard, named


class UnitDepositsPanel(QGroupBox):
    """One line per deposit of the unit: receipt, kind, amount, held, status.

    Attributes: text (the lines shown), rows (the deposits last loaded).
    """

    def __init__(self, *, ctx: AppContext, unit_id: int, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Deposits"), parent)
        self.ctx = ctx
        self.unit_id = unit_id
        self.rows: list[DepositRow] = []
        self.text = named(QLabel(), "unit_deposits")
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        QVBoxLayout(self).addWidget(self.text)
        self._stale = StaleGuard(self, self.refresh)
        ctx.hub.changed.connect(self._changed)  # a bound slot: dropped with the widget
        self.refresh()

    def _changed(self, changes: Changes) -> None:
        if changes.fees or changes.renovation or changes.keys:
            self._stale.changed()

    def refresh(self) -> None:
        """Reload the unit's deposits (on the database worker)."""
        unit_id = self.unit_id

        def read(s: Session) -> list[DepositRow]:
            return deposit_rows(s, unit_id=unit_id)

        self.ctx.query(read, parent=self, action="unit deposits").success(self._show).run()

    def _show(self, rows: list[DepositRow]) -> None:
        self.rows = rows
        if not rows:
            self.text.setText(self.tr("No deposits."))
            return
        self.text.setText(
            "\n".join(
                self.tr("%1  %2  %3: ¥%4, held ¥%5 (%6)")
                .replace("%1", r.received_on.isoformat())
                .replace("%2", r.receipt_no)
                .replace("%3", r.kind_zh)
                .replace("%4", yuan(r.amount_fen))
                .replace("%5", yuan(r.held_fen))
                .replace("%6", r.status_zh)
                for r in rows
            )
        )
