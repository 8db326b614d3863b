"""``date`` ↔ ``QDate`` for date editors (services take plain ``datetime.date`` values)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate


def to_qdate(day: date) -> QDate:
    """``day`` as a QDate (to set a QDateEdit)."""
    return QDate(day.year, day.month, day.day)


def from_qdate(value: QDate) -> date:
    """A QDateEdit's QDate as a ``date``."""
    return date(value.year(), value.month(), value.day())
