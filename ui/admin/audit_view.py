"""The audit log viewer: read-only, filtered in SQL by table/record, user and dates.

Rows come through :class:`ui.common.sql_table_model.SqlTableModel` (batches, SQL sort);
the base query is :func:`propdesk.audit.queries.audit_base`, which refuses roles without
``VIEW_AUDIT``. There is no edit or delete anywhere here. Every write adds to the audit log,
so the viewer reloads after any change while shown, and only marks itself stale while hidden
(reloading when shown again).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from propdesk.audit.labels import user_label
from propdesk.audit.models import AuditEntry
from propdesk.audit.queries import (
    AuditFilter,
    audit_base,
    audit_conditions,
    audited_tables,
    describe_changes,
    shown_changes,
    table_label,
)
from propdesk.audit.trail import ACTION_LABELS_ZH
from propdesk.auth.actor import Actor
from propdesk.changes import Changes
from propdesk.clock import to_local
from ui.common.count_label import CountLabel
from ui.common.sql_table_model import SqlColumn, SqlTableModel
from ui.common.table_view import RecordTableView
from ui.context import AppContext

_NO_DATE = QDate(2000, 1, 1)


def _local_time(value: Any) -> str:
    return f"{to_local(value):%Y-%m-%d %H:%M:%S}" if value is not None else ""


class AuditModel(SqlTableModel):
    """Audit rows, newest first; changes decoded and masked for the viewing role."""

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        actor: Actor = ctx.actor

        def changes(row: Any) -> str:
            shown = shown_changes(actor, str(row.changes or ""))
            return describe_changes(shown, str(row.table_name), str(row.action))

        super().__init__(
            db=ctx.db,
            base=audit_base(actor),
            id_column=AuditEntry.id,
            columns=[
                SqlColumn(self.tr("Time"), AuditEntry.at, fmt=_local_time),
                SqlColumn(self.tr("User"), AuditEntry.username, fmt=lambda v: user_label(str(v))),
                SqlColumn(
                    self.tr("Action"),
                    AuditEntry.action,
                    fmt=lambda v: ACTION_LABELS_ZH.get(str(v), str(v)),
                    name="action",
                ),
                SqlColumn(
                    self.tr("Table"), AuditEntry.table_name, fmt=table_label, name="table_name"
                ),
                SqlColumn(self.tr("Record"), AuditEntry.record_id),
                SqlColumn(
                    self.tr("Changes (old → new)"),
                    AuditEntry.changes,
                    row_fmt=changes,
                    name="changes",
                    sortable=False,
                ),
            ],
            default_order=[AuditEntry.at.desc(), AuditEntry.id.desc()],
            parent=parent,
        )


def _date_edit(name: str) -> QDateEdit:
    edit = QDateEdit()
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(_NO_DATE)
    edit.setSpecialValueText("—")
    edit.setDate(_NO_DATE)
    return edit


def _py_date(edit: QDateEdit) -> date | None:
    d = edit.date()
    return None if d == _NO_DATE else date(d.year(), d.month(), d.day())


class AuditViewer(QDialog):
    """Filter bar (table, record id, user, from, to) above the audit table.

    Attributes:
        model: the :class:`AuditModel`; view: the table; count: the "N entries" label.
    """

    def __init__(
        self,
        *,
        ctx: AppContext,
        table_name: str = "",
        record_id: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Audit log"))
        self.resize(1100, 600)
        self.model = AuditModel(ctx=ctx, parent=self)
        self.table = QComboBox()
        self.table.setObjectName("table")
        self.table.addItem(self.tr("All tables"), "")
        self.record = QLineEdit(record_id)
        self.record.setObjectName("record")
        self.record.setPlaceholderText(self.tr("record id"))
        self.user = QLineEdit()
        self.user.setObjectName("user")
        self.user.setPlaceholderText(self.tr("username"))
        self.date_from = _date_edit("date_from")
        self.date_to = _date_edit("date_to")
        self.apply_button = QPushButton(self.tr("&Filter"))
        self.apply_button.setDefault(True)
        self.apply_button.clicked.connect(self.apply_filter)
        self.clear_button = QPushButton(self.tr("&Clear"))
        self.clear_button.setAutoDefault(False)
        self.clear_button.clicked.connect(self.clear_filter)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Table")))
        bar.addWidget(self.table)
        bar.addWidget(self.record)
        bar.addWidget(self.user)
        bar.addWidget(QLabel(self.tr("From")))
        bar.addWidget(self.date_from)
        bar.addWidget(QLabel(self.tr("To")))
        bar.addWidget(self.date_to)
        bar.addWidget(self.apply_button)
        bar.addWidget(self.clear_button)
        self.view = RecordTableView()
        self.view.setModel(self.model)
        for column, width in enumerate((150, 90, 90, 150, 70)):
            self.view.setColumnWidth(column, width)
        self.count = CountLabel(
            ctx=ctx, text=lambda n: self.tr("%1 entries").replace("%1", f"{n:,}")
        )
        note = QLabel(self.tr("The audit log is read-only: nobody can change or delete entries."))
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        footer = QHBoxLayout()
        footer.addWidget(self.count)
        footer.addStretch(1)
        footer.addWidget(note)
        layout.addLayout(footer)
        self._stale = False
        ctx.hub.changed.connect(self._changed)
        if table_name:
            self._select_table(table_name)
        self.apply_filter()
        ctx.query(audited_tables, parent=self, action="list audited tables").success(
            self._tables_loaded
        ).run()

    def _select_table(self, name: str) -> None:
        index = self.table.findData(name)
        if index < 0:
            self.table.addItem(table_label(name), name)
            index = self.table.count() - 1
        self.table.setCurrentIndex(index)

    def _tables_loaded(self, names: list[str]) -> None:
        current = str(self.table.currentData() or "")
        self.table.blockSignals(True)
        self.table.clear()
        self.table.addItem(self.tr("All tables"), "")
        for name in names:
            self.table.addItem(table_label(name), name)
        if current:
            self._select_table(current)
        self.table.blockSignals(False)

    def _changed(self, changes: Changes) -> None:
        if changes.empty:
            return
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def reload(self) -> None:
        """Read the entries again with the same filter (new writes show at the top)."""
        self._stale = False
        self.model.refresh()
        self.count.update_for(self.model)

    def current_filter(self) -> AuditFilter:
        return AuditFilter(
            table_name=str(self.table.currentData() or ""),
            record_id=self.record.text().strip(),
            username=self.user.text().strip(),
            date_from=_py_date(self.date_from),
            date_to=_py_date(self.date_to),
        )

    def apply_filter(self) -> None:
        self._stale = False
        self.model.set_filter(*audit_conditions(self.current_filter()))
        self.count.update_for(self.model)

    def clear_filter(self) -> None:
        self.table.setCurrentIndex(0)
        self.record.clear()
        self.user.clear()
        self.date_from.setDate(_NO_DATE)
        self.date_to.setDate(_NO_DATE)
        self.apply_filter()
