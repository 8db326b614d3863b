"""Print preview of any PropDesk PDF: Qt's PDF viewer with Print…, Save as PDF… and Close.

Every printed document of the app goes through here. A feature builds its PDF
bytes with :mod:`reports.pdf` (on the database worker, see :func:`preview_pdf`)
and calls::

    from ui.printing.preview import show_pdf_preview

    show_pdf_preview(ctx, pdf_bytes, title="派工单 WO-000123", suggested_name="派工单-WO-000123.pdf",
                     parent=self)

The dialog is non-modal (several previews may be open), deletes itself when
closed and is returned so the caller (or a test) can reach it. Keys: Ctrl+P prints,
Ctrl+S saves, Ctrl++ / Ctrl+- zoom, Ctrl+0 fits the page width, Esc closes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QPointF,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QGuiApplication,
    QKeySequence,
    QPageLayout,
    QPageSize,
    QPainter,
    QShortcut,
)
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from propdesk.files import write_private

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ui.context import AppContext

#: Resolution pages are rendered at for the printer (enough for text, modest in memory).
PRINT_DPI = 300
_ZOOM_STEP = 1.25


def _tr(text: str) -> str:
    return QCoreApplication.translate("PdfPreviewDialog", text)


def _default_folder() -> str:
    """The folder a PDF was last saved in (Documents the first time)."""
    from ui.common.file_dialogs import last_folder

    return str(last_folder("documents"))


class PdfPreviewDialog(QDialog):
    """A PDF on screen, multipage, with zoom, printing and saving.

    Attributes:
        pdf: the document's bytes (what *Save as PDF…* writes).
        document: the ``QPdfDocument`` shown.
        view: the ``QPdfView`` (multipage, fit to width initially).
        choose_save_path: ``(parent, suggested_path) -> path or ""``; a file dialog by default,
            replaceable (tests inject a path).
        choose_printer: ``(parent, printer) -> bool``; the print dialog by default.
        on_delivered: called with ``"printed"`` or ``"saved"`` each time the document was
            actually printed or saved (never when the preview is only looked at and closed):
            where a print is recorded (notices sent, letters posted), it is recorded here.
    """

    def __init__(
        self,
        *,
        ctx: AppContext | None,
        pdf: bytes,
        title: str,
        suggested_name: str,
        on_delivered: Callable[[str], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.pdf = pdf
        self.suggested_name = suggested_name
        self.on_delivered = on_delivered
        self.choose_save_path: Callable[[QWidget, str], str] = _ask_save_path
        self.choose_printer: Callable[[QWidget, QPrinter], bool] = _ask_printer
        self.setWindowTitle(self.tr("Print preview – {0}").format(title))
        self.doc_title = title
        self.resize(_fitting_size(parent, 900, 1000))

        # QPdfDocument reads from the device lazily: keep the bytes and the buffer alive.
        self._bytes = QByteArray(pdf)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)

        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)

        self.page_label = QLabel(self)
        self.page_label.setText(self.tr("%n page(s)", "", self.document.pageCount()))

        zoom_out = QPushButton(self.tr("Zoom out"), self)
        zoom_in = QPushButton(self.tr("Zoom in"), self)
        fit = QPushButton(self.tr("Fit width"), self)
        whole = QPushButton(self.tr("Whole page"), self)
        for b in (zoom_out, zoom_in, fit, whole):
            b.setAutoDefault(False)
        zoom_out.clicked.connect(self.zoom_out)
        zoom_in.clicked.connect(self.zoom_in)
        fit.clicked.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth))
        whole.clicked.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitInView))

        top = QHBoxLayout()
        top.addWidget(self.page_label)
        top.addStretch(1)
        for b in (zoom_out, zoom_in, fit, whole):
            top.addWidget(b)

        self.buttons = QDialogButtonBox(self)
        self.print_button = self.buttons.addButton(
            self.tr("&Print…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button = self.buttons.addButton(
            self.tr("&Save as PDF…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(self.tr("Close"))
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_as)
        self.close_button.clicked.connect(self.reject)

        QShortcut(QKeySequence.StandardKey.Print, self, self.print_document)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save_as)
        QShortcut(QKeySequence.StandardKey.ZoomIn, self, self.zoom_in)
        QShortcut(QKeySequence("Ctrl+="), self, self.zoom_in)
        QShortcut(QKeySequence.StandardKey.ZoomOut, self, self.zoom_out)
        QShortcut(
            QKeySequence("Ctrl+0"),
            self,
            lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth),
        )

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.buttons)
        self.view.setFocus()

    # --- zoom ------------------------------------------------------------------------

    def zoom_in(self) -> None:
        self._zoom(_ZOOM_STEP)

    def zoom_out(self) -> None:
        self._zoom(1 / _ZOOM_STEP)

    def _zoom(self, factor: float) -> None:
        current = self.view.zoomFactor()
        if self.view.zoomMode() != QPdfView.ZoomMode.Custom:
            current = self._effective_zoom()
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.2, min(5.0, current * factor)))

    def _effective_zoom(self) -> float:
        """The zoom the fit modes give now, so zooming continues from what the user sees."""
        if self.document.pageCount() == 0:
            return 1.0
        page = self.document.pagePointSize(0)
        screen_dpi = self.logicalDpiX() or 96
        width_px = page.width() / 72 * screen_dpi
        return max(0.2, (self.view.viewport().width() - 20) / width_px) if width_px else 1.0

    # --- save ------------------------------------------------------------------------

    def save_as(self) -> bool:
        """Ask for a file name and write the PDF there; returns whether it was saved."""
        suggested = str(Path(_default_folder()) / self.suggested_name)
        path = self.choose_save_path(self, suggested)
        if not path:
            return False
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        from ui.common.file_dialogs import remember

        remember("documents", path)
        try:
            write_private(path, self.pdf)
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Save as PDF"),
                self.tr("Could not save the file:\n{0}").format(exc.strerror or str(exc)),
            )
            return False
        self._delivered("saved")
        return True

    def _delivered(self, how: str) -> None:
        if self.on_delivered is not None:
            self.on_delivered(how)

    # --- print -----------------------------------------------------------------------

    def make_printer(self) -> QPrinter:
        """A high-resolution printer set up for this document (A4, its orientation, its name)."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.doc_title)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        if self.document.pageCount():
            size = self.document.pagePointSize(0)
            if size.width() > size.height():
                printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        printer.setFromTo(1, max(1, self.document.pageCount()))
        return printer

    def print_document(self) -> bool:
        """Show the print dialog and print the chosen pages; returns whether it printed."""
        printer = self.make_printer()
        if not self.choose_printer(self, printer):
            return False
        printed = self.render_to(printer)
        if printed:
            self._delivered("printed")
        return printed

    def render_to(self, printer: QPrinter) -> bool:
        """Draw the pages in the printer's range (all when none) onto ``printer``."""
        count = self.document.pageCount()
        first, last = printer.fromPage(), printer.toPage()
        if first <= 0 or last <= 0:
            first, last = 1, count
        pages = range(max(first, 1) - 1, min(last, count))
        painter = QPainter()
        if not painter.begin(printer):
            QMessageBox.warning(self, self.tr("Print"), self.tr("The printer could not be opened."))
            return False
        try:
            for n, index in enumerate(pages):
                if n:
                    printer.newPage()
                self._draw_page(painter, printer, index)
        finally:
            painter.end()
        return True

    def _draw_page(self, painter: QPainter, printer: QPrinter, index: int) -> None:
        points = self.document.pagePointSize(index)
        dpi = min(PRINT_DPI, printer.resolution())
        image = self.document.render(
            index, QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
        )
        target = QRectF(printer.pageLayout().paintRectPixels(printer.resolution()))
        target.moveTo(0, 0)
        # Fit the page image into the printable area, keeping its proportions.
        scale = min(target.width() / image.width(), target.height() / image.height())
        w, h = image.width() * scale, image.height() * scale
        origin = QPointF((target.width() - w) / 2, (target.height() - h) / 2)
        painter.drawImage(QRectF(origin.x(), origin.y(), w, h), image)


def _fitting_size(parent: QWidget | None, width: int, height: int) -> QSize:
    """``width`` × ``height``, shrunk to fit the screen (a 768-pixel laptop shows the buttons)."""
    screen = parent.screen() if parent is not None else QGuiApplication.primaryScreen()
    if screen is None:
        return QSize(width, height)
    room = screen.availableGeometry()
    return QSize(min(width, int(room.width() * 0.95)), min(height, int(room.height() * 0.9)))


def _ask_save_path(parent: QWidget, suggested: str) -> str:
    """The save dialog, opening at ``suggested`` (in the last folder); remembers the folder."""
    path, _ = QFileDialog.getSaveFileName(
        parent, _tr("Save as PDF"), suggested, _tr("PDF files (*.pdf)")
    )
    return path


def _ask_printer(parent: QWidget, printer: QPrinter) -> bool:
    dialog = QPrintDialog(printer, parent)
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
    return dialog.exec() == QDialog.DialogCode.Accepted


def show_pdf_preview(
    ctx: AppContext | None,
    pdf: bytes,
    *,
    title: str,
    suggested_name: str,
    parent: QWidget | None = None,
    on_delivered: Callable[[str], None] | None = None,
) -> PdfPreviewDialog:
    """Open a non-modal print preview of ``pdf`` and return the dialog.

    Args:
        ctx: the app context (may be ``None`` where none is at hand).
        pdf: the PDF bytes, e.g. from :func:`reports.pdf.document.build_pdf`.
        title: shown in the window title and used as the print job's name.
        suggested_name: file name offered by *Save as PDF…* (e.g. ``"业主台账-3栋.pdf"``).
        parent: the window the preview belongs to.
        on_delivered: called with ``"printed"`` or ``"saved"`` once the user really printed
            or saved the document; a preview closed without either calls nothing. Record
            anything "sent" here, never when building the PDF.

    The user can zoom, print (print dialog with page range) and save the PDF. The
    dialog deletes itself when closed.
    """
    dialog = PdfPreviewDialog(
        ctx=ctx,
        pdf=pdf,
        title=title,
        suggested_name=suggested_name,
        on_delivered=on_delivered,
        parent=parent,
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def preview_pdf(
    ctx: AppContext,
    make_pdf: Callable[[Session], bytes],
    *,
    title: str,
    suggested_name: str,
    parent: QWidget | None = None,
    on_shown: Callable[[PdfPreviewDialog], None] | None = None,
) -> None:
    """Build a PDF in one read transaction on the database worker, then show its preview.

    ``make_pdf(session)`` reads what it needs and calls a ``reports.pdf`` builder. A progress
    dialog appears if it takes long; a failure goes to the one error handler (``ctx.errors``);
    ``on_shown`` receives the preview dialog once it is open.
    """

    def done(pdf: bytes) -> None:
        dialog = show_pdf_preview(
            ctx, pdf, title=title, suggested_name=suggested_name, parent=parent
        )
        if on_shown is not None:
            on_shown(dialog)

    ctx.long_op(
        lambda session, _progress: make_pdf(session),
        label=_tr("Preparing {0}…").format(title),
        cancellable=False,
        parent=parent,
        action=f"preview {suggested_name}",
    ).success(done).run()
