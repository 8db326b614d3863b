"""A "Change history…" button on the unit and person pages (roles with ``VIEW_AUDIT``):
opens the audit log filtered to that record."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget
from shiboken6 import isValid

from propdesk.auth.permissions import Permission
from ui.context import AppContext


class HistoryButton(QWidget):
    """Holds one button; invisible for roles that may not read the audit log.

    Attributes:
        button: the "Change history…" button; viewer: the last viewer opened while it is
        open (None once closed: it deletes itself on close).
    """

    def __init__(
        self, *, ctx: AppContext, table_name: str, record_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.table_name = table_name
        self.record_id = record_id
        self._viewer: QWidget | None = None
        self.button = QPushButton(self.tr("Change histor&y…"))
        self.button.setObjectName("history_button")
        self.button.clicked.connect(self.open_history)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addStretch(1)
        layout.addWidget(self.button)
        self.refresh()

    @property
    def viewer(self) -> QWidget | None:
        viewer = self._viewer
        return viewer if viewer is not None and isValid(viewer) else None

    def refresh(self) -> None:
        self.setVisible(self.ctx.can(Permission.VIEW_AUDIT))

    def open_history(self) -> None:
        from ui.admin.audit_view import AuditViewer

        viewer = AuditViewer(
            ctx=self.ctx, table_name=self.table_name, record_id=str(self.record_id), parent=self
        )
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        viewer.show()
        self._viewer = viewer


def unit_history(ctx: AppContext, unit_id: int) -> QWidget:
    """``UNIT_PANELS`` factory."""
    return HistoryButton(ctx=ctx, table_name="unit", record_id=unit_id)


def person_history(ctx: AppContext, person_id: int) -> QWidget:
    """``PERSON_PANELS`` factory."""
    return HistoryButton(ctx=ctx, table_name="person", record_id=person_id)
