"""English source labels (translated with tr) of the call desk's enums."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDateTime

from propdesk import clock

TOPICS: dict[str, str] = {
    "consultation": str(QT_TRANSLATE_NOOP("CallLabels", "Consultation")),
    "repair": str(QT_TRANSLATE_NOOP("CallLabels", "Repair")),
    "complaint": str(QT_TRANSLATE_NOOP("CallLabels", "Complaint")),
    "suggestion": str(QT_TRANSLATE_NOOP("CallLabels", "Suggestion")),
    "praise": str(QT_TRANSLATE_NOOP("CallLabels", "Praise")),
    "other": str(QT_TRANSLATE_NOOP("CallLabels", "Other")),
}
OUTCOMES: dict[str, str] = {
    "answered": str(QT_TRANSLATE_NOOP("CallLabels", "Answered")),
    "ticket": str(QT_TRANSLATE_NOOP("CallLabels", "Ticket made")),
    "transferred": str(QT_TRANSLATE_NOOP("CallLabels", "Transferred")),
    "callback": str(QT_TRANSLATE_NOOP("CallLabels", "Callback needed")),
    "no_answer": str(QT_TRANSLATE_NOOP("CallLabels", "No answer")),
    "missed": str(QT_TRANSLATE_NOOP("CallLabels", "Missed")),
}
OUTAGE_KINDS: dict[str, str] = {
    "water": str(QT_TRANSLATE_NOOP("CallLabels", "Water")),
    "power": str(QT_TRANSLATE_NOOP("CallLabels", "Power")),
    "elevator": str(QT_TRANSLATE_NOOP("CallLabels", "Lift")),
    "gas": str(QT_TRANSLATE_NOOP("CallLabels", "Gas")),
}
TICKET_KIND_OF_TOPIC = {
    "repair": "repair",
    "complaint": "complaint",
    "consultation": "inquiry",
    "suggestion": "suggestion",
}


def shown(table: dict[str, str], key: str) -> str:
    source = table.get(key)
    return QCoreApplication.translate("CallLabels", source) if source else key


def to_qdatetime(at: datetime) -> QDateTime:
    """An aware time as the estate's local wall time for a QDateTimeEdit."""
    local = clock.to_local(at).replace(tzinfo=None, microsecond=0)
    return QDateTime(local)


def from_qdatetime(value: QDateTime) -> datetime:
    """A QDateTimeEdit's wall time as an aware time in the estate's zone."""
    local = value.toPython()
    assert isinstance(local, datetime)
    return local.replace(tzinfo=clock.estate_zone())
