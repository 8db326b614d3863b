"""One permit: its details, inspections and violations, and the actions its state allows.

Actions open dialogs non-modally (``self.dialog``) and the view refreshes when the hub
says renovation changed (when hidden, once it is shown again). Approval, rejection,
acceptance and refund show only to roles that may approve. :class:`PermitWindow` shows one
permit in a window of its own; :class:`PermitWindows` opens them, one per permit, so a
window can be closed (Esc or its close button) and opened again any number of times.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from propdesk.auth.permissions import Permission
from propdesk.changes import Changes
from propdesk.fees.money import yuan
from propdesk.renovation import inspections, permits
from propdesk.renovation.queries import get_permit, permit_photos
from propdesk.renovation.refund import refundable
from propdesk.renovation.rules import violation_overdue
from propdesk.renovation.values import PermitInfo, ViolationInfo, ViolationTypeInfo
from propdesk.renovation.workflow import allowed_actions
from ui.context import AppContext
from ui.renovation import dialogs
from ui.renovation.labels import status_label
from ui.renovation.photos import PhotosDialog
from ui.renovation.printing import print_passes, print_permit, print_rectification
from ui.renovation.widgets import (
    OVERDUE_COLOR,
    ListModel,
    ServiceDialog,
    StaleGuard,
    desk_today,
    named,
)

#: A row of the inspections table: (date and inspector, violation or None, inspection notes).
InspectionRow = tuple[str, ViolationInfo | None, str]


class PermitView(QWidget):
    """Details and actions of the permit shown (``show_permit(id)``).

    Signals:
        loaded(PermitInfo): a permit was loaded and is shown.

    Attributes:
        summary: the details label; violations: table of the permit's violations;
        *_button: one per action; dialog: the dialog last opened.
    """

    loaded = Signal(object)

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.permit: PermitInfo | None = None
        self.dialog: ServiceDialog | None = None
        self.photos: PhotosDialog | None = None
        self.summary = named(QLabel(self.tr("Choose an application in the list.")), "summary")
        self.summary.setWordWrap(True)
        # one row per violation, and one per inspection that found none
        self.violation_model: ListModel[InspectionRow] = ListModel(
            [
                (self.tr("Inspected"), lambda r: r[0]),
                (self.tr("Violation"), lambda r: r[1].type_name if r[1] else self.tr("None found")),
                (self.tr("Found"), lambda r: r[1].description if r[1] else r[2]),
                (self.tr("Deadline"), lambda r: f"{r[1].deadline:%Y-%m-%d}" if r[1] else ""),
                (self.tr("State"), self._violation_state),
            ],
            foreground=lambda r: (
                OVERDUE_COLOR
                if r[1] is not None and violation_overdue(r[1].status, r[1].deadline, desk_today())
                else None
            ),
            parent=self,
        )
        self.violations = named(QTableView(), "violations")
        self.violations.setModel(self.violation_model)
        self.violations.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.violations.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.violations.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.violations.verticalHeader().setVisible(False)
        self.inspections_label = named(QLabel(), "inspections")
        buttons = QGridLayout()
        self.deposit_button = self._button(self.tr("Collect deposit…"), self.collect_deposit)
        self.approve_button = self._button(self.tr("Approve"), self.approve)
        self.reject_button = self._button(self.tr("Reject…"), self.reject)
        self.cancel_button = self._button(self.tr("Cancel permit…"), self.cancel)
        self.inspect_button = self._button(self.tr("Record inspection…"), self.inspect)
        self.follow_button = self._button(self.tr("Follow up violation…"), self.follow_up)
        self.accept_button = self._button(self.tr("Completion acceptance…"), self.accept)
        self.refund_button = self._button(self.tr("Refund deposit…"), self.refund)
        self.print_button = self._button(self.tr("Print permit"), self.print_permit)
        self.passes_button = self._button(self.tr("Print workers' passes"), self.print_passes)
        self.photos_button = self._button(self.tr("Inspection photos…"), self.show_photos)
        self.rectify_button = self._button(
            self.tr("Print rectification notice"), self.print_rectification
        )
        order = [
            self.deposit_button,
            self.approve_button,
            self.reject_button,
            self.cancel_button,
            self.inspect_button,
            self.follow_button,
            self.accept_button,
            self.refund_button,
            self.print_button,
            self.passes_button,
            self.photos_button,
            self.rectify_button,
        ]
        for i, b in enumerate(order):
            buttons.addWidget(b, i // 2, i % 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Inspections and violations")))
        row.addWidget(self.inspections_label, 1)
        layout.addLayout(row)
        layout.addWidget(self.violations, 1)
        self._stale = StaleGuard(self, self.reload)
        ctx.hub.changed.connect(self._changed)  # a bound slot: dropped with the widget
        self._update_buttons()

    def _button(self, text: str, slot: object) -> QPushButton:
        b = QPushButton(text)
        b.clicked.connect(slot)
        return b

    def _violation_state(self, row: InspectionRow) -> str:
        v = row[1]
        if v is None:
            return self.tr("OK")
        if v.status == "rectified":
            return self.tr("Rectified %1").replace("%1", f"{v.rectified_on:%m-%d}")
        if violation_overdue(v.status, v.deadline, desk_today()):
            return self.tr("Overdue")
        return self.tr("Not rectified")  # 未整改: the clerks' word, not 打开

    def _changed(self, changes: Changes) -> None:
        if changes.renovation and self.permit is not None:
            self._stale.changed()

    def reload(self) -> None:
        """Load the permit shown again."""
        if self.permit is not None:
            self.show_permit(self.permit.id)

    def show_permit(self, permit_id: int | None) -> None:
        """Load (on the database worker) and show a permit (None clears)."""
        if permit_id is None:
            self.permit = None
            self.summary.setText(self.tr("Choose an application in the list."))
            self.violation_model.set_rows([])
            self._update_buttons()
            return
        self.ctx.query(
            lambda s: get_permit(s, permit_id), parent=self, action="show permit"
        ).success(self._show).run()

    def _show(self, p: PermitInfo) -> None:
        if not isValid(self):
            return
        self.permit = p
        lines = [
            f"<b>{p.permit_no}</b>　{p.unit_code}　<b>{status_label(p.status)}</b>",
            self.tr("Owner: %1 %2").replace("%1", p.owner_name).replace("%2", p.owner_phone),
            self.tr("Contractor: %1 (%2 %3)")
            .replace("%1", p.contractor)
            .replace("%2", p.contractor_contact)
            .replace("%3", p.contractor_phone),
            self.tr("Scope: %1").replace("%1", p.scope),
            self.tr("Planned: %1 to %2")
            .replace("%1", f"{p.planned_start:%Y-%m-%d}")
            .replace("%2", f"{p.planned_end:%Y-%m-%d}"),
            self.tr("Deposit: %1 yuan %2")
            .replace("%1", yuan(p.deposit_fen))
            .replace(
                "%2",
                self.tr("(receipt %1)").replace("%1", p.deposit_receipt_no)
                if p.deposit_receipt_no
                else self.tr("(not collected)")
                if p.deposit_fen
                else "",
            ),
            self.tr("Workers: %1").replace(
                "%1", "、".join(f"{w.name}（{w.pass_no}）" for w in p.workers) or "—"
            ),
        ]
        if p.decision_reason:
            lines.append(self.tr("Reason: %1").replace("%1", p.decision_reason))
        if p.accepted_on:
            lines.append(
                self.tr("Accepted on %1 by %2")
                .replace("%1", f"{p.accepted_on:%Y-%m-%d}")
                .replace("%2", p.accepted_by)
            )
        if p.refund_fen is not None:
            deducted = "；".join(f"{d.reason} {yuan(d.amount_fen)}" for d in p.deductions)
            lines.append(
                self.tr("Refunded %1 yuan (deductions: %2)")
                .replace("%1", yuan(p.refund_fen))
                .replace("%2", deducted or "—")
            )
        self.summary.setText("<br/>".join(_html(x) if i else x for i, x in enumerate(lines)))
        rows: list[InspectionRow] = []
        for i in p.inspections:
            label = f"{i.inspected_on:%Y-%m-%d} {i.inspector}"
            if i.violations:
                rows += [(label, v, i.notes) for v in i.violations]
            else:
                rows.append((label, None, i.notes))
        self.violation_model.set_rows(rows)
        self.inspections_label.setText(
            self.tr("%1 inspections, %2 open violations")
            .replace("%1", str(len(p.inspections)))
            .replace("%2", str(p.open_violations))
        )
        self._update_buttons()
        self.loaded.emit(p)

    def _update_buttons(self) -> None:
        p = self.permit
        actions = allowed_actions(p.status) if p else ()
        can_approve = self.ctx.can(Permission.APPROVE)
        self.deposit_button.setEnabled(
            p is not None and p.status in ("applied", "approved") and not p.deposit_paid
        )
        self.approve_button.setVisible(can_approve)
        self.reject_button.setVisible(can_approve)
        self.accept_button.setVisible(can_approve)
        self.refund_button.setVisible(can_approve)
        self.approve_button.setEnabled("approve" in actions)
        self.reject_button.setEnabled("reject" in actions)
        self.cancel_button.setEnabled("cancel" in actions)
        self.inspect_button.setEnabled(p is not None and p.status == "approved")
        self.follow_button.setEnabled(p is not None and p.open_violations > 0)
        self.rectify_button.setEnabled(p is not None and any(i.violations for i in p.inspections))
        self.accept_button.setEnabled("accept" in actions)
        self.refund_button.setEnabled(
            p is not None and refundable(p.status, p.deposit_receipt_no, p.refund_fen)
        )
        self.print_button.setEnabled(p is not None and p.status == "approved")
        self.passes_button.setEnabled(p is not None and p.status == "approved" and bool(p.workers))
        self.photos_button.setEnabled(p is not None and any(i.photo_count for i in p.inspections))

    # --- actions ---------------------------------------------------------------------

    def _open(self, dialog: ServiceDialog) -> None:
        self.dialog = dialog
        dialog.open()

    def collect_deposit(self) -> None:
        if self.permit is not None:
            self._open(dialogs.DepositDialog(ctx=self.ctx, permit=self.permit, parent=self))

    def approve(self) -> None:
        p = self.permit
        if p is None:
            return
        self.ctx.op(
            lambda s: permits.approve_permit(s, p.id, expected_version=p.version),
            changes=Changes(renovation=True, units=True),
            parent=self,
            action="approve permit",
        ).busy(self.approve_button).run()

    def reject(self) -> None:
        p = self.permit
        if p is not None:
            self._open(
                dialogs.ReasonDialog(
                    ctx=self.ctx,
                    title=self.tr("Reject application"),
                    action=lambda s, r: permits.reject_permit(
                        s, p.id, reason=r, expected_version=p.version
                    ),
                    parent=self,
                )
            )

    def cancel(self) -> None:
        p = self.permit
        if p is not None:
            self._open(
                dialogs.ReasonDialog(
                    ctx=self.ctx,
                    title=self.tr("Cancel permit"),
                    action=lambda s, r: permits.cancel_permit(s, p.id, reason=r),
                    parent=self,
                )
            )

    def inspect(self) -> None:
        p = self.permit
        if p is None:
            return

        def opened(types: list[ViolationTypeInfo]) -> None:
            self._open(
                dialogs.InspectionDialog(ctx=self.ctx, permit_id=p.id, types=types, parent=self)
            )

        self.ctx.query(inspections.list_violation_types, parent=self).success(opened).run()

    def follow_up(self) -> None:
        if self.permit is None:
            return
        index = self.violations.currentIndex()
        chosen = self.violation_model.item(index.row())[1] if index.isValid() else None
        if chosen is None or chosen.status != "open":
            chosen = next(
                (v for i in self.permit.inspections for v in i.violations if v.status == "open"),
                None,
            )
        if chosen is None:
            return
        what = f"{chosen.type_name} {chosen.description}（{chosen.deadline:%Y-%m-%d}）"
        self._open(
            dialogs.FollowUpDialog(ctx=self.ctx, violation_id=chosen.id, what=what, parent=self)
        )

    def accept(self) -> None:
        if self.permit is not None:
            self._open(dialogs.AcceptDialog(ctx=self.ctx, permit=self.permit, parent=self))

    def refund(self) -> None:
        if self.permit is not None:
            self._open(dialogs.RefundDialog(ctx=self.ctx, permit=self.permit, parent=self))

    def print_permit(self) -> None:
        if self.permit is not None:
            print_permit(self.ctx, self.permit.id, self)

    def chosen_violation(self) -> ViolationInfo | None:
        """The violation selected in the list, else the first open one."""
        if self.permit is None:
            return None
        index = self.violations.currentIndex()
        chosen = self.violation_model.item(index.row())[1] if index.isValid() else None
        if chosen is None:
            chosen = next(
                (v for i in self.permit.inspections for v in i.violations if v.status == "open"),
                None,
            )
        return chosen

    def print_rectification(self) -> None:
        """The 整改通知书 of the chosen violation."""
        chosen = self.chosen_violation()
        if self.permit is not None and chosen is not None:
            print_rectification(self.ctx, self.permit.id, chosen.id, self)

    def show_photos(self) -> None:
        p = self.permit
        if p is None:
            return

        def opened(photos: list[tuple[str, str, bytes]]) -> None:
            self.photos = PhotosDialog(
                photos=photos,
                title=self.tr("Inspection photos %1").replace("%1", p.permit_no),
                parent=self,
            )
            self.photos.open()

        self.ctx.query(lambda s: permit_photos(s, p.id), parent=self).success(opened).run()

    def print_passes(self) -> None:
        if self.permit is not None:
            print_passes(self.ctx, self.permit.id, self)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class PermitWindow(QDialog):
    """One permit in a window of its own; Esc or Close closes (and deletes) it.

    Attributes: permit_id, view (the :class:`PermitView`), close_button.
    """

    def __init__(self, *, ctx: AppContext, permit_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowFlag(Qt.WindowType.Window)
        self.setObjectName("permit_window")
        self.setWindowTitle(self.tr("Renovation permit"))
        self.permit_id = permit_id
        self.view = PermitView(ctx=ctx)
        self.close_button = named(QPushButton(self.tr("Close")), "close_permit")
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.close)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        self.resize(640, 620)
        self.view.loaded.connect(self._loaded)
        self.view.show_permit(permit_id)

    def _loaded(self, permit: PermitInfo) -> None:
        self.setWindowTitle(self.tr("Renovation permit %1").replace("%1", permit.permit_no))


class PermitWindows:
    """Opens permit windows: one per permit, raised if already open, a new one once closed.

    Holds no reference to a window Qt has deleted (the cause of "Internal C++ object already
    deleted" when a closed record window was opened again).
    """

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        self._ctx = ctx
        self._parent = parent
        self._open: dict[int, PermitWindow] = {}

    def window(self, permit_id: int) -> PermitWindow | None:
        """The open window of ``permit_id``, if any."""
        window = self._open.get(permit_id)
        if window is not None and not isValid(window):
            del self._open[permit_id]
            return None
        return window

    def open(self, permit_id: int) -> PermitWindow:
        """Show the permit's window (raising the one already open)."""
        window = self.window(permit_id)
        if window is not None:
            window.raise_()  # already open: bring it forward
            window.activateWindow()
            return window
        parent = self._parent if self._parent is not None and isValid(self._parent) else None
        window = PermitWindow(ctx=self._ctx, permit_id=permit_id, parent=parent)
        self._open[permit_id] = window
        window.show()
        return window
