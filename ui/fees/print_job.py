"""Batch prints (notices, reminder letters): built on the database worker, logged when delivered.

A preview is not a send. The batch is built in a read-only transaction and shown; only when
the user prints it or saves it as PDF is it logged on each unit (one write transaction,
once per preview however often it is then printed or saved again).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session

from propdesk.changes import Changes
from propdesk.progress import Progress
from ui.context import AppContext

if TYPE_CHECKING:
    from ui.printing.preview import PdfPreviewDialog


@dataclass(frozen=True)
class PrintBatch:
    """A built batch: its PDF and how to record it once delivered.

    Attributes:
        pdf: the document's bytes.
        record: writes the log of exactly what ``pdf`` holds (values captured when building,
            not read again), in the session it is given, with how it was delivered
            (``"printed"`` or ``"saved"``: the channel on each unit's history).
    """

    pdf: bytes
    record: Callable[[Session, str], None]


def run_print_job(
    ctx: AppContext,
    parent: QWidget,
    build: Callable[[Session, Progress], PrintBatch],
    *,
    title: str,
    suggested_name: str,
    on_shown: Callable[[PdfPreviewDialog], None] | None = None,
) -> None:
    """Build the batch (a read) behind a progress dialog with Cancel, preview it, record it
    when delivered.

    ``build(session, progress)`` reports each document laid out through ``progress.update``
    (which stops the build after Cancel). ``batch.record`` runs through ``ctx.op`` (``Changes(fees=True)``) the first time the preview
    is printed or saved; closing the preview without either records nothing. ``on_shown``
    receives the preview dialog.
    """
    from ui.printing.preview import show_pdf_preview

    def show(batch: PrintBatch) -> None:
        recorded = False

        def delivered(how: str) -> None:
            nonlocal recorded
            if recorded:
                return
            recorded = True

            def failed(_exc: BaseException) -> bool:
                nonlocal recorded
                recorded = False  # not logged: the next print or save tries again
                return False

            ctx.op(
                lambda s: batch.record(s, how),
                changes=Changes(fees=True),
                parent=parent,
                action=f"log {suggested_name}",
            ).failure(failed).run()

        dialog = show_pdf_preview(
            ctx,
            batch.pdf,
            title=title,
            suggested_name=suggested_name,
            parent=parent,
            on_delivered=delivered,
        )
        if on_shown is not None:
            on_shown(dialog)

    ctx.long_op(
        build,
        label=QCoreApplication.translate("FeePrintJob", "Preparing {0}…").format(title),
        cancellable=True,
        parent=parent,
        action=f"print {suggested_name}",
    ).success(show).run()
