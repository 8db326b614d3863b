"""Dashboard charts on QtCharts: a pie and a bar chart that report which part was clicked.

Bar values are whole counts or whole yuan: the value axis steps by a whole number
(:func:`propdesk.reporting.axis.integer_axis`), so it never reads "0, 0, 1, 1", and its
labels carry thousands separators (12,000). The axis is a ``QCategoryAxis`` whose labels we
write ourselves at 0, step, 2·step …: a ``QValueAxis`` formats with printf (no separators)
and shows nothing at all once its numbers are localised.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QPieSeries,
    QPieSlice,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget

from propdesk.reporting.axis import Axis, integer_axis, thousands

PALETTE = ("#3b73b9", "#e48a2f", "#4c9a52", "#c9463d", "#8062a8", "#8c6d4f", "#d36fa8", "#7f7f7f")


class PieChartView(QChartView):
    """A pie with a legend; ``on_click(index)`` gets the slice clicked."""

    def __init__(
        self, *, title: str, on_click: Callable[[int], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.on_click = on_click
        self.series = QPieSeries()
        chart = QChart()
        chart.setTitle(title)
        chart.addSeries(self.series)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        chart.setMargins(QMargins(2, 2, 2, 2))
        chart.setBackgroundRoundness(0)
        self.setChart(chart)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(200)
        self.series.clicked.connect(self._clicked)

    def set_data(self, labels: Sequence[str], values: Sequence[int]) -> None:
        self.series.clear()
        for i, (label, value) in enumerate(zip(labels, values, strict=True)):
            s = self.series.append(f"{label} {value}", max(value, 0))
            s.setColor(QColor(PALETTE[i % len(PALETTE)]))
            s.setProperty("index", i)

    def labels(self) -> list[str]:
        return [s.label() for s in self.series.slices()]

    def _clicked(self, slice_: QPieSlice) -> None:
        self.on_click(int(slice_.property("index") or 0))


class BarChartView(QChartView):
    """Vertical bars (one set per series); ``on_click(category_index)`` on a bar click."""

    def __init__(
        self, *, title: str, on_click: Callable[[int], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.on_click = on_click
        self._chart = QChart()
        self._chart.setTitle(title)
        self._chart.setMargins(QMargins(2, 2, 2, 2))
        self._chart.setBackgroundRoundness(0)
        self.series = QBarSeries()
        self._chart.addSeries(self.series)
        self.x_axis = QBarCategoryAxis()
        self.y_axis = QCategoryAxis()
        self.y_axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        self.axis: Axis = integer_axis(0)
        self._label_axis(self.axis)
        self._chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        self._chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        self.series.attachAxis(self.x_axis)
        self.series.attachAxis(self.y_axis)
        self.setChart(self._chart)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(200)
        self.series.clicked.connect(lambda index, _set: self.on_click(int(index)))

    def set_data(
        self, categories: Sequence[str], series: Sequence[tuple[str, Sequence[int]]]
    ) -> None:
        self.series.clear()
        top = 0
        for i, (name, values) in enumerate(series):
            bar = QBarSet(name)
            bar.setColor(QColor(PALETTE[i % len(PALETTE)]))
            for v in values:
                bar.append(v)
                top = max(top, v)
            self.series.append(bar)
        self.x_axis.clear()
        self.x_axis.append(list(categories))
        self.axis = integer_axis(top)
        self._label_axis(self.axis)
        self._chart.legend().setVisible(len(series) > 1)

    def _label_axis(self, axis: Axis) -> None:
        """Labels at 0, step, 2·step … top (whole steps, thousands separated)."""
        for label in self.y_axis.categoriesLabels():
            self.y_axis.remove(label)
        self.y_axis.setStartValue(-0.5)  # below the visible range: the "0" label sits on 0
        for value in axis.values():
            self.y_axis.append(thousands(value), value)
        self.y_axis.setRange(0, axis.top)

    def value_labels(self) -> list[str]:
        """The value axis's labels, bottom to top."""
        return list(self.y_axis.categoriesLabels())

    def categories(self) -> list[str]:
        return list(self.x_axis.categories())
