"""Activity kinds, statuses and sign-up states, with the clerk's words for each."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class ActivityKind(StrEnum):
    CULTURE = "culture"  # 社区文化活动
    OWNER_MEETING = "owner_meeting"  # 业主见面会
    FESTIVAL = "festival"  # 节日活动
    SPORTS = "sports"  # 文体活动
    CHILDREN = "children"  # 亲子活动
    ELDERLY = "elderly"  # 长者关爱


ACTIVITY_KIND_ZH: dict[str, str] = {
    ActivityKind.CULTURE: "社区文化活动",
    ActivityKind.OWNER_MEETING: "业主见面会",
    ActivityKind.FESTIVAL: "节日活动",
    ActivityKind.SPORTS: "文体活动",
    ActivityKind.CHILDREN: "亲子活动",
    ActivityKind.ELDERLY: "长者关爱",
}


class ActivityStatus(StrEnum):
    PLANNED = "planned"
    OPEN = "open"
    FINISHED = "finished"
    CANCELLED = "cancelled"


ACTIVITY_STATUS_ZH: dict[str, str] = {
    ActivityStatus.PLANNED: "计划中",
    ActivityStatus.OPEN: "报名中",
    ActivityStatus.FINISHED: "已结束",
    ActivityStatus.CANCELLED: "已取消",
}


class SignupState(StrEnum):
    CONFIRMED = "confirmed"
    WAITLIST = "waitlist"
    CANCELLED = "cancelled"


SIGNUP_STATE_ZH: dict[str, str] = {
    SignupState.CONFIRMED: "已报名",
    SignupState.WAITLIST: "候补",
    SignupState.CANCELLED: "已取消",
}


class Channel(StrEnum):
    DESK = "desk"
    PHONE = "phone"


CHANNEL_ZH: dict[str, str] = {Channel.DESK: "前台", Channel.PHONE: "电话"}

MAX_PERSONS = 10  # persons on one sign-up


class When(StrEnum):
    UPCOMING = "upcoming"  # planned or open
    PAST = "past"
    ALL = "all"


@dataclass(frozen=True)
class ActivityRow:
    id: int
    kind: str
    title: str
    starts_at: datetime
    ends_at: datetime | None
    venue: str
    capacity: int
    taken: int  # persons on confirmed sign-ups
    waitlist: int  # waitlisted sign-ups (households)
    status: str
    budget_fen: int
    spent_fen: int
    organiser: str
    notice_printed_at: datetime | None
    description: str


@dataclass(frozen=True)
class SignupRow:
    id: int
    unit_id: int
    unit_code: str
    contact_name: str
    persons: int
    channel: str
    state: str
    queued_at: datetime
    attended: bool | None
    rating: int | None
    comment: str


@dataclass(frozen=True)
class ParticipationRow:
    signup_id: int
    activity_id: int
    title: str
    kind: str
    starts_at: datetime
    activity_status: str
    state: str
    persons: int
    attended: bool | None
    rating: int | None


@dataclass(frozen=True)
class ActivityFigures:
    """The activities of a window of local days (the monthly report's section).

    ``held``: activities finished that started in the window; the sign-up figures count the
    confirmed sign-ups (households) of those activities; the attendance rate is attended
    households over confirmed households (``None`` when nobody was signed up); the average
    rating is over the sign-ups that gave one (``None`` when none did). The feedback
    questionnaire figures (added with defaults) cover the held activities that had one:
    how many, their responses, and the mean of every rating answer in them
    (``propdesk.surveys.queries.rating_totals``; ``None`` when no rating was given yet).
    """

    held: int
    cancelled: int
    signups: int
    persons: int
    attended: int
    attendance_rate: float | None
    ratings: int
    average_rating: float | None
    budget_fen: int
    spent_fen: int
    feedback_questionnaires: int = 0
    feedback_responses: int = 0
    feedback_ratings: int = 0
    feedback_mean: float | None = None
