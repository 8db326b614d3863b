"""Key custody register (钥匙托管): deposit, lend, return, withdraw; overdue loans stand out.

The list is over SQL (deposits with their open loan, if any); the filter shows keys in
custody, lent out, overdue or all; a search matches the unit code, tag or depositor.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDateTime, QTimeZone
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import ColumnElement, Row, and_, or_, select
from sqlalchemy.orm import Session, aliased

from propdesk.clock import to_local
from propdesk.db.types import utcnow
from propdesk.errors import ValidationError
from propdesk.keys import services as keys
from propdesk.keys.models import KeyDeposit, KeyLoan
from propdesk.registry.models import Unit
from ui.common.sql_table_model import RIGHT, SqlColumn, SqlTableModel
from ui.common.table_view import RecordTableView
from ui.context import AppContext
from ui.desk.unit_picker import UnitPicker
from ui.events import Changes
from ui.renovation.widgets import OVERDUE_COLOR, ServiceDialog, named

D = KeyDeposit
L = aliased(KeyLoan, name="open_loan")
TOPICS = ("keys",)


def _local(at: datetime | None) -> str:
    return to_local(at).strftime("%m-%d %H:%M") if at else ""


def _to_qdatetime(at: datetime) -> QDateTime:
    local = to_local(at)
    return QDateTime.fromSecsSinceEpoch(int(local.timestamp()), QTimeZone(8 * 3600))


def _from_qdatetime(value: QDateTime) -> datetime:
    from datetime import UTC

    return datetime.fromtimestamp(value.toSecsSinceEpoch(), UTC)


class KeyListModel(SqlTableModel):
    """Deposits with their open loan; a loan past its due time is red."""

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            db=ctx.db,
            base=select(D)
            .join(Unit, Unit.id == D.unit_id)
            .outerjoin(L, and_(L.deposit_id == D.id, L.returned_at.is_(None))),
            id_column=D.id,
            columns=[
                SqlColumn(self.tr("Tag"), D.tag_no),
                SqlColumn(self.tr("Unit"), Unit.code),
                SqlColumn(self.tr("Deposited by"), D.deposited_by),
                SqlColumn(self.tr("May collect"), D.authorised),
                SqlColumn(self.tr("Keys"), D.key_count, align=RIGHT),
                SqlColumn(self.tr("Purpose"), D.purpose),
                SqlColumn(self.tr("Deposited"), D.deposited_at, fmt=_local),
                SqlColumn(self.tr("Lent to"), L.borrower),
                SqlColumn(self.tr("Due back"), L.due_at, fmt=_local),
                SqlColumn(self.tr("State"), D.withdrawn_at, row_fmt=self._state, sortable=False),
            ],
            extra=[L.id.label("loan_id"), L.due_at.label("loan_due")],
            default_order=[D.deposited_at.desc()],
            parent=parent,
        )

    def _state(self, row: Row[Any]) -> str:
        if row._c9 is not None:
            return self.tr("Withdrawn")
        if row.loan_id is None:
            return self.tr("At the desk")
        if row.loan_due < utcnow():
            return self.tr("Overdue")
        return self.tr("Lent out")

    def row_foreground(self, row: Row[Any]) -> QColor | None:
        if row.loan_id is not None and row.loan_due < utcnow():
            return OVERDUE_COLOR
        return None


FILTERS = [
    ("custody", str(QT_TRANSLATE_NOOP("KeysPage", "In custody"))),
    ("out", str(QT_TRANSLATE_NOOP("KeysPage", "Lent out"))),
    ("overdue", str(QT_TRANSLATE_NOOP("KeysPage", "Overdue"))),
    ("all", str(QT_TRANSLATE_NOOP("KeysPage", "All"))),
]


class DepositKeyDialog(ServiceDialog):
    """Take a unit's key into custody."""

    topics = TOPICS

    def __init__(
        self, *, ctx: AppContext, unit_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx=ctx, title=self.tr("Deposit a key"), parent=parent)
        self.unit = UnitPicker(ctx=ctx)
        if unit_id is not None:
            from propdesk.registry.services import get_unit

            self.unit.set_unit(unit_id, ctx.read(lambda s: get_unit(s, unit_id).code))
        self.deposited_by = named(QLineEdit(), "deposited_by")
        self.phone = named(QLineEdit(), "phone")
        self.purpose = named(QLineEdit(), "purpose")
        self.authorised = named(QLineEdit(), "authorised")
        self.authorised.setPlaceholderText(self.tr("Names, separated by 、 or commas"))
        self.count = named(QSpinBox(), "key_count")
        self.count.setRange(1, 20)
        e = self.errors
        e.add_row(self.tr("Unit"), "unit_id", self.unit)
        e.add_row(self.tr("Deposited by"), "deposited_by", self.deposited_by)
        e.add_row(self.tr("Phone"), "phone", self.phone)
        e.add_row(self.tr("Purpose"), "purpose", self.purpose)
        e.add_row(self.tr("May collect"), "authorised", self.authorised)
        e.add_row(self.tr("Number of keys"), "key_count", self.count)
        self.unit.picked.connect(self._picked)

    def _picked(self, _uid: int) -> None:
        if self.unit.person_name and not self.deposited_by.text():
            self.deposited_by.setText(self.unit.person_name)
            self.authorised.setText(self.unit.person_name)
        self.deposited_by.setFocus()

    def prepare(self) -> None:
        if self.unit.unit_id is None:
            raise ValidationError("unit_id", self.tr("Choose the unit first."))

    def work(self, session: Session) -> int:
        assert self.unit.unit_id is not None
        return keys.deposit_key(
            session,
            unit_id=self.unit.unit_id,
            deposited_by=self.deposited_by.text(),
            phone=self.phone.text(),
            purpose=self.purpose.text(),
            authorised=self.authorised.text(),
            key_count=self.count.value(),
        )


class LendDialog(ServiceDialog):
    """Lend a key to one of the authorised collectors until a due time, with their signature."""

    topics = TOPICS

    def __init__(
        self,
        *,
        ctx: AppContext,
        deposit_id: int,
        authorised: list[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx=ctx, title=self.tr("Lend key"), parent=parent)
        self.deposit_id = deposit_id
        self.borrower = named(QComboBox(), "borrower")
        self.borrower.setEditable(True)
        self.borrower.addItems(authorised)
        self.phone = named(QLineEdit(), "borrower_phone")
        self.purpose = named(QLineEdit(), "purpose")
        self.due = named(QDateTimeEdit(_to_qdatetime(utcnow() + timedelta(hours=4))), "due_at")
        self.due.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.due.setCalendarPopup(True)
        self.signature = named(QLineEdit(), "signature")
        self.signature.setPlaceholderText(self.tr("The borrower signs with their name"))
        e = self.errors
        e.add_row(self.tr("Borrower"), "borrower", self.borrower)
        e.add_row(self.tr("Phone"), "borrower_phone", self.phone)
        e.add_row(self.tr("Purpose"), "purpose", self.purpose)
        e.add_row(self.tr("Due back"), "due_at", self.due)
        e.add_row(self.tr("Signature"), "signature", self.signature)

    def work(self, session: Session) -> int:
        return keys.lend_key(
            session,
            deposit_id=self.deposit_id,
            borrower=self.borrower.currentText(),
            due_at=_from_qdatetime(self.due.dateTime()),
            signature=self.signature.text(),
            borrower_phone=self.phone.text(),
            purpose=self.purpose.text(),
        )


class ReturnDialog(ServiceDialog):
    """A lent key comes back (who brought it, their signature)."""

    topics = TOPICS

    def __init__(
        self, *, ctx: AppContext, loan_id: int, borrower: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx=ctx, title=self.tr("Key returned"), parent=parent)
        self.loan_id = loan_id
        self.returned_by = named(QLineEdit(borrower), "returned_by")
        self.signature = named(QLineEdit(), "signature")
        self.errors.add_row(self.tr("Returned by"), "returned_by", self.returned_by)
        self.errors.add_row(self.tr("Signature"), "signature", self.signature)

    def work(self, session: Session) -> None:
        keys.return_key(
            session,
            loan_id=self.loan_id,
            returned_by=self.returned_by.text(),
            signature=self.signature.text(),
        )


class WithdrawDialog(ServiceDialog):
    """The resident takes the key back for good."""

    topics = TOPICS

    def __init__(self, *, ctx: AppContext, deposit_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx=ctx, title=self.tr("Key withdrawn"), parent=parent)
        self.deposit_id = deposit_id
        self.withdrawn_by = named(QLineEdit(), "withdrawn_by")
        self.errors.add_row(self.tr("Collected by"), "withdrawn_by", self.withdrawn_by)

    def work(self, session: Session) -> None:
        keys.withdraw_key(
            session, deposit_id=self.deposit_id, withdrawn_by=self.withdrawn_by.text()
        )


class KeysPage(QWidget):
    """The register with its actions.

    Attributes:
        show_combo, search, model, table, summary, deposit_button, lend_button,
        return_button, withdraw_button, dialog.
    """

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dialog: ServiceDialog | None = None
        self.show_combo = named(QComboBox(), "key_filter")
        for key, text in FILTERS:
            self.show_combo.addItem(QCoreApplication.translate("KeysPage", text), key)
        self.search = named(QLineEdit(), "key_search")
        self.search.setPlaceholderText(self.tr("Unit, tag or depositor"))
        self.summary = named(QLabel(), "key_summary")
        self.model = KeyListModel(ctx=ctx, parent=self)
        self.table = RecordTableView()
        self.table.setObjectName("key_table")
        self.table.setModel(self.model)
        self.deposit_button = named(QPushButton(self.tr("Deposit key… (Ctrl+N)")), "deposit_key")
        self.lend_button = named(QPushButton(self.tr("Lend…")), "lend_key")
        self.return_button = named(QPushButton(self.tr("Returned…")), "return_key")
        self.withdraw_button = named(QPushButton(self.tr("Withdrawn by owner…")), "withdraw_key")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show")))
        top.addWidget(self.show_combo)
        top.addWidget(self.search, 1)
        top.addWidget(self.summary)
        actions = QHBoxLayout()
        for b in (self.deposit_button, self.lend_button, self.return_button, self.withdraw_button):
            actions.addWidget(b)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        self.show_combo.currentIndexChanged.connect(self.apply_filter)
        self.search.textChanged.connect(self.apply_filter)
        self.deposit_button.clicked.connect(self.deposit)
        self.lend_button.clicked.connect(self.lend)
        self.return_button.clicked.connect(self.give_back)
        self.withdraw_button.clicked.connect(self.withdraw)
        self.table.opened.connect(lambda _id: self.lend_or_return())
        QShortcut(QKeySequence("Ctrl+N"), self, self.deposit)
        ctx.hub.changed.connect(self._changed)
        self.apply_filter()

    def show_only(self, key: str) -> None:
        """Show one of :data:`FILTERS` (``custody``/``out``/``overdue``/``all``), search cleared."""
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        index = self.show_combo.findData(key)
        if index < 0:
            raise ValueError(key)
        self.show_combo.blockSignals(True)
        self.show_combo.setCurrentIndex(index)
        self.show_combo.blockSignals(False)
        self.apply_filter()

    def apply_filter(self) -> None:
        key = str(self.show_combo.currentData())
        conditions: list[ColumnElement[bool]] = []
        if key == "custody":
            conditions.append(D.withdrawn_at.is_(None))
        elif key == "out":
            conditions.append(L.id.is_not(None))
        elif key == "overdue":
            conditions.append(and_(L.id.is_not(None), L.due_at < utcnow()))
        text = self.search.text().strip()
        if text:
            conditions.append(
                or_(
                    Unit.code.contains(text, autoescape=True),
                    D.tag_no.contains(text, autoescape=True),
                    D.deposited_by.contains(text, autoescape=True),
                )
            )
        self.model.set_filter(*conditions)
        self.table.resizeColumnsToContents()
        out = self.ctx.read(lambda s: keys.keys_out(s, now=utcnow()))
        late = sum(1 for k in out if k.overdue)
        self.summary.setText(
            self.tr("%1 lent out, %2 overdue").replace("%1", str(len(out))).replace("%2", str(late))
        )

    def _changed(self, changes: Changes) -> None:
        if "keys" in changes:
            self.apply_filter()

    def _current(self) -> Row[Any] | None:
        index = self.table.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def _open(self, dialog: ServiceDialog) -> None:
        self.dialog = dialog
        dialog.open()

    def deposit(self) -> None:
        self._open(DepositKeyDialog(ctx=self.ctx, parent=self))

    def lend_or_return(self) -> None:
        row = self._current()
        if row is not None:
            (self.give_back if row.loan_id is not None else self.lend)()

    def lend(self) -> None:
        row = self._current()
        if row is None or row._c9 is not None or row.loan_id is not None:
            return
        names = list(keys.authorised_names(row._c3))
        self._open(LendDialog(ctx=self.ctx, deposit_id=row._row_id, authorised=names, parent=self))

    def give_back(self) -> None:
        row = self._current()
        if row is None or row.loan_id is None:
            return
        self._open(
            ReturnDialog(ctx=self.ctx, loan_id=row.loan_id, borrower=row._c7 or "", parent=self)
        )

    def withdraw(self) -> None:
        row = self._current()
        if row is not None and row._c9 is None:
            self._open(WithdrawDialog(ctx=self.ctx, deposit_id=row._row_id, parent=self))


def overdue_keys_text(ctx: AppContext) -> str:
    """Status bar: keys not returned by their due time ("" when none)."""
    n = ctx.read(lambda s: keys.count_keys_overdue(s, now=utcnow()))
    if not n:
        return ""
    return QCoreApplication.translate("KeysStatusBar", "Keys overdue: %1").replace("%1", str(n))
