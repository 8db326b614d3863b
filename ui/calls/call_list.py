"""The list of calls (通话记录): every call, newest first, fetched in batches as the clerk
scrolls; the filter (number tail, unit, caller, words; topic; direction) runs in SQL."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QTableView, QVBoxLayout, QWidget
from sqlalchemy import Row

from propdesk import clock
from propdesk.calls.models import CallRecord
from propdesk.calls.queries import call_filter, call_list_base
from propdesk.changes import Changes
from propdesk.privacy import shown_phone
from propdesk.registry.models import Unit
from propdesk.tickets.models import Ticket
from ui.calls import labels
from ui.common.naming import named
from ui.common.sql_table_model import SqlColumn, SqlTableModel
from ui.context import AppContext


class CallListModel(SqlTableModel):
    """Calls over SQL, newest first (``fetchMore`` in batches of 200)."""

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        actor = ctx.actor

        def when(row: Row[Any]) -> str:
            return f"{clock.to_local(row.at):%Y-%m-%d %H:%M}"

        super().__init__(
            db=ctx.db,
            base=call_list_base(),
            id_column=CallRecord.id,
            columns=[
                SqlColumn(self.tr("Time"), CallRecord.at.label("at"), row_fmt=when),
                SqlColumn(
                    self.tr("In/out"),
                    CallRecord.direction,
                    fmt=lambda v: "↘" if v == "in" else "↗",
                ),
                SqlColumn(
                    self.tr("Number"),
                    CallRecord.number,
                    fmt=lambda v: shown_phone(actor, v),
                    sortable=False,  # stored encrypted: SQL cannot order it
                ),
                SqlColumn(self.tr("Caller"), CallRecord.caller_name),
                SqlColumn(self.tr("Unit"), Unit.code),
                SqlColumn(
                    self.tr("Topic"), CallRecord.topic, fmt=lambda v: labels.shown(labels.TOPICS, v)
                ),
                SqlColumn(self.tr("Summary"), CallRecord.summary, sortable=False),
                SqlColumn(
                    self.tr("Outcome"),
                    CallRecord.outcome,
                    fmt=lambda v: labels.shown(labels.OUTCOMES, v),
                ),
                SqlColumn(self.tr("Ticket"), Ticket.number),
                SqlColumn(self.tr("Clerk"), CallRecord.clerk_name),
            ],
            default_order=[CallRecord.at.desc()],
            parent=parent,
        )


class CallListView(QWidget):
    """The filter row and the call table. Hidden, it reloads only when shown again."""

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._stale = False
        self.filter = named(QLineEdit(), "calls_filter")
        self.filter.setPlaceholderText(self.tr("Last 4 digits, unit, caller or words"))
        self.topic = named(QComboBox(), "calls_topic_filter")
        self.topic.addItem(self.tr("All topics"), "")
        for key in labels.TOPICS:
            self.topic.addItem(labels.shown(labels.TOPICS, key), key)
        self.direction = named(QComboBox(), "calls_direction_filter")
        self.direction.addItem(self.tr("In and out"), "")
        self.direction.addItem(self.tr("Incoming"), "in")
        self.direction.addItem(self.tr("Outgoing"), "out")
        self.model = CallListModel(ctx=ctx, parent=self)
        self.table = named(QTableView(), "calls_table")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 140)
        self.table.setColumnWidth(6, 260)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        row = QHBoxLayout()
        row.addWidget(self.filter, 1)
        row.addWidget(self.topic)
        row.addWidget(self.direction)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.apply_filter)
        self.filter.textChanged.connect(lambda _t: self._timer.start())
        self.topic.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.direction.currentIndexChanged.connect(lambda _i: self.apply_filter())
        ctx.hub.changed.connect(self._changed)

    def apply_filter(self) -> None:
        self._timer.stop()
        self.model.set_filter(
            call_filter(
                self.filter.text(), str(self.topic.currentData()), str(self.direction.currentData())
            )
        )

    def _changed(self, changes: Changes) -> None:
        if not changes.calls:
            return
        if self.isVisible():
            self.model.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.model.refresh()
