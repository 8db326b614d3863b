"""Translated labels of permit states and at-a-glance kinds."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

STATUS = {
    "applied": QT_TRANSLATE_NOOP("RenovationStatus", "Awaiting approval"),
    "approved": QT_TRANSLATE_NOOP("RenovationStatus", "Under way"),
    "rejected": QT_TRANSLATE_NOOP("RenovationStatus", "Rejected"),
    "accepted": QT_TRANSLATE_NOOP("RenovationStatus", "Accepted"),
    "refunded": QT_TRANSLATE_NOOP("RenovationStatus", "Deposit refunded"),
    "cancelled": QT_TRANSLATE_NOOP("RenovationStatus", "Cancelled"),
}

GLANCE = {
    "permit_overdue": QT_TRANSLATE_NOOP("RenovationGlance", "Permit overdue"),
    "permit_expiring": QT_TRANSLATE_NOOP("RenovationGlance", "Permit expiring"),
    "inspection_due": QT_TRANSLATE_NOOP("RenovationGlance", "Inspection due"),
    "violation_overdue": QT_TRANSLATE_NOOP("RenovationGlance", "Violation overdue"),
}


def status_label(status: str) -> str:
    return QCoreApplication.translate("RenovationStatus", STATUS.get(status, status))


def glance_label(kind: str) -> str:
    return QCoreApplication.translate("RenovationGlance", GLANCE.get(kind, kind))
