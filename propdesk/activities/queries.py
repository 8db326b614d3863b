"""Reading activities: the list (upcoming or past, places filled, waitlist), the sign-ups of
one activity in unit order, a household's participation and the figures of a month.

The list's ``SELECT`` is :func:`activity_list_select`, shared by :func:`list_activities` and
the page's table model (``ui/activities``), so both show the same rows in the same order.
The values returned (:class:`ActivityRow` and the like) live in :mod:`.values`, which
``reports/`` may import.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache
from typing import Any

from sqlalchemy import Executable, Integer, Select, and_, bindparam, case, func, select, true
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.activities.models import Activity, ActivitySignup
from propdesk.activities.values import (
    ActivityFigures,
    ActivityRow,
    ActivityStatus,
    ParticipationRow,
    SignupRow,
    SignupState,
    When,
)
from propdesk.errors import NotFound
from propdesk.registry.models import Building, Unit
from propdesk.registry.unit_sort import unit_order
from propdesk.surveys import queries as survey_queries
from propdesk.surveys.models import SurveyCampaign, SurveyResponse


def waitlist_count() -> Any:
    """Correlated count of an activity's waitlisted sign-ups."""
    return (
        select(func.count(ActivitySignup.id))
        .where(
            ActivitySignup.activity_id == Activity.id,
            ActivitySignup.state == SignupState.WAITLIST.value,
        )
        .correlate(Activity)
        .scalar_subquery()
    )


def when_condition(when: When) -> Any:
    """Upcoming: planned or open (an open one whose day has passed stays here until it is
    finished); past: finished or cancelled."""
    live = Activity.status.in_((ActivityStatus.PLANNED.value, ActivityStatus.OPEN.value))
    if when == When.UPCOMING:
        return live
    if when == When.PAST:
        return ~live
    return true()


def activity_list_select(when: When) -> Select[Any]:
    """The list's rows: upcoming soonest first, past newest first (ties by id)."""
    order: list[Any] = (
        [Activity.starts_at.asc(), Activity.id.asc()]
        if when == When.UPCOMING
        else [Activity.starts_at.desc(), Activity.id.desc()]
    )
    return (
        select(
            Activity.id,
            Activity.kind,
            Activity.title,
            Activity.starts_at,
            Activity.ends_at,
            Activity.venue,
            Activity.capacity,
            Activity.taken,
            waitlist_count().label("waitlist"),
            Activity.status,
            Activity.budget_fen,
            Activity.spent_fen,
            Activity.organiser,
            Activity.notice_printed_at,
            Activity.description,
        )
        .where(when_condition(when))
        .order_by(*order)
    )


def list_activities(
    session: Session, when: When = When.UPCOMING, *, limit: int = 500
) -> tuple[ActivityRow, ...]:
    stmt = activity_list_select(when).limit(limit)
    return tuple(ActivityRow(*row) for row in session.execute(stmt).all())


def activity(session: Session, activity_id: int) -> ActivityRow:
    stmt = activity_list_select(When.ALL).where(Activity.id == activity_id)
    row = session.execute(stmt).first()
    if row is None:
        raise NotFound("找不到这个活动，可能已被删除。")
    return ActivityRow(*row)


def signups(
    session: Session, activity_id: int, *, include_cancelled: bool = False
) -> tuple[SignupRow, ...]:
    """The sign-ups of one activity in unit order (confirmed and waitlisted by default)."""
    stmt = (
        select(
            ActivitySignup.id,
            ActivitySignup.unit_id,
            Unit.code,
            ActivitySignup.contact_name,
            ActivitySignup.persons,
            ActivitySignup.channel,
            ActivitySignup.state,
            ActivitySignup.queued_at,
            ActivitySignup.attended,
            ActivitySignup.rating,
            ActivitySignup.comment,
        )
        .join(Unit, Unit.id == ActivitySignup.unit_id)
        .join(Building, Building.id == Unit.building_id)
        .where(ActivitySignup.activity_id == activity_id)
        .order_by(*unit_order(), ActivitySignup.id)
    )
    if not include_cancelled:
        stmt = stmt.where(ActivitySignup.state != SignupState.CANCELLED.value)
    return tuple(SignupRow(*row) for row in session.execute(stmt).all())


def household_participation(
    session: Session, unit_id: int, *, limit: int = 50
) -> tuple[ParticipationRow, ...]:
    """A unit's sign-ups (cancelled ones left out), newest activity first."""
    rows = session.execute(_participation_statement(), {"unit_id": unit_id, "limit": limit})
    return tuple(ParticipationRow(*tuple(row)) for row in rows.all())


@cache
def _participation_statement() -> Executable:
    """Built once, with ``:unit_id`` and ``:limit`` bound: the unit page reads it for every
    unit opened."""
    return (
        select(
            ActivitySignup.id,
            Activity.id,
            Activity.title,
            Activity.kind,
            Activity.starts_at,
            Activity.status,
            ActivitySignup.state,
            ActivitySignup.persons,
            ActivitySignup.attended,
            ActivitySignup.rating,
        )
        .join(Activity, Activity.id == ActivitySignup.activity_id)
        .where(
            ActivitySignup.unit_id == bindparam("unit_id", type_=Integer),
            ActivitySignup.state != SignupState.CANCELLED.value,
        )
        .order_by(Activity.starts_at.desc(), Activity.id.desc())
        .limit(bindparam("limit", type_=Integer))
    )


def month_figures(session: Session, start: date, end: date) -> ActivityFigures:
    """The activity figures of the local days ``start``…``end`` (inclusive)."""
    lo = clock.local_midnight(start)
    hi = clock.local_midnight(end + timedelta(days=1))
    in_window = and_(Activity.starts_at >= lo, Activity.starts_at < hi)
    held = and_(in_window, Activity.status == ActivityStatus.FINISHED.value)
    acts = session.execute(
        select(
            func.count(case((held, Activity.id))),
            func.count(
                case((and_(in_window, Activity.status == ActivityStatus.CANCELLED.value), 1))
            ),
            func.coalesce(func.sum(case((held, Activity.budget_fen), else_=0)), 0),
            func.coalesce(func.sum(case((held, Activity.spent_fen), else_=0)), 0),
        ).where(in_window)
    ).one()
    confirmed = ActivitySignup.state == SignupState.CONFIRMED.value
    sign = session.execute(
        select(
            func.count(ActivitySignup.id),
            func.coalesce(func.sum(ActivitySignup.persons), 0),
            func.count(case((ActivitySignup.attended.is_(True), 1))),
            func.count(ActivitySignup.rating),
            func.avg(ActivitySignup.rating),
        )
        .join(Activity, Activity.id == ActivitySignup.activity_id)
        .where(held, confirmed)
    ).one()
    signups_n, persons, attended, ratings, avg = (
        int(sign[0]),
        int(sign[1]),
        int(sign[2]),
        int(sign[3]),
        sign[4],
    )
    fb_ids = [
        int(i)
        for i in session.scalars(
            select(SurveyCampaign.id)
            .join(Activity, Activity.id == SurveyCampaign.activity_id)
            .where(held)
        )
    ]
    fb_responses = (
        int(
            session.scalar(
                select(func.count(SurveyResponse.id)).where(SurveyResponse.campaign_id.in_(fb_ids))
            )
            or 0
        )
        if fb_ids
        else 0
    )
    fb_ratings, fb_mean = survey_queries.rating_totals(session, fb_ids)
    return ActivityFigures(
        held=int(acts[0]),
        cancelled=int(acts[1]),
        signups=signups_n,
        persons=persons,
        attended=attended,
        attendance_rate=attended / signups_n if signups_n else None,
        ratings=ratings,
        average_rating=float(avg) if avg is not None and ratings else None,
        budget_fen=int(acts[2]),
        spent_fen=int(acts[3]),
        feedback_questionnaires=len(fb_ids),
        feedback_responses=fb_responses,
        feedback_ratings=fb_ratings,
        feedback_mean=fb_mean,
    )


__all__ = [
    "ActivityFigures",
    "ActivityRow",
    "ParticipationRow",
    "SignupRow",
    "When",
    "activity",
    "activity_list_select",
    "household_participation",
    "list_activities",
    "month_figures",
    "signups",
    "waitlist_count",
    "when_condition",
]
