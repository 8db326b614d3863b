"""The survey forms, walked by test_dialog_rules.py."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import QDialog

from propdesk import clock
from propdesk.auth.actor import Actor, Role
from propdesk.surveys import queries as q
from propdesk.surveys import services as sv
from propdesk.surveys.values import CampaignSpec, QuestionKind, QuestionSpec
from tests.ui.keyboard.world import Factory, World
from ui.context import AppContext

MANAGER = Actor(user_id=None, username="zhao", display_name="赵经理", role=Role.MANAGER)


def _design(ctx: AppContext) -> tuple[int, int]:
    """Two questions in a questionnaire; returns (a question id, the questionnaire id)."""
    with ctx.db.begin(MANAGER) as s:
        a = sv.create_question(
            s, QuestionSpec(QuestionKind.RATING, "您对保洁满意吗？", topic="保洁")
        )
        b = sv.create_question(
            s, QuestionSpec(QuestionKind.SINGLE, "您怎样联系物业？", options=("电话", "前台"))
        )
        return a, sv.create_questionnaire(s, "年度问卷", [a, b])


def _question(ctx: AppContext, _w: World) -> QDialog:
    from ui.surveys.dialogs import QuestionDialog

    return QuestionDialog(ctx=ctx)


def _question_edit(ctx: AppContext, _w: World) -> QDialog:
    from ui.surveys.dialogs import QuestionDialog

    qid, _qn = _design(ctx)
    with ctx.db.begin(MANAGER) as s:
        row = next(x for x in q.list_questions(s) if x.id == qid)
    return QuestionDialog(ctx=ctx, question=row)


def _questionnaire(ctx: AppContext, _w: World) -> QDialog:
    from ui.surveys.dialogs import QuestionnaireDialog

    _design(ctx)
    with ctx.db.begin(MANAGER) as s:
        questions = q.list_questions(s)
    return QuestionnaireDialog(ctx=ctx, questions=questions)


def _questionnaire_revise(ctx: AppContext, _w: World) -> QDialog:
    from ui.surveys.dialogs import QuestionnaireDialog

    _qid, qn = _design(ctx)
    with ctx.db.begin(MANAGER) as s:
        questions = q.list_questions(s)
        row = next(x for x in q.list_questionnaires(s) if x.id == qn)
    return QuestionnaireDialog(ctx=ctx, questions=questions, questionnaire=row)


def _campaign(ctx: AppContext, w: World) -> QDialog:
    from ui.surveys.dialogs import CampaignDialog

    _design(ctx)
    with ctx.db.begin(MANAGER) as s:
        questionnaires = q.list_questionnaires(s)
    return CampaignDialog(
        ctx=ctx, questionnaires=questionnaires, buildings=[(w.estate.building_id, "3栋")]
    )


def _callback(ctx: AppContext, _w: World) -> QDialog:
    from ui.surveys.dialogs import CallbackDialog

    _qid, qn = _design(ctx)
    with ctx.db.begin(MANAGER) as s:
        today = clock.today(s)
        cid = sv.create_campaign(
            s,
            CampaignSpec(
                "2026年下半年满意度调查",
                qn,
                (),
                100,
                False,
                0,
                3,
                today,
                today + timedelta(days=30),
            ),
        )
        sv.draw_sample(s, cid, seed=1)
        row = q.call_queue(s, cid)[0]
    return CallbackDialog(ctx=ctx, sample_id=row.sample_id, unit_code=row.unit_code)


DIALOGS: dict[str, Factory] = {
    "QuestionDialog:new": _question,
    "QuestionDialog:edit": _question_edit,
    "QuestionnaireDialog:new": _questionnaire,
    "QuestionnaireDialog:revise": _questionnaire_revise,
    "CampaignDialog": _campaign,
    "CallbackDialog": _callback,
}
