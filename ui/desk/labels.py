"""Shown names of desk codes (English source strings, Chinese in desk_zh_CN.ts)."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication

from propdesk.clock import to_local

_CTX = "DeskLabels"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation in ``context`` and return it unchanged (a typed twin of
    PySide6's, whose stub returns ``object``)."""
    return text


AREAS: dict[str, str] = {
    "lobby": QT_TRANSLATE_NOOP("DeskLabels", "Lobby"),
    "elevator": QT_TRANSLATE_NOOP("DeskLabels", "Elevators"),
    "fire": QT_TRANSLATE_NOOP("DeskLabels", "Fire equipment"),
    "garage": QT_TRANSLATE_NOOP("DeskLabels", "Garage"),
    "roof": QT_TRANSLATE_NOOP("DeskLabels", "Roof"),
    "plant": QT_TRANSLATE_NOOP("DeskLabels", "Plant room"),
    "vacant": QT_TRANSLATE_NOOP("DeskLabels", "Vacant unit"),
    "other": QT_TRANSLATE_NOOP("DeskLabels", "Other"),
}
RESULTS: dict[str, str] = {
    "pending": QT_TRANSLATE_NOOP("DeskLabels", "Not checked"),
    "normal": QT_TRANSLATE_NOOP("DeskLabels", "Normal"),
    "abnormal": QT_TRANSLATE_NOOP("DeskLabels", "Abnormal"),
    "missed": QT_TRANSLATE_NOOP("DeskLabels", "Missed"),
}
PATROL_STATUSES: dict[str, str] = {
    "in_progress": QT_TRANSLATE_NOOP("DeskLabels", "In progress"),
    "finished": QT_TRANSLATE_NOOP("DeskLabels", "Finished"),
}
ENTRY_KINDS: dict[str, str] = {
    "event": QT_TRANSLATE_NOOP("DeskLabels", "Event"),
    "inquiry": QT_TRANSLATE_NOOP("DeskLabels", "Call or visit"),
    "incident": QT_TRANSLATE_NOOP("DeskLabels", "Incident"),
    "reminder": QT_TRANSLATE_NOOP("DeskLabels", "To do"),
}
ENTRY_STATUSES: dict[str, str] = {
    "info": QT_TRANSLATE_NOOP("DeskLabels", "Noted"),
    "open": QT_TRANSLATE_NOOP("DeskLabels", "Open"),
    "done": QT_TRANSLATE_NOOP("DeskLabels", "Done"),
    "carried": QT_TRANSLATE_NOOP("DeskLabels", "Handed over"),
}
HANDOVER_KINDS: dict[str, str] = {
    "ticket": QT_TRANSLATE_NOOP("DeskLabels", "Ticket"),
    "key": QT_TRANSLATE_NOOP("DeskLabels", "Key"),
    "parcel": QT_TRANSLATE_NOOP("DeskLabels", "Parcel"),
    "anomaly": QT_TRANSLATE_NOOP("DeskLabels", "Patrol anomaly"),
    "inspection": QT_TRANSLATE_NOOP("DeskLabels", "Inspection"),
    "vacant": QT_TRANSLATE_NOOP("DeskLabels", "Vacant unit"),
    "entry": QT_TRANSLATE_NOOP("DeskLabels", "Shift item"),
}
PARCEL_STATUSES: dict[str, str] = {
    "waiting": QT_TRANSLATE_NOOP("DeskLabels", "Waiting"),
    "collected": QT_TRANSLATE_NOOP("DeskLabels", "Collected"),
    "returned": QT_TRANSLATE_NOOP("DeskLabels", "Returned"),
}


def shown(table: dict[str, str], code: str | None) -> str:
    """The translated name of ``code`` in ``table`` (the code itself if unknown)."""
    source = table.get(code or "")
    return QCoreApplication.translate(_CTX, source) if source else (code or "")


def local_time(at: datetime | None) -> str:
    """A UTC time as the desk's local ``YYYY-MM-DD HH:MM``."""
    return to_local(at).strftime("%Y-%m-%d %H:%M") if at else ""


def local_clock(at: datetime | None) -> str:
    """A UTC time as the desk's local ``MM-DD HH:MM``."""
    return to_local(at).strftime("%m-%d %H:%M") if at else ""


def day_text(day: date | None) -> str:
    return day.isoformat() if day else ""


def yes_no(ok: bool | None) -> str:
    if ok is None:
        return ""
    return (
        QCoreApplication.translate(_CTX, "OK")
        if ok
        else QCoreApplication.translate(_CTX, "Problem")
    )
