"""Batch prints (notices, reminder letters) built off the UI thread behind a progress dialog."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget
from sqlalchemy.orm import Session

from ui.common.forms import show_error
from ui.context import AppContext
from ui.events import Changes


def run_print_job(
    ctx: AppContext,
    parent: QWidget,
    build: Callable[[Session], bytes],
    *,
    title: str,
    suggested_name: str,
) -> None:
    """Run ``build`` (one transaction: read, render, log) on the executor, then preview the PDF.

    The dialog is busy-only: rendering cannot be interrupted half-way without losing the
    log of what was printed, so there is no cancel button.
    """
    from ui.printing.preview import show_pdf_preview

    dialog = QProgressDialog(
        QCoreApplication.translate("FeePrintJob", "Preparing {0}…").format(title), "", 0, 0, parent
    )
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)

    def op() -> bytes:
        with ctx.session() as session:
            return build(session)

    def done(pdf: bytes) -> None:
        dialog.close()
        ctx.hub.notify(Changes.of("fees"))
        show_pdf_preview(ctx, pdf, title=title, suggested_name=suggested_name, parent=parent)

    def failed(exc: BaseException) -> None:
        dialog.close()
        show_error(parent, exc)

    ctx.executor.submit(op, success=done, failure=failed)
