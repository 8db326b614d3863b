"""A bar chart of the desk's volume by hour of day, drawn with QPainter (no chart library)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from propdesk.team.volume import HourlyVolume, VolumeSource

BAR = QColor("#4a7bb7")
BUSY = QColor("#d9822b")


class HourlyChart(QWidget):
    """24 bars, one per local hour; the busiest hour stands out.

    Attributes:
        volume: what is drawn (None: nothing loaded yet).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.volume: HourlyVolume | None = None
        self.setMinimumSize(QSize(320, 220))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setObjectName("team_hourly_chart")

    def set_volume(self, volume: HourlyVolume) -> None:
        self.volume = volume
        self.setToolTip(self.summary())
        self.update()

    def title(self) -> str:
        if self.volume is None or self.volume.source == VolumeSource.CALLS:
            return self.tr("Incoming calls by hour")
        return self.tr("Tickets registered by hour (no calls logged this month)")

    def summary(self) -> str:
        """One line a reader (or a screen reader) can take in: total and the busiest hour."""
        vol = self.volume
        if vol is None or vol.busiest is None:
            return self.tr("Nothing recorded this month")
        hour = vol.busiest
        return (
            self.tr("Total %1; busiest %2:00–%3:00 (%4)")
            .replace("%1", str(vol.total))
            .replace("%2", str(hour))
            .replace("%3", str(hour + 1))
            .replace("%4", str(vol.counts[hour]))
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        metrics = painter.fontMetrics()
        line = metrics.height()
        w, h = self.width(), self.height()
        painter.setPen(self.palette().text().color())
        painter.drawText(QRectF(8, 4, w - 16, line), Qt.AlignmentFlag.AlignLeft, self.title())
        painter.drawText(
            QRectF(8, 4 + line, w - 16, line), Qt.AlignmentFlag.AlignLeft, self.summary()
        )
        vol = self.volume
        left, right = 8 + metrics.horizontalAdvance("0000"), 8
        top, bottom = 12 + 2 * line, line + 8
        plot_w, plot_h = w - left - right, h - top - bottom
        if vol is None or plot_w <= 24 or plot_h <= 10:
            return
        peak = max(vol.counts) or 1
        painter.setPen(QColor("#999999"))
        painter.drawLine(left, top + plot_h, left + plot_w, top + plot_h)
        painter.drawText(
            QRectF(0, top - line / 2, left - 4, line), Qt.AlignmentFlag.AlignRight, str(peak)
        )
        painter.drawText(
            QRectF(0, top + plot_h - line / 2, left - 4, line), Qt.AlignmentFlag.AlignRight, "0"
        )
        slot = plot_w / 24
        for hour, count in enumerate(vol.counts):
            bar_h = plot_h * count / peak
            rect = QRectF(left + hour * slot + slot * 0.15, top + plot_h - bar_h, slot * 0.7, bar_h)
            painter.fillRect(rect, BUSY if hour == vol.busiest else BAR)
            if hour % 3 == 0:
                painter.setPen(self.palette().text().color())
                painter.drawText(
                    QRectF(left + hour * slot - slot, top + plot_h + 2, slot * 3, line),
                    Qt.AlignmentFlag.AlignHCenter,
                    str(hour),
                )
        painter.end()
