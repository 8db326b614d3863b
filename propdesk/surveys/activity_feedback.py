"""Activity feedback by questionnaire (活动反馈问卷, issue 19 part 3).

A finished community activity whose attendance was recorded gets a survey campaign of its
own: its sample is exactly the households whose sign-ups were marked attended (one sample
per unit, the sign-up's person to call), open at once (no draw), named ``活动反馈：<title>``,
running from the activity's day for :data:`FEEDBACK_DAYS` days. The answers are entered
like any campaign's (phone or paper) and a low rating raises a callback ticket as anywhere.

Who may: whoever plans activities and designs surveys (``MANAGE_SETTINGS``).
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.activities.models import Activity, ActivitySignup
from propdesk.activities.values import ActivityStatus, SignupState
from propdesk.auth.permissions import Permission, require
from propdesk.errors import InvalidTransition, NotFound, ValidationError
from propdesk.registry.models import Unit
from propdesk.session_info import actor_name, actor_or_none
from propdesk.surveys import queries
from propdesk.surveys.models import (
    SurveyCampaign,
    SurveyQuestion,
    SurveyQuestionnaire,
    SurveyQuestionnaireItem,
    SurveySample,
)
from propdesk.surveys.values import (
    FEEDBACK_DAYS,
    ActivityFeedback,
    CampaignStatus,
    QuestionKind,
    QuestionMean,
    QuestionnaireRow,
    SampleStatus,
)

NAME_PREFIX = "活动反馈："


def _questionnaire_problem(session: Session, questionnaire_id: int) -> str | None:
    """Why a questionnaire may not be used now (None: it may): superseded by a newer
    version, or holding a retired question."""
    qn = session.get(SurveyQuestionnaire, questionnaire_id)
    if qn is None:
        return "找不到这份问卷，可能已被删除，请重新选择。"
    top = session.scalar(
        select(func.max(SurveyQuestionnaire.number)).where(
            SurveyQuestionnaire.series_id == (qn.series_id or qn.id)
        )
    )
    if top is not None and int(top) > qn.number:
        return f"问卷「{qn.name}」已有新版本（第 {int(top)} 版），请选用最新版本。"
    retired = session.scalar(
        select(func.count(SurveyQuestion.id))
        .join(SurveyQuestionnaireItem, SurveyQuestionnaireItem.question_id == SurveyQuestion.id)
        .where(
            SurveyQuestionnaireItem.questionnaire_id == qn.id,
            SurveyQuestion.active.is_(False),
        )
    )
    if retired:
        return f"问卷「{qn.name}」里有已停用的题目，请先修订问卷再使用。"
    return None


def active_questionnaires(session: Session) -> list[QuestionnaireRow]:
    """The questionnaires that may be used now: the newest version of each series, with no
    retired question (in :func:`propdesk.surveys.queries.list_questionnaires`' order)."""
    newest = {
        (int(series), int(top))
        for series, top in session.execute(
            select(
                func.coalesce(SurveyQuestionnaire.series_id, SurveyQuestionnaire.id),
                func.max(SurveyQuestionnaire.number),
            ).group_by(func.coalesce(SurveyQuestionnaire.series_id, SurveyQuestionnaire.id))
        )
    }
    series_of = dict(
        session.execute(
            select(
                SurveyQuestionnaire.id,
                func.coalesce(SurveyQuestionnaire.series_id, SurveyQuestionnaire.id),
            )
        ).all()
    )
    retired = set(
        session.scalars(select(SurveyQuestion.id).where(SurveyQuestion.active.is_(False)))
    )
    return [
        row
        for row in queries.list_questionnaires(session)
        if (int(series_of[row.id]), row.version) in newest
        and not retired.intersection(row.question_ids)
    ]


def start_activity_feedback(session: Session, activity_id: int, questionnaire_id: int) -> int:
    """Start the feedback questionnaire of a finished activity; returns the campaign's id.

    Refused (nothing saved) when the activity is not finished, its attendance was not
    recorded, nobody attended, it already has one, or the questionnaire may not be used."""
    require(actor_or_none(session), Permission.MANAGE_SETTINGS)
    act = session.get(Activity, activity_id)
    if act is None:
        raise NotFound("找不到这个活动，可能已被删除。")
    if act.status != ActivityStatus.FINISHED:
        raise InvalidTransition("活动结束并登记签到后，才能发起反馈问卷。")
    earlier = session.scalar(
        select(SurveyCampaign.name).where(SurveyCampaign.activity_id == act.id)
    )
    if earlier is not None:
        raise InvalidTransition(f"这个活动已经发起过反馈问卷（「{earlier}」），不能重复发起。")
    rows = session.execute(
        select(ActivitySignup.unit_id, ActivitySignup.person_id, ActivitySignup.attended, Unit)
        .join(Unit, Unit.id == ActivitySignup.unit_id)
        .where(
            ActivitySignup.activity_id == act.id,
            ActivitySignup.state == SignupState.CONFIRMED.value,
        )
        .order_by(ActivitySignup.unit_id)
    ).all()
    if not any(attended is not None for _u, _p, attended, _unit in rows):
        raise InvalidTransition("这个活动还没有登记签到，请先登记签到，再发起反馈问卷。")
    came = [(unit, person_id) for _u, person_id, attended, unit in rows if attended]
    if not came:
        raise InvalidTransition("这个活动没有住户签到参加，没有人可以填写反馈问卷。")
    problem = _questionnaire_problem(session, questionnaire_id)
    if problem is not None:
        raise ValidationError("questionnaire_id", problem)
    day = clock.to_local(act.starts_at).date()
    campaign = SurveyCampaign(
        name=(NAME_PREFIX + act.title)[:100],
        questionnaire_id=questionnaire_id,
        status=CampaignStatus.OPEN.value,
        rate_pct=100,
        stratified=False,
        rotation_months=0,
        max_attempts=3,
        starts_on=day,
        ends_on=day + timedelta(days=FEEDBACK_DAYS),
        paper_forms=0,
        created_by=actor_name(session),
        drawn_at=clock.now(session),
        activity_id=act.id,
    )
    try:
        with session.begin_nested():  # another desk starting it at the same moment
            session.add(campaign)
            session.flush()
    except IntegrityError:
        raise InvalidTransition(
            "这个活动的反馈问卷刚由另一位同事发起了，不能重复发起。请刷新后查看。"
        ) from None
    session.execute(
        insert(SurveySample),
        [
            {
                "campaign_id": campaign.id,
                "unit_id": unit.id,
                "building_id": unit.building_id,
                "person_id": person_id,
                "status": SampleStatus.PENDING.value,
                "attempts": 0,
            }
            for unit, person_id in came
        ],
    )
    session.flush()
    return campaign.id


def feedback_campaign_id(session: Session, activity_id: int) -> int | None:
    """The activity's feedback campaign, if one was started."""
    found = session.scalar(
        select(SurveyCampaign.id).where(SurveyCampaign.activity_id == activity_id)
    )
    return None if found is None else int(found)


def activity_feedback(session: Session, activity_id: int) -> ActivityFeedback | None:
    """The activity's feedback questionnaire and its figures (None: not started), taken from
    the campaign's results (:func:`propdesk.surveys.queries.results`)."""
    cid = feedback_campaign_id(session, activity_id)
    if cid is None:
        return None
    r = queries.results(session, cid)
    qn_name = session.scalar(
        select(SurveyQuestionnaire.name)
        .join(SurveyCampaign, SurveyCampaign.questionnaire_id == SurveyQuestionnaire.id)
        .where(SurveyCampaign.id == cid)
    )
    return ActivityFeedback(
        campaign_id=cid,
        name=r.name,
        status=r.status,
        questionnaire_name=qn_name or "",
        attendees=r.sample_size,
        responses=r.responses,
        overall_mean=r.overall_mean,
        questions=tuple(
            QuestionMean(q.question_id, q.text, q.answered, q.mean)
            for q in r.questions
            if q.kind is QuestionKind.RATING
        ),
    )
