"""Assessment figures: each against plain SQL on both databases, drill-down == figure,
month edges in the estate's zone, and who may see whose figures."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import bindparam, text

from propdesk.auth.actor import Actor, Role
from propdesk.db.engine import Database
from propdesk.db.types import UTCDateTime
from propdesk.errors import NotAllowed, ValidationError
from propdesk.team import assessment as svc
from propdesk.team import figures as fig
from tests.propdesk.team import helpers as h

SYSTEM = Actor.system()
PERIOD = "2026-05"
# 2026-05-01 00:00 China time is 2026-04-30 16:00 UTC; 2026-06-01 00:00 is 05-31 16:00 UTC.
MAY_START = datetime(2026, 4, 30, 16, 0, tzinfo=UTC)
JUNE_START = datetime(2026, 5, 31, 16, 0, tzinfo=UTC)


def _world(db: Database) -> dict[str, Any]:
    with db.begin(SYSTEM) as s:
        wang = h.add_user(s, "wang", "王前台")
        li = h.add_user(s, "li", "李前台")
        boss = h.add_user(s, "zhao", "赵经理", Role.MANAGER)
        cat = h.category(s)
        # wang's tickets: one in the first local minute of May (still April in UTC),
        # one in the last local minute of May, one in June local (May UTC): not counted.
        t1 = h.ticket(
            s,
            n=1,
            category_id=cat,
            owner=wang.user_id,
            created=MAY_START,
            responded_after=timedelta(minutes=30),
            done_after=timedelta(hours=5),
        )
        t2 = h.ticket(
            s,
            n=2,
            category_id=cat,
            owner=wang.user_id,
            created=JUNE_START - timedelta(minutes=1),
            responded_after=timedelta(minutes=90),
        )
        h.ticket(s, n=3, category_id=cat, owner=wang.user_id, created=JUNE_START)
        h.ticket(
            s, n=4, category_id=cat, owner=wang.user_id, created=MAY_START - timedelta(seconds=1)
        )
        t5 = h.ticket(
            s,
            n=5,
            category_id=cat,
            owner=li.user_id,
            created=MAY_START + timedelta(days=3),
            done_after=timedelta(hours=1),
        )
        h.ticket(
            s, n=6, category_id=cat, owner=wang.user_id, created=MAY_START + timedelta(days=10)
        )
        # callbacks by wang: on time (within 48 h of done), late, and one by li
        h.callback(s, ticket_id=t1, by=wang.user_id, at=MAY_START + timedelta(hours=20), overall=5)
        h.callback(s, ticket_id=t5, by=wang.user_id, at=MAY_START + timedelta(days=6), overall=2)
        h.callback(s, ticket_id=t2, by=li.user_id, at=MAY_START + timedelta(days=7), overall=4)
        # calls: wang answered in, ticket in, transferred in, outbound, missed; li one
        h.call(s, clerk=wang.user_id, at=MAY_START + timedelta(hours=1))
        h.call(s, clerk=wang.user_id, at=MAY_START + timedelta(hours=2), outcome="ticket")
        h.call(s, clerk=wang.user_id, at=MAY_START + timedelta(hours=3), outcome="transferred")
        h.call(s, clerk=wang.user_id, at=MAY_START + timedelta(hours=4), direction="out")
        h.call(
            s,
            clerk=wang.user_id,
            at=MAY_START + timedelta(hours=5),
            state="missed",
            outcome="missed",
        )
        h.call(s, clerk=wang.user_id, at=JUNE_START, outcome="answered")
        h.call(s, clerk=li.user_id, at=MAY_START + timedelta(hours=6))
    return {"wang": wang, "li": li, "boss": boss}


def _sql(db: Database, sql: str, **params: Any) -> Any:
    stmt = text(sql).bindparams(
        bindparam("lo", type_=UTCDateTime()), bindparam("hi", type_=UTCDateTime())
    )
    with db.engine.connect() as conn:
        return conn.execute(stmt, {"lo": MAY_START, "hi": JUNE_START, **params}).all()


def test_figures_match_plain_sql(db: Database) -> None:
    w = _world(db)
    uid = w["wang"].user_id
    with db.begin(SYSTEM) as s:
        f = fig.compute(s, uid, PERIOD)
    tickets = _sql(
        db,
        "SELECT created_at, responded_at FROM ticket WHERE owner_user_id = :u"
        " AND created_at >= :lo AND created_at < :hi",
        u=uid,
    )
    assert f.tickets_registered == len(tickets) == 3
    responded = _sql(
        db,
        "SELECT id FROM ticket WHERE owner_user_id = :u AND responded_at IS NOT NULL"
        " AND created_at >= :lo AND created_at < :hi",
        u=uid,
    )
    assert f.responded == len(responded) == 2
    assert f.avg_response_minutes == pytest.approx(60.0)
    cb = _sql(
        db,
        "SELECT COUNT(*), AVG(overall * 1.0) FROM ticket_callback WHERE by_user_id = :u"
        " AND at >= :lo AND at < :hi",
        u=uid,
    )[0]
    assert f.callbacks == cb[0] == 2
    assert f.avg_satisfaction == pytest.approx(float(cb[1])) == 3.5
    assert f.callbacks_on_time == 1
    calls = _sql(
        db,
        "SELECT COUNT(*), SUM(CASE WHEN direction = 'in' THEN 1 ELSE 0 END),"
        " SUM(CASE WHEN direction = 'in' AND outcome IN ('answered', 'ticket') THEN 1 ELSE 0"
        " END) FROM call_record WHERE clerk_user_id = :u AND state = 'logged'"
        " AND at >= :lo AND at < :hi",
        u=uid,
    )[0]
    assert (f.calls_handled, f.inbound_calls, f.first_call_resolved) == tuple(calls) == (4, 3, 2)
    assert f.first_call_resolution == pytest.approx(2 / 3)


def test_drill_down_counts_exactly_the_figure(db: Database) -> None:
    w = _world(db)
    boss, uid = w["boss"], w["wang"].user_id
    with db.begin(boss) as s:
        f = svc.figures(s, user_id=uid, period=PERIOD)
        counts = {
            d: len(svc.drill_down(s, user_id=uid, period=PERIOD, figure=d))
            for d in svc.DRILLS
            if d != "survey_calls"  # (tests/propdesk/team/test_survey_calls.py)
        }
    assert counts == {
        "tickets": f.tickets_registered,
        "responded": f.responded,
        "callbacks": f.callbacks,
        "callbacks_on_time": f.callbacks_on_time,
        "calls": f.calls_handled,
        "first_call": f.first_call_resolved,
    }
    assert all(counts.values())


def test_visibility_clerk_sees_only_own(db: Database) -> None:
    w = _world(db)
    wang, li = w["wang"], w["li"]
    with db.begin(wang) as s:
        assert svc.figures(s, user_id=wang.user_id, period=PERIOD).tickets_registered == 3
        assert svc.visible_clerks(s) == [(wang.user_id, "王前台")]
        with pytest.raises(NotAllowed):
            svc.figures(s, user_id=li.user_id, period=PERIOD)
        with pytest.raises(NotAllowed):
            svc.drill_down(s, user_id=li.user_id, period=PERIOD, figure="tickets")
        with pytest.raises(NotAllowed):
            svc.sheet(s, user_id=li.user_id, period=PERIOD)


@pytest.mark.parametrize("role", list(Role))
def test_visibility_role_matrix(db: Database, role: Role) -> None:
    w = _world(db)
    other = w["li"].user_id
    actor = Actor(user_id=w["wang"].user_id, username="x", display_name="某人", role=role)
    with db.begin(actor) as s:
        if role in (Role.SUPERVISOR, Role.MANAGER, Role.ADMIN):
            assert svc.figures(s, user_id=other, period=PERIOD).calls_handled == 1
            assert len(svc.visible_clerks(s)) == 2
        else:
            with pytest.raises(NotAllowed):
                svc.figures(s, user_id=other, period=PERIOD)


def test_comment_and_acknowledgement(db: Database) -> None:
    w = _world(db)
    wang, li, boss = w["wang"], w["li"], w["boss"]
    with db.begin(wang) as s, pytest.raises(ValidationError):
        svc.acknowledge(s, user_id=wang.user_id, period=PERIOD)
    with db.begin(wang) as s, pytest.raises(NotAllowed):
        svc.comment(s, user_id=wang.user_id, period=PERIOD, text="自评优秀")
    with db.begin(boss) as s, pytest.raises(ValidationError):
        svc.comment(s, user_id=wang.user_id, period=PERIOD, text="  ")
    with db.begin(boss) as s:
        so = svc.comment(s, user_id=wang.user_id, period=PERIOD, text="响应及时，继续保持")
    assert so.comment_by_name == "赵经理"
    assert so.comment_at is not None
    assert so.ack_at is None
    for other in (li, boss):
        with db.begin(other) as s, pytest.raises(NotAllowed):
            svc.acknowledge(s, user_id=wang.user_id, period=PERIOD)
    with db.begin(wang) as s:
        so = svc.acknowledge(s, user_id=wang.user_id, period=PERIOD)
    assert so.ack_by_name == "王前台"
    assert so.ack_at is not None
    with db.begin(boss) as s, pytest.raises(ValidationError):
        svc.comment(s, user_id=wang.user_id, period=PERIOD, text="改评语")
    with db.begin(wang) as s:
        sheet = svc.sheet(s, user_id=wang.user_id, period=PERIOD)
    assert sheet.sign_off.comment == "响应及时，继续保持"
    assert sheet.clerk_name == "王前台"


def test_bad_period(db: Database) -> None:
    w = _world(db)
    with db.begin(w["boss"]) as s, pytest.raises(ValidationError):
        svc.figures(s, user_id=w["wang"].user_id, period="2026-13")
