"""The community activity forms, walked by test_dialog_rules.py."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import QDialog

from propdesk import clock
from propdesk.activities import queries as q
from propdesk.activities import services as act
from propdesk.activities.queries import ActivityRow, SignupRow
from propdesk.activities.services import ActivitySpec
from propdesk.auth.actor import Actor
from tests.propdesk.activities.helpers import after_its_start
from tests.ui.keyboard.world import Factory, World
from ui.context import AppContext


def _activity(ctx: AppContext, w: World, *, finished: bool = False) -> ActivityRow:
    """An open activity with two households signed up (finished, with one who came)."""
    with ctx.db.begin(Actor.system()) as s:
        start = clock.now(s) + timedelta(days=3)
        aid = act.create_activity(
            s,
            ActivitySpec("culture", "书法体验", start, None, "会所", 20, 30000, "赵经理"),
            open_now=True,
        )
        first = act.sign_up(s, aid, unit_id=w.estate.unit_1502, persons=2)
        act.sign_up(s, aid, unit_id=w.estate.unit_101)
        if finished:
            after_its_start(s, aid)  # only an activity that has started can be finished
            act.finish_activity(s, aid, spent_fen=0)
            act.record_attendance(s, aid, {first.signup_id})
        return q.activity(s, aid)


def _signups(ctx: AppContext, aid: int) -> tuple[SignupRow, ...]:
    with ctx.db.begin(Actor.system()) as s:
        return q.signups(s, aid)


def _new(ctx: AppContext, _w: World) -> QDialog:
    from ui.activities.dialogs import ActivityDialog

    return ActivityDialog(ctx=ctx)


def _edit(ctx: AppContext, w: World) -> QDialog:
    from ui.activities.dialogs import ActivityDialog

    return ActivityDialog(ctx=ctx, activity=_activity(ctx, w))


def _sign_up(ctx: AppContext, w: World) -> QDialog:
    from ui.activities.dialogs import SignupDialog

    return SignupDialog(ctx=ctx, activity=_activity(ctx, w))


def _finish(ctx: AppContext, w: World) -> QDialog:
    from ui.activities.dialogs import FinishDialog

    return FinishDialog(ctx=ctx, activity=_activity(ctx, w))


def _cancel(ctx: AppContext, w: World) -> QDialog:
    from ui.activities.dialogs import CancelActivityDialog

    return CancelActivityDialog(ctx=ctx, activity=_activity(ctx, w))


def _attendance(ctx: AppContext, w: World) -> QDialog:
    from ui.activities.dialogs import AttendanceDialog

    a = _activity(ctx, w, finished=True)
    return AttendanceDialog(ctx=ctx, activity=a, signups=_signups(ctx, a.id))


def _feedback(ctx: AppContext, w: World) -> QDialog:
    from ui.activities.dialogs import FeedbackDialog

    a = _activity(ctx, w, finished=True)
    came = next(s for s in _signups(ctx, a.id) if s.attended)
    return FeedbackDialog(ctx=ctx, activity=a, signup=came)


def _feedback_questionnaire(ctx: AppContext, w: World) -> QDialog:
    from propdesk.surveys import services as sv
    from propdesk.surveys.activity_feedback import active_questionnaires
    from propdesk.surveys.values import QuestionKind, QuestionSpec
    from ui.activities.feedback_questionnaire import FeedbackQuestionnaireDialog

    a = _activity(ctx, w, finished=True)
    with ctx.db.begin(Actor.system()) as s:
        qid = sv.create_question(s, QuestionSpec(QuestionKind.RATING, "您对活动满意吗？"))
        sv.create_questionnaire(s, "活动反馈", [qid])
        offered = active_questionnaires(s)
    return FeedbackQuestionnaireDialog(ctx=ctx, activity=a, questionnaires=offered)


DIALOGS: dict[str, Factory] = {
    "ActivityDialog:new": _new,
    "ActivityDialog:edit": _edit,
    "SignupDialog": _sign_up,
    "FinishDialog": _finish,
    "CancelActivityDialog": _cancel,
    "AttendanceDialog": _attendance,
    "FeedbackDialog": _feedback,
    "FeedbackQuestionnaireDialog": _feedback_questionnaire,
}
