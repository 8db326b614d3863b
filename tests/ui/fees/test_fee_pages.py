from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from propdesk import clock
from propdesk.auth.actor import Actor, Role
from propdesk.db.engine import Database
from propdesk.fees.billing import run_billing
from propdesk.fees.items import set_rate
from propdesk.fees.payments import take_payment
from propdesk.fees.settings import FeeSettings, save_fee_settings
from tests.ui.helpers import CLERK, SmallEstate, make_ctx
from ui.fees.page import FeesPage
from ui.fees.unit_panel import ArrearsPanel
from ui.printing.preview import PdfPreviewDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

MANAGER = Actor(user_id=None, username="mgr", display_name="经理", role=Role.MANAGER)


def _bill(db: Database, estate: SmallEstate) -> None:
    with db.begin(MANAGER) as s:
        set_rate(s, item_code="property", effective_from=date(2025, 1, 1), rate_fen=185)
        save_fee_settings(s, FeeSettings(late_fee_enabled=True, grace_days=10))
        for p in ("2025-06", "2026-01"):
            run_billing(s, p)
        take_payment(s, unit_id=estate.unit_101, amount_fen=100_000, method="cash")


def test_unit_panel_shows_arrears_at_once(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    _bill(sqlite_db, small_estate)
    panel = ArrearsPanel(ctx=make_ctx(sqlite_db, CLERK), unit_id=small_estate.unit_1502)
    qtbot.addWidget(panel)
    text = panel.text.text()
    assert "331.38" in text  # two months of 165.69 overdue
    assert ">180" in text
    paid = ArrearsPanel(ctx=make_ctx(sqlite_db, CLERK), unit_id=small_estate.unit_101)
    qtbot.addWidget(paid)
    assert "预收" in paid.text.text() or "Credit" in paid.text.text()


def test_fees_page_lists_arrears_and_collection(
    qtbot: QtBot, qtmodeltester: object, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    _bill(sqlite_db, small_estate)
    page = FeesPage(ctx=make_ctx(sqlite_db, MANAGER))
    qtbot.addWidget(page)
    arrears = page.arrears
    qtmodeltester.check(arrears.model)  # type: ignore[attr-defined]
    codes = [r.unit_code for r in arrears.model.rows()]
    assert codes == ["3-2-1501", "3-2-1502"]  # 3-1-101 paid ahead; most owed first
    qtbot.keyClicks(arrears.code, "3-2-1502")
    qtbot.keyClick(arrears.code, "\r")
    assert [r.unit_code for r in arrears.model.rows()] == ["3-2-1502"]
    assert "1" in arrears.total_label.text()

    coll = page.collection
    coll.first.setText("2026-01")
    coll.last.setText("2026-01")
    coll.refresh()
    qtmodeltester.check(coll.model)  # type: ignore[attr-defined]
    total = coll.model.rows()[-1]
    assert total.building == "合计"
    assert total.billed_fen == 16569 + 22200 + 12118
    assert total.collected_fen == 12118

    billing = page.billing
    assert billing.rates.rowCount() == 1
    billing.month.setText("2026-02")
    billing.run()
    assert billing.confirm_dialog is not None  # asks before writing
    billing.confirm_dialog.bill_all.click()
    assert "3" in billing.run_result.text()
    billing.run()
    assert billing.confirm_dialog is None  # nothing new: nothing to confirm
    assert billing.run_result.text() != ""


@pytest.mark.parametrize("amount", ["abc", "1.234"])
def test_cashier_rejects_bad_amount(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate, amount: str
) -> None:
    _bill(sqlite_db, small_estate)
    fees = FeesPage(ctx=make_ctx(sqlite_db, CLERK))
    qtbot.addWidget(fees)
    fees.show()  # a hidden page only marks itself stale on a change
    page = fees.cashier
    qtbot.keyClicks(page.unit_edit, "3-2-1502")
    qtbot.keyClick(page.unit_edit, "\r")
    page.amount_edit.setText(amount)
    page.take()
    assert page.error.text() != ""
    assert page.amount_edit.text() == amount


def test_statement_lists_lines_and_receipts(
    qtbot: QtBot, qtmodeltester: object, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    from propdesk.fees.notices import log_notices, record_contact
    from propdesk.fees.payments import void_payment
    from ui.fees.statement import StatementDialog

    _bill(sqlite_db, small_estate)
    with sqlite_db.begin(MANAGER) as s:
        first = take_payment(s, unit_id=small_estate.unit_1502, amount_fen=10_000, method="cash")
        void_payment(s, first.payment_id, reason="收错金额")
        take_payment(s, unit_id=small_estate.unit_1502, amount_fen=16_569, method="cash")
        record_contact(
            s,
            unit_id=small_estate.unit_1502,
            contact_date=date(2026, 1, 5),
            kind="call",
            outcome="答应月底缴清",
            promised_date=date(2026, 1, 31),
        )
        log_notices(s, [(small_estate.unit_1502, "reminder", 1, "", 16_569)])
    dialog = StatementDialog(ctx=make_ctx(sqlite_db, MANAGER), unit_id=small_estate.unit_1502)
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.payments_model)  # type: ignore[attr-defined]
    assert dialog.lines_model.rowCount() == 2
    pays = dialog.payments_model.rows()
    assert [p.voided for p in pays] == [False, True]
    assert "165.69" in dialog.summary.text()  # owed: the second month
    assert dialog.void_button.isVisibleTo(dialog)
    assert dialog.refund_button.isVisibleTo(dialog)
    assert [c.outcome for c in dialog.contacts_model.rows()] == ["答应月底缴清"]
    assert (
        dialog.contacts_model.data(dialog.contacts_model.index(0, 5)) == "未兑现"
    )  # settled on read
    assert [n.title for n in dialog.notices_model.rows()] == ["第一次催缴函"]


def test_cashier_charges_the_late_fee(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    _bill(sqlite_db, small_estate)
    fees = FeesPage(ctx=make_ctx(sqlite_db, CLERK))
    qtbot.addWidget(fees)
    fees.show()  # a hidden page only marks itself stale on a change
    page = fees.cashier
    qtbot.keyClicks(page.unit_edit, "3-2-1502")
    qtbot.keyClick(page.unit_edit, "\r")
    assert page.lines.rowCount() == 2
    fee = sum(line.late_fee_fen for line in page.lines.lines())
    assert fee > 0
    page.late_button.click()
    assert page.error.text() == ""
    codes = [line.item_code for line in page.lines.lines()]
    assert codes.count("late_fee") >= 1
    assert sum(line.owed_fen for line in page.lines.lines() if line.item_code == "late_fee") == fee
    assert sum(line.late_fee_fen for line in page.lines.lines()) == 0


def _notice_logs(db: Database, kind: str) -> int:
    from sqlalchemy import func, select

    from propdesk.fees.models import NoticeLog

    with db.begin() as s:
        return (
            s.scalar(select(func.count()).select_from(NoticeLog).where(NoticeLog.kind == kind)) or 0
        )


def _previews() -> list[PdfPreviewDialog]:
    from PySide6.QtWidgets import QApplication

    return [w for w in QApplication.topLevelWidgets() if isinstance(w, PdfPreviewDialog)]


def _to_file(path: Path) -> Callable[[QWidget, QPrinter], bool]:
    def choose(_parent: QWidget, printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        return True

    return choose


def _open_preview(qtbot: QtBot, start: Callable[[], None]) -> PdfPreviewDialog:
    before = set(map(id, _previews()))
    start()
    new = [d for d in _previews() if id(d) not in before and d.isVisible()]
    assert len(new) == 1
    return new[0]


def test_billing_page_logs_notices_only_when_printed_or_saved(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate, tmp_path: Path
) -> None:
    import io

    from pypdf import PdfReader

    _bill(sqlite_db, small_estate)
    fees = FeesPage(ctx=make_ctx(sqlite_db, MANAGER))
    qtbot.addWidget(fees)
    fees.billing.month.setText("2026-01")

    # looked at and closed: nothing was sent
    dialog = _open_preview(qtbot, fees.billing.print_notices)
    assert dialog.suggested_name == "缴费通知单_2026-01.pdf"
    pages = PdfReader(io.BytesIO(dialog.pdf)).pages
    assert len(pages) == 2  # 3-1-101 paid ahead; two units owe
    assert "3-2-1501" in pages[0].extract_text() + pages[1].extract_text()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert _notice_logs(sqlite_db, "notice") == 0

    # saved as PDF: logged once, however often it is then saved or printed again
    dialog = _open_preview(qtbot, fees.billing.print_notices)
    dialog.choose_save_path = lambda _p, _s: str(tmp_path / "notices.pdf")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "notices.pdf").exists()
    assert _notice_logs(sqlite_db, "notice") == 2
    dialog.choose_printer = _to_file(tmp_path / "printed.pdf")
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert _notice_logs(sqlite_db, "notice") == 2
    dialog.close()

    # a print dialog cancelled is no print either
    dialog = _open_preview(qtbot, fees.billing.print_notices)
    dialog.choose_printer = lambda _p, _printer: False
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    dialog.close()
    assert _notice_logs(sqlite_db, "notice") == 2


def test_reminder_letters_are_logged_only_when_printed(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    _bill(sqlite_db, small_estate)
    fees = FeesPage(ctx=make_ctx(sqlite_db, MANAGER))
    qtbot.addWidget(fees)

    dialog = _open_preview(qtbot, fees.arrears.print_letters)
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert _notice_logs(sqlite_db, "reminder") == 0

    dialog = _open_preview(qtbot, fees.arrears.print_letters)
    dialog.choose_printer = _to_file(tmp_path / "letters.pdf")
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    printed = len(PdfReader(tmp_path / "letters.pdf").pages)
    assert printed >= 1
    logged = _notice_logs(sqlite_db, "reminder")
    assert logged >= 1
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    dialog.close()
    assert _notice_logs(sqlite_db, "reminder") == logged


def test_statement_shows_credit_movements_and_a_refund_made_from_it(
    qtbot: QtBot,
    qtmodeltester: object,
    sqlite_db: Database,
    small_estate: SmallEstate,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QInputDialog

    from propdesk.fees.money import yuan
    from ui.fees.statement import StatementDialog

    _bill(sqlite_db, small_estate)  # unit 101 paid 1,000.00 in advance: the rest is credit
    dialog = StatementDialog(ctx=make_ctx(sqlite_db, MANAGER), unit_id=small_estate.unit_101)
    qtbot.addWidget(dialog)
    dialog.show()  # reloads on the refund's change while visible
    model = dialog.credit_model
    assert model.rowCount() >= 1
    before = model.row_value(0).balance_fen
    assert before > 1234
    answers = iter([("12.34", True), ("业主要求退回", True)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: next(answers))
    dialog.refund_button.click()
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    shown = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert shown[0] == clock.today().isoformat()
    assert shown[1:4] == ["退款", "-12.34", yuan(before - 1234)]
    assert "业主要求退回" in shown[4]
    assert "Refunded ¥12.34" in dialog.summary.text()
