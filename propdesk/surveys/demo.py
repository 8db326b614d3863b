"""Demo step: a question bank and two satisfaction surveys half a year apart.

The bank has eight questions (客服, 保洁, 绿化, 安保, 维修, 停车 ratings, how residents reach the
office, and a comment). The earlier campaign (about 190 days ago) is closed: answered by
phone and on paper, some refused, the rest unreached; its callback tickets were followed up
and closed, and its paper re-checks are done. The later one (started 20 days ago, rotation
of 12 months so it leaves out the earlier sample) is open: households pending, not answered,
to call back (some due now), refused, done; its tickets are open and one re-check is pending.

The design goes through the services (as the system); calls, answers and re-checks are bulk
inserts (about a hundred households a campaign), with every dissatisfied answer's ticket
opened by the same code the desk uses. Deterministic: ``ctx.rng``, ``ctx.today``, ``ctx.now``.
"""

from __future__ import annotations

import random
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.auth.actor import Actor, Role
from propdesk.demo.bulk import insert_with_ids
from propdesk.demo.steps import DemoContext
from propdesk.surveys import sampling
from propdesk.surveys import services as sv
from propdesk.surveys.models import (
    SurveyAnswer,
    SurveyAnswerChoice,
    SurveyAttempt,
    SurveyCampaign,
    SurveyQuestion,
    SurveyRecheck,
    SurveyRecheckAnswer,
    SurveyResponse,
    SurveySample,
)
from propdesk.surveys.values import (
    AnswerInput,
    CallOutcome,
    CampaignSpec,
    CampaignStatus,
    QuestionKind,
    QuestionSpec,
    ResponseSource,
    SampleRule,
    SampleStatus,
)

QUESTIONS: tuple[QuestionSpec, ...] = (
    QuestionSpec(QuestionKind.RATING, "您对客服中心的接待和办事效率满意吗？", topic="客服"),
    QuestionSpec(QuestionKind.RATING, "您对楼道和公共区域的保洁满意吗？", topic="保洁"),
    QuestionSpec(QuestionKind.RATING, "您对小区绿化养护满意吗？", topic="绿化"),
    QuestionSpec(QuestionKind.RATING, "您对门岗和巡逻等安保服务满意吗？", topic="安保"),
    QuestionSpec(QuestionKind.RATING, "您对报修的响应和维修质量满意吗？", topic="维修"),
    QuestionSpec(QuestionKind.RATING, "您对小区停车秩序和车辆管理满意吗？", topic="停车"),
    QuestionSpec(
        QuestionKind.SINGLE,
        "您平时主要通过哪种方式联系物业？",
        options=("电话", "到前台", "微信群", "业主APP"),
        topic="客服",
    ),
    QuestionSpec(QuestionKind.TEXT, "您对物业服务还有什么意见和建议？"),
)
#: Rating weights of 1..5: the later campaign shows the improvement the follow-up brought.
EARLIER_WEIGHTS = (1, 3, 15, 42, 39)
LATER_WEIGHTS = (1, 2, 11, 43, 43)
SAMPLE_TARGET = 100  # households a campaign samples, about
COMMENTS = (
    "希望增加夜间巡逻",
    "楼道灯经常不亮",
    "快递柜太少",
    "前台小姑娘服务很热情",
    "绿化带有人种菜，希望管一管",
    "地下车库有积水",
    "电梯经常停在顶层",
    "保洁阿姨很辛苦，打扫得干净",
    "希望公布物业费收支",
)
COMPLAINTS = (
    "楼上装修噪音一直没人管",
    "地库车位被外来车辆占用",
    "报修三次了水管还在漏",
    "垃圾站异味很大",
)
CLERKS = ("clerk", "supervisor")


@contextmanager
def _as(session: Session, actor: Actor) -> Any:
    before = session.info.get("actor")
    session.info["actor"] = actor
    try:
        yield
    finally:
        session.info["actor"] = before


@dataclass
class _Plan:
    campaign: SurveyCampaign
    questions: list[SurveyQuestion]
    weights: tuple[int, ...]
    closed: bool


# Why a low score was upheld, as the service centre found on following it up.
FOLLOW_UP_CAUSES = (
    "服务人员沟通不及时",
    "维修响应超时",
    "公共区域保洁不到位",
    "前台告知信息不准确",
)


def _at(rng: random.Random, day: date) -> datetime:
    """A working-hours moment of ``day`` at the estate, UTC."""
    moment = time(rng.randint(9, 17), rng.randint(0, 59))
    return clock.local_datetime(day, moment).astimezone(UTC)


def build_surveys(session: Session, ctx: DemoContext) -> None:
    rng = ctx.rng
    users: dict[str, int] = dict(ctx.info.get("user_ids") or {})  # type: ignore[call-overload]
    names = {"clerk": "李娜", "supervisor": "张伟"}
    system = Actor.system()
    with _as(session, system):
        ids = [sv.create_question(session, spec) for spec in QUESTIONS]
        questionnaire = sv.create_questionnaire(session, "业主满意度调查问卷", ids)
    questions = list(session.scalars(select(SurveyQuestion).where(SurveyQuestion.id.in_(ids))))
    questions.sort(key=lambda q: ids.index(q.id))
    earlier_start = ctx.today - timedelta(days=190)
    later_start = ctx.today - timedelta(days=20)
    plans: list[_Plan] = []
    for name, start, days, rotation, weights, closed in (
        (
            f"{earlier_start.year}年度第一次业主满意度调查",
            earlier_start,
            30,
            0,
            EARLIER_WEIGHTS,
            True,
        ),
        (f"{later_start.year}年度第二次业主满意度调查", later_start, 30, 12, LATER_WEIGHTS, False),
    ):
        with _as(session, system):
            cid = sv.create_campaign(
                session,
                CampaignSpec(
                    name=name,
                    questionnaire_id=questionnaire,
                    building_ids=(),
                    rate_pct=1,
                    stratified=True,
                    rotation_months=rotation,
                    max_attempts=3,
                    starts_on=start,
                    ends_on=start + timedelta(days=days),
                ),
            )
        c = session.get(SurveyCampaign, cid)
        assert c is not None
        cands = sv.candidates(session, c)
        eligible = sum(1 for cd in cands if sampling.eligible(cd, _rule(c)))
        c.rate_pct = max(1, min(30, -(-SAMPLE_TARGET * 100 // max(eligible, 1))))
        c.seed = rng.randrange(1, 2**31 - 1)
        drawn = sampling.draw(cands, _rule(c), c.seed)
        if not drawn:
            continue
        c.drawn_at = clock.local_datetime(start, time(9, 0)).astimezone(UTC)
        c.status = CampaignStatus.OPEN.value
        sv.keep_draw(c, sampling.summarize(cands, _rule(c), len(drawn)))
        session.flush()
        plans.append(_Plan(c, questions, weights, closed))
        _fill(session, ctx, rng, plans[-1], drawn, cands, users, names)
    session.execute(  # every question answered is locked, as the desk's entry locks it
        update(SurveyQuestion)
        .where(SurveyQuestion.id.in_(select(SurveyAnswer.question_id).distinct()))
        .values(locked=True)
        .execution_options(synchronize_session=False)
    )
    build_activity_feedback(session, ctx)
    ctx.progress(1.0, "满意度调查")


FEEDBACK_QUESTIONS: tuple[QuestionSpec, ...] = (
    QuestionSpec(QuestionKind.RATING, "您对本次活动的组织安排满意吗？", topic="活动"),
    QuestionSpec(QuestionKind.RATING, "您对活动的场地和时间满意吗？", topic="活动"),
    QuestionSpec(QuestionKind.TEXT, "您对社区活动还有什么建议？", topic="活动"),
)
FEEDBACK_WEIGHTS = (0, 0, 2, 9, 12)  # ratings 1..5: no dissatisfied answer, so no ticket
FEEDBACK_COMMENTS = ("", "", "", "希望多办几次", "时间可以再早一点", "孩子们玩得很开心")


def build_activity_feedback(session: Session, ctx: DemoContext) -> None:
    """The latest finished activity with households that came gets a feedback questionnaire
    (started the day after it) through the services, and about two thirds of them answered
    on the phone over the following days — each at its own moment before the demo's now.

    Its own generator (from ``ctx.today``) leaves ``ctx.rng`` to the steps after this one.
    Nothing when the activities step did not run."""
    from propdesk.activities.models import Activity, ActivitySignup
    from propdesk.activities.values import ActivityStatus
    from propdesk.surveys import activity_feedback as af

    now = ctx.now.astimezone(UTC)
    came = (
        select(ActivitySignup.id)
        .where(ActivitySignup.activity_id == Activity.id, ActivitySignup.attended.is_(True))
        .exists()
    )
    act = session.scalars(
        select(Activity)
        .where(
            Activity.status == ActivityStatus.FINISHED.value,
            Activity.starts_at < now - timedelta(days=2),
            came,
        )
        .order_by(Activity.starts_at.desc(), Activity.id.desc())
        .limit(1)
    ).first()
    if act is None:
        return
    rng = random.Random(f"activity-feedback:{ctx.today.isoformat()}")
    system = Actor.system()
    day = clock.to_local(act.starts_at).date()
    users: dict[str, int] = dict(ctx.info.get("user_ids") or {})  # type: ignore[call-overload]
    before = clock.of(session)
    try:
        started = clock.local_datetime(day + timedelta(days=1), time(8, 30)).astimezone(UTC)
        clock.bind(session, clock.FixedClock(started))
        with _as(session, system):
            ids = [sv.create_question(session, spec) for spec in FEEDBACK_QUESTIONS]
            questionnaire = sv.create_questionnaire(session, "社区活动反馈问卷", ids)
            cid = af.start_activity_feedback(session, act.id, questionnaire)
        samples = list(
            session.scalars(
                select(SurveySample.id)
                .where(SurveySample.campaign_id == cid)
                .order_by(SurveySample.unit_id)
            )
        )
        clerk = Actor(
            user_id=users.get("clerk"), username="clerk", display_name="李娜", role=Role.CLERK
        )
        for n, sample_id in enumerate(samples):
            at = _at(rng, day + timedelta(days=1 + n % 3))
            if at >= now - timedelta(hours=1):
                at = now - timedelta(hours=1 + n)
            clock.bind(session, clock.FixedClock(at))
            with _as(session, clerk):
                if rng.random() < 0.67:
                    ratings = rng.choices(range(1, 6), weights=FEEDBACK_WEIGHTS, k=2)
                    answers = [
                        AnswerInput(ids[0], rating=ratings[0]),
                        AnswerInput(ids[1], rating=ratings[1]),
                        AnswerInput(ids[2], text=rng.choice(FEEDBACK_COMMENTS)),
                    ]
                    sv.submit_phone(session, sample_id, answers, key=f"demo-feedback-{n}")
                else:
                    sv.record_attempt(session, sample_id, CallOutcome.NO_ANSWER)
    finally:
        clock.bind(session, before)


def _rule(c: SurveyCampaign) -> SampleRule:
    return SampleRule(c.rate_pct, c.rotation_months, c.stratified, c.starts_on)


def _outcome(rng: random.Random, closed: bool) -> SampleStatus:
    roll = rng.random()
    if closed:
        return (
            SampleStatus.DONE
            if roll < 0.72
            else SampleStatus.REFUSED
            if roll < 0.8
            else SampleStatus.UNREACHED
        )
    for status, upto in (
        (SampleStatus.DONE, 0.45),
        (SampleStatus.NO_ANSWER, 0.57),
        (SampleStatus.CALLBACK, 0.63),
        (SampleStatus.REFUSED, 0.68),
        (SampleStatus.UNREACHED, 0.71),
    ):
        if roll < upto:
            return status
    return SampleStatus.PENDING


def _answers(rng: random.Random, plan: _Plan, *, paper: bool) -> list[AnswerInput]:
    out: list[AnswerInput] = []
    for q in plan.questions:
        if q.kind == QuestionKind.RATING:
            rating = rng.choices(range(1, 6), weights=plan.weights)[0]
            out.append(AnswerInput(q.id, rating=rating))
        elif q.kind == QuestionKind.SINGLE:
            choice = rng.choices(range(4), weights=(5, 3, 4, 1) if paper else (6, 2, 3, 1))[0]
            out.append(AnswerInput(q.id, choices=(choice,)))
        elif rng.random() < 0.2:
            complaint = rng.random() < 0.25
            text = rng.choice(COMPLAINTS if complaint else COMMENTS)
            out.append(AnswerInput(q.id, text=text, is_complaint=complaint))
    return out


def _fill(
    session: Session,
    ctx: DemoContext,
    rng: random.Random,
    plan: _Plan,
    drawn: list[int],
    cands: list[Any],
    users: dict[str, int],
    names: dict[str, str],
) -> None:
    c = plan.campaign
    building_of = {cd.unit_id: cd.building_id for cd in cands}
    contact = sv._contacts(session, drawn)
    last_day = min(c.ends_on, ctx.today)
    span = max((last_day - c.starts_on).days, 1)
    samples: list[dict[str, Any]] = []
    attempts: list[list[dict[str, Any]]] = []
    answered: list[tuple[int, bool, datetime, str]] = []  # index, paper, when, clerk
    for uid in drawn:
        status = _outcome(rng, plan.closed)
        clerk = rng.choice(CLERKS)
        calls: list[dict[str, Any]] = []
        day = c.starts_on + timedelta(days=rng.randint(0, span - 1))
        paper = status == SampleStatus.DONE and rng.random() < 0.3
        no_answers = {
            SampleStatus.DONE: rng.choice((0, 0, 0, 1, 2)),
            SampleStatus.NO_ANSWER: rng.randint(1, 2),
            SampleStatus.CALLBACK: rng.choice((0, 1)),
            SampleStatus.REFUSED: rng.choice((0, 0, 1)),
            SampleStatus.UNREACHED: 3,
            SampleStatus.PENDING: 0,
        }[status]
        if paper:
            no_answers = rng.choice((0, 1))
        final: CallOutcome | None = {
            SampleStatus.REFUSED: CallOutcome.REFUSED,
            SampleStatus.CALLBACK: CallOutcome.CALLBACK,
            SampleStatus.DONE: None if paper else CallOutcome.ANSWERED,
        }.get(status)
        # The calls, a day or few apart in working hours; when the last would fall after the
        # demo's now, all of them move back by whole days (still in working hours, never in
        # the future).
        times = [_at(rng, day)]
        for _k in range(no_answers - (final is None)):
            times.append(times[-1] + timedelta(days=rng.randint(1, 3)))
        latest = ctx.now.astimezone(UTC) - timedelta(hours=1)
        if times[-1] > latest:
            back = (times[-1] - latest).days + 1
            times = [t - timedelta(days=back) for t in times]
        when = times[-1]
        for t in times[:no_answers]:
            calls.append(_call(users, names, clerk, t, CallOutcome.NO_ANSWER))
        callback_at = None
        if status == SampleStatus.CALLBACK:
            # the time the household asked for: office hours, yesterday to two days ahead
            today = clock.to_local(ctx.now).date()
            callback_at = _at(rng, today + timedelta(days=rng.randint(-1, 2)))
        if final is not None:
            calls.append(_call(users, names, clerk, when, final, callback_at))
        if status == SampleStatus.DONE:
            answered.append((len(samples), paper, when, clerk))
        samples.append(
            {
                "campaign_id": c.id,
                "unit_id": uid,
                "building_id": building_of[uid],
                "person_id": contact.get(uid),
                "status": status.value,
                "attempts": len(calls),
                "callback_at": callback_at,
                "last_attempt_at": calls[-1]["at"] if calls else None,
                "version": 1,
                "created_at": c.drawn_at,
                "updated_at": calls[-1]["at"] if calls else c.drawn_at,
            }
        )
        attempts.append(calls)
    sample_ids = insert_with_ids(session, SurveySample, samples)
    rows = [
        {**a, "sample_id": sid, "campaign_id": c.id}
        for sid, calls in zip(sample_ids, attempts, strict=True)
        for a in calls
    ]
    if rows:
        session.execute(insert(SurveyAttempt), rows)
    _responses(session, ctx, rng, plan, samples, sample_ids, answered, users, names)
    if plan.closed:
        c.status = CampaignStatus.CLOSED.value
        c.closed_at = clock.local_datetime(c.ends_on, time(17, 30)).astimezone(UTC)
    session.flush()


def _call(
    users: dict[str, int],
    names: dict[str, str],
    clerk: str,
    at: datetime,
    outcome: CallOutcome,
    callback_at: datetime | None = None,
) -> dict[str, Any]:
    return {
        "user_id": users.get(clerk),
        "clerk_name": names[clerk],
        "at": at,
        "outcome": outcome.value,
        "callback_at": callback_at,
        "note": "",
    }


def _responses(
    session: Session,
    ctx: DemoContext,
    rng: random.Random,
    plan: _Plan,
    samples: list[dict[str, Any]],
    sample_ids: list[int],
    answered: list[tuple[int, bool, datetime, str]],
    users: dict[str, int],
    names: dict[str, str],
) -> None:
    c = plan.campaign
    answered.sort(key=lambda t: t[2])
    responses: list[dict[str, Any]] = []
    given: list[list[AnswerInput]] = []
    seq = 0
    for n, (index, paper, when, clerk) in enumerate(answered, start=1):
        if paper:
            seq += 1
        responses.append(
            {
                "campaign_id": c.id,
                "sample_id": sample_ids[index],
                "unit_id": samples[index]["unit_id"],
                "building_id": samples[index]["building_id"],
                "source": (ResponseSource.PAPER if paper else ResponseSource.PHONE).value,
                "paper_form_no": f"{c.starts_on:%Y%m}-{n:04d}" if paper else "",
                "paper_seq": seq if paper else None,
                "idempotency_key": f"demo-{c.id}-{n}",
                "user_id": users.get(clerk),
                "clerk_name": names[clerk],
                "answered_at": when,
            }
        )
        given.append(_answers(rng, plan, paper=paper))
    c.paper_forms = seq
    response_ids = insert_with_ids(session, SurveyResponse, responses)
    questions = {q.id: (pos, q) for pos, q in enumerate(plan.questions, start=1)}
    clerk_actor = Actor(
        user_id=users.get("clerk"), username="clerk", display_name="李娜", role=Role.CLERK
    )
    answers: list[dict[str, Any]] = []
    choices: list[tuple[int, int, int]] = []  # answer position, question, option
    tickets: list[int] = []
    person_of = {sid: row["person_id"] for sid, row in zip(sample_ids, samples, strict=True)}
    for rid, resp, items in zip(response_ids, responses, given, strict=True):
        # a transient stand-in (never added): the follow-up reads its unit and contact
        sample = SurveySample(unit_id=resp["unit_id"], person_id=person_of[resp["sample_id"]])
        source = ResponseSource(resp["source"])
        for a in items:
            pos, q = questions[a.question_id]
            ticket_id = None
            if (a.rating is not None and a.rating <= 2) or a.is_complaint:
                with _as(session, clerk_actor):
                    ticket_id = sv._follow_up(
                        session, c, sample, pos, q, a, source, resp["answered_at"]
                    )
                tickets.append(ticket_id)
            for option in a.choices:
                choices.append((len(answers), q.id, option))
            answers.append(
                {
                    "response_id": rid,
                    "campaign_id": c.id,
                    "question_id": q.id,
                    "building_id": resp["building_id"],
                    "rating": a.rating,
                    "has_text": bool(a.text),
                    "text_enc": a.text,
                    "is_complaint": a.is_complaint,
                    "ticket_id": ticket_id,
                }
            )
    answer_ids = insert_with_ids(session, SurveyAnswer, answers)
    if choices:
        session.execute(
            insert(SurveyAnswerChoice),
            [
                {
                    "answer_id": answer_ids[i],
                    "option_index": o,
                    "campaign_id": c.id,
                    "question_id": q,
                }
                for i, q, o in choices
            ],
        )
    if plan.closed:
        _follow_through(session, rng, tickets, clerk_actor)
    _rechecks(session, rng, plan, responses, response_ids, answers, answer_ids, choices)


def _follow_through(
    session: Session, rng: random.Random, ticket_ids: list[int], actor: Actor
) -> None:
    """The earlier campaign's callback tickets were handled, called back and closed."""
    from propdesk.tickets import services as tk
    from propdesk.tickets.demo import desk_hours
    from propdesk.tickets.models import Ticket

    with _as(session, actor):
        for tid in ticket_ids:
            t = session.get(Ticket, tid)
            assert t is not None
            at = t.created_at + timedelta(hours=rng.randint(2, 20))
            tk.dispatch(session, tid, department=t.department or "service", at=at)
            at += timedelta(hours=rng.randint(1, 24))
            tk.start(session, tid, at=at)
            at += timedelta(days=rng.randint(1, 5))
            tk.complete(session, tid, work_done="已上门沟通并处理", at=at)
            at = desk_hours(at + timedelta(days=rng.randint(1, 6)))  # called back by day
            tk.callback(
                session,
                tid,
                overall=rng.choice((3, 4, 4, 5)),
                speed=rng.choice((3, 4, 5)),
                attitude=rng.choice((4, 5)),
                comment="满意度调查回访",
                at=at,
            )
            upheld = rng.random() < 0.7
            tk.close_complaint(
                session,
                tid,
                responsible_department=(t.department or "service") if upheld else "",
                valid=upheld,
                validity_reason=(
                    "回访核实，住户反映属实" if upheld else "经核实属住户误解，非服务问题"
                ),
                root_cause=rng.choice(FOLLOW_UP_CAUSES) if upheld else "",
                resolution=(
                    "已上门沟通并处理，住户认可" if upheld else "已向住户说明情况，住户表示理解"
                ),
                at=at + timedelta(hours=1),
            )


def _rechecks(
    session: Session,
    rng: random.Random,
    plan: _Plan,
    responses: list[dict[str, Any]],
    response_ids: list[int],
    answers: list[dict[str, Any]],
    answer_ids: list[int],
    choices: list[tuple[int, int, int]],
) -> None:
    """Paper forms drawn for a re-check as entered; all re-checked in the closed campaign
    (an answer now and then differs), all but the latest in the open one."""
    c = plan.campaign
    paper = [(rid, r) for rid, r in zip(response_ids, responses, strict=True) if r["paper_seq"]]
    drawn = [(rid, r) for rid, r in paper if sv._drawn_for_recheck(c, int(r["paper_seq"]))]
    if plan.closed:
        need = sv.rechecks_needed(len(paper)) - len(drawn)
        rest = [p for p in paper if p not in drawn]
        drawn += rng.sample(rest, min(max(need, 0), len(rest)))
    if not drawn:
        return
    by_response: dict[int, list[dict[str, Any]]] = {}
    for a in answers:
        by_response.setdefault(a["response_id"], []).append(a)
    chosen = {answer_ids[i]: o for i, _q, o in choices}
    ids_of = {id(a): aid for a, aid in zip(answers, answer_ids, strict=True)}
    rows: list[dict[str, Any]] = []
    details: list[list[dict[str, Any]]] = []
    for k, (rid, r) in enumerate(drawn):
        done = plan.closed or k < len(drawn) - 1
        lines: list[dict[str, Any]] = []
        if done:
            for a in by_response.get(rid, []):
                if a["rating"] is None and ids_of[id(a)] not in chosen:
                    continue
                rating = a["rating"]
                if rating is not None and rng.random() < 0.12:
                    rating = max(1, min(5, rating + rng.choice((-1, 1))))
                option = chosen.get(ids_of[id(a)])
                lines.append(
                    {
                        "question_id": a["question_id"],
                        "rating": rating,
                        "choices": "" if option is None else str(option),
                        "text_enc": "",
                        "paper_rating": a["rating"],
                        "paper_choices": "" if option is None else str(option),
                        "differs": rating != a["rating"],
                    }
                )
        at = r["answered_at"] + timedelta(days=rng.randint(1, 4))
        rows.append(
            {
                "campaign_id": c.id,
                "response_id": rid,
                "status": "done" if done else "pending",
                "drawn_at": r["answered_at"],
                "done_at": at if done else None,
                "user_id": None,
                "clerk_name": "张伟" if done else "",
                "differences": sum(1 for x in lines if x["differs"]),
            }
        )
        details.append(lines)
    recheck_ids = insert_with_ids(session, SurveyRecheck, rows)
    lines_all = [
        {**x, "recheck_id": rc}
        for rc, lines in zip(recheck_ids, details, strict=True)
        for x in lines
    ]
    if lines_all:
        session.execute(insert(SurveyRecheckAnswer), lines_all)
