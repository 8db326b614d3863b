"""The shift log screen (值班日志) with handover (交接班) and taking over (接班).

The top line says who is on duty. With a handover waiting, its lines and note are shown
with "Acknowledge and take over" (the incoming clerk's name and the time are recorded).
The entry form: kind, text, "follow up" (an open item that carries over), an optional
unit and ticket number; Enter adds. "Hand over…" shows the handover as it would be
composed now, takes a note and closes the shift. Past shifts are listed on the left.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select
from sqlalchemy.orm import Session

from propdesk.changes import Changes
from propdesk.desk import shiftlog
from propdesk.desk.models import ShiftEntry
from propdesk.desk.values import HandoverLine, ShiftInfo
from propdesk.tickets.queries import find_by_number
from ui.common.forms import ERROR_STYLE, FormErrors
from ui.common.keyboard import install_dialog_keys
from ui.common.naming import named
from ui.common.table_view import RecordTableView
from ui.context import AppContext
from ui.desk import labels
from ui.desk.feedback import in_form, in_label
from ui.desk.models import EntryModel, ShiftListModel
from ui.desk.requests import ShiftLogRequest
from ui.desk.unit_picker import UnitPicker
from ui.team.on_duty import RosterOnDutyLabel

if TYPE_CHECKING:
    from propdesk.desk.print_data import HandoverSheetData


@dataclass(frozen=True)
class DutyState:
    """Who is on duty and the handover waiting to be taken over."""

    current: ShiftInfo | None
    pending: ShiftInfo | None


def duty_state(session: Session) -> DutyState:
    return DutyState(shiftlog.current_shift(session), shiftlog.pending_handover(session))


def handover_text(lines: tuple[HandoverLine, ...] | list[HandoverLine]) -> str:
    """The handover lines as plain text, one per line, with their kind."""
    if not lines:
        return QCoreApplication.translate("DeskLabels", "Nothing open to hand over.")
    return "\n".join(
        f"{i}. [{labels.shown(labels.HANDOVER_KINDS, line.kind)}] {line.text}"
        for i, line in enumerate(lines, start=1)
    )


class HandoverDialog(QDialog):
    """Close the shift: the handover as composed now, a note, and "Hand over".

    Attributes:
        preview: the composed lines; note: the outgoing clerk's note; closed: the result.
    """

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.closed: ShiftInfo | None = None
        self.setWindowTitle(self.tr("Hand over the shift"))
        self.resize(720, 560)
        self.preview = named(QPlainTextEdit(), "handover_preview")
        self.preview.setReadOnly(True)
        self.count = QLabel()
        self.note = named(QPlainTextEdit(), "handover_note")
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(80)
        self.note.setPlaceholderText(self.tr("Anything else the next shift must know"))
        form = QFormLayout()
        self.errors = FormErrors(form)
        self.errors.add_row(self.tr("&Note"), "note", self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.addButton(self.tr("&Hand over"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("handover_ok")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        self.rostered = RosterOnDutyLabel(ctx=ctx)  # who the roster has on now and next
        layout.addWidget(self.rostered)
        layout.addWidget(self.count)
        layout.addWidget(self.preview, 1)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addWidget(buttons)
        self.keys = install_dialog_keys(self, submit=self.save, default=self.ok, first=self.note)
        ctx.query(shiftlog.compose_handover, parent=self, action="compose the handover").success(
            self._show_lines
        ).run()

    def _show_lines(self, lines: list[HandoverLine]) -> None:
        self.preview.setPlainText(handover_text(lines))
        self.count.setText(self.tr("%1 item(s) will be handed over").replace("%1", str(len(lines))))

    def save(self) -> None:
        """Close the shift; the dialog is accepted only when that succeeded."""
        note = self.note.toPlainText()
        self.ctx.op(
            lambda s: shiftlog.close_shift(s, note=note),
            changes=Changes(shiftlog=True),
            parent=self,
            action="hand over the shift",
        ).busy(self.ok).failure(in_form(self.errors)).success(self._closed).run()

    def _closed(self, shift: ShiftInfo) -> None:
        self.closed = shift
        self.accept()


class ShiftLogPage(QWidget):
    """The current shift's log, the handover waiting to be taken over, and past shifts.

    Signals:
        open_record(str, int): a unit to show.

    Attributes:
        duty: who is on duty; pending_box / pending_text / take_over_button: the handover
        waiting; kind, text, follow_up, unit, ticket, add_button: the entry form;
        entries / entry_model: the shown shift's lines; done_button; handover_button;
        shifts / shift_model: past shifts.
    """

    open_record = Signal(str, int)

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.current: ShiftInfo | None = None
        self._stale = False
        self.shown_shift: int | None = None
        self.last_preview: QWidget | None = None
        self.duty = named(QLabel(), "duty")
        self.duty.setStyleSheet("font-weight: bold; font-size: 14px;")
        self.handover_button = named(QPushButton(self.tr("Hand &over…")), "hand_over")
        self.pending_box = QGroupBox(self.tr("Handover waiting to be taken over"))
        self.pending_text = named(QPlainTextEdit(), "pending_handover")
        self.pending_text.setReadOnly(True)
        self.take_over_button = named(
            QPushButton(self.tr("&Acknowledge and take over")), "take_over"
        )
        pending_layout = QVBoxLayout(self.pending_box)
        pending_layout.addWidget(self.pending_text)
        pending_layout.addWidget(self.take_over_button, 0, Qt.AlignmentFlag.AlignRight)

        self.kind = named(QComboBox(), "entry_kind")
        for code in labels.ENTRY_KINDS:
            self.kind.addItem(labels.shown(labels.ENTRY_KINDS, code), code)
        self.text = named(QLineEdit(), "entry_text")
        self.text.setPlaceholderText(self.tr("What happened (Ctrl+D; Enter adds)"))
        self.follow_up = named(QCheckBox(self.tr("Follow &up")), "entry_follow_up")
        self.follow_up.setToolTip(self.tr("An open item: it carries over at handover until done"))
        self.unit = UnitPicker(ctx=ctx, parent=self)
        self.ticket = named(QLineEdit(), "entry_ticket")
        self.ticket.setPlaceholderText(self.tr("Ticket no."))
        self.ticket.setMaximumWidth(150)
        self.add_button = named(QPushButton(self.tr("Add entr&y")), "add_entry")
        self.error = named(QLabel(), "entry_error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)

        self.entry_model = EntryModel(ctx=ctx, parent=self)
        self.entries = RecordTableView(self)
        self.entries.setObjectName("entry_table")
        self.entries.setModel(self.entry_model)
        for col, width in ((0, 90), (1, 80), (2, 380), (3, 90), (4, 130), (5, 70)):
            self.entries.setColumnWidth(col, width)
        self.done_button = named(QPushButton(self.tr("&Mark done")), "entry_done")
        self.shift_model = ShiftListModel(ctx=ctx, parent=self)
        self.shifts = RecordTableView(self)
        self.shifts.setObjectName("shift_table")
        self.shifts.setModel(self.shift_model)
        self.print_button = named(
            QPushButton(self.tr("Print hando&ver sheet… (Ctrl+P)")), "print_sheet"
        )
        self.shift_detail = named(QPlainTextEdit(), "shift_handover")
        self.shift_detail.setReadOnly(True)
        self.shift_detail.setMaximumHeight(190)

        top = QHBoxLayout()
        top.addWidget(self.duty, 1)
        top.addWidget(self.handover_button)
        form = QVBoxLayout()
        line1 = QHBoxLayout()
        line1.addWidget(self.kind)
        line1.addWidget(self.text, 1)
        line1.addWidget(self.follow_up)
        line1.addWidget(self.add_button)
        line2 = QHBoxLayout()
        line2.addWidget(QLabel(self.tr("Unit")))
        line2.addWidget(self.unit, 3)
        line2.addWidget(QLabel(self.tr("Ticket")))
        line2.addWidget(self.ticket)
        line2.addStretch(1)
        form.addLayout(line1)
        form.addLayout(line2)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.pending_box)
        right_layout.addLayout(form)
        right_layout.addWidget(self.error)
        right_layout.addWidget(self.entries, 1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.done_button)
        right_layout.addLayout(bottom)
        detail_head = QHBoxLayout()
        detail_head.addWidget(QLabel(self.tr("Handover of the chosen shift")), 1)
        detail_head.addWidget(self.print_button)
        right_layout.addLayout(detail_head)
        right_layout.addWidget(self.shift_detail)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.shifts)
        splitter.addWidget(right)
        splitter.setSizes([330, 970])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

        self.text.returnPressed.connect(self.add_entry)
        self.add_button.clicked.connect(self.add_entry)
        self.done_button.clicked.connect(self.mark_done)
        self.handover_button.clicked.connect(self.hand_over)
        self.take_over_button.clicked.connect(self.take_over)
        self.print_button.clicked.connect(self.print_sheet)
        QShortcut(QKeySequence("Ctrl+P"), self, self.print_sheet)
        self.shifts.selectionModel().currentRowChanged.connect(self._shift_chosen)
        self.entries.opened.connect(self._entry_opened)
        ctx.hub.changed.connect(self._on_changed)
        self.refresh()

    # --- state --------------------------------------------------------------------------

    def apply_request(self, request: object) -> None:
        """Ctrl+D (:class:`ShiftLogRequest` with ``write``): the cursor in the new entry."""
        if isinstance(request, ShiftLogRequest) and request.write:
            self.primary_field().setFocus(Qt.FocusReason.ShortcutFocusReason)

    def primary_field(self) -> QWidget:
        """Where the focus goes when the page is shown: the new entry's text, or, with no
        shift on duty, the button that takes the shift over."""
        return self.text if self.text.isEnabled() else self.take_over_button

    def refresh(self) -> None:
        """Reload the duty line, the waiting handover, the shifts and the shown entries."""
        self._stale = False
        self.ctx.query(duty_state, parent=self, action="shift log").success(self._show_duty).run()

    def _show_duty(self, state: DutyState) -> None:
        self.current = state.current
        pending = state.pending
        if self.current is not None:
            self.duty.setText(
                self.tr("On duty: %1 since %2")
                .replace("%1", self.current.started_by)
                .replace("%2", labels.local_time(self.current.started_at))
            )
        else:
            self.duty.setText(self.tr("Nobody on duty: take over to start the shift log"))
        self.pending_box.setVisible(self.current is None)
        if self.current is None:
            if pending is not None:
                self.pending_box.setTitle(
                    self.tr("Handed over by %1 at %2: acknowledge to take over")
                    .replace("%1", pending.closed_by)
                    .replace("%2", labels.local_time(pending.closed_at))
                )
                note = (
                    "\n\n" + self.tr("Note: %1").replace("%1", pending.handover_note)
                    if pending.handover_note
                    else ""
                )
                self.pending_text.setPlainText(handover_text(pending.items) + note)
            else:
                self.pending_box.setTitle(self.tr("No shift yet"))
                self.pending_text.setPlainText(self.tr("Start the first shift of the log."))
        self._enable_form()
        self.shift_model.refresh()
        shown = self.current.id if self.current is not None else (pending.id if pending else None)
        self.show_shift(shown)

    def _enable_form(self) -> None:
        on_duty = self.current is not None
        for w in (
            self.kind,
            self.text,
            self.follow_up,
            self.unit,
            self.ticket,
            self.add_button,
            self.done_button,
            self.handover_button,
        ):
            w.setEnabled(on_duty)

    def show_shift(self, shift_id: int | None) -> None:
        """Show a shift's entries and its handover lines."""
        self.shown_shift = shift_id
        self.entry_model.set_conditions(
            [ShiftEntry.shift_id == shift_id] if shift_id is not None else [ShiftEntry.id < 0]
        )
        if shift_id is None:
            self.shift_detail.clear()
            return
        self.ctx.query(lambda s: shiftlog.shift_detail(s, shift_id), parent=self).success(
            self._show_detail
        ).run()

    def _show_detail(self, info: ShiftInfo) -> None:
        if info.id != self.shown_shift:
            return  # another shift was chosen meanwhile
        if info.closed_at is None:
            self.shift_detail.setPlainText(self.tr("On duty: not handed over yet."))
            return
        ack = (
            self.tr("Taken over by %1 at %2")
            .replace("%1", info.acknowledged_by)
            .replace("%2", labels.local_time(info.acknowledged_at))
            if info.acknowledged_at
            else self.tr("Not yet taken over")
        )
        note = (
            "\n" + self.tr("Note: %1").replace("%1", info.handover_note)
            if info.handover_note
            else ""
        )
        self.shift_detail.setPlainText(f"{ack}{note}\n{handover_text(info.items)}")

    def print_sheet(self) -> None:
        """Preview the handover sheet of the shown shift (print or save from the preview)."""
        from propdesk.desk.print_data import handover_sheet_data

        shift_id = self.shown_shift
        if shift_id is None:
            return
        self.ctx.query(
            lambda s: handover_sheet_data(s, shift_id), parent=self, action="handover sheet"
        ).busy(self.print_button).success(lambda data: self._build_sheet(shift_id, data)).run()

    def _build_sheet(self, shift_id: int, data: HandoverSheetData) -> None:
        from reports.pdf.handover_sheet import handover_sheet_pdf

        self.ctx.task(
            lambda _progress: handover_sheet_pdf(data),
            label=self.tr("Handover sheet"),
            parent=self,
            action="build the handover sheet",
        ).busy(self.print_button).success(lambda pdf: self._show_sheet(shift_id, pdf)).run()

    def _show_sheet(self, shift_id: int, pdf: bytes) -> None:
        from ui.printing.preview import show_pdf_preview

        self._sheet_shown(
            show_pdf_preview(
                self.ctx,
                pdf,
                title=self.tr("Handover sheet"),
                suggested_name=f"交接班记录-{shift_id}.pdf",
                parent=self,
            )
        )

    def _sheet_shown(self, dialog: QWidget) -> None:
        self.last_preview = dialog

    def _shift_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.show_shift(self.shift_model.row_id(current.row()))

    def _entry_opened(self, entry_id: int) -> None:
        self.ctx.query(
            lambda s: s.scalar(select(ShiftEntry.unit_id).where(ShiftEntry.id == entry_id)),
            parent=self,
        ).success(self._open_unit).run()

    def _open_unit(self, unit_id: int | None) -> None:
        if unit_id is not None:
            self.open_record.emit("unit", unit_id)

    # --- actions ------------------------------------------------------------------------

    def add_entry(self) -> None:
        """Add the typed line to the current shift (the form clears on success)."""
        number = self.ticket.text().strip().upper()
        if not number:
            self._add(None)
            return
        self.ctx.query(lambda s: find_by_number(s, number), parent=self).success(
            lambda ticket_id: self._ticket_found(number, ticket_id)
        ).run()

    def _ticket_found(self, number: str, ticket_id: int | None) -> None:
        if ticket_id is None:
            self.error.setText(self.tr("No ticket numbered %1").replace("%1", number))
            self.ticket.setFocus()
            return
        self._add(ticket_id)

    def _add(self, ticket_id: int | None) -> None:
        kind = self.kind.currentData()
        text = self.text.text()
        follow = self.follow_up.isChecked()
        unit_id = self.unit.unit_id
        self.ctx.op(
            lambda s: shiftlog.add_entry(
                s, kind=kind, text=text, follow_up=follow, unit_id=unit_id, ticket_id=ticket_id
            ),
            changes=Changes(shiftlog=True),
            parent=self,
            action="add a shift log entry",
        ).busy(self.add_button).failure(in_label(self.error, focus=self.text)).success(
            self._added
        ).finally_(self._enable_form).run()

    def _added(self, _entry_id: object) -> None:
        self.error.clear()
        self.text.clear()
        self.ticket.clear()
        self.follow_up.setChecked(False)
        self.unit.clear_choice()
        self.text.setFocus()

    def mark_done(self) -> None:
        entry_id = self.entries.current_id()
        if entry_id is None:
            return
        self.ctx.op(
            lambda s: shiftlog.complete_entry(s, entry_id),
            changes=Changes(shiftlog=True),
            parent=self,
            action="mark a shift item done",
        ).busy(self.done_button).failure(in_label(self.error)).finally_(self._enable_form).run()

    def hand_over(self) -> None:
        dialog = HandoverDialog(ctx=self.ctx, parent=self)
        dialog.exec()

    def take_over(self) -> None:
        """The incoming clerk acknowledges the waiting handover and opens the new shift."""
        self.ctx.op(
            shiftlog.take_over,
            changes=Changes(shiftlog=True),
            parent=self,
            action="take over the shift",
        ).busy(self.take_over_button).failure(in_label(self.error)).success(self._taken_over).run()

    def _taken_over(self, _shift_id: int) -> None:
        self.error.clear()
        self.text.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _on_changed(self, changes: Changes) -> None:
        if not (changes.shiftlog or changes.patrols or changes.parcels or changes.tickets):
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True
