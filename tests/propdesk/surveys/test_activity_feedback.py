"""An activity's feedback questionnaire (活动反馈问卷): started from a finished activity with
its attendance recorded, sampling exactly the households that attended; refused clearly
otherwise; answered through the ordinary survey entry; its figures are the campaign's
results. On SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from alembic import command
from sqlalchemy import func, inspect, select, text

from propdesk import clock
from propdesk.activities import queries as activity_queries
from propdesk.activities import services as act
from propdesk.activities.models import Activity
from propdesk.auth.actor import Actor, Role
from propdesk.db.engine import Database
from propdesk.db.migrate import alembic_config
from propdesk.errors import InvalidTransition, NotAllowed, ValidationError
from propdesk.registry.models import Occupancy
from propdesk.surveys import activity_feedback as af
from propdesk.surveys import queries as q
from propdesk.surveys import services as sv
from propdesk.surveys.models import SurveyCampaign, SurveySample
from propdesk.surveys.values import AnswerInput, CampaignStatus, QuestionKind, QuestionSpec
from tests.propdesk.activities.helpers import START, after_its_start, spec
from tests.propdesk.surveys.helpers import (
    CLERK,
    MANAGER,
    Design,
    Estate,
    answers,
    open_campaign,
)

SUPERVISOR = Actor(user_id=None, username="li", display_name="李主管", role=Role.SUPERVISOR)


@dataclass(frozen=True)
class Held:
    activity_id: int
    came: tuple[int, ...]  # units whose sign-ups were marked attended
    absent: tuple[int, ...]
    person_of: dict[int, int]  # unit → the sign-up's person


def _person(db: Database, unit_id: int) -> int:
    with db.begin(MANAGER) as s:
        return int(s.scalar(select(Occupancy.person_id).where(Occupancy.unit_id == unit_id)) or 0)


def hold(
    db: Database,
    units: tuple[int, ...],
    came: tuple[int, ...],
    *,
    attendance: bool = True,
    finish: bool = True,
    title: str = "业主见面会",
) -> Held:
    """An activity the households ``units`` signed up for, finished, ``came`` marked present."""
    person_of = {u: _person(db, u) for u in units}
    with db.begin(MANAGER) as s:
        aid = act.create_activity(s, spec(capacity=20, title=title), open_now=True)
        signup_of = {
            u: act.sign_up(s, aid, unit_id=u, person_id=person_of[u]).signup_id for u in units
        }
        if finish:
            after_its_start(s, aid)  # only an activity that has started can be finished
            act.finish_activity(s, aid, spent_fen=0)
        if finish and attendance:
            act.record_attendance(s, aid, {signup_of[u] for u in came})
    return Held(aid, came, tuple(u for u in units if u not in came), person_of)


def start(db: Database, activity_id: int, questionnaire_id: int) -> int:
    with db.begin(MANAGER) as s:
        return af.start_activity_feedback(s, activity_id, questionnaire_id)


def campaigns(db: Database) -> int:
    with db.begin(MANAGER) as s:
        return int(s.scalar(select(func.count(SurveyCampaign.id))) or 0)


def test_the_sample_is_exactly_the_households_that_came(
    db: Database, estate: Estate, design: Design
) -> None:
    units = estate.eligible[:5]
    held = hold(db, units, (units[0], units[2], units[3]))
    cid = start(db, held.activity_id, design.questionnaire)
    with db.begin(MANAGER) as s:
        c = s.get(SurveyCampaign, cid)
        assert c is not None
        assert c.activity_id == held.activity_id
        assert c.status == CampaignStatus.OPEN.value
        assert c.name == "活动反馈：业主见面会"
        assert c.created_by == "赵经理"
        day = clock.to_local(START).date()
        assert (c.starts_on, c.ends_on) == (day, day + timedelta(days=14))
        samples = s.execute(
            text(
                "SELECT unit_id, person_id, status, attempts FROM survey_sample "
                "WHERE campaign_id = :c ORDER BY unit_id"
            ),
            {"c": cid},
        ).all()
        assert [tuple(r) for r in samples] == [
            (u, held.person_of[u], "pending", 0) for u in sorted(held.came)
        ]
        row = q.campaign(s, cid)
        assert (row.activity_id, row.activity_title) == (held.activity_id, "业主见面会")
        assert row.sample_size == 3
        assert row.open == 3
        assert row.draw is None
        others = [r for r in q.list_campaigns(s) if r.id != cid]
        assert all(r.activity_id is None and r.activity_title == "" for r in others)


def test_the_campaign_list_keeps_one_statement_with_feedback_campaigns(
    db: Database, estate: Estate, design: Design
) -> None:
    from sqlalchemy import event

    open_campaign(db, design)
    held = hold(db, estate.eligible[:2], estate.eligible[:2])
    start(db, held.activity_id, design.questionnaire)
    ran: list[str] = []

    def grab(*args: object) -> None:
        ran.append(str(args[2]))

    event.listen(db.engine, "before_cursor_execute", grab)
    try:
        with db.begin(MANAGER) as s:
            rows = q.list_campaigns(s)
    finally:
        event.remove(db.engine, "before_cursor_execute", grab)
    assert [r.activity_title for r in rows].count("业主见面会") == 1
    assert len([x for x in ran if "survey_campaign" in x]) == 2  # the list and the buildings


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("not_finished", "活动结束并登记签到后，才能发起反馈问卷。"),
        ("no_attendance", "这个活动还没有登记签到，请先登记签到，再发起反馈问卷。"),
        ("nobody_came", "这个活动没有住户签到参加，没有人可以填写反馈问卷。"),
    ],
)
def test_refused_before_anyone_is_known_to_have_come(
    db: Database, estate: Estate, design: Design, case: str, message: str
) -> None:
    units = estate.eligible[:3]
    held = hold(
        db,
        units,
        () if case == "nobody_came" else units[:1],
        finish=case != "not_finished",
        attendance=case != "no_attendance",
    )
    with pytest.raises(InvalidTransition) as err:
        start(db, held.activity_id, design.questionnaire)
    assert str(err.value) == message
    assert campaigns(db) == 0


def test_only_one_feedback_questionnaire_per_activity(
    db: Database, estate: Estate, design: Design
) -> None:
    held = hold(db, estate.eligible[:2], estate.eligible[:2])
    start(db, held.activity_id, design.questionnaire)
    with pytest.raises(InvalidTransition) as err:
        start(db, held.activity_id, design.questionnaire)
    assert (
        str(err.value) == "这个活动已经发起过反馈问卷（「活动反馈：业主见面会」），不能重复发起。"
    )
    assert campaigns(db) == 1


def test_a_superseded_or_retired_questionnaire_is_refused(
    db: Database, estate: Estate, design: Design
) -> None:
    held = hold(db, estate.eligible[:2], estate.eligible[:2])
    open_campaign(db, design)  # in use: a revision makes version 2
    with db.begin(MANAGER) as s:
        v2 = sv.revise_questionnaire(s, design.questionnaire, design.questions[:3])
    with pytest.raises(ValidationError) as err:
        start(db, held.activity_id, design.questionnaire)
    assert err.value.field == "questionnaire_id"
    assert str(err.value) == "问卷「年度满意度问卷」已有新版本（第 2 版），请选用最新版本。"
    with db.begin(MANAGER) as s:
        offered = [r.id for r in af.active_questionnaires(s)]
        assert offered == [v2]
        sv.set_question_active(s, design.questions[0], False)
        assert af.active_questionnaires(s) == []
    with pytest.raises(ValidationError) as err:
        start(db, held.activity_id, v2)
    assert str(err.value) == "问卷「年度满意度问卷」里有已停用的题目，请先修订问卷再使用。"
    assert campaigns(db) == 1  # only the satisfaction campaign


def test_only_a_manager_starts_it(db: Database, estate: Estate, design: Design) -> None:
    held = hold(db, estate.eligible[:2], estate.eligible[:2])
    for who in (CLERK, SUPERVISOR):
        with pytest.raises(NotAllowed), db.begin(who) as s:
            af.start_activity_feedback(s, held.activity_id, design.questionnaire)
    assert campaigns(db) == 0


def test_drawing_a_sample_for_it_is_refused(db: Database, estate: Estate, design: Design) -> None:
    held = hold(db, estate.eligible[:2], estate.eligible[:2])
    cid = start(db, held.activity_id, design.questionnaire)
    with pytest.raises(InvalidTransition) as err, db.begin(MANAGER) as s:
        sv.draw_sample_summary(s, cid, seed=1)
    assert str(err.value) == "这是活动反馈问卷，调查对象就是签到参加活动的住户，不能随机抽样。"


def test_entered_like_any_campaign_and_its_figures_are_the_results(
    db: Database, estate: Estate, design: Design
) -> None:
    units = estate.eligible[:4]
    held = hold(db, units, units[:3])
    cid = start(db, held.activity_id, design.questionnaire)
    with db.begin(CLERK) as s:
        samples = dict(
            s.execute(
                select(SurveySample.unit_id, SurveySample.id).where(SurveySample.campaign_id == cid)
            ).all()
        )
        first = sv.submit_phone(s, samples[units[0]], answers(design, (5, 4, 3)), key="fb-1")
        again = sv.submit_phone(s, samples[units[0]], answers(design, (5, 4, 3)), key="fb-1")
        low = sv.submit_paper(
            s, cid, units[1], answers(design, (2, 4, 5)), form_no="F1", key="fb-2"
        )
    assert again == first
    assert first.ticket_ids == ()
    assert len(low.ticket_ids) == 1  # a dissatisfied answer: a callback ticket, as anywhere
    with db.begin(MANAGER) as s:
        fb = af.activity_feedback(s, held.activity_id)
        assert fb is not None
        assert (fb.campaign_id, fb.attendees, fb.responses) == (cid, 3, 2)
        assert fb.questionnaire_name == "年度满意度问卷"
        plain = dict(
            s.execute(
                text(
                    "SELECT question_id, AVG(rating * 1.0) FROM survey_answer "
                    "WHERE campaign_id = :c AND rating IS NOT NULL GROUP BY question_id"
                ),
                {"c": cid},
            ).all()
        )
        assert [m.question_id for m in fb.questions] == list(design.questions[:3])
        for m in fb.questions:
            assert m.mean == pytest.approx(float(plain[m.question_id]))
            assert m.answered == 2
        assert [m.mean for m in fb.questions] == pytest.approx([3.5, 4.0, 4.0])
        overall = s.scalar(
            text("SELECT AVG(rating * 1.0) FROM survey_answer WHERE campaign_id = :c"),
            {"c": cid},
        )
        assert fb.overall_mean == pytest.approx(float(overall))
        assert af.activity_feedback(s, held.activity_id + 999) is None


def test_the_month_adds_the_questionnaire_average(
    db: Database, estate: Estate, design: Design
) -> None:
    held = hold(db, estate.eligible[:3], estate.eligible[:3])
    plain_held = hold(db, estate.eligible[3:5], estate.eligible[3:5], title="书法课")
    cid = start(db, held.activity_id, design.questionnaire)
    with db.begin(CLERK) as s:
        for n, (unit, ratings) in enumerate(
            zip(estate.eligible[:2], ((5, 5, 4), (3, 4, 4)), strict=True)
        ):
            sv.submit_paper(s, cid, unit, answers(design, ratings), form_no=f"{n}", key=f"m{n}")
    day = clock.to_local(START).date()
    with db.begin(MANAGER) as s:
        f = activity_queries.month_figures(s, day.replace(day=1), day.replace(day=28))
        plain = s.execute(
            text(
                "SELECT COUNT(a.rating), AVG(a.rating * 1.0) FROM survey_answer a "
                "JOIN survey_campaign c ON c.id = a.campaign_id "
                "JOIN activity t ON t.id = c.activity_id "
                "WHERE t.status = 'finished' AND a.rating IS NOT NULL"
            )
        ).one()
        assert s.get(Activity, plain_held.activity_id) is not None
    assert (f.held, f.feedback_questionnaires, f.feedback_responses) == (2, 1, 2)
    assert f.feedback_ratings == int(plain[0]) == 6
    assert f.feedback_mean == pytest.approx(float(plain[1]))
    with db.begin(MANAGER) as s:
        before = activity_queries.month_figures(s, date(2026, 1, 1), date(2026, 1, 31))
    assert (before.feedback_questionnaires, before.feedback_mean) == (0, None)


def test_satisfaction_figures_leave_feedback_questionnaires_out(
    db: Database, estate: Estate, design: Design
) -> None:
    """The survey month headline and the previous-campaign comparison stay among
    satisfaction surveys: an activity's feedback (same questions) is neither."""
    held = hold(db, estate.eligible[:2], estate.eligible[:2])
    fb = start(db, held.activity_id, design.questionnaire)
    survey = open_campaign(db, design, starts_on=clock.to_local(START).date() + timedelta(days=1))
    with db.begin(MANAGER) as s:
        c = s.get(SurveyCampaign, survey)
        assert c is not None
        assert q.previous_campaign(s, c) is None
        f = q.month_figures(s, date(2026, 6, 1), date(2026, 7, 31))
        feedback = s.get(SurveyCampaign, fb)
        assert feedback is not None
        assert q.previous_campaign(s, feedback) is None
    assert f.campaigns == ("2026年上半年满意度调查",)


def test_the_questionnaire_needs_no_rating_question(
    db: Database, estate: Estate, design: Design
) -> None:
    with db.begin(MANAGER) as s:
        qid = sv.create_question(s, QuestionSpec(QuestionKind.TEXT, "您对活动有什么建议？"))
        qn = sv.create_questionnaire(s, "活动建议", [qid])
    held = hold(db, estate.eligible[:1], estate.eligible[:1])
    start(db, held.activity_id, qn)
    with db.begin(CLERK) as s:
        sid = s.scalar(select(SurveySample.id))
        sv.submit_phone(s, int(sid or 0), [AnswerInput(qid, text="多办几次")], key="t1")
        fb = af.activity_feedback(s, held.activity_id)
    assert fb is not None
    assert fb.questions == ()
    assert fb.overall_mean is None
    assert fb.responses == 1


def test_surveys_0004_adds_the_column_and_its_downgrade_drops_it(db: Database) -> None:
    def state() -> tuple[bool, bool]:
        insp = inspect(db.engine)
        cols = {c["name"] for c in insp.get_columns("survey_campaign")}
        idx = {str(i["name"]) for i in insp.get_indexes("survey_campaign")}
        return "activity_id" in cols, "ix_survey_campaign_activity" in idx

    assert state() == (True, True)
    command.downgrade(alembic_config(db.engine), "surveys_0004@-1")
    try:
        assert state() == (False, False)
    finally:
        command.upgrade(alembic_config(db.engine), "heads")
    assert state() == (True, True)
    with db.engine.connect() as conn:
        fks = inspect(conn).get_foreign_keys("survey_campaign")
    assert any(fk["referred_table"] == "activity" for fk in fks)


def test_two_managers_starting_it_at_once_make_one(
    db: Database, estate: Estate, design: Design
) -> None:
    """On PostgreSQL the second desk waits on the first one's locks (the audit chain or the
    unique index) until it commits, then is refused with a message and saves nothing (SQLite
    serialises writers)."""
    import threading

    from tests.pg_locks import wait_for_lock_waiter

    if db.engine.dialect.name != "postgresql":
        pytest.skip("SQLite serialises writers (BEGIN IMMEDIATE): no race")
    held = hold(db, estate.eligible[:3], estate.eligible[:3])
    results: dict[str, object] = {}
    went = threading.Event()

    def first() -> None:
        try:
            with db.begin(MANAGER) as s:
                results["first"] = af.start_activity_feedback(
                    s, held.activity_id, design.questionnaire
                )
                went.set()
                wait_for_lock_waiter(db)
        except BaseException as exc:
            results["first"] = exc
            went.set()

    def second() -> None:
        try:
            assert went.wait(10)
            with db.begin(MANAGER) as s:
                results["second"] = af.start_activity_feedback(
                    s, held.activity_id, design.questionnaire
                )
        except BaseException as exc:
            results["second"] = exc

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert isinstance(results["first"], int)
    refused = results["second"]
    assert isinstance(refused, InvalidTransition)
    assert str(refused) in (
        "这个活动已经发起过反馈问卷（「活动反馈：业主见面会」），不能重复发起。",
        "这个活动的反馈问卷刚由另一位同事发起了，不能重复发起。请刷新后查看。",
    )
    assert campaigns(db) == 1
    with db.begin(MANAGER) as s:
        assert s.scalar(select(func.count(SurveySample.id))) == 3


def test_feedback_calls_do_not_keep_a_household_out_of_the_next_satisfaction_draw(
    db: Database, estate: Estate, design: Design
) -> None:
    """The rotation rule leaves out households sampled for a satisfaction survey within its
    months; an activity's feedback questionnaire is not one."""
    units = estate.eligible[:4]
    held = hold(db, units, units)
    start(db, held.activity_id, design.questionnaire)
    cid = open_campaign(db, design, rate_pct=100, rotation_months=6)
    with db.begin(MANAGER) as s:
        c = q.campaign(s, cid)
        drawn = set(s.scalars(select(SurveySample.unit_id).where(SurveySample.campaign_id == cid)))
    assert c.draw is not None
    assert c.draw.recently_surveyed == 0
    assert set(units) <= drawn
