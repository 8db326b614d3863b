"""A renovation walked through the real dialogs: application, deposit, approval, permit print,
an inspection with a violation, its follow-up, acceptance, the deposit refund, and the
unit's account statement showing the deposit, the deduction and the refund."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QAbstractItemModel, QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from propdesk.db.engine import Database
from propdesk.deposits.queries import deposit_rows
from propdesk.fees.models import Refund
from propdesk.registry import services as reg
from tests.ui.helpers import CLERK, SUPERVISOR, SmallEstate, make_ctx, type_text
from ui.fees.statement import StatementDialog
from ui.printing.preview import PdfPreviewDialog
from ui.renovation.dialogs import (
    AcceptDialog,
    ApplicationDialog,
    DepositDialog,
    FollowUpDialog,
    InspectionDialog,
    RefundDialog,
)
from ui.renovation.page import RenovationPage
from ui.renovation.widgets import ServiceDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _png() -> bytes:
    pixmap = QPixmap(8, 6)
    pixmap.fill(QColor("#c08040"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    pixmap.save(buffer, "PNG")
    return bytes(data.data())


def _shown(model: QAbstractItemModel) -> list[list[str]]:
    """The texts a statement table shows, row by row."""
    return [
        [str(model.data(model.index(r, c))) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def _ok(qtbot: QtBot, dialog: ServiceDialog) -> None:
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )


def test_renovation_from_application_to_deposit_refund(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    clerk = RenovationPage(ctx=make_ctx(sqlite_db, CLERK))
    qtbot.addWidget(clerk)
    clerk.show()
    tab = clerk.permits

    # 1. the clerk registers the application
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    app = tab.dialog
    assert isinstance(app, ApplicationDialog)
    qtbot.keyClicks(app.unit.box, "1502")
    qtbot.keyClick(app.unit.box, Qt.Key.Key_Return)
    assert app.unit.unit_id == small_estate.unit_1502
    assert app.owner.text() == "张三"
    _ok(qtbot, app)  # no contractor yet: the error shows next to the field, nothing is lost
    assert "装修公司" in app.errors.visible_messages()["contractor"]
    assert app.isVisible()
    type_text(qtbot, app.contractor, "安居装饰")
    type_text(qtbot, app.scope, "厨卫翻新")
    app.deposit.clear()
    qtbot.keyClicks(app.deposit, "3000.01")
    app.workers.setFocus()
    type_text(qtbot, app.workers, "钱师傅 13600000001")
    qtbot.keyClick(app.workers, Qt.Key.Key_Return)
    type_text(qtbot, app.workers, "孙师傅")
    qtbot.keyClick(app.contractor, Qt.Key.Key_Return)  # Enter accepts the dialog
    assert not app.isVisible()
    view = tab.view
    assert view.permit is not None
    assert view.permit.status == "applied"
    assert [w.pass_no for w in view.permit.workers] == [
        f"{view.permit.permit_no}-01",
        f"{view.permit.permit_no}-02",
    ]
    assert view.approve_button.isHidden()  # a clerk may not approve
    assert view.refund_button.isHidden()

    # 2. the deposit is taken through the fees module
    qtbot.mouseClick(view.deposit_button, Qt.MouseButton.LeftButton)
    deposit = view.dialog
    assert isinstance(deposit, DepositDialog)
    _ok(qtbot, deposit)
    assert "收据" in view.summary.text() or "receipt" in view.summary.text()
    assert view.permit.deposit_paid
    permit_id = view.permit.id

    # 3. the supervisor approves; the unit shows 装修中
    sup = RenovationPage(ctx=make_ctx(sqlite_db, SUPERVISOR))
    qtbot.addWidget(sup)
    sup.show()
    sup.open_permit(permit_id)
    sv = sup.permits.view
    assert sv.approve_button.isVisible()
    qtbot.mouseClick(sv.approve_button, Qt.MouseButton.LeftButton)
    assert sv.permit is not None
    assert sv.permit.status == "approved"
    with sqlite_db.begin(SUPERVISOR) as s:
        assert reg.get_unit(s, small_estate.unit_1502).status == "renovating"

    # the permit for the door prints: no owner, no deposit; the site manager's phone
    qtbot.mouseClick(sv.print_button, Qt.MouseButton.LeftButton)
    previews = [w for w in QApplication.topLevelWidgets() if isinstance(w, PdfPreviewDialog)]
    assert previews
    door = _pdf_text(previews[-1].pdf)
    assert "张三" not in door
    assert "3,000.01" not in door
    for p in previews:
        p.close()

    # 4. an inspection finds debris in the corridor
    qtbot.mouseClick(sv.inspect_button, Qt.MouseButton.LeftButton)
    insp = sv.dialog
    assert isinstance(insp, InspectionDialog)
    debris = insp.findChild(type(insp.ticket), "violation_debris")
    assert debris is not None
    debris.setChecked(True)
    type_text(qtbot, insp.findChild(type(insp.notes), "description_debris"), "楼道堆放垃圾")
    insp.add_photo("debris.png", _png())
    _ok(qtbot, insp)
    assert not insp.isVisible()
    assert sv.permit.open_violations == 1
    assert sv.violation_model.rowCount() == 1

    # the photo can be looked at
    qtbot.mouseClick(sv.photos_button, Qt.MouseButton.LeftButton)
    assert sv.photos is not None
    assert sv.photos.caption.text().startswith("1 / 1")
    assert not sv.photos.image.pixmap().isNull()
    sv.photos.close()

    # the rectification notice of the violation prints, addressed to owner and contractor
    assert sv.rectify_button.isEnabled()
    qtbot.mouseClick(sv.rectify_button, Qt.MouseButton.LeftButton)
    previews = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, PdfPreviewDialog) and w.isVisible()
    ]
    assert previews
    notice = _pdf_text(previews[-1].pdf)
    for needle in ("整改通知书", "楼道堆放垃圾", "张三", "安居装饰", "签收回执", "前整改完毕"):
        assert needle in notice, needle
    for p in previews:
        p.close()

    # acceptance is refused while the violation is open
    qtbot.mouseClick(sv.accept_button, Qt.MouseButton.LeftButton)
    acc = sv.dialog
    assert isinstance(acc, AcceptDialog)
    _ok(qtbot, acc)
    assert "未整改" in acc.errors.visible_messages()[""]
    acc.reject()

    # 5. follow-up: rectified
    sv.violations.selectRow(0)
    qtbot.mouseClick(sv.follow_button, Qt.MouseButton.LeftButton)
    follow = sv.dialog
    assert isinstance(follow, FollowUpDialog)
    type_text(qtbot, follow.note, "已清理")
    _ok(qtbot, follow)
    assert sv.permit.open_violations == 0

    # 6. acceptance
    qtbot.mouseClick(sv.accept_button, Qt.MouseButton.LeftButton)
    acc = sv.dialog
    assert isinstance(acc, AcceptDialog)
    _ok(qtbot, acc)
    assert sv.permit.status == "accepted"
    with sqlite_db.begin(SUPERVISOR) as s:
        assert reg.get_unit(s, small_estate.unit_1502).status != "renovating"

    # 7. refund less one deduction; the net shows while typing
    qtbot.mouseClick(sv.refund_button, Qt.MouseButton.LeftButton)
    refund = sv.dialog
    assert isinstance(refund, RefundDialog)
    qtbot.mouseClick(refund.add_button, Qt.MouseButton.LeftButton)
    reason, amount = refund.rows[0]
    type_text(qtbot, reason, "垃圾清运费")
    qtbot.keyClicks(amount, "150.5")
    assert refund.net.text() == "2,849.51"
    _ok(qtbot, refund)
    assert not refund.isVisible()
    assert sv.permit.status == "refunded"
    assert sv.permit.refund_fen == 284_951
    with sqlite_db.begin(SUPERVISOR) as s:
        amounts = list(
            s.scalars(select(Refund.amount_fen).where(Refund.unit_id == small_estate.unit_1502))
        )
        [held] = deposit_rows(s, unit_id=small_estate.unit_1502)
    # the deposit is in the deposit ledger, not a fee refund
    assert amounts == []
    assert (held.amount_fen, held.refunded_fen, held.deducted_fen) == (300_001, 284_951, 15_050)
    assert held.status == "refunded"

    # 8. the unit's account: no deposit line; the deduction is its own (income) line paid
    # from the deposit, the kept part passing through the credit
    account = StatementDialog(ctx=make_ctx(sqlite_db, SUPERVISOR), unit_id=small_estate.unit_1502)
    qtbot.addWidget(account)
    lines = {(row[0], row[3], row[4]) for row in _shown(account.lines_model)}
    assert not [row for row in lines if row[0] == "押金"]
    assert ("装修违规扣款", "150.50", "150.50") in lines
    deduction = next(r for r in _shown(account.lines_model) if r[0] == "装修违规扣款")
    assert "垃圾清运费" in deduction[-1]
    moves = [(row[1], row[2], row[3]) for row in reversed(_shown(account.credit_model))]
    assert moves == [
        ("押金转入预收", "150.50", "150.50"),
        ("预收抵扣", "-150.50", "0.00"),
    ]


def _pdf_text(pdf: bytes) -> str:
    import io

    from pypdf import PdfReader

    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
