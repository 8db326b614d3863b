"""Activity services on SQLite and PostgreSQL: capacity, waitlist, promotion, states."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from propdesk import clock
from propdesk.activities import services as act
from propdesk.activities.models import Activity, ActivitySignup
from propdesk.activities.values import ActivityStatus, SignupState
from propdesk.auth.actor import Actor, Role
from propdesk.db.engine import Database
from propdesk.errors import InvalidTransition, NotAllowed, ValidationError
from propdesk.registry import services as reg
from tests.propdesk.activities.helpers import CLERK, MANAGER, START, Estate, open_activity, spec


def _taken(db: Database, aid: int) -> int:
    with db.begin(CLERK) as s:
        return int(s.scalar(select(Activity.taken).where(Activity.id == aid)) or 0)


def _states(db: Database, aid: int) -> dict[int, str]:
    with db.begin(CLERK) as s:
        rows = s.execute(
            select(ActivitySignup.unit_id, ActivitySignup.state).where(
                ActivitySignup.activity_id == aid
            )
        ).all()
        return dict(rows)


def test_signup_fills_then_waitlists_with_clear_message(db: Database, estate: Estate) -> None:
    aid = open_activity(db, capacity=4)
    u = estate.units
    with db.begin(CLERK) as s:
        r1 = act.sign_up(s, aid, unit_id=u[0], persons=3, contact_name="甲")
        r2 = act.sign_up(s, aid, unit_id=u[1], persons=1, channel="phone", contact_name="乙")
        r3 = act.sign_up(s, aid, unit_id=u[2], persons=1, contact_name="丙")
        r4 = act.sign_up(s, aid, unit_id=u[3], persons=2, person_id=estate.zhang)
    assert (r1.state, r2.state) == ("confirmed", "confirmed")
    assert r3.state == "waitlist"
    assert r3.waitlist_position == 1
    assert "候补第 1 位" in r3.message
    assert "名额已满" in r3.message
    assert r4.waitlist_position == 2
    assert _taken(db, aid) == 4
    with db.begin(CLERK) as s:
        assert s.get(ActivitySignup, r4.signup_id).contact_name == "张伟"  # type: ignore[union-attr]


def test_same_unit_cannot_sign_up_twice_and_nothing_is_saved(db: Database, estate: Estate) -> None:
    aid = open_activity(db, capacity=10)
    with db.begin(CLERK) as s:
        act.sign_up(s, aid, unit_id=estate.units[0], persons=2)
    with pytest.raises(ValidationError) as exc, db.begin(CLERK) as s:
        act.sign_up(s, aid, unit_id=estate.units[0], persons=1)
    assert exc.value.field == "unit_id"
    assert "不能重复报名" in str(exc.value)
    assert _taken(db, aid) == 2
    with db.begin(CLERK) as s:
        assert s.scalar(select(func.count(ActivitySignup.id))) == 1


@pytest.mark.parametrize("persons", [0, 11])
def test_bad_persons_refused(db: Database, estate: Estate, persons: int) -> None:
    aid = open_activity(db)
    with pytest.raises(ValidationError) as exc, db.begin(CLERK) as s:
        act.sign_up(s, aid, unit_id=estate.units[0], persons=persons)
    assert exc.value.field == "persons"
    assert _taken(db, aid) == 0


def test_cancel_promotes_waitlist_in_order_in_one_transaction(db: Database, estate: Estate) -> None:
    aid = open_activity(db, capacity=3)
    u = estate.units
    with db.begin(CLERK) as s:
        first = act.sign_up(s, aid, unit_id=u[0], persons=3)
        w1 = act.sign_up(s, aid, unit_id=u[1], persons=2)
        w2 = act.sign_up(s, aid, unit_id=u[2], persons=1)
        w3 = act.sign_up(s, aid, unit_id=u[3], persons=1)
    with db.begin(CLERK) as s:
        res = act.cancel_signup(s, first.signup_id)
    assert res.promoted == (w1.signup_id, w2.signup_id)
    assert _taken(db, aid) == 3
    states = _states(db, aid)
    assert states[u[0]] == "cancelled"
    assert states[u[3]] == "waitlist"
    # a new sign-up cannot jump the waitlist, even when a place is free later
    with db.begin(CLERK) as s:
        act.cancel_signup(s, w2.signup_id)
    assert _states(db, aid)[u[3]] == "confirmed"
    with db.begin(CLERK) as s:
        assert act.sign_up(s, aid, unit_id=u[4]).state == "waitlist"
    # the cancelled unit may sign up again, at the end of the queue
    with db.begin(CLERK) as s:
        again = act.sign_up(s, aid, unit_id=u[0], persons=1)
    assert again.signup_id > w3.signup_id
    assert again.waitlist_position == 2


def test_failed_cancel_rolls_back_promotion(db: Database, estate: Estate) -> None:
    aid = open_activity(db, capacity=1)
    with db.begin(CLERK) as s:
        first = act.sign_up(s, aid, unit_id=estate.units[0])
        act.sign_up(s, aid, unit_id=estate.units[1])

    def cancel_then_fail() -> None:
        with db.begin(CLERK) as s:
            act.cancel_signup(s, first.signup_id)
            raise RuntimeError("printer on fire")

    with pytest.raises(RuntimeError):
        cancel_then_fail()
    assert _states(db, aid) == {estate.units[0]: "confirmed", estate.units[1]: "waitlist"}
    assert _taken(db, aid) == 1


def test_cancel_activity_lists_signups_in_unit_order(db: Database, estate: Estate) -> None:
    aid = open_activity(db, capacity=2)
    with db.begin(MANAGER) as s:
        for unit in estate.units[:4]:
            act.sign_up(s, aid, unit_id=unit)
    with db.begin(MANAGER) as s:
        notify = act.cancel_activity(s, aid, reason="台风")
    assert [n.unit_code for n in notify] == ["1-1-101", "1-1-201", "1-1-1001", "2-1-101"]
    assert {n.state for n in notify} == {"confirmed", "waitlist"}
    with pytest.raises(InvalidTransition), db.begin(MANAGER) as s:
        act.sign_up(s, aid, unit_id=estate.units[5])
    with pytest.raises(ValidationError), db.begin(MANAGER) as s:
        act.cancel_activity(s, open_activity(db), reason=" ")


def test_lifecycle_attendance_and_feedback(
    db: Database, estate: Estate, test_clock: clock.FixedClock
) -> None:
    with db.begin(MANAGER) as s:
        aid = act.create_activity(s, spec(5))
        with pytest.raises(InvalidTransition):
            act.sign_up(s, aid, unit_id=estate.units[0])
        act.open_signups(s, aid)
        a = act.sign_up(s, aid, unit_id=estate.units[0], persons=2)
        b = act.sign_up(s, aid, unit_id=estate.units[1])
    with pytest.raises(InvalidTransition), db.begin(MANAGER) as s:
        act.record_attendance(s, aid, {a.signup_id})
    test_clock.set(START + timedelta(hours=2))
    with db.begin(MANAGER) as s:
        act.finish_activity(s, aid, spent_fen=42000)
        act.record_attendance(s, aid, {a.signup_id})
        act.record_feedback(s, a.signup_id, rating=5, comment="很好")
        with pytest.raises(InvalidTransition):
            act.record_feedback(s, b.signup_id, rating=4, comment="")
        with pytest.raises(ValidationError):
            act.record_feedback(s, a.signup_id, rating=6, comment="")
    with db.begin(MANAGER) as s:
        row = s.get(Activity, aid)
        assert row is not None
        assert row.status == ActivityStatus.FINISHED
        assert row.spent_fen == 42000
        sa = s.get(ActivitySignup, a.signup_id)
        assert sa is not None
        assert (sa.attended, sa.rating) == (True, 5)
        sb = s.get(ActivitySignup, b.signup_id)
        assert sb is not None
        assert sb.attended is False
        assert sb.state == SignupState.CONFIRMED


def test_bad_activity_input(db: Database, estate: Estate) -> None:
    for bad, field in [
        (spec(0), "capacity"),
        (spec(budget_fen=-1), "budget_fen"),
        (spec(title=" "), "title"),
        (spec(kind="party"), "kind"),
        (spec(ends_at=spec().starts_at), "ends_at"),
        (spec(starts_at=START - timedelta(days=6), ends_at=None), "starts_at"),  # the past
    ]:
        with pytest.raises(ValidationError) as exc, db.begin(MANAGER) as s:
            act.create_activity(s, bad)
        assert exc.value.field == field
    with db.begin(MANAGER) as s:
        assert s.scalar(select(func.count(Activity.id))) == 0


def test_capacity_cannot_drop_below_taken_and_raising_it_promotes(
    db: Database, estate: Estate
) -> None:
    aid = open_activity(db, capacity=2)
    with db.begin(MANAGER) as s:
        act.sign_up(s, aid, unit_id=estate.units[0], persons=2)
        w = act.sign_up(s, aid, unit_id=estate.units[1], persons=1)
    with pytest.raises(ValidationError), db.begin(MANAGER) as s:
        act.update_activity(s, aid, spec(1))
    with db.begin(MANAGER) as s:
        result = act.update_activity(s, aid, spec(3))
    # whom it moved up, as cancelling a sign-up says (the desk tells them)
    moved = (act.MovedUp(estate.codes[1], ""),)  # a vacant unit, no contact: nobody to call
    assert result == act.UpdateResult(aid, (w.signup_id,), (estate.codes[1],), moved)
    assert _states(db, aid)[estate.units[1]] == "confirmed"
    assert _taken(db, aid) == 3
    assert w.signup_id


def test_activity_cannot_be_finished_before_it_starts(
    db: Database, estate: Estate, test_clock: clock.FixedClock
) -> None:
    aid = open_activity(db, capacity=5)
    with db.begin(CLERK) as s:
        signup = act.sign_up(s, aid, unit_id=estate.units[0])
    # a minute before the start (14:00 China time, 06:00 UTC): refused, saying when it starts
    test_clock.set(START - timedelta(minutes=1))
    with pytest.raises(InvalidTransition) as exc, db.begin(MANAGER) as s:
        act.finish_activity(s, aid, spent_fen=100)
    local = clock.to_local(START)
    assert f"{local:%Y-%m-%d %H:%M}" in str(exc.value)
    assert local.hour == 14
    assert "还没有开始" in str(exc.value)
    assert "取消活动" in str(exc.value)
    with db.begin(MANAGER) as s:
        row = s.get(Activity, aid)
        assert row is not None
        assert (row.status, row.spent_fen) == ("open", 0)
    # once it has started it can be finished
    test_clock.set(START)
    with db.begin(MANAGER) as s:
        act.finish_activity(s, aid, spent_fen=100)
        act.record_attendance(s, aid, {signup.signup_id})
        act.record_feedback(s, signup.signup_id, rating=5, comment="")


def test_no_attendance_or_feedback_for_an_activity_not_started(
    db: Database, estate: Estate, test_clock: clock.FixedClock
) -> None:
    """An activity marked finished ahead of its date (before this rule) takes no attendance
    and no rating for a day that has not come."""
    aid = open_activity(db, capacity=5)
    with db.begin(CLERK) as s:
        signup = act.sign_up(s, aid, unit_id=estate.units[0])
    with db.begin(MANAGER) as s:  # finished ahead of its date by an older version
        row = s.get(Activity, aid)
        assert row is not None
        row.status = ActivityStatus.FINISHED.value
        s.get(ActivitySignup, signup.signup_id).attended = True  # type: ignore[union-attr]
    with pytest.raises(InvalidTransition) as exc, db.begin(CLERK) as s:
        act.record_attendance(s, aid, {signup.signup_id})
    assert "还没有开始" in str(exc.value)
    assert "签到" in str(exc.value)
    with pytest.raises(InvalidTransition) as exc, db.begin(CLERK) as s:
        act.record_feedback(s, signup.signup_id, rating=5, comment="很好")
    assert "还没有开始" in str(exc.value)
    with db.begin(CLERK) as s:
        assert s.get(ActivitySignup, signup.signup_id).rating is None  # type: ignore[union-attr]
    test_clock.set(START + timedelta(hours=2))
    with db.begin(CLERK) as s:
        act.record_feedback(s, signup.signup_id, rating=5, comment="很好")


def test_refusals_name_the_activity_work_not_system_settings(
    db: Database, estate: Estate, test_clock: clock.FixedClock
) -> None:
    clerk = Actor(user_id=None, username="li", display_name="李娜", role=Role.CLERK)
    with pytest.raises(NotAllowed) as exc, db.begin(clerk) as s:
        act.create_activity(s, spec(5))
    assert str(exc.value) == "李娜无权新建或修改社区活动，请联系经理。"
    aid = open_activity(db, capacity=5)
    test_clock.set(START + timedelta(hours=1))
    for refused, words in [
        (lambda s: act.update_activity(s, aid, spec(6)), "无权新建或修改社区活动"),
        (lambda s: act.finish_activity(s, aid, spent_fen=0), "无权结束社区活动"),
        (lambda s: act.cancel_activity(s, aid, reason="下雨"), "无权取消社区活动"),
    ]:
        with pytest.raises(NotAllowed) as exc, db.begin(clerk) as s:
            refused(s)
        assert words in str(exc.value)
        assert "系统设置" not in str(exc.value)
    # what a clerk does: sign-ups at the desk and by phone, and cancelling one
    with db.begin(clerk) as s:
        act.sign_up(s, aid, unit_id=estate.units[0])
        phoned = act.sign_up(s, aid, unit_id=estate.units[1], channel="phone")
        act.cancel_signup(s, phoned.signup_id)
    finance = Actor(user_id=None, username="qian", display_name="钱会计", role=Role.FINANCE)
    with pytest.raises(NotAllowed) as exc, db.begin(finance) as s:
        act.sign_up(s, aid, unit_id=estate.units[2])
    assert "无权办理社区活动报名" in str(exc.value)


def test_waitlist_message_says_truly_why(db: Database, estate: Estate) -> None:
    """3 places, 2 taken: a 2-person household does not fit; a 1-person household that
    would fit waits behind it (first come, first served) and is told so, not "full"."""
    aid = open_activity(db, capacity=3)
    u = estate.units
    with db.begin(CLERK) as s:
        act.sign_up(s, aid, unit_id=u[0], persons=2)
        two = act.sign_up(s, aid, unit_id=u[1], persons=2)
        one = act.sign_up(s, aid, unit_id=u[2], persons=1)
    assert (two.state, two.waitlist_position) == ("waitlist", 1)
    assert "名额已满" not in two.message
    assert "只剩 1 个名额，不够 2 人" in two.message
    assert "候补第 1 位" in two.message
    assert (one.state, one.waitlist_position) == ("waitlist", 2)
    assert "名额已满" not in one.message
    assert "还剩 1 个名额，但已有 1 户先登记候补" in one.message
    assert "候补第 2 位" in one.message
    assert _taken(db, aid) == 2


def test_cancel_names_the_units_moved_up(db: Database, estate: Estate) -> None:
    aid = open_activity(db, capacity=2)
    u = estate.units
    with db.begin(CLERK) as s:
        first = act.sign_up(s, aid, unit_id=u[0], persons=2)
        act.sign_up(s, aid, unit_id=u[1])  # 1-1-1001
        act.sign_up(s, aid, unit_id=u[2])  # 1-1-201
    with db.begin(CLERK) as s:
        res = act.cancel_signup(s, first.signup_id)
    assert res.promoted_units == ("1-1-1001", "1-1-201")  # queue order
    assert len(res.promoted) == 2


def test_outlook_says_before_saving_what_the_sign_up_will_do(db: Database, estate: Estate) -> None:
    """The desk asks before waitlisting: the outlook, read before each save, agrees with the
    save's answer (full, too few places, earlier households waiting) and changes nothing."""
    aid = open_activity(db, capacity=3)
    u = estate.units
    cases = [(u[0], 2, 0, ""), (u[1], 2, 1, "只剩 1 个名额，不够 2 人，")]
    cases += [(u[2], 1, 2, "还剩 1 个名额，但已有 1 户先登记候补，按先后顺序轮候，")]
    for unit, persons, position, reason in cases:
        with db.begin(CLERK) as s:
            outlook = act.signup_outlook(s, aid, persons=persons)
        assert outlook.waitlist_position == position
        assert outlook.message == (f"{reason}将登记为候补第 {position} 位。" if position else "")
        with db.begin(CLERK) as s:
            result = act.sign_up(s, aid, unit_id=unit, persons=persons)
        assert result.waitlist_position == position
        assert result.message.startswith(reason or "报名成功")
    assert _taken(db, aid) == 2
    full = open_activity(db, capacity=1)
    with db.begin(CLERK) as s:
        act.sign_up(s, full, unit_id=u[0])
        outlook = act.signup_outlook(s, full, persons=1)
        assert outlook == act.SignupOutlook(1, "名额已满，将登记为候补第 1 位。")
        assert s.scalar(select(func.count(ActivitySignup.id))) == 4  # the outlook saved nothing
        assert act.sign_up(s, full, unit_id=u[1]).message.startswith(
            "名额已满，已登记为候补第 1 位"
        )


def test_moved_up_households_come_with_whom_to_call(db: Database, estate: Estate) -> None:
    """Cancel and raised capacity both say whom to call for each household moved up: the
    contact and a phone as the role sees it (masked for the clerk, full for the manager);
    a contact not in the registry gets the phone of the household's resident, named."""
    u = estate.units
    with db.begin(MANAGER) as s:
        li = reg.create_person(s, name="李娜", phone="13900001111")
        reg.start_occupancy(
            s, person_id=li, unit_id=u[1], role="owner", start_date=date(2021, 1, 1)
        )
    aid = open_activity(db, capacity=3)
    with db.begin(CLERK) as s:
        first = act.sign_up(s, aid, unit_id=u[4], persons=3)
        act.sign_up(s, aid, unit_id=u[3], contact_name="张伟")  # 1-1-101, in the registry
        act.sign_up(s, aid, unit_id=u[1], contact_name="李阿姨")  # 1-1-1001, not in it
        act.sign_up(s, aid, unit_id=u[2], contact_name="赵先生")  # 1-1-201, nobody living there
    with db.begin(CLERK) as s:
        res = act.cancel_signup(s, first.signup_id)
    assert res.moved_up == (
        act.MovedUp("1-1-101", "张伟", "138****5678"),
        act.MovedUp("1-1-1001", "李阿姨", "139****1111", "李娜"),
        act.MovedUp("1-1-201", "赵先生"),
    )

    other = open_activity(db, capacity=1)
    with db.begin(CLERK) as s:
        act.sign_up(s, other, unit_id=u[0])
        act.sign_up(s, other, unit_id=u[3], person_id=estate.zhang)
    with db.begin(MANAGER) as s:
        raised = act.update_activity(s, other, spec(2))
    assert raised.moved_up == (act.MovedUp("1-1-101", "张伟", "13812345678"),)
