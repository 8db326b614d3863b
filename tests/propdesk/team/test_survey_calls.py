"""The assessment's "survey calls made" (满意度调查电话): every call a clerk logged in a
survey's call queue in the local month, against plain SQL on both databases; the drill-down
is exactly the figure, and the sheet prints it."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, text

from propdesk.auth.actor import Actor, Role
from propdesk.db.engine import Database
from propdesk.db.types import UTCDateTime
from propdesk.registry import services as reg
from propdesk.surveys.models import (
    SurveyAttempt,
    SurveyCampaign,
    SurveyQuestionnaire,
    SurveySample,
)
from propdesk.team import assessment as svc
from propdesk.team import figures as fig
from tests.propdesk.team import helpers as h

SYSTEM = Actor.system()
PERIOD = "2026-05"
MAY_START = datetime(2026, 4, 30, 16, 0, tzinfo=UTC)  # 2026-05-01 00:00 China time
JUNE_START = datetime(2026, 5, 31, 16, 0, tzinfo=UTC)


def _world(db: Database) -> dict[str, Any]:
    with db.begin(SYSTEM) as s:
        wang = h.add_user(s, "wang", "王前台")
        li = h.add_user(s, "li", "李前台")
        boss = h.add_user(s, "zhao", "赵经理", Role.MANAGER)
        estate = reg.create_estate(s, name="锦绣花园")
        building = reg.create_building(s, estate_id=estate, code="3", floors=18)
        units = [
            reg.create_unit(s, building_id=building, entrance=1, room=room, area="89.56")
            for room in ("1501", "1502")
        ]
        questionnaire = SurveyQuestionnaire(name="年度满意度调查")
        s.add(questionnaire)
        s.flush()
        campaign = SurveyCampaign(
            name="2026年上半年满意度调查",
            questionnaire_id=questionnaire.id,
            status="open",
            rate_pct=30,
            starts_on=date(2026, 5, 1),
            ends_on=date(2026, 5, 31),
        )
        s.add(campaign)
        s.flush()
        samples = []
        for unit in units:
            sample = SurveySample(campaign_id=campaign.id, unit_id=unit, building_id=building)
            s.add(sample)
            s.flush()
            samples.append(sample.id)

        def attempt(user: int, sample: int, at: datetime, outcome: str) -> None:
            s.add(
                SurveyAttempt(
                    sample_id=sample, campaign_id=campaign.id, user_id=user, at=at, outcome=outcome
                )
            )

        # wang: no answer, then answered (1501); refused (1502); one a second before May and
        # one at the first instant of June local time (neither counted); li: one call.
        attempt(wang.user_id, samples[0], MAY_START, "no_answer")
        attempt(wang.user_id, samples[0], MAY_START + timedelta(days=2), "answered")
        attempt(wang.user_id, samples[1], JUNE_START - timedelta(seconds=1), "refused")
        attempt(wang.user_id, samples[1], MAY_START - timedelta(seconds=1), "callback")
        attempt(wang.user_id, samples[1], JUNE_START, "no_answer")
        attempt(li.user_id, samples[1], MAY_START + timedelta(days=3), "no_answer")
        s.flush()
    return {"wang": wang, "li": li, "boss": boss}


def _sql(db: Database, sql: str, **params: Any) -> Any:
    stmt = text(sql).bindparams(
        bindparam("lo", type_=UTCDateTime()), bindparam("hi", type_=UTCDateTime())
    )
    with db.engine.connect() as conn:
        return conn.execute(stmt, {"lo": MAY_START, "hi": JUNE_START, **params}).one()


def test_survey_calls_match_plain_sql_and_the_drill_down(db: Database) -> None:
    w = _world(db)
    uid = w["wang"].user_id
    with db.begin(w["boss"]) as s:
        f = svc.figures(s, user_id=uid, period=PERIOD)
        records = svc.drill_down(s, user_id=uid, period=PERIOD, figure="survey_calls")
    made, answered = _sql(
        db,
        "SELECT COUNT(*), SUM(CASE WHEN outcome = 'answered' THEN 1 ELSE 0 END)"
        " FROM survey_attempt WHERE user_id = :u AND at >= :lo AND at < :hi",
        u=uid,
    )
    assert (f.survey_calls, f.survey_answered) == (made, answered) == (3, 1)
    assert len(records) == f.survey_calls
    assert all(isinstance(r, fig.SurveyCallRec) for r in records)
    assert [(r.unit_code, r.outcome) for r in records] == [
        ("3-1-1501", "no_answer"),
        ("3-1-1501", "answered"),
        ("3-1-1502", "refused"),
    ]
    with db.begin(w["li"]) as s:
        assert svc.figures(s, user_id=w["li"].user_id, period=PERIOD).survey_calls == 1


def test_the_sheet_prints_the_survey_calls(db: Database) -> None:
    import io

    from pypdf import PdfReader

    from propdesk.team.print_data import assessment_sheet_data
    from reports.pdf.team_assessment import assessment_sheet_pdf

    w = _world(db)
    with db.begin(w["boss"]) as s:
        data = assessment_sheet_data(s, user_id=w["wang"].user_id, period=PERIOD)
    text_ = "".join(
        p.extract_text() for p in PdfReader(io.BytesIO(assessment_sheet_pdf(data))).pages
    )
    assert "满意度调查电话" in text_
    assert "3 个（完成答卷 1 份）" in text_
