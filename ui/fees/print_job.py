"""Batch prints (notices, reminder letters) built on the database worker behind a progress dialog."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session

from propdesk.changes import Changes
from propdesk.progress import Progress
from ui.context import AppContext


def run_print_job(
    ctx: AppContext,
    parent: QWidget,
    build: Callable[[Session], bytes],
    *,
    title: str,
    suggested_name: str,
) -> None:
    """Run ``build`` (one transaction: read, render, log) as a long operation, then preview it.

    The progress dialog has no Cancel: rendering is one step and the log of what was printed
    is written in the same transaction, so it is all or nothing anyway.
    """
    from ui.printing.preview import show_pdf_preview

    def show(pdf: bytes) -> None:
        show_pdf_preview(ctx, pdf, title=title, suggested_name=suggested_name, parent=parent)

    def work(session: Session, _progress: Progress) -> bytes:
        return build(session)

    ctx.long_op(
        work,
        label=QCoreApplication.translate("FeePrintJob", "Preparing {0}…").format(title),
        changes=Changes(fees=True),
        cancellable=False,
        parent=parent,
        action=f"print {suggested_name}",
    ).success(show).run()
