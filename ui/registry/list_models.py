"""SQL table models of the registry: all people, and the units of one building."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor
from sqlalchemy import ColumnElement, Row, and_, false, func, or_, select

from propdesk.auth.actor import Actor
from propdesk.db.engine import Database
from propdesk.privacy import shown_phone
from propdesk.registry.models import Building, Occupancy, Person, Unit, UnitStatus
from propdesk.registry.personal import phone_condition
from ui.common.sql_table_model import CENTER, RIGHT, SqlColumn, SqlTableModel
from ui.registry import labels

_ASCII = re.compile(r"^[A-Za-z]+$")
_UNIT_PREFIX = re.compile(r"^[0-9A-Za-z]{1,4}-[0-9-]*$")


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def people_filter(text: str) -> ColumnElement[bool] | None:
    """The WHERE for the people list's filter box: name, pinyin initials, phone digits or unit."""
    q = text.strip()
    if not q:
        return None
    if _UNIT_PREFIX.match(q):
        current_at_unit = (
            select(Occupancy.person_id)
            .join(Unit, Unit.id == Occupancy.unit_id)
            .where(Unit.code.like(_escape(q) + "%", escape="\\"), Occupancy.end_date.is_(None))
        )
        return Person.id.in_(current_at_unit)
    if q.isdigit():
        phone = phone_condition(q)  # the last 4 digits or the whole number
        return phone if phone is not None else false()
    if _ASCII.match(q):
        low = _escape(q.lower()) + "%"
        first = q[0].lower()
        return and_(
            # both ways the pinyin starts with the first letter: a range on the list's own
            # pinyin index, so "zs" reads the z… names, not the whole index (122 → ms)
            Person.name_pinyin >= first,
            Person.name_pinyin < first + "\uffff",
            or_(
                Person.name_initials.like(low, escape="\\"),
                Person.name_pinyin.like(low, escape="\\"),
            ),
        )
    return Person.name.contains(q, autoescape=True)


def _units_text(row: Row[Any]) -> str:
    """``3-2-1502 (+1)``: the first current unit and how many more."""
    if row.first_unit is None:
        return ""
    more = int(row.unit_count or 0) - 1
    return f"{row.first_unit} (+{more})" if more > 0 else str(row.first_unit)


class PeopleModel(SqlTableModel):
    """Every person: name, phone (masked for the actor), current units.

    Sorting by Units orders by the first current unit's code (people without one first
    when ascending), through the indexed ``person.unit_sort``.
    """

    def __init__(self, *, db: Database, actor: Actor, parent: QObject | None = None) -> None:
        current = (Occupancy.person_id == Person.id) & Occupancy.end_date.is_(None)
        first_unit = (
            select(func.min(Unit.code))
            .join(Occupancy, Occupancy.unit_id == Unit.id)
            .where(current)
            .scalar_subquery()
        )
        unit_count = (
            select(func.count(func.distinct(Occupancy.unit_id))).where(current).scalar_subquery()
        )
        super().__init__(
            db=db,
            base=select(Person),
            id_column=Person.id,
            columns=[
                # by pinyin, as clerks look names up (安娜, 李四, 张三), on its own index
                SqlColumn(self.tr("Name"), Person.name, sort_expr=Person.name_pinyin),
                SqlColumn(
                    self.tr("Phone"),
                    Person.phone,
                    fmt=lambda v: shown_phone(actor, v),
                    sortable=False,  # stored encrypted: SQL cannot order it
                ),
                SqlColumn(
                    self.tr("Units"),
                    first_unit.label("first_unit"),
                    row_fmt=_units_text,
                    # the same value kept on the person and indexed (the correlated MIN
                    # would take ~300 ms to sort 100,000 people); see registry.unit_sort
                    sort_expr=Person.unit_sort,
                ),
                SqlColumn(self.tr("Notes"), Person.notes, sortable=False),
            ],
            default_order=[Person.name_pinyin, Person.name],
            extra=[unit_count.label("unit_count")],
            parent=parent,
        )

    def set_text(self, text: str) -> None:
        """Filter by the text typed in the filter box."""
        where = people_filter(text)
        if where is None:
            self.set_filter()
        else:
            self.set_filter(where)


class UnitsModel(SqlTableModel):
    """The units of one building (or every unit): code, floor, area, type, status, occupants."""

    def __init__(
        self, *, db: Database, building_id: int | None = None, parent: QObject | None = None
    ) -> None:
        occupants = (
            select(func.min(Person.name))
            .join(Occupancy, Occupancy.person_id == Person.id)
            .where(Occupancy.unit_id == Unit.id, Occupancy.end_date.is_(None))
            .scalar_subquery()
        )
        self.building_id = building_id
        super().__init__(
            db=db,
            base=self._base_for(building_id),
            id_column=Unit.id,
            columns=[
                SqlColumn(self.tr("Unit"), Unit.code, sort_expr=Unit.code),
                SqlColumn(self.tr("Floor"), Unit.floor, align=CENTER),
                SqlColumn(self.tr("Area"), Unit.area_centi, align=RIGHT, fmt=labels.area),
                SqlColumn(self.tr("Type"), Unit.unit_type, fmt=labels.unit_type),
                SqlColumn(self.tr("Status"), Unit.status, fmt=labels.unit_status),
                SqlColumn(self.tr("Occupant"), occupants.label("occupant")),
            ],
            default_order=[Building.sort_key, Building.code, Unit.entrance, Unit.floor, Unit.room],
            extra=[Unit.status.label("unit_status")],
            parent=parent,
        )

    @staticmethod
    def _base_for(building_id: int | None) -> Any:
        base = select(Unit).join(Building, Building.id == Unit.building_id)
        if building_id is not None:
            base = base.where(Unit.building_id == building_id)
        return base

    def set_building(self, building_id: int | None) -> None:
        self.building_id = building_id
        self.set_base(self._base_for(building_id))

    def set_text(self, text: str, status: str = "") -> None:
        """Filter by unit code / room digits and, optionally, a status code."""
        conditions: list[ColumnElement[bool]] = []
        q = text.strip()
        if q:
            pattern = "%" + _escape(q) + "%"
            conditions.append(Unit.code.like(pattern, escape="\\"))
        if status:
            conditions.append(Unit.status == status)
        self.set_filter(*conditions)

    def row_foreground(self, row: Row[Any]) -> QColor | None:
        return QColor("#7a7a7a") if row.unit_status == UnitStatus.VACANT else None
