"""Assessment service: who may see whose figures, the manager's comment, the clerk's
acknowledgement. Managers (and supervisors, admins) see everyone; a clerk only themself."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.auth.actor import Actor, Role
from propdesk.auth.models import User
from propdesk.auth.permissions import Permission, allowed, require
from propdesk.errors import NotAllowed, NotFound, ValidationError
from propdesk.session_info import actor_or_none
from propdesk.team import figures as fig
from propdesk.team.models import TeamAssessment
from propdesk.team.values import (
    Sheet as Sheet,
)
from propdesk.team.values import (
    SignOff as SignOff,
)

TEAM_VIEWERS = (Role.SUPERVISOR, Role.MANAGER, Role.ADMIN)


def _check_view(actor: Actor | None, user_id: int) -> None:
    if actor is None:
        raise NotAllowed("请先登录。")
    if actor.role in TEAM_VIEWERS:
        return
    if actor.role == Role.CLERK and actor.user_id is not None and actor.user_id == user_id:
        return
    raise NotAllowed(f"{actor.display_name}只能查看本人的考核数据。")


def _period(period: str) -> str:
    try:
        year, month = (int(p) for p in period.split("-"))
    except ValueError:
        raise ValidationError("period", "月份格式应为 2026-06。") from None
    if not (2000 <= year <= 2100 and 1 <= month <= 12):
        raise ValidationError("period", "月份格式应为 2026-06。")
    return f"{year:04d}-{month:02d}"


def _user(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise NotFound("找不到该员工。")
    return user


def visible_clerks(session: Session) -> list[tuple[int, str]]:
    """The clerks whose figures the session's actor may see: all front-desk users, or only
    themself (nobody when no one is logged in)."""
    actor = actor_or_none(session)
    if actor is None:
        return []
    if actor.role in TEAM_VIEWERS:
        rows = session.execute(
            select(User.id, User.display_name)
            .where(User.role.in_((Role.CLERK.value, Role.SUPERVISOR.value)))
            .order_by(User.display_name)
        ).all()
        return [(r[0], r[1]) for r in rows]
    if actor.role == Role.CLERK and actor.user_id is not None:
        return [(actor.user_id, _user(session, actor.user_id).display_name)]
    return []


def figures(session: Session, *, user_id: int, period: str) -> fig.Figures:
    _check_view(actor_or_none(session), user_id)
    _user(session, user_id)
    return fig.compute(session, user_id, _period(period))


DRILLS = (
    "tickets",
    "responded",
    "callbacks",
    "callbacks_on_time",
    "calls",
    "first_call",
    "survey_calls",
)


def drill_down(
    session: Session, *, user_id: int, period: str, figure: str
) -> list[fig.TicketRec] | list[fig.CallbackRec] | list[fig.CallRec] | list[fig.SurveyCallRec]:
    """The records one figure counts (its length equals the figure)."""
    _check_view(actor_or_none(session), user_id)
    p = _period(period)
    if figure == "tickets":
        return fig.ticket_records(session, user_id, p)
    if figure == "responded":
        return fig.responded_records(session, user_id, p)
    if figure == "callbacks":
        return fig.callback_records(session, user_id, p)
    if figure == "callbacks_on_time":
        return [c for c in fig.callback_records(session, user_id, p) if c.on_time]
    if figure == "calls":
        return fig.call_records(session, user_id, p)
    if figure == "first_call":
        return [c for c in fig.call_records(session, user_id, p) if c.resolved]
    if figure == "survey_calls":
        return fig.survey_call_records(session, user_id, p)
    raise ValidationError("figure", "没有这项考核指标。")


def _sign_off(row: TeamAssessment | None) -> SignOff:
    if row is None:
        return SignOff("", "", None, None, "", 0)
    return SignOff(
        row.comment,
        row.comment_by_name,
        row.comment_at,
        row.ack_at,
        row.ack_by_name,
        row.version,
    )


def _row(session: Session, user_id: int, period: str) -> TeamAssessment | None:
    return session.scalar(
        select(TeamAssessment).where(
            TeamAssessment.user_id == user_id, TeamAssessment.period == period
        )
    )


def sheet(session: Session, *, user_id: int, period: str) -> Sheet:
    _check_view(actor_or_none(session), user_id)
    p = _period(period)
    user = _user(session, user_id)
    return Sheet(
        user_id,
        user.display_name,
        fig.compute(session, user_id, p),
        _sign_off(_row(session, user_id, p)),
    )


def comment(session: Session, *, user_id: int, period: str, text: str) -> SignOff:
    """The manager's comment on a clerk's month (recorded with who and when)."""
    actor = actor_or_none(session)
    require(actor, Permission.WRITE_REPORT)
    assert actor is not None
    p = _period(period)
    _user(session, user_id)
    text = text.strip()
    if not text:
        raise ValidationError("comment", "请填写考核评语。")
    row = _row(session, user_id, p)
    if row is None:
        row = TeamAssessment(user_id=user_id, period=p)
        session.add(row)
    elif row.ack_at is not None:
        raise ValidationError("comment", "员工已确认本月考核，评语不能再修改。")
    row.comment = text
    row.comment_by_user_id = actor.user_id
    row.comment_by_name = actor.display_name
    row.comment_at = clock.now(session)
    session.flush()
    return _sign_off(row)


def acknowledge(session: Session, *, user_id: int, period: str) -> SignOff:
    """The clerk's acknowledgement of their own sheet (only the clerk themself)."""
    actor = actor_or_none(session)
    if actor is None or actor.user_id is None or actor.user_id != user_id:
        raise NotAllowed("只有员工本人可以确认自己的考核表。")
    p = _period(period)
    row = _row(session, user_id, p)
    if row is None or not row.comment:
        raise ValidationError("ack", "经理尚未填写评语，暂不能确认。")
    if row.ack_at is None:
        row.ack_at = clock.now(session)
        row.ack_by_name = actor.display_name
        session.flush()
    return _sign_off(row)


def can_view_all(actor: Actor | None) -> bool:
    if actor is None:
        return False
    return actor.role in TEAM_VIEWERS or allowed(actor, Permission.WRITE_REPORT)
