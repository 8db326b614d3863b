"""The 收费标准 tab: adding a fee item and its rates by keyboard; who may change them."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from propdesk.auth.actor import Actor, Role
from propdesk.db.engine import Database
from propdesk.fees.models import FeeItem, ItemKind
from propdesk.fees.standards import list_scoped_rates
from tests.ui.helpers import CLERK, SmallEstate, make_ctx, read
from ui.fees.standards_page import StandardsPage

# The offscreen plugin warns when a top-level QDateEdit window is shown; not our bug.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

FINANCE = Actor(user_id=None, username="fin", display_name="财务小陈", role=Role.FINANCE)


def _page(qtbot: QtBot, db: Database, actor: Actor) -> tuple[StandardsPage, object]:
    ctx = make_ctx(db, actor)
    page = StandardsPage(ctx=ctx)
    qtbot.addWidget(page)
    with qtbot.waitActive(page):
        page.show()
        page.activateWindow()
    return page, ctx


def test_add_an_item_and_its_rates_by_keyboard(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    page, ctx = _page(qtbot, sqlite_db, FINANCE)
    assert page.items.rowCount() >= 10  # the standard items
    qtbot.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.name.hasFocus()
    qtbot.keyClicks(page.name, "Garbage")
    qtbot.keyClick(page.name, Qt.Key.Key_Tab)
    assert page.category.hasFocus()
    qtbot.keyClicks(page.category, "misc")
    qtbot.keyClick(page.category, Qt.Key.Key_Tab)
    assert page.kind.hasFocus()
    for _ in range(3):  # area → per unit → per space → fixed
        qtbot.keyClick(page.kind, Qt.Key.Key_Down)
    assert page.kind.currentData() == ItemKind.FIXED.value
    qtbot.keyClick(page.kind, Qt.Key.Key_Tab)
    qtbot.keyClicks(page.vacant, "\b20")
    page.category.setFocus()
    qtbot.keyClick(page.category, Qt.Key.Key_Return)  # Enter saves the item, once
    assert ctx.errors.shown == []  # type: ignore[attr-defined]
    item = read(ctx, lambda s: s.scalars(select(FeeItem).where(FeeItem.name == "Garbage")).one())  # type: ignore[arg-type]
    assert (item.kind, item.category, item.vacant_discount_pct) == ("fixed", "misc", 20)
    assert page.rate_value.hasFocus()
    current = page.current_item()
    assert current is not None
    assert current.name == "Garbage"

    qtbot.keyClicks(page.rate_value, "8.5")
    qtbot.keyClick(page.rate_value, Qt.Key.Key_Return)
    assert page.rate_value.text() == ""
    assert page.rate_value.hasFocus()
    assert page.rates.rowCount() == 1
    # a second rate for floors 1-2 only: type the rate, then the upper floor, Enter
    qtbot.keyClicks(page.rate_value, "0")
    page.floor_to.setFocus()
    qtbot.keyClicks(page.floor_to, "2")
    qtbot.keyClick(page.floor_to, Qt.Key.Key_Return)
    rates = read(ctx, lambda s: list_scoped_rates(s, item.id))  # type: ignore[arg-type]
    assert [(r.effective_from, r.rate_fen, r.floor_from, r.floor_to) for r in rates] == [
        (date(2026, 6, 1), 850, None, None),
        (date(2026, 6, 1), 0, None, 2),
    ]
    assert page.rates.rowCount() == 2
    assert ctx.errors.shown == []  # type: ignore[attr-defined]


def test_a_bad_floor_is_shown_and_the_input_kept(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    page, ctx = _page(qtbot, sqlite_db, FINANCE)
    page.item_view.selectRow(0)
    qtbot.keyClicks(page.rate_value, "2")
    qtbot.keyClicks(page.floor_from, "x")
    qtbot.keyClick(page.floor_from, Qt.Key.Key_Return)
    assert "楼层" in page.rate_errors.visible_messages().get("floor_from", "")
    assert page.rate_value.text() == "2"
    assert ctx.errors.shown == []  # type: ignore[attr-defined]


def test_a_clerk_cannot_change_standards(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    page, _ctx = _page(qtbot, sqlite_db, CLERK)
    assert not page.save_item_button.isEnabled()
    assert not page.add_rate_button.isEnabled()


def test_cashier_posts_a_catalogue_charge_once_by_keyboard(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    from propdesk.fees.models import BillLine
    from propdesk.fees.standards import add_rate, save_item
    from ui.fees.catalogue_dialog import CatalogueChargeDialog

    with sqlite_db.begin(FINANCE) as s:
        card = save_item(s, name="门禁卡工本费", kind=ItemKind.ONE_OFF, in_catalogue=True)
        add_rate(s, item_id=card, effective_from=date(2026, 1, 1), rate_fen=2000)
    ctx = make_ctx(sqlite_db, CLERK)
    dialog = CatalogueChargeDialog(ctx=ctx, unit_id=small_estate.unit_1502)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    assert dialog.item.hasFocus()
    assert "20.00" in dialog.item.currentText()
    qtbot.keyClick(dialog.item, Qt.Key.Key_Tab)
    assert dialog.quantity.hasFocus()
    qtbot.keyClicks(dialog.quantity, "\b3")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.quantity, Qt.Key.Key_Return)
    dialog.post()  # a second Enter / retry with the same form: still one charge
    assert ctx.errors.shown == []
    lines = read(
        ctx,
        lambda s: s.execute(
            select(BillLine.amount_fen, BillLine.description).where(BillLine.item_id == card)
        ).all(),
    )
    assert [tuple(r) for r in lines] == [(6000, "门禁卡工本费 × 3")]
