"""File-menu actions of the owner ledger (业主台账): import, template, export, print.

Each action is ``fn(ctx, parent)`` as :class:`ui.extensions.MenuAction` expects; the
keyword arguments after it (file and building choosers, result callbacks) default to
the real dialogs and let tests inject answers. Work on files and the database runs through
the operation object (``ctx.long_op``/``ctx.query``/``ctx.task``) behind a progress dialog;
failures go to the one error handler (``ctx.errors``); results are shown without blocking.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget
from sqlalchemy.orm import Session

from propdesk.auth.permissions import Permission
from propdesk.changes import Changes
from propdesk.progress import Progress
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
from ui.ledger.dialogs import BuildingChooser, ImportErrorsDialog, ask_save_xlsx
from ui.printing.preview import PdfPreviewDialog, preview_pdf

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

#: What an import of the owner ledger writes.
LEDGER_CHANGES = Changes(buildings=True, units=True, people=True, occupancy=True, household=True)


def _tr(text: str) -> str:
    return QCoreApplication.translate("LedgerActions", text)


def can_import(ctx: AppContext) -> bool:
    return ctx.can(Permission.IMPORT_DATA) and ctx.can(Permission.EDIT_REGISTRY)


def ask_open_xlsx(parent: QWidget, title: str) -> str:
    from ui.common.file_dialogs import ask_open_file

    return ask_open_file(parent, title, _tr("Excel workbooks (*.xlsx)"), purpose="imports")


def _message(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    """A message box that does not block (shown with ``open()``), deleted when closed."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


# --- import --------------------------------------------------------------------------


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
    if summary.vehicles_created or summary.pets_created or summary.contacts_created:
        text += "\n" + _tr("Household: {0} vehicles, {1} pets, {2} emergency contacts.").format(
            summary.vehicles_created, summary.pets_created, summary.contacts_created
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

    Reads and checks the whole file in a long operation (no Cancel: the core takes no
    progress). Any bad row opens the problem
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

    def finish(shown: QWidget) -> None:
        if on_result is not None:
            on_result(shown)

    def rejected(exc: BaseException) -> bool:
        """Every problem of a bad file in the problem list; other failures go to the handler."""
        if not isinstance(exc, LedgerImportError):
            return False
        dialog = ImportErrorsDialog(
            errors=exc.errors, message=str(exc), source_name=name, parent=parent
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        finish(dialog)
        return True

    def check(session: Session, _progress: Progress) -> tuple[list[SourceRow], LedgerCheck]:
        rows = read_ledger(Path(path))
        checked = validate_ledger(session, rows)
        if not checked.ok:
            raise LedgerImportError(checked.errors)
        return rows, checked

    def imported(summary: ImportSummary) -> None:
        finish(_message(parent, QMessageBox.Icon.Information, title, summary_text(summary)))

    def checked(result: tuple[list[SourceRow], LedgerCheck]) -> None:
        rows, check = result
        if not confirm(parent, title, check_text(check)):
            return
        # import_ledger takes no progress callback: no Cancel; all or nothing (checked again)
        ctx.long_op(
            lambda session, _progress: import_ledger(session, rows),
            label=_tr("Importing {0}…").format(name),
            changes=LEDGER_CHANGES,
            cancellable=False,
            parent=parent,
            action="import owner ledger",
        ).success(imported).failure(rejected).run()

    ctx.long_op(
        check,
        label=_tr("Checking {0}…").format(name),
        cancellable=False,
        parent=parent,
        action="check owner ledger",
    ).success(checked).failure(rejected).run()


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

    def write(_progress: Progress) -> None:
        write_template(path)

    def saved(_none: None) -> None:
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

    def not_saved(exc: BaseException) -> bool:
        if not isinstance(exc, OSError):
            return False
        box = _message(
            parent,
            QMessageBox.Icon.Warning,
            title,
            _tr("Could not save the file:\n{0}").format(exc.strerror or str(exc)),
        )
        if on_result is not None:
            on_result(box)
        return True

    ctx.task(write, parent=parent, action="download ledger template").success(saved).failure(
        not_saved
    ).run()


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


def _with_buildings(
    ctx: AppContext, parent: QWidget, title: str, then: Callable[[list[BuildingInfo]], None]
) -> None:
    """Read the buildings, then call ``then(buildings)``; none registered is told instead."""

    def loaded(buildings: list[BuildingInfo]) -> None:
        if not buildings:
            _message(
                parent,
                QMessageBox.Icon.Information,
                title,
                _tr("No buildings are registered yet. Import an owner ledger first."),
            )
            return
        then(buildings)

    ctx.query(lambda s: list(reg.list_buildings(s)), parent=parent, action=title).success(
        loaded
    ).run()


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

    def chosen(buildings: list[BuildingInfo]) -> None:
        ok, building = choose_building(ctx, parent, buildings, True)
        if not ok:
            return
        name = f"业主台账-{building.name}.xlsx" if building else "业主台账.xlsx"
        path = ask_path(parent, title, name)
        if not path:
            return
        building_id = building.id if building else None

        def export(session: Session, _progress: Progress) -> int:
            from propdesk.reporting.sheet_header import sheet_header

            lines = ledger_rows(session, building_id=building_id, actor=ctx.actor)
            scope = building.name if building else "全部楼栋"
            write_export(lines, path, header=sheet_header(session, "业主台账", scope))
            return len(lines)

        def exported(count: int) -> None:
            box = _message(
                parent,
                QMessageBox.Icon.Information,
                title,
                _tr("Exported {0} rows to {1} (ID numbers masked).").format(count, path),
            )
            if on_result is not None:
                on_result(box)

        ctx.long_op(
            export,
            label=_tr("Exporting the owner ledger…"),
            cancellable=False,
            parent=parent,
            action="export owner ledger",
        ).success(exported).run()

    _with_buildings(ctx, parent, title, chosen)


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

    def chosen(buildings: list[BuildingInfo]) -> None:
        ok, building = choose_building(ctx, parent, buildings, False)
        if not ok or building is None:
            return
        picked = building

        def make_pdf(session: Session) -> bytes:
            estate = reg.get_estate(session, picked.estate_id)
            lines = ledger_rows(session, building_id=picked.id, actor=ctx.actor)
            return owner_ledger_pdf(
                lines,
                estate_name=estate.name,
                building_name=picked.name,
                company=estate.company,
                printed_by=ctx.actor.display_name,
            )

        preview_pdf(
            ctx,
            make_pdf,
            title=f"业主台账 · {picked.name}",
            suggested_name=f"业主台账-{picked.name}.pdf",
            parent=parent,
            on_shown=on_shown,
        )

    _with_buildings(ctx, parent, title, chosen)
