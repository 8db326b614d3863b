"""The care page (关怀): attention flags over SQL with filters by kind and building, the
overdue reviews, the add/edit/end forms and the printed evacuation-help list.

Opening a flag reads its details through the audited
:func:`propdesk.care.services.view_flag` (a write: the view of a sensitive flag is
recorded). Hidden, the page only marks itself stale after a change and reloads when shown.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Row
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.auth.permissions import Permission, allowed
from propdesk.care import queries as cq
from propdesk.care import services as care
from propdesk.care.models import CareFlag, CareKind
from propdesk.care.print_data import COPY_ZH, evacuation_rows
from propdesk.care.values import (
    FLAG_KIND_ZH,
    VISIBILITY_ZH,
    CustomKindRow,
    EvacuationRow,
    FlagDetail,
    FlagKind,
    FlagRow,
    Visibility,
)
from propdesk.changes import Changes
from propdesk.print_audience import Reader
from propdesk.registry.models import Building, Unit
from propdesk.registry.services import get_estate
from propdesk.registry.values import EstateInfo
from ui.care.dialogs import EndFlagDialog, FlagDialog, KindDialog, ReviewDialog
from ui.common.count_label import CountLabel
from ui.common.naming import named
from ui.common.sql_table_model import SqlColumn, SqlTableModel
from ui.common.stale import StaleGuard
from ui.context import AppContext
from ui.renovation.widgets import preview_document

REVIEW_SHORTCUT = "Ctrl+R"  # 已复查 (the Alt+D mnemonic works too)


def _day(value: date | None) -> str:
    return f"{value:%Y-%m-%d}" if value else ""


class FlagListModel(SqlTableModel):
    """Active flags in unit order; a supervisors-only flag shows to a clerk as
    "有关注事项（需主管查看）" without its review date."""

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        actor = ctx.actor
        self.today = clock.local_now().date()

        def restricted(row: Row[Any]) -> bool:
            return row.visibility == Visibility.SUPERVISORS.value and not cq.may_see_restricted(
                actor
            )

        super().__init__(
            db=ctx.db,
            base=cq.flag_list_base(),
            id_column=CareFlag.id,
            columns=[
                SqlColumn(self.tr("Building"), Building.name),
                SqlColumn(self.tr("Unit"), Unit.code.label("unit_code")),
                SqlColumn(self.tr("Resident"), cq.FlagPerson.name.label("person_name")),
                SqlColumn(
                    self.tr("Attention"),
                    CareFlag.kind.label("kind"),
                    row_fmt=lambda r: cq.shown_kind(r, actor),
                ),
                SqlColumn(
                    self.tr("Review on"),
                    CareFlag.review_on.label("review_on"),
                    row_fmt=lambda r: "" if restricted(r) else _day(r.review_on),
                ),
                SqlColumn(
                    self.tr("Visible to"),
                    CareFlag.visibility.label("visibility"),
                    fmt=lambda v: VISIBILITY_ZH.get(Visibility(v), v),
                ),
                SqlColumn(self.tr("Set by"), CareFlag.created_by),
                SqlColumn(
                    self.tr("Set on"),
                    CareFlag.created_at,
                    fmt=lambda v: f"{clock.to_local(v):%Y-%m-%d}" if v else "",
                ),
            ],
            extra=[
                CareFlag.dnd_start.label("dnd_start"),
                CareFlag.dnd_end.label("dnd_end"),
                CareKind.name.label("custom_name"),
            ],
            default_order=[Building.sort_key, Unit.code],
            fetch=False,
            parent=parent,
        )
        self._restricted = restricted

    def row_foreground(self, row: Row[Any]) -> QColor | None:
        if row.review_on is not None and row.review_on <= self.today and not self._restricted(row):
            return QColor("#b00020")  # review overdue
        return None


class CarePage(QWidget):
    """Flags list with filters, overdue reviews, forms and the evacuation-help list.

    Attributes:
        model: the flag list; dialog: the form open now (tests reach it);
        message: the outcome of the last action.
    """

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._select_next: int | None = None  # the flag to select after the next reload
        self._stale = StaleGuard(self, self.reload)
        self.dialog: QDialog | None = None
        # the question asked before the team's copy prints (tests answer it)
        self.confirm_box: QMessageBox | None = None
        self.kind = named(QComboBox(), "care_filter_kind")
        self.kind.addItem(self.tr("All kinds"), "")
        for key, label in FLAG_KIND_ZH.items():
            if key != FlagKind.CUSTOM:
                self.kind.addItem(label, key.value)
        kind_label = QLabel(self.tr("&Type"))
        kind_label.setBuddy(self.kind)
        self.building = named(QComboBox(), "care_filter_building")
        self.building.addItem(self.tr("All buildings"), None)
        building_label = QLabel(self.tr("&Building"))
        building_label.setBuddy(self.building)
        self.overdue = named(QCheckBox(self.tr("Overdue &reviews only")), "care_overdue")
        self.count = CountLabel(
            ctx=ctx, text=lambda n: self.tr("%1 flag(s)").replace("%1", str(n)), parent=self
        )
        self.new_button = named(QPushButton(self.tr("&New flag…")), "care_new")
        self.open_button = named(QPushButton(self.tr("&Open…")), "care_open")
        self.end_button = named(QPushButton(self.tr("&End flag…")), "care_end")
        self.review_button = named(QPushButton(self.tr("Reviewe&d…")), "care_reviewed")
        # Ctrl+R, not Ctrl+D: the main window's Ctrl+D (shift log) works from every page, and
        # two Ctrl+D on one screen are ambiguous (neither fires).
        self.review_button.setToolTip(
            self.tr("Record the review and set the next one (%1)").replace("%1", REVIEW_SHORTCUT)
        )
        self.print_button = named(QPushButton(self.tr("Evacuation &list…")), "care_print")
        self.audience = named(QComboBox(), "care_print_audience")
        # The office copy first: full phones only when the clerk chooses the team's copy
        # (printed for the evacuation team, audited).
        self.audience.addItem(
            self.tr("office copy (phones as my role sees them)"), Reader.OFFICE.value
        )
        self.audience.addItem(self.tr("for the evacuation team (full phones)"), Reader.GUARD.value)
        self.kind_button = named(QPushButton(self.tr("Custom &kind…")), "care_new_kind")
        self.kind_button.setVisible(allowed(ctx.actor, Permission.MANAGE_SETTINGS))
        self.model = FlagListModel(ctx=ctx, parent=self)
        self.table = named(QTableView(), "care_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setTabKeyNavigation(False)  # Tab leaves the list (rows, never cells)
        self.table.setColumnWidth(3, 220)
        self.message = named(QLabel(), "care_message")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)

        filters = QHBoxLayout()
        for w in (kind_label, self.kind, building_label, self.building, self.overdue):
            filters.addWidget(w)
        filters.addStretch(1)
        filters.addWidget(self.count)
        actions = QHBoxLayout()
        buttons = (
            self.new_button,
            self.open_button,
            self.review_button,
            self.end_button,
            self.kind_button,
        )
        for b in buttons:
            actions.addWidget(b)
        actions.addStretch(1)
        actions.addWidget(self.print_button)
        actions.addWidget(self.audience)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)

        self.kind.currentIndexChanged.connect(lambda _i: self.reload())
        self.building.currentIndexChanged.connect(lambda _i: self.reload())
        self.overdue.toggled.connect(lambda _c: self.reload())
        self.table.activated.connect(lambda _i: self.open_flag())
        self.new_button.clicked.connect(self.new_flag)
        self.open_button.clicked.connect(self.open_flag)
        self.end_button.clicked.connect(self.end_flag)
        self.review_button.clicked.connect(self.review_flag)
        self.print_button.clicked.connect(self.print_evacuation_list)
        self.kind_button.clicked.connect(self.new_kind)
        QShortcut(QKeySequence("Ctrl+N"), self, self.new_flag)
        QShortcut(QKeySequence("Ctrl+P"), self, self.print_evacuation_list)
        QShortcut(QKeySequence(REVIEW_SHORTCUT), self, self.review_flag)
        ctx.hub.changed.connect(self._changed)
        ctx.query(self._choices, parent=self, action="care filters").success(
            self._fill_choices
        ).run()
        self.reload()

    def primary_field(self) -> QWidget:
        return self.table

    # --- loading ------------------------------------------------------------------------

    @staticmethod
    def _choices(s: Session) -> tuple[list[tuple[int, str]], list[CustomKindRow]]:
        return cq.buildings(s), cq.custom_kinds(s)

    def _fill_choices(self, data: tuple[list[tuple[int, str]], list[CustomKindRow]]) -> None:
        buildings, kinds = data
        self.building.blockSignals(True)
        self.kind.blockSignals(True)
        for building_id, name in buildings:
            self.building.addItem(name, building_id)
        for kind in kinds:
            self.kind.addItem(kind.name, f"custom:{kind.id}")
        self.building.blockSignals(False)
        self.kind.blockSignals(False)

    def reload(self) -> None:
        data = str(self.kind.currentData() or "")
        kind, custom_id = data or None, None
        if data.startswith("custom:"):
            kind, custom_id = FlagKind.CUSTOM.value, int(data.split(":", 1)[1])
        building = self.building.currentData()
        # the clerk keeps their place: the flag just saved, else the one selected before
        keep = self._select_next if self._select_next is not None else self.current_id()
        self._select_next = None
        self.model.today = clock.local_now().date()
        self.model.set_filter(
            *cq.list_conditions(
                actor=self.ctx.actor,
                kind=kind,
                custom_kind_id=custom_id,
                building_id=int(building) if building is not None else None,
                overdue_on=self.model.today if self.overdue.isChecked() else None,
            )
        )
        self.count.update_for(self.model)
        row = self.model.find_row(keep) if keep is not None else -1
        if row >= 0:
            self.table.selectRow(row)
        elif self.model.rowCount():
            self.table.selectRow(0)

    def _changed(self, changes: Changes) -> None:
        if changes.care or changes.occupancy:
            self._stale.changed()

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.row_id(index.row()) if index.isValid() else None

    # --- actions ------------------------------------------------------------------------

    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _r: self._closed(dialog))
        dialog.open()

    def _closed(self, dialog: QDialog) -> None:
        value = getattr(dialog, "result_value", None)
        if dialog.result() == QDialog.DialogCode.Accepted and isinstance(value, FlagRow):
            self._select_next = value.id
            if self.model.find_row(value.id) >= 0:
                self.table.selectRow(self.model.find_row(value.id))
            self.message.setText(
                self.tr("Saved: %1 %2").replace("%1", value.unit_code).replace("%2", value.kind_zh)
            )

    def new_flag(self) -> None:
        self._open(FlagDialog(ctx=self.ctx, parent=self))

    def open_flag(self) -> None:
        flag_id = self.current_id()
        if flag_id is None:
            return
        # a write: viewing a sensitive flag's details is audited
        self.ctx.op(
            lambda s: care.view_flag(s, flag_id), changes=Changes(), parent=self, action="view flag"
        ).success(self._show_detail).run()

    def _show_detail(self, detail: FlagDetail) -> None:
        self._open(FlagDialog(ctx=self.ctx, detail=detail, parent=self))

    def end_flag(self) -> None:
        flag_id = self.current_id()
        if flag_id is None:
            return
        self.ctx.query(lambda s: cq.flag_row(s, flag_id), parent=self).success(
            lambda row: self._open(EndFlagDialog(ctx=self.ctx, row=row, parent=self))
        ).run()

    def review_flag(self) -> None:
        """已复查 for the selected flag: who and when are recorded, the next review set."""
        flag_id = self.current_id()
        if flag_id is None:
            return
        self.ctx.query(lambda s: cq.flag_row(s, flag_id), parent=self).success(
            lambda row: self._open(ReviewDialog(ctx=self.ctx, row=row, parent=self))
        ).run()

    def new_kind(self) -> None:
        self._open(KindDialog(ctx=self.ctx, parent=self))

    def print_evacuation_list(self) -> None:
        """Ctrl+P / Alt+L: the office copy at once; the evacuation team's copy (every phone
        in full, audited) only after a Yes (No is the default)."""
        reader = Reader(str(self.audience.currentData()))
        if reader != Reader.GUARD:
            self._print(reader)
            return
        box = named(
            QMessageBox(
                QMessageBox.Icon.Question,
                self.tr("Print the evacuation team's copy?"),
                self.tr(
                    "The evacuation team's copy prints every listed resident's phone number "
                    "in full. The print is recorded in the audit log under your name.\n\n"
                    "Print it?"
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                self,
            ),
            "care_team_copy_confirm",
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        self.confirm_box = box

        def answered(result: int) -> None:
            self.confirm_box = None
            if result == QMessageBox.StandardButton.Yes:
                self._print(Reader.GUARD)
            self._office_copy()  # printed or not, the next print is the office copy again

        box.finished.connect(answered)
        box.open()

    def _office_copy(self) -> None:
        self.audience.setCurrentIndex(self.audience.findData(Reader.OFFICE.value))

    def _print(self, reader: Reader) -> None:
        building = self.building.currentData()
        building_id = int(building) if building is not None else None
        copy = COPY_ZH.get(reader, "")

        def load(s: Session) -> tuple[list[EvacuationRow], EstateInfo, date]:
            rows = evacuation_rows(s, reader=reader, building_id=building_id)
            return rows, get_estate(s), clock.today(s)

        def build(data: tuple[list[EvacuationRow], EstateInfo, date]) -> bytes:
            from reports.pdf.evacuation_list import evacuation_list_pdf

            rows, estate, today = data
            return evacuation_list_pdf(
                rows, estate_name=estate.name, company=estate.company, printed_on=today, copy=copy
            )

        preview_document(
            self.ctx,
            load=load,
            build=build,
            title=lambda _d: QCoreApplication.translate("CarePage", "Evacuation-help list"),
            file_name=lambda d: f"疏散协助名单-{d[2]:%Y-%m-%d}.pdf",
            parent=self,
            audited=True,
        )
