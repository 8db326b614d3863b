"""The surveys' demo step: two campaigns half a year apart on the same questions, the earlier
closed, the later open with every status; phone and paper answers; dissatisfied answers with
their tickets (closed for the earlier campaign); re-checks; consistent counts."""

from __future__ import annotations

from datetime import date, time

import pytest
from sqlalchemy import func, select

from propdesk import clock
from propdesk.db.engine import Database
from propdesk.demo import build, steps
from propdesk.surveys import queries as q
from propdesk.surveys.models import SurveyAnswer, SurveyAttempt, SurveySample
from propdesk.surveys.values import CampaignStatus, QuestionKind, SampleStatus
from propdesk.tickets.models import Ticket
from tests.propdesk.surveys.helpers import CLERK

TODAY = date(2026, 6, 15)


@pytest.fixture
def demo(sqlite_db: Database, monkeypatch: pytest.MonkeyPatch) -> Database:
    monkeypatch.setattr(
        steps,
        "DEMO_STEPS",
        [
            s
            for s in steps.DEMO_STEPS
            if s[1] in ("propdesk.demo.registry", "propdesk.auth.demo", "propdesk.tickets.demo")
        ]
        + [(115, "propdesk.surveys.demo", "build_surveys")],
    )
    build.generate_demo(sqlite_db, units=300, seed=5, today=TODAY)
    return sqlite_db


def test_demo_surveys(demo: Database, test_clock: clock.FixedClock) -> None:
    db = demo
    test_clock.set(clock.local_datetime(TODAY, time(18, 30)))
    with db.begin(CLERK) as s:
        bank = q.list_questions(s)
        campaigns = q.list_campaigns(s)
        later, earlier = campaigns
        old = q.results(s, earlier.id)
        new = q.results(s, later.id)
        statuses = set(
            s.scalars(select(SurveySample.status).where(SurveySample.campaign_id == later.id))
        )
        overlap = s.scalar(
            select(func.count(SurveySample.id)).where(
                SurveySample.campaign_id == later.id,
                SurveySample.unit_id.in_(
                    select(SurveySample.unit_id).where(SurveySample.campaign_id == earlier.id)
                ),
            )
        )
        ticket_states = set(
            s.scalars(
                select(Ticket.status)
                .join(SurveyAnswer, SurveyAnswer.ticket_id == Ticket.id)
                .where(SurveyAnswer.campaign_id == earlier.id)
            )
        )
        calls = s.scalar(
            select(func.count(SurveyAttempt.id)).where(SurveyAttempt.user_id.is_not(None))
        )
        queue = q.call_queue(s, later.id)
        rechecks = q.recheck_queue(s, later.id)
    assert len(bank) == 8
    assert [b.kind for b in bank].count(QuestionKind.RATING) == 6
    assert all(b.locked for b in bank if b.kind is not QuestionKind.TEXT)
    assert (earlier.status, later.status) == (CampaignStatus.CLOSED, CampaignStatus.OPEN)
    assert 150 <= (later.starts_on - earlier.starts_on).days <= 200
    assert earlier.open == 0
    assert later.open > 0
    # each campaign keeps how its sample was drawn; the later one left out the households
    # the earlier one surveyed (rotation 12 months)
    for c in (earlier, later):
        assert c.draw is not None
        assert c.draw.drawn == c.sample_size
        assert 0 < c.draw.drawn <= c.draw.eligible
    assert earlier.draw is not None
    assert later.draw is not None
    assert earlier.draw.recently_surveyed == 0
    assert 0 < later.draw.recently_surveyed <= earlier.sample_size
    assert {SampleStatus.DONE, SampleStatus.PENDING, SampleStatus.NO_ANSWER} <= {
        SampleStatus(x) for x in statuses
    }
    assert overlap == 0  # 12 months' rotation left the earlier sample out
    for res in (old, new):
        assert res.sample_size >= 20
        assert res.phone_responses > 0
        assert res.paper_responses > 0
        assert res.tickets_opened > 0
        assert res.response_rate is not None
        assert res.overall_mean is not None
        assert 3.5 < res.overall_mean < 4.8
    assert old.rechecks >= 1
    assert new.previous_name == old.name
    assert all(
        qr.previous_mean is not None for qr in new.questions if qr.kind is QuestionKind.RATING
    )
    assert ticket_states == {"closed"}
    assert calls is not None
    assert calls > 0
    assert queue
    assert rechecks


@pytest.fixture
def demo_with_activities(sqlite_db: Database, monkeypatch: pytest.MonkeyPatch) -> Database:
    monkeypatch.setattr(
        steps,
        "DEMO_STEPS",
        [
            s
            for s in steps.DEMO_STEPS
            if s[1] in ("propdesk.demo.registry", "propdesk.auth.demo", "propdesk.tickets.demo")
        ]
        + [
            (110, "propdesk.activities.demo", "build_activities"),
            (115, "propdesk.surveys.demo", "build_surveys"),
        ],
    )
    build.generate_demo(sqlite_db, units=300, seed=5, today=TODAY)
    return sqlite_db


def test_demo_activity_feedback(
    demo_with_activities: Database, test_clock: clock.FixedClock
) -> None:
    """The latest finished activity with households that came has a feedback questionnaire:
    its sample is those households, some answered by phone, none after the demo's now; the
    satisfaction surveys are unchanged beside it."""
    from propdesk.activities.models import Activity, ActivitySignup
    from propdesk.surveys import activity_feedback as af
    from propdesk.surveys.models import SurveyCampaign, SurveyResponse

    db = demo_with_activities
    now = clock.local_datetime(TODAY, time(18, 0))
    test_clock.set(clock.local_datetime(TODAY, time(18, 30)))
    with db.begin(CLERK) as s:
        feedback = list(
            s.scalars(select(SurveyCampaign).where(SurveyCampaign.activity_id.is_not(None)))
        )
        assert len(feedback) == 1
        c = feedback[0]
        act = s.get(Activity, c.activity_id)
        assert act is not None
        assert act.title == "邻里包饺子"  # five days before today, the latest held
        assert c.name == "活动反馈：邻里包饺子"
        came = set(
            s.scalars(
                select(ActivitySignup.unit_id).where(
                    ActivitySignup.activity_id == act.id, ActivitySignup.attended.is_(True)
                )
            )
        )
        sampled = set(
            s.scalars(select(SurveySample.unit_id).where(SurveySample.campaign_id == c.id))
        )
        assert sampled == came
        fb = af.activity_feedback(s, act.id)
        assert fb is not None
        assert 0 < fb.responses < fb.attendees == len(came)
        assert all(m.mean is not None and 3 <= m.mean <= 5 for m in fb.questions)
        latest = s.scalar(
            select(func.max(SurveyResponse.answered_at)).where(SurveyResponse.campaign_id == c.id)
        )
        assert latest is not None
        assert clock.to_local(act.starts_at) < clock.to_local(latest) < now
        assert c.drawn_at is not None
        assert c.drawn_at > act.starts_at
        surveys = [r for r in q.list_campaigns(s) if r.activity_id is None]
        assert len(surveys) == 2
        month = q.month_figures(s, TODAY.replace(day=1), TODAY)
        assert "活动反馈：邻里包饺子" not in month.campaigns


def test_demo_survey_times_are_office_hours_and_follow_ups_closed_with_a_conclusion(
    demo: Database, test_clock: clock.FixedClock
) -> None:
    """A new-user walk-through saw a call back booked for 02:21; the demo's follow-up
    complaints must close as a real one does, with a verdict and a result."""
    from propdesk.tickets.models import Ticket, TicketCallback

    test_clock.set(clock.local_datetime(TODAY, time(18, 30)))
    with demo.begin(CLERK) as s:
        callbacks = list(
            s.scalars(select(SurveySample.callback_at).where(SurveySample.callback_at.is_not(None)))
        )
        closed = list(
            s.scalars(select(Ticket).where(Ticket.source == "survey", Ticket.status == "closed"))
        )
        assert callbacks
        assert all(9 <= clock.to_local(c).hour < 18 for c in callbacks)
        assert closed
        assert all(t.complaint_valid is not None and t.resolution for t in closed)
        called = list(
            s.scalars(
                select(TicketCallback.at)
                .join(Ticket, Ticket.id == TicketCallback.ticket_id)
                .where(Ticket.source == "survey")
            )
        )
        assert called
        assert all(9 <= clock.to_local(c).hour < 20 for c in called)  # the desk's hours
