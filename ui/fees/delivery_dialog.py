"""Confirm that a notice or reminder letter reached the household by hand or by post.

A letter printed is logged when it is printed or saved; one handed over (or posted) later is
confirmed here, with its channel and number, so the next level can follow
(:func:`propdesk.fees.notices.confirm_delivery`).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from propdesk import clock
from propdesk.changes import Changes
from propdesk.errors import DomainError
from propdesk.fees.notices import CHANNEL_ZH, LEVEL_ZH, confirm_delivery
from ui.common.dates import from_qdate as pydate
from ui.common.dates import to_qdate as qdate
from ui.common.forms import ERROR_STYLE
from ui.common.keyboard import install_dialog_keys
from ui.context import AppContext


class DeliveryDialog(QDialog):
    """Record one letter or notice as delivered (by hand or post) on a unit.

    Attributes:
        document: which letter level (or the payment notice).
        channel: 当面送达 / 邮寄.
        day, number: when, and the letter's number (optional).
    """

    def __init__(
        self, *, ctx: AppContext, unit_id: int, unit_code: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.unit_id = unit_id
        self.setWindowTitle(self.tr("Confirm delivery – {0}").format(unit_code))
        self.document = QComboBox(self)
        for level, zh in LEVEL_ZH.items():
            self.document.addItem(zh, ("reminder", level))
        self.document.addItem("缴费通知单", ("notice", 0))
        self.channel = QComboBox(self)
        for key in ("hand", "post"):
            self.channel.addItem(CHANNEL_ZH[key], key)
        self.day = QDateEdit(self)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.number = QLineEdit(self)
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        form = QFormLayout(self)
        form.addRow(self.tr("&Document:"), self.document)
        form.addRow(self.tr("&How:"), self.channel)
        form.addRow(self.tr("D&ate:"), self.day)
        form.addRow(self.tr("&Number (if any):"), self.number)
        form.addRow(self.error)
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = box.button(QDialogButtonBox.StandardButton.Save)
        box.accepted.connect(self.save)
        box.rejected.connect(self.reject)
        form.addRow(box)
        self.keys = install_dialog_keys(self, submit=self.save, default=self.ok_button)
        ctx.query(clock.today, parent=self).success(self._today).run()

    def _today(self, day: date) -> None:
        self.day.setDate(qdate(day))
        self.keys.mark_clean()  # today's date is the form's default, not typed input

    def save(self) -> None:
        """Record the delivery; the dialog closes only when it was saved."""
        kind, level = self.document.currentData()
        channel, day, number = str(self.channel.currentData()), pydate(self.day.date()), ""
        number = self.number.text().strip()
        unit_id = self.unit_id

        def failed(exc: BaseException) -> bool:
            if isinstance(exc, DomainError):
                self.error.setText(str(exc))
                return True
            return False

        self.ctx.op(
            lambda s: confirm_delivery(
                s,
                unit_id=unit_id,
                kind=str(kind),
                level=int(level),
                doc_no=number,
                channel=channel,
                on=day,
            ),
            changes=Changes(fees=True),
            parent=self,
            action="confirm delivery",
        ).busy(self.ok_button).success(lambda _r: self.accept()).failure(failed).run()
