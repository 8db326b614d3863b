"""Survey tables: the question bank, versioned questionnaires, campaigns with their building
scope, the sample (one row per household), every call attempt, responses and their answers
(with the options chosen, one row each, so distributions are a ``GROUP BY``), and the
re-checks of paper forms.

Answers carry their campaign, question and building (copied from the response) so the
results are aggregates over one table and its indexes. An answer's free text is about
people's homes and is encrypted at rest (``text_enc``, :mod:`propdesk.pii`). A response is
unique per sampled household and per idempotency key: entering the same form twice can
never make two responses.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from propdesk import clock
from propdesk.models_base import Base, Versioned
from propdesk.models_base import one_of as _in
from propdesk.pii.columns import Encrypted
from propdesk.surveys.values import (
    CallOutcome,
    CampaignStatus,
    QuestionKind,
    ResponseSource,
    SampleStatus,
)


class SurveyQuestion(Versioned, Base):
    """A question of the bank. ``locked`` once answered: its wording and options stay."""

    __tablename__ = "survey_question"
    __table_args__ = (CheckConstraint(_in("kind", QuestionKind), name="kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))
    text: Mapped[str] = mapped_column(String(200))
    options_json: Mapped[str] = mapped_column(Text, default="[]")  # single/multi choices
    labels_json: Mapped[str] = mapped_column(Text, default="[]")  # rating labels 1..5
    topic: Mapped[str] = mapped_column(String(20), default="")
    locked: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class SurveyQuestionnaire(Versioned, Base):
    """One version of a questionnaire; ``series_id`` is the id of its first version."""

    __tablename__ = "survey_questionnaire"
    __table_args__ = (
        UniqueConstraint("series_id", "number"),
        CheckConstraint("number >= 1", name="number_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    series_id: Mapped[int | None] = mapped_column(
        ForeignKey("survey_questionnaire.id", ondelete="RESTRICT")
    )
    number: Mapped[int] = mapped_column(Integer, default=1)  # the version shown (版本)


class SurveyQuestionnaireItem(Base):
    """A question's place in a questionnaire version."""

    __tablename__ = "survey_questionnaire_item"
    __table_args__ = (UniqueConstraint("questionnaire_id", "question_id"),)

    questionnaire_id: Mapped[int] = mapped_column(
        ForeignKey("survey_questionnaire.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    question_id: Mapped[int] = mapped_column(
        ForeignKey("survey_question.id", ondelete="RESTRICT"), index=True
    )


class SurveyCampaign(Versioned, Base):
    __tablename__ = "survey_campaign"
    __table_args__ = (
        CheckConstraint(_in("status", CampaignStatus), name="status"),
        CheckConstraint("rate_pct >= 1 AND rate_pct <= 100", name="rate_range"),
        CheckConstraint("rotation_months >= 0", name="rotation_not_negative"),
        CheckConstraint("max_attempts >= 1", name="attempts_positive"),
        CheckConstraint("ends_on >= starts_on", name="dates_in_order"),
        CheckConstraint("paper_forms >= 0", name="paper_forms_not_negative"),
        Index("ix_survey_campaign_ends_on", "ends_on"),
        # one feedback questionnaire per activity (a unique index: SQLite can add it in place)
        Index("ix_survey_campaign_activity", "activity_id", unique=True),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    questionnaire_id: Mapped[int] = mapped_column(
        ForeignKey("survey_questionnaire.id", ondelete="RESTRICT"), index=True
    )
    status: Mapped[str] = mapped_column(String(10), default=CampaignStatus.DRAFT.value)
    rate_pct: Mapped[int] = mapped_column(Integer)
    stratified: Mapped[bool] = mapped_column(Boolean, default=False)
    rotation_months: Mapped[int] = mapped_column(Integer, default=0)
    max_attempts: Mapped[int] = mapped_column(Integer, default=3)
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    seed: Mapped[int | None] = mapped_column(Integer)  # of the draw (and the re-check draw)
    drawn_at: Mapped[datetime | None] = mapped_column()
    closed_at: Mapped[datetime | None] = mapped_column()
    paper_forms: Mapped[int] = mapped_column(Integer, default=0)  # entered so far (sequence)
    created_by: Mapped[str] = mapped_column(String(50), default="")
    # How the sample was drawn (values.DrawSummary), kept because the households' occupancy,
    # phones and later campaigns change after the draw; NULL before the draw (and for a
    # campaign drawn before these were kept).
    draw_vacant: Mapped[int | None] = mapped_column(Integer)
    draw_no_occupant: Mapped[int | None] = mapped_column(Integer)
    draw_no_phone: Mapped[int | None] = mapped_column(Integer)
    draw_recently_surveyed: Mapped[int | None] = mapped_column(Integer)
    draw_eligible: Mapped[int | None] = mapped_column(Integer)
    draw_drawn: Mapped[int | None] = mapped_column(Integer)
    # The community activity whose feedback this campaign collects (activity feedback, 活动反馈):
    # its sample is the households that attended, not a draw. NULL for satisfaction surveys.
    # (no ON DELETE: an activity is never deleted, and SQLite does not read back an ON DELETE
    # added with a column)
    activity_id: Mapped[int | None] = mapped_column(ForeignKey("activity.id"))


class SurveyCampaignBuilding(Base):
    """A building a campaign samples (none: every building)."""

    __tablename__ = "survey_campaign_building"

    campaign_id: Mapped[int] = mapped_column(
        ForeignKey("survey_campaign.id", ondelete="CASCADE"), primary_key=True
    )
    building_id: Mapped[int] = mapped_column(
        ForeignKey("building.id", ondelete="RESTRICT"), primary_key=True
    )


class SurveySample(Versioned, Base):
    """A household drawn for a campaign, and where its calls stand."""

    __tablename__ = "survey_sample"
    __table_args__ = (
        UniqueConstraint("campaign_id", "unit_id"),
        CheckConstraint(_in("status", SampleStatus), name="status"),
        CheckConstraint("attempts >= 0", name="attempts_not_negative"),
        Index("ix_survey_sample_queue", "campaign_id", "status", "attempts"),
        Index("ix_survey_sample_unit", "unit_id", "campaign_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("survey_campaign.id", ondelete="CASCADE"))
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"))
    building_id: Mapped[int] = mapped_column(ForeignKey("building.id", ondelete="RESTRICT"))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(10), default=SampleStatus.PENDING.value)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    callback_at: Mapped[datetime | None] = mapped_column()
    last_attempt_at: Mapped[datetime | None] = mapped_column()


class SurveyAttempt(Base):
    """One call to a sampled household: who called, when (UTC), and what came of it.

    The team assessment counts survey calls per clerk and month from this table.
    """

    __tablename__ = "survey_attempt"
    __table_args__ = (
        CheckConstraint(_in("outcome", CallOutcome), name="outcome"),
        Index("ix_survey_attempt_sample", "sample_id", "at"),
        Index("ix_survey_attempt_user", "user_id", "at"),
        Index("ix_survey_attempt_at", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    sample_id: Mapped[int] = mapped_column(ForeignKey("survey_sample.id", ondelete="CASCADE"))
    campaign_id: Mapped[int] = mapped_column(ForeignKey("survey_campaign.id", ondelete="CASCADE"))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id", ondelete="SET NULL"))
    clerk_name: Mapped[str] = mapped_column(String(50), default="")
    at: Mapped[datetime] = mapped_column()
    outcome: Mapped[str] = mapped_column(String(10))
    callback_at: Mapped[datetime | None] = mapped_column()
    note: Mapped[str] = mapped_column(String(200), default="")


class SurveyResponse(Base):
    """A completed questionnaire of a sampled household (by phone or a paper form)."""

    __tablename__ = "survey_response"
    __table_args__ = (
        CheckConstraint(_in("source", ResponseSource), name="source"),
        CheckConstraint("source = 'paper' OR paper_form_no = ''", name="form_no_on_paper"),
        UniqueConstraint("sample_id"),
        UniqueConstraint("idempotency_key"),
        Index("ix_survey_response_campaign", "campaign_id", "source", "building_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("survey_campaign.id", ondelete="CASCADE"))
    sample_id: Mapped[int] = mapped_column(ForeignKey("survey_sample.id", ondelete="CASCADE"))
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"))
    building_id: Mapped[int] = mapped_column(ForeignKey("building.id", ondelete="RESTRICT"))
    source: Mapped[str] = mapped_column(String(10))
    paper_form_no: Mapped[str] = mapped_column(String(30), default="")
    paper_seq: Mapped[int | None] = mapped_column(Integer)  # n-th paper form of the campaign
    idempotency_key: Mapped[str] = mapped_column(String(64))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id", ondelete="SET NULL"))
    clerk_name: Mapped[str] = mapped_column(String(50), default="")
    answered_at: Mapped[datetime] = mapped_column()


class SurveyAnswer(Base):
    """One question answered in a response (campaign, question and building copied)."""

    __tablename__ = "survey_answer"
    __table_args__ = (
        UniqueConstraint("response_id", "question_id"),
        CheckConstraint("rating IS NULL OR (rating >= 1 AND rating <= 5)", name="rating_range"),
        # covering the results' aggregates (per question, distributions, totals, tickets)
        Index(
            "ix_survey_answer_figures",
            "campaign_id",
            "question_id",
            "rating",
            "has_text",
            "ticket_id",
        ),
        Index("ix_survey_answer_comments", "campaign_id", "has_text"),
        Index("ix_survey_answer_building", "campaign_id", "building_id", "rating"),
        Index("ix_survey_answer_question", "question_id"),
        Index("ix_survey_answer_ticket", "ticket_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(ForeignKey("survey_response.id", ondelete="CASCADE"))
    campaign_id: Mapped[int] = mapped_column(ForeignKey("survey_campaign.id", ondelete="CASCADE"))
    question_id: Mapped[int] = mapped_column(ForeignKey("survey_question.id", ondelete="RESTRICT"))
    building_id: Mapped[int] = mapped_column(ForeignKey("building.id", ondelete="RESTRICT"))
    rating: Mapped[int | None] = mapped_column(Integer)
    has_text: Mapped[bool] = mapped_column(Boolean, default=False)  # text_enc is not empty
    text_enc: Mapped[str] = mapped_column(Encrypted("survey_answer.text_enc"), default="")
    is_complaint: Mapped[bool] = mapped_column(Boolean, default=False)
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("ticket.id", ondelete="SET NULL"))


class SurveyAnswerChoice(Base):
    """An option chosen in a single- or multiple-choice answer (0-based index)."""

    __tablename__ = "survey_answer_choice"
    __table_args__ = (
        CheckConstraint("option_index >= 0", name="option_not_negative"),
        Index("ix_survey_answer_choice_campaign", "campaign_id", "question_id", "option_index"),
    )

    answer_id: Mapped[int] = mapped_column(
        ForeignKey("survey_answer.id", ondelete="CASCADE"), primary_key=True
    )
    option_index: Mapped[int] = mapped_column(Integer, primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("survey_campaign.id", ondelete="CASCADE"))
    question_id: Mapped[int] = mapped_column(ForeignKey("survey_question.id", ondelete="RESTRICT"))


class SurveyRecheck(Base):
    """A paper form drawn for a re-check call, and how many answers differed from the paper."""

    __tablename__ = "survey_recheck"
    __table_args__ = (
        CheckConstraint("status IN ('pending', 'done')", name="status"),
        UniqueConstraint("response_id"),
        Index("ix_survey_recheck_campaign", "campaign_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("survey_campaign.id", ondelete="CASCADE"))
    response_id: Mapped[int] = mapped_column(ForeignKey("survey_response.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(10), default="pending")
    drawn_at: Mapped[datetime] = mapped_column(default=clock.column_now)
    done_at: Mapped[datetime | None] = mapped_column()
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id", ondelete="SET NULL"))
    clerk_name: Mapped[str] = mapped_column(String(50), default="")
    differences: Mapped[int] = mapped_column(Integer, default=0)


class SurveyRecheckAnswer(Base):
    """An answer given at the re-check call beside the paper's, and whether they differ."""

    __tablename__ = "survey_recheck_answer"
    __table_args__ = (UniqueConstraint("recheck_id", "question_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    recheck_id: Mapped[int] = mapped_column(ForeignKey("survey_recheck.id", ondelete="CASCADE"))
    question_id: Mapped[int] = mapped_column(ForeignKey("survey_question.id", ondelete="RESTRICT"))
    rating: Mapped[int | None] = mapped_column(Integer)
    choices: Mapped[str] = mapped_column(String(100), default="")  # "0,2": option indexes
    text_enc: Mapped[str] = mapped_column(Encrypted("survey_recheck_answer.text_enc"), default="")
    paper_rating: Mapped[int | None] = mapped_column(Integer)
    paper_choices: Mapped[str] = mapped_column(String(100), default="")
    differs: Mapped[bool] = mapped_column(Boolean, default=False)
