"""The small dialogs behind the ticket page's actions: each validates and saves on OK.

Every dialog runs one service in one transaction through the operation object
(``ctx.op(..., changes=Changes(tickets=True))``) with the version the page showed. The
values are read from the widgets on the UI thread; the work runs on the database worker.
A service error appears in the dialog, nothing typed is lost, the dialog stays open and
accepts only on success; OK is disabled while the work runs.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from propdesk.errors import DomainError, ValidationError
from propdesk.tickets import services as svc
from propdesk.tickets.complaints import set_findings
from propdesk.tickets.costs import CostLineInput, set_cost_lines
from propdesk.tickets.staff import list_staff
from propdesk.tickets.values import CostKind, Department, StaffInfo, TicketInfo
from ui.common.forms import FormErrors
from ui.common.keyboard import install_dialog_keys
from ui.common.naming import named
from ui.context import AppContext
from ui.events import Changes
from ui.tickets import labels


class ActionDialog(QDialog):
    """A form whose OK runs :meth:`command` in one transaction and closes on success.

    Attributes:
        form: the ``QFormLayout`` subclasses fill.
        errors: its :class:`FormErrors`.
        ok_button: the OK button (default: Enter accepts outside multi-line fields).
    """

    def __init__(
        self, *, ctx: AppContext, ticket: TicketInfo, title: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ticket = ticket
        self.setWindowTitle(f"{title} — {ticket.number}")
        self.setMinimumWidth(460)
        self.form = QFormLayout()
        self.errors = FormErrors(self.form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("action_ok")
        self.ok_button.setDefault(True)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.errors.general)
        layout.addWidget(self.buttons)
        # Focus in the first field (never on OK), Enter presses OK only, Ctrl+Enter saves,
        # Esc with a typed note asks first (ui.common.keyboard).
        self.keys = install_dialog_keys(self, submit=self.save, default=self.ok_button)

    def command(self) -> Callable[[Session], object]:
        """The work of OK, with the form's values already read (it runs on the worker)."""
        raise NotImplementedError

    def save(self) -> None:
        """Run the action; accept only when it succeeded."""
        if not self.ok_button.isEnabled():  # already running (Ctrl+Return twice)
            return
        self.ctx.op(
            self.command(),
            changes=Changes(tickets=True),
            parent=self,
            action=f"ticket action: {self.windowTitle()}",
        ).busy(self.ok_button).failure(form_failure(self.errors)).success(self._saved).run()

    def _saved(self, result: object) -> None:
        self.errors.clear()
        self.saved(result)
        self.accept()

    def saved(self, result: object) -> None:
        """Hook: the action's result, before the dialog closes."""


def form_failure(errors: FormErrors) -> Callable[[BaseException], bool]:
    """A failure handler that shows a domain error in the form (input kept) and says handled;
    any other failure goes on to the common handler."""

    def handle(exc: BaseException) -> bool:
        if isinstance(exc, DomainError):
            errors.show(exc)
            return True
        return False

    return handle


def _text_edit(name: str, height: int = 70) -> QPlainTextEdit:
    edit = named(QPlainTextEdit(), name)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(height)
    return edit


class DispatchDialog(ActionDialog):
    """Dispatch (or reassign) to a staff member or a whole department."""

    def __init__(
        self, *, ctx: AppContext, ticket: TicketInfo, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx=ctx, ticket=ticket, title=self.tr("Dispatch"), parent=parent)
        self.assignee = named(QComboBox(), "dispatch_assignee")
        self.note = named(QLineEdit(), "dispatch_note")
        self.errors.add_row(self.tr("&Assign to"), "staff_id", self.assignee)
        self.errors.add_row(self.tr("&Note"), "note", self.note)
        self.ok_button.setEnabled(False)  # until the staff list is in
        ctx.query(list_staff, parent=self, action="list staff").success(self._fill).run()

    def _fill(self, staff: list[StaffInfo]) -> None:
        """The category's department first, its staff next, then everyone else."""
        ticket = self.ticket
        ordered = sorted(
            staff, key=lambda p: (p.department != ticket.department, p.department, p.name)
        )
        for person in ordered:
            self.assignee.addItem(
                f"{person.name}（{labels.shown(labels.DEPARTMENTS, person.department)}）",
                ("s", person.id),
            )
        for dept in Department:
            self.assignee.addItem(
                self.tr("Department: %1").replace(
                    "%1", labels.shown(labels.DEPARTMENTS, dept.value)
                ),
                ("d", dept.value),
            )
        self.ok_button.setEnabled(True)

    def command(self) -> Callable[[Session], object]:
        tag, value = self.assignee.currentData() or ("", "")
        ticket_id, version, note = self.ticket.id, self.ticket.version, self.note.text()
        staff_id = int(value) if tag == "s" else None
        department = str(value) if tag == "d" else ""
        return lambda session: svc.dispatch(
            session,
            ticket_id,
            staff_id=staff_id,
            department=department,
            note=note,
            expected_version=version,
        )


class TextActionDialog(ActionDialog):
    """One text field: start (note), complete (work done), close (note), cancel (reason), note."""

    def __init__(
        self,
        *,
        ctx: AppContext,
        ticket: TicketInfo,
        title: str,
        label: str,
        field: str,
        run: Callable[[Session, str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx=ctx, ticket=ticket, title=title, parent=parent)
        self.text = _text_edit("action_text")
        self._run = run
        self.errors.add_row(label, field, self.text)

    def command(self) -> Callable[[Session], object]:
        run, text = self._run, self.text.toPlainText()
        return lambda session: run(session, text)


class RatingBox(QSpinBox):
    """A rating 1–5 that starts unchosen ("not rated", 0): a number key 1–5 sets it and moves
    on to the next field, Up/Down step; :meth:`rating` is ``None`` while unchosen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(0, 5)
        self.setSpecialValueText(self.tr("not rated"))
        self.setValue(0)

    def rating(self) -> int | None:
        return self.value() or None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if (
            Qt.Key.Key_1.value <= key <= Qt.Key.Key_5.value
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            self.setValue(key - Qt.Key.Key_0.value)
            self.focusNextChild()
            return
        super().keyPressEvent(event)


class CallbackDialog(ActionDialog):
    """The callback (回访): three ratings 1–5, fixed or not, a comment.

    Nothing is preset: the ratings start at "not rated" and neither "fixed" nor "not
    fixed" is chosen, so a callback records only what the resident said. Keys: a digit
    1–5 sets a rating and moves on (``4 4 5``), Alt+Y / Alt+N answer "fixed?", Ctrl+Enter
    saves; a missing answer is named by its field and nothing is saved.
    """

    def __init__(
        self, *, ctx: AppContext, ticket: TicketInfo, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx=ctx, ticket=ticket, title=self.tr("Callback"), parent=parent)
        self.overall = named(RatingBox(), "callback_overall")
        self.speed = named(RatingBox(), "callback_speed")
        self.attitude = named(RatingBox(), "callback_attitude")
        self.fixed_yes = named(QRadioButton(self.tr("&Yes, fixed")), "callback_fixed_yes")
        self.fixed_no = named(QRadioButton(self.tr("&No, not fixed")), "callback_fixed_no")
        self.fixed_group = QButtonGroup(self)
        self.fixed_group.setExclusive(True)
        self.fixed_group.addButton(self.fixed_yes)
        self.fixed_group.addButton(self.fixed_no)
        for button in (self.fixed_yes, self.fixed_no):
            # Alt+Y / Alt+N "animate" a click that lands 100 ms later; choose at once, so
            # an immediate Ctrl+Enter saves the answer just given.
            button.pressed.connect(lambda b=button: b.setChecked(True))
        fixed = QWidget()
        fixed.setObjectName("callback_fixed")
        row = QHBoxLayout(fixed)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.fixed_yes)
        row.addWidget(self.fixed_no)
        row.addStretch(1)
        self.comment = _text_edit("callback_comment", 60)
        self.errors.add_row(self.tr("&Overall (1–5)"), "overall", self.overall)
        self.errors.add_row(self.tr("&Speed (1–5)"), "speed", self.speed)
        self.errors.add_row(self.tr("&Attitude (1–5)"), "attitude", self.attitude)
        self.errors.add_row(self.tr("Problem fixed?"), "fixed", fixed)
        self.errors.add_row(self.tr("&Comment"), "comment", self.comment)
        self.reopened = False

    def fixed(self) -> bool | None:
        """The clerk's answer to "fixed?" (``None`` until chosen)."""
        if self.fixed_yes.isChecked():
            return True
        if self.fixed_no.isChecked():
            return False
        return None

    def command(self) -> Callable[[Session], object]:
        ticket_id, version = self.ticket.id, self.ticket.version
        overall, speed = self.overall.rating(), self.speed.rating()
        attitude, fixed = self.attitude.rating(), self.fixed()
        comment = self.comment.toPlainText()
        return lambda session: svc.callback(
            session,
            ticket_id,
            overall=overall,
            speed=speed,
            attitude=attitude,
            fixed=fixed,
            comment=comment,
            expected_version=version,
        )

    def saved(self, result: object) -> None:
        self.reopened = bool(result)


class QualityCheckDialog(ActionDialog):
    """A supervisor's quality check of a closed ticket."""

    def __init__(
        self, *, ctx: AppContext, ticket: TicketInfo, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx=ctx, ticket=ticket, title=self.tr("Quality check"), parent=parent)
        self.passed = named(QCheckBox(self.tr("&Passed")), "qc_passed")
        self.passed.setChecked(True)
        self.note = _text_edit("qc_note", 60)
        self.form.addRow("", self.passed)
        self.errors.add_row(self.tr("&Note"), "note", self.note)

    def command(self) -> Callable[[Session], object]:
        ticket_id, passed, note = self.ticket.id, self.passed.isChecked(), self.note.toPlainText()
        return lambda session: svc.quality_check(session, ticket_id, passed=passed, note=note)


class FindingsDialog(ActionDialog):
    """A complaint's findings: responsible department, valid or not and why, cause, resolution."""

    def __init__(
        self, *, ctx: AppContext, ticket: TicketInfo, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx=ctx, ticket=ticket, title=self.tr("Complaint findings"), parent=parent)
        self.department = named(QComboBox(), "findings_department")
        self.department.addItem(self.tr("Not decided"), "")
        for dept in Department:
            self.department.addItem(labels.shown(labels.DEPARTMENTS, dept.value), dept.value)
        self.department.setCurrentIndex(
            max(self.department.findData(ticket.responsible_department or ticket.department), 0)
        )
        self.valid = named(QComboBox(), "findings_valid")
        for text, value in (
            (self.tr("Not decided"), None),
            (self.tr("Valid"), True),
            (self.tr("Not valid"), False),
        ):
            self.valid.addItem(text, value)
        self.valid.setCurrentIndex(max(self.valid.findData(ticket.complaint_valid), 0))
        self.reason = named(QLineEdit(ticket.validity_reason), "findings_reason")
        self.cause = _text_edit("findings_cause", 50)
        self.cause.setPlainText(ticket.root_cause)
        self.resolution = _text_edit("findings_resolution", 50)
        self.resolution.setPlainText(ticket.resolution)
        self.errors.add_row(
            self.tr("Responsible &department"), "responsible_department", self.department
        )
        self.errors.add_row(self.tr("&Valid"), "valid", self.valid)
        self.errors.add_row(self.tr("&Reason"), "validity_reason", self.reason)
        self.errors.add_row(self.tr("Root &cause"), "root_cause", self.cause)
        self.errors.add_row(self.tr("Re&solution"), "resolution", self.resolution)

    def command(self) -> Callable[[Session], object]:
        ticket_id, version = self.ticket.id, self.ticket.version
        department: str = self.department.currentData() or ""
        valid: bool | None = self.valid.currentData()
        reason, cause = self.reason.text(), self.cause.toPlainText()
        resolution = self.resolution.toPlainText()
        return lambda session: set_findings(
            session,
            ticket_id,
            responsible_department=department,
            valid=valid,
            validity_reason=reason,
            root_cause=cause,
            resolution=resolution,
            expected_version=version,
        )


class CloseComplaintDialog(FindingsDialog):
    """Close a complaint: its conclusion (filled from the findings recorded) and a note.

    The conclusion and the close are one transaction (:func:`svc.close_complaint`): a missing
    part (verdict, department and root cause when upheld, result) is shown by its field, the
    clerk's input stays, and nothing is saved.
    """

    def __init__(
        self, *, ctx: AppContext, ticket: TicketInfo, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx=ctx, ticket=ticket, parent=parent)
        title = self.tr("Close complaint")
        self.setWindowTitle(f"{title} — {ticket.number}")
        self.note = _text_edit("close_note", 50)
        self.errors.add_row(self.tr("Close &note"), "note", self.note)

    def command(self) -> Callable[[Session], object]:
        ticket_id, version = self.ticket.id, self.ticket.version
        department: str = self.department.currentData() or ""
        valid: bool | None = self.valid.currentData()
        reason, cause = self.reason.text(), self.cause.toPlainText()
        resolution, note = self.resolution.toPlainText(), self.note.toPlainText()
        return lambda session: svc.close_complaint(
            session,
            ticket_id,
            responsible_department=department,
            valid=valid,
            validity_reason=reason,
            root_cause=cause,
            resolution=resolution,
            note=note,
            expected_version=version,
        )


def yuan(fen: int) -> str:
    """Integer fen → ``1,234.50`` (integers only)."""
    sign = "-" if fen < 0 else ""
    whole, cents = divmod(abs(fen), 100)
    return f"{sign}{whole:,}.{cents:02d}"


def parse_yuan(text: str) -> int:
    """``"38.5"`` → 3850 fen, exactly (no float)."""
    value = text.strip().replace(",", "").replace("¥", "")
    whole, _, frac = value.partition(".")
    if not whole.isdigit() or (frac and (not frac.isdigit() or len(frac) > 2)):
        raise ValidationError("unit_price_fen", "单价格式应为金额，例如 38.50。")
    return int(whole) * 100 + int((frac + "00")[:2])


class CostsDialog(ActionDialog):
    """Labour and material lines of a paid repair."""

    def __init__(
        self, *, ctx: AppContext, ticket: TicketInfo, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx=ctx, ticket=ticket, title=self.tr("Paid-service costs"), parent=parent)
        self.lines: list[CostLineInput] = [
            CostLineInput(c.kind, c.description, c.quantity, c.unit_price_fen)
            for c in ticket.cost_lines
        ]
        self.paid = named(QCheckBox(self.tr("Charge the resident (paid service)")), "costs_paid")
        self.paid.setChecked(ticket.is_paid or not ticket.cost_lines)
        self.kind = named(QComboBox(), "costs_kind")
        for k in CostKind:
            self.kind.addItem(labels.shown(labels.COST_KINDS, k.value), k.value)
        self.item = named(QLineEdit(), "costs_item")
        self.quantity = named(QSpinBox(), "costs_quantity")
        self.quantity.setRange(1, 10_000)
        self.price = named(QLineEdit(), "costs_price")
        self.price.setPlaceholderText("0.00")
        add = named(QPushButton(self.tr("&Add line")), "costs_add")
        add.setAutoDefault(False)
        add.clicked.connect(self._add)
        remove = named(QPushButton(self.tr("&Remove line")), "costs_remove")
        remove.setAutoDefault(False)
        remove.clicked.connect(self._remove)
        entry = QHBoxLayout()
        for w in (self.kind, self.item, self.quantity, self.price, add):
            entry.addWidget(w)
        self.list = named(
            QListWidget(), "costs_lines"
        )  # a handful of lines being edited, not a data list
        self.form.addRow("", self.paid)
        self.form.addRow(self.tr("New line"), entry)
        self.errors.add_row(self.tr("Lines"), "description", self.list)
        self.form.addRow("", remove)
        self._show_lines()

    def _add(self) -> None:
        try:
            price = parse_yuan(self.price.text() or "0")
        except ValidationError as exc:
            self.errors.show(exc)
            return
        if not self.item.text().strip():
            self.errors.show(ValidationError("description", self.tr("Enter what the line is for.")))
            return
        self.lines.append(
            CostLineInput(
                self.kind.currentData(), self.item.text().strip(), self.quantity.value(), price
            )
        )
        self.item.clear()
        self.price.clear()
        self.quantity.setValue(1)
        self.errors.clear()
        self._show_lines()
        self.item.setFocus()

    def _remove(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.lines):
            del self.lines[row]
            self._show_lines()

    def _show_lines(self) -> None:
        self.list.clear()
        for line in self.lines:
            amount = line.quantity * line.unit_price_fen
            self.list.addItem(
                f"{labels.shown(labels.COST_KINDS, line.kind)}  {line.description}  ×{line.quantity}  "
                f"{yuan(line.unit_price_fen)} = {yuan(amount)}"
            )

    def command(self) -> Callable[[Session], object]:
        ticket_id, version = self.ticket.id, self.ticket.version
        lines, is_paid = list(self.lines), self.paid.isChecked()
        return lambda session: set_cost_lines(
            session, ticket_id, lines, is_paid=is_paid, expected_version=version
        )
