"""Key custody register (钥匙托管): deposit, lend, return, withdraw; overdue loans stand out.

The list is over SQL (deposits with their open loan, if any); the filter shows keys in
custody, lent out, overdue or all; a search matches the unit code, tag or depositor. When a
loan is overdue is the core's rule (:mod:`propdesk.keys.rules`); due times are edited in the
estate's time zone.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QDateTime, QTime, QTimeZone
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

from propdesk import clock
from propdesk.changes import Changes
from propdesk.errors import ValidationError
from propdesk.keys import services as keys
from propdesk.keys.models import KeyDeposit, KeyLoan
from propdesk.keys.rules import KeyCounts, key_counts, loan_overdue, overdue_loan_clause
from propdesk.registry.models import Unit
from ui.care.banner import banner_on_top
from ui.common.filter_box import FilterBox
from ui.common.record_context import RecordUnit, unit_of_record
from ui.common.sql_table_model import RIGHT, SqlColumn, SqlTableModel
from ui.common.table_view import RecordTableView
from ui.context import AppContext
from ui.desk.unit_picker import UnitPicker
from ui.keys.requests import KeysRequest
from ui.navigation import ForRecord
from ui.renovation.widgets import OVERDUE_COLOR, ServiceDialog, StaleGuard, Work, named

D = KeyDeposit
L = aliased(KeyLoan, name="open_loan")
CHANGES = Changes(keys=True)


def _local(at: datetime | None) -> str:
    return clock.to_local(at).strftime("%m-%d %H:%M") if at else ""


def to_qdatetime(at: datetime) -> QDateTime:
    """An aware time as the estate's wall time, for a QDateTimeEdit.

    The QDateTime only carries the wall date and time (in a UTC spec, so neither the
    workstation's zone nor its daylight saving shifts it); :func:`from_qdatetime` reads it
    back in the estate's zone.
    """
    local = clock.to_local(at)
    return QDateTime(
        QDate(local.year, local.month, local.day),
        QTime(local.hour, local.minute),
        QTimeZone.utc(),
    )


def from_qdatetime(value: QDateTime) -> datetime:
    """The estate's wall time in a QDateTimeEdit as an aware UTC time."""
    d, t = value.date(), value.time()
    return clock.local_datetime(
        date(d.year(), d.month(), d.day()), time(t.hour(), t.minute())
    ).astimezone(UTC)


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
            extra=[
                L.id.label("loan_id"),
                L.due_at.label("loan_due"),
                L.borrower.label("borrower"),
                D.authorised.label("authorised"),
                D.withdrawn_at.label("withdrawn_at"),
            ],
            default_order=[D.deposited_at.desc()],
            parent=parent,
        )

    @staticmethod
    def overdue(row: Row[Any]) -> bool:
        return row.loan_id is not None and loan_overdue(row.loan_due, clock.now())

    def _state(self, row: Row[Any]) -> str:
        if row.withdrawn_at is not None:
            return self.tr("Withdrawn")
        if row.loan_id is None:
            return self.tr("At the desk")
        if self.overdue(row):
            return self.tr("Overdue")
        return self.tr("Lent out")

    def row_foreground(self, row: Row[Any]) -> QColor | None:
        return OVERDUE_COLOR if self.overdue(row) else None


FILTERS = [
    ("custody", str(QT_TRANSLATE_NOOP("KeysPage", "In custody"))),
    ("out", str(QT_TRANSLATE_NOOP("KeysPage", "Lent out"))),
    ("overdue", str(QT_TRANSLATE_NOOP("KeysPage", "Overdue"))),
    ("all", str(QT_TRANSLATE_NOOP("KeysPage", "All"))),
]


def _unit_code(unit_id: int) -> Work:
    def read(session: Session) -> str:
        from propdesk.registry.services import get_unit

        return get_unit(session, unit_id).code

    return read


class DepositKeyDialog(ServiceDialog):
    """Take a unit's key into custody."""

    changes = CHANGES

    def __init__(
        self, *, ctx: AppContext, unit_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx=ctx, title=self.tr("Deposit a key"), parent=parent)
        self.unit = UnitPicker(ctx=ctx)
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
        if unit_id is not None:
            ctx.query(_unit_code(unit_id), parent=self).success(
                lambda code: self.unit.set_unit(unit_id, code)
            ).run()

    def _picked(self, _uid: int) -> None:
        if self.unit.person_name and not self.deposited_by.text():
            self.deposited_by.setText(self.unit.person_name)
            self.authorised.setText(self.unit.person_name)
        self.deposited_by.setFocus()

    def action(self) -> Work:
        unit_id = self.unit.unit_id
        if unit_id is None:
            raise ValidationError("unit_id", self.tr("Choose the unit first."))
        deposited_by, phone = self.deposited_by.text(), self.phone.text()
        purpose, authorised = self.purpose.text(), self.authorised.text()
        key_count = self.count.value()
        return lambda s: keys.deposit_key(
            s,
            unit_id=unit_id,
            deposited_by=deposited_by,
            phone=phone,
            purpose=purpose,
            authorised=authorised,
            key_count=key_count,
        )


class LendDialog(ServiceDialog):
    """Lend a key to one of the authorised collectors until a due time, with their signature.

    The due time is edited as the estate's local time (four hours from now by default).
    """

    changes = CHANGES

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
        self.due = named(QDateTimeEdit(to_qdatetime(clock.now() + timedelta(hours=4))), "due_at")
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
        self.care = banner_on_top(
            self, ctx=ctx, unit_of=lambda s: s.scalar(select(D.unit_id).where(D.id == deposit_id))
        )

    def due_at(self) -> datetime:
        """The due time typed, as an aware UTC time."""
        return from_qdatetime(self.due.dateTime())

    def action(self) -> Work:
        deposit_id, due_at = self.deposit_id, self.due_at()
        borrower, signature = self.borrower.currentText(), self.signature.text()
        phone, purpose = self.phone.text(), self.purpose.text()
        return lambda s: keys.lend_key(
            s,
            deposit_id=deposit_id,
            borrower=borrower,
            due_at=due_at,
            signature=signature,
            borrower_phone=phone,
            purpose=purpose,
        )


class ReturnDialog(ServiceDialog):
    """A lent key comes back (who brought it, their signature)."""

    changes = CHANGES

    def __init__(
        self, *, ctx: AppContext, loan_id: int, borrower: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx=ctx, title=self.tr("Key returned"), parent=parent)
        self.loan_id = loan_id
        self.returned_by = named(QLineEdit(borrower), "returned_by")
        self.signature = named(QLineEdit(), "signature")
        self.errors.add_row(self.tr("Returned by"), "returned_by", self.returned_by)
        self.errors.add_row(self.tr("Signature"), "signature", self.signature)
        self.care = banner_on_top(
            self,
            ctx=ctx,
            unit_of=lambda s: s.scalar(
                select(D.unit_id)
                .join(KeyLoan, KeyLoan.deposit_id == D.id)
                .where(KeyLoan.id == loan_id)
            ),
        )

    def action(self) -> Work:
        loan_id, returned_by, signature = (
            self.loan_id,
            self.returned_by.text(),
            self.signature.text(),
        )
        return lambda s: keys.return_key(
            s, loan_id=loan_id, returned_by=returned_by, signature=signature
        )


class WithdrawDialog(ServiceDialog):
    """The resident takes the key back for good."""

    changes = CHANGES

    def __init__(self, *, ctx: AppContext, deposit_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx=ctx, title=self.tr("Key withdrawn"), parent=parent)
        self.deposit_id = deposit_id
        self.withdrawn_by = named(QLineEdit(), "withdrawn_by")
        self.errors.add_row(self.tr("Collected by"), "withdrawn_by", self.withdrawn_by)

    def action(self) -> Work:
        deposit_id, withdrawn_by = self.deposit_id, self.withdrawn_by.text()
        return lambda s: keys.withdraw_key(s, deposit_id=deposit_id, withdrawn_by=withdrawn_by)


class KeysPage(QWidget):
    """The register with its actions.

    Opened with a :class:`ui.keys.requests.KeysRequest` (:meth:`apply_request`) it shows that
    filter, e.g. only the overdue loans for the dashboard's "keys lent late" tile. Hidden, it
    only marks itself stale when keys change and reloads when shown again.

    Attributes:
        show_combo, search, model, table, summary, deposit_button, lend_button,
        return_button, withdraw_button, dialog, counts (the last summary figures).
    """

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dialog: ServiceDialog | None = None
        self.counts: KeyCounts | None = None
        self.show_combo = named(QComboBox(), "key_filter")
        for key, text in FILTERS:
            self.show_combo.addItem(QCoreApplication.translate("KeysPage", text), key)
        self.summary = named(QLabel(), "key_summary")
        self.model = KeyListModel(ctx=ctx, parent=self)
        self.table = RecordTableView()
        self.table.setObjectName("key_table")
        self.table.setModel(self.model)
        # Down in the search moves into the list, where Enter lends or takes back the key
        self.search = named(FilterBox(view=self.table), "key_search")
        self.search.setPlaceholderText(self.tr("Unit, tag or depositor"))
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
        self._stale = StaleGuard(self, self.apply_filter)
        ctx.hub.changed.connect(self._changed)  # a bound slot: dropped with the widget
        self.apply_filter()

    def apply_request(self, request: object) -> None:
        """Show what ``request`` (a :class:`KeysRequest`) asks for."""
        if not isinstance(request, KeysRequest):
            raise TypeError(f"KeysPage cannot apply {request!r}")
        index = self.show_combo.findData(request.show)
        if index < 0:
            raise ValueError(request.show)
        for w in (self.search, self.show_combo):
            w.blockSignals(True)
        self.search.setText(request.search)
        self.show_combo.setCurrentIndex(index)
        for w in (self.search, self.show_combo):
            w.blockSignals(False)
        self.apply_filter()

    def primary_field(self) -> QWidget:
        """Where the focus goes when the page is shown: the search (not the filter combo,
        where Down would change the filter)."""
        return self.search

    def filter_field(self) -> QWidget:
        return self.search

    def apply_record(self, record: ForRecord) -> None:
        """Started from a unit or person page: every key of that unit (in custody or lent)."""

        def show(found: RecordUnit) -> None:
            if found.unit_id is not None:
                self.apply_request(KeysRequest(show="all", search=found.code))

        kind, record_id = record.kind, record.id
        self.ctx.query(
            lambda s: unit_of_record(s, kind, record_id), parent=self, action="record unit"
        ).success(show).run()

    def filter_conditions(self) -> list[ColumnElement[bool]]:
        key = str(self.show_combo.currentData())
        conditions: list[ColumnElement[bool]] = []
        if key == "custody":
            conditions.append(D.withdrawn_at.is_(None))
        elif key == "out":
            conditions.append(L.id.is_not(None))
        elif key == "overdue":
            conditions.append(overdue_loan_clause(clock.now(), L))
        text = self.search.text().strip()
        if text:
            conditions.append(
                or_(
                    Unit.code.contains(text, autoescape=True),
                    D.tag_no.contains(text, autoescape=True),
                    D.deposited_by.contains(text, autoescape=True),
                )
            )
        return conditions

    def apply_filter(self) -> None:
        self.model.set_filter(*self.filter_conditions())
        self.table.resizeColumnsToContents()
        self.ctx.query(
            lambda s: key_counts(s, now=clock.now(s)), parent=self, action="count keys"
        ).success(self._show_counts).run()

    def _show_counts(self, counts: KeyCounts) -> None:
        self.counts = counts
        self.summary.setText(
            self.tr("%1 lent out, %2 overdue")
            .replace("%1", str(counts.out))
            .replace("%2", str(counts.overdue))
        )

    def _changed(self, changes: Changes) -> None:
        if changes.keys:
            self._stale.changed()

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
        if row is None or row.withdrawn_at is not None or row.loan_id is not None:
            return
        names = list(keys.authorised_names(row.authorised))
        self._open(LendDialog(ctx=self.ctx, deposit_id=row._row_id, authorised=names, parent=self))

    def give_back(self) -> None:
        row = self._current()
        if row is None or row.loan_id is None:
            return
        self._open(
            ReturnDialog(
                ctx=self.ctx, loan_id=row.loan_id, borrower=row.borrower or "", parent=self
            )
        )

    def withdraw(self) -> None:
        row = self._current()
        if row is not None and row.withdrawn_at is None:
            self._open(WithdrawDialog(ctx=self.ctx, deposit_id=row._row_id, parent=self))


def count_overdue_keys(session: Session) -> int:
    """Keys not returned by their due time, now (a COUNT: run it on the worker)."""
    return key_counts(session, now=clock.now(session)).overdue


def overdue_keys_label(count: int) -> str:
    """Status bar text for ``count`` overdue keys ("" when none)."""
    if not count:
        return ""
    return QCoreApplication.translate("KeysStatusBar", "Keys overdue: %1").replace("%1", str(count))
