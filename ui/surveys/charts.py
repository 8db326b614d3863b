"""The survey results' charts on QtCharts: each question's mean beside the previous
campaign's, and one question's distribution (count per point or option).

Value axes are ``QCategoryAxis`` with labels we write (0…5 for means, whole steps for
counts), as the dashboard's charts do: a ``QValueAxis`` shows nothing once numbers are
localised.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget

from propdesk.reporting.axis import integer_axis, thousands

CURRENT = QColor("#3b73b9")
PREVIOUS = QColor("#b0b0b0")
LOW = QColor("#c9463d")
INSIDE = QColor("#ffffff")
LABEL = QColor("#202020")  # value labels sit above the bars, on the chart's white


class _Bars(QChartView):
    def __init__(self, *, title: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._chart = QChart()
        self._chart.setTitle(title)
        self._chart.setMargins(QMargins(2, 2, 2, 2))
        self._chart.setBackgroundRoundness(0)
        self.series = QBarSeries()
        self.series.setLabelsVisible(True)
        self.series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
        self._chart.addSeries(self.series)
        self.x_axis = QBarCategoryAxis()
        self.y_axis = QCategoryAxis()
        self.y_axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        self._chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        self._chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        self.series.attachAxis(self.x_axis)
        self.series.attachAxis(self.y_axis)
        self.setChart(self._chart)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(220)

    def _axis(self, labels: Sequence[tuple[str, float]], top: float) -> None:
        for label in self.y_axis.categoriesLabels():
            self.y_axis.remove(label)
        self.y_axis.setStartValue(-0.5)
        for label, value in labels:
            self.y_axis.append(label, value)
        self.y_axis.setRange(0, top)

    def set_title(self, text: str) -> None:
        self._chart.setTitle(text)

    def categories(self) -> list[str]:
        return list(self.x_axis.categories())

    def values(self) -> list[list[float]]:
        """Each bar set's values (for tests and a reader's check)."""
        return [[s.at(i) for i in range(s.count())] for s in self.series.barSets()]


class MeansChart(_Bars):
    """Each rating question's mean (第1题, 第2题 …) now and in the previous campaign."""

    def set_means(
        self,
        categories: Sequence[str],
        current: Sequence[float],
        previous: Sequence[float] | None,
        names: tuple[str, str],
    ) -> None:
        self.series.clear()
        # means sit high on a 0–5 axis: the value reads upright inside the top of each bar,
        # so two neighbouring bars' labels never run into each other
        self.series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsInsideEnd)
        self.series.setLabelsAngle(-90)
        self.series.setLabelsPrecision(3)
        now = QBarSet(names[0])
        now.setColor(CURRENT)
        now.setLabelColor(INSIDE)
        now.append([round(v, 2) for v in current])
        self.series.append(now)
        if previous is not None:
            before = QBarSet(names[1])
            before.setColor(PREVIOUS)
            before.setLabelColor(LABEL)  # dark on the grey bar
            before.append([round(v, 2) for v in previous])
            self.series.append(before)
        self.series.setLabelsFormat("@value")
        self.x_axis.clear()
        self.x_axis.append(list(categories))
        self._axis([(str(n), n) for n in range(6)], 5.4)
        self._chart.legend().setVisible(previous is not None)


class DistributionChart(_Bars):
    """One question's answers: a bar per point (ratings 1 and 2 red) or per option."""

    def set_distribution(
        self, labels: Sequence[str], counts: Sequence[int], *, rating: bool
    ) -> None:
        self.series.clear()
        bars = QBarSet("")
        bars.setColor(CURRENT)
        bars.setLabelColor(LABEL)
        bars.append([float(c) for c in counts])
        if rating:
            for i in range(min(2, len(counts))):
                bars.setBarSelected(i, True)
            bars.setSelectedColor(LOW)
        self.series.append(bars)
        self.series.setLabelsFormat("@value")
        self.x_axis.clear()
        self.x_axis.append(list(labels) or [""])
        axis = integer_axis(max(counts, default=0))
        self._axis([(thousands(v), v) for v in axis.values()], axis.top * 1.2)  # room for labels
        self._chart.legend().setVisible(False)
