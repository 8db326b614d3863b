"""Activity kinds, statuses and sign-up states, with the clerk's words for each."""

from __future__ import annotations

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
