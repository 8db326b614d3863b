"""Demo step: the 早/中/夜 shifts, a year of roster for the demo desk staff, and last
month's assessment signed off (the manager's comment on both, the clerk's acknowledgement).

Deterministic: ``ctx.today``, ``ctx.now`` and ``ctx.rng`` only. Reads ``ctx.info["user_ids"]``
(role → user id, from the users step).
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.auth.actor import Role
from propdesk.auth.models import User
from propdesk.demo.steps import DemoContext
from propdesk.team.models import TeamAssessment, TeamRosterEntry, TeamShift
from propdesk.team.roster import DEFAULT_SHIFTS

CYCLE = ("early", "middle", "night", None)
"""Each desk person's four-day rotation: 早, 中, 夜 (into the next morning), then a day off;
the second person runs two days behind, so a night is followed by the other's early."""

COMMENTS = (
    "本月登记及时、描述清楚，回访按时完成；来电高峰时段接听略慢，下月注意交接前后的空档。",
    "工单跟进到位，住户满意度较高；请继续把答客问的口径用熟，减少转接。",
)


def build_team(session: Session, ctx: DemoContext) -> None:
    """Shifts, a year of roster (plus the current and next month), last month's sign-off."""
    shift_ids: dict[str, int] = {}
    for code, name, starts, ends in DEFAULT_SHIFTS:
        found = session.scalar(select(TeamShift.id).where(TeamShift.code == code))
        if found is None:
            session.execute(
                insert(TeamShift), [{"code": code, "name": name, "starts": starts, "ends": ends}]
            )
            found = session.scalar(select(TeamShift.id).where(TeamShift.code == code))
        assert found is not None
        shift_ids[code] = found
    users: Any = ctx.info.get("user_ids", {})
    staff = [users[r.value] for r in (Role.CLERK, Role.SUPERVISOR) if r.value in users]
    if not staff:
        return
    first = ctx.today.replace(day=1)
    start = (first - timedelta(days=366)).replace(day=1)
    end = (first + timedelta(days=62)).replace(day=1)  # through next month
    rows: list[dict[str, Any]] = []
    day, n = start, 0
    while day < end:
        for k, user_id in enumerate(staff):
            on = CYCLE[(n + 2 * k) % len(CYCLE)]
            # now and then a day swapped for leave (还休), the same every build
            if on is not None and ctx.rng.random() >= 0.03:
                rows.append({"user_id": user_id, "day": day, "shift_id": shift_ids[on]})
        day += timedelta(days=1)
        n += 1
    session.execute(insert(TeamRosterEntry), rows)
    ctx.progress(0.6, "排班")
    _sign_off_last_month(session, ctx, staff, users.get(Role.MANAGER.value))
    ctx.progress(1.0, "考核")


COMMENT_AT = time(10, 20)
ACK_AT = time(15, 40)
"""Office hours at the estate: the manager comments in the morning, the clerk acknowledges
the same afternoon."""


def _sign_off_times(ctx: DemoContext) -> tuple[datetime, datetime]:
    """When the manager commented on last month and the clerk acknowledged it: the 2nd of
    this month in office hours (estate time), or the latest earlier day whose afternoon is
    already past at the demo's now (the 1st, or last month's last day early on the 1st)."""
    day = ctx.today.replace(day=1) + timedelta(days=1)
    while clock.local_datetime(day, ACK_AT) > ctx.now:
        day -= timedelta(days=1)
    return clock.local_datetime(day, COMMENT_AT), clock.local_datetime(day, ACK_AT)


def _sign_off_last_month(
    session: Session, ctx: DemoContext, staff: list[int], manager_id: int | None
) -> None:
    if manager_id is None:
        return
    names = {r[0]: r[1] for r in session.execute(select(User.id, User.display_name))}
    first = ctx.today.replace(day=1)
    last = first - timedelta(days=1)
    period = f"{last.year:04d}-{last.month:02d}"
    comment_at, ack_at = _sign_off_times(ctx)
    for k, user_id in enumerate(staff):
        acknowledged = k == 0  # the clerk acknowledged; the supervisor has not yet
        session.add(
            TeamAssessment(
                user_id=user_id,
                period=period,
                comment=COMMENTS[k % len(COMMENTS)],
                comment_by_user_id=manager_id,
                comment_by_name=names.get(manager_id, ""),
                comment_at=comment_at,
                ack_at=ack_at if acknowledged else None,
                ack_by_name=names.get(user_id, "") if acknowledged else "",
            )
        )
    session.flush()
