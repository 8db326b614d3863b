"""Satisfaction surveys (满意度调查, issue 18 parts 1–4): the value types every layer shares.

No SQLAlchemy here: ``reports/`` and ``ui/`` build on these types. Services return them; the
PDF and Excel writers take them. Fields may be *added* (with a default) but never renamed or
removed, since the report writers and screens read them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum


class QuestionKind(StrEnum):
    RATING = "rating"  # 1–5 with a label for each point
    SINGLE = "single"  # one of the options
    MULTI = "multi"  # any of the options
    TEXT = "text"  # free text (a comment; may be marked as a complaint)


QUESTION_KIND_ZH: dict[str, str] = {
    QuestionKind.RATING: "评分",
    QuestionKind.SINGLE: "单选",
    QuestionKind.MULTI: "多选",
    QuestionKind.TEXT: "文字意见",
}

#: The five points of a rating, 1 to 5 (a question may carry its own labels).
RATING_LABELS: tuple[str, str, str, str, str] = ("很不满意", "不满意", "一般", "满意", "很满意")
#: A rating at or below this is dissatisfied and becomes a callback ticket.
DISSATISFIED_AT_MOST = 2
#: Share of entered paper forms drawn for a re-check call.
RECHECK_PCT = 10
#: Days within which every comment must be called back (published procedure).
CALLBACK_DAYS = 15


class CampaignStatus(StrEnum):
    DRAFT = "draft"  # questionnaire and rules set, no sample yet
    OPEN = "open"  # sample drawn, calls and paper entry going on
    CLOSED = "closed"  # no more answers; pending households count as non-response


CAMPAIGN_STATUS_ZH: dict[str, str] = {
    CampaignStatus.DRAFT: "草稿",
    CampaignStatus.OPEN: "进行中",
    CampaignStatus.CLOSED: "已结束",
}


class SampleStatus(StrEnum):
    PENDING = "pending"  # not yet called
    NO_ANSWER = "no_answer"  # tried, nobody answered (attempts left)
    CALLBACK = "callback"  # asked to be called at ``callback_at``
    REFUSED = "refused"  # declined: non-response, not called again
    DONE = "done"  # answered (by phone or paper)
    UNREACHED = "unreached"  # attempts used up, or open at close: non-response


SAMPLE_STATUS_ZH: dict[str, str] = {
    SampleStatus.PENDING: "待拨打",
    SampleStatus.NO_ANSWER: "无人接听",
    SampleStatus.CALLBACK: "约定回拨",
    SampleStatus.REFUSED: "拒访",
    SampleStatus.DONE: "已完成",
    SampleStatus.UNREACHED: "未联系上",
}


class CallOutcome(StrEnum):
    ANSWERED = "answered"
    NO_ANSWER = "no_answer"
    REFUSED = "refused"
    CALLBACK = "callback"


CALL_OUTCOME_ZH: dict[str, str] = {
    CallOutcome.ANSWERED: "已答卷",
    CallOutcome.NO_ANSWER: "无人接听",
    CallOutcome.REFUSED: "拒访",
    CallOutcome.CALLBACK: "约定回拨",
}


class ResponseSource(StrEnum):
    PHONE = "phone"
    PAPER = "paper"


RESPONSE_SOURCE_ZH: dict[str, str] = {
    ResponseSource.PHONE: "电话",
    ResponseSource.PAPER: "纸质问卷",
}


# --- question bank and questionnaires -------------------------------------------------------


@dataclass(frozen=True)
class QuestionSpec:
    """A new question (or an edit of one not yet answered)."""

    kind: QuestionKind
    text: str
    options: tuple[str, ...] = ()  # single/multi: the choices, in order
    labels: tuple[str, ...] = RATING_LABELS  # rating: five labels, 1..5
    topic: str = ""  # e.g. 保洁, 安保, 维修, 客服 (groups questions in the results)


@dataclass(frozen=True)
class QuestionRow:
    id: int
    kind: QuestionKind
    text: str
    options: tuple[str, ...]
    labels: tuple[str, ...]
    topic: str
    locked: bool  # answered at least once: text, kind and options can no longer change
    active: bool


@dataclass(frozen=True)
class QuestionnaireRow:
    id: int
    name: str
    version: int  # a questionnaire in use is never edited: a change makes version + 1
    question_ids: tuple[int, ...]  # in order
    in_use: bool  # a campaign uses it


# --- sampling (pure: see propdesk/surveys/sampling.py) ---------------------------------------


@dataclass(frozen=True)
class Candidate:
    """One household the sample may draw."""

    unit_id: int
    building_id: int
    vacant: bool  # marked vacant, or nobody living there
    has_phone: bool
    last_surveyed: date | None  # the start date of the last campaign that sampled it
    # not marked vacant, but nobody lives there now (no current occupancy): counted apart
    # from the vacant units when the draw says why households were left out
    no_occupant: bool = False


class Exclusion(StrEnum):
    """Why a household in the campaign's buildings was left out of the draw (the first reason
    that applies, in this order)."""

    VACANT = "vacant"  # the unit is marked vacant (空置)
    NO_OCCUPANT = "no_occupant"  # not marked vacant, but nobody is registered living there
    NO_PHONE = "no_phone"  # nobody living there has a phone on record
    ROTATION = "rotation"  # surveyed within the campaign's rotation months


EXCLUSION_ZH: dict[str, str] = {
    Exclusion.VACANT: "空置房",
    Exclusion.NO_OCCUPANT: "无人登记入住",
    Exclusion.NO_PHONE: "没有登记电话",
    Exclusion.ROTATION: "轮换期内已抽中过",
}


@dataclass(frozen=True)
class DrawSummary:
    """How a campaign's sample was drawn: the households in its buildings, those left out by
    reason (each once, under its first reason), the eligible ones and the ones drawn."""

    vacant: int
    no_occupant: int
    no_phone: int
    recently_surveyed: int
    eligible: int
    drawn: int
    rotation_months: int = 0

    @property
    def excluded(self) -> int:
        return self.vacant + self.no_occupant + self.no_phone + self.recently_surveyed

    @property
    def in_scope(self) -> int:
        return self.excluded + self.eligible

    def by_reason(self) -> dict[Exclusion, int]:
        return {
            Exclusion.VACANT: self.vacant,
            Exclusion.NO_OCCUPANT: self.no_occupant,
            Exclusion.NO_PHONE: self.no_phone,
            Exclusion.ROTATION: self.recently_surveyed,
        }


@dataclass(frozen=True)
class SampleRule:
    rate_pct: int  # 1..100 of the eligible households
    rotation_months: int  # 0 = no rotation; else skip households surveyed within this
    stratified: bool  # the same rate within each building (at least one per building)
    today: date


# --- campaigns and the call queue ----------------------------------------------------------


@dataclass(frozen=True)
class CampaignSpec:
    name: str
    questionnaire_id: int
    building_ids: tuple[int, ...]  # empty: all buildings
    rate_pct: int
    stratified: bool
    rotation_months: int
    max_attempts: int  # phone attempts before a household counts as unreached
    starts_on: date
    ends_on: date


@dataclass(frozen=True)
class CampaignRow:
    id: int
    name: str
    questionnaire_id: int
    questionnaire_name: str
    questionnaire_version: int
    status: CampaignStatus
    starts_on: date
    ends_on: date
    rate_pct: int
    stratified: bool
    rotation_months: int
    max_attempts: int
    building_ids: tuple[int, ...]
    sample_size: int
    done: int
    open: int  # pending, no answer (attempts left) or callback
    non_response: int  # refused + unreached
    # the buildings it covers by name, in the estate's order (empty: every building)
    building_names: tuple[str, ...] = ()
    # how its sample was drawn (None: a draft, or drawn before the figures were kept)
    draw: DrawSummary | None = None
    # an activity's feedback questionnaire (活动反馈): the activity, and its title
    activity_id: int | None = None
    activity_title: str = ""


@dataclass(frozen=True)
class QueueRow:
    """One household in a campaign's call queue."""

    sample_id: int
    unit_id: int
    unit_code: str  # e.g. 3-1502
    building: str
    contact: str  # the household's contact name, masked for the desk
    phone: str  # masked (last four digits)
    status: SampleStatus
    attempts: int
    callback_at: datetime | None  # UTC
    last_attempt_at: datetime | None  # UTC


@dataclass(frozen=True)
class AnswerInput:
    """One answer as entered (phone or paper)."""

    question_id: int
    rating: int | None = None  # rating: 1..5
    choices: tuple[int, ...] = ()  # single/multi: option indexes (0-based)
    text: str = ""  # text questions, or a remark on any question
    is_complaint: bool = False  # the comment is a complaint: becomes a callback ticket


@dataclass(frozen=True)
class SubmitResult:
    response_id: int
    ticket_ids: tuple[int, ...]  # callback tickets opened for dissatisfied answers/complaints
    recheck: bool  # a paper form drawn for a re-check call
    ticket_nos: tuple[str, ...] = ()  # the numbers of ``ticket_ids``, in the same order


@dataclass(frozen=True)
class RecheckRow:
    response_id: int
    sample_id: int
    unit_code: str
    paper_form_no: str
    status: str  # "pending" | "done"
    differences: int  # answers that differed from the paper (after the re-check)


@dataclass(frozen=True)
class RecheckAnswerRow:
    """One question asked again at a re-check call, beside the paper form's answer."""

    question_id: int
    question: str
    kind: QuestionKind
    paper_rating: int | None
    paper_choices: tuple[int, ...]  # option indexes (0-based)
    rating: int | None  # as answered at the re-check call
    choices: tuple[int, ...]
    differs: bool  # the rating or the options differ (texts are never compared)


# --- results ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class QuestionResult:
    question_id: int
    text: str
    kind: QuestionKind
    topic: str
    answered: int
    mean: float | None  # ratings only; None when nobody answered
    satisfied_pct: float | None  # ratings only: share of 4 and 5, 0..100
    distribution: tuple[int, ...]  # rating: counts of 1..5; single/multi: count per option
    labels: tuple[str, ...]  # the labels of ``distribution``
    previous_mean: float | None = None  # the same question in the previous campaign


@dataclass(frozen=True)
class BuildingResult:
    building_id: int
    building: str
    sample_size: int
    responses: int
    mean: float | None  # mean of every rating answer of the building's responses


@dataclass(frozen=True)
class CommentRow:
    unit_code: str
    question: str
    text: str
    rating: int | None
    is_complaint: bool
    ticket_no: str | None  # the callback ticket, when one was opened
    answered_at: datetime  # UTC


@dataclass(frozen=True)
class CampaignResults:
    campaign_id: int
    name: str
    starts_on: date
    ends_on: date
    status: CampaignStatus
    sample_size: int
    responses: int  # done (phone + paper)
    phone_responses: int
    paper_responses: int
    refused: int
    unreached: int  # incl. households still open: non-response
    response_rate: float | None  # responses / sample_size * 100; None on an empty sample
    overall_mean: float | None  # every rating answer
    overall_satisfied_pct: float | None
    questions: tuple[QuestionResult, ...]
    buildings: tuple[BuildingResult, ...]
    comments: tuple[CommentRow, ...]
    tickets_opened: int
    previous_name: str | None = None  # the campaign compared with (same questions)
    previous_overall_mean: float | None = None
    rechecks: int = 0  # paper forms drawn for a re-check call
    recheck_differences: int = 0  # answers that differed, of the re-checks done
    rechecks_done: int = 0  # of the drawn forms, the ones re-checked by phone
    overall_mean_shared: float | None = None  # this campaign's mean on the questions shared
    # with the previous one: compare it with ``previous_overall_mean`` (same questions)


@dataclass(frozen=True)
class SurveyMonthFigures:
    """The monthly report's headline: campaigns that ended (or were closed) in the month."""

    campaigns: tuple[str, ...] = ()
    sample_size: int = 0
    responses: int = 0
    response_rate: float | None = None
    overall_mean: float | None = None
    satisfied_pct: float | None = None
    tickets_opened: int = 0
    previous_name: str | None = None  # the campaign before the month's last one (same questions)
    previous_overall_mean: float | None = None  # its mean over the questions they share
    overall_mean_shared: float | None = None  # the month's last campaign, on those questions


# --- activity feedback (活动反馈问卷) --------------------------------------------------------

#: Days an activity's feedback questionnaire stays open after the activity's day.
FEEDBACK_DAYS = 14


@dataclass(frozen=True)
class QuestionMean:
    """A rating question's average score (from :class:`CampaignResults`)."""

    question_id: int
    text: str
    answered: int
    mean: float | None  # None when nobody answered it yet


@dataclass(frozen=True)
class ActivityFeedback:
    """An activity's feedback questionnaire and its figures so far: responses over the
    households that attended (the sample), and the average per rating question, read from
    :func:`propdesk.surveys.queries.results`."""

    campaign_id: int
    name: str
    status: CampaignStatus
    questionnaire_name: str
    attendees: int  # households that attended: the sample
    responses: int
    overall_mean: float | None  # every rating answer
    questions: tuple[QuestionMean, ...]  # rating questions, in the questionnaire's order
