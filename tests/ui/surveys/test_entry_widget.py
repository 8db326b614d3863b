"""The questionnaire entry widget alone: keys, refusals, one submit per form."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from propdesk.surveys.values import RATING_LABELS, AnswerInput, QuestionKind, QuestionRow
from tests.ui.helpers import type_text
from ui.surveys.entry import SurveyEntry

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

QUESTIONS = [
    QuestionRow(11, QuestionKind.RATING, "保洁满意吗？", (), RATING_LABELS, "保洁", False, True),
    QuestionRow(
        12, QuestionKind.MULTI, "希望增加？", ("家政", "快递", "洗车"), (), "", False, True
    ),
    QuestionRow(13, QuestionKind.TEXT, "意见？", (), (), "", False, True),
]
DIGIT = {n: Qt.Key(Qt.Key.Key_0.value + n) for n in range(10)}


def _entry(qtbot: QtBot) -> tuple[SurveyEntry, list[tuple[list[AnswerInput], str]]]:
    entry = SurveyEntry()
    qtbot.addWidget(entry)
    entry.set_questions(QUESTIONS)
    entry.show()
    entry.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is entry, timeout=2000)
    entry.focus_answer()
    sent: list[tuple[list[AnswerInput], str]] = []
    entry.submit_requested.connect(lambda answers, key: sent.append((answers, key)))
    return entry, sent


def _keys(qtbot: QtBot, *keys: Qt.Key) -> None:
    for key in keys:
        focus = QApplication.focusWidget()
        assert focus is not None
        qtbot.keyClick(focus, key)


def test_keys_answer_move_and_submit_once(qtbot: QtBot) -> None:
    entry, sent = _entry(qtbot)
    enter = Qt.Key.Key_Return
    _keys(qtbot, DIGIT[7])
    assert "1 to 5" in entry.message.text()
    _keys(qtbot, DIGIT[2], enter)
    assert entry.index == 1
    _keys(qtbot, enter)  # nothing ticked: stays
    assert entry.index == 1
    _keys(qtbot, DIGIT[9])
    assert "9" in entry.message.text()
    _keys(qtbot, DIGIT[3], DIGIT[1], DIGIT[3], DIGIT[2])  # 洗车 on and off again
    assert entry.answers[1].choices == {0, 1}
    assert "☑ 1 家政" in entry.options.text()
    assert "☐ 3 洗车" in entry.options.text()
    _keys(qtbot, Qt.Key.Key_Backspace)  # back to the rating, answers kept
    assert entry.index == 0
    assert "● 2 不满意" in entry.options.text()
    _keys(qtbot, enter, enter)
    assert QApplication.focusWidget() is entry.comment
    type_text(qtbot, entry.comment, "12楼")  # digits in the text box are text
    assert entry.answers[2].text == "12楼"
    _keys(qtbot, enter)
    assert len(sent) == 1
    answers, key = sent[0]
    assert answers == [
        AnswerInput(11, rating=2),
        AnswerInput(12, choices=(0, 1)),
        AnswerInput(13, text="12楼"),
    ]
    _keys(qtbot, enter, enter)  # busy: nothing more is sent
    assert len(sent) == 1
    entry.saved()
    assert entry.key != key
    assert entry.index == 0
    assert entry.answers[0].rating is None


def test_a_refusal_shows_the_question_it_names_and_keeps_the_key(qtbot: QtBot) -> None:
    entry, sent = _entry(qtbot)
    enter = Qt.Key.Key_Return
    _keys(qtbot, DIGIT[4], enter, DIGIT[1], enter, enter)
    assert len(sent) == 1
    key = sent[0][1]
    entry.refused("第 2 题没有这个选项。", "q12")
    assert entry.index == 1
    assert entry.message.text() == "第 2 题没有这个选项。"
    assert QApplication.focusWidget() is entry
    _keys(qtbot, DIGIT[2], enter, enter)  # corrected, then on to the end and submit again
    assert len(sent) == 2
    assert sent[1][1] == key  # the same form: the same idempotency key
    assert sent[1][0][1] == AnswerInput(12, choices=(0, 1))


def test_a_complaint_needs_its_text(qtbot: QtBot) -> None:
    entry, sent = _entry(qtbot)
    enter = Qt.Key.Key_Return
    _keys(qtbot, DIGIT[1], enter, DIGIT[1], enter)
    entry.complaint.setChecked(True)
    _keys(qtbot, enter)
    assert sent == []
    assert "complaint" in entry.message.text().lower()
    type_text(qtbot, entry.comment, "噪音扰民")
    _keys(qtbot, enter)
    assert sent[0][0][2] == AnswerInput(13, text="噪音扰民", is_complaint=True)


def test_tab_reaches_the_comment_of_a_rating_and_enter_goes_on(qtbot: QtBot) -> None:
    entry, sent = _entry(qtbot)
    _keys(qtbot, DIGIT[1], Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is entry.comment
    type_text(qtbot, entry.comment, "楼道灯坏了3天")
    _keys(qtbot, Qt.Key.Key_Return)
    assert entry.index == 1
    assert QApplication.focusWidget() is entry  # a choice: keys to the form again
    assert entry.answers[0].text == "楼道灯坏了3天"
    assert entry.answers[0].rating == 1
    _keys(qtbot, DIGIT[2], Qt.Key.Key_Return, Qt.Key.Key_Return)
    assert sent[0][0][0] == AnswerInput(11, rating=1, text="楼道灯坏了3天")
