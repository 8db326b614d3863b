"""Reading surveys: the bank, questionnaires, campaigns, the call queue, re-checks, results.

Every figure of :func:`results` and :func:`month_figures` is a SQL aggregate (``COUNT``,
``SUM``, ``AVG`` with ``GROUP BY``) over the answer, choice, sample and response tables and
their covering indexes; Python only adds up, divides and arranges the few grouped rows that
come back (for the answers: one row per question and rating, at most six per question).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.activities.models import Activity
from propdesk.errors import NotFound
from propdesk.privacy import may_see_personal_data, shown_phone
from propdesk.registry.models import Building, Person, Unit
from propdesk.registry.unit_sort import unit_order
from propdesk.session_info import actor_or_none
from propdesk.surveys.models import (
    SurveyAnswer,
    SurveyAnswerChoice,
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
    BuildingResult,
    CampaignResults,
    CampaignRow,
    CampaignStatus,
    CommentRow,
    DrawSummary,
    QuestionKind,
    QuestionnaireRow,
    QuestionResult,
    QuestionRow,
    QueueRow,
    RecheckAnswerRow,
    RecheckRow,
    ResponseSource,
    SampleStatus,
    SurveyMonthFigures,
)

SATISFIED_AT_LEAST = 4  # 满意 and 很满意
_OPEN = (SampleStatus.PENDING.value, SampleStatus.NO_ANSWER.value, SampleStatus.CALLBACK.value)


def _question_row(q: SurveyQuestion) -> QuestionRow:
    return QuestionRow(
        id=q.id,
        kind=QuestionKind(q.kind),
        text=q.text,
        options=tuple(json.loads(q.options_json or "[]")),
        labels=tuple(json.loads(q.labels_json or "[]")),
        topic=q.topic,
        locked=bool(q.locked),
        active=bool(q.active),
    )


def list_questions(session: Session, *, include_inactive: bool = False) -> list[QuestionRow]:
    """The question bank, by topic then in the order the questions were made."""
    stmt = select(SurveyQuestion).order_by(SurveyQuestion.topic, SurveyQuestion.id)
    if not include_inactive:
        stmt = stmt.where(SurveyQuestion.active.is_(True))
    return [_question_row(q) for q in session.scalars(stmt)]


def questionnaire_questions(session: Session, questionnaire_id: int) -> list[QuestionRow]:
    """The questions of a questionnaire, in order."""
    rows = session.scalars(
        select(SurveyQuestion)
        .join(SurveyQuestionnaireItem, SurveyQuestionnaireItem.question_id == SurveyQuestion.id)
        .where(SurveyQuestionnaireItem.questionnaire_id == questionnaire_id)
        .order_by(SurveyQuestionnaireItem.position)
    )
    return [_question_row(q) for q in rows]


def list_questionnaires(session: Session) -> list[QuestionnaireRow]:
    """Every questionnaire version, newest series first, versions in order."""
    items: dict[int, list[int]] = {}
    for qn_id, q_id in session.execute(
        select(
            SurveyQuestionnaireItem.questionnaire_id, SurveyQuestionnaireItem.question_id
        ).order_by(SurveyQuestionnaireItem.questionnaire_id, SurveyQuestionnaireItem.position)
    ):
        items.setdefault(int(qn_id), []).append(int(q_id))
    used = set(session.scalars(select(SurveyCampaign.questionnaire_id).distinct()))
    rows = session.execute(
        select(
            SurveyQuestionnaire.id, SurveyQuestionnaire.name, SurveyQuestionnaire.number
        ).order_by(
            func.coalesce(SurveyQuestionnaire.series_id, SurveyQuestionnaire.id).desc(),
            SurveyQuestionnaire.number,
        )
    )
    return [
        QuestionnaireRow(int(i), name, int(number), tuple(items.get(int(i), [])), int(i) in used)
        for i, name, number in rows
    ]


# --- campaigns ----------------------------------------------------------------------------


def _campaign_rows(session: Session, campaign_id: int | None) -> list[CampaignRow]:
    counts = (
        select(
            SurveySample.campaign_id.label("cid"),
            func.count(SurveySample.id).label("size"),
            func.sum(case((SurveySample.status == SampleStatus.DONE.value, 1), else_=0)).label(
                "done"
            ),
            func.sum(case((SurveySample.status.in_(_OPEN), 1), else_=0)).label("open"),
        )
        .group_by(SurveySample.campaign_id)
        .subquery()
    )
    stmt = (
        select(
            SurveyCampaign,
            SurveyQuestionnaire.name,
            SurveyQuestionnaire.number,
            counts.c.size,
            counts.c.done,
            counts.c.open,
            Activity.title,
        )
        .join(SurveyQuestionnaire, SurveyQuestionnaire.id == SurveyCampaign.questionnaire_id)
        .outerjoin(counts, counts.c.cid == SurveyCampaign.id)
        .outerjoin(Activity, Activity.id == SurveyCampaign.activity_id)
        .order_by(SurveyCampaign.starts_on.desc(), SurveyCampaign.id.desc())
    )
    if campaign_id is not None:
        stmt = stmt.where(SurveyCampaign.id == campaign_id)
    scope_stmt = (
        select(
            SurveyCampaignBuilding.campaign_id,
            SurveyCampaignBuilding.building_id,
            Building.name,
            Building.code,
        )
        .join(Building, Building.id == SurveyCampaignBuilding.building_id)
        .order_by(Building.sort_key, Building.code, Building.id)
    )
    if campaign_id is not None:
        scope_stmt = scope_stmt.where(SurveyCampaignBuilding.campaign_id == campaign_id)
    scope: dict[int, list[int]] = {}
    scope_names: dict[int, list[str]] = {}
    for cid, bid, b_name, b_code in session.execute(scope_stmt):  # every campaign at once
        scope.setdefault(int(cid), []).append(int(bid))
        scope_names.setdefault(int(cid), []).append(b_name or f"{b_code}栋")
    out: list[CampaignRow] = []
    for c, qn_name, qn_number, size, done, open_, activity_title in session.execute(stmt):
        size, done, open_ = int(size or 0), int(done or 0), int(open_ or 0)
        out.append(
            CampaignRow(
                id=c.id,
                name=c.name,
                questionnaire_id=c.questionnaire_id,
                questionnaire_name=qn_name,
                questionnaire_version=int(qn_number),
                status=CampaignStatus(c.status),
                starts_on=c.starts_on,
                ends_on=c.ends_on,
                rate_pct=c.rate_pct,
                stratified=bool(c.stratified),
                rotation_months=c.rotation_months,
                max_attempts=c.max_attempts,
                building_ids=tuple(sorted(scope.get(c.id, []))),
                sample_size=size,
                done=done,
                open=open_,
                non_response=size - done - open_,
                building_names=tuple(scope_names.get(c.id, [])),
                draw=_draw_summary(c),
                activity_id=c.activity_id,
                activity_title=activity_title or "",
            )
        )
    return out


def _draw_summary(c: SurveyCampaign) -> DrawSummary | None:
    """The figures kept by the draw, or None (a draft, or drawn before they were kept)."""
    kept = (
        c.draw_vacant,
        c.draw_no_occupant,
        c.draw_no_phone,
        c.draw_recently_surveyed,
        c.draw_eligible,
        c.draw_drawn,
    )
    if any(v is None for v in kept):
        return None
    vacant, no_occupant, no_phone, recent, eligible, drawn = (int(v or 0) for v in kept)
    return DrawSummary(
        vacant=vacant,
        no_occupant=no_occupant,
        no_phone=no_phone,
        recently_surveyed=recent,
        eligible=eligible,
        drawn=drawn,
        rotation_months=c.rotation_months,
    )


def list_campaigns(session: Session) -> list[CampaignRow]:
    """Every campaign, latest start first, with its sample's progress."""
    return _campaign_rows(session, None)


def campaign(session: Session, campaign_id: int) -> CampaignRow:
    rows = _campaign_rows(session, campaign_id)
    if not rows:
        raise NotFound("找不到这次调查，可能已被删除。")
    return rows[0]


# --- the call queue -----------------------------------------------------------------------


def mask_name(name: str) -> str:
    """``张伟`` → ``张*``: the surname to address the resident by."""
    name = (name or "").strip()
    return name[:1] + "*" * (len(name) - 1) if len(name) > 1 else name


def _queue_stmt(session: Session, campaign_id: int, *, include_finished: bool) -> Any:
    now = clock.now(session)
    due = (SurveySample.status == SampleStatus.CALLBACK.value) & (SurveySample.callback_at <= now)
    rank = case(
        (due, 0),
        (SurveySample.status == SampleStatus.PENDING.value, 1),
        (SurveySample.status == SampleStatus.NO_ANSWER.value, 2),
        (SurveySample.status == SampleStatus.CALLBACK.value, 3),
        else_=4,
    )
    stmt = (
        select(
            SurveySample.id,
            SurveySample.unit_id,
            Unit.code,
            Building.name,
            Person.name,
            Person.phone,
            Person.phone_tail,
            SurveySample.status,
            SurveySample.attempts,
            SurveySample.callback_at,
            SurveySample.last_attempt_at,
        )
        .join(Unit, Unit.id == SurveySample.unit_id)
        .join(Building, Building.id == Unit.building_id)
        .outerjoin(Person, Person.id == SurveySample.person_id)
        .where(SurveySample.campaign_id == campaign_id)
        .order_by(
            rank,
            case((due, SurveySample.callback_at), else_=None),
            case((rank == 3, SurveySample.callback_at), else_=None),
            SurveySample.attempts,
            case((rank == 2, SurveySample.last_attempt_at), else_=None),
            *unit_order(),
        )
    )
    if not include_finished:
        stmt = stmt.where(SurveySample.status.in_(_OPEN))
    return stmt


def _queue_rows(session: Session, stmt: Any) -> list[QueueRow]:
    actor = actor_or_none(session)
    full = may_see_personal_data(actor)
    return [
        QueueRow(
            sample_id=int(sid),
            unit_id=int(uid),
            unit_code=code,
            building=building,
            contact=(name or "") if full else mask_name(name or ""),
            # on a shared server a clerk's login reads phones masked to nothing: the clear
            # last four digits (the lookup column) still tell which number it is
            phone=shown_phone(actor, phone) if phone else ("*******" + tail if tail else ""),
            status=SampleStatus(status),
            attempts=int(attempts),
            callback_at=callback_at,
            last_attempt_at=last_at,
        )
        for sid, uid, code, building, name, phone, tail, status, attempts, callback_at, last_at in (
            session.execute(stmt)
        )
    ]


def call_queue(
    session: Session, campaign_id: int, *, include_finished: bool = False
) -> list[QueueRow]:
    """The households to call: callbacks now due (earliest first), then not yet called,
    then no answer (fewest attempts, longest ago first), then callbacks later; with
    ``include_finished`` the done, refused and unreached ones at the end."""
    return _queue_rows(
        session, _queue_stmt(session, campaign_id, include_finished=include_finished)
    )


def next_call(session: Session, campaign_id: int) -> QueueRow | None:
    """The household to call now (a callback not yet due is not offered), or None."""
    now = clock.now(session)
    stmt = (
        _queue_stmt(session, campaign_id, include_finished=False)
        .where(
            or_(
                SurveySample.status != SampleStatus.CALLBACK.value,
                SurveySample.callback_at <= now,
            )
        )
        .limit(1)
    )
    rows = _queue_rows(session, stmt)
    return rows[0] if rows else None


def recheck_queue(session: Session, campaign_id: int) -> list[RecheckRow]:
    """The paper forms drawn for a re-check call: pending first, then in the forms' order."""
    stmt = (
        select(
            SurveyRecheck.response_id,
            SurveyResponse.sample_id,
            Unit.code,
            SurveyResponse.paper_form_no,
            SurveyRecheck.status,
            SurveyRecheck.differences,
        )
        .join(SurveyResponse, SurveyResponse.id == SurveyRecheck.response_id)
        .join(Unit, Unit.id == SurveyResponse.unit_id)
        .where(SurveyRecheck.campaign_id == campaign_id)
        .order_by(
            case((SurveyRecheck.status == "pending", 0), else_=1),
            SurveyResponse.paper_seq,
            SurveyResponse.id,
        )
    )
    return [
        RecheckRow(int(rid), int(sid), code, form_no, status, int(diff))
        for rid, sid, code, form_no, status, diff in session.execute(stmt)
    ]


def _indexes(text: str) -> tuple[int, ...]:
    return tuple(int(i) for i in text.split(",") if i.strip())


def recheck_answers(session: Session, response_id: int) -> list[RecheckAnswerRow]:
    """The questions asked again at a paper form's re-check call, in the questionnaire's
    order, each with the paper's answer and the call's, and whether they differ; empty when
    the form was not re-checked (yet)."""
    rows = session.execute(
        select(
            SurveyRecheckAnswer.question_id,
            SurveyQuestion.text,
            SurveyQuestion.kind,
            SurveyRecheckAnswer.paper_rating,
            SurveyRecheckAnswer.paper_choices,
            SurveyRecheckAnswer.rating,
            SurveyRecheckAnswer.choices,
            SurveyRecheckAnswer.differs,
        )
        .join(SurveyRecheck, SurveyRecheck.id == SurveyRecheckAnswer.recheck_id)
        .join(SurveyResponse, SurveyResponse.id == SurveyRecheck.response_id)
        .join(SurveyCampaign, SurveyCampaign.id == SurveyResponse.campaign_id)
        .join(SurveyQuestion, SurveyQuestion.id == SurveyRecheckAnswer.question_id)
        .outerjoin(
            SurveyQuestionnaireItem,
            (SurveyQuestionnaireItem.questionnaire_id == SurveyCampaign.questionnaire_id)
            & (SurveyQuestionnaireItem.question_id == SurveyRecheckAnswer.question_id),
        )
        .where(SurveyRecheck.response_id == response_id)
        .order_by(SurveyQuestionnaireItem.position, SurveyRecheckAnswer.id)
    )
    return [
        RecheckAnswerRow(
            int(qid),
            text,
            QuestionKind(kind),
            p_rating,
            _indexes(p_choices or ""),
            rating,
            _indexes(choices or ""),
            bool(differs),
        )
        for qid, text, kind, p_rating, p_choices, rating, choices, differs in rows
    ]


# --- results ------------------------------------------------------------------------------


def _f(value: Any) -> float | None:
    return None if value is None else float(value)


def _pct(part: int, whole: int) -> float | None:
    return None if not whole else part * 100.0 / whole


_SATISFIED = func.sum(case((SurveyAnswer.rating >= SATISFIED_AT_LEAST, 1), else_=0))


def _rating_totals(session: Session, campaign_ids: Sequence[int], question_ids: Any = None) -> Any:
    stmt = select(func.count(SurveyAnswer.rating), func.avg(SurveyAnswer.rating), _SATISFIED).where(
        SurveyAnswer.campaign_id.in_(list(campaign_ids)), SurveyAnswer.rating.is_not(None)
    )
    if question_ids is not None:
        stmt = stmt.where(SurveyAnswer.question_id.in_(list(question_ids)))
    return session.execute(stmt).one()


def rating_totals(session: Session, campaign_ids: Sequence[int]) -> tuple[int, float | None]:
    """How many rating answers the campaigns have, and their mean (None: none yet) — the
    figure :func:`results` calls ``overall_mean``, over several campaigns at once."""
    if not campaign_ids:
        return 0, None
    n, mean, _sat = _rating_totals(session, campaign_ids)
    return int(n or 0), _f(mean)


def previous_campaign(session: Session, c: SurveyCampaign) -> SurveyCampaign | None:
    """The latest campaign that started before ``c`` (sampled, not a draft) and has at least
    one question in common with it, of the same kind: a satisfaction survey is compared with
    a satisfaction survey, an activity's feedback with another activity's."""
    mine = select(SurveyQuestionnaireItem.question_id).where(
        SurveyQuestionnaireItem.questionnaire_id == c.questionnaire_id
    )
    shares = (
        select(SurveyQuestionnaireItem.question_id)
        .where(
            SurveyQuestionnaireItem.questionnaire_id == SurveyCampaign.questionnaire_id,
            SurveyQuestionnaireItem.question_id.in_(mine),
        )
        .exists()
    )
    return session.scalar(
        select(SurveyCampaign)
        .where(
            SurveyCampaign.id != c.id,
            SurveyCampaign.status != CampaignStatus.DRAFT.value,
            SurveyCampaign.activity_id.is_(None)
            if c.activity_id is None
            else SurveyCampaign.activity_id.is_not(None),
            or_(
                SurveyCampaign.starts_on < c.starts_on,
                (SurveyCampaign.starts_on == c.starts_on) & (SurveyCampaign.id < c.id),
            ),
            shares,
        )
        .order_by(SurveyCampaign.starts_on.desc(), SurveyCampaign.id.desc())
        .limit(1)
    )


@dataclass(frozen=True)
class _Cell:
    """One group of a campaign's answers: a question and a rating (None off rating questions)."""

    question_id: int
    rating: int | None
    answers: int
    texts: int
    tickets: int


def _cells(
    session: Session, campaign_id: int, question_ids: Sequence[int] | None = None
) -> list[_Cell]:
    stmt = (
        select(
            SurveyAnswer.question_id,
            SurveyAnswer.rating,
            func.count(SurveyAnswer.id),
            func.sum(case((SurveyAnswer.has_text.is_(True), 1), else_=0)),
            func.count(SurveyAnswer.ticket_id),
        )
        .where(SurveyAnswer.campaign_id == campaign_id)
        .group_by(SurveyAnswer.question_id, SurveyAnswer.rating)
    )
    if question_ids is not None:
        stmt = stmt.where(SurveyAnswer.question_id.in_(list(question_ids)))
    return [
        _Cell(int(qid), None if r is None else int(r), int(n), int(texts or 0), int(tickets))
        for qid, r, n, texts, tickets in session.execute(stmt)
    ]


def _rating_figures(cells: Sequence[_Cell]) -> tuple[int, float | None, int]:
    """(ratings, their mean, how many are satisfied) over the groups ``cells``."""
    rated = [x for x in cells if x.rating is not None]
    count = sum(x.answers for x in rated)
    total = sum(x.answers * (x.rating or 0) for x in rated)
    satisfied = sum(x.answers for x in rated if (x.rating or 0) >= SATISFIED_AT_LEAST)
    return count, (total / count if count else None), satisfied


def _shared_ratings(session: Session, c: SurveyCampaign, prev: SurveyCampaign) -> list[int]:
    """The rating questions of ``c``'s questionnaire that ``prev``'s has too."""
    prev_q = select(SurveyQuestionnaireItem.question_id).where(
        SurveyQuestionnaireItem.questionnaire_id == prev.questionnaire_id
    )
    return list(
        session.scalars(
            select(SurveyQuestion.id)
            .join(SurveyQuestionnaireItem, SurveyQuestionnaireItem.question_id == SurveyQuestion.id)
            .where(
                SurveyQuestionnaireItem.questionnaire_id == c.questionnaire_id,
                SurveyQuestion.kind == QuestionKind.RATING.value,
                SurveyQuestion.id.in_(prev_q),
            )
        )
    )


def results(session: Session, campaign_id: int) -> CampaignResults:
    """The campaign's figures: response rate; score, satisfied share and distribution per
    question; per building; the comments; and the previous campaign on the same questions."""
    c = session.get(SurveyCampaign, campaign_id)
    if c is None:
        raise NotFound("找不到这次调查，可能已被删除。")
    questions = questionnaire_questions(session, c.questionnaire_id)
    status = dict(
        session.execute(
            select(SurveySample.status, func.count(SurveySample.id))
            .where(SurveySample.campaign_id == c.id)
            .group_by(SurveySample.status)
        ).all()
    )
    sample_size = sum(int(n) for n in status.values())
    by_source = dict(
        session.execute(
            select(SurveyResponse.source, func.count(SurveyResponse.id))
            .where(SurveyResponse.campaign_id == c.id)
            .group_by(SurveyResponse.source)
        ).all()
    )
    phone = int(by_source.get(ResponseSource.PHONE.value, 0))
    paper = int(by_source.get(ResponseSource.PAPER.value, 0))
    responses = phone + paper
    refused = int(status.get(SampleStatus.REFUSED.value, 0))
    not_done = sample_size - int(status.get(SampleStatus.DONE.value, 0)) - refused

    # one GROUP BY (question, rating) over the covering index gives every per-question
    # figure: answers, the rating distribution (so count, sum and satisfied), comments and
    # tickets; Python adds up these few rows (at most six per question), never answers
    cells = _cells(session, c.id)
    chosen: dict[tuple[int, int], int] = {
        (int(qid), int(i)): int(n)
        for qid, i, n in session.execute(
            select(
                SurveyAnswerChoice.question_id,
                SurveyAnswerChoice.option_index,
                func.count(SurveyAnswerChoice.answer_id),
            )
            .where(SurveyAnswerChoice.campaign_id == c.id)
            .group_by(SurveyAnswerChoice.question_id, SurveyAnswerChoice.option_index)
        )
    }
    prev = previous_campaign(session, c)
    prev_cells: list[_Cell] = []
    shared: list[int] = []
    if prev is not None:
        shared = _shared_ratings(session, c, prev)
        prev_cells = _cells(session, prev.id, shared) if shared else []
    out_q: list[QuestionResult] = []
    for q in questions:
        mine = [x for x in cells if x.question_id == q.id]
        n = sum(x.answers for x in mine)
        texts = sum(x.texts for x in mine)
        rated, mean, sat = _rating_figures(mine)
        if q.kind is QuestionKind.RATING:
            ratings = {x.rating: x.answers for x in mine if x.rating is not None}
            dist = tuple(ratings.get(r, 0) for r in range(1, 6))
            labels = q.labels
            answered = rated
        elif q.kind in (QuestionKind.SINGLE, QuestionKind.MULTI):
            dist = tuple(chosen.get((q.id, i), 0) for i in range(len(q.options)))
            labels = q.options
            answered = n
            mean = None
        else:
            dist, labels, answered, mean = (), (), texts, None
        out_q.append(
            QuestionResult(
                question_id=q.id,
                text=q.text,
                kind=q.kind,
                topic=q.topic,
                answered=answered,
                mean=mean if q.kind is QuestionKind.RATING else None,
                satisfied_pct=_pct(sat, rated) if q.kind is QuestionKind.RATING else None,
                distribution=dist,
                labels=tuple(labels),
                previous_mean=_rating_figures([x for x in prev_cells if x.question_id == q.id])[1],
            )
        )

    total_n, total_mean, total_sat = _rating_figures(cells)
    previous_overall = mine_shared = None
    if prev is not None and shared:
        previous_overall = _rating_figures(prev_cells)[1]
        mine_shared = _rating_figures([x for x in cells if x.question_id in shared])[1]

    rechecks = session.execute(
        select(
            func.count(SurveyRecheck.id).label("drawn"),
            func.count(SurveyRecheck.done_at).label("done"),
            func.coalesce(func.sum(SurveyRecheck.differences), 0).label("differences"),
        ).where(SurveyRecheck.campaign_id == c.id)
    ).one()
    return CampaignResults(
        campaign_id=c.id,
        name=c.name,
        starts_on=c.starts_on,
        ends_on=c.ends_on,
        status=CampaignStatus(c.status),
        sample_size=sample_size,
        responses=responses,
        phone_responses=phone,
        paper_responses=paper,
        refused=refused,
        unreached=not_done,
        response_rate=_pct(responses, sample_size),
        overall_mean=total_mean,
        overall_satisfied_pct=_pct(total_sat, total_n),
        questions=tuple(out_q),
        buildings=_buildings(session, c.id),
        comments=_comments(session, c.id),
        tickets_opened=sum(x.tickets for x in cells),
        previous_name=prev.name if prev is not None else None,
        previous_overall_mean=previous_overall,
        overall_mean_shared=mine_shared,
        rechecks=int(rechecks.drawn),
        recheck_differences=int(rechecks.differences),
        rechecks_done=int(rechecks.done),
    )


def _tickets(session: Session, campaign_ids: Sequence[int]) -> int:
    return int(
        session.scalar(
            select(func.count(SurveyAnswer.ticket_id)).where(
                SurveyAnswer.campaign_id.in_(list(campaign_ids))
            )
        )
        or 0
    )


def _buildings(session: Session, campaign_id: int) -> tuple[BuildingResult, ...]:
    sizes = (
        select(SurveySample.building_id.label("bid"), func.count(SurveySample.id).label("n"))
        .where(SurveySample.campaign_id == campaign_id)
        .group_by(SurveySample.building_id)
        .subquery()
    )
    answered = (
        select(SurveyResponse.building_id.label("bid"), func.count(SurveyResponse.id).label("n"))
        .where(SurveyResponse.campaign_id == campaign_id)
        .group_by(SurveyResponse.building_id)
        .subquery()
    )
    means = (
        select(SurveyAnswer.building_id.label("bid"), func.avg(SurveyAnswer.rating).label("m"))
        .where(SurveyAnswer.campaign_id == campaign_id, SurveyAnswer.rating.is_not(None))
        .group_by(SurveyAnswer.building_id)
        .subquery()
    )
    rows = session.execute(
        select(Building.id, Building.name, sizes.c.n, answered.c.n, means.c.m)
        .join(sizes, sizes.c.bid == Building.id)
        .outerjoin(answered, answered.c.bid == Building.id)
        .outerjoin(means, means.c.bid == Building.id)
        .order_by(Building.sort_key, Building.code)
    )
    return tuple(
        BuildingResult(int(bid), name, int(size), int(resp or 0), _f(mean))
        for bid, name, size, resp, mean in rows
    )


def _comments(session: Session, campaign_id: int) -> tuple[CommentRow, ...]:
    from propdesk.tickets.models import Ticket

    rows = session.execute(
        select(
            Unit.code,
            SurveyQuestion.text,
            SurveyAnswer.text_enc,
            SurveyAnswer.rating,
            SurveyAnswer.is_complaint,
            Ticket.number,
            SurveyResponse.answered_at,
        )
        .join(SurveyResponse, SurveyResponse.id == SurveyAnswer.response_id)
        .join(Unit, Unit.id == SurveyResponse.unit_id)
        .join(SurveyQuestion, SurveyQuestion.id == SurveyAnswer.question_id)
        .outerjoin(Ticket, Ticket.id == SurveyAnswer.ticket_id)
        .where(SurveyAnswer.campaign_id == campaign_id, SurveyAnswer.has_text.is_(True))
        .order_by(SurveyResponse.answered_at, SurveyAnswer.id)
    )
    return tuple(
        CommentRow(code, question, text or "", rating, bool(complaint), number, at)
        for code, question, text, rating, complaint, number, at in rows
    )


def _ended_in(session: Session, start: date, end: date) -> list[tuple[int, str]]:
    """Satisfaction campaigns that ended in ``start``…``end``: closed on a day of the window,
    or still open with their planned end in it (activities' feedback questionnaires are the
    activities' figures, not the estate's satisfaction)."""
    lo, hi = (
        clock.local_midnight(start),
        clock.local_midnight(date.fromordinal(end.toordinal() + 1)),
    )
    rows = session.execute(
        select(SurveyCampaign.id, SurveyCampaign.name)
        .where(
            SurveyCampaign.activity_id.is_(None),
            or_(
                (SurveyCampaign.status == CampaignStatus.CLOSED.value)
                & (SurveyCampaign.closed_at >= lo)
                & (SurveyCampaign.closed_at < hi),
                (SurveyCampaign.status == CampaignStatus.OPEN.value)
                & (SurveyCampaign.ends_on >= start)
                & (SurveyCampaign.ends_on <= end),
            ),
        )
        .order_by(SurveyCampaign.starts_on, SurveyCampaign.id)
    )
    return [(int(i), name) for i, name in rows]


def month_figures(session: Session, start: date, end: date) -> SurveyMonthFigures:
    """The monthly report's headline over the campaigns that ended in the window."""
    ended = _ended_in(session, start, end)
    if not ended:
        return SurveyMonthFigures()
    ids = [i for i, _n in ended]
    size = int(
        session.scalar(select(func.count(SurveySample.id)).where(SurveySample.campaign_id.in_(ids)))
        or 0
    )
    responses = int(
        session.scalar(
            select(func.count(SurveyResponse.id)).where(SurveyResponse.campaign_id.in_(ids))
        )
        or 0
    )
    n, mean, sat = _rating_totals(session, ids)
    last = session.get(SurveyCampaign, ids[-1])
    prev = previous_campaign(session, last) if last is not None else None
    prev_mean = mine = None
    if prev is not None and last is not None:
        shared = _shared_ratings(session, last, prev)
        prev_mean = _f(_rating_totals(session, [prev.id], shared)[1])
        mine = _f(_rating_totals(session, [last.id], shared)[1])
    return SurveyMonthFigures(
        campaigns=tuple(name for _i, name in ended),
        sample_size=size,
        responses=responses,
        response_rate=_pct(responses, size),
        overall_mean=_f(mean),
        satisfied_pct=_pct(int(sat or 0), int(n or 0)),
        tickets_opened=_tickets(session, ids),
        previous_name=prev.name if prev is not None else None,
        previous_overall_mean=prev_mean,
        overall_mean_shared=mine,
    )
