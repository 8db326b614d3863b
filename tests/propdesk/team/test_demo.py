"""The team's demo step: shifts, a year of roster through next month for the desk staff,
last month's comments (the clerk's acknowledged); the same every build."""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import delete, func, select

from propdesk import clock
from propdesk.auth.actor import Actor, Role
from propdesk.db.engine import Database
from propdesk.demo.steps import DemoContext
from propdesk.team import roster
from propdesk.team.demo import build_team
from propdesk.team.models import TeamAssessment, TeamRosterEntry
from tests.propdesk.team import helpers as h

TODAY = date(2026, 3, 1)  # the 1st: last month is February, the comment still before now


def _build(db: Database, seed: int, tag: str = "") -> list[tuple[str, date, int]]:
    with db.begin(Actor.system()) as s:
        clerk = h.add_user(s, f"c{seed}{tag}", "李娜")
        sup = h.add_user(s, f"s{seed}{tag}", "张伟", Role.SUPERVISOR)
        boss = h.add_user(s, f"m{seed}{tag}", "王芳", Role.MANAGER)
        ctx = DemoContext(rng=random.Random(seed), today=TODAY, units=10)
        ctx.info["user_ids"] = {
            "clerk": clerk.user_id,
            "supervisor": sup.user_id,
            "manager": boss.user_id,
        }
        build_team(s, ctx)
        rows = s.execute(
            select(TeamRosterEntry.user_id, TeamRosterEntry.day, TeamRosterEntry.shift_id)
            .where(TeamRosterEntry.user_id.in_((clerk.user_id, sup.user_id)))
            .order_by(TeamRosterEntry.day, TeamRosterEntry.user_id)
        ).all()
        signed = s.scalars(select(TeamAssessment).order_by(TeamAssessment.user_id)).all()
        assert [a.period for a in signed] == ["2026-02", "2026-02"]
        assert signed[0].user_id == clerk.user_id
        assert signed[0].ack_at is not None
        assert signed[0].ack_by_name == "李娜"
        assert signed[1].ack_at is None
        assert all(a.comment and a.comment_by_name == "王芳" for a in signed)
        assert all(a.comment_at is not None and a.comment_at < ctx.now for a in signed)
        assert signed[0].ack_at is not None
        assert signed[0].ack_at <= ctx.now
        # someone is rostered at the demo's now
        assert roster.on_duty_at(s, ctx.now) or roster.next_shift_after(s, ctx.now)
        assert s.scalar(select(func.count(TeamAssessment.id))) == 2
    who = {clerk.user_id: "clerk", sup.user_id: "supervisor"}
    return [(who[u], d, sh) for u, d, sh in rows]


def test_a_year_of_roster_and_last_month_signed(db: Database) -> None:
    rows = _build(db, 1)
    days = sorted({d for _, d, _ in rows})
    assert days[0] <= TODAY - timedelta(days=365)
    assert days[-1] >= date(2026, 4, 28)  # through next month
    # nobody works two shifts on one day
    assert len({(u, d) for u, d, _ in rows}) == len(rows)
    assert clock.estate_zone().key == "Asia/Shanghai"


def test_deterministic(db: Database) -> None:
    first = _build(db, 7)
    with db.begin(Actor.system()) as s:
        s.execute(delete(TeamRosterEntry))
        s.execute(delete(TeamAssessment))
    assert _build(db, 7, "again") == first
