"""The archive page (档案): completeness of a building's units, and one unit's archive.

Left: the units of the chosen building with how many required documents are present,
missing and expired. Right: the chosen unit's checklist (every kind by stage with its
state) and its documents (scan, where the paper is kept, on loan to whom), with the
actions: file a document (Ctrl+N), open the scan, set where the paper is kept, lend and
take back the paper. The completeness report prints (PDF, through the print preview) and
exports (Excel). Reads go through ``ctx.query``; writes broadcast ``Changes(archive=True)``;
hidden, the page only marks itself stale.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.archive import queries as q
from propdesk.archive import services as svc
from propdesk.archive.values import (
    SCOPE_ZH,
    STAGE_ZH,
    STATE_ZH,
    BuildingCompleteness,
    ChecklistLine,
    DocState,
    DocumentRow,
    KindRow,
    Scope,
    UnitCompleteness,
)
from propdesk.auth.permissions import Permission, allowed
from propdesk.changes import Changes
from ui.archive.scan_files import ScanActions, ScanFolder, suggested_name
from ui.common.list_model import RowListModel
from ui.common.naming import named
from ui.common.record_context import RecordUnit, unit_of_record
from ui.context import AppContext
from ui.navigation import ForRecord
from ui.renovation.widgets import StaleGuard

CHANGES = Changes(archive=True)
RED = QColor("#b00020")
AMBER = QColor("#a15c00")


@dataclass(frozen=True)
class ArchiveRequest:
    """Open the page on one unit's archive."""

    unit_id: int


@dataclass(frozen=True)
class UnitArchive:
    unit_id: int
    code: str
    checklist: tuple[ChecklistLine, ...]
    documents: tuple[DocumentRow, ...]
    stages: frozenset[str]


def _state_colour(state: str) -> QColor | None:
    return {DocState.MISSING.value: RED, DocState.EXPIRED.value: AMBER}.get(state)


def _unit_state(u: UnitCompleteness) -> str:
    if not (u.present or u.missing or u.expired):
        return STATE_ZH_NONE
    return STATE_ZH[DocState.PRESENT] if u.complete else STATE_INCOMPLETE


STATE_ZH_NONE = "无需资料"
STATE_INCOMPLETE = "不齐"


def _table(name: str) -> QTableView:
    view = named(QTableView(), name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class ArchivePage(QWidget):
    """Attributes: building (combo), units / units_model, checklist / checklist_model,
    documents / documents_model, unit_label, loan_label, scan_note, the action buttons,
    report (the completeness last loaded), archive (the unit's archive last loaded),
    last_dialog, scans (opens and saves scans; ``scan_folder``, default a private folder of
    this process)."""

    def __init__(
        self,
        *,
        ctx: AppContext,
        scan_folder: ScanFolder | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.scans = ScanActions(ctx=ctx, folder=scan_folder, parent=self)
        self.report: BuildingCompleteness | None = None
        self.archive: UnitArchive | None = None
        self.kinds: tuple[KindRow, ...] = ()
        self.last_dialog: QWidget | None = None
        self._want_unit: int | None = None

        self.building = named(QComboBox(), "archive_building")
        building_label = QLabel(self.tr("B&uilding"))
        building_label.setBuddy(self.building)
        self.summary = named(QLabel(), "archive_summary")
        self.print_button = named(QPushButton(self.tr("Print r&eport…")), "archive_print")
        self.excel_button = named(QPushButton(self.tr("E&xcel…")), "archive_excel")

        self.units_model: RowListModel[UnitCompleteness] = RowListModel(
            [
                (self.tr("Unit"), lambda u: u.unit_code),
                (self.tr("State"), _unit_state),
                (self.tr("Present"), lambda u: str(len(u.present))),
                (self.tr("Missing"), lambda u: str(len(u.missing))),
                (self.tr("Expired"), lambda u: str(len(u.expired))),
            ],
            right_aligned=(2, 3, 4),
            foreground=lambda u: RED if u.missing else (AMBER if u.expired else None),
            parent=self,
        )
        self.units = _table("archive_units")
        self.units.setModel(self.units_model)

        self.unit_label = named(QLabel(self.tr("Choose a unit on the left.")), "archive_unit")
        self.checklist_model: RowListModel[ChecklistLine] = RowListModel(
            [
                (self.tr("Stage"), lambda ln: STAGE_ZH.get(ln.stage, ln.stage)),
                (self.tr("Document"), lambda ln: ln.kind_name),
                (self.tr("Required"), lambda ln: self.tr("yes") if ln.required else ""),
                (self.tr("State"), self._checklist_state),
                (
                    self.tr("Expires"),
                    lambda ln: ln.expires_on.isoformat() if ln.expires_on else "",
                ),
            ],
            foreground=lambda ln: _state_colour(ln.state) if self._counts(ln) else None,
            parent=self,
        )
        self.checklist = _table("archive_checklist")
        self.checklist.setModel(self.checklist_model)

        self.documents_model: RowListModel[DocumentRow] = RowListModel(
            [
                (self.tr("Document"), lambda d: d.title),
                (self.tr("Whose"), self._whose),
                (self.tr("Date"), lambda d: d.doc_date.isoformat()),
                (self.tr("Expires"), lambda d: d.expires_on.isoformat() if d.expires_on else ""),
                (self.tr("Scan"), lambda d: d.file_name),
                (self.tr("Kept in"), self._kept),
                (self.tr("Paper"), self._paper),
            ],
            foreground=lambda d: AMBER if d.expired(clock.today()) else None,
            parent=self,
        )
        self.documents = _table("archive_documents")
        self.documents.setModel(self.documents_model)

        self.add_button = named(QPushButton(self.tr("&New document…")), "archive_add")
        self.open_button = named(QPushButton(self.tr("&Open scan")), "archive_open_scan")
        self.save_scan_button = named(QPushButton(self.tr("Save scan &as…")), "archive_save_scan")
        self.location_button = named(QPushButton(self.tr("Set &location…")), "archive_location")
        self.lend_button = named(QPushButton(self.tr("Lend pape&r…")), "archive_lend")
        self.return_button = named(QPushButton(self.tr("Re&turn paper")), "archive_return")
        self.new_kind_button = named(QPushButton(self.tr("New &kind…")), "archive_new_kind")
        self.edit_kind_button = named(QPushButton(self.tr("Edit kin&d…")), "archive_edit_kind")
        manager = allowed(ctx.actor, Permission.MANAGE_SETTINGS)
        self.new_kind_button.setVisible(manager)
        self.edit_kind_button.setVisible(manager)
        self.loan_label = named(QLabel(), "archive_loans")
        self.loan_label.setWordWrap(True)
        self.loan_label.setTextFormat(Qt.TextFormat.PlainText)
        self.scan_note = named(QLabel(), "archive_scan_note")
        self.scan_note.setTextFormat(Qt.TextFormat.PlainText)
        self.scans.saved.append(
            lambda path: self.scan_note.setText(self.tr("Scan saved to %1").replace("%1", path))
        )

        top = QHBoxLayout()
        top.addWidget(building_label)
        top.addWidget(self.building, 1)
        top.addWidget(self.summary, 2)
        top.addWidget(self.print_button)
        top.addWidget(self.excel_button)

        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.unit_label)
        checklist_head = QHBoxLayout()
        checklist_head.addWidget(QLabel(self.tr("Checklist")))
        checklist_head.addStretch(1)
        for b in (self.new_kind_button, self.edit_kind_button):
            b.setAutoDefault(False)
            checklist_head.addWidget(b)
        rl.addLayout(checklist_head)
        rl.addWidget(self.checklist, 2)
        rl.addWidget(QLabel(self.tr("Documents")))
        rl.addWidget(self.documents, 3)
        buttons = QHBoxLayout()
        for b in (
            self.add_button,
            self.open_button,
            self.save_scan_button,
            self.location_button,
            self.lend_button,
            self.return_button,
        ):
            b.setAutoDefault(False)
            buttons.addWidget(b)
        buttons.addStretch(1)
        rl.addLayout(buttons)
        rl.addWidget(self.loan_label)
        rl.addWidget(self.scan_note)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.units)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 5)
        split.setSizes([380, 900])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)

        self.building.currentIndexChanged.connect(lambda _i: self.load_building())
        self.units.selectionModel().currentRowChanged.connect(self._unit_changed)
        self.units.activated.connect(lambda _i: self.documents.setFocus())
        self.documents.selectionModel().currentRowChanged.connect(lambda *_a: self._enable())
        self.documents.activated.connect(lambda _i: self.open_scan())
        self.checklist.activated.connect(self._checklist_activated)
        self.add_button.clicked.connect(lambda: self.add_document())
        self.open_button.clicked.connect(self.open_scan)
        self.save_scan_button.clicked.connect(self.save_scan)
        self.location_button.clicked.connect(self.set_location)
        self.lend_button.clicked.connect(self.lend)
        self.return_button.clicked.connect(self.give_back)
        self.print_button.clicked.connect(self.print_report)
        self.new_kind_button.clicked.connect(lambda: self.edit_kind(None))
        self.edit_kind_button.clicked.connect(self.edit_current_kind)
        self.excel_button.clicked.connect(self.export_excel)
        QShortcut(QKeySequence.StandardKey.New, self, lambda: self.add_document())

        self._stale = StaleGuard(self, self.reload)
        ctx.hub.changed.connect(self._changed)
        self._enable()
        self.load_buildings()

    def primary_field(self) -> QWidget:
        return self.units

    def apply_request(self, request: object) -> None:
        if isinstance(request, ArchiveRequest):
            self.open_unit(request.unit_id)

    def apply_record(self, record: ForRecord) -> None:
        """Started from a unit or person page: that unit's (or the person's home's) archive."""
        kind, record_id = record.kind, record.id

        def show(found: RecordUnit) -> None:
            if found.unit_id is not None:
                self.open_unit(found.unit_id)

        self.ctx.query(
            lambda s: unit_of_record(s, kind, record_id), parent=self, action="record unit"
        ).success(show).run()

    # --- labels -------------------------------------------------------------------------

    def _counts(self, ln: ChecklistLine) -> bool:
        """A missing line is only a gap for a required kind of a stage that applies."""
        if ln.state != DocState.MISSING.value:
            return True
        stages = self.archive.stages if self.archive else frozenset()
        return ln.required and ln.stage in stages

    def _checklist_state(self, ln: ChecklistLine) -> str:
        if ln.state == DocState.MISSING.value and not self._counts(ln):
            return self.tr("not needed yet") if ln.required else ""
        return STATE_ZH.get(ln.state, ln.state)

    def _whose(self, d: DocumentRow) -> str:
        label = SCOPE_ZH.get(d.scope, d.scope)
        return f"{label} {d.person_name}".strip() if d.person_name else label

    def _kept(self, d: DocumentRow) -> str:
        if not (d.cabinet or d.box):
            return ""
        return (
            self.tr("cabinet %1 box %2").replace("%1", d.cabinet or "-").replace("%2", d.box or "-")
        )

    def _paper(self, d: DocumentRow) -> str:
        if not d.on_loan:
            return self.tr("printed") if d.source == "printed" else self.tr("in the archive")
        due = d.due_on.isoformat() if d.due_on else ""
        return self.tr("lent to %1 until %2").replace("%1", d.borrower).replace("%2", due)

    # --- loading ------------------------------------------------------------------------

    def _changed(self, changes: Changes) -> None:
        if changes.archive or changes.occupancy or changes.units or changes.fees:
            self._stale.changed()

    def reload(self) -> None:
        self.load_building()

    def load_buildings(self) -> None:
        def read(s: Session) -> tuple[tuple[int, str], ...]:
            return q.buildings(s)

        def show(rows: tuple[tuple[int, str], ...]) -> None:
            self.building.blockSignals(True)
            self.building.clear()
            for bid, name in rows:
                self.building.addItem(name, bid)
            self.building.blockSignals(False)
            self.load_building()

        self.ctx.query(read, parent=self, action="archive buildings").success(show).run()

    def load_building(self) -> None:
        bid = self.building.currentData()
        if bid is None:
            return
        building_id = int(bid)

        def read(s: Session) -> tuple[BuildingCompleteness, tuple[KindRow, ...]]:
            return q.completeness(s, building_id), q.list_kinds(s)

        self.ctx.query(read, parent=self, action="archive completeness").success(
            self._show_building
        ).run()

    def _show_building(self, value: tuple[BuildingCompleteness, tuple[KindRow, ...]]) -> None:
        report, self.kinds = value
        keep = self._want_unit or (self.archive.unit_id if self.archive else None)
        self.report = report
        self.units_model.set_rows(report.units)
        units = report.units
        needing = [u for u in units if u.present or u.missing or u.expired]
        self.summary.setText(
            self.tr("%1 units, %2 complete, %3 with gaps")
            .replace("%1", str(len(units)))
            .replace("%2", str(sum(1 for u in needing if u.complete)))
            .replace("%3", str(sum(1 for u in needing if not u.complete)))
        )
        row = next((i for i, u in enumerate(units) if u.unit_id == keep), 0 if units else -1)
        if row >= 0:
            self.units.setCurrentIndex(self.units_model.index(row, 0))
            self.load_unit(units[row].unit_id)
        self._want_unit = None

    def _unit_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.load_unit(self.units_model.row_value(current.row()).unit_id)

    def open_unit(self, unit_id: int) -> None:
        """Show ``unit_id``'s building and archive."""

        def read(s: Session) -> int:
            from propdesk.registry.models import Unit

            unit = s.get(Unit, unit_id)
            return unit.building_id if unit is not None else 0

        def show(building_id: int) -> None:
            index = self.building.findData(building_id)
            self._want_unit = unit_id
            if index >= 0 and index != self.building.currentIndex():
                self.building.setCurrentIndex(index)  # loads the building, then the unit
            else:
                self.load_building()

        self.ctx.query(read, parent=self, action="archive unit").success(show).run()

    def load_unit(self, unit_id: int) -> None:
        def read(s: Session) -> UnitArchive:
            return UnitArchive(
                unit_id,
                q.unit_label(s, unit_id),
                q.unit_checklist(s, unit_id),
                q.unit_documents(s, unit_id),
                q.applicable_stages(s, unit_id),
            )

        self.ctx.query(read, parent=self, action="unit archive").success(self._show_unit).run()

    def _show_unit(self, archive: UnitArchive) -> None:
        keep = self.current_document()
        self.archive = archive
        stages = "、".join(STAGE_ZH[s] for s in STAGE_ZH if s in archive.stages)
        self.unit_label.setText(
            self.tr("Unit %1 — stages that apply: %2")
            .replace("%1", archive.code)
            .replace("%2", stages or self.tr("none"))
        )
        self.checklist_model.set_rows(archive.checklist)
        self.documents_model.set_rows(archive.documents)
        row = next(
            (i for i, d in enumerate(archive.documents) if keep and d.id == keep.id),
            0 if archive.documents else -1,
        )
        if row >= 0:
            self.documents.setCurrentIndex(self.documents_model.index(row, 0))
        self._enable()

    def current_document(self) -> DocumentRow | None:
        index = self.documents.currentIndex()
        if not index.isValid() or index.row() >= self.documents_model.rowCount():
            return None
        return self.documents_model.row_value(index.row())

    def _enable(self) -> None:
        doc = self.current_document()
        self.add_button.setEnabled(self.archive is not None)
        self.scan_note.setText("")  # "saved to …" was about the document shown before
        readable = self._may_read_scan(doc)
        self.open_button.setEnabled(readable)
        self.save_scan_button.setEnabled(readable)
        # A scan the user may not read says why (a disabled button alone does not).
        why = ""
        if doc is not None and doc.file_id is not None and not readable:
            why = self.tr(
                "A person's papers (ID copies) are shown to roles that may see full ID numbers only."
            )
        elif doc is not None and doc.file_id is None:
            why = self.tr("No scan on file for this document.")
        for button in (self.open_button, self.save_scan_button):
            button.setToolTip(why)
        self.location_button.setEnabled(doc is not None)
        self.lend_button.setEnabled(doc is not None and not doc.on_loan)
        self.return_button.setEnabled(doc is not None and doc.on_loan)
        self.print_button.setEnabled(self.report is not None)
        self.excel_button.setEnabled(self.report is not None)
        if doc is None:
            self.loan_label.setText("")
            return
        did = doc.id
        self.ctx.query(lambda s: q.loans(s, did), parent=self, action="archive loans").success(
            self._show_loans
        ).run()

    def _show_loans(self, loans: tuple[object, ...]) -> None:
        from propdesk.archive.values import LoanRow

        lines = []
        for loan in loans[:5]:
            assert isinstance(loan, LoanRow)
            when = f"{clock.to_local(loan.lent_at):%Y-%m-%d}"
            back = (
                self.tr("returned %1").replace("%1", f"{clock.to_local(loan.returned_at):%Y-%m-%d}")
                if loan.returned_at
                else self.tr("due back %1").replace("%1", loan.due_on.isoformat())
            )
            lines.append(
                self.tr("%1 lent to %2 (%3), %4")
                .replace("%1", when)
                .replace("%2", loan.borrower)
                .replace("%3", loan.purpose or "-")
                .replace("%4", back)
            )
        self.loan_label.setText("\n".join(lines) if lines else self.tr("Never lent."))

    # --- actions ------------------------------------------------------------------------

    def _checklist_activated(self, index: QModelIndex) -> None:
        line = self.checklist_model.row_value(index.row())
        if line.state == DocState.PRESENT.value and line.document_id is not None:
            for i, d in enumerate(self.documents_model.rows()):
                if d.id == line.document_id:
                    self.documents.setCurrentIndex(self.documents_model.index(i, 0))
                    self.documents.setFocus()
                    return
        self.add_document(line.kind_id)

    def add_document(self, kind_id: int | None = None) -> None:
        from ui.archive.dialogs import AddDocumentDialog

        archive = self.archive
        if archive is None:
            return
        unit_id = archive.unit_id

        def read(s: Session) -> tuple[tuple[int, int, str, str], ...]:
            return q.current_households(s, unit_id)

        def show(households: tuple[tuple[int, int, str, str], ...]) -> None:
            dialog = AddDocumentDialog(
                ctx=self.ctx,
                unit_id=unit_id,
                unit_code=archive.code,
                kinds=self.kinds,
                households=households,
                kind_id=kind_id,
                parent=self,
            )
            self.last_dialog = dialog
            dialog.open()

        self.ctx.query(read, parent=self, action="archive households").success(show).run()

    def edit_current_kind(self) -> None:
        index = self.checklist.currentIndex()
        if not index.isValid():
            return
        kind_id = self.checklist_model.row_value(index.row()).kind_id
        kind = next((k for k in self.kinds if k.id == kind_id), None)
        if kind is not None:
            self.edit_kind(kind)

    def edit_kind(self, kind: KindRow | None) -> None:
        from ui.archive.dialogs import KindDialog

        dialog = KindDialog(ctx=self.ctx, kind=kind, parent=self)
        self.last_dialog = dialog
        dialog.open()

    def set_location(self) -> None:
        from ui.archive.dialogs import LocationDialog

        doc = self.current_document()
        if doc is None:
            return
        dialog = LocationDialog(ctx=self.ctx, document=doc, parent=self)
        self.last_dialog = dialog
        dialog.open()

    def lend(self) -> None:
        from ui.archive.dialogs import LendDialog

        doc = self.current_document()
        if doc is None or doc.on_loan:
            return
        dialog = LendDialog(ctx=self.ctx, document=doc, today=clock.today(), parent=self)
        self.last_dialog = dialog
        dialog.open()

    def give_back(self) -> None:
        doc = self.current_document()
        if doc is None or not doc.on_loan:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Return paper"),
            self.tr("Has %1 returned the paper “%2”?")
            .replace("%1", doc.borrower)
            .replace("%2", doc.title),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        did = doc.id
        self.ctx.op(
            lambda s: svc.return_paper(s, did), changes=CHANGES, parent=self, action="return paper"
        ).run()

    def _may_read_scan(self, doc: DocumentRow | None) -> bool:
        return (
            doc is not None
            and doc.file_id is not None
            and (doc.scope != Scope.PERSON or allowed(self.ctx.actor, Permission.VIEW_FULL_ID))
        )

    def open_scan(self) -> None:
        doc = self.current_document()
        if doc is not None and doc.file_id is not None:
            self.scans.open(doc.id)

    def save_scan(self) -> None:
        doc = self.current_document()
        if doc is not None and doc.file_id is not None:
            unit_code = self.archive.code if self.archive else ""
            self.scans.save_as(doc.id, suggested_name(unit_code, doc))

    # --- report -------------------------------------------------------------------------

    def print_report(self) -> None:
        from reports.pdf.archive_completeness import completeness_pdf, completeness_title
        from ui.printing.preview import preview_pdf

        bid = self.building.currentData()
        if bid is None:
            return
        building_id = int(bid)

        def make(s: Session) -> bytes:
            from propdesk.registry.services import get_estate

            report = q.completeness(s, building_id)
            return completeness_pdf(
                report,
                estate_name=get_estate(s).name,
                as_of=clock.today(s),
                printed_at=clock.local_now(s),
            )

        title = completeness_title(self.report) if self.report else self.tr("Archive")
        preview_pdf(
            self.ctx,
            make,
            title=title,
            suggested_name=f"{title}-{clock.today():%Y%m%d}.pdf",
            parent=self,
        )

    def export_excel(self) -> None:
        from reports.excel.archive_completeness import write_completeness_sheet
        from ui.common.file_dialogs import ask_save_file

        report = self.report
        if report is None:
            return
        path = ask_save_file(
            self,
            self.tr("Export completeness"),
            f"{report.building_name}一户一档-{clock.today():%Y%m%d}.xlsx",
            self.tr("Excel workbooks (*.xlsx)"),
        )
        if not path:
            return
        bid = report.building_id

        def read(s: Session) -> tuple[BuildingCompleteness, object]:
            return q.completeness(s, bid), clock.today(s)

        def write(value: tuple[BuildingCompleteness, object]) -> None:
            fresh, today = value

            def save(_progress: object) -> int:
                from datetime import date

                assert isinstance(today, date)
                return write_completeness_sheet(fresh, path, as_of=today)

            self.ctx.task(save, parent=self, action="export archive").run()

        self.ctx.query(read, parent=self, action="archive export").success(write).run()
