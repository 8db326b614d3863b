"""The unit page's panel: the unit's renovation permits and the keys the desk holds for it.

It reloads (on the database worker) after renovation or keys changed, or when next shown if
it was hidden then."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.changes import Changes
from propdesk.keys.services import DepositInfo, KeyOut, keys_out, unit_deposits
from propdesk.renovation.queries import unit_permits
from propdesk.renovation.values import GlanceRow
from ui.context import AppContext
from ui.renovation.dialogs import ApplicationDialog
from ui.renovation.labels import status_label
from ui.renovation.widgets import ServiceDialog, StaleGuard, named

PanelData = tuple[list[GlanceRow], list[DepositInfo], list[KeyOut]]


class RenovationKeysPanel(QGroupBox):
    """Permits (state, period, open violations) and keys in custody (lent out, overdue).

    Attributes: permits_text, keys_text, apply_button, deposit_button, dialog.
    """

    def __init__(self, *, ctx: AppContext, unit_id: int, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Renovation and keys"), parent)
        self.ctx = ctx
        self.unit_id = unit_id
        self.dialog: ServiceDialog | None = None
        self.permits_text = named(QLabel(), "unit_permits")
        self.permits_text.setTextFormat(Qt.TextFormat.PlainText)
        self.permits_text.setWordWrap(True)
        self.keys_text = named(QLabel(), "unit_keys")
        self.keys_text.setTextFormat(Qt.TextFormat.PlainText)
        self.keys_text.setWordWrap(True)
        self.apply_button = QPushButton(self.tr("Renovation application…"))
        self.deposit_button = QPushButton(self.tr("Deposit a key…"))
        self.apply_button.clicked.connect(self.apply)
        self.deposit_button.clicked.connect(self.deposit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.apply_button)
        buttons.addWidget(self.deposit_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.permits_text)
        layout.addWidget(self.keys_text)
        layout.addLayout(buttons)
        self._stale = StaleGuard(self, self.refresh)
        ctx.hub.changed.connect(self._changed)  # a bound slot: dropped with the widget
        self.refresh()

    def _changed(self, changes: Changes) -> None:
        if changes.renovation or changes.keys:
            self._stale.changed()

    def refresh(self) -> None:
        """Reload the permits and keys (on the database worker)."""
        unit_id = self.unit_id

        def read(s: Session) -> PanelData:
            return (
                unit_permits(s, unit_id),
                unit_deposits(s, unit_id),
                keys_out(s, now=clock.now(s), unit_id=unit_id),
            )

        self.ctx.query(read, parent=self, action="unit renovation and keys").success(
            self._show
        ).run()

    def _show(self, data: PanelData) -> None:
        permits, deposits, out = data
        if permits:
            self.permits_text.setText(
                "\n".join(f"{p.permit_no}  {status_label(p.kind)}  {p.what}" for p in permits[:5])
            )
        else:
            self.permits_text.setText(self.tr("No renovation on record."))
        held = [d for d in deposits if d.withdrawn_at is None]
        lines = [
            self.tr("Key %1 (%2 keys) from %3; may collect: %4")
            .replace("%1", d.tag_no)
            .replace("%2", str(d.key_count))
            .replace("%3", d.deposited_by)
            .replace("%4", "、".join(d.authorised))
            for d in held
        ]
        for k in out:
            due = clock.to_local(k.due_at).strftime("%m-%d %H:%M")
            line = self.tr("  lent to %1, due %2").replace("%1", k.borrower).replace("%2", due)
            lines.append(line + (self.tr(" — OVERDUE") if k.overdue else ""))
        self.keys_text.setText(
            "\n".join(lines) if lines else self.tr("No keys held for this unit.")
        )
        late = any(k.overdue for k in out)
        self.keys_text.setStyleSheet("color: #b00020;" if late else "")

    def apply(self) -> None:
        self.dialog = ApplicationDialog(ctx=self.ctx, unit_id=self.unit_id, parent=self)
        self.dialog.open()

    def deposit(self) -> None:
        from ui.keys.page import DepositKeyDialog

        self.dialog = DepositKeyDialog(ctx=self.ctx, unit_id=self.unit_id, parent=self)
        self.dialog.open()
