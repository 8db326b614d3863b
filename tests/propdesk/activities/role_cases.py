"""Role cases of community activities: planning and money need MANAGE_SETTINGS, opening
and cancelling APPROVE, sign-ups, attendance, feedback and the notice EDIT_REGISTRY.
Finishing (and so attendance and feedback) needs an activity that has started."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from sqlalchemy.orm import Session

from propdesk.activities import services as act
from propdesk.activities.services import ActivitySpec
from propdesk.auth.permissions import Permission
from tests.conftest import TEST_NOW
from tests.propdesk.activities.helpers import begun
from tests.propdesk.auth.role_matrix import Call, Guarded

START = datetime.combine(
    TEST_NOW.date() + timedelta(days=7), time(9, 0), tzinfo=TEST_NOW.tzinfo
).astimezone(UTC)


def _spec(c: Call, capacity: int = 50) -> ActivitySpec:
    return ActivitySpec(
        "culture", f"书法活动{c.tag}", START, None, "会所", capacity, 10000, "赵经理"
    )


def _activity(c: Call, *, open_now: bool = True) -> int:
    def make(s: Session) -> int:
        return act.create_activity(s, _spec(c), open_now=open_now)

    return int(c.as_system(make))


def _started_activity(c: Call) -> int:
    aid = _activity(c)
    c.as_system(lambda s: begun(s, aid))
    return aid


def _planned(c: Call) -> int:
    return _activity(c, open_now=False)


def _signed_up(c: Call) -> int:
    aid = _activity(c)
    res = c.as_system(lambda s: act.sign_up(s, aid, unit_id=c.world.unit_id))
    return int(res.signup_id)


def _attended(c: Call) -> tuple[int, int]:
    aid = _activity(c)

    def make(s: Session) -> tuple[int, int]:
        sid = act.sign_up(s, aid, unit_id=c.world.unit_id).signup_id
        begun(s, aid)
        act.finish_activity(s, aid, spent_fen=0)
        return aid, sid

    return c.as_system(make)  # type: ignore[no-any-return]


def _finished_signup(c: Call) -> int:
    aid, sid = _attended(c)
    c.as_system(lambda s: act.record_attendance(s, aid, {sid}))
    return sid


CASES: list[Guarded] = [
    Guarded(
        "propdesk.activities.services.create_activity",
        Permission.MANAGE_SETTINGS,
        lambda c: c.run(lambda s: act.create_activity(s, _spec(c))),
    ),
    Guarded(
        "propdesk.activities.services.update_activity",
        Permission.MANAGE_SETTINGS,
        lambda c: c.run(lambda s: act.update_activity(s, c.prepared, _spec(c, 60))),
        _activity,
    ),
    Guarded(
        "propdesk.activities.services.finish_activity",
        Permission.MANAGE_SETTINGS,
        lambda c: c.run(lambda s: act.finish_activity(s, c.prepared, spent_fen=5000)),
        _started_activity,
    ),
    Guarded(
        "propdesk.activities.services.open_signups",
        Permission.APPROVE,
        lambda c: c.run(lambda s: act.open_signups(s, c.prepared)),
        _planned,
    ),
    Guarded(
        "propdesk.activities.services.cancel_activity",
        Permission.APPROVE,
        lambda c: c.run(lambda s: act.cancel_activity(s, c.prepared, reason="下雨")),
        _activity,
    ),
    Guarded(
        "propdesk.activities.services.sign_up",
        Permission.EDIT_REGISTRY,
        lambda c: c.run(lambda s: act.sign_up(s, c.prepared, unit_id=c.world.unit_id)),
        _activity,
    ),
    Guarded(
        "propdesk.activities.services.signup_outlook",
        Permission.EDIT_REGISTRY,
        lambda c: c.run(lambda s: act.signup_outlook(s, c.prepared, persons=1)),
        _activity,
    ),
    Guarded(
        "propdesk.activities.services.cancel_signup",
        Permission.EDIT_REGISTRY,
        lambda c: c.run(lambda s: act.cancel_signup(s, c.prepared)),
        _signed_up,
    ),
    Guarded(
        "propdesk.activities.services.record_attendance",
        Permission.EDIT_REGISTRY,
        lambda c: c.run(lambda s: act.record_attendance(s, c.prepared[0], {c.prepared[1]})),
        _attended,
    ),
    Guarded(
        "propdesk.activities.services.record_feedback",
        Permission.EDIT_REGISTRY,
        lambda c: c.run(lambda s: act.record_feedback(s, c.prepared, rating=4, comment="好")),
        _finished_signup,
    ),
    Guarded(
        "propdesk.activities.services.mark_notice_printed",
        Permission.EDIT_REGISTRY,
        lambda c: c.run(lambda s: act.mark_notice_printed(s, c.prepared)),
        _activity,
    ),
]
