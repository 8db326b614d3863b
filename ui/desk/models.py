"""The desk's list models over SQL (patrols, findings, anomalies, vacant units due,
parcels, visitors, shift entries, shifts). Filtering and sorting happen in SQL."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor
from sqlalchemy import ColumnElement, Row, false, func, select

from propdesk.desk.models import (
    Parcel,
    Patrol,
    PatrolFinding,
    Shift,
    ShiftEntry,
    VacantCheckPlan,
    Visitor,
)
from propdesk.desk.parcels import days_in_storage
from propdesk.desk.patrols import open_anomaly_condition
from propdesk.desk.rules import check_days_overdue, check_is_late, is_long_held
from propdesk.desk.vacant import due_condition
from propdesk.desk.values import EntryStatus, FindingResult, PatrolStatus
from propdesk.privacy import shown_phone
from propdesk.registry.models import Unit
from propdesk.tickets.models import Ticket
from ui.common.sql_table_model import CENTER, RIGHT, SqlColumn, SqlTableModel
from ui.context import AppContext
from ui.desk import labels

ALERT = QColor("#b00020")
WARN_BACKGROUND = QColor("#fdecea")
MUTED = QColor("#777777")
MISSED = QColor("#b26a00")  # checkpoints left unchecked
INSIDE = QColor("#1565c0")  # visitors not signed out


def _count(result: str | None = None) -> Any:
    stmt = select(func.count(PatrolFinding.id)).where(PatrolFinding.patrol_id == Patrol.id)
    if result == "checked":
        stmt = stmt.where(PatrolFinding.result.in_(["normal", "abnormal"]))
    elif result is not None:
        stmt = stmt.where(PatrolFinding.result == result)
    return stmt.scalar_subquery()


class PatrolListModel(SqlTableModel):
    """Patrols, newest first: day, route, who, status, checked/total, abnormal, missed."""

    def __init__(
        self,
        *,
        ctx: AppContext,
        conditions: list[ColumnElement[bool]] | None = None,
        parent: QObject | None = None,
    ) -> None:
        self.ctx = ctx
        self._abnormal = _count("abnormal").label("abnormal_n")
        super().__init__(
            db=ctx.db,
            base=select(Patrol.id).where(*(conditions or [])),
            id_column=Patrol.id,
            columns=[
                SqlColumn(self.tr("Started"), Patrol.started_at, fmt=labels.local_time),
                SqlColumn(self.tr("Route"), Patrol.route_name),
                SqlColumn(self.tr("Patroller"), Patrol.patroller),
                SqlColumn(
                    self.tr("Status"),
                    Patrol.status.label("status"),
                    fmt=lambda v: labels.shown(labels.PATROL_STATUSES, v),
                ),
                SqlColumn(
                    self.tr("Checked"),
                    _count("checked").label("checked_n"),
                    align=RIGHT,
                    sortable=False,
                ),
                SqlColumn(
                    self.tr("Points"), _count().label("total_n"), align=RIGHT, sortable=False
                ),
                SqlColumn(self.tr("Abnormal"), self._abnormal, align=RIGHT, sortable=False),
                SqlColumn(
                    self.tr("Missed"),
                    _count("missed").label("missed_n"),
                    align=RIGHT,
                    sortable=False,
                ),
            ],
            default_order=[Patrol.started_at.desc()],
            parent=parent,
        )

    def row_foreground(self, row: Row[Any]) -> QColor | None:
        if row.abnormal_n:
            return ALERT
        return MISSED if row.missed_n else None

    def row_background(self, row: Row[Any]) -> QColor | None:
        return WARN_BACKGROUND if row.status == PatrolStatus.IN_PROGRESS else None


class FindingsModel(SqlTableModel):
    """One patrol's checkpoints in walking order with their result, note and ticket."""

    def __init__(self, *, ctx: AppContext, patrol_id: int, parent: QObject | None = None) -> None:
        self.ctx = ctx
        self.patrol_id = patrol_id
        super().__init__(
            db=ctx.db,
            base=self._query(patrol_id),
            id_column=PatrolFinding.id,
            columns=[
                SqlColumn("#", PatrolFinding.seq, align=RIGHT),
                SqlColumn(self.tr("Checkpoint"), PatrolFinding.checkpoint_name),
                SqlColumn(self.tr("What to check"), PatrolFinding.what_to_check),
                SqlColumn(
                    self.tr("Result"),
                    PatrolFinding.result.label("result"),
                    align=CENTER,
                    fmt=lambda v: labels.shown(labels.RESULTS, v),
                ),
                SqlColumn(self.tr("Note"), PatrolFinding.note),
                SqlColumn(
                    self.tr("Photo"),
                    PatrolFinding.photo_path,
                    fmt=lambda v: self.tr("yes") if v else "",
                ),
                SqlColumn(self.tr("Ticket"), Ticket.number),
            ],
            default_order=[PatrolFinding.seq],
            parent=parent,
        )

    @staticmethod
    def _query(patrol_id: int) -> Any:
        return (
            select(PatrolFinding.id)
            .outerjoin(Ticket, Ticket.id == PatrolFinding.ticket_id)
            .where(PatrolFinding.patrol_id == patrol_id)
        )

    def show_patrol(self, patrol_id: int) -> None:
        self.patrol_id = patrol_id
        self.set_base(self._query(patrol_id))

    def row_foreground(self, row: Row[Any]) -> QColor | None:
        if row.result in (FindingResult.ABNORMAL, FindingResult.MISSED):
            return ALERT
        return MUTED if row.result == FindingResult.PENDING else None


class AnomalyModel(SqlTableModel):
    """Open patrol anomalies, oldest first."""

    def __init__(self, *, ctx: AppContext, parent: QObject | None = None) -> None:
        self.ctx = ctx
        super().__init__(
            db=ctx.db,
            base=select(PatrolFinding.id)
            .join(Patrol, Patrol.id == PatrolFinding.patrol_id)
            .outerjoin(Ticket, Ticket.id == PatrolFinding.ticket_id)
            .where(open_anomaly_condition()),
            id_column=PatrolFinding.id,
            columns=[
                SqlColumn(self.tr("Found"), PatrolFinding.checked_at, fmt=labels.local_clock),
                SqlColumn(self.tr("Route"), Patrol.route_name),
                SqlColumn(self.tr("Checkpoint"), PatrolFinding.checkpoint_name),
                SqlColumn(self.tr("Finding"), PatrolFinding.note),
                SqlColumn(
                    self.tr("Ticket"),
                    Ticket.number.label("ticket_number"),
                    fmt=lambda v: v or self.tr("not reported"),
                ),
            ],
            default_order=[PatrolFinding.checked_at],
            extra=[PatrolFinding.patrol_id.label("patrol_id")],
            parent=parent,
        )

    def row_foreground(self, row: Row[Any]) -> QColor | None:
        return ALERT if row.ticket_number is None else None


class VacantDueModel(SqlTableModel):
    """Vacant units due for a check on ``today``: never checked first, then the most overdue.

    Empty until :meth:`show_day` gives it the estate's day (read from the session's clock).
    """

    def __init__(self, *, ctx: AppContext, parent: QObject | None = None) -> None:
        self.ctx = ctx
        self.today: date | None = None
        super().__init__(
            db=ctx.db,
            base=self._query(),
            id_column=Unit.id,
            columns=[
                SqlColumn(self.tr("Unit"), Unit.code),
                SqlColumn(
                    self.tr("Last checked"),
                    VacantCheckPlan.last_checked,
                    fmt=lambda v: labels.day_text(v) or self.tr("never"),
                ),
                SqlColumn(
                    self.tr("Due"), VacantCheckPlan.next_due.label("next_due"), fmt=labels.day_text
                ),
                SqlColumn(
                    self.tr("Days overdue"),
                    VacantCheckPlan.next_due.label("overdue_days"),
                    align=RIGHT,
                    fmt=self._overdue_days,
                    sortable=False,
                ),
                SqlColumn(self.tr("Interval (days)"), VacantCheckPlan.interval_days, align=RIGHT),
            ],
            default_order=[VacantCheckPlan.next_due.is_not(None), VacantCheckPlan.next_due],
            parent=parent,
        )

    def _query(self) -> Any:
        condition = due_condition(self.today) if self.today is not None else false()
        return (
            select(Unit.id)
            .outerjoin(VacantCheckPlan, VacantCheckPlan.unit_id == Unit.id)
            .where(condition)
        )

    def _overdue_days(self, due: date | None) -> str:
        days = None if self.today is None else check_days_overdue(due, self.today)
        return "" if days is None else str(days)

    def show_day(self, today: date) -> None:
        """List the units due on ``today`` (the list depends on the day)."""
        self.today = today
        self.set_base(self._query())

    def row_foreground(self, row: Row[Any]) -> QColor | None:
        late = self.today is not None and check_is_late(row.next_due, self.today)
        return ALERT if late else None


class ParcelModel(SqlTableModel):
    """Parcels: waiting ones oldest first; long-held ones stand out in red.

    The day and the hold-days cutoff come from the caller's query (:meth:`show`); until
    then no parcel stands out and no held days are shown.
    """

    def __init__(
        self,
        *,
        ctx: AppContext,
        conditions: list[ColumnElement[bool]] | None = None,
        fetch: bool = True,
        parent: QObject | None = None,
    ) -> None:
        self.ctx = ctx
        self._conditions = list(conditions or [])
        self.today: date | None = None
        self.cutoff: datetime | None = None
        actor = ctx.actor
        super().__init__(
            db=ctx.db,
            base=self._query(),
            id_column=Parcel.id,
            columns=[
                SqlColumn(self.tr("Received"), Parcel.received_at, fmt=labels.local_clock),
                SqlColumn(self.tr("Carrier"), Parcel.carrier),
                SqlColumn(self.tr("Tracking no."), Parcel.tracking_no),
                SqlColumn(self.tr("Unit"), Unit.code),
                SqlColumn(self.tr("Recipient"), Parcel.recipient.label("recipient")),
                SqlColumn(
                    self.tr("Phone"),
                    Parcel.recipient_phone,
                    fmt=lambda v: shown_phone(actor, v),
                ),
                SqlColumn(self.tr("Shelf"), Parcel.shelf),
                SqlColumn(
                    self.tr("Days held"),
                    Parcel.received_at.label("held"),
                    align=RIGHT,
                    row_fmt=self._days_held,
                ),
                SqlColumn(
                    self.tr("Notified"),
                    Parcel.notified_at,
                    fmt=labels.local_clock,
                ),
                SqlColumn(
                    self.tr("Status"),
                    Parcel.status.label("status"),
                    fmt=lambda v: labels.shown(labels.PARCEL_STATUSES, v),
                ),
                SqlColumn(self.tr("Collected by"), Parcel.collected_by),
                SqlColumn(
                    self.tr("Collected"),
                    Parcel.collected_at,
                    fmt=labels.local_clock,
                    name="collected_at",
                ),
            ],
            default_order=[Parcel.received_at],
            fetch=fetch,
            parent=parent,
        )

    def _query(self) -> Any:
        return select(Parcel.id).outerjoin(Unit, Unit.id == Parcel.unit_id).where(*self._conditions)

    def _days_held(self, row: Row[Any]) -> str:
        """Days in storage; counting stops when the parcel was collected or returned."""
        if row.held is None or self.today is None:
            return ""
        return str(days_in_storage(row.held, self.today, row.collected_at))

    def show(
        self,
        *,
        today: date,
        cutoff: datetime,
        conditions: list[ColumnElement[bool]] | None = None,
    ) -> None:
        """Reload with the day, the hold-days cutoff and (optionally) new conditions."""
        self.today = today
        self.cutoff = cutoff
        if conditions is not None:
            self._conditions = list(conditions)
        self.set_base(self._query())

    def set_day(self, *, today: date, cutoff: datetime) -> None:
        """The day and the hold-days cutoff for rows read elsewhere (no reload: the caller
        shows the rows it read with them, :meth:`show_first_batch`)."""
        self.today = today
        self.cutoff = cutoff

    def is_long_held(self, row: Row[Any]) -> bool:
        """Still waiting and received before the hold-days cutoff."""
        return self.cutoff is not None and is_long_held(row.status, row.held, self.cutoff)

    def row_foreground(self, row: Row[Any]) -> QColor | None:
        return ALERT if self.is_long_held(row) else None


class VisitorModel(SqlTableModel):
    """Visitors, newest first; those still inside in bold colour."""

    def __init__(
        self,
        *,
        ctx: AppContext,
        conditions: list[ColumnElement[bool]] | None = None,
        parent: QObject | None = None,
    ) -> None:
        self.ctx = ctx
        actor = ctx.actor
        self._conditions = list(conditions or [])
        super().__init__(
            db=ctx.db,
            base=self._query(),
            id_column=Visitor.id,
            columns=[
                SqlColumn(self.tr("In"), Visitor.in_at, fmt=labels.local_clock),
                SqlColumn(self.tr("Out"), Visitor.out_at.label("out_at"), fmt=labels.local_clock),
                SqlColumn(self.tr("Name"), Visitor.name),
                SqlColumn(self.tr("Phone"), Visitor.phone, fmt=lambda v: shown_phone(actor, v)),
                SqlColumn(self.tr("Visiting"), Unit.code),
                SqlColumn(self.tr("Purpose"), Visitor.purpose),
                SqlColumn(self.tr("People"), Visitor.people, align=RIGHT),
                SqlColumn(self.tr("Registered by"), Visitor.registered_by),
            ],
            default_order=[Visitor.in_at.desc()],
            parent=parent,
        )

    def _query(self) -> Any:
        return (
            select(Visitor.id).outerjoin(Unit, Unit.id == Visitor.unit_id).where(*self._conditions)
        )

    def set_conditions(self, conditions: list[ColumnElement[bool]]) -> None:
        self._conditions = list(conditions)
        self.set_base(self._query())

    def row_foreground(self, row: Row[Any]) -> QColor | None:
        return INSIDE if row.out_at is None else None


class EntryModel(SqlTableModel):
    """A shift's log lines in time order; open items in red."""

    def __init__(
        self,
        *,
        ctx: AppContext,
        conditions: list[ColumnElement[bool]] | None = None,
        parent: QObject | None = None,
    ) -> None:
        self.ctx = ctx
        self._conditions = list(conditions or [ShiftEntry.id < 0])
        super().__init__(
            db=ctx.db,
            base=self._query(),
            id_column=ShiftEntry.id,
            columns=[
                SqlColumn(self.tr("Time"), ShiftEntry.at, fmt=labels.local_clock),
                SqlColumn(
                    self.tr("Kind"),
                    ShiftEntry.kind,
                    fmt=lambda v: labels.shown(labels.ENTRY_KINDS, v),
                ),
                SqlColumn(self.tr("What happened"), ShiftEntry.text),
                SqlColumn(self.tr("Unit"), Unit.code),
                SqlColumn(self.tr("Ticket"), Ticket.number),
                SqlColumn(
                    self.tr("Status"),
                    ShiftEntry.status.label("status"),
                    fmt=lambda v: labels.shown(labels.ENTRY_STATUSES, v),
                ),
                SqlColumn(self.tr("By"), ShiftEntry.by_name),
            ],
            default_order=[ShiftEntry.at],
            parent=parent,
        )

    def _query(self) -> Any:
        return (
            select(ShiftEntry.id)
            .outerjoin(Unit, Unit.id == ShiftEntry.unit_id)
            .outerjoin(Ticket, Ticket.id == ShiftEntry.ticket_id)
            .where(*self._conditions)
        )

    def set_conditions(self, conditions: list[ColumnElement[bool]]) -> None:
        self._conditions = list(conditions)
        self.set_base(self._query())

    def row_foreground(self, row: Row[Any]) -> QColor | None:
        if row.status == EntryStatus.OPEN:
            return ALERT
        return MUTED if row.status in (EntryStatus.DONE, EntryStatus.CARRIED) else None


class ShiftListModel(SqlTableModel):
    """Shifts, newest first: who, from, to, handed over to whom and when."""

    def __init__(self, *, ctx: AppContext, parent: QObject | None = None) -> None:
        self.ctx = ctx
        super().__init__(
            db=ctx.db,
            base=select(Shift.id),
            id_column=Shift.id,
            columns=[
                SqlColumn(self.tr("Started"), Shift.started_at, fmt=labels.local_clock),
                SqlColumn(self.tr("On duty"), Shift.started_by),
                SqlColumn(
                    self.tr("Handed over"),
                    Shift.closed_at,
                    fmt=lambda v: labels.local_clock(v) or self.tr("on duty"),
                ),
                SqlColumn(self.tr("Taken over by"), Shift.acknowledged_by),
            ],
            default_order=[Shift.id.desc()],
            parent=parent,
        )
