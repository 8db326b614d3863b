"""The unit page's panel: the unit's archive at a glance (documents, gaps, papers out), with a
button opening the archive page on the unit.

It reloads on the database worker after an archive change, or when next shown if it was
hidden then.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from propdesk.archive.queries import unit_summary
from propdesk.archive.values import ArchiveSummary
from propdesk.changes import Changes
from ui.common.naming import named
from ui.context import AppContext
from ui.renovation.widgets import StaleGuard


class UnitArchivePanel(QGroupBox):
    """Attributes: text (the lines shown), summary (last loaded), open_button."""

    def __init__(self, *, ctx: AppContext, unit_id: int, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Archive"), parent)
        self.ctx = ctx
        self.unit_id = unit_id
        self.summary: ArchiveSummary | None = None
        self.text = named(QLabel(), "unit_archive")
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        self.open_button = named(
            QPushButton(self.tr("Open the unit's archive")), "unit_archive_open"
        )
        self.open_button.setAutoDefault(False)
        self.open_button.clicked.connect(self.open_archive)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignLeft)
        self._stale = StaleGuard(self, self.refresh)
        ctx.hub.changed.connect(self._changed)  # a bound slot: dropped with the widget
        self.refresh()

    def _changed(self, changes: Changes) -> None:
        if changes.archive or changes.occupancy or changes.fees:
            self._stale.changed()

    def refresh(self) -> None:
        unit_id = self.unit_id

        def read(s: Session) -> ArchiveSummary:
            return unit_summary(s, unit_id)

        self.ctx.query(read, parent=self, action="unit archive").success(self._show).run()

    def _show(self, summary: ArchiveSummary) -> None:
        self.summary = summary
        lines = [
            self.tr("%1 document(s) filed; %2 required present")
            .replace("%1", str(summary.documents))
            .replace("%2", str(summary.present))
        ]
        if summary.missing:
            lines.append(self.tr("Missing: %1").replace("%1", "、".join(summary.missing)))
        if summary.expired:
            lines.append(self.tr("Expired: %1").replace("%1", "、".join(summary.expired)))
        if not summary.required:
            lines = [
                self.tr("%1 document(s) filed.").replace("%1", str(summary.documents)),
                self.tr(
                    "No documents are required yet: nobody lives here, and no renovation "
                    "or move-out is on record."
                ),
            ]
        elif not summary.missing and not summary.expired:
            lines.append(self.tr("Nothing required is missing."))
        if summary.on_loan:
            lines.append(
                self.tr("%1 paper original(s) lent out").replace("%1", str(summary.on_loan))
            )
        self.text.setText("\n".join(lines))

    def open_archive(self) -> None:
        from ui.archive.page import ArchiveRequest
        from ui.navigation import Navigate

        self.ctx.hub.open(Navigate("archive", ArchiveRequest(self.unit_id)))
