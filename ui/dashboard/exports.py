"""Every Excel export, reachable from the app (not only the command line).

* the fee collection sheet (收费明细表) of a month or a range, with receipts;
* the arrears sheet (欠费明细表) and the arrears call list (欠费催缴电话清单) on a day;
* the prepayment balances (预收余额表).

Each asks for its parameters in a small dialog (Reports menu) or takes them from the page it
is started on (collection and arrears pages), then asks where to save with a dialog that
opens in the folder of the last export (remembered in ``QSettings``), and writes the
workbook on the database worker with a progress dialog and Cancel: the workbook is saved
only at the end, so a cancelled export leaves no file. The sheet's title rows name the
estate, the period, the user and the day (:func:`propdesk.reporting.sheet_header.sheet_header`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDate,
    QSettings,
    Qt,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.fees.periods import parse_period, period_of
from propdesk.progress import Progress
from propdesk.reporting.sheet_header import day_text, period_text, sheet_header
from ui.common import file_dialogs
from ui.common.keyboard import install_dialog_keys
from ui.common.naming import named
from ui.context import AppContext

R = TypeVar("R")

#: Where the folder of the last export is kept.
FOLDER_KEY = "exports/last_folder"
#: Rows between two progress reports (and Cancel checks).
PROGRESS_EVERY = 2000


@dataclass(frozen=True)
class ButtonText:
    """A button another page shows for one of these exports (translated here, context
    ``Exports``, so the strings live with the exports)."""

    label: str
    tooltip: str

    def text(self) -> str:
        return QCoreApplication.translate("Exports", self.label)

    def tip(self) -> str:
        return QCoreApplication.translate("Exports", self.tooltip)


FEE_SHEET_BUTTON = ButtonText(
    str(QT_TRANSLATE_NOOP("Exports", "E&xport fee sheet…")),
    str(
        QT_TRANSLATE_NOOP(
            "Exports", "Every bill line of these months with its receipt, as an Excel workbook"
        )
    ),
)
CALL_LIST_BUTTON = ButtonText(
    str(QT_TRANSLATE_NOOP("Exports", "Call list…")),
    str(QT_TRANSLATE_NOOP("Exports", "Who to call in each unit in arrears, as an Excel workbook")),
)

SaveDialog = Callable[[QWidget | None, str, str, str], str]
"""``(parent, title, start_path, filter) -> chosen path or ""`` (a file dialog; tests fake it)."""


def _file_dialog(parent: QWidget | None, title: str, start: str, filters: str) -> str:
    path, _ = QFileDialog.getSaveFileName(parent, title, start, filters)
    return path


def last_folder(settings: QSettings) -> Path:
    """The folder of the last export; the user's documents folder the first time."""
    return file_dialogs.last_folder("exports", settings)


def ask_xlsx_path(
    parent: QWidget | None,
    title: str,
    suggested_name: str,
    *,
    settings: QSettings | None = None,
    dialog: SaveDialog = _file_dialog,
) -> str:
    """Ask where to save an ``.xlsx`` (``.xlsx`` added when missing); ``""`` when cancelled.

    The dialog opens in the folder of the previous export, and the chosen folder is
    remembered for the next one (:mod:`ui.common.file_dialogs`).
    """
    return file_dialogs.ask_save_file(
        parent,
        title,
        suggested_name,
        QCoreApplication.translate("Exports", "Excel workbooks (*.xlsx)"),
        suffix=".xlsx",
        purpose="exports",
        settings=settings,
        dialog=dialog,
    )


def counted(rows: Iterable[R], progress: Progress, label: str) -> Iterator[R]:
    """``rows`` passed through, reporting every :data:`PROGRESS_EVERY` rows (Cancel works)."""
    for n, row in enumerate(rows, start=1):
        if n % PROGRESS_EVERY == 0:
            progress.update(n, None, label)
        yield row


# --- the exports (called from the Reports menu and from the fee pages) ------------------


def _saved(parent: QWidget, title: str) -> Callable[[str], None]:
    """Say what was written in a message box that does not block (``open()``, not ``exec()``)."""

    def done(message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, title, message, parent=parent)
        box.setObjectName("export_done")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    return done


def export_fee_sheet(
    ctx: AppContext,
    parent: QWidget,
    *,
    first: str,
    last: str,
    per_building: bool = False,
    ask: Callable[[QWidget, str, str], str] | None = None,
    on_done: Callable[[str], None] | None = None,
    title: str = "",
) -> None:
    """The fee collection sheet of ``first``…``last`` with receipt number, date and method."""
    from propdesk.reporting.fee_sheet import collection_lines
    from reports.excel.fees import write_fee_sheet

    title = title or QCoreApplication.translate("Exports", "Export fee collection sheet")
    span = first if first == last else f"{first}_{last}"
    path = (ask or _ask)(parent, title, f"收费明细表_{span}.xlsx")
    if not path:
        return

    def work(s: Session, progress: Progress) -> str:
        head = sheet_header(s, "收费明细表", period_text(first, last))
        rows = counted(
            collection_lines(s, first, last),
            progress,
            QCoreApplication.translate("Exports", "Lines written"),
        )
        totals = write_fee_sheet(rows, path, per_building=per_building, header=head)
        count = sum(t.rows for t in totals.values())
        billed = sum(t.fen["应收"] for t in totals.values())
        paid = sum(t.fen["实收"] for t in totals.values())
        return (
            QCoreApplication.translate(
                "Exports", "Exported %1 lines to %2 (billed ¥%3, collected ¥%4)."
            )
            .replace("%1", f"{count:,}")
            .replace("%2", path)
            .replace("%3", f"{billed / 100:,.2f}")
            .replace("%4", f"{paid / 100:,.2f}")
        )

    ctx.long_op(work, label=title, parent=parent, action="export fee sheet").success(
        on_done or _saved(parent, title)
    ).run()


def export_arrears_sheet(
    ctx: AppContext,
    parent: QWidget,
    *,
    as_of: date,
    ask: Callable[[QWidget, str, str], str] | None = None,
    on_done: Callable[[str], None] | None = None,
    title: str = "",
) -> None:
    """Every overdue line on ``as_of`` with its age and late fee (phones masked by role)."""
    from propdesk.reporting.fee_sheet import arrears_lines
    from reports.excel.fees import write_arrears_sheet

    title = title or QCoreApplication.translate("Exports", "Export arrears sheet")
    path = (ask or _ask)(parent, title, f"欠费明细表_{as_of.isoformat()}.xlsx")
    if not path:
        return

    def work(s: Session, progress: Progress) -> str:
        head = sheet_header(s, "欠费明细表", f"截至 {day_text(as_of)}")
        rows = counted(
            arrears_lines(s, as_of),
            progress,
            QCoreApplication.translate("Exports", "Lines written"),
        )
        totals = write_arrears_sheet(rows, path, header=head)
        count = sum(t.rows for t in totals.values())
        owed = sum(t.fen["欠费金额"] for t in totals.values())
        return (
            QCoreApplication.translate("Exports", "Exported %1 overdue lines to %2 (¥%3 owed).")
            .replace("%1", f"{count:,}")
            .replace("%2", path)
            .replace("%3", f"{owed / 100:,.2f}")
        )

    ctx.long_op(work, label=title, parent=parent, action="export arrears").success(
        on_done or _saved(parent, title)
    ).run()


def export_call_list(
    ctx: AppContext,
    parent: QWidget,
    *,
    as_of: date,
    ask: Callable[[QWidget, str, str], str] | None = None,
    on_done: Callable[[str], None] | None = None,
    title: str = "",
) -> None:
    """The arrears call list on ``as_of``: who to call in each unit in arrears. Phones are
    shown in full only to the roles that may see them (masked otherwise)."""
    from propdesk.reporting.call_list import call_list_rows
    from reports.excel.fees import write_call_list

    title = title or QCoreApplication.translate("Exports", "Export arrears call list")
    path = (ask or _ask)(parent, title, f"欠费催缴电话清单_{as_of.isoformat()}.xlsx")
    if not path:
        return

    def work(s: Session, progress: Progress) -> str:
        head = sheet_header(s, "欠费催缴电话清单", f"截至 {day_text(as_of)}")
        rows = counted(
            call_list_rows(s, as_of),
            progress,
            QCoreApplication.translate("Exports", "Units written"),
        )
        totals = write_call_list(rows, path, header=head)
        return (
            QCoreApplication.translate("Exports", "Exported %1 units in arrears to %2.")
            .replace("%1", f"{totals.rows:,}")
            .replace("%2", path)
        )

    ctx.long_op(work, label=title, parent=parent, action="export call list").success(
        on_done or _saved(parent, title)
    ).run()


def export_prepaid(
    ctx: AppContext,
    parent: QWidget,
    *,
    ask: Callable[[QWidget, str, str], str] | None = None,
    on_done: Callable[[str], None] | None = None,
    title: str = "",
) -> None:
    """The units holding prepaid credit (预收余额表) today."""
    from propdesk.fees.prepaid import prepaid_balances
    from reports.excel.prepaid import write_prepaid_sheet

    title = title or QCoreApplication.translate("Exports", "Export prepaid balances")
    path = (ask or _ask)(parent, title, "预收余额表.xlsx")
    if not path:
        return

    def work(s: Session, _progress: Progress) -> str:
        today = clock.today(s)
        head = sheet_header(s, "预收余额表", f"截至 {day_text(today)}")
        totals = write_prepaid_sheet(prepaid_balances(s), path, header=head)
        return (
            QCoreApplication.translate(
                "Exports", "Exported %1 units with prepaid credit to %2 (¥%3 in all)."
            )
            .replace("%1", f"{totals.rows:,}")
            .replace("%2", path)
            .replace("%3", f"{totals.fen['预收余额'] / 100:,.2f}")
        )

    ctx.long_op(work, label=title, parent=parent, action="export prepaid").success(
        on_done or _saved(parent, title)
    ).run()


def _ask(parent: QWidget, title: str, suggested: str) -> str:
    return ask_xlsx_path(parent, title, suggested)


# --- parameter dialogs (Reports menu) ---------------------------------------------------


class MonthRangeDialog(QDialog):
    """From month / to month / one sheet per building, for the fee collection sheet."""

    def __init__(self, *, this_month: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("Exports", "Fee collection sheet"))
        self.first = named(QLineEdit(this_month), "export_first")
        self.last = named(QLineEdit(this_month), "export_last")
        self.per_building = named(
            QCheckBox(QCoreApplication.translate("Exports", "One sheet per building")),
            "export_per_building",
        )
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        form = QFormLayout(self)
        form.addRow(QCoreApplication.translate("Exports", "From month:"), self.first)
        form.addRow(QCoreApplication.translate("Exports", "To month:"), self.last)
        form.addRow("", self.per_building)
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        install_dialog_keys(
            self, submit=self._check, default=buttons.button(QDialogButtonBox.StandardButton.Ok)
        )
        self.first.selectAll()

    def months(self) -> tuple[str, str]:
        first = parse_period(self.first.text(), "month")
        last = parse_period(self.last.text() or self.first.text(), "month")
        return first, last

    def _check(self) -> None:
        from propdesk.errors import ValidationError

        try:
            first, last = self.months()
        except ValidationError as exc:  # typed input, checked before any database work
            self.error.setText(exc.message)
            return
        if last < first:
            self.error.setText(
                QCoreApplication.translate("Exports", "The last month is before the first.")
            )
            return
        self.accept()


class DayDialog(QDialog):
    """One day (as of), for the arrears sheet and the call list."""

    def __init__(self, *, title: str, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.day = named(QDateEdit(QDate(today.year, today.month, today.day)), "export_day")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        form = QFormLayout(self)
        form.addRow(QCoreApplication.translate("Exports", "As of:"), self.day)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        install_dialog_keys(
            self, submit=self.accept, default=buttons.button(QDialogButtonBox.StandardButton.Ok)
        )

    def chosen(self) -> date:
        d = self.day.date()
        return date(d.year(), d.month(), d.day())


def menu_fee_sheet(ctx: AppContext, parent: QWidget) -> None:
    """Reports → Fee collection sheet (Excel)…"""
    dialog = MonthRangeDialog(this_month=period_of(clock.today()), parent=parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    first, last = dialog.months()
    export_fee_sheet(
        ctx, parent, first=first, last=last, per_building=dialog.per_building.isChecked()
    )


def _menu_day(title: str, parent: QWidget) -> date | None:
    dialog = DayDialog(title=title, today=clock.today(), parent=parent)
    return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None


def menu_arrears_sheet(ctx: AppContext, parent: QWidget) -> None:
    """Reports → Arrears sheet (Excel)…"""
    day = _menu_day(QCoreApplication.translate("Exports", "Arrears sheet"), parent)
    if day is not None:
        export_arrears_sheet(ctx, parent, as_of=day)


def menu_call_list(ctx: AppContext, parent: QWidget) -> None:
    """Reports → Arrears call list (Excel)…"""
    day = _menu_day(QCoreApplication.translate("Exports", "Arrears call list"), parent)
    if day is not None:
        export_call_list(ctx, parent, as_of=day)


def menu_prepaid(ctx: AppContext, parent: QWidget) -> None:
    """Reports → Prepaid balances (Excel)…"""
    export_prepaid(ctx, parent)
