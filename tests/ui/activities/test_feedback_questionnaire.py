"""An activity's feedback questionnaire by keyboard, in Chinese: Alt+Q on the activities
page picks an active questionnaire and starts it; one household's answers are keyed in on
the surveys page's call screen for that campaign; the activity then shows the responses
over attendees and the average per rating question (the survey results' figures), beside
the desk's ratings. The surveys page lists the campaign as the activity's."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from propdesk.activities import services as act
from propdesk.auth.actor import Actor, Role
from propdesk.db.engine import Database
from propdesk.registry.models import Occupancy
from propdesk.surveys import queries as sq
from propdesk.surveys import services as sv
from propdesk.surveys.models import SurveyResponse
from propdesk.surveys.values import QuestionKind, QuestionSpec
from tests.propdesk.activities.helpers import after_its_start, spec
from tests.propdesk.surveys.helpers import make_estate
from tests.ui.helpers import make_ctx, read
from ui.activities.feedback_questionnaire import FeedbackQuestionnaireDialog
from ui.activities.page import ActivitiesPage
from ui.surveys.campaigns_tab import BUILDINGS_COLUMN
from ui.surveys.page import SurveysPage

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

MANAGER = Actor(user_id=None, username="zhao", display_name="赵经理", role=Role.MANAGER)
ALT = Qt.KeyboardModifier.AltModifier
DIGIT = {n: Qt.Key(Qt.Key.Key_0.value + n) for n in range(10)}


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    from PySide6.QtCore import QLocale

    from ui.app import load_translations

    saved = QLocale()
    installed = load_translations(qapp, "zh_CN")
    assert installed
    yield
    for translator in installed:
        qapp.removeTranslator(translator)
    QLocale.setDefault(saved)


def _held(db: Database) -> tuple[int, list[int], tuple[int, int]]:
    """A finished activity: three households signed up, two came (one rated it 4 at the
    desk); a questionnaire of two rating questions. (activity, units that came, questions)."""
    estate = make_estate(db)
    units = list(estate.eligible[:3])
    with db.begin(MANAGER) as s:
        person = {
            u: int(s.scalar(select(Occupancy.person_id).where(Occupancy.unit_id == u)) or 0)
            for u in units
        }
        aid = act.create_activity(s, spec(capacity=10, title="书法体验课"), open_now=True)
        signup = {u: act.sign_up(s, aid, unit_id=u, person_id=person[u]).signup_id for u in units}
        after_its_start(s, aid)  # held: it can be finished
        act.finish_activity(s, aid, spent_fen=30000)
        act.record_attendance(s, aid, {signup[units[0]], signup[units[1]]})
        act.record_feedback(s, signup[units[0]], rating=4, comment="老师很耐心")
        q1 = sv.create_question(s, QuestionSpec(QuestionKind.RATING, "您对活动组织满意吗？"))
        q2 = sv.create_question(s, QuestionSpec(QuestionKind.RATING, "您对活动场地满意吗？"))
        sv.create_questionnaire(s, "活动反馈问卷", [q1, q2])
    return aid, units[:2], (q1, q2)


def _shown(qtbot: QtBot, widget: QWidget, *, first: bool = True) -> None:
    if first:
        qtbot.addWidget(widget)
        widget.resize(1200, 800)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget, timeout=2000)


def test_start_from_the_activity_enter_an_answer_and_see_the_average(
    qtbot: QtBot, sqlite_db: Database, chinese: None
) -> None:
    aid, came, (q1, q2) = _held(sqlite_db)
    ctx = make_ctx(sqlite_db, MANAGER)  # one desk: both pages hear each other's changes
    page = ActivitiesPage(ctx=ctx)
    _shown(qtbot, page)
    # Alt+W to the list filter, Down to 过去的活动: the finished activity is chosen
    qtbot.keyClick(page, Qt.Key.Key_W, ALT)
    assert page.when.hasFocus()
    qtbot.keyClick(page.when, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: page.current is not None and page.current.id == aid, timeout=2000)
    assert page.questionnaire_button.text() == "反馈问卷(&Q)…"
    assert page.questionnaire_button.isEnabled()
    assert "前台评价：1 户，平均 4.00 分；意见 1 条" in page.detail.text()
    assert "反馈问卷「" not in page.detail.text()

    qtbot.keyClick(page.table, Qt.Key.Key_Q, ALT)
    qtbot.waitUntil(lambda: isinstance(page.dialog, FeedbackQuestionnaireDialog), timeout=2000)
    dialog = page.dialog
    assert isinstance(dialog, FeedbackQuestionnaireDialog)
    qtbot.waitUntil(dialog.questionnaire.hasFocus, timeout=2000)
    assert dialog.questionnaire.currentText() == "活动反馈问卷（第 1 版，2 道题）"
    qtbot.keyClick(dialog.questionnaire, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
    cid = int(dialog.result_value)
    assert "反馈问卷已发起" in page.message.text()
    qtbot.waitUntil(lambda: page.questionnaire_feedback is not None, timeout=2000)
    assert not page.questionnaire_button.isEnabled()  # one per activity
    assert "反馈问卷「活动反馈问卷」（活动反馈：书法体验课）：签到 2 户，已答 0 户" in (
        page.detail.text()
    )
    assert "您对活动组织满意吗？：平均 — 分（0 户作答）" in page.detail.text()

    # the surveys page: the campaign list says whose feedback it is; its call queue holds
    # exactly the two households that came
    page.hide()  # the desk switches pages: the hidden one only marks itself stale
    surveys = SurveysPage(ctx=ctx)
    _shown(qtbot, surveys)
    listed = {
        surveys.campaigns.model.index(r, 0).data(): surveys.campaigns.model.index(
            r, BUILDINGS_COLUMN
        ).data()
        for r in range(surveys.campaigns.model.rowCount())
    }
    assert listed == {"活动反馈：书法体验课": "活动：书法体验课"}
    surveys.tabs.setCurrentWidget(surveys.calls)
    calls = surveys.calls
    qtbot.waitUntil(lambda: calls.current is not None, timeout=2000)
    assert calls.campaign.campaign_id() == cid
    assert sorted(r.unit_id for r in calls.queue_model.rows()) == sorted(came)
    entry = calls.entry
    qtbot.waitUntil(lambda: QApplication.focusWidget() is entry, timeout=2000)
    for key in (DIGIT[5], Qt.Key.Key_Return, DIGIT[3], Qt.Key.Key_Return):
        focus = QApplication.focusWidget()
        assert focus is entry or entry.isAncestorOf(focus)
        qtbot.keyClick(focus, key)
    answered = read(ctx, lambda s: [r.campaign_id for r in s.scalars(select(SurveyResponse))])
    assert answered == [cid]

    # back on the activity: the averages are the survey results' figures
    results = read(ctx, lambda s: sq.results(s, cid))
    means = {x.question_id: x.mean for x in results.questions}
    assert means == {q1: 5.0, q2: 3.0}
    assert "已答 0 户" in page.detail.text()  # hidden: not read again yet
    surveys.hide()
    _shown(qtbot, page, first=False)
    qtbot.waitUntil(lambda: "已答 1 户" in page.detail.text(), timeout=2000)
    assert "您对活动组织满意吗？：平均 5.00 分（1 户作答）" in page.detail.text()
    assert "您对活动场地满意吗？：平均 3.00 分（1 户作答）" in page.detail.text()
    assert "前台评价：1 户，平均 4.00 分；意见 1 条" in page.detail.text()


def test_nothing_to_pick_says_so(qtbot: QtBot, sqlite_db: Database, chinese: None) -> None:
    aid, _came, (q1, q2) = _held(sqlite_db)
    with sqlite_db.begin(MANAGER) as s:
        sv.set_question_active(s, q1, False)  # the only questionnaire holds a retired question
    page = ActivitiesPage(ctx=make_ctx(sqlite_db, MANAGER))
    _shown(qtbot, page)
    page.when.setCurrentIndex(1)
    qtbot.waitUntil(lambda: page.current is not None and page.current.id == aid, timeout=2000)
    qtbot.keyClick(page.table, Qt.Key.Key_Q, ALT)
    qtbot.waitUntil(lambda: page.message.text() != "", timeout=2000)
    assert page.message.text() == "没有可以使用的问卷，请先在满意度调查页面编好问卷。"
    assert page.dialog is None
    assert q2
