"""docs/keyboard.md, dialog rules: walk every form dialog of the desk.

Each dialog in :data:`DIALOGS` is opened on a small estate and must:

* open with the focus in its first field (never on a button);
* close on Esc when untouched;
* with input typed, ask before Esc discards it (``discard_question``), keep the input when
  the clerk answers "Keep editing", and close after "Discard";
* submit at most once on Enter in its first single-line field, never press Cancel;
* submit on Ctrl+Enter;
* offer no Alt+letter twice.

:func:`test_every_dialog_is_walked` finds every ``QDialog`` subclass under ``ui/`` and fails
for one that is neither walked here nor listed in :data:`NOT_WALKED` with its reason.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

import ui
from propdesk.db.engine import Database
from tests.ui.helpers import CLERK, make_ctx
from tests.ui.keyboard.world import Factory, World, _world
from ui.app import load_translations
from ui.common.keyboard import DialogKeys, collisions, is_field
from ui.context import AppContext

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")




def _ticket_action(key: str) -> Factory:
    def make(ctx: AppContext, w: World) -> QDialog:
        from ui.tickets.ticket_page import TicketPage

        page = TicketPage(ctx=ctx, ticket_id=w.ticket.id)
        dialog = page.action_dialog(key)
        dialog.setParent(None)
        dialog._page = page  # type: ignore[attr-defined]  # keep the page alive
        return dialog

    return make


def _intake(ctx: AppContext, _w: World) -> QDialog:
    from ui.tickets.intake import IntakeDialog

    return IntakeDialog(ctx=ctx)


def _lend(ctx: AppContext, w: World) -> QDialog:
    from ui.keys.page import LendDialog

    return LendDialog(ctx=ctx, deposit_id=w.deposit_id, authorised=["张三"])


def _return(ctx: AppContext, w: World) -> QDialog:
    from ui.keys.page import ReturnDialog

    return ReturnDialog(ctx=ctx, loan_id=w.loan_id, borrower="")


def _deposit(ctx: AppContext, _w: World) -> QDialog:
    from ui.keys.page import DepositKeyDialog

    return DepositKeyDialog(ctx=ctx)


def _withdraw(ctx: AppContext, w: World) -> QDialog:
    from ui.keys.page import WithdrawDialog

    return WithdrawDialog(ctx=ctx, deposit_id=w.deposit_id)


def _person(ctx: AppContext, _w: World) -> QDialog:
    from ui.registry.dialogs import PersonDialog

    return PersonDialog(ctx=ctx)


def _person_edit(ctx: AppContext, w: World) -> QDialog:
    from ui.registry.dialogs import PersonDialog

    return PersonDialog(ctx=ctx, person_id=w.estate.zhang_san)


def _unit(ctx: AppContext, _w: World) -> QDialog:
    from ui.registry.dialogs import UnitDialog

    return UnitDialog(ctx=ctx)


def _building(ctx: AppContext, _w: World) -> QDialog:
    from ui.registry.dialogs import BuildingDialog

    return BuildingDialog(ctx=ctx)


def _estate(ctx: AppContext, _w: World) -> QDialog:
    from ui.registry.dialogs import EstateDialog

    return EstateDialog(ctx=ctx)


def _add_occupant(ctx: AppContext, w: World) -> QDialog:
    from ui.registry.dialogs import AddOccupantDialog

    return AddOccupantDialog(ctx=ctx, unit_id=w.estate.unit_1501)


def _handover(ctx: AppContext, _w: World) -> QDialog:
    from ui.desk.shiftlog import HandoverDialog

    return HandoverDialog(ctx=ctx)


def _vacant(ctx: AppContext, w: World) -> QDialog:
    from ui.desk.panels import VacantCheckDialog

    return VacantCheckDialog(ctx=ctx, unit_id=w.estate.unit_1501)


def _booking(ctx: AppContext, _w: World) -> QDialog:
    from ui.movein.moving_tab import BookingDialog

    return BookingDialog(ctx=ctx, day=date(2026, 6, 20))


def _outage(ctx: AppContext, _w: World) -> QDialog:
    from ui.calls.dialogs import OutageDialog

    return OutageDialog(ctx=ctx)


def _kb_entry(ctx: AppContext, _w: World) -> QDialog:
    from ui.calls.dialogs import KbEntryDialog

    return KbEntryDialog(ctx=ctx)


def _reminder(ctx: AppContext, w: World) -> QDialog:
    from ui.calls.dialogs import ReminderDialog

    return ReminderDialog(ctx=ctx, unit_id=w.estate.unit_1502)


def _call_card(ctx: AppContext, _w: World) -> QDialog:
    from ui.calls.card import CallCard

    return CallCard(ctx=ctx)


def _day(_ctx: AppContext, _w: World) -> QDialog:
    from ui.dashboard.exports import DayDialog

    return DayDialog(title="欠费明细表", today=date(2026, 6, 15))


def _month_range(_ctx: AppContext, _w: World) -> QDialog:
    from ui.dashboard.exports import MonthRangeDialog

    return MonthRangeDialog(this_month="2026-06")


def _notes(ctx: AppContext, _w: World) -> QDialog:
    from dataclasses import replace

    from propdesk.auth.actor import Actor, Role
    from ui.dashboard.notes import NotesDialog

    # The report's notes are a manager's to write (a clerk sees them read-only); same hub.
    manager = Actor(user_id=None, username="mgr", display_name="经理", role=Role.MANAGER)
    return NotesDialog(ctx=replace(ctx, actor=manager), month="2026-06")


def _delivery(ctx: AppContext, w: World) -> QDialog:
    from ui.fees.delivery_dialog import DeliveryDialog

    return DeliveryDialog(ctx=ctx, unit_id=w.estate.unit_1502, unit_code="3-2-1502")


def _print_settings(ctx: AppContext, _w: World) -> QDialog:
    from ui.fees.print_settings import PrintSettingsDialog

    return PrintSettingsDialog(ctx=ctx)


# The documents' forms (issue 16): exports, report notes, delivery, printing settings.
DOCUMENTS: dict[str, Factory] = {
    "DayDialog": _day,
    "MonthRangeDialog": _month_range,
    "NotesDialog": _notes,
    "DeliveryDialog": _delivery,
    "PrintSettingsDialog": _print_settings,
}

# The call desk's forms (issue 17): on ui.common.keyboard like the rest.
CALL_DESK: dict[str, Factory] = {
    "OutageDialog": _outage,
    "KbEntryDialog": _kb_entry,
    "ReminderDialog": _reminder,
    "CallCard": _call_card,
}

DIALOGS: dict[str, Factory] = {
    "IntakeDialog": _intake,
    "DispatchDialog": _ticket_action("dispatch"),
    "TextActionDialog:complete": _ticket_action("complete"),
    "TextActionDialog:note": _ticket_action("note"),
    "CallbackDialog": _ticket_action("callback"),
    "CostsDialog": _ticket_action("costs"),
    "QualityCheckDialog": _ticket_action("quality"),
    "LendDialog": _lend,
    "ReturnDialog": _return,
    "DepositKeyDialog": _deposit,
    "WithdrawDialog": _withdraw,
    "PersonDialog": _person,
    "PersonDialog:edit": _person_edit,
    "UnitDialog": _unit,
    "BuildingDialog": _building,
    "EstateDialog": _estate,
    "AddOccupantDialog": _add_occupant,
    "HandoverDialog": _handover,
    "VacantCheckDialog": _vacant,
    "BookingDialog": _booking,
    **CALL_DESK,
    **DOCUMENTS,
}

# Dialogs not walked here, each with the reason. A new dialog must be walked or listed.
NOT_WALKED: dict[str, str] = {
    "TicketPage": "a record window, not a form (its reopen test covers Esc)",
    "PermitWindow": "a record window, not a form",
    "PdfPreviewDialog": "a viewer: no input to lose",
    "PhotosDialog": "a viewer: no input to lose",
    "ImportErrorsDialog": "a report of an import: no input",
    "StatementDialog": "a statement viewer: no input",
    "FirstRunSetupDialog": "runs before the desk exists (set-up wizard)",
    "ServiceDialog": "the base class of the walked key, renovation and booking forms",
    "ActionDialog": "the base class of the walked ticket action dialogs",
    "RecordDialog": "the base class of the walked registry dialogs",
    "FindingsDialog": "complaint tickets only; same ActionDialog base as the walked ones",
    "EndOccupancyDialog": "walked by tests/ui/test_keyboard_flow.py (move-out by keyboard)",
    "BuildingChooser": "a list to pick from: Enter picks, Esc closes (no typed input)",
    "MoveInDialog": "a checklist window saved with Ctrl+S; walked by tests/ui/movein",
    "DeskSettingsDialog": "administrator settings (tables), not a desk form",
    "ServiceDeskSettingsDialog": "administrator settings (tables), not a desk form",
    "ViolationTypesDialog": "administrator settings (a table), not a desk form",
    "BillingConfirmDialog": "a confirmation: no input",
    "ApplicationDialog": "renovation: ServiceDialog base (rules installed there)",
    "DepositDialog": "renovation: ServiceDialog base (rules installed there)",
    "ReasonDialog": "renovation: ServiceDialog base (rules installed there)",
    "InspectionDialog": "renovation: ServiceDialog base (rules installed there)",
    "FollowUpDialog": "renovation: ServiceDialog base (rules installed there)",
    "AcceptDialog": "renovation: ServiceDialog base (rules installed there)",
    "RefundDialog": "renovation: ServiceDialog base (rules installed there)",
    "RefundDepositDialog": "deposits: ServiceDialog base (rules installed there)",
    "ConflictDialog": "shows two versions after a stale save: a choice, no typed input",
    "DirectoryPicker": "a list to pick from: Enter picks, Esc closes (no typed input)",
    "_Form": "the base class of the walked call desk forms",
    "FormDialog": "the base class of the walked care, activity, archive and household forms",
    "CloseOutageDialog": "call desk: closes a listed outage (same _Form rules as the walked ones)",
    "ServerLoginDialog": "runs before the desk exists (server login at start-up)",
}




def _feature_cases() -> tuple[dict[str, Factory], dict[str, str]]:
    """The dialogs of feature modules, from ``tests/ui/keyboard/dialogs_<feature>.py``.

    Each such module defines ``DIALOGS: dict[str, Factory]`` (and optionally ``NOT_WALKED``
    with reasons), so a new feature walks its forms without editing this file.
    """
    import tests.ui.keyboard as here

    dialogs: dict[str, Factory] = {}
    not_walked: dict[str, str] = {}
    for info in pkgutil.iter_modules(here.__path__):
        if info.name.startswith("dialogs_"):
            module = importlib.import_module(f"tests.ui.keyboard.{info.name}")
            dialogs.update(getattr(module, "DIALOGS", {}))
            not_walked.update(getattr(module, "NOT_WALKED", {}))
    return dialogs, not_walked


_FEATURE_DIALOGS, _FEATURE_NOT_WALKED = _feature_cases()
DIALOGS.update(_FEATURE_DIALOGS)
NOT_WALKED.update(_FEATURE_NOT_WALKED)


def _all_dialog_classes() -> set[str]:
    for info in pkgutil.walk_packages(ui.__path__, "ui."):
        if info.name in ("ui.cli",) or info.name.startswith("ui.commands"):
            continue
        importlib.import_module(info.name)
    found: set[str] = set()
    todo: list[type] = [QDialog]
    while todo:
        cls = todo.pop()
        subs: list[type] = cls.__subclasses__()
        for sub in subs:
            todo.append(sub)
            if sub.__module__.startswith("ui."):
                found.add(sub.__name__)
    return found


def test_every_dialog_is_walked() -> None:
    walked = {name.split(":")[0] for name in DIALOGS}
    missing = sorted(_all_dialog_classes() - walked - set(NOT_WALKED))
    assert missing == [], f"dialogs neither walked nor listed with a reason: {missing}"


def _open(qtbot: QtBot, factory: Factory, ctx: AppContext, world: World) -> QDialog:
    dialog = factory(ctx, world)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)
    return dialog


def _type_into(qtbot: QtBot, field: QWidget) -> None:
    if isinstance(field, QComboBox) and not field.isEditable():
        qtbot.keyClick(field, Qt.Key.Key_Down)
        if field.currentIndex() <= 0 and field.count() < 2:
            field.setCurrentIndex(-1)  # a one-item list: clearing it is the change
    elif isinstance(field, QAbstractSpinBox):
        before = field.text()
        qtbot.keyClick(field, Qt.Key.Key_Up)
        if field.text() == before:  # at its maximum
            qtbot.keyClick(field, Qt.Key.Key_Down)
    else:
        qtbot.keyClicks(field, "7x")


def _question(dialog: QDialog) -> QMessageBox | None:
    shown = [b for b in dialog.findChildren(QMessageBox, "discard_question") if b.isVisible()]
    return shown[0] if shown else None


def chinese_installed() -> list[QTranslator]:
    """Install the Chinese translations (removed again by the ``_english_after`` fixture)."""
    app = QCoreApplication.instance()
    assert app is not None
    return load_translations(app, "zh_CN")


@pytest.fixture(autouse=True)
def _english_after() -> Iterator[None]:
    saved = QLocale()
    yield
    app = QCoreApplication.instance()
    if app is None:
        return
    for translator in app.findChildren(QTranslator):
        app.removeTranslator(translator)
        translator.deleteLater()
    QLocale.setDefault(saved)


@pytest.fixture
def world(sqlite_db: Database) -> World:
    return _world(sqlite_db)


@pytest.mark.parametrize("name", sorted(DIALOGS))
def test_dialog_keyboard_rules(qtbot: QtBot, sqlite_db: Database, world: World, name: str) -> None:
    factory = DIALOGS[name]
    ctx = make_ctx(sqlite_db, CLERK)
    writes: list[object] = []
    ctx.hub.changed.connect(writes.append)

    # No Alt+letter twice, in English and in the clerk's Chinese.
    dialog = _open(qtbot, factory, ctx, world)
    assert collisions(dialog) == {}, "English"
    dialog.close()
    chinese = chinese_installed()

    # Focus in the first field; untouched Esc closes.
    dialog = _open(qtbot, factory, ctx, world)
    keys = DialogKeys.of(dialog)
    assert keys is not None, "keyboard rules not installed"
    first = keys.first_field()
    assert first is not None
    assert is_field(first)
    focused = dialog.focusWidget()
    assert focused is first or (focused is not None and first.isAncestorOf(focused)), (
        f"focus on {type(focused).__name__} {focused.objectName() if focused else ''}, "
        f"first field {first.objectName()}"
    )
    assert collisions(dialog) == {}, "Chinese"
    assert chinese
    qtbot.keyClick(focused, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected

    # Typed input: Esc asks; "Keep editing" keeps it; "Discard" closes.
    dialog = _open(qtbot, factory, ctx, world)
    field = dialog.focusWidget()
    assert field is not None
    _type_into(qtbot, field)
    before = _value(field)
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    box = _question(dialog)
    assert box is not None, "Esc discarded typed input without asking"
    assert dialog.isVisible()
    qtbot.keyClick(box, Qt.Key.Key_Escape)  # = keep editing
    assert _question(dialog) is None
    assert dialog.isVisible()
    assert _value(field) == before
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    box = _question(dialog)
    assert box is not None
    discard = box.findChild(QWidget, "discard_yes")
    assert discard is not None
    qtbot.mouseClick(discard, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()

    # Enter in the first single-line field: at most one write, never Cancel.
    dialog = _open(qtbot, factory, ctx, world)
    field = dialog.focusWidget()
    assert field is not None
    writes.clear()
    if isinstance(field, QLineEdit | QAbstractSpinBox | QComboBox):
        qtbot.keyClick(field, Qt.Key.Key_Return)
        assert len(writes) <= 1
        assert dialog.isVisible() or dialog.result() == QDialog.DialogCode.Accepted
    if dialog.isVisible():
        keys = DialogKeys.of(dialog)
        assert keys is not None
        with qtbot.waitSignal(keys.submit_requested, timeout=500):
            target = dialog.focusWidget() or dialog
            qtbot.keyClick(target, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        assert len(writes) <= 1
        dialog.close()


def _value(widget: QWidget) -> object:
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return widget.currentText()
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    return None
