"""Shown names of ticket codes (English source strings, Chinese in tickets_zh_CN.ts)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from propdesk.clock import to_local

_CTX = "TicketLabels"

KINDS: dict[str, str] = {
    "repair": str(QT_TRANSLATE_NOOP("TicketLabels", "Repair")),
    "complaint": str(QT_TRANSLATE_NOOP("TicketLabels", "Complaint")),
    "inquiry": str(QT_TRANSLATE_NOOP("TicketLabels", "Inquiry")),
    "suggestion": str(QT_TRANSLATE_NOOP("TicketLabels", "Suggestion")),
}
SOURCES: dict[str, str] = {
    "phone": str(QT_TRANSLATE_NOOP("TicketLabels", "Phone")),
    "walk_in": str(QT_TRANSLATE_NOOP("TicketLabels", "Walk-in")),
    "patrol": str(QT_TRANSLATE_NOOP("TicketLabels", "Patrol")),
    "inspection": str(QT_TRANSLATE_NOOP("TicketLabels", "Inspection")),
    "visit": str(QT_TRANSLATE_NOOP("TicketLabels", "Household visit")),
    "survey": str(QT_TRANSLATE_NOOP("TicketLabels", "Satisfaction survey")),
    "other": str(QT_TRANSLATE_NOOP("TicketLabels", "Other")),
}
STATUSES: dict[str, str] = {
    "received": str(QT_TRANSLATE_NOOP("TicketLabels", "Received")),
    "dispatched": str(QT_TRANSLATE_NOOP("TicketLabels", "Dispatched")),
    "in_progress": str(QT_TRANSLATE_NOOP("TicketLabels", "In progress")),
    "done": str(QT_TRANSLATE_NOOP("TicketLabels", "Done")),
    "called_back": str(QT_TRANSLATE_NOOP("TicketLabels", "Called back")),
    "closed": str(QT_TRANSLATE_NOOP("TicketLabels", "Closed")),
    "cancelled": str(QT_TRANSLATE_NOOP("TicketLabels", "Cancelled")),
}
URGENCIES: dict[str, str] = {
    "normal": str(QT_TRANSLATE_NOOP("TicketLabels", "Normal")),
    "high": str(QT_TRANSLATE_NOOP("TicketLabels", "High")),
    "emergency": str(QT_TRANSLATE_NOOP("TicketLabels", "Emergency")),
}
DEPARTMENTS: dict[str, str] = {
    "engineering": str(QT_TRANSLATE_NOOP("TicketLabels", "Engineering")),
    "cleaning": str(QT_TRANSLATE_NOOP("TicketLabels", "Cleaning")),
    "security": str(QT_TRANSLATE_NOOP("TicketLabels", "Security")),
    "service": str(QT_TRANSLATE_NOOP("TicketLabels", "Customer service")),
}
ACTIONS: dict[str, str] = {
    "create": str(QT_TRANSLATE_NOOP("TicketActions", "Registered")),
    "dispatch": str(QT_TRANSLATE_NOOP("TicketActions", "Dispatched")),
    "start": str(QT_TRANSLATE_NOOP("TicketActions", "Started")),
    "complete": str(QT_TRANSLATE_NOOP("TicketActions", "Completed")),
    "callback": str(QT_TRANSLATE_NOOP("TicketActions", "Called back")),
    "reopen": str(QT_TRANSLATE_NOOP("TicketActions", "Reopened after callback")),
    "close": str(QT_TRANSLATE_NOOP("TicketActions", "Closed")),
    "cancel": str(QT_TRANSLATE_NOOP("TicketActions", "Cancelled")),
    "note": str(QT_TRANSLATE_NOOP("TicketActions", "Note")),
    "quality_check": str(QT_TRANSLATE_NOOP("TicketActions", "Quality check")),
    "findings": str(QT_TRANSLATE_NOOP("TicketActions", "Complaint findings")),
    "costs": str(QT_TRANSLATE_NOOP("TicketActions", "Paid-service costs")),
    "attach": str(QT_TRANSLATE_NOOP("TicketActions", "Attachment")),
}
COST_KINDS: dict[str, str] = {
    "labour": str(QT_TRANSLATE_NOOP("TicketLabels", "Labour")),
    "material": str(QT_TRANSLATE_NOOP("TicketLabels", "Material")),
}


def shown(table: dict[str, str], code: str | None) -> str:
    """The translated name of ``code`` in ``table`` (the code itself if unknown)."""
    source = table.get(code or "")
    return QCoreApplication.translate(_CTX, source) if source else (code or "")


def action(code: str | None) -> str:
    """The translated name of a timeline action."""
    source = ACTIONS.get(code or "")
    return QCoreApplication.translate("TicketActions", source) if source else (code or "")


def overdue_text() -> str:
    return QCoreApplication.translate("TicketLabels", "Overdue")


def local_time(at: datetime | None) -> str:
    """A UTC time as the desk's local ``YYYY-MM-DD HH:MM``."""
    return to_local(at).strftime("%Y-%m-%d %H:%M") if at else ""


def minutes_text(minutes: int) -> str:
    """``90`` → ``1.5 h``; ``30`` → ``30 min``."""
    if minutes % 60 == 0:
        return QCoreApplication.translate("TicketLabels", "%1 h").replace("%1", str(minutes // 60))
    if minutes < 60:
        return QCoreApplication.translate("TicketLabels", "%1 min").replace("%1", str(minutes))
    return QCoreApplication.translate("TicketLabels", "%1 h").replace("%1", f"{minutes / 60:.1f}")
