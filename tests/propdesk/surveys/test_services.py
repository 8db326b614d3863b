"""Survey services on SQLite and PostgreSQL: design, sampling, calls, answers, follow-up
tickets, idempotency, closing, re-checks."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from propdesk import clock
from propdesk.db.engine import Database
from propdesk.errors import InvalidTransition, NotFound, ValidationError
from propdesk.surveys import queries as q
from propdesk.surveys import services as sv
from propdesk.surveys.models import (
    SurveyAnswer,
    SurveyAttempt,
    SurveyRecheckAnswer,
    SurveyResponse,
    SurveySample,
)
from propdesk.surveys.values import (
    AnswerInput,
    CallOutcome,
    CampaignStatus,
    QuestionKind,
    QuestionSpec,
    SampleStatus,
)
from propdesk.tickets.models import Ticket
from tests.propdesk.surveys.helpers import (
    CLERK,
    MANAGER,
    Design,
    Estate,
    answers,
    campaign_spec,
    open_campaign,
)


def _sample_of(db: Database, cid: int, unit_id: int) -> int:
    with db.begin(CLERK) as s:
        return int(
            s.scalar(
                select(SurveySample.id).where(
                    SurveySample.campaign_id == cid, SurveySample.unit_id == unit_id
                )
            )
            or 0
        )


def test_draw_leaves_out_vacant_and_phoneless_and_opens(
    db: Database, estate: Estate, design: Design
) -> None:
    with db.begin(MANAGER) as s:
        cid = sv.create_campaign(s, campaign_spec(design))
        assert q.campaign(s, cid).status is CampaignStatus.DRAFT
        size = sv.draw_sample(s, cid, seed=3)
    assert size == len(estate.eligible) == 8
    with db.begin(CLERK) as s:
        row = q.campaign(s, cid)
        drawn = set(s.scalars(select(SurveySample.unit_id).where(SurveySample.campaign_id == cid)))
        queue = q.call_queue(s, cid)
    assert row.status is CampaignStatus.OPEN
    assert (row.sample_size, row.open, row.done) == (8, 8, 0)
    assert drawn == set(estate.eligible)
    assert all(r.phone.startswith("138****") for r in queue)  # a clerk sees masked phones
    assert all(r.contact.startswith("住") and "*" in r.contact for r in queue)
    with pytest.raises(InvalidTransition), db.begin(MANAGER) as s:
        sv.draw_sample(s, cid, seed=3)


def test_draw_refuses_when_nobody_is_eligible(db: Database, estate: Estate, design: Design) -> None:
    open_campaign(db, design, rate_pct=100)
    with db.begin(MANAGER) as s:
        cid = sv.create_campaign(s, campaign_spec(design, rotation_months=6, name="复查"))
    with pytest.raises(ValidationError) as exc, db.begin(MANAGER) as s:
        sv.draw_sample(s, cid, seed=1)
    assert "没有可以抽样的住户" in str(exc.value)


def test_rotation_skips_households_surveyed_within_the_months(
    db: Database, estate: Estate, design: Design
) -> None:
    first = open_campaign(db, design, rate_pct=50, stratified=True)
    with db.begin(CLERK) as s:
        earlier = set(
            s.scalars(select(SurveySample.unit_id).where(SurveySample.campaign_id == first))
        )
    assert len(earlier) == 4  # two per building
    second = open_campaign(
        db, design, rate_pct=100, rotation_months=6, name="第二次", starts_on=clock.today()
    )
    with db.begin(CLERK) as s:
        later = set(
            s.scalars(select(SurveySample.unit_id).where(SurveySample.campaign_id == second))
        )
    assert later == set(estate.eligible) - earlier


def test_attempts_no_answer_until_unreached_callback_and_refused(
    db: Database, estate: Estate, design: Design, test_clock: clock.FixedClock
) -> None:
    cid = open_campaign(db, design, max_attempts=2)
    a, b, c = (_sample_of(db, cid, u) for u in estate.eligible[:3])
    now = clock.now()
    with db.begin(CLERK) as s:
        assert sv.record_attempt(s, a, CallOutcome.NO_ANSWER) is SampleStatus.NO_ANSWER
        assert sv.record_attempt(s, b, CallOutcome.REFUSED, note="不方便") is SampleStatus.REFUSED
        with pytest.raises(ValidationError) as exc:
            sv.record_attempt(s, c, CallOutcome.CALLBACK, callback_at=now - timedelta(hours=1))
        assert exc.value.field == "callback_at"
        assert (
            sv.record_attempt(s, c, CallOutcome.CALLBACK, callback_at=now + timedelta(hours=2))
            is SampleStatus.CALLBACK
        )
    with db.begin(CLERK) as s:
        queue = q.call_queue(s, cid)
        nxt = q.next_call(s, cid)
    # pending first, then the no-answer one, the callback (not yet due) last; refused gone
    assert [r.sample_id for r in queue][-2:] == [a, c]
    assert b not in [r.sample_id for r in queue]
    assert nxt is not None
    assert nxt.status is SampleStatus.PENDING
    test_clock.advance(timedelta(hours=3))
    with db.begin(CLERK) as s:
        first = q.call_queue(s, cid)[0]
        assert first.sample_id == c  # a due callback comes first
        assert sv.record_attempt(s, a, CallOutcome.NO_ANSWER) is SampleStatus.UNREACHED
        with pytest.raises(InvalidTransition):
            sv.record_attempt(s, a, CallOutcome.NO_ANSWER)
    with db.begin(CLERK) as s:
        rows = s.execute(
            select(SurveyAttempt.outcome, SurveyAttempt.clerk_name, SurveyAttempt.at).where(
                SurveyAttempt.sample_id == a
            )
        ).all()
    assert [r[0] for r in rows] == ["no_answer", "no_answer"]
    assert {r[1] for r in rows} == {"王前台"}
    assert all(r[2].tzinfo is not None for r in rows)


def test_dissatisfied_answer_opens_a_callback_ticket_linked_to_it(
    db: Database, estate: Estate, design: Design
) -> None:
    cid = open_campaign(db, design)
    sid = _sample_of(db, cid, estate.eligible[0])
    with db.begin(CLERK) as s:
        res = sv.submit_phone(
            s, sid, answers(design, (5, 2, 4), text="电梯间很脏", complaint=True), key="k1"
        )
    assert len(res.ticket_ids) == 2  # the rating of 2 and the complaint
    with db.begin(CLERK) as s:
        linked = s.execute(
            select(SurveyAnswer.question_id, SurveyAnswer.ticket_id)
            .where(SurveyAnswer.response_id == res.response_id, SurveyAnswer.ticket_id.is_not(None))
            .order_by(SurveyAnswer.id)
        ).all()
        tickets = [s.get(Ticket, t) for t in res.ticket_ids]
        sample = s.get(SurveySample, sid)
        assert sample is not None
        assert sample.status == SampleStatus.DONE
    assert [qid for qid, _t in linked] == [design.questions[1], design.questions[5]]
    assert tuple(t for _q, t in linked) == res.ticket_ids
    t0, t1 = tickets
    assert t0 is not None
    assert t1 is not None
    assert t0.kind == "complaint"
    assert t0.unit_id == estate.eligible[0]
    assert "公共区域保洁" in t0.description
    assert "2 分" in t0.description
    assert "电梯间很脏" in t1.description
    assert res.ticket_nos == (t0.number, t1.number)
    assert t0.resolve_due <= clock.now() + timedelta(days=15)
    for t in (t0, t1):  # the text names the ticket's own deadline, never a longer one
        deadline = clock.to_local(t.resolve_due)
        assert t.description.endswith(f"请于 {deadline:%Y-%m-%d %H:%M} 前回访住户。")


def test_same_key_twice_gives_the_first_result_and_one_response(
    db: Database, estate: Estate, design: Design
) -> None:
    cid = open_campaign(db, design)
    sid = _sample_of(db, cid, estate.eligible[0])
    with db.begin(CLERK) as s:
        first = sv.submit_phone(s, sid, answers(design, (1, 4, 4)), key="same")
    with db.begin(CLERK) as s:
        again = sv.submit_phone(s, sid, answers(design, (1, 4, 4)), key="same")
        n = s.scalar(select(func.count(SurveyResponse.id)))
        t = s.scalar(select(func.count(Ticket.id)))
    assert again == first
    assert (n, t) == (1, 1)
    with pytest.raises(InvalidTransition), db.begin(CLERK) as s:
        sv.submit_phone(s, sid, answers(design), key="other")


@pytest.mark.parametrize(
    ("bad", "field"),
    [
        (AnswerInput(0, rating=6), "q"),
        (AnswerInput(0, rating=None), "q"),
        (AnswerInput(3, choices=(0, 1)), "q"),
        (AnswerInput(3, choices=(5,)), "q"),
        (AnswerInput(4, choices=()), "q"),
        (AnswerInput(5, text="", is_complaint=True), "q"),
    ],
)
def test_answers_are_checked_against_the_questionnaire(
    db: Database, estate: Estate, design: Design, bad: AnswerInput, field: str
) -> None:
    cid = open_campaign(db, design)
    sid = _sample_of(db, cid, estate.eligible[0])
    given = answers(design)
    qid = design.questions[bad.question_id]
    given = [a for a in given if a.question_id != qid] + [
        AnswerInput(qid, bad.rating, bad.choices, bad.text, bad.is_complaint)
    ]
    with pytest.raises(ValidationError) as exc, db.begin(CLERK) as s:
        sv.submit_phone(s, sid, given, key="bad")
    assert exc.value.field == f"q{qid}"
    with db.begin(CLERK) as s:
        assert s.scalar(select(func.count(SurveyResponse.id))) == 0


def test_a_missing_answer_is_refused(db: Database, estate: Estate, design: Design) -> None:
    cid = open_campaign(db, design)
    sid = _sample_of(db, cid, estate.eligible[0])
    with pytest.raises(ValidationError) as exc, db.begin(CLERK) as s:
        sv.submit_phone(s, sid, answers(design)[1:], key="k")
    assert "第 1 题还没有回答" in str(exc.value)


def test_answered_questions_lock_and_questionnaires_in_use_get_a_new_version(
    db: Database, estate: Estate, design: Design
) -> None:
    with db.begin(MANAGER) as s:
        sv.update_question(
            s,
            design.questions[0],
            QuestionSpec(QuestionKind.RATING, "您对客服前台满意吗？", topic="客服"),
        )
        assert sv.revise_questionnaire(s, design.questionnaire, design.questions[:5]) == (
            design.questionnaire
        )
        sv.revise_questionnaire(s, design.questionnaire, design.questions)
    cid = open_campaign(db, design)
    sid = _sample_of(db, cid, estate.eligible[0])
    with db.begin(CLERK) as s:
        sv.submit_phone(s, sid, answers(design), key="k")
    with pytest.raises(ValidationError) as exc, db.begin(MANAGER) as s:
        sv.update_question(
            s, design.questions[0], QuestionSpec(QuestionKind.RATING, "改了", topic="客服")
        )
    assert "不能再改" in str(exc.value)
    with db.begin(MANAGER) as s:
        sv.update_question(  # the topic alone may change
            s,
            design.questions[0],
            QuestionSpec(QuestionKind.RATING, "您对客服前台满意吗？", topic="前台"),
        )
        new = sv.revise_questionnaire(s, design.questionnaire, design.questions[:4])
        rows = {r.id: r for r in q.list_questionnaires(s)}
        bank = {r.id: r for r in q.list_questions(s)}
        sv.set_question_active(s, design.questions[4], False)
        assert design.questions[4] not in {r.id for r in q.list_questions(s)}
        assert design.questions[4] in {r.id for r in q.list_questions(s, include_inactive=True)}
    assert new != design.questionnaire
    assert (rows[new].version, rows[new].in_use) == (2, False)
    assert rows[design.questionnaire].in_use
    assert rows[new].question_ids == design.questions[:4]
    assert bank[design.questions[0]].locked
    assert bank[design.questions[0]].topic == "前台"
    assert not bank[design.questions[5]].locked  # the comment was left empty: not answered
    with db.begin(CLERK) as s:
        assert [r.id for r in q.questionnaire_questions(s, new)] == list(design.questions[:4])


def test_close_turns_open_households_into_non_response(
    db: Database, estate: Estate, design: Design
) -> None:
    cid = open_campaign(db, design)
    first, second, third = (_sample_of(db, cid, u) for u in estate.eligible[:3])
    with db.begin(CLERK) as s:
        sv.submit_phone(s, first, answers(design), key="a")
        sv.record_attempt(s, second, CallOutcome.REFUSED)
        sv.record_attempt(s, third, CallOutcome.NO_ANSWER)
    with db.begin(MANAGER) as s:
        sv.close_campaign(s, cid)
    with db.begin(CLERK) as s:
        row = q.campaign(s, cid)
        res = q.results(s, cid)
        assert q.call_queue(s, cid) == []
        with pytest.raises(InvalidTransition):
            sv.record_attempt(s, third, CallOutcome.NO_ANSWER)
    assert row.status is CampaignStatus.CLOSED
    assert (row.done, row.open, row.non_response) == (1, 0, 7)
    assert (res.responses, res.refused, res.unreached) == (1, 1, 6)
    assert res.response_rate == pytest.approx(12.5)


def test_paper_forms_rechecks_and_differences(db: Database, estate: Estate, design: Design) -> None:
    cid = open_campaign(db, design)
    with db.begin(CLERK) as s:
        first = sv.submit_paper(
            s, cid, estate.eligible[0], answers(design, (4, 4, 4)), form_no="P001", key="p1"
        )
        second = sv.submit_paper(
            s, cid, estate.eligible[1], answers(design, (5, 5, 5)), form_no="P002", key="p2"
        )
        with pytest.raises(ValidationError) as exc:
            sv.submit_paper(s, cid, estate.eligible[2], answers(design), form_no="P001", key="p3")
        assert exc.value.field == "form_no"
        with pytest.raises(ValidationError):
            sv.submit_paper(s, cid, estate.vacant[0], answers(design), form_no="P009", key="p4")
    assert first.recheck
    assert not second.recheck
    with db.begin(CLERK) as s:
        queue = q.recheck_queue(s, cid)
        assert [(r.response_id, r.status, r.paper_form_no) for r in queue] == [
            (first.response_id, "pending", "P001")
        ]
        got = [
            AnswerInput(design.questions[0], rating=4),
            AnswerInput(design.questions[1], rating=2),
            AnswerInput(design.questions[3], choices=(1,)),
        ]
        assert sv.record_recheck(s, first.response_id, got) == 2
        with pytest.raises(InvalidTransition):
            sv.record_recheck(s, first.response_id, got)
        with pytest.raises(ValidationError):
            sv.record_recheck(s, second.response_id, got)
    with db.begin(CLERK) as s:
        stored = s.execute(
            select(
                SurveyRecheckAnswer.question_id,
                SurveyRecheckAnswer.paper_rating,
                SurveyRecheckAnswer.rating,
                SurveyRecheckAnswer.paper_choices,
                SurveyRecheckAnswer.choices,
                SurveyRecheckAnswer.differs,
            ).order_by(SurveyRecheckAnswer.id)
        ).all()
        res = q.results(s, cid)
        assert q.recheck_queue(s, cid)[0].differences == 2
        again = q.recheck_answers(s, first.response_id)
        assert q.recheck_answers(s, second.response_id) == []
    assert [(a.question_id, a.paper_rating, a.rating, a.differs) for a in again] == [
        (design.questions[0], 4, 4, False),
        (design.questions[1], 4, 2, True),
        (design.questions[3], None, None, True),
    ]
    assert (again[2].paper_choices, again[2].choices) == ((0,), (1,))
    assert again[1].question == "您对公共区域保洁满意吗？"
    assert [tuple(r) for r in stored] == [
        (design.questions[0], 4, 4, "", "", False),
        (design.questions[1], 4, 2, "", "", True),
        (design.questions[3], None, None, "0", "1", True),
    ]
    assert (res.paper_responses, res.rechecks, res.recheck_differences) == (2, 1, 2)
    assert res.rechecks_done == 1


def test_ten_percent_of_paper_forms_are_rechecked_once_closed(
    db: Database, design: Design, estate: Estate
) -> None:
    from propdesk.registry import services as reg

    with db.begin(MANAGER) as s:  # 23 more households with phones in building 1
        for i in range(23):
            uid = reg.create_unit(
                s,
                building_id=estate.buildings[0],
                entrance=1,
                room=f"{i % 12 + 7}0{i // 12 + 2}",
                area="90",
            )
            pid = reg.create_person(s, name=f"新住户{i}", phone=f"139{i:08d}")
            reg.start_occupancy(
                s, person_id=pid, unit_id=uid, role="owner", start_date=clock.today()
            )
    cid = open_campaign(db, design)
    with db.begin(CLERK) as s:
        units = list(s.scalars(select(SurveySample.unit_id).where(SurveySample.campaign_id == cid)))
    assert len(units) == 31
    drawn = 0
    for n, uid in enumerate(units[:25], start=1):
        with db.begin(CLERK) as s:
            drawn += sv.submit_paper(
                s, cid, uid, answers(design), form_no=f"F{n:03d}", key=f"f{n}"
            ).recheck
        assert n // 10 <= drawn <= -(-n // 10)  # 10%, rounded down or up while entering
    with db.begin(MANAGER) as s:
        sv.close_campaign(s, cid)
    with db.begin(CLERK) as s:
        assert len(q.recheck_queue(s, cid)) == 3  # 10% of 25, rounded up


def test_not_found_and_closed_campaign(db: Database, estate: Estate, design: Design) -> None:
    with pytest.raises(NotFound), db.begin(CLERK) as s:
        sv.record_attempt(s, 999, CallOutcome.NO_ANSWER)
    with db.begin(MANAGER) as s:
        cid = sv.create_campaign(s, campaign_spec(design))
    with pytest.raises(InvalidTransition), db.begin(MANAGER) as s:
        sv.close_campaign(s, cid)


def test_a_racing_repeat_of_the_same_key_returns_the_first_result(
    db: Database, estate: Estate, design: Design, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second desk did not see the first's response when it looked (the race): the
    unique key refuses its insert, its work is rolled back, and it gets the first result."""
    cid = open_campaign(db, design)
    sid = _sample_of(db, cid, estate.eligible[0])
    with db.begin(CLERK) as s:
        first = sv.submit_paper(
            s, cid, estate.eligible[0], answers(design, (2, 4, 4)), form_no="R1", key="race"
        )
    real = sv._previous
    calls: list[str] = []

    def late(session: object, key: str) -> object:
        calls.append(key)
        return None if len(calls) == 1 else real(session, key)  # type: ignore[arg-type]

    monkeypatch.setattr(sv, "_previous", late)
    with db.begin(CLERK) as s:
        sample = s.get(SurveySample, sid)
        assert sample is not None
        sample.status = SampleStatus.PENDING.value  # as the second desk saw it
        again = sv.submit_phone(s, sid, answers(design, (2, 4, 4)), key="race")
    assert again == first
    assert calls == ["race", "race"]
    with db.begin(CLERK) as s:
        assert s.scalar(select(func.count(SurveyResponse.id))) == 1
        assert s.scalar(select(func.count(Ticket.id))) == 1
        assert s.scalar(select(func.count(SurveyAttempt.id))) == 0  # the phone call rolled back


def test_building_scope_stratified_and_the_tenant_is_called(
    db: Database, estate: Estate, design: Design
) -> None:
    from propdesk.registry import services as reg

    unit = estate.eligible[-1]  # building 2
    with db.begin(MANAGER) as s:
        pid = reg.create_person(s, name="租客李", phone="13999990000")
        reg.start_occupancy(s, person_id=pid, unit_id=unit, role="tenant", start_date=clock.today())
    cid = open_campaign(db, design, building_ids=(estate.buildings[1],))
    with db.begin(MANAGER) as s:
        rows = s.execute(
            select(SurveySample.unit_id, SurveySample.building_id, SurveySample.person_id).where(
                SurveySample.campaign_id == cid
            )
        ).all()
        row = q.campaign(s, cid)
        queue = {r.unit_id: r for r in q.call_queue(s, cid)}
    assert row.building_ids == (estate.buildings[1],)
    assert {b for _u, b, _p in rows} == {estate.buildings[1]}
    assert {u for u, _b, _p in rows} == set(estate.eligible[4:])  # building 2's four
    # the tenant's household is called (tenant before owner); a manager sees it in full
    assert {u: p for u, _b, p in rows}[unit] == pid
    assert (queue[unit].contact, queue[unit].phone) == ("租客李", "13999990000")
    with db.begin(MANAGER) as s:
        cands = {c.unit_id: c for c in sv.candidates(s, sv._campaign(s, cid))}
    assert set(cands) == set(estate.units[6:])
    assert cands[estate.vacant[1]].vacant
    assert not cands[estate.no_phone[1]].has_phone
    assert cands[unit].has_phone


def test_dial_number_reveals_the_contacts_phone_and_audits_it(
    db: Database, estate: Estate, design: Design
) -> None:
    from propdesk.audit.models import AuditEntry

    cid = open_campaign(db, design)
    sid = _sample_of(db, cid, estate.eligible[0])
    with db.begin(CLERK) as s:
        number = sv.dial_number(s, sid)
    with db.begin(MANAGER) as s:
        reveals = s.scalar(select(func.count(AuditEntry.id)).where(AuditEntry.action == "reveal"))
    assert number == "13800000002"
    assert reveals == 1


def test_an_inactive_question_may_stay_in_a_revision_but_not_be_added(
    db: Database, estate: Estate, design: Design
) -> None:
    with db.begin(MANAGER) as s:
        extra = sv.create_question(s, QuestionSpec(QuestionKind.RATING, "电梯运行满意吗？"))
        sv.set_question_active(s, design.questions[1], False)
        sv.set_question_active(s, extra, False)
        same = sv.revise_questionnaire(s, design.questionnaire, design.questions[:3])
        with pytest.raises(ValidationError) as exc:
            sv.revise_questionnaire(s, design.questionnaire, [*design.questions[:3], extra])
        with pytest.raises(ValidationError):
            sv.create_questionnaire(s, "新问卷", [design.questions[1]])
    assert same == design.questionnaire
    assert "停用的题目" in str(exc.value)


def test_call_queue_order_fewest_attempts_first_and_finished_last(
    db: Database, estate: Estate, design: Design, test_clock: clock.FixedClock
) -> None:
    cid = open_campaign(db, design, max_attempts=5)
    s1, s2, s3, s4 = (_sample_of(db, cid, u) for u in estate.eligible[:4])
    with db.begin(CLERK) as s:
        for sid in (s1, s1, s2):
            sv.record_attempt(s, sid, CallOutcome.NO_ANSWER)
        sv.record_attempt(
            s, s3, CallOutcome.CALLBACK, callback_at=clock.now() + timedelta(minutes=30)
        )
        sv.submit_phone(s, s4, answers(design), key="done")
    test_clock.advance(timedelta(hours=1))
    with db.begin(CLERK) as s:
        open_ = [r.sample_id for r in q.call_queue(s, cid)]
        every = q.call_queue(s, cid, include_finished=True)
    assert open_[0] == s3  # the callback now due
    assert open_[-2:] == [s2, s1]  # then pending ones, then no answer: fewest attempts first
    assert len(open_) == 7
    assert [r.sample_id for r in every][:7] == open_
    assert (every[-1].sample_id, every[-1].status) == (s4, SampleStatus.DONE)


def test_a_login_that_reads_phones_masked_sees_the_last_four(
    db: Database, estate: Estate, design: Design
) -> None:
    """On a shared server a clerk's login reads ``person.phone`` through the masking view,
    as nothing; the lookup columns stay. Simulated by blanking the phone alone in SQL: the
    queue shows the last four, and with no server door to ask (SQLite) nothing is dialled.
    On PostgreSQL the server hands out the number of a waiting household to a real clerk
    login: tests/propdesk/db/test_pg_roles_enforced.py."""
    from sqlalchemy import update

    from propdesk.errors import NotAllowed
    from propdesk.registry.models import Person

    if db.engine.dialect.name == "postgresql":
        pytest.skip("a real masked login is tested in test_pg_roles_enforced.py")

    cid = open_campaign(db, design)
    sid = _sample_of(db, cid, estate.eligible[0])
    with db.begin(MANAGER) as s:
        pid = s.scalar(select(SurveySample.person_id).where(SurveySample.id == sid))
        s.execute(
            update(Person)
            .where(Person.id == pid)
            .values(phone="")
            .execution_options(synchronize_session=False)
        )
    with db.begin(CLERK) as s:
        row = next(r for r in q.call_queue(s, cid) if r.sample_id == sid)
        with pytest.raises(NotAllowed) as exc:
            sv.dial_number(s, sid)
    assert row.phone == "*******0002"
    assert "不能查看完整电话" in str(exc.value)


def test_campaign_list_names_the_buildings_in_one_read(
    db: Database, estate: Estate, design: Design
) -> None:
    """Each campaign row carries the names of the buildings it covers (none: every
    building), in the estate's order, from the same few statements however many campaigns
    are listed — no statement per row."""
    from typing import Any

    from sqlalchemy import event

    from propdesk.registry.models import Building

    b1, b2 = estate.buildings
    with db.begin(MANAGER) as s:
        s.get_one(Building, b2).name = "二号楼"
        s.get_one(Building, b2).sort_key = -1  # listed before building 1
        whole = sv.create_campaign(s, campaign_spec(design, name="全体"))

    def listed() -> tuple[int, dict[str, tuple[str, ...]]]:
        seen: list[str] = []

        def record(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
            seen.append(statement)

        event.listen(db.engine, "before_cursor_execute", record)
        try:
            with db.begin(CLERK) as s:
                rows = q.list_campaigns(s)
        finally:
            event.remove(db.engine, "before_cursor_execute", record)
        return len(seen), {r.name: r.building_names for r in rows}

    one, names = listed()
    assert names == {"全体": ()}
    with db.begin(MANAGER) as s:
        sv.create_campaign(s, campaign_spec(design, name="一号楼", building_ids=(b1,)))
        both = sv.create_campaign(s, campaign_spec(design, name="两栋", building_ids=(b1, b2)))
    three, names = listed()
    assert names == {"全体": (), "一号楼": ("1栋",), "两栋": ("二号楼", "1栋")}
    assert three == one  # the same statements for three campaigns as for one
    with db.begin(CLERK) as s:
        row = q.campaign(s, both)
        assert (row.building_ids, row.building_names) == ((b1, b2), ("二号楼", "1栋"))
        assert q.campaign(s, whole).building_names == ()


def test_the_draw_says_who_was_left_out_and_why_and_keeps_it(
    db: Database, estate: Estate, design: Design
) -> None:
    """The summary counts the households left out by reason, the eligible and the drawn;
    the campaign keeps it (CampaignRow.draw), unchanged when the households change later."""
    from propdesk.registry import services as reg
    from propdesk.registry.values import UnitStatus
    from propdesk.surveys.values import DrawSummary

    with db.begin(MANAGER) as s:
        first = sv.create_campaign(s, campaign_spec(design, rate_pct=50, stratified=True))
        assert q.campaign(s, first).draw is None  # a draft: nothing drawn yet
        summary = sv.draw_sample_summary(s, first, seed=3)
    # per building: one vacant unit, one household without a phone, four eligible
    assert summary == DrawSummary(
        vacant=2, no_occupant=0, no_phone=2, recently_surveyed=0, eligible=8, drawn=4
    )
    with db.begin(CLERK) as s:
        row = q.campaign(s, first)
    assert row.draw == summary
    assert row.sample_size == summary.drawn

    with db.begin(MANAGER) as s:  # a unit marked occupied that nobody is registered in
        reg.create_unit(
            s,
            building_id=estate.buildings[0],
            entrance=1,
            room="701",
            area="88",
            status=UnitStatus.OCCUPIED,
        )
        second = sv.create_campaign(
            s, campaign_spec(design, name="第二次", rate_pct=100, rotation_months=6)
        )
        again = sv.draw_sample_summary(s, second, seed=1)
    assert again == DrawSummary(
        vacant=2,
        no_occupant=1,
        no_phone=2,
        recently_surveyed=4,  # the first campaign's sample, within six months
        eligible=4,
        drawn=4,
        rotation_months=6,
    )
    assert (again.excluded, again.in_scope) == (9, 13)
    with db.begin(CLERK) as s:
        assert q.campaign(s, second).draw == again
        assert q.campaign(s, first).draw == summary  # kept: not recomputed from today's data


def test_an_empty_draw_says_how_many_were_left_out_and_keeps_nothing(
    db: Database, estate: Estate, design: Design
) -> None:
    open_campaign(db, design, rate_pct=100)
    with db.begin(MANAGER) as s:
        cid = sv.create_campaign(s, campaign_spec(design, rotation_months=6, name="复查"))
    with pytest.raises(ValidationError) as exc, db.begin(MANAGER) as s:
        sv.draw_sample_summary(s, cid, seed=1)
    assert "这些楼栋共 12 户：空置房 2 户，没有登记电话 2 户，轮换期内已抽中过 8 户" in str(
        exc.value
    )
    with db.begin(CLERK) as s:
        row = q.campaign(s, cid)
    assert (row.status, row.draw, row.sample_size) == (CampaignStatus.DRAFT, None, 0)
