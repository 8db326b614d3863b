"""Post a one-off charge from the catalogue (临停, 装修管理费, 门禁卡工本费…) in one action.

The dialog takes a request key when it opens: Enter pressed twice, a double click or a
retry posts one charge (:func:`propdesk.fees.standards.post_catalogue_charge`). It
closes only when the charge is posted; a refusal is shown next to its field.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from propdesk.changes import Changes
from propdesk.errors import ValidationError
from propdesk.fees.money import yuan
from propdesk.fees.standards import (
    CatalogueEntry,
    catalogue,
    new_request_key,
    post_catalogue_charge,
)
from ui.common.forms import FormErrors
from ui.common.keyboard import install_dialog_keys
from ui.context import AppContext


class CatalogueChargeDialog(QDialog):
    """Attributes: ``item`` (combo of catalogue entries), ``quantity``, ``note``, ``ok``,
    ``errors``, ``posted_line_id`` (after success)."""

    def __init__(self, *, ctx: AppContext, unit_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.unit_id = unit_id
        self.request_key = new_request_key()  # one form, one charge
        self.posted_line_id: int | None = None
        self.setWindowTitle(self.tr("One-off charge"))
        self.item = QComboBox(self)
        self.quantity = QSpinBox(self)
        self.quantity.setRange(1, 999)
        self.note = QLineEdit(self)
        form = QFormLayout()
        self.errors = FormErrors(form)
        self.errors.add_row(self.tr("&Charge:"), "item_id", self.item)
        self.errors.add_row(self.tr("&Quantity:"), "quantity", self.quantity)
        self.errors.add_row(self.tr("&Note:"), "description", self.note)
        form.addRow(self.errors.general)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert ok is not None
        self.ok = ok
        self.ok.setText(self.tr("&Post charge"))
        buttons.accepted.connect(self.post)
        buttons.rejected.connect(self.reject)
        self.keys = install_dialog_keys(self, default=ok)  # pressed once, while enabled
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.item.setFocus()
        ctx.query(catalogue, parent=self, action="charge catalogue").success(self._show).run()

    def _show(self, entries: list[CatalogueEntry]) -> None:
        for e in entries:
            price = self.tr("no rate") if e.price_fen is None else f"¥{yuan(e.price_fen)}"
            self.item.addItem(f"{e.name}  {price}", e.item_id)
        self.item.setFocus()

    def post(self) -> None:
        """Post the charge (Enter or the button); the dialog closes only when it is posted."""
        if not self.ok.isEnabled():
            return
        self.errors.clear()
        item_id = self.item.currentData()
        if item_id is None:
            self.errors.show(
                ValidationError(
                    "item_id", self.tr("The catalogue is empty: set it up under Fee standards.")
                )
            )
            return
        unit_id, key = self.unit_id, self.request_key
        quantity, note = self.quantity.value(), self.note.text()

        def work(s: Session) -> int:
            return post_catalogue_charge(
                s,
                unit_id=unit_id,
                item_id=int(item_id),
                request_key=key,
                quantity=quantity,
                note=note,
            )

        def done(line_id: int) -> None:
            self.posted_line_id = line_id
            self.accept()

        self.ctx.op(
            work, changes=Changes(fees=True), parent=self, action="post one-off charge"
        ).busy(self.ok).success(done).failure(self.errors.handle).run()
