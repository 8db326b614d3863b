from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from propdesk.archive.models import ArchiveDocument
from propdesk.auth.actor import Actor, Role
from propdesk.db.engine import Database
from propdesk.fees.billing import run_billing
from propdesk.fees.items import set_rate
from propdesk.fees.models import BillLine, Payment
from tests.ui.helpers import CLERK, SmallEstate, make_ctx
from ui.fees.cashier import CashierPage

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
MANAGER = Actor(user_id=None, username="mgr", display_name="经理", role=Role.MANAGER)


def _bill(db: Database) -> None:
    with db.begin(MANAGER) as s:
        set_rate(s, item_code="property", effective_from=date(2025, 1, 1), rate_fen=185)
        set_rate(s, item_code="elevator", effective_from=date(2025, 1, 1), rate_fen=3000)
        run_billing(s, "2026-01")
        run_billing(s, "2026-02")


def _show(qtbot: QtBot, page: CashierPage) -> None:
    with qtbot.waitActive(page):
        page.show()
        page.activateWindow()
    page.unit_edit.setFocus()


class _Previews:
    def __init__(self) -> None:
        self.shown: list[tuple[bytes, str, str]] = []
        self.delivered: list[Callable[[str], None] | None] = []

    def __call__(
        self,
        ctx: object,
        pdf: bytes,
        *,
        title: str,
        suggested_name: str,
        parent: object,
        on_delivered: Callable[[str], None] | None = None,
    ) -> None:
        self.shown.append((pdf, title, suggested_name))
        self.delivered.append(on_delivered)


def test_partial_payment_by_keyboard_prints_the_receipt(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    _bill(sqlite_db)
    page = CashierPage(ctx=make_ctx(sqlite_db, CLERK))
    previews = _Previews()
    page.preview = previews
    qtbot.addWidget(page)
    _show(qtbot, page)

    qtbot.keyClicks(page.unit_edit, "3-2-1502")
    qtbot.keyClick(page.unit_edit, Qt.Key.Key_Return)
    # 89.56 m² × 1.85 = 165.69 + elevator 30.00, two months
    assert page.lines.rowCount() == 4
    assert page.amount_edit.text() == ""  # typed, never pre-filled with the whole balance
    assert "391.38" in page.summary.text()
    assert "张三" in page.unit_info.text()
    assert page.amount_edit.hasFocus()

    page.amount_edit.selectAll()
    qtbot.keyClicks(page.amount_edit, "200")
    qtbot.keyClick(page.amount_edit, Qt.Key.Key_Tab)
    assert page.method_combo.hasFocus()
    page.method_combo.setCurrentIndex(page.method_combo.findData("wechat"))
    qtbot.keyClick(page.method_combo, Qt.Key.Key_Tab)
    qtbot.keyClicks(page.ref_edit, "420000777001")
    with qtbot.wait_signal(page.paid, timeout=5000) as blocker:
        qtbot.keyClick(page.ref_edit, Qt.Key.Key_Return)
    receipt_no = blocker.args[0]

    assert page.error.text() == ""
    assert len(previews.shown) == 1
    pdf, title, name = previews.shown[0]
    assert receipt_no in title
    assert name.endswith(".pdf")
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    for expected in (
        receipt_no,
        "3-2-1502",
        "张三",
        "微信",
        "420000777001",
        "200.00",
        "贰佰元整",
        "2026-01",
    ):
        assert expected in text, expected
    assert "165.69" in text
    assert "30.00" in text
    assert "4.31" in text
    assert receipt_no in page.status.text()
    # the screen shows what is left and is ready for the next unit
    assert page.lines.total_owed() == 39138 - 20000
    assert page.unit_edit.hasFocus()
    with sqlite_db.begin() as s:
        p = s.scalars(select(Payment)).one()
        assert (p.amount_fen, p.method, p.txn_ref) == (20000, "wechat", "420000777001")
        assert sum(s.scalars(select(BillLine.paid_fen)).all()) == 20000
    # A preview is not a print: nothing is filed until the clerk prints (or saves) it; then
    # the receipt is filed once in the unit's archive (一户一档), however often it is printed.
    with sqlite_db.begin() as s:
        assert s.scalars(select(ArchiveDocument)).all() == []
    delivered = previews.delivered[0]
    assert delivered is not None
    delivered("printed")
    delivered("saved")
    with sqlite_db.begin() as s:
        docs = s.scalars(select(ArchiveDocument)).all()
        assert [(d.unit_id, d.title, d.source) for d in docs] == [
            (p.unit_id, f"收费收据 {receipt_no}", "printed")
        ]


def test_picked_line_and_errors_shown_without_losing_input(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    _bill(sqlite_db)
    page = CashierPage(ctx=make_ctx(sqlite_db, CLERK))
    page.preview = _Previews()
    qtbot.addWidget(page)
    _show(qtbot, page)
    qtbot.keyClicks(page.unit_edit, "3-2-1502")
    qtbot.keyClick(page.unit_edit, Qt.Key.Key_Return)
    page.view.setFocus()
    page.view.setCurrentIndex(page.lines.index(3, 1))  # February elevator fee
    qtbot.keyClick(page.view, Qt.Key.Key_Space)
    assert page.amount_edit.text() == "30.00"
    page.method_combo.setCurrentIndex(page.method_combo.findData("alipay"))
    qtbot.keyClick(page.amount_edit, Qt.Key.Key_Return)  # no reference for Alipay
    assert "流水号" in page.error.text()
    assert page.amount_edit.text() == "30.00"
    assert page.ref_edit.hasFocus()
    qtbot.keyClicks(page.ref_edit, "2026ALI0001")
    qtbot.keyClick(page.ref_edit, Qt.Key.Key_Return)
    assert page.error.text() == ""
    with sqlite_db.begin() as s:
        paid = dict(
            s.execute(select(BillLine.period, BillLine.paid_fen).where(BillLine.paid_fen > 0)).all()
        )
    assert paid == {"2026-02": 3000}

    qtbot.keyClicks(page.unit_edit, "9-9-999")
    qtbot.keyClick(page.unit_edit, Qt.Key.Key_Return)
    assert page.error.text() != ""


def test_unit_found_by_owner_name_or_choice(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    from tests.ui.helpers import type_text

    _bill(sqlite_db)
    page = CashierPage(ctx=make_ctx(sqlite_db, CLERK))
    page.preview = _Previews()
    qtbot.addWidget(page)
    type_text(qtbot, page.unit_edit, "王五")
    qtbot.keyClick(page.unit_edit, Qt.Key.Key_Return)
    assert page.unit_edit.text() == "3-1-101"
    assert page.unit_id == small_estate.unit_101
    asked: list[list[str]] = []

    def choose(labels: list[str]) -> tuple[str, bool]:
        asked.append(labels)
        return labels[1], True

    page.choose_unit = choose  # type: ignore[method-assign]
    page.unit_edit.setText("3-2-")
    qtbot.keyClick(page.unit_edit, Qt.Key.Key_Return)
    assert len(asked[0]) == 2
    assert page.unit_edit.text() == asked[0][1].split()[0]
    page.unit_edit.setText("赵六")
    qtbot.keyClick(page.unit_edit, Qt.Key.Key_Return)
    assert "赵六" in page.error.text()
