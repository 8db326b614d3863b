"""A live picture of page 1 of a PDF (QtPdf renders it; no file on disk)."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap, QResizeEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


def render_first_page(pdf: bytes, width: int) -> QImage:
    """Page 1 of ``pdf`` as an image ``width`` pixels wide (A4 proportions kept)."""
    data = QByteArray(pdf)
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    doc = QPdfDocument()
    doc.load(buffer)
    size = doc.pagePointSize(0)
    height = int(width * size.height() / size.width()) if size.width() > 0 else int(width * 1.414)
    rendered = doc.render(0, QSize(width, height))
    doc.close()
    buffer.close()
    page = QImage(rendered.size(), QImage.Format.Format_RGB32)
    page.fill(QColor("white"))  # the PDF page is transparent where nothing is printed
    painter = QPainter(page)
    painter.drawImage(0, 0, rendered)
    painter.end()
    return page


class PagePreview(QLabel):
    """Shows page 1 of the last PDF given to :meth:`show_pdf`, scaled to the label's width.

    Attributes:
        pdf: the bytes on show.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pdf = b""
        self._rendered_width = 0
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.setMinimumSize(360, 400)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setStyleSheet("QLabel { background: #8a8f96; padding: 8px; }")

    def show_pdf(self, pdf: bytes) -> None:
        self.pdf = pdf
        self._render()

    def _fit_width(self) -> int:
        return max(300, min(self.width() - 20, int((self.height() - 20) / 1.414)))

    def _render(self) -> None:
        self._rendered_width = self._fit_width()
        self.setPixmap(QPixmap.fromImage(render_first_page(self.pdf, self._rendered_width)))

    def minimumSizeHint(self) -> QSize:
        return QSize(360, 400)  # the page is re-rendered to fit; never hold the layout open

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.pdf and abs(self._fit_width() - self._rendered_width) > 24:
            self._render()
