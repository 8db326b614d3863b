"""File-menu actions of the owner ledger (业主台账): import, template, export, print.

Each action is ``fn(ctx, parent)`` as :class:`ui.extensions.MenuAction` expects; the
keyword arguments after it (file and building choosers, result callbacks) default to
the real dialogs and let tests inject answers. Work on files and the database runs on
``ctx.executor`` behind a progress dialog; results are shown without blocking.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QProgressDialog, QWidget

from propdesk.auth.permissions import Permission
from propdesk.errors import DomainError
from propdesk.registry import services as reg
from propdesk.registry.ledger import (
    ImportSummary,
    LedgerCheck,
    LedgerImportError,
    SourceRow,
    import_ledger,
    ledger_rows,
    validate_ledger,
)
from propdesk.registry.values import BuildingInfo
from ui.context import AppContext
from ui.events import Changes
from ui.ledger.dialogs import BuildingChooser, ImportErrorsDialog, ask_save_xlsx, documents_folder
from ui.printing.preview import PdfPreviewDialog, preview_in_background

#: ``(parent, title) -> path or ""`` for the file to import.
OpenAsker = Callable[[QWidget, str], str]
#: ``(parent, title, suggested name) -> path or ""`` for a file to write.
SaveAsker = Callable[[QWidget, str, str], str]
#: ``(ctx, parent, buildings, allow_all) -> (accepted, building or None for all)``.
BuildingAsker = Callable[
    [AppContext, QWidget, list[BuildingInfo], bool], tuple[bool, BuildingInfo | None]
]
ResultHook = Callable[[QWidget], None]
#: ``(parent, title, text) -> bool``: ask the clerk to go ahead.
Confirmer = Callable[[QWidget, str, str], bool]

CHANGED_TOPICS = ("buildings", "units", "people", "occupancy")


def _tr(text: str) -> str:
    return QCoreApplication.translate("LedgerActions", text)


def can_import(ctx: AppContext) -> bool:
    return ctx.can(Permission.IMPORT_DATA) and ctx.can(Permission.EDIT_REGISTRY)


def ask_open_xlsx(parent: QWidget, title: str) -> str:
    path, _ = QFileDialog.getOpenFileName(
        parent, title, str(documents_folder()), _tr("Excel workbooks (*.xlsx)")
    )
    return path


def _message(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    """A message box that does not block (shown with ``open()``), deleted when closed."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def _busy(parent: QWidget | None, text: str, *, cancellable: bool) -> QProgressDialog:
    progress = QProgressDialog(text, _tr("Cancel") if cancellable else "", 0, 0, parent)
    if not cancellable:
        progress.setCancelButton(None)
    progress.setWindowTitle(_tr("Owner ledger"))
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(400)
    return progress


def _done(progress: QProgressDialog) -> None:
    progress.blockSignals(True)  # closing a progress dialog emits canceled(): not a cancel
    progress.reset()
    progress.close()
    progress.deleteLater()


def _failure_box(parent: QWidget | None, title: str, exc: BaseException) -> QMessageBox:
    if isinstance(exc, DomainError):
        return _message(parent, QMessageBox.Icon.Warning, title, str(exc))
    return _message(
        parent,
        QMessageBox.Icon.Critical,
        title,
        _tr("Unexpected error: {0}").format(exc),
    )


# --- import --------------------------------------------------------------------------


class _Cancelled(Exception):
    """The user cancelled; the transaction is rolled back."""


def summary_text(summary: ImportSummary) -> str:
    """What an import wrote, in a sentence for the clerk."""
    text = _tr(
        "Imported {0} rows: {1} new units ({2} already registered), {3} new people "
        "({4} already registered), {5} occupancies."
    ).format(
        summary.rows,
        summary.units_created,
        summary.units_matched,
        summary.people_created,
        summary.people_matched,
        summary.occupancies_created,
    )
    if summary.buildings_created:
        text += "\n" + _tr("New buildings: {0}").format("、".join(summary.buildings_created))
    return text


def ask_confirm(parent: QWidget, title: str, text: str) -> bool:
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes


def check_text(check: LedgerCheck) -> str:
    """What an import of a checked file would create, as a question for the clerk."""
    text = _tr(
        "The file is correct: {0} rows. Importing creates {1} units, {2} people and "
        "{3} occupancies."
    ).format(check.rows, check.units_to_create, check.people_to_create, check.occupancies_to_create)
    if check.new_buildings:
        text += "\n" + _tr("New buildings: {0}").format("、".join(check.new_buildings))
    return text + "\n\n" + _tr("Import now?")


def import_owner_ledger(
    ctx: AppContext,
    parent: QWidget,
    *,
    ask_path: OpenAsker = ask_open_xlsx,
    confirm: Confirmer = ask_confirm,
    on_result: ResultHook | None = None,
) -> None:
    """Import an owner ledger file: all or nothing.

    Reads and checks the whole file on the executor. Any bad row opens the problem
    list (:class:`ImportErrorsDialog`, which can save the report) and nothing is
    imported. A correct file is summarised (units, people, new buildings) for the
    clerk to confirm; then everything is written in one transaction (checked again
    inside it) and a summary is shown. ``on_result`` receives the dialog shown at the end.
    """
    from reports.excel.owners import read_ledger

    title = _tr("Import owner ledger")
    path = ask_path(parent, title)
    if not path:
        return
    name = Path(path).name
    cancelled = threading.Event()

    def finish(shown: QWidget) -> None:
        if on_result is not None:
            on_result(shown)

    def failed(progress: QProgressDialog) -> Callable[[BaseException], None]:
        def failure(exc: BaseException) -> None:
            _done(progress)
            shown: QWidget
            if isinstance(exc, LedgerImportError):
                dialog = ImportErrorsDialog(
                    errors=exc.errors, message=str(exc), source_name=name, parent=parent
                )
                dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
                dialog.open()
                shown = dialog
            elif isinstance(exc, _Cancelled):
                shown = _message(
                    parent,
                    QMessageBox.Icon.Information,
                    title,
                    _tr("Cancelled: nothing was imported."),
                )
            else:
                shown = _failure_box(parent, title, exc)
            finish(shown)

        return failure

    def check_op() -> tuple[list[SourceRow], LedgerCheck]:
        rows = read_ledger(Path(path))
        if cancelled.is_set():
            raise _Cancelled
        check = ctx.read(lambda session: validate_ledger(session, rows))
        if not check.ok:
            raise LedgerImportError(check.errors)
        return rows, check

    def import_op(rows: list[SourceRow]) -> ImportSummary:
        with ctx.session() as session:
            summary = import_ledger(session, rows)
            if cancelled.is_set():
                raise _Cancelled  # leaving the block with an error rolls the import back
        return summary

    def imported(progress: QProgressDialog) -> Callable[[ImportSummary], None]:
        def success(summary: ImportSummary) -> None:
            _done(progress)
            ctx.hub.notify(Changes.of(*CHANGED_TOPICS))
            finish(_message(parent, QMessageBox.Icon.Information, title, summary_text(summary)))

        return success

    def checked(result: tuple[list[SourceRow], LedgerCheck]) -> None:
        _done(checking)
        rows, check = result
        if not confirm(parent, title, check_text(check)):
            return
        importing = _busy(parent, _tr("Importing {0}…").format(name), cancellable=True)
        importing.canceled.connect(cancelled.set)
        importing.show()
        ctx.executor.submit(
            lambda: import_op(rows), success=imported(importing), failure=failed(importing)
        )

    checking = _busy(parent, _tr("Checking {0}…").format(name), cancellable=True)
    checking.canceled.connect(cancelled.set)
    checking.show()
    ctx.executor.submit(check_op, success=checked, failure=failed(checking))


# --- template ------------------------------------------------------------------------


def download_template(
    ctx: AppContext,
    parent: QWidget,
    *,
    ask_path: SaveAsker = ask_save_xlsx,
    on_result: ResultHook | None = None,
) -> None:
    """Save the blank import template where the user chooses."""
    from reports.excel.owners import write_template

    title = _tr("Download import template")
    path = ask_path(parent, title, "业主台账导入模板.xlsx")
    if not path:
        return
    try:
        write_template(path)
    except OSError as exc:
        box = _message(
            parent,
            QMessageBox.Icon.Warning,
            title,
            _tr("Could not save the file:\n{0}").format(exc.strerror or str(exc)),
        )
    else:
        box = _message(
            parent,
            QMessageBox.Icon.Information,
            title,
            _tr("Template saved: {0}\nFill in one row per person and unit, then import it.").format(
                path
            ),
        )
    if on_result is not None:
        on_result(box)


# --- choosing a building ---------------------------------------------------------------


def ask_building(
    ctx: AppContext, parent: QWidget, buildings: list[BuildingInfo], allow_all: bool
) -> tuple[bool, BuildingInfo | None]:
    dialog = BuildingChooser(
        buildings=buildings,
        title=_tr("Choose a building"),
        allow_all=allow_all,
        parent=parent,
    )
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    chosen = dialog.selected()
    dialog.deleteLater()
    return accepted, chosen


def _buildings(ctx: AppContext, parent: QWidget, title: str) -> list[BuildingInfo] | None:
    buildings = ctx.read(reg.list_buildings)
    if not buildings:
        _message(
            parent,
            QMessageBox.Icon.Information,
            title,
            _tr("No buildings are registered yet. Import an owner ledger first."),
        )
        return None
    return buildings


# --- export --------------------------------------------------------------------------


def export_owner_ledger(
    ctx: AppContext,
    parent: QWidget,
    *,
    choose_building: BuildingAsker = ask_building,
    ask_path: SaveAsker = ask_save_xlsx,
    on_result: ResultHook | None = None,
) -> None:
    """Export the ledger (all buildings or one) to Excel; ID numbers masked."""
    from reports.excel.owners import write_export

    title = _tr("Export owner ledger")
    buildings = _buildings(ctx, parent, title)
    if buildings is None:
        return
    ok, building = choose_building(ctx, parent, buildings, True)
    if not ok:
        return
    name = f"业主台账-{building.name}.xlsx" if building else "业主台账.xlsx"
    path = ask_path(parent, title, name)
    if not path:
        return
    progress = _busy(parent, _tr("Exporting the owner ledger…"), cancellable=False)
    building_id = building.id if building else None

    def op() -> int:
        lines = ctx.read(lambda s: ledger_rows(s, building_id=building_id, actor=ctx.actor))
        write_export(lines, path)
        return len(lines)

    def success(count: int) -> None:
        _done(progress)
        box = _message(
            parent,
            QMessageBox.Icon.Information,
            title,
            _tr("Exported {0} rows to {1} (ID numbers masked).").format(count, path),
        )
        if on_result is not None:
            on_result(box)

    def failure(exc: BaseException) -> None:
        _done(progress)
        box = _failure_box(parent, title, exc)
        if on_result is not None:
            on_result(box)

    progress.show()
    ctx.executor.submit(op, success=success, failure=failure)


# --- print ---------------------------------------------------------------------------


def print_owner_ledger(
    ctx: AppContext,
    parent: QWidget,
    *,
    choose_building: BuildingAsker = ask_building,
    on_shown: Callable[[PdfPreviewDialog], None] | None = None,
) -> None:
    """Choose a building, build its 业主台账 PDF off the UI thread and open the preview."""
    from reports.pdf.owner_ledger import owner_ledger_pdf

    title = _tr("Print owner ledger")
    buildings = _buildings(ctx, parent, title)
    if buildings is None:
        return
    ok, building = choose_building(ctx, parent, buildings, False)
    if not ok or building is None:
        return
    chosen = building

    def make_pdf() -> bytes:
        with ctx.session() as session:
            estate = reg.get_estate(session, chosen.estate_id)
            lines = ledger_rows(session, building_id=chosen.id, actor=ctx.actor)
        return owner_ledger_pdf(
            lines,
            estate_name=estate.name,
            building_name=chosen.name,
            company=estate.company,
            printed_by=ctx.actor.display_name,
        )

    preview_in_background(
        ctx,
        make_pdf,
        title=f"业主台账 · {chosen.name}",
        suggested_name=f"业主台账-{chosen.name}.pdf",
        parent=parent,
        on_shown=on_shown,
    )
