"""Archive forms: file a document (kind, whose, dates, scan, cabinet/box), where the paper is
kept, lend a paper original, and (managers) the checklist's document kinds.

Each opens with the focus in its first field; Enter submits once (Save is busy while the
save runs); a refused value is shown next to its field and the input is kept; Esc with
input typed asks before closing. Every write goes through ``ctx.op`` and broadcasts
``Changes(archive=True)``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.archive import services as svc
from propdesk.archive.values import SCOPE_ZH, STAGE_ZH, DocumentRow, KindRow, Scope
from propdesk.changes import Changes
from propdesk.errors import ValidationError
from ui.common.dates import from_qdate, to_qdate
from ui.common.file_dialogs import ask_open_file
from ui.common.form_dialog import FormDialog
from ui.common.naming import named
from ui.context import AppContext

CHANGES = Changes(archive=True)


class _Form(FormDialog):
    changes = CHANGES
    minimum_width = 480

    def __init__(self, *, ctx: AppContext, title: str, parent: QWidget | None) -> None:
        super().__init__(ctx=ctx, title=title, parent=parent)
        self.save_button.setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))


def _date_edit(name: str, day: date) -> QDateEdit:
    edit = named(QDateEdit(), name)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setCalendarPopup(True)
    edit.setDate(to_qdate(day))
    return edit


class AddDocumentDialog(_Form):
    """File a document on the unit, its household or a person living there.

    ``kinds``: the active kinds; ``households``: ``(occupancy id, person id, name, role)``
    of those living in the unit now. ``choose_file(parent) -> path`` picks the scan (a file
    dialog opening in the folder last used for documents; replaceable in tests).
    """

    def __init__(
        self,
        *,
        ctx: AppContext,
        unit_id: int,
        unit_code: str,
        kinds: tuple[KindRow, ...],
        households: tuple[tuple[int, int, str, str], ...],
        kind_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            ctx=ctx, title=self.tr("File a document – %1").replace("%1", unit_code), parent=parent
        )
        self.unit_id = unit_id
        self.households = households
        self.kinds = {k.id: k for k in kinds}
        self.choose_file: Callable[[QWidget], str] = _ask_scan
        today = clock.today()
        self.kind = named(QComboBox(), "archive_kind")
        for k in kinds:
            self.kind.addItem(f"{STAGE_ZH.get(k.stage, k.stage)} · {k.name}", k.id)
        if kind_id is not None and self.kind.findData(kind_id) >= 0:
            self.kind.setCurrentIndex(self.kind.findData(kind_id))
        self.owner = named(QComboBox(), "archive_owner")
        self.doc_date = _date_edit("archive_doc_date", today)
        self.expires = named(QLineEdit(), "archive_expires")
        self.expires.setPlaceholderText(self.tr("yyyy-mm-dd; empty: from the kind's validity"))
        self.scan = named(QLineEdit(), "archive_scan")
        self.scan.setPlaceholderText(self.tr("Path of the scan (PDF or image), or empty"))
        self.browse = named(QPushButton(self.tr("Browse…")), "archive_browse")
        self.browse.setAutoDefault(False)
        self.browse.clicked.connect(self.pick_file)
        scan_row = QWidget()
        row = QHBoxLayout(scan_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.scan, 1)
        row.addWidget(self.browse)
        scan_row.setFocusProxy(self.scan)
        self.cabinet = named(QLineEdit(), "archive_cabinet")
        self.box = named(QLineEdit(), "archive_box")
        self.title_edit = named(QLineEdit(), "archive_title")
        self.title_edit.setPlaceholderText(self.tr("Empty: the kind's name"))
        self.errors.add_row(self.tr("&Kind"), "kind", self.kind)
        self.errors.add_row(self.tr("&Whose"), "owner", self.owner)
        self.errors.add_row(self.tr("&Date"), "doc_date", self.doc_date)
        self.errors.add_row(self.tr("E&xpires"), "expires_on", self.expires)
        self.errors.add_row(self.tr("&Scan"), "scan", scan_row)
        self.errors.add_row(self.tr("&Cabinet"), "cabinet", self.cabinet)
        self.errors.add_row(self.tr("&Box"), "box", self.box)
        self.errors.add_row(self.tr("&Title"), "title", self.title_edit)
        self.kind.currentIndexChanged.connect(self._fill_owners)
        self._fill_owners()
        self.install_keys()

    def current_kind(self) -> KindRow | None:
        data = self.kind.currentData()
        return self.kinds.get(int(data)) if data is not None else None

    def _fill_owners(self) -> None:
        kind = self.current_kind()
        self.owner.clear()
        scope = kind.scope if kind else Scope.UNIT.value
        if scope == Scope.UNIT:
            self.owner.addItem(self.tr("The unit (stays when a household moves out)"), None)
        elif scope == Scope.HOUSEHOLD:
            for occ_id, _pid, name, _role in self.households:
                self.owner.addItem(self.tr("Household of %1").replace("%1", name), occ_id)
        else:
            for _occ, pid, name, _role in dict.fromkeys(self.households):
                if self.owner.findData(pid) < 0:
                    self.owner.addItem(name, pid)
        self.owner.setToolTip(SCOPE_ZH.get(scope, scope))

    def pick_file(self) -> None:
        path = self.choose_file(self)
        if path:
            self.scan.setText(path)

    def save(self) -> None:
        kind = self.current_kind()
        if kind is None:
            self.errors.show(ValidationError("kind", self.tr("Choose the kind of document.")))
            return
        text = self.expires.text().strip()
        expires: date | None = None
        if text:
            try:
                expires = date.fromisoformat(text)
            except ValueError:
                self.errors.show(
                    ValidationError("expires_on", self.tr("Write the date as 2026-12-31."))
                )
                return
        owner = self.owner.currentData()
        unit_id = self.unit_id
        kind_id = kind.id
        scope = kind.scope
        day = from_qdate(self.doc_date.date())
        scan = self.scan.text().strip() or None
        cabinet, box, title = self.cabinet.text(), self.box.text(), self.title_edit.text()

        def write(s: Session) -> int:
            return svc.add_document(
                s,
                kind_id=kind_id,
                unit_id=unit_id,
                occupancy_id=owner if scope == Scope.HOUSEHOLD else None,
                person_id=owner if scope == Scope.PERSON else None,
                doc_date=day,
                expires_on=expires,
                scan_path=scan,
                cabinet=cabinet,
                box=box,
                title=title,
            )

        self.run_save(write, "file archive document")


def _ask_scan(parent: QWidget) -> str:
    return ask_open_file(
        parent,
        QCoreApplication.translate("AddDocumentDialog", "Choose the scan"),
        QCoreApplication.translate(
            "AddDocumentDialog", "Scans (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;All files (*)"
        ),
        purpose="documents",
    )


class LocationDialog(_Form):
    """Where the paper original is kept: cabinet (柜) and box (盒)."""

    def __init__(
        self, *, ctx: AppContext, document: DocumentRow, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            ctx=ctx,
            title=self.tr("Paper kept in – %1").replace("%1", document.title),
            parent=parent,
        )
        self.document = document
        self.cabinet = named(QLineEdit(document.cabinet), "archive_cabinet")
        self.box = named(QLineEdit(document.box), "archive_box")
        self.errors.add_row(self.tr("&Cabinet"), "cabinet", self.cabinet)
        self.errors.add_row(self.tr("&Box"), "box", self.box)
        self.install_keys()
        self.keys.mark_clean()

    def save(self) -> None:
        did, cabinet, box = self.document.id, self.cabinet.text(), self.box.text()
        self.run_save(
            lambda s: svc.set_location(s, did, cabinet=cabinet, box=box), "archive location"
        )


class LendDialog(_Form):
    """Lend the paper original: who, until when, what for."""

    def __init__(
        self, *, ctx: AppContext, document: DocumentRow, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            ctx=ctx,
            title=self.tr("Lend the paper – %1").replace("%1", document.title),
            parent=parent,
        )
        self.document = document
        self.borrower = named(QLineEdit(), "archive_borrower")
        self.due = _date_edit("archive_due", today + timedelta(days=7))
        self.purpose = named(QLineEdit(), "archive_purpose")
        self.errors.add_row(self.tr("&Borrower"), "borrower", self.borrower)
        self.errors.add_row(self.tr("&Due back"), "due_on", self.due)
        self.errors.add_row(self.tr("&Purpose"), "purpose", self.purpose)
        self.install_keys()
        self.keys.mark_clean()

    def save(self) -> None:
        did, borrower = self.document.id, self.borrower.text()
        due, purpose = from_qdate(self.due.date()), self.purpose.text()
        self.run_save(
            lambda s: svc.lend_paper(s, did, borrower=borrower, due_on=due, purpose=purpose),
            "lend archive paper",
        )


class KindDialog(_Form):
    """A manager defines (or edits) a kind of document on the checklist: name, stage, whose,
    required or not, validity in months (0: no expiry), in use."""

    def __init__(
        self, *, ctx: AppContext, kind: KindRow | None = None, parent: QWidget | None = None
    ) -> None:
        title = self.tr("Edit document kind") if kind else self.tr("New document kind")
        super().__init__(ctx=ctx, title=title, parent=parent)
        self.kind = kind
        self.name = named(QLineEdit(kind.name if kind else ""), "kind_name")
        self.stage = named(QComboBox(), "kind_stage")
        for key, label in STAGE_ZH.items():
            self.stage.addItem(label, str(key))
        self.scope = named(QComboBox(), "kind_scope")
        for key, label in SCOPE_ZH.items():
            self.scope.addItem(label, str(key))
        self.required = named(QCheckBox(self.tr("Required for the stage")), "kind_required")
        self.required.setChecked(kind.required if kind else True)
        self.validity = named(QSpinBox(), "kind_validity")
        self.validity.setRange(0, 600)
        self.validity.setSuffix(self.tr(" months"))
        self.validity.setSpecialValueText(self.tr("No expiry"))
        self.active = named(QCheckBox(self.tr("In use")), "kind_active")
        self.active.setChecked(kind.active if kind else True)
        if kind is not None:
            self.stage.setCurrentIndex(max(0, self.stage.findData(kind.stage)))
            self.scope.setCurrentIndex(max(0, self.scope.findData(kind.scope)))
            self.validity.setValue(kind.validity_months or 0)
        self.errors.add_row(self.tr("&Name"), "name", self.name)
        self.errors.add_row(self.tr("&Stage"), "stage", self.stage)
        self.errors.add_row(self.tr("&Whose"), "scope", self.scope)
        self.errors.add_row("", "required", self.required)
        self.errors.add_row(self.tr("&Valid for"), "validity_months", self.validity)
        self.errors.add_row("", "active", self.active)
        self.install_keys()
        self.keys.mark_clean()

    def save(self) -> None:
        kind = self.kind
        kind_id = kind.id if kind else None
        version = kind.version if kind else None
        name, stage, scope = self.name.text(), self.stage.currentData(), self.scope.currentData()
        required, active = self.required.isChecked(), self.active.isChecked()
        months = self.validity.value() or None
        self.run_save(
            lambda s: svc.save_kind(
                s,
                kind_id,
                name=name,
                stage=str(stage),
                scope=str(scope),
                required=required,
                validity_months=months,
                active=active,
                version=version,
            ),
            "archive kind",
        )
