"""A refusal shown by ``FormErrors`` is read whole: the dialog grows for a wrapped message.

The tryout of issue #19 found two-line refusals in small dialogs with their first and last
lines cut off (the label kept its one-line height); these save by Enter and check that the
message's label is as tall as its wrapped text needs and that the dialog grew for it.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.activities import services as act
from propdesk.activities.queries import activity
from propdesk.auth.actor import Actor, Role
from propdesk.db.engine import Database
from propdesk.errors import Conflict, DomainError, ValidationError
from tests.ui.helpers import SmallEstate, make_ctx, read
from ui.activities.dialogs import FinishDialog
from ui.common.form_dialog import FormDialog
from ui.context import AppContext

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

LONG = (
    "该活动尚未开始，不能结束：开始时间是2026年12月24日18:00，请在活动开始以后再登记实际花费，"
    "或者先修改活动的开始时间；如活动取消，请改用“取消活动”并写明原因，以便通知已报名的住户。"
)


class _Small(FormDialog):
    """A one-field form whose save is refused with ``refusal``."""

    def __init__(self, *, ctx: AppContext, refusal: DomainError) -> None:
        super().__init__(ctx=ctx, title="small", parent=None)
        self.refusal = refusal
        self.spent = QLineEdit()
        self.errors.add_row("&Spent", "spent_fen", self.spent)
        self.install_keys()

    def save(self) -> None:
        refusal = self.refusal

        def write(_s: Session) -> None:
            raise refusal

        self.run_save(write, "small")


def _fits(label: QLabel) -> bool:
    return label.isVisible() and label.height() >= label.heightForWidth(label.width())


@pytest.mark.parametrize(
    ("refusal", "field"),
    [(ValidationError("spent_fen", LONG), "spent_fen"), (Conflict(LONG), "")],
    ids=["by-field", "general"],
)
def test_a_long_refusal_shows_whole(
    qtbot: QtBot, ui_ctx: AppContext, refusal: DomainError, field: str
) -> None:
    dialog = _Small(ctx=ui_ctx, refusal=refusal)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    before = dialog.height()
    dialog.spent.setFocus()
    qtbot.keyClicks(dialog.spent, "12")
    qtbot.keyClick(dialog.spent, Qt.Key.Key_Return)
    label = dialog.errors.labels.get(field, dialog.errors.general)
    assert dialog.errors.visible_messages() == {field: LONG}
    assert label.heightForWidth(label.width()) > label.fontMetrics().height() * 2  # it wraps
    assert _fits(label)
    assert dialog.height() > before
    assert dialog.spent.text() == "12"  # the input stays


def test_finishing_before_the_start_shows_the_whole_refusal(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate, test_clock: clock.FixedClock
) -> None:
    """The tryout's case: 结束活动 on an activity not yet started, refused in its small dialog."""
    manager = Actor(user_id=None, username="zhao", display_name="赵经理", role=Role.MANAGER)
    start = test_clock.now() + timedelta(days=13)
    with sqlite_db.begin(manager) as s:
        aid = act.create_activity(
            s,
            act.ActivitySpec("culture", "书法体验", start, None, "会所", 10, 20000, "赵经理"),
            open_now=True,
        )
    ctx = make_ctx(sqlite_db, manager)
    dialog = FinishDialog(ctx=ctx, activity=read(ctx, lambda s: activity(s, aid)))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    before = dialog.height()
    dialog.spent.setFocus()
    qtbot.keyClicks(dialog.spent, "300")
    qtbot.keyClick(dialog.spent, Qt.Key.Key_Return)
    assert "还没有开始" in dialog.errors.visible_messages()[""]
    assert dialog.errors.general.heightForWidth(dialog.errors.general.width()) > (
        dialog.errors.general.fontMetrics().height() * 1.5
    )  # it takes two lines or more
    assert _fits(dialog.errors.general)
    assert dialog.height() > before
