"""Translated labels of permit states and at-a-glance kinds."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

STATUS = {
    "applied": str(QT_TRANSLATE_NOOP("RenovationStatus", "Awaiting approval")),
    "approved": str(QT_TRANSLATE_NOOP("RenovationStatus", "Under way")),
    "rejected": str(QT_TRANSLATE_NOOP("RenovationStatus", "Rejected")),
    "accepted": str(QT_TRANSLATE_NOOP("RenovationStatus", "Accepted")),
    "refunded": str(QT_TRANSLATE_NOOP("RenovationStatus", "Deposit refunded")),
    "cancelled": str(QT_TRANSLATE_NOOP("RenovationStatus", "Cancelled")),
}

GLANCE = {
    "permit_overdue": str(QT_TRANSLATE_NOOP("RenovationGlance", "Permit overdue")),
    "permit_expiring": str(QT_TRANSLATE_NOOP("RenovationGlance", "Permit expiring")),
    "inspection_due": str(QT_TRANSLATE_NOOP("RenovationGlance", "Inspection due")),
    "violation_overdue": str(QT_TRANSLATE_NOOP("RenovationGlance", "Violation overdue")),
}


def status_label(status: str) -> str:
    return QCoreApplication.translate("RenovationStatus", STATUS.get(status, status))


def glance_label(kind: str) -> str:
    return QCoreApplication.translate("RenovationGlance", GLANCE.get(kind, kind))
