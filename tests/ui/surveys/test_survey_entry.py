"""The survey screens by keyboard: a questionnaire entered on a call with number keys and
Enter alone (saved once, however often Enter is pressed), a dissatisfied answer's callback
ticket announced, a paper form entered with its source and number, a no-answer and a
refusal recorded by function key."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from propdesk.audit.models import AuditEntry
from propdesk.db.engine import Database
from propdesk.surveys.models import SurveyAnswer, SurveyAnswerChoice, SurveyResponse, SurveySample
from propdesk.tickets.models import Ticket
from tests.propdesk.surveys.helpers import Design, make_design, make_estate, open_campaign
from tests.ui.helpers import CLERK, make_ctx, read, type_text
from ui.surveys.dialogs import CallbackDialog
from ui.surveys.entry import SurveyEntry
from ui.surveys.page import SurveysPage

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

DIGIT = {n: Qt.Key(Qt.Key.Key_0.value + n) for n in range(10)}


def _page(qtbot: QtBot, db: Database, tab: str) -> SurveysPage:
    page = SurveysPage(ctx=make_ctx(db, CLERK))
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page, timeout=2000)
    page.tabs.setCurrentWidget(getattr(page, tab))
    return page


def _press(qtbot: QtBot, entry: SurveyEntry, *keys: Qt.Key) -> None:
    """Each key to the widget that has the keyboard, which must be inside the form."""
    for key in keys:
        focus = QApplication.focusWidget()
        assert focus is not None
        assert focus is entry or entry.isAncestorOf(focus), type(focus).__name__
        qtbot.keyClick(focus, key)


def _answer_all(qtbot: QtBot, entry: SurveyEntry, first: int = 4, comment: str = "") -> None:
    """The design's six questions: three ratings, a single and a multiple choice, a comment."""
    enter = Qt.Key.Key_Return
    _press(qtbot, entry, DIGIT[first], enter)
    assert entry.index == 1
    _press(qtbot, entry, DIGIT[5], enter, DIGIT[3], enter)
    _press(qtbot, entry, DIGIT[2], enter)  # 前台
    _press(
        qtbot, entry, DIGIT[1], DIGIT[3], DIGIT[4], DIGIT[4], enter
    )  # 家政, 维修 (洗车 twice: off)
    assert entry.index == 5
    focus = QApplication.focusWidget()
    assert focus is entry.comment  # a text question: the keys type the comment
    if comment:
        type_text(qtbot, entry.comment, comment)
    _press(qtbot, entry, enter)


def _responses(db: Database) -> list[tuple[int, str, str]]:
    ctx = make_ctx(db)
    return read(
        ctx,
        lambda s: [
            (r.sample_id, r.source, r.paper_form_no)
            for r in s.scalars(select(SurveyResponse).order_by(SurveyResponse.id))
        ],
    )


def _answers(db: Database, design: Design) -> dict[int, tuple[int | None, tuple[int, ...], str]]:
    def get(s: object) -> dict[int, tuple[int | None, tuple[int, ...], str]]:
        from sqlalchemy.orm import Session

        assert isinstance(s, Session)
        out: dict[int, tuple[int | None, tuple[int, ...], str]] = {}
        for a in s.scalars(select(SurveyAnswer)):
            chosen = tuple(
                s.scalars(
                    select(SurveyAnswerChoice.option_index)
                    .where(SurveyAnswerChoice.answer_id == a.id)
                    .order_by(SurveyAnswerChoice.option_index)
                )
            )
            out[design.questions.index(a.question_id)] = (a.rating, chosen, a.text_enc)
        return out

    return read(make_ctx(db), get)


def test_a_questionnaire_is_entered_by_keyboard_alone(qtbot: QtBot, sqlite_db: Database) -> None:
    make_estate(sqlite_db)
    design = make_design(sqlite_db)
    open_campaign(sqlite_db, design)
    page = _page(qtbot, sqlite_db, "calls")
    calls = page.calls
    first = calls.current
    assert first is not None
    assert "*" in first.phone  # masked for the desk
    assert first.unit_code in calls.household.text()
    entry = calls.entry
    qtbot.waitUntil(lambda: QApplication.focusWidget() is entry, timeout=2000)
    # the clerk sees the number to dial only on asking (an audited reveal)
    assert first.phone in calls.household.text()
    calls.number_button.click()
    assert first.phone not in calls.household.text()
    assert re.search(r"138\d{8}", calls.household.text())
    reveals = read(
        make_ctx(sqlite_db),
        lambda s: s.scalar(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "reveal")
        ),
    )
    assert reveals == 1

    # Enter without a rating does not move on; PageUp goes back a question
    _press(qtbot, entry, Qt.Key.Key_Return)
    assert entry.index == 0
    assert entry.message.text()
    _press(qtbot, entry, DIGIT[4], Qt.Key.Key_Return, Qt.Key.Key_PageUp)
    assert entry.index == 0
    assert entry.answers[0].rating == 4
    _answer_all(qtbot, entry, first=4, comment="电梯很干净")
    assert _responses(sqlite_db) == [(first.sample_id, "phone", "")]
    # an extra Enter never submits twice: the next household's form has started
    key = entry.key
    _press(qtbot, entry, Qt.Key.Key_Return)
    _press(qtbot, entry, Qt.Key.Key_Return)
    assert len(_responses(sqlite_db)) == 1
    assert entry.key == key
    assert calls.current is not None
    assert calls.current.sample_id != first.sample_id
    assert first.unit_code in calls.message.text()

    assert _answers(sqlite_db, design) == {
        0: (4, (), ""),
        1: (5, (), ""),
        2: (3, (), ""),
        3: (None, (1,), ""),
        4: (None, (0, 2), ""),
        5: (None, (), "电梯很干净"),
    }
    done = read(
        make_ctx(sqlite_db),
        lambda s: s.scalar(select(SurveySample.status).where(SurveySample.id == first.sample_id)),
    )
    assert done == "done"


def test_a_dissatisfied_answer_opens_a_callback_ticket_and_says_so(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    make_estate(sqlite_db)
    design = make_design(sqlite_db)
    open_campaign(sqlite_db, design)
    page = _page(qtbot, sqlite_db, "calls")
    entry = page.calls.entry
    qtbot.waitUntil(lambda: QApplication.focusWidget() is entry, timeout=2000)
    _answer_all(qtbot, entry, first=1)
    numbers = read(make_ctx(sqlite_db), lambda s: list(s.scalars(select(Ticket.number))))
    assert len(numbers) == 1
    text = page.calls.message.text()
    assert numbers[0] in text
    assert "callback ticket" in text


def test_a_complaint_in_the_comment_opens_a_ticket(qtbot: QtBot, sqlite_db: Database) -> None:
    make_estate(sqlite_db)
    design = make_design(sqlite_db)
    open_campaign(sqlite_db, design)
    page = _page(qtbot, sqlite_db, "calls")
    entry = page.calls.entry
    qtbot.waitUntil(lambda: QApplication.focusWidget() is entry, timeout=2000)
    enter = Qt.Key.Key_Return
    _press(qtbot, entry, DIGIT[4], enter, DIGIT[4], enter, DIGIT[4], enter, DIGIT[1], enter)
    _press(qtbot, entry, DIGIT[2], enter)
    type_text(qtbot, entry.comment, "车库漏水无人处理")
    qtbot.keyClick(entry.comment, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)  # Alt+C
    qtbot.waitUntil(entry.complaint.isChecked, timeout=1000)  # (a mnemonic clicks animated)
    focus = QApplication.focusWidget()
    assert focus is not None
    qtbot.keyClick(focus, enter)
    assert len(_responses(sqlite_db)) == 1
    complaint = read(
        make_ctx(sqlite_db),
        lambda s: s.scalar(select(func.count()).select_from(Ticket)),
    )
    assert complaint == 1
    assert _answers(sqlite_db, design)[5] == (None, (), "车库漏水无人处理")


def test_no_answer_and_refused_by_function_key_in_the_main_window(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    from ui.main_window import MainWindow

    make_estate(sqlite_db)
    design = make_design(sqlite_db)
    open_campaign(sqlite_db, design)
    win = MainWindow(ctx=make_ctx(sqlite_db, CLERK))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    page = win.show_module("surveys")
    assert isinstance(page, SurveysPage)
    page.tabs.setCurrentWidget(page.calls)
    calls = page.calls
    entry = calls.entry
    qtbot.waitUntil(lambda: QApplication.focusWidget() is entry, timeout=2000)
    first = calls.current
    assert first is not None
    _press(qtbot, entry, Qt.Key.Key_F5)  # no answer: attempts 1, another household comes up
    assert first.unit_code in calls.message.text()
    rows = {r.sample_id: r for r in calls.queue_model.rows()}
    assert rows[first.sample_id].attempts == 1
    assert rows[first.sample_id].status == "no_answer"
    second = calls.current
    assert second is not None
    assert second.sample_id != first.sample_id
    _press(qtbot, entry, Qt.Key.Key_F7)  # refused: leaves the queue
    ids = [r.sample_id for r in calls.queue_model.rows()]
    assert second.sample_id not in ids
    status = read(
        make_ctx(sqlite_db),
        lambda s: s.scalar(select(SurveySample.status).where(SurveySample.id == second.sample_id)),
    )
    assert status == "refused"
    assert _responses(sqlite_db) == []

    # F8: the household asks to be called back; the form's time is two hours on, Enter saves
    third = calls.current
    assert third is not None
    _press(qtbot, entry, Qt.Key.Key_F8)
    dialog = calls.dialog
    assert isinstance(dialog, CallbackDialog)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)
    focus = QApplication.focusWidget()
    assert focus is not None
    assert dialog.isAncestorOf(focus)
    qtbot.keyClick(focus, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert third.unit_code in calls.message.text()
    rows = {r.sample_id: r for r in calls.queue_model.rows()}
    assert rows[third.sample_id].status == "callback"
    assert rows[third.sample_id].callback_at is not None
    # the time agreed is said (the queue's call-back column may be scrolled off screen)
    from ui.surveys.common import when

    assert when(rows[third.sample_id].callback_at) in calls.message.text()


def test_a_paper_form_is_entered_with_its_number(qtbot: QtBot, sqlite_db: Database) -> None:
    estate = make_estate(sqlite_db)
    design = make_design(sqlite_db)
    open_campaign(sqlite_db, design)
    page = _page(qtbot, sqlite_db, "paper")
    paper = page.paper
    code = next(h.unit_code for h in paper.households if h.unit_id == estate.eligible[0])
    paper.unit.setFocus()
    qtbot.keyClicks(paper.unit, "nope")
    qtbot.keyClick(paper.unit, Qt.Key.Key_Return)
    assert "nope" in paper.found.text()
    assert not paper.entry.isEnabled()
    paper.unit.clear()
    qtbot.keyClicks(paper.unit, code)
    qtbot.keyClick(paper.unit, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is paper.form_no
    qtbot.keyClicks(paper.form_no, "P-0001")
    qtbot.keyClick(paper.form_no, Qt.Key.Key_Return)
    entry = paper.entry
    assert QApplication.focusWidget() is entry
    _answer_all(qtbot, entry, first=5)
    responses = _responses(sqlite_db)
    assert [(src, no) for _sid, src, no in responses] == [("paper", "P-0001")]
    assert code in paper.message.text()
    assert "re-check" in paper.message.text()  # the first paper form is drawn for a re-check
    assert QApplication.focusWidget() is paper.unit  # ready for the next form

    # the same number again is refused by the core, the answers stay for a correction
    other = next(h.unit_code for h in paper.households if h.unit_id == estate.eligible[1])
    qtbot.keyClicks(paper.unit, other)
    qtbot.keyClick(paper.unit, Qt.Key.Key_Return)
    qtbot.keyClicks(paper.form_no, "P-0001")
    qtbot.keyClick(paper.form_no, Qt.Key.Key_Return)
    _answer_all(qtbot, entry, first=4)
    assert "P-0001" in paper.message.text()
    assert QApplication.focusWidget() is paper.form_no
    assert entry.answers[0].rating == 4  # kept
    paper.form_no.setText("P-0002")
    entry.setFocus()
    _press(qtbot, entry, Qt.Key.Key_Return)  # the last question: submit again
    assert [no for _s, _src, no in _responses(sqlite_db)] == ["P-0001", "P-0002"]


def test_a_printed_form_number_of_another_household_is_questioned_once(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    # seen on the desk: 1-1-1202 typed with the number printed on another household's form
    # started the questionnaire without a word — one of the two boxes is mistyped
    from ui.surveys.campaigns_tab import sample_forms

    make_estate(sqlite_db)
    design = make_design(sqlite_db)
    cid = open_campaign(sqlite_db, design)
    page = _page(qtbot, sqlite_db, "paper")
    paper = page.paper
    numbers = dict(sample_forms(paper.households, cid))  # as printed for the sample
    (code, mine), (_other, theirs) = list(numbers.items())[:2]
    paper.unit.setFocus()
    qtbot.keyClicks(paper.unit, code)
    qtbot.keyClick(paper.unit, Qt.Key.Key_Return)
    qtbot.keyClicks(paper.form_no, theirs)
    qtbot.keyClick(paper.form_no, Qt.Key.Key_Return)
    assert not paper.entry.isEnabled()
    assert theirs in paper.message.text()
    assert mine in paper.message.text()
    assert QApplication.focusWidget() is paper.form_no
    qtbot.keyClick(paper.form_no, Qt.Key.Key_Return)  # Enter again: the clerk keeps it
    assert paper.entry.isEnabled()
    assert QApplication.focusWidget() is paper.entry

    # the household's own printed number starts the questionnaire at once
    paper.entry.setEnabled(False)
    paper.form_no.setText(mine)
    paper.form_no.setFocus()
    qtbot.keyClick(paper.form_no, Qt.Key.Key_Return)
    assert paper.entry.isEnabled()
    assert paper.message.text() == ""
