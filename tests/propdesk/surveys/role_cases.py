"""Role cases of the surveys: designing (questions, questionnaires, campaigns, drawing the
sample, closing) needs MANAGE_SETTINGS; calls, answers, paper entry, re-checks and dialling
a household need EDIT_REGISTRY."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.auth.permissions import Permission
from propdesk.surveys import activity_feedback as af
from propdesk.surveys import services as sv
from propdesk.surveys.values import (
    AnswerInput,
    CallOutcome,
    CampaignSpec,
    QuestionKind,
    QuestionSpec,
)
from tests.propdesk.auth.role_matrix import Call, Guarded


def _rating(c: Call) -> QuestionSpec:
    return QuestionSpec(QuestionKind.RATING, f"您对保洁满意吗？{c.tag}", topic="保洁")


def _question(c: Call) -> int:
    return int(c.as_system(lambda s: sv.create_question(s, _rating(c))))


def _questionnaire(c: Call) -> int:
    def make(s: Session) -> int:
        qid = sv.create_question(s, _rating(c))
        return sv.create_questionnaire(s, f"问卷{c.tag}", [qid])

    return int(c.as_system(make))


def _spec(c: Call, questionnaire_id: int) -> CampaignSpec:
    today = clock.today()
    return CampaignSpec(
        f"调查{c.tag}", questionnaire_id, (), 100, False, 0, 3, today, today + timedelta(days=30)
    )


def _draft(c: Call) -> int:
    qn = _questionnaire(c)
    return int(c.as_system(lambda s: sv.create_campaign(s, _spec(c, qn))))


def _open(c: Call) -> tuple[int, int, int]:
    """An open campaign over the world's one household: (campaign, sample, question)."""

    def make(s: Session) -> tuple[int, int, int]:
        qid = sv.create_question(s, _rating(c))
        qn = sv.create_questionnaire(s, f"问卷{c.tag}", [qid])
        cid = sv.create_campaign(s, _spec(c, qn))
        sv.draw_sample(s, cid, seed=1)
        from sqlalchemy import select

        from propdesk.surveys.models import SurveySample

        sid = s.scalar(select(SurveySample.id).where(SurveySample.campaign_id == cid))
        return cid, int(sid or 0), qid

    return c.as_system(make)  # type: ignore[no-any-return]


def _drawn_paper(c: Call) -> tuple[int, int]:
    cid, _sid, qid = _open(c)
    res = c.as_system(
        lambda s: sv.submit_paper(
            s, cid, c.world.unit_id, [AnswerInput(qid, rating=4)], form_no="1", key=f"p{c.tag}"
        )
    )
    return int(res.response_id), qid


def _attended_activity(c: Call) -> tuple[int, int]:
    """A finished activity the world's household attended, and a questionnaire."""
    from datetime import UTC, datetime, time

    from propdesk.activities import services as act
    from propdesk.activities.services import ActivitySpec
    from tests.propdesk.activities.helpers import after_its_start

    starts = datetime.combine(
        clock.today() + timedelta(days=3), time(9, 0), tzinfo=clock.estate_zone()
    ).astimezone(UTC)
    qn = _questionnaire(c)

    def make(s: Session) -> int:
        aid = act.create_activity(
            s,
            ActivitySpec("culture", f"书法{c.tag}", starts, None, "会所", 10, 0, "赵经理"),
            open_now=True,
        )
        sid = act.sign_up(s, aid, unit_id=c.world.unit_id).signup_id
        after_its_start(s, aid)  # only an activity that has started can be finished
        act.finish_activity(s, aid, spent_fen=0)
        act.record_attendance(s, aid, {sid})
        return aid

    return int(c.as_system(make)), qn


CASES: list[Guarded] = [
    Guarded(
        "propdesk.surveys.activity_feedback.start_activity_feedback",
        Permission.MANAGE_SETTINGS,
        lambda c: c.run(lambda s: af.start_activity_feedback(s, *c.prepared)),
        _attended_activity,
    ),
    Guarded(
        "propdesk.surveys.services.create_question",
        Permission.MANAGE_SETTINGS,
        lambda c: c.run(lambda s: sv.create_question(s, _rating(c))),
    ),
    Guarded(
        "propdesk.surveys.services.update_question",
        Permission.MANAGE_SETTINGS,
        lambda c: c.run(
            lambda s: sv.update_question(
                s, c.prepared, QuestionSpec(QuestionKind.RATING, f"改{c.tag}", topic="保洁")
            )
        ),
        _question,
    ),
    Guarded(
        "propdesk.surveys.services.set_question_active",
        Permission.MANAGE_SETTINGS,
        lambda c: c.run(lambda s: sv.set_question_active(s, c.prepared, False)),
        _question,
    ),
    Guarded(
        "propdesk.surveys.services.create_questionnaire",
        Permission.MANAGE_SETTINGS,
        lambda c: c.run(lambda s: sv.create_questionnaire(s, f"问卷{c.tag}", [c.prepared])),
        _question,
    ),
    Guarded(
        "propdesk.surveys.services.revise_questionnaire",
        Permission.MANAGE_SETTINGS,
        lambda c: c.run(
            lambda s: sv.revise_questionnaire(s, c.prepared, [sv.create_question(s, _rating(c))])
        ),
        _questionnaire,
    ),
    Guarded(
        "propdesk.surveys.services.create_campaign",
        Permission.MANAGE_SETTINGS,
        lambda c: c.run(lambda s: sv.create_campaign(s, _spec(c, c.prepared))),
        _questionnaire,
    ),
    Guarded(
        "propdesk.surveys.services.draw_sample",
        Permission.MANAGE_SETTINGS,
        lambda c: c.run(lambda s: sv.draw_sample(s, c.prepared, seed=2)),
        _draft,
    ),
    Guarded(
        "propdesk.surveys.services.draw_sample_summary",
        Permission.MANAGE_SETTINGS,
        lambda c: c.run(lambda s: sv.draw_sample_summary(s, c.prepared, seed=2)),
        _draft,
    ),
    Guarded(
        "propdesk.surveys.services.close_campaign",
        Permission.MANAGE_SETTINGS,
        lambda c: c.run(lambda s: sv.close_campaign(s, c.prepared[0])),
        _open,
    ),
    Guarded(
        "propdesk.surveys.services.record_attempt",
        Permission.EDIT_REGISTRY,
        lambda c: c.run(lambda s: sv.record_attempt(s, c.prepared[1], CallOutcome.NO_ANSWER)),
        _open,
    ),
    Guarded(
        "propdesk.surveys.services.dial_number",
        Permission.EDIT_REGISTRY,
        lambda c: c.run(lambda s: sv.dial_number(s, c.prepared[1])),
        _open,
    ),
    Guarded(
        "propdesk.surveys.services.submit_phone",
        Permission.EDIT_REGISTRY,
        lambda c: c.run(
            lambda s: sv.submit_phone(
                s, c.prepared[1], [AnswerInput(c.prepared[2], rating=5)], key=f"k{c.tag}"
            )
        ),
        _open,
    ),
    Guarded(
        "propdesk.surveys.services.submit_paper",
        Permission.EDIT_REGISTRY,
        lambda c: c.run(
            lambda s: sv.submit_paper(
                s,
                c.prepared[0],
                c.world.unit_id,
                [AnswerInput(c.prepared[2], rating=5)],
                form_no="A1",
                key=f"k{c.tag}",
            )
        ),
        _open,
    ),
    Guarded(
        "propdesk.surveys.services.record_recheck",
        Permission.EDIT_REGISTRY,
        lambda c: c.run(
            lambda s: sv.record_recheck(s, c.prepared[0], [AnswerInput(c.prepared[1], rating=4)])
        ),
        _drawn_paper,
    ),
]
