"""Writing surveys: the question bank, questionnaires, campaigns, calls, answers, re-checks.

Who may do what: designing a survey (questions, questionnaires, campaigns, drawing the
sample, closing) is a manager's (``MANAGE_SETTINGS``); the calls, the answers (by phone or
from paper) and the re-check calls are desk work (``EDIT_REGISTRY``).

Each function is one step of the caller's transaction. A submitted answer that is
dissatisfied (a rating of ``DISSATISFIED_AT_MOST`` or less) or a comment marked as a
complaint opens a complaint ticket for a callback in the same transaction, linked to the
answer. Paper forms are numbered as they are entered; of every block of
``100 // RECHECK_PCT`` forms one is drawn for a re-check call (the first block's first form,
so a campaign with any paper form has a re-check; in later blocks a position drawn from
the campaign's seed), and closing the campaign tops the draw up to ``RECHECK_PCT`` % of the
entered forms, rounded up.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import delete, exists, func, insert, or_, select, type_coerce, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from propdesk import clock
from propdesk.audit.trail import record_reveal
from propdesk.auth.permissions import Permission, require
from propdesk.errors import Conflict, InvalidTransition, NotAllowed, NotFound, ValidationError
from propdesk.registry.models import Building, Occupancy, Person, Unit, UnitStatus
from propdesk.session_info import actor_name, actor_or_none
from propdesk.surveys import sampling
from propdesk.surveys.models import (
    SurveyAnswer,
    SurveyAnswerChoice,
    SurveyAttempt,
    SurveyCampaign,
    SurveyCampaignBuilding,
    SurveyQuestion,
    SurveyQuestionnaire,
    SurveyQuestionnaireItem,
    SurveyRecheck,
    SurveyRecheckAnswer,
    SurveyResponse,
    SurveySample,
)
from propdesk.surveys.values import (
    CALLBACK_DAYS,
    DISSATISFIED_AT_MOST,
    EXCLUSION_ZH,
    RECHECK_PCT,
    AnswerInput,
    CallOutcome,
    CampaignSpec,
    CampaignStatus,
    Candidate,
    DrawSummary,
    QuestionKind,
    QuestionSpec,
    ResponseSource,
    SampleRule,
    SampleStatus,
    SubmitResult,
)
from propdesk.validate import clean_text

#: Sample statuses still worked by the call queue.
OPEN_STATUSES = (SampleStatus.PENDING, SampleStatus.NO_ANSWER, SampleStatus.CALLBACK)
MAX_OPTIONS = 10
MAX_TEXT = 500
#: Forms per re-check block: one in ``100 // RECHECK_PCT`` is re-checked.
RECHECK_BLOCK = 100 // RECHECK_PCT
#: Complaint categories (``propdesk.tickets.catalog``) by question topic; else "other".
TOPIC_CATEGORY = {
    "保洁": "hygiene",
    "绿化": "hygiene",
    "环境": "hygiene",
    "安保": "security",
    "治安": "security",
    "停车": "parking",
    "客服": "staff_attitude",
    "服务": "staff_attitude",
    "维修": "repair_quality",
    "工程": "repair_quality",
    "收费": "fees",
}
#: What the audit says was revealed when the desk dials a sampled household.
DIALLED = "phone（满意度调查拨号）"


def _user(session: Session) -> tuple[int | None, str]:
    actor = actor_or_none(session)
    return (actor.user_id if actor else None), actor_name(session)


# --- question bank ------------------------------------------------------------------------


def _checked_question(spec: QuestionSpec) -> tuple[QuestionKind, str, list[str], list[str], str]:
    try:
        kind = QuestionKind(spec.kind)
    except ValueError:
        raise ValidationError("kind", "请选择题型。") from None
    text = clean_text(spec.text, "text", 200, "请填写题目。", label="题目")
    topic = clean_text(spec.topic, "topic", 20, label="类别")
    options: list[str] = []
    labels: list[str] = []
    if kind in (QuestionKind.SINGLE, QuestionKind.MULTI):
        options = [clean_text(o, "options", 50, label="选项") for o in spec.options]
        options = [o for o in options if o]
        if len(options) < 2:
            raise ValidationError("options", "选择题至少要有两个选项。")
        if len(options) > MAX_OPTIONS:
            raise ValidationError("options", f"选项最多 {MAX_OPTIONS} 个。")
        if len(set(options)) != len(options):
            raise ValidationError("options", "选项不能重复。")
    elif spec.options:
        raise ValidationError("options", "只有单选题和多选题有选项。")
    if kind is QuestionKind.RATING:
        labels = [clean_text(x, "labels", 10, label="评分说明") for x in spec.labels]
        if len(labels) != 5 or not all(labels):
            raise ValidationError("labels", "评分题要为 1 到 5 分各写一个说明。")
    return kind, text, options, labels, topic


def _question(session: Session, question_id: int) -> SurveyQuestion:
    q = session.get(SurveyQuestion, question_id)
    if q is None:
        raise NotFound("找不到这道题，可能已被删除。")
    return q


def create_question(session: Session, spec: QuestionSpec) -> int:
    """A new question in the bank (active, not yet locked)."""
    require(actor_or_none(session), Permission.MANAGE_SETTINGS)
    kind, text, options, labels, topic = _checked_question(spec)
    q = SurveyQuestion(
        kind=kind.value,
        text=text,
        options_json=json.dumps(options, ensure_ascii=False),
        labels_json=json.dumps(labels, ensure_ascii=False),
        topic=topic,
        locked=False,
        active=True,
    )
    session.add(q)
    session.flush()
    return q.id


def update_question(session: Session, question_id: int, spec: QuestionSpec) -> None:
    """Edit a question nobody has answered yet; once answered only its topic may change."""
    require(actor_or_none(session), Permission.MANAGE_SETTINGS)
    q = _question(session, question_id)
    kind, text, options, labels, topic = _checked_question(spec)
    options_json = json.dumps(options, ensure_ascii=False)
    labels_json = json.dumps(labels, ensure_ascii=False)
    same = (q.kind, q.text, q.options_json, q.labels_json) == (
        kind.value,
        text,
        options_json,
        labels_json,
    )
    if q.locked and not same:
        raise ValidationError(
            "text",
            "这道题已经有住户回答过，题目、题型和选项不能再改（否则前后两次调查无法比较）；"
            "如需调整，请新建一道题，并停用这道题。",
        )
    q.kind, q.text, q.options_json, q.labels_json = kind.value, text, options_json, labels_json
    q.topic = topic
    session.flush()


def set_question_active(session: Session, question_id: int, active: bool) -> None:
    """An inactive question stays in the questionnaires that have it but is not offered
    for new ones."""
    require(actor_or_none(session), Permission.MANAGE_SETTINGS)
    q = _question(session, question_id)
    q.active = bool(active)
    session.flush()


# --- questionnaires -----------------------------------------------------------------------


def _checked_items(
    session: Session, question_ids: Sequence[int], keep: frozenset[int] = frozenset()
) -> list[int]:
    """The ids in order, checked: at least one, no repeats, all existing and active (an
    inactive question in ``keep`` — already in the questionnaire revised — may stay)."""
    ids = [int(i) for i in question_ids]
    if not ids:
        raise ValidationError("question_ids", "问卷至少要有一道题。")
    if len(set(ids)) != len(ids):
        raise ValidationError("question_ids", "同一道题不能在问卷里出现两次。")
    found = dict(
        session.execute(
            select(SurveyQuestion.id, SurveyQuestion.active).where(SurveyQuestion.id.in_(ids))
        ).all()
    )
    if len(found) != len(ids):
        raise ValidationError("question_ids", "问卷里有已不存在的题目，请重新选择。")
    if any(not active and qid not in keep for qid, active in found.items()):
        raise ValidationError("question_ids", "停用的题目不能放进问卷。")
    return ids


def _put_items(session: Session, questionnaire_id: int, ids: list[int]) -> None:
    session.execute(
        insert(SurveyQuestionnaireItem),
        [
            {"questionnaire_id": questionnaire_id, "position": pos, "question_id": qid}
            for pos, qid in enumerate(ids, start=1)
        ],
    )


def _questionnaire(session: Session, questionnaire_id: int) -> SurveyQuestionnaire:
    qn = session.get(SurveyQuestionnaire, questionnaire_id)
    if qn is None:
        raise NotFound("找不到这份问卷，可能已被删除。")
    return qn


def create_questionnaire(session: Session, name: str, question_ids: Sequence[int]) -> int:
    """A new questionnaire (version 1) with the questions in order."""
    require(actor_or_none(session), Permission.MANAGE_SETTINGS)
    clean = clean_text(name, "name", 100, "请填写问卷名称。", label="问卷名称")
    ids = _checked_items(session, question_ids)
    qn = SurveyQuestionnaire(name=clean, number=1)
    session.add(qn)
    session.flush()
    qn.series_id = qn.id
    _put_items(session, qn.id, ids)
    session.flush()
    return qn.id


def questionnaire_in_use(session: Session, questionnaire_id: int) -> bool:
    return (
        session.scalar(
            select(SurveyCampaign.id).where(SurveyCampaign.questionnaire_id == questionnaire_id)
        )
        is not None
    )


def revise_questionnaire(
    session: Session, questionnaire_id: int, question_ids: Sequence[int]
) -> int:
    """Change the questions: in place while no campaign uses the questionnaire, else as a new
    version (the highest of its series + 1). Returns the id of the version with the change."""
    require(actor_or_none(session), Permission.MANAGE_SETTINGS)
    qn = _questionnaire(session, questionnaire_id)
    current = frozenset(
        session.scalars(
            select(SurveyQuestionnaireItem.question_id).where(
                SurveyQuestionnaireItem.questionnaire_id == qn.id
            )
        )
    )
    ids = _checked_items(session, question_ids, current)
    if not questionnaire_in_use(session, qn.id):
        session.execute(
            delete(SurveyQuestionnaireItem).where(SurveyQuestionnaireItem.questionnaire_id == qn.id)
        )
        _put_items(session, qn.id, ids)
        qn.updated_at = clock.now(session)
        session.flush()
        return qn.id
    series = qn.series_id or qn.id
    top = session.scalar(
        select(func.max(SurveyQuestionnaire.number)).where(SurveyQuestionnaire.series_id == series)
    )
    new = SurveyQuestionnaire(name=qn.name, series_id=series, number=int(top or qn.number) + 1)
    session.add(new)
    session.flush()
    _put_items(session, new.id, ids)
    session.flush()
    return new.id


# --- campaigns ----------------------------------------------------------------------------


def _campaign(session: Session, campaign_id: int) -> SurveyCampaign:
    c = session.get(SurveyCampaign, campaign_id)
    if c is None:
        raise NotFound("找不到这次调查，可能已被删除。")
    return c


def create_campaign(session: Session, spec: CampaignSpec) -> int:
    """A draft campaign: questionnaire, scope and sampling rules, no sample yet."""
    require(actor_or_none(session), Permission.MANAGE_SETTINGS)
    name = clean_text(spec.name, "name", 100, "请填写调查名称。", label="调查名称")
    qn = session.get(SurveyQuestionnaire, spec.questionnaire_id)
    if qn is None:
        raise ValidationError("questionnaire_id", "请选择问卷。")
    if not 1 <= spec.rate_pct <= 100:
        raise ValidationError("rate_pct", "抽样比例应在 1% 到 100% 之间。")
    if not 0 <= spec.rotation_months <= 60:
        raise ValidationError("rotation_months", "轮换期应在 0 到 60 个月之间（0 表示不轮换）。")
    if not 1 <= spec.max_attempts <= 10:
        raise ValidationError("max_attempts", "每户最多拨打次数应在 1 到 10 次之间。")
    if spec.ends_on < spec.starts_on:
        raise ValidationError("ends_on", "结束日期不能早于开始日期。")
    buildings = sorted(set(spec.building_ids))
    if buildings:
        known = set(session.scalars(select(Building.id).where(Building.id.in_(buildings))))
        if len(known) != len(buildings):
            raise ValidationError("building_ids", "所选楼栋有的已不存在，请重新选择。")
    c = SurveyCampaign(
        name=name,
        questionnaire_id=qn.id,
        status=CampaignStatus.DRAFT.value,
        rate_pct=spec.rate_pct,
        stratified=bool(spec.stratified),
        rotation_months=spec.rotation_months,
        max_attempts=spec.max_attempts,
        starts_on=spec.starts_on,
        ends_on=spec.ends_on,
        paper_forms=0,
        created_by=actor_name(session),
    )
    session.add(c)
    session.flush()
    if buildings:
        session.execute(
            insert(SurveyCampaignBuilding),
            [{"campaign_id": c.id, "building_id": b} for b in buildings],
        )
    return c.id


def _current_occupancy(today: date) -> Any:
    return or_(Occupancy.end_date.is_(None), Occupancy.end_date > today)


def candidates(session: Session, campaign: SurveyCampaign) -> list[Candidate]:
    """Every unit in the campaign's scope as a sampling candidate, built in SQL: vacant (the
    unit's status, or nobody living there), has a phone (someone living there has one: its
    lookup hash is set), last surveyed (the latest start of another campaign sampling it)."""
    today = clock.today(session)
    living = (
        select(Occupancy.id)
        .where(Occupancy.unit_id == Unit.id, _current_occupancy(today))
        .correlate(Unit)
    )
    with_phone = (
        select(Occupancy.id)
        .join(Person, Person.id == Occupancy.person_id)
        .where(Occupancy.unit_id == Unit.id, _current_occupancy(today), Person.phone_hmac != "")
        .correlate(Unit)
    )
    last = (
        select(SurveySample.unit_id, func.max(SurveyCampaign.starts_on).label("last"))
        .join(SurveyCampaign, SurveyCampaign.id == SurveySample.campaign_id)
        # an activity's feedback questionnaire is no satisfaction survey: its calls do not
        # keep a household out of the next draw
        .where(SurveySample.campaign_id != campaign.id, SurveyCampaign.activity_id.is_(None))
        .group_by(SurveySample.unit_id)
        .subquery()
    )
    scope = select(SurveyCampaignBuilding.building_id).where(
        SurveyCampaignBuilding.campaign_id == campaign.id
    )
    stmt = (
        select(
            Unit.id,
            Unit.building_id,
            Unit.status,
            exists(living),
            exists(with_phone),
            last.c.last,
        )
        .outerjoin(last, last.c.unit_id == Unit.id)
        .order_by(Unit.id)
    )
    if session.scalar(scope.limit(1)) is not None:
        stmt = stmt.where(Unit.building_id.in_(scope))
    return [
        Candidate(
            unit_id=int(uid),
            building_id=int(bid),
            vacant=status == UnitStatus.VACANT.value or not lives,
            has_phone=bool(phone),
            last_surveyed=last_on,
            no_occupant=status != UnitStatus.VACANT.value and not lives,
        )
        for uid, bid, status, lives, phone, last_on in session.execute(stmt)
    ]


_ROLE_RANK = {"tenant": 0, "owner": 1}


def _contacts(session: Session, unit_ids: Sequence[int]) -> dict[int, int]:
    """unit id → the person to call: a current occupant with a phone, tenant before owner
    before the others, then the earliest occupancy."""
    today = clock.today(session)
    best: dict[int, tuple[int, int, int]] = {}
    ids = sorted(set(unit_ids))
    for i in range(0, len(ids), 500):
        rows = session.execute(
            select(Occupancy.unit_id, Occupancy.role, Occupancy.id, Occupancy.person_id)
            .join(Person, Person.id == Occupancy.person_id)
            .where(
                Occupancy.unit_id.in_(ids[i : i + 500]),
                _current_occupancy(today),
                Person.phone_hmac != "",
            )
        )
        for unit_id, role, occ_id, person_id in rows:
            key = (_ROLE_RANK.get(role, 2), int(occ_id), int(person_id))
            if unit_id not in best or key < best[unit_id]:
                best[int(unit_id)] = key
    return {u: k[2] for u, k in best.items()}


def draw_sample(session: Session, campaign_id: int, *, seed: int | None = None) -> int:
    """Draw the sample of a draft campaign and open it; returns the sample size.

    ``seed`` makes the draw repeatable (a random one is drawn and kept when None).
    :func:`draw_sample_summary` does the same and says what was left out and why."""
    return draw_sample_summary(session, campaign_id, seed=seed).drawn


def draw_sample_summary(
    session: Session, campaign_id: int, *, seed: int | None = None
) -> DrawSummary:
    """Draw the sample of a draft campaign and open it; returns how it was drawn: the
    households left out by reason (vacant, nobody living there, no phone, surveyed within
    the rotation months), the eligible ones and the ones drawn. The figures are kept on the
    campaign (``CampaignRow.draw``); a draw with nobody eligible refuses and keeps nothing."""
    require(actor_or_none(session), Permission.MANAGE_SETTINGS)
    c = _campaign(session, campaign_id)
    if c.activity_id is not None:
        raise InvalidTransition("这是活动反馈问卷，调查对象就是签到参加活动的住户，不能随机抽样。")
    if c.status != CampaignStatus.DRAFT:
        raise InvalidTransition("这次调查的样本已经抽取过了，不能重新抽样。")
    cands = candidates(session, c)
    rule = SampleRule(c.rate_pct, c.rotation_months, c.stratified, c.starts_on)
    if seed is None:
        seed = random.SystemRandom().randrange(1, 2**31 - 1)
    drawn = sampling.draw(cands, rule, seed)
    summary = sampling.summarize(cands, rule, len(drawn))
    if not drawn:
        raise ValidationError(
            "building_ids",
            "没有可以抽样的住户：空置房、没有登记电话的住户和轮换期内已抽中过的住户都不抽样"
            f"（{_left_out_text(summary)}）。",
        )
    building_of = {cd.unit_id: cd.building_id for cd in cands}
    contact = _contacts(session, drawn)
    session.execute(
        insert(SurveySample),
        [
            {
                "campaign_id": c.id,
                "unit_id": uid,
                "building_id": building_of[uid],
                "person_id": contact.get(uid),
                "status": SampleStatus.PENDING.value,
                "attempts": 0,
            }
            for uid in drawn
        ],
    )
    c.seed = seed
    c.drawn_at = clock.now(session)
    c.status = CampaignStatus.OPEN.value
    keep_draw(c, summary)
    session.flush()
    return summary


def keep_draw(campaign: SurveyCampaign, summary: DrawSummary) -> None:
    """Keep how the sample was drawn on the campaign (read back as ``CampaignRow.draw``)."""
    campaign.draw_vacant = summary.vacant
    campaign.draw_no_occupant = summary.no_occupant
    campaign.draw_no_phone = summary.no_phone
    campaign.draw_recently_surveyed = summary.recently_surveyed
    campaign.draw_eligible = summary.eligible
    campaign.draw_drawn = summary.drawn


def _left_out_text(summary: DrawSummary) -> str:
    """``共 12 户：空置房 2 户，没有登记电话 2 户…`` for the refusal of an empty draw."""
    parts = [f"{EXCLUSION_ZH[r]} {n} 户" for r, n in summary.by_reason().items() if n]
    return f"这些楼栋共 {summary.in_scope} 户" + ("：" + "，".join(parts) if parts else "")


def close_campaign(session: Session, campaign_id: int) -> None:
    """No more answers: households still open count as unreached (non-response), and the
    re-check draw is topped up to ``RECHECK_PCT`` % of the paper forms entered."""
    require(actor_or_none(session), Permission.MANAGE_SETTINGS)
    c = _campaign(session, campaign_id)
    if c.status != CampaignStatus.OPEN:
        raise InvalidTransition("只有进行中的调查可以结束。")
    session.execute(
        update(SurveySample)
        .where(
            SurveySample.campaign_id == c.id,
            SurveySample.status.in_([s.value for s in OPEN_STATUSES]),
        )
        .values(status=SampleStatus.UNREACHED.value, version=SurveySample.version + 1)
        .execution_options(synchronize_session="fetch")
    )
    _top_up_rechecks(session, c)
    c.status = CampaignStatus.CLOSED.value
    c.closed_at = clock.now(session)
    session.flush()


# --- calls --------------------------------------------------------------------------------


def _sample(session: Session, sample_id: int) -> tuple[SurveySample, SurveyCampaign]:
    s = session.get(SurveySample, sample_id)
    if s is None:
        raise NotFound("找不到这户调查样本。")
    c = _campaign(session, s.campaign_id)
    return s, c


def _must_be_open(c: SurveyCampaign) -> None:
    if c.status != CampaignStatus.OPEN:
        word = "还没有抽样" if c.status == CampaignStatus.DRAFT else "已经结束"
        raise InvalidTransition(f"这次调查{word}，不能再拨打或录入。")


def _attempt(
    session: Session,
    s: SurveySample,
    outcome: CallOutcome,
    now: datetime,
    *,
    callback_at: datetime | None = None,
    note: str = "",
) -> None:
    user_id, name = _user(session)
    session.add(
        SurveyAttempt(
            sample_id=s.id,
            campaign_id=s.campaign_id,
            user_id=user_id,
            clerk_name=name,
            at=now,
            outcome=outcome.value,
            callback_at=callback_at,
            note=note,
        )
    )
    s.attempts += 1
    s.last_attempt_at = now


def record_attempt(
    session: Session,
    sample_id: int,
    outcome: CallOutcome,
    *,
    callback_at: datetime | None = None,
    note: str = "",
) -> SampleStatus:
    """One call that did not end in answers: no answer (unreached once ``max_attempts``
    calls were made), refused (non-response, not called again) or call back at a time."""
    require(actor_or_none(session), Permission.EDIT_REGISTRY)
    s, c = _sample(session, sample_id)
    _must_be_open(c)
    try:
        outcome = CallOutcome(outcome)
    except ValueError:
        raise ValidationError("outcome", "请选择通话结果。") from None
    if outcome is CallOutcome.ANSWERED:
        raise ValidationError("outcome", "住户接受访问时，请录入答案后提交，拨打记录会一并保存。")
    if s.status not in OPEN_STATUSES:
        raise InvalidTransition("这户已经答完、拒访或联系不上了，不再拨打。")
    text = clean_text(note, "note", 200, label="备注")
    now = clock.now(session)
    if outcome is CallOutcome.CALLBACK:
        if callback_at is None:
            raise ValidationError("callback_at", "请填写约定回拨的时间。")
        if callback_at.tzinfo is None:
            raise ValueError("naive datetime")
        if callback_at <= now:
            raise ValidationError("callback_at", "约定回拨的时间应晚于现在。")
    else:
        callback_at = None
    _attempt(session, s, outcome, now, callback_at=callback_at, note=text)
    if outcome is CallOutcome.REFUSED:
        status = SampleStatus.REFUSED
    elif outcome is CallOutcome.CALLBACK:
        status = SampleStatus.CALLBACK
    else:
        status = SampleStatus.UNREACHED if s.attempts >= c.max_attempts else SampleStatus.NO_ANSWER
    s.status = status.value
    s.callback_at = callback_at
    session.flush()
    return status


def dial_number(session: Session, sample_id: int) -> str:
    """The full phone number of the household's contact, for the desk to dial (audited)."""
    require(actor_or_none(session), Permission.EDIT_REGISTRY)
    s, c = _sample(session, sample_id)
    _must_be_open(c)
    person = session.get(Person, s.person_id) if s.person_id is not None else None
    if person is None or not (person.phone or person.phone_hmac):
        raise NotFound("这户没有登记电话。")
    phone = person.phone
    if not phone and session.get_bind().dialect.name == "postgresql":
        # A clerk's own login on a shared server reads phones masked to nothing; the server
        # hands out the stored number of a household waiting in an open call queue, and of
        # no one else (propdesk.db.pg_roles._install_survey_dial), decrypted here.
        phone = (
            session.scalar(select(type_coerce(func.pd_survey_phone(sample_id), Person.phone.type)))
            or ""
        )
    if not phone:
        raise NotAllowed("这户不在进行中的调查待拨打名单上，不能查看完整电话。")
    record_reveal(session, "person", person.id, [DIALLED])
    return phone


# --- answers ------------------------------------------------------------------------------


def _items(session: Session, questionnaire_id: int) -> list[SurveyQuestion]:
    return list(
        session.scalars(
            select(SurveyQuestion)
            .join(SurveyQuestionnaireItem, SurveyQuestionnaireItem.question_id == SurveyQuestion.id)
            .where(SurveyQuestionnaireItem.questionnaire_id == questionnaire_id)
            .order_by(SurveyQuestionnaireItem.position)
        )
    )


def _checked_answer(q: SurveyQuestion, pos: int, a: AnswerInput) -> AnswerInput:
    """``a`` checked against its question (text cleaned, choices sorted)."""
    field = f"q{q.id}"
    text = clean_text(a.text, field, MAX_TEXT, label=f"第 {pos} 题的意见")
    options = json.loads(q.options_json)
    choices = tuple(sorted({int(i) for i in a.choices}))
    if len(choices) != len(a.choices):
        raise ValidationError(field, f"第 {pos} 题同一个选项选了两次。")
    kind = QuestionKind(q.kind)
    if kind is QuestionKind.RATING:
        if a.rating is None:
            raise ValidationError(field, f"第 {pos} 题还没有评分。")
        if isinstance(a.rating, bool) or not 1 <= a.rating <= 5:
            raise ValidationError(field, f"第 {pos} 题的评分应为 1 到 5 分。")
        if choices:
            raise ValidationError(field, f"第 {pos} 题是评分题，没有选项。")
    else:
        if a.rating is not None:
            raise ValidationError(field, f"第 {pos} 题不是评分题。")
        if kind is QuestionKind.TEXT and choices:
            raise ValidationError(field, f"第 {pos} 题是文字题，没有选项。")
        if kind in (QuestionKind.SINGLE, QuestionKind.MULTI):
            if any(not 0 <= i < len(options) for i in choices):
                raise ValidationError(field, f"第 {pos} 题没有这个选项。")
            if kind is QuestionKind.SINGLE and len(choices) != 1:
                raise ValidationError(field, f"第 {pos} 题是单选题，请选一项。")
            if kind is QuestionKind.MULTI and not choices:
                raise ValidationError(field, f"第 {pos} 题还没有选择。")
    if a.is_complaint and not text:
        raise ValidationError(field, f"第 {pos} 题标为投诉，请填写投诉内容。")
    return AnswerInput(q.id, a.rating, choices, text, bool(a.is_complaint))


def _checked_answers(
    questions: list[SurveyQuestion], answers: Sequence[AnswerInput]
) -> list[tuple[int, SurveyQuestion, AnswerInput]]:
    by_id = {q.id: (pos, q) for pos, q in enumerate(questions, start=1)}
    seen: set[int] = set()
    out: list[tuple[int, SurveyQuestion, AnswerInput]] = []
    for a in answers:
        if a.question_id not in by_id:
            raise ValidationError("answers", "答案里有不属于这份问卷的题目。")
        if a.question_id in seen:
            raise ValidationError(f"q{a.question_id}", "同一道题答了两次。")
        seen.add(a.question_id)
        pos, q = by_id[a.question_id]
        checked = _checked_answer(q, pos, a)
        if q.kind == QuestionKind.TEXT and not checked.text:
            continue  # a comment left empty: not answered (and the question stays unlocked)
        out.append((pos, q, checked))
    for pos, q in by_id.values():
        if q.kind != QuestionKind.TEXT and q.id not in seen:
            raise ValidationError(f"q{q.id}", f"第 {pos} 题还没有回答。")
    return sorted(out, key=lambda t: t[0])


def _previous(session: Session, key: str) -> SubmitResult | None:
    if not key:
        raise ValidationError("key", "缺少提交编号，请重新打开录入窗口。")
    r = session.scalar(select(SurveyResponse).where(SurveyResponse.idempotency_key == key))
    if r is None:
        return None
    tickets = session.scalars(
        select(SurveyAnswer.ticket_id)
        .where(SurveyAnswer.response_id == r.id, SurveyAnswer.ticket_id.is_not(None))
        .order_by(SurveyAnswer.id)
    ).all()
    recheck = session.scalar(select(SurveyRecheck.id).where(SurveyRecheck.response_id == r.id))
    ids = tuple(int(t) for t in tickets if t is not None)
    return SubmitResult(r.id, ids, recheck is not None, _ticket_nos(session, ids))


def _ticket_nos(session: Session, ticket_ids: Sequence[int]) -> tuple[str, ...]:
    from propdesk.tickets.models import Ticket

    if not ticket_ids:
        return ()
    found = dict(
        session.execute(select(Ticket.id, Ticket.number).where(Ticket.id.in_(ticket_ids))).all()
    )
    return tuple(str(found.get(t, "")) for t in ticket_ids)


def _complaint_category(session: Session, topic: str) -> int:
    from propdesk.tickets import catalog
    from propdesk.tickets.models import TicketCategory
    from propdesk.tickets.values import TicketKind

    catalog.ensure_defaults(session)
    rows = dict(
        session.execute(
            select(TicketCategory.code, TicketCategory.id).where(
                TicketCategory.kind == TicketKind.COMPLAINT.value, TicketCategory.active.is_(True)
            )
        ).all()
    )
    for code in (TOPIC_CATEGORY.get(topic, "other"), "other"):
        if code in rows:
            return int(rows[code])
    if not rows:
        raise ValidationError("answers", "工单设置里没有可用的投诉分类，无法生成回访工单。")
    return int(min(rows.values()))


def _ticket_text(
    c: SurveyCampaign, pos: int, q: SurveyQuestion, a: AnswerInput, source: ResponseSource
) -> str:
    how = "电话" if source is ResponseSource.PHONE else "纸质问卷"
    parts = [f"满意度调查「{c.name}」（{how}）第 {pos} 题「{q.text}」"]
    if a.rating is not None:
        labels = json.loads(q.labels_json) or []
        label = labels[a.rating - 1] if len(labels) >= a.rating else ""
        parts.append(f"评 {a.rating} 分" + (f"（{label}）" if label else ""))
    if a.text:
        parts.append(("投诉：" if a.is_complaint else "意见：") + a.text)
    return "，".join(parts) + "。"


def _follow_up(
    session: Session,
    c: SurveyCampaign,
    s: SurveySample,
    pos: int,
    q: SurveyQuestion,
    a: AnswerInput,
    source: ResponseSource,
    now: datetime,
) -> int:
    """Open the callback ticket of a dissatisfied answer or a complaint; its id."""
    from propdesk.tickets.models import Ticket
    from propdesk.tickets.services import Intake, create_ticket
    from propdesk.tickets.values import TicketKind, TicketSource

    person = session.get(Person, s.person_id) if s.person_id is not None else None
    created = create_ticket(
        session,
        Intake(
            kind=TicketKind.COMPLAINT.value,
            category_id=_complaint_category(session, q.topic),
            description=_ticket_text(c, pos, q, a, source),
            source=TicketSource.SURVEY.value,
            unit_id=s.unit_id,
            person_id=person.id if person is not None else None,
            reporter_name="" if person is not None else "满意度调查",
        ),
        at=now,
    )
    ticket = session.get(Ticket, created.id)
    due = now + timedelta(days=CALLBACK_DAYS)
    if ticket is not None:
        # at the latest CALLBACK_DAYS, sooner when the category's own time limit is shorter;
        # the text names the ticket's real deadline (it said "within 15 days" while the
        # ticket was due in 9)
        ticket.resolve_due = min(ticket.resolve_due, due)
        deadline = clock.to_local(ticket.resolve_due)
        ticket.description += f"请于 {deadline:%Y-%m-%d %H:%M} 前回访住户。"
    return created.id


def _submit(
    session: Session,
    s: SurveySample,
    c: SurveyCampaign,
    answers: Sequence[AnswerInput],
    *,
    source: ResponseSource,
    key: str,
    form_no: str = "",
) -> SubmitResult:
    questions = _items(session, c.questionnaire_id)
    checked = _checked_answers(questions, answers)
    now = clock.now(session)
    user_id, name = _user(session)
    seq: int | None = None
    if source is ResponseSource.PAPER:
        session.execute(
            update(SurveyCampaign)
            .where(SurveyCampaign.id == c.id)
            .values(paper_forms=SurveyCampaign.paper_forms + 1)
            .execution_options(synchronize_session=False)
        )
        seq = int(
            session.scalar(select(SurveyCampaign.paper_forms).where(SurveyCampaign.id == c.id)) or 0
        )
    response = SurveyResponse(
        campaign_id=c.id,
        sample_id=s.id,
        unit_id=s.unit_id,
        building_id=s.building_id,
        source=source.value,
        paper_form_no=form_no,
        paper_seq=seq,
        idempotency_key=key,
        user_id=user_id,
        clerk_name=name,
        answered_at=now,
    )
    session.add(response)
    session.flush()
    tickets: list[int] = []
    for pos, q, a in checked:
        ticket_id = None
        low = a.rating is not None and a.rating <= DISSATISFIED_AT_MOST
        if low or (a.is_complaint and a.text):
            ticket_id = _follow_up(session, c, s, pos, q, a, source, now)
            tickets.append(ticket_id)
        answer = SurveyAnswer(
            response_id=response.id,
            campaign_id=c.id,
            question_id=q.id,
            building_id=s.building_id,
            rating=a.rating,
            has_text=bool(a.text),
            text_enc=a.text,
            is_complaint=a.is_complaint,
            ticket_id=ticket_id,
        )
        session.add(answer)
        session.flush()
        if a.choices:
            session.execute(
                insert(SurveyAnswerChoice),
                [
                    {
                        "answer_id": answer.id,
                        "option_index": i,
                        "campaign_id": c.id,
                        "question_id": q.id,
                    }
                    for i in a.choices
                ],
            )
    answered = [q.id for _p, q, _a in checked]
    session.execute(
        update(SurveyQuestion)
        .where(SurveyQuestion.id.in_(answered), SurveyQuestion.locked.is_(False))
        .values(locked=True)
        .execution_options(synchronize_session="fetch")
    )
    s.status = SampleStatus.DONE.value
    s.callback_at = None
    recheck = False
    if seq is not None and _drawn_for_recheck(c, seq):
        session.add(SurveyRecheck(campaign_id=c.id, response_id=response.id, drawn_at=now))
        recheck = True
    session.flush()
    return SubmitResult(response.id, tuple(tickets), recheck, _ticket_nos(session, tickets))


def submit_phone(
    session: Session, sample_id: int, answers: Sequence[AnswerInput], *, key: str
) -> SubmitResult:
    """The answers given on the phone (the call is recorded as an answered attempt).

    ``key`` identifies this submission: sending it again returns the first result."""
    require(actor_or_none(session), Permission.EDIT_REGISTRY)
    key = clean_text(key, "key", 64, "缺少提交编号，请重新打开录入窗口。", label="提交编号")
    first = _previous(session, key)
    if first is not None:
        return first
    s, c = _sample(session, sample_id)
    _must_be_open(c)
    if s.status not in OPEN_STATUSES:
        raise InvalidTransition("这户已经答完、拒访或联系不上了，不能再录入电话答卷。")

    def work() -> SubmitResult:
        _attempt(session, s, CallOutcome.ANSWERED, clock.now(session))
        return _submit(session, s, c, answers, source=ResponseSource.PHONE, key=key)

    return _once(session, key, work)


def _once(session: Session, key: str, work: Callable[[], SubmitResult]) -> SubmitResult:
    """``work()`` in a savepoint. Two desks sending the same ``key`` at once: the later one
    fails (on the unique key, or on the household's row the first one changed), its work is
    rolled back, and it returns the first one's result; two desks entering the same household
    at once with different keys: the later one is told so (:class:`Conflict`)."""
    try:
        with session.begin_nested():
            return work()
    except (IntegrityError, StaleDataError):
        first = _previous(session, key)
        if first is not None:
            return first
        raise Conflict("这户的答卷刚由另一位同事录入了，本次没有保存。请刷新后查看。") from None


def submit_paper(
    session: Session,
    campaign_id: int,
    unit_id: int,
    answers: Sequence[AnswerInput],
    *,
    form_no: str,
    key: str,
) -> SubmitResult:
    """A returned paper form of a sampled household (any status but done: a household not
    reached by phone may still return its form). ``key`` as :func:`submit_phone`."""
    require(actor_or_none(session), Permission.EDIT_REGISTRY)
    key = clean_text(key, "key", 64, "缺少提交编号，请重新打开录入窗口。", label="提交编号")
    first = _previous(session, key)
    if first is not None:
        return first
    c = _campaign(session, campaign_id)
    _must_be_open(c)
    number = clean_text(form_no, "form_no", 30, "请填写纸质问卷编号。", label="问卷编号")
    s = session.scalar(
        select(SurveySample).where(
            SurveySample.campaign_id == c.id, SurveySample.unit_id == unit_id
        )
    )
    if s is None:
        raise ValidationError("unit_id", "这户不在本次调查的样本里。")
    if s.status == SampleStatus.DONE:
        raise ValidationError("unit_id", "这户已经答过本次调查，不能重复录入。")
    taken = session.scalar(
        select(SurveyResponse.id).where(
            SurveyResponse.campaign_id == c.id, SurveyResponse.paper_form_no == number
        )
    )
    if taken is not None:
        raise ValidationError("form_no", f"问卷编号 {number} 已经录入过了。")
    return _once(
        session,
        key,
        lambda: _submit(
            session, s, c, answers, source=ResponseSource.PAPER, key=key, form_no=number
        ),
    )


# --- re-checks of paper forms ---------------------------------------------------------------


def _block_pick(c: SurveyCampaign, block: int) -> int:
    """The position (0-based) drawn in paper-form block ``block``; the first block's first."""
    if block == 0:
        return 0
    digest = hashlib.sha256(f"recheck:{c.id}:{c.seed or 0}:{block}".encode()).digest()
    return int.from_bytes(digest[:4], "big") % RECHECK_BLOCK


def _drawn_for_recheck(c: SurveyCampaign, seq: int) -> bool:
    """Is the ``seq``-th paper form (1-based) of the campaign drawn for a re-check call?"""
    block, pos = divmod(seq - 1, RECHECK_BLOCK)
    return pos == _block_pick(c, block)


def rechecks_needed(paper_forms: int) -> int:
    """``RECHECK_PCT`` % of ``paper_forms``, rounded up."""
    return -(-paper_forms * RECHECK_PCT // 100)


def _top_up_rechecks(session: Session, c: SurveyCampaign) -> None:
    forms = list(
        session.execute(
            select(SurveyResponse.id, SurveyResponse.paper_seq)
            .where(
                SurveyResponse.campaign_id == c.id,
                SurveyResponse.source == ResponseSource.PAPER.value,
            )
            .order_by(SurveyResponse.paper_seq, SurveyResponse.id)
        )
    )
    drawn = set(
        session.scalars(select(SurveyRecheck.response_id).where(SurveyRecheck.campaign_id == c.id))
    )
    missing = rechecks_needed(len(forms)) - len(drawn)
    if missing <= 0:
        return
    rest = [rid for rid, _seq in forms if rid not in drawn]
    rng = random.Random(f"recheck-close:{c.id}:{c.seed or 0}")
    now = clock.now(session)
    for rid in sorted(rng.sample(rest, min(missing, len(rest)))):
        session.add(SurveyRecheck(campaign_id=c.id, response_id=rid, drawn_at=now))
    session.flush()


def record_recheck(session: Session, response_id: int, answers: Sequence[AnswerInput]) -> int:
    """The answers given at the re-check call of a drawn paper form; each answer that differs
    from the paper (a rating or the options chosen) is recorded. Returns how many differ."""
    require(actor_or_none(session), Permission.EDIT_REGISTRY)
    r = session.get(SurveyResponse, response_id)
    if r is None:
        raise NotFound("找不到这份答卷。")
    rc = session.scalar(select(SurveyRecheck).where(SurveyRecheck.response_id == r.id))
    if rc is None:
        raise ValidationError("response_id", "这份纸质问卷没有被抽中复核。")
    if rc.status == "done":
        raise InvalidTransition("这份纸质问卷已经复核过了。")
    if not answers:
        raise ValidationError("answers", "请录入复核时住户的回答。")
    c = _campaign(session, r.campaign_id)
    questions = _items(session, c.questionnaire_id)
    by_id = {q.id: (pos, q) for pos, q in enumerate(questions, start=1)}
    paper = {
        qid: (rating, aid)
        for qid, rating, aid in session.execute(
            select(SurveyAnswer.question_id, SurveyAnswer.rating, SurveyAnswer.id).where(
                SurveyAnswer.response_id == r.id
            )
        )
    }
    chosen: dict[int, list[int]] = {}
    for aid, idx in session.execute(
        select(SurveyAnswerChoice.answer_id, SurveyAnswerChoice.option_index)
        .join(SurveyAnswer, SurveyAnswer.id == SurveyAnswerChoice.answer_id)
        .where(SurveyAnswer.response_id == r.id)
        .order_by(SurveyAnswerChoice.option_index)
    ):
        chosen.setdefault(int(aid), []).append(int(idx))
    seen: set[int] = set()
    differences = 0
    for raw in answers:
        if raw.question_id not in by_id:
            raise ValidationError("answers", "答案里有不属于这份问卷的题目。")
        if raw.question_id in seen:
            raise ValidationError(f"q{raw.question_id}", "同一道题答了两次。")
        seen.add(raw.question_id)
        pos, q = by_id[raw.question_id]
        a = _checked_answer(q, pos, raw)
        p_rating, p_answer = paper.get(q.id, (None, None))
        p_choices = tuple(chosen.get(int(p_answer), [])) if p_answer is not None else ()
        differs = q.kind != QuestionKind.TEXT and (a.rating, a.choices) != (p_rating, p_choices)
        differences += int(differs)
        session.add(
            SurveyRecheckAnswer(
                recheck_id=rc.id,
                question_id=q.id,
                rating=a.rating,
                choices=",".join(str(i) for i in a.choices),
                text_enc=a.text,
                paper_rating=p_rating,
                paper_choices=",".join(str(i) for i in p_choices),
                differs=differs,
            )
        )
    user_id, name = _user(session)
    rc.status = "done"
    rc.done_at = clock.now(session)
    rc.user_id = user_id
    rc.clerk_name = name
    rc.differences = differences
    session.flush()
    return differences
